import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What an argument or an option's value is, so that parsing, help and Tab completion agree.
public enum ArgumentKind: Sendable, Equatable {
  /// An existing token's name.
  case tokenName
  /// A name for a new token (nothing to complete).
  case newTokenName
  /// A store-level token with credentials, which can mint storefront tokens (`--from`).
  case mintingToken
  /// A minted storefront token.
  case storefrontToken
  /// `storefront`, `private` or `impersonation`.
  case storefrontKind
  /// `Unauthenticated`, `Customer` or `B2B`.
  case storefrontScope
  /// A channel id of the store of the `--from` token.
  case channelID
  /// `SCOPE[=LEVEL]` from the catalog, for the current token's kind.
  case scopeGrant
  /// A scope the current token declares.
  case declaredScope
  /// A scope to describe (`scope info`): any spelling `scope add` takes, of either kind, or
  /// `default`/`webhooks` for the implicit scope.
  case scopeTopic
  /// `METHOD PATH` pairs (`scope need`): methods, then paths from the endpoint catalog.
  case request
  /// A preset name or a file of requests (`verify --for`).
  case coverageTarget
  case preset
  case credentialField
  case file(FileRole)
  /// `session`, `txt` or `env`.
  case saveFormat
  /// `catalyst`, `stencil` or `env` (`export --for`).
  case exportTool
  case variableName
  case apiPath
  /// `declared`, `all` or `none`.
  case scopeSelection
  /// `bigcommerce`, `catalyst` or `stencil` (`exec --for`).
  case execTool
  case number
  /// A command name, for `help`.
  case command
  case text
}
