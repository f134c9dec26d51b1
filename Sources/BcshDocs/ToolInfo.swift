import BcshModel

/// What ArgumentParser's `_dumpHelp()` prints for a command (its ToolInfoV0, the JSON behind
/// `--experimental-dump-help`): the part bcsh-docs reads. ArgumentParserToolInfo, which declares
/// it, is not a product of the package, so the shape is restated here; decoding fails loudly if
/// ArgumentParser ever changes it.
struct ToolInfo: Decodable {
  var serializationVersion: Int
  var command: CommandInfo

  static func of(_ json: String) throws -> ToolInfo {
    let info = try JSONValueDecoder().decode(ToolInfo.self, from: try JSONReader.value(json.utf8))
    guard info.serializationVersion == 0 else {
      throw DocsError(
        "ArgumentParser's tool info has version \(info.serializationVersion); bcsh-docs reads 0")
    }
    return info
  }
}

struct CommandInfo: Decodable {
  var commandName: String
  var abstract: String?
  var subcommands: [CommandInfo]?
  var arguments: [ArgumentInfo]?
}

struct ArgumentInfo: Decodable {
  enum Kind: String, Decodable { case positional, option, flag }

  struct Name: Decodable {
    var kind: String
    var name: String
  }

  var kind: Kind
  var shouldDisplay: Bool
  var isOptional: Bool
  var isRepeating: Bool
  var names: [Name]?
  var valueName: String?
  var defaultValue: String?
  var allValues: [String]?
  var allValueDescriptions: [String: String]?
  var completionKind: CompletionKind?
  var abstract: String?
}

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

/// Why bcsh-docs cannot render something.
public struct DocsError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
