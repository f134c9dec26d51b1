import BcshFormats
import BcshModel
import BcshPorts
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Testing

/// Every read probe of the reference, for every demo token and for single-scope tokens: granted
/// probes answer what the reference says a granted probe answers; the rest answer the 403 body.
@Suite struct ScopeProbeTests {
  @Test(arguments: ["full", "migration", "partial", "readonly"])
  func demoTokenGetsExactlyItsProbes(name: String) async throws {
    let configuration = SandboxConfiguration.roomy
    let scopes = try #require(configuration.token(named: name)).scopes
    try await withSandbox(configuration) { sandbox in
      for probe in ReferenceProbe.all {
        let response = try await sandbox.get(probe.path, token: configuration.accessToken(name))
        try expect(
          response, for: probe, granted: probe.grantedBy.contains { scopes.contains($0) }, token: name)
      }
    }
  }

  /// The demo tokens hold what the brief promises, named by control-panel scope.
  @Test func demoTokensGrantThePromisedScopes() async throws {
    let configuration = SandboxConfiguration.roomy
    let migration: Set = [
      "Content", "Checkout Content", "Information & Settings", "Marketing", "Channel Settings",
      "Channel Listings", "Customers", "Orders", "Products",
    ]
    let expected: [String: Set<String>] = [
      "full": Set(ReferenceProbe.all.map(\.scope)),
      "readonly": Set(ReferenceProbe.all.map(\.scope)),
      "migration": migration,
      "partial": migration.subtracting(["Marketing", "Orders"]),
    ]
    try await withSandbox(configuration) { sandbox in
      for (name, scopes) in expected {
        var granted: Set<String> = []
        for probe in ReferenceProbe.all {
          let response = try await sandbox.get(probe.path, token: configuration.accessToken(name))
          if response.status != 403 { granted.insert(probe.scope) }
        }
        #expect(granted == scopes, "token \(name)")
      }
    }
  }

  /// A token holding one token string opens that string's probes and no other.
  @Test func eachScopeStringOpensOnlyItsProbes() async throws {
    var configuration = SandboxConfiguration.roomy
    let strings = ReferenceProbe.allGrantingStrings
    for (index, string) in strings.enumerated() {
      configuration.tokens.append(
        SandboxToken(
          name: string, accessToken: "single\(index)", storeHash: SandboxConfiguration.demoStoreHash,
          scopes: [string]))
    }
    try await withSandbox(configuration) { sandbox in
      for (index, string) in strings.enumerated() {
        for probe in ReferenceProbe.all {
          let response = try await sandbox.get(probe.path, token: "single\(index)")
          try expect(response, for: probe, granted: probe.grantedBy.contains(string), token: string)
        }
      }
    }
  }

  private func expect(_ response: HTTPResponse, for probe: ReferenceProbe, granted: Bool, token: String)
    throws
  {
    if granted {
      #expect(
        probe.grantedStatuses.contains(response.status),
        "\(token) on \(probe.scope): \(response.status) \(response.text)")
    } else {
      #expect(response.status == 403, "\(token) on \(probe.scope): \(response.status)")
      #expect(response.text == missingScopeBody)
    }
  }
}
