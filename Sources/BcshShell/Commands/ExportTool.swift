import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The tool `export --for` writes credentials for.
enum ExportTool: String, CaseIterable, ClosedSetArgument {
  case catalyst, stencil, env

  static var noun: String { "tool" }
  static var kind: ArgumentKind { .exportTool }

  /// What Tab shows beside each.
  var summary: String {
    switch self {
    case .catalyst: ".env.local of a Catalyst storefront (store, channel, storefront token, API account)"
    case .stencil: "config.stencil.json and secrets.stencil.json of a stencil theme"
    case .env: ".env of BIGCOMMERCE_* keys"
    }
  }
}
