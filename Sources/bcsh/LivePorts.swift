import BcshFormats
import BcshKeyring
import BcshModel
import BcshPorts
import BcshProcesses
import BcshProgram
import BcshTerminal

extension Ports {
  /// The real services: AsyncHTTPClient in bcsh's network helper, bcsh-net (trusting `caBundle`'s
  /// certificates when it is set), the
  /// Secret Service, hidden entry on the terminal when standard input is one, standard input read
  /// whole when it is not and bcsh runs a script or `-c`, programs started with `posix_spawn`, and
  /// the system's clocks.
  static func live(caBundle: String?, standardInputIsTerminal: Bool, readsStandardInput: Bool) -> Ports {
    Ports(
      transport: {
        do throws(BcshError) {
          return try HelperTransport(helper: NetworkHelper.installed(), caBundle: caBundle)
        } catch {
          throw BcshError("cannot reach the network: " + error.message, code: error.code, hint: error.hint)
        }
      },
      keyring: { SecretServiceStore() },
      secretReader: standardInputIsTerminal ? TerminalSecretReader() : nil,
      standardInput: !standardInputIsTerminal && readsStandardInput
        ? { () throws(BcshError) in try StandardStreams.readAllStandardInput() } : nil,
      files: LocalFiles(), processes: SpawnedProcesses())
  }
}
