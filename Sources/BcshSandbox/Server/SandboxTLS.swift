import NIOSSL

/// The sandbox's TLS identity: a PEM certificate chain (leaf first) and its PEM private key.
public struct SandboxTLS: Sendable, Equatable {
  public var certificateChainPath: String
  public var privateKeyPath: String

  public init(certificateChainPath: String, privateKeyPath: String) {
    self.certificateChainPath = certificateChainPath
    self.privateKeyPath = privateKeyPath
  }

  /// Loads the files into a server TLS context.
  func makeContext() throws -> NIOSSLContext {
    do {
      let chain = try NIOSSLCertificate.fromPEMFile(certificateChainPath).map {
        NIOSSLCertificateSource.certificate($0)
      }
      guard !chain.isEmpty else {
        throw SandboxError.tlsSetup("no certificate in '\(certificateChainPath)'")
      }
      let key = try NIOSSLPrivateKey(file: privateKeyPath, format: .pem)
      let configuration = TLSConfiguration.makeServerConfiguration(
        certificateChain: chain, privateKey: .privateKey(key))
      return try NIOSSLContext(configuration: configuration)
    } catch let error as SandboxError {
      throw error
    } catch {
      throw SandboxError.tlsSetup("\(error)")
    }
  }
}
