import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `token checklist`: the steps to create exactly this API account in the control panel.
enum Checklist {
  /// The control panel's wording as docs/bigcommerce.md ("API accounts") records it: menu names, who may
  /// create an account, the button to click.
  static func steps(for token: Token) -> [String] {
    var steps: [String] = []
    switch token.kind {
    case .store:
      steps.append(
        "Sign in to the store's control panel"
          + (token.apiPath.map { " (https://store-\($0.identifier).mybigcommerce.com/manage)" } ?? "")
          + " as the store owner or a user with the high-risk permission \"Create store-level API "
          + "Accounts\".")
      steps.append(
        "Go to Settings > Store-level API accounts (the Help Center calls it Settings > Store-level API "
          + "Tokens) and click \"+ Create API Account\".")
      if let type = tokenType(for: token) {
        // The docs describe only this token type for the tool: it sets its own scopes, and no
        // V2/V3 token with the same scopes is documented as a substitute (docs/bigcommerce.md).
        steps.append(
          "Token type: choose \"Create \(type.name)\" in the Create API Account drop-down and set its access "
            + "level to \"\(type.level)\" (its levels: "
            + type.levels.map { "\"\($0)\"" }.joined(separator: ", ")
            + "). The control panel sets this token's scopes itself.")
      } else {
        steps.append("Token type: V2/V3 API token.")
      }
    case .account:
      steps.append("Sign in as the store owner (only the owner can create account-level API accounts).")
      steps.append(
        "Go to Settings > Account-level API accounts in a store of the account (or "
          + "https://accounts.bigcommerce.com/tokens) and click \"Create API Token\".")
    }
    steps.append("Name: \(token.name)")
    if token.kind == .account {
      steps.append("OAuth scopes: tick each box below; leave every other box empty.")
    } else if tokenType(for: token) != nil {
      steps.append("OAuth scopes: none to set; the token gets these, which verify checks:")
    } else {
      steps.append(
        "OAuth scopes: set each row below to the level shown; leave every other row at None (Metafields "
          + "Access has no None: leave it at standard unless a level is shown).")
    }
    steps.append(
      "Click Save. The credentials are shown once and a .txt file downloads: keep it out of email, chat "
        + "and git.")
    let name = Word.typed(token.name)
    steps.append(
      "Bring them in: token import PATH/TO/DOWNLOADED.txt --into \(name) (or 'token set access-token', "
        + "typed hidden).")
    var check =
      "Check the result: verify \(name). Scopes are fixed at creation: a missing scope means a new API account"
    // Webhooks, scripts and metafields are a store's: an account-level token has none.
    if token.kind == .store {
      check +=
        ", and webhooks and scripts belong to the account that created them (deleting it removes its "
        + "webhooks); metafields another account created need Metafields Access at full, or Metafield Ownership"
    }
    steps.append(check + ".")
    return steps
  }

  /// The control panel's own token type for a token that declares exactly a preset that has one
  /// (the Stencil presets: "Stencil-CLI token").
  static func tokenType(for token: Token) -> Preset.TokenType? {
    Preset.all.first { $0.tokenType != nil && $0.grants == token.grants }?.tokenType
  }

  /// The rows of the scope table: a drop-down scope at its level, a checkbox scope with its boxes.
  static func scopeRows(for token: Token) -> [(name: String, level: String)] {
    var rows: [(name: String, level: String)] = []
    for grant in token.grants {
      guard let scope = grant.scope else { continue }
      if scope.choice == .checkboxes {
        if let last = rows.last, last.name == scope.uiName {
          rows[rows.count - 1].level = last.level + ", " + grant.level.controlPanelLabel
        } else {
          rows.append((scope.uiName, "tick: " + grant.level.controlPanelLabel))
        }
      } else {
        rows.append((scope.uiName, grant.level.controlPanelLabel))
      }
    }
    return rows
  }

  /// The steps numbered, each wrapped at `width` under its first word.
  static func text(for token: Token, style: TextStyle, width: Int? = nil) -> String {
    var text = "Create the \(token.kind)-level API account '\(token.name)':\n\n"
    let indent = String(repeating: " ", count: 5)
    for (index, step) in steps(for: token).enumerated() {
      let lines = width.map { TextWrapping.lines(step, width: max(20, $0 - indent.count)) } ?? [step]
      text += "\(String(index + 1).leftPadded(to: 3)). " + lines.joined(separator: "\n" + indent) + "\n"
      if step.hasPrefix("OAuth scopes:") && !token.grants.isEmpty {
        let rows = scopeRows(for: token).map { ["     " + $0.name, $0.level] }
        text +=
          "\n"
          + Table(headers: ["     SCOPE (control panel order)", "LEVEL"], rows: rows).rendered(
            style: style, width: width)
          + "\n"
      }
    }
    return text
  }

  static func json(for token: Token) -> JSONValue {
    .object([
      ("token", .string(token.name)),
      ("kind", .string(token.kind.rawValue)),
      ("steps", .array(steps(for: token).map(JSONValue.string))),
      (
        "scopes",
        .array(
          token.grants.map { grant in
            .object([
              ("name", .optional(grant.scope?.uiName)),
              ("level", .string(grant.level.controlPanelLabel)),
            ])
          })
      ),
    ])
  }
}

extension String {
  /// Pads with spaces on the left to `width` characters.
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
