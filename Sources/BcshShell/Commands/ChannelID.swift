import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// `--channel ID`: a channel id, a whole number from 1.
struct ChannelID: ShellArgument {
  let id: Int

  static var kind: ArgumentKind { .channelID }

  init(argument: String) throws(BcshError) {
    guard argument.count <= 10, argument.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(argument),
      id >= 1
    else {
      throw BcshError(
        "\(ShownWord.quoted(argument)) is not a channel id", code: .invalidValue,
        hint: "channel ids are whole numbers from 1; 1 is the store's first storefront")
    }
    self.id = id
  }
}
