/// What the REST reference says one scope (or one of its levels) opens: the endpoints, by method and
/// family, with a few examples. nil `scopeID` means the implicit default scope (webhooks).
package struct ScopeReach {
  package var endpoints: [Endpoint]
  /// How many of them come from files that name other scopes too.
  package var shared: Int

  package init(scopeID: String?, level: AccessLevel?) {
    let all = scopeID.map(EndpointCatalog.endpoints(openedBy:)) ?? EndpointCatalog.defaultScopeEndpoints
    endpoints = all.filter { endpoint in
      guard let scopeID, let level else { return true }
      let grant = endpoint.alternatives.first { $0.scopeID == scopeID }!
      return ScopeNeed.covers(level, grant)
    }
    shared = endpoints.filter { $0.alternatives.count > 1 }.count
  }

  package var byMethod: [(HTTPMethod, Int)] {
    Dictionary(grouping: endpoints, by: \.method).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
  }

  /// Families in the order the table first lists them, with their operation counts.
  package var families: [(String, Int)] {
    var order: [String] = []
    var counts: [String: Int] = [:]
    for endpoint in endpoints {
      if counts[endpoint.family] == nil { order.append(endpoint.family) }
      counts[endpoint.family, default: 0] += 1
    }
    return order.map { ($0, counts[$0]!) }
  }

  /// The notes of its endpoints, each with the first endpoint that has it and how many do.
  package var notes: [(text: String, first: Endpoint, count: Int)] {
    var order: [String] = []
    var found: [String: (Endpoint, Int)] = [:]
    for endpoint in endpoints where !endpoint.note.isEmpty {
      if let known = found[endpoint.note] {
        found[endpoint.note] = (known.0, known.1 + 1)
      } else {
        order.append(endpoint.note)
        found[endpoint.note] = (endpoint, 1)
      }
    }
    return order.map { ($0, found[$0]!.0, found[$0]!.1) }
  }

  /// A few endpoints: each family's first read, then its first write, at most five.
  package var examples: [Endpoint] {
    var picked: [Endpoint] = []
    for (family, _) in families {
      let members = endpoints.filter { $0.family == family }
      if let read = members.first(where: { $0.method.isRead }) ?? members.first { picked.append(read) }
    }
    for endpoint in endpoints
    where picked.count < 5 && !picked.contains(endpoint) && !endpoint.method.isRead {
      picked.append(endpoint)
    }
    return Array(picked.prefix(5))
  }
}
