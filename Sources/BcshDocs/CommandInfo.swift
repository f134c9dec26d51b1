import BcshModel

struct CommandInfo: Decodable {
  var commandName: String
  var abstract: String?
  var subcommands: [CommandInfo]?
  var arguments: [ArgumentInfo]?
}
