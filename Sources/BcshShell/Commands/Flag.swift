import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `--name`: an option without a value.
struct Flag: Sendable {
  let spec: OptionSpec

  init(_ name: String, _ summary: String) { spec = OptionSpec(name, summary) }
}
