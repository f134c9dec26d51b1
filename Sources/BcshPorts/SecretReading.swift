import BcshModel

/// The capability to read a secret without echo. Cancelling (Ctrl-C) throws an error with
/// status `.interrupted`.
public protocol SecretReading {
  func readSecret(prompt: String) throws(BcshError) -> String
}
