import Foundation
import TestSupport
import Testing

/// The whole round trip: release build, install into a temporary prefix, use what was installed, uninstall.
///
/// The release build takes minutes the first time (it is incremental afterwards); everything else here is fast.
@Suite("Install into a prefix and uninstall")
struct InstallTests {
  @Test("scripts/install, then the installed bcsh, man page and completions, then scripts/uninstall")
  func roundTrip() throws {
    let prefix = TemporaryFolder("installation")

    // `swift test` holds the lock of .build while the tests run; the release build must not wait for it.
    let install = try run(
      Installation.installScript.path, ["--prefix", prefix.url.path],
      environment: ["SWIFT_BUILD_FLAGS": "--ignore-lock"], timeoutSeconds: 3600)
    try #require(install.status == 0, "scripts/install failed:\n\(install.stderr)")
    #expect(Installation.files(under: prefix.url) == Installation.files.sorted())
    for file in Installation.files {
      #expect(
        install.stdout.contains("installed \(prefix.url.path)/\(file)"), "install did not report \(file)")
    }
    let mode = try FileManager.default.attributesOfItem(atPath: prefix.url.path + "/bin/bcsh")[
      .posixPermissions]
    #expect(mode as? Int == 0o755)

    let version = try run(prefix.url.path + "/bin/bcsh", ["--version"])
    #expect(version.status == 0, "bcsh --version: \(version.stderr)")
    #expect(
      !version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
      "bcsh --version printed nothing")

    // The installed bcsh finds its network helper in PREFIX/libexec/bcsh: the sandbox starts and
    // a verify goes through.
    let verified = try run(
      prefix.url.path + "/bin/bcsh",
      [
        "--sandbox", "-c",
        "token new migration; token set access-token --env SANDBOX_MIGRATION_ACCESS_TOKEN; "
          + "path set $SANDBOX_STORE_HASH; scope add products; verify",
      ])
    #expect(verified.status == 0, "installed bcsh --sandbox verify: \(verified.stdout)\(verified.stderr)")
    #expect(verified.stdout.contains("result: ok"), "\(verified.stdout)")
    let helperMode = try FileManager.default.attributesOfItem(
      atPath: prefix.url.path + "/libexec/bcsh/bcsh-net")[.posixPermissions]
    #expect(helperMode as? Int == 0o755)

    let page = prefix.url.appendingPathComponent("share/man/man1/bcsh.1")
    ManPage.expectComplete(try ManPage.render(page), page: page)

    // Each shell completes with the installed script; bash-completion finds it by itself.
    let project = try TemporaryFolder.sampleProject()
    for shell in CompletionShell.allCases {
      let offered = try shell.candidates(for: "bcsh --color ", in: project.url, installedUnder: prefix.url)
      #expect(
        offered == ["auto", "always", "never"], "installed \(shell) completion offers \(offered.sorted())")
    }

    let uninstall = try run(Installation.uninstallScript.path, ["--prefix", prefix.url.path])
    #expect(uninstall.status == 0, "scripts/uninstall failed:\n\(uninstall.stderr)")
    #expect(Installation.files(under: prefix.url).isEmpty, "files left after uninstall")
  }
}
