import BcshCore

// TEMPORARY: replaced by the libedit shell on branch `terminal`.

public enum InteractiveShell {
  public static func run(_ shell: Shell, historyFile: String?, startupScript: String?) async -> ExitStatus {
    var lineNumber = 0
    while let line = readLine() {
      lineNumber += 1
      let outcome = await shell.execute(line: line, lineNumber: lineNumber)
      if let request = outcome.exitRequest { return request }
    }
    return .success
  }
}

public struct TerminalSecretReader: SecretReading {
  public init() {}
  public func readSecret(prompt: String) throws(BcshError) -> String {
    throw BcshError("hidden entry is not built yet")
  }
}
