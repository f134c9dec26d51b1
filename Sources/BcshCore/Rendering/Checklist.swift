/// `token checklist`: the steps to create exactly this API account in the control panel.
enum Checklist {
  static func steps(for token: Token) -> [String] {
    var steps: [String] = []
    switch token.kind {
    case .store:
      steps.append(
        "Sign in to the store's control panel"
          + (token.apiPath.map { " (https://store-\($0.identifier).mybigcommerce.com/manage)" } ?? "")
          + " as the store owner or an administrator.")
      steps.append("Go to Settings > API > Store-level API accounts and click \"Create API account\".")
      steps.append("Token type: V2/V3 API token.")
    case .account:
      steps.append("Sign in as the store owner (only the owner can create account-level API accounts).")
      steps.append(
        "Go to Settings > API > Account-level API accounts (or accounts.bigcommerce.com > API Accounts) "
          + "and click \"Create API account\".")
    }
    steps.append("Name: \(token.name)")
    if token.grants.isEmpty {
      steps.append("OAuth scopes: none declared yet. Declare them first ('scope add' or 'scope preset').")
    } else {
      steps.append("OAuth scopes: set each row below to the level shown; leave every other row at None.")
    }
    steps.append(
      "Click Save. The credentials are shown once and a .txt file downloads: keep it out of email, chat "
        + "and git.")
    steps.append("Bring them in: token import PATH/TO/FILE.txt (or token set access-token, typed hidden).")
    steps.append(
      "Check the result: verify. Scopes are fixed at creation: a missing scope means a new API account.")
    return steps
  }

  static func text(for token: Token, style: TextStyle) -> String {
    var text = "Create the \(token.kind)-level API account '\(token.name)':\n\n"
    for (index, step) in steps(for: token).enumerated() {
      text += "\(String(index + 1).leftPadded(to: 3)). \(step)\n"
      if step.hasPrefix("OAuth scopes:") && !token.grants.isEmpty {
        let rows = token.grants.compactMap { grant in
          grant.scope.map { ["     " + $0.uiName, grant.level.controlPanelLabel] }
        }
        text +=
          "\n"
          + Table(headers: ["     SCOPE (control panel order)", "LEVEL"], rows: rows).rendered(style: style)
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
