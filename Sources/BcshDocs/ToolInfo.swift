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
