import ArgumentParser

/// `bcsh sandbox`: the group of the sandbox's commands.
public struct SandboxCommand: ParsableCommand {
  /// The word after `bcsh` that names it.
  public static let word = "sandbox"

  public static let configuration = CommandConfiguration(
    commandName: "bcsh \(word)",
    abstract: "The built-in sandbox: a local API that behaves like BigCommerce.",
    subcommands: [SandboxServe.self]
  )

  public init() {}
}
