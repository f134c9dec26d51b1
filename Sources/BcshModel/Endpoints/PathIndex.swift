/// Path templates indexed segment by segment (a trie), so that matching a concrete path costs a
/// few dictionary look-ups whatever the size of the catalog. Completion walks it too.
package struct PathIndex: Sendable {
  package struct Node: Sendable {
    /// Literal segments below this one, by text.
    package var literals: [String: Int] = [:]
    /// The `{...}` segment below this one, if any templates have one here.
    package var parameter: Int?
    /// The name of that parameter as the first template with it writes it: `{product_id}`.
    package var parameterName: String?
    /// The endpoints whose template ends here, by method.
    package var endpoints: [HTTPMethod: Endpoint] = [:]
    /// The methods of every endpoint at or below this node, so completion offers only paths that
    /// lead somewhere for the method typed.
    package var methodsBelow: Set<HTTPMethod> = []
  }

  private(set) var nodes: [Node] = [Node()]

  /// The segments of a path: `/v3/catalog/products` gives `v3`, `catalog`, `products`.
  package static func segments(of path: String) -> [Substring] {
    path.split(separator: "/", omittingEmptySubsequences: true)
  }

  static func isParameter(_ segment: Substring) -> Bool {
    segment.hasPrefix("{") && segment.hasSuffix("}")
  }

  mutating func insert(_ endpoint: Endpoint) {
    var index = 0
    nodes[0].methodsBelow.insert(endpoint.method)
    for segment in Self.segments(of: endpoint.template) {
      defer { nodes[index].methodsBelow.insert(endpoint.method) }
      if Self.isParameter(segment) {
        if let next = nodes[index].parameter {
          index = next
        } else {
          nodes.append(Node())
          nodes[index].parameter = nodes.count - 1
          nodes[index].parameterName = String(segment)
          index = nodes.count - 1
        }
      } else if let next = nodes[index].literals[String(segment)] {
        index = next
      } else {
        nodes.append(Node())
        nodes[index].literals[String(segment)] = nodes.count - 1
        index = nodes.count - 1
      }
    }
    nodes[index].endpoints[endpoint.method] = endpoint
  }

  /// The node a concrete path ends at: a literal segment wins over a parameter (`/v3/carts/settings`
  /// is not cart `settings`), falling back to the parameter when the literal leads nowhere.
  package func node(for segments: [Substring]) -> Node? {
    match(segments[...], from: 0).map { nodes[$0] }
  }

  private func match(_ segments: ArraySlice<Substring>, from index: Int) -> Int? {
    guard let first = segments.first else { return nodes[index].endpoints.isEmpty ? nil : index }
    let rest = segments.dropFirst()
    if let next = nodes[index].literals[String(first)], let found = match(rest, from: next) {
      return found
    }
    if let next = nodes[index].parameter, let found = match(rest, from: next) { return found }
    return nil
  }

  /// The node a prefix of whole segments leads to, literals only or the parameter where a segment is
  /// one (for completion, which walks templates as written).
  package func node(walking segments: [Substring]) -> Node? {
    var index = 0
    for segment in segments {
      if let next = nodes[index].literals[String(segment)] {
        index = next
      } else if let next = nodes[index].parameter, Self.isParameter(segment) || !segment.isEmpty {
        index = next
      } else {
        return nil
      }
    }
    return nodes[index]
  }

  /// The node at `index`.
  package subscript(index: Int) -> Node { nodes[index] }
}
