import BcshSandbox
import Foundation
import TestSupport

/// A certificate authority made for one test with the `openssl` CLI, and a server certificate it
/// signed for `localhost` and `127.0.0.1`. Deleted with the last copy.
struct ThrowawayCA {
  let temporary: TemporaryFolder
  var folder: URL { temporary.url }
  var caCertificate: String { folder.appendingPathComponent("ca.pem").path }
  var serverCertificate: String { folder.appendingPathComponent("server.pem").path }
  var serverKey: String { folder.appendingPathComponent("server.key").path }

  /// The server certificate and key as the sandbox takes them.
  func sandboxTLS() throws -> SandboxTLS {
    SandboxTLS(
      certificateChainPEM: try String(contentsOfFile: serverCertificate, encoding: .utf8),
      privateKeyPEM: try String(contentsOfFile: serverKey, encoding: .utf8))
  }

  struct OpenSSLFailed: Error, CustomStringConvertible {
    var description: String
  }

  static func make() throws -> ThrowawayCA {
    let temporary = TemporaryFolder("ca")
    let ca = ThrowawayCA(temporary: temporary)
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    try ca.openssl(
      ["req", "-x509"] + ec + [
        "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=bcsh throw-away test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
      ])
    try ca.openssl(["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"])
    try "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
      .write(to: ca.folder.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
    try ca.openssl([
      "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
      "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
    ])
    return ca
  }

  private func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    process.currentDirectoryURL = folder
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw OpenSSLFailed(
        description: "openssl \(arguments.first ?? "") failed: \(String(decoding: message, as: UTF8.self))")
    }
  }
}
