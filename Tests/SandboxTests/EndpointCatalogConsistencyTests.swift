import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Testing

@testable import BcshSandbox

/// The sandbox's routes, verify's probes and the endpoint catalog (BigCommerce's API reference)
/// agree on which scope opens which endpoint, so that none of the three drifts from the others.
/// Where the reference and the observed API disagree, the exception is named here, with why.
@Suite struct EndpointCatalogConsistencyTests {
  /// Endpoints where the sandbox and verify follow the control panel rather than the reference's
  /// file, with the scopes they use instead.
  static let observedExceptions: [String: Set<String>] = [:]

  /// The sandbox route's path with its parameters filled in.
  private func concretePath(_ route: StoreRoute) -> String {
    "/\(route.version.rawValue)/"
      + route.segments.map { segment in
        switch segment {
        case .literal(let text): text
        case .parameter: "1"
        }
      }.joined(separator: "/")
  }

  private func scopeIDs(ofTokens tokens: some Sequence<String>) -> Set<String> {
    Set(tokens.compactMap { try? ScopeCatalog.resolve($0, for: .store).scope.id })
  }

  @Test func everySandboxRouteIsAReferenceEndpointOpenedByTheSameScopes() throws {
    for route in StoreRoutes.all {
      let path = concretePath(route)
      let endpoint = try #require(
        EndpointCatalog.endpoint(.get, path), "sandbox route \(path) is not in the reference")
      for token in route.scopes {
        #expect(
          (try? ScopeCatalog.resolve(token, for: .store)) != nil, "\(path): bcsh does not know \(token)")
      }
      let sandbox = scopeIDs(ofTokens: route.scopes)
      let reference = Set(endpoint.alternatives.map(\.scopeID))
      if let exception = Self.observedExceptions[endpoint.description] {
        #expect(sandbox == exception && sandbox != reference, "\(endpoint): the exception is stale")
        continue
      }
      if endpoint.requirement == .implicitDefault {
        #expect(sandbox.isEmpty, "\(endpoint): webhooks need no scope, the sandbox asks for \(sandbox)")
      } else {
        #expect(
          sandbox == reference, "\(endpoint): sandbox \(sandbox.sorted()), reference \(reference.sorted())")
      }
    }
  }

  @Test func everyProbeIsAReferenceReadOfItsOwnScope() throws {
    for scope in ScopeCatalog.all {
      guard let probe = scope.probe else { continue }
      let path = String(probe.resolvedPath { "0b6a3c1e-4f5d-4e7a-8b9c-2d3e4f5a6b7c" }.prefix { $0 != "?" })
      let endpoint = try #require(
        EndpointCatalog.endpoint(.get, path), "\(scope.id)'s probe \(path) is not in the reference")
      if let exception = Self.observedExceptions[endpoint.description] {
        #expect(exception.contains(scope.id), "\(scope.id)'s probe")
        continue
      }
      #expect(
        endpoint.alternatives.contains { $0.scopeID == scope.id },
        "\(scope.id)'s probe \(path) opens \(endpoint.alternatives)")
      for other in probe.alsoOpenedBy {
        #expect(
          endpoint.alternatives.contains { $0.scopeID == other },
          "\(scope.id)'s probe is also opened by \(other)")
      }
    }
  }

  /// Verify's liveness request needs no scope at all: the implicit default scope (webhooks).
  @Test func livenessNeedsOnlyTheDefaultScope() {
    #expect(EndpointCatalog.endpoint(.get, Verifier.storeLivenessPath)?.requirement == .implicitDefault)
  }

  /// Every probe the sandbox serves, and a sandbox route for every probe.
  @Test func theSandboxServesEveryProbe() {
    let served = Set(StoreRoutes.all.map(concretePath))
    for scope in ScopeCatalog.all {
      guard let probe = scope.probe else { continue }
      let path = String(probe.resolvedPath { "1" }.prefix { $0 != "?" })
        .replacingOccurrences(of: "/customers/0/", with: "/customers/1/")
      #expect(served.contains(path), "the sandbox has no route for \(scope.id)'s probe \(path)")
    }
  }
}
