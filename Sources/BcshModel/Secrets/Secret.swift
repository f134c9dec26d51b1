/// A credential that must never reach output, logs or history unless the user asks with `--reveal`.
/// Its `description` is the masked form, so string interpolation cannot leak it.
public struct Secret: Sendable, Hashable, Codable, CustomStringConvertible,
  CustomDebugStringConvertible
{
  /// The value in clear. Read it only to send it, save it, or show it under `--reveal`.
  public let revealed: String

  public init(_ value: String) { revealed = value }

  /// `****wxyz`: the last four characters at most, and none of a value shorter than eight.
  public var masked: String { Secret.mask(revealed) }

  public var description: String { masked }
  public var debugDescription: String { "Secret(\(masked))" }

  public static func mask(_ value: String) -> String {
    value.count >= 8 ? "****" + value.suffix(4) : "****"
  }

  public init(from decoder: any Decoder) throws {
    revealed = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(revealed)
  }
}
