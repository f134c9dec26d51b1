import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation
import TestSupport
import Testing

/// Tab for `scope info` (scopes of both kinds and the implicit default), `scope need` (methods,
/// then paths segment by segment) and `verify --for` (presets and files).
@Suite struct CompletionEngineEndpointTests {
  @Test func scopeInfoOffersBothKindsAndTheDefaultScope() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("scope info prod") == ["products"])
    #expect(harness.insertions("scope info account-u") == ["account-users"])
    #expect(harness.insertions("scope info def") == ["default"])
    #expect(harness.insertions("scope info web") == ["webhooks"])
    #expect(harness.insertions("scope info products=") == ["products=read-only", "products=modify"])
    #expect(harness.tab("scope info prod") == "scope info products ")
  }

  @Test func scopeNeedOffersMethodsThenPaths() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("scope need ") == ["GET", "POST", "PUT", "DELETE"])
    #expect(harness.insertions("scope need g") == ["GET"])
    #expect(harness.insertions("scope need GET ") == ["/v2/", "/v3/"])
    #expect(harness.tab("scope need GET /v3/cat") == "scope need GET /v3/catalog/")
    #expect(harness.insertions("scope need GET /v3/hooks GET /v3/hoo") == ["/v3/hooks", "/v3/hooks/"])
    #expect(harness.insertions("scope need GET /v3/hooks ") == ["GET", "POST", "PUT", "DELETE"])
  }

  @Test func pathsGoSegmentBySegmentWithParametersAndWhatEachNeeds() async {
    let harness = await CompletionHarness()
    let result = harness.complete("scope need GET /v3/catalog/products/")
    #expect(result.candidates.map(\.insertion).contains("/v3/catalog/products/{product_id}"))
    #expect(result.candidates.map(\.insertion).contains("/v3/catalog/products/{product_id}/"))
    let images = harness.complete("scope need GET /v3/catalog/products/77/ima")
    #expect(
      images.candidates.map(\.insertion) == [
        "/v3/catalog/products/77/images", "/v3/catalog/products/77/images/",
      ])
    #expect(images.candidates.first?.detail == "Products · read-only")
    #expect(
      harness.complete("scope need GET /v3/hooks").candidates.first?.detail == "default scope (webhooks)")
  }

  @Test func pathsLeadOnlyWhereTheMethodGoes() async {
    let harness = await CompletionHarness()
    // /v2/time is read only: POST offers no such path.
    #expect(harness.insertions("scope need GET /v2/tim") == ["/v2/time"])
    #expect(harness.insertions("scope need POST /v2/tim").isEmpty)
  }

  @Test func verifyForOffersPresetsAndFiles() async throws {
    let folder = try TemporaryFolder.holding(["stencil-calls.txt", "other/"])
    let harness = await CompletionHarness("token new abcd", directory: folder.path)
    #expect(
      harness.insertions("verify --for sten") == ["stencil-dev", "stencil-publish", "stencil-calls.txt"])
    #expect(harness.insertions("verify --for=mig") == ["--for=migration-to", "--for=migration-from"])
    #expect(harness.insertions("verify --for oth") == ["other/"])
  }
}
