import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// What `save --format` writes.
enum SaveFormat: String, CaseIterable, ClosedSetArgument {
  case session, txt, env

  static var noun: String { "format" }
  static var kind: ArgumentKind { .saveFormat }
}
