import BcshSandboxData
import NIOSSL

/// The sandbox's TLS identity: a PEM certificate chain (leaf first) and its PEM private key, as
/// text the caller read (bcsh reads its files one way, refusing FIFOs and devices), with the names
/// errors give them.
public struct SandboxTLS: Sendable, Equatable {
  public var certificateChainPEM: String
  public var privateKeyPEM: String
  /// Where the chain and the key came from ("cert.pem"), for errors.
  public var certificateChainName: String
  public var privateKeyName: String

  public init(
    certificateChainPEM: String, privateKeyPEM: String,
    certificateChainName: String = "the certificate chain",
    privateKeyName: String = "the private key"
  ) {
    self.certificateChainPEM = certificateChainPEM
    self.privateKeyPEM = privateKeyPEM
    self.certificateChainName = certificateChainName
    self.privateKeyName = privateKeyName
  }

  /// Makes a server TLS context of the chain and the key.
  func makeContext() throws -> NIOSSLContext {
    let chain: [NIOSSLCertificateSource]
    do {
      chain = try NIOSSLCertificate.fromPEMBytes(Array(certificateChainPEM.utf8)).map { .certificate($0) }
    } catch {
      throw SandboxError.tlsSetup("'\(certificateChainName)' is not a PEM certificate chain")
    }
    guard !chain.isEmpty else { throw SandboxError.tlsSetup("no certificate in '\(certificateChainName)'") }
    let key: NIOSSLPrivateKey
    do {
      key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
    } catch {
      throw SandboxError.tlsSetup("'\(privateKeyName)' is not a PEM private key")
    }
    do {
      return try NIOSSLContext(
        configuration: TLSConfiguration.makeServerConfiguration(
          certificateChain: chain, privateKey: .privateKey(key)))
    } catch {
      throw SandboxError.tlsSetup("'\(privateKeyName)' does not belong to '\(certificateChainName)'")
    }
  }
}
