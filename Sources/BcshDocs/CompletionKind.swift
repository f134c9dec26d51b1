import BcshModel

/// `completion:` of a declaration, as the tool info carries it (`{"file":{"extensions":[...]}}`).
enum CompletionKind: Decodable {
  case list([String])
  case file(extensions: [String])
  case directory
  case other(String)

  private struct Values: Decodable { var values: [String]?, extensions: [String]? }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    guard let key = container.allKeys.first else { throw DocsError("an empty completion kind") }
    switch key.stringValue {
    case "list": self = .list(try container.decode(Values.self, forKey: key).values ?? [])
    case "file": self = .file(extensions: try container.decode(Values.self, forKey: key).extensions ?? [])
    case "directory": self = .directory
    default: self = .other(key.stringValue)
    }
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
