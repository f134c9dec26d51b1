import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Requests for `scope need`: a method, then a path from the endpoint catalog, one segment at a
/// time (`/v3/` then `/v3/catalog/` then `/v3/catalog/products`).
enum EndpointCandidates {
  /// `earlier` holds the positional words before this one: an even count means a method comes
  /// next, an odd one a path for the method just given.
  static func requests(typed: String, earlier: [String?]) -> [Suggestion] {
    guard earlier.count % 2 == 1 else {
      return HTTPMethod.known.map { Suggestion($0.rawValue) }.matching(typed)
    }
    let method = earlier.last.flatMap { $0.map(HTTPMethod.init(rawValue:)) }
    return paths(typed: typed, method: method)
  }

  /// The next segments below what `typed` has written, for `method` (any, when it is unknown).
  static func paths(typed: String, method: HTTPMethod?) -> [Suggestion] {
    let leads = { (node: PathIndex.Node) in
      method.map(node.methodsBelow.contains) ?? !node.methodsBelow.isEmpty
    }
    if typed.isEmpty { return paths(typed: "/", method: method) }
    guard typed.hasPrefix("/"), let slash = typed.lastIndex(of: "/") else { return [] }
    let folder = String(typed[...slash])
    let partial = typed[typed.index(after: slash)...]
    let index = EndpointCatalog.index
    guard let node = index.node(walking: PathIndex.segments(of: folder)) else { return [] }
    var children: [(name: String, node: PathIndex.Node)] = node.literals.keys.sorted().map {
      ($0, index[node.literals[$0]!])
    }
    if let parameter = node.parameter, let name = node.parameterName {
      children.append((name, index[parameter]))
    }
    var suggestions: [Suggestion] = []
    for (name, child) in children where name.hasPrefix(partial) && leads(child) {
      let ends = method.map { child.endpoints[$0] } ?? child.endpoints.values.first
      if let ends {
        suggestions.append(Suggestion(folder + name, display: name, detail: detail(ends)))
      }
      if child.literals.values.contains(where: { leads(index[$0]) })
        || child.parameter.map({ leads(index[$0]) }) == true
      {
        suggestions.append(Suggestion(folder + name + "/", display: name + "/", isComplete: false))
      }
    }
    return suggestions
  }

  /// What an endpoint needs, for the candidate list: `Products · read-only`.
  private static func detail(_ endpoint: Endpoint) -> String {
    switch endpoint.requirement {
    case .implicitDefault: "default scope (webhooks)"
    case .unstated: "no scope stated"
    case .anyOf(let grants):
      grants.map { "\($0.scope?.uiName ?? $0.scopeID) · \($0.level)" }.joined(separator: " or ")
    }
  }
}
