import Foundation
import Testing

/// Issue 10, "secret canaries": distinctive secrets planted in full scripted sessions (`-x`,
/// `--json`, `--dry-run`, `--keep-going`, failing commands that name secret fields, a verify that
/// fails against the sandbox), then every byte bcsh produced (stdout, stderr, every file written
/// except the credential files asked for) searched for any 8-character run of a secret.
@Suite struct SecretCanaryTests {
  static let accessToken = "canary7q2w9e4r1t8y3u6i0o5p2a7s9"
  static let clientSecret = "c0ffee1234abcd5678ef90aa11bb22cc33dd44ee55ff6677889900aabbccdd12"
  static let secrets = [accessToken, clientSecret]

  /// Every 8-character run of the canaries found in `bytes`.
  static func leaks(in bytes: [UInt8]) -> [String] {
    var found: [String] = []
    for secret in secrets {
      let characters = Array(secret.utf8)
      for start in 0...(characters.count - 8) {
        let run = Array(characters[start..<(start + 8)])
        if bytes.count >= 8,
          (0...(bytes.count - 8)).contains(where: { bytes[$0..<($0 + 8)].elementsEqual(run) })
        {
          found.append(String(decoding: run, as: UTF8.self))
        }
      }
    }
    return found
  }

  static let script = """
    token new canary-token
    scope add products information-settings
    path set $SANDBOX_STORE_HASH
    token set access-token --env CANARY_AT
    token set client-secret --env CANARY_CS
    token set client-id --env SANDBOX_MIGRATION_CLIENT_ID
    echo $CANARY_AT "${CANARY_CS}" x${CANARY_AT}x
    set COPY $CANARY_AT
    set
    token show
    token list
    status
    token set client-secret $CANARY_CS extra-word
    token set access-token=$CANARY_AT
    tokn set access-token $CANARY_AT
    token set acess-token $CANARY_AT
    $CANARY_AT
    scope add products --$CANARY_CS
    path set $CANARY_AT
    verify --timeout 10
    verify --scopes all --timeout 10
    save session.json
    save creds.txt --format txt
    save creds.env --format env
    save other/missing/s.json
    export canary-token --for catalyst
    export canary-token --for stencil
    export canary-token --for env
    export canary-token --for env $CANARY_AT
    export canary-token --for catalyst --storefront $CANARY_CS
    source $CANARY_AT.bcsh
    echo done

    """

  @Test(arguments: [
    ["--keep-going"], ["--keep-going", "-x"], ["--keep-going", "--json"],
    ["--keep-going", "--dry-run", "-x"],
    ["--keep-going", "--json", "-x", "--dry-run"], [],
  ])
  func noRunOfASecretInAnythingBcshProduced(options: [String]) throws {
    let bcsh = Bcsh()
    bcsh.write("canary.bcsh", Self.script)
    let result = try bcsh.run(
      ["--sandbox"] + options + ["canary.bcsh"],
      environment: ["CANARY_AT": Self.accessToken, "CANARY_CS": Self.clientSecret])
    #expect(result.status != 0)
    if options.contains("--keep-going") { #expect(result.stdout.contains("done")) }
    var searched = Array(result.stdout.utf8) + Array(result.stderr.utf8)
    let credentialFiles: Set = [
      "session.json", "creds.txt", "creds.env", "canary.bcsh", ".env.local", ".env", "secrets.stencil.json",
    ]
    let files = FileManager.default.enumerator(atPath: bcsh.folder)?.compactMap { $0 as? String } ?? []
    for file in files where !credentialFiles.contains(file) {
      if let data = FileManager.default.contents(atPath: bcsh.path(file)) { searched += Array(data) }
    }
    #expect(Self.leaks(in: searched).isEmpty, "\(options): \(Self.leaks(in: searched).prefix(3))")
    // The run did what a leak would need: it worked with the secrets.
    #expect(result.stdout.contains("****" + Self.accessToken.suffix(4)) || options.contains("--json"))
    if !options.contains("--dry-run") && options.contains("--keep-going") {
      #expect(bcsh.read("session.json")?.contains(Self.accessToken) == true)
      #expect(bcsh.read("secrets.stencil.json")?.contains(Self.accessToken) == true)
      #expect(bcsh.read(".env.local")?.contains(Self.clientSecret) == true)
    }
  }
}
