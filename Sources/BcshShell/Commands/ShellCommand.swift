import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// An inner command as a type: its declaration, its values read typed from an invocation (as
/// ArgumentParser's `ParsableCommand`), and what it does with them.
///
/// A command declares its arguments and options as static properties of their types
/// (`RequiredArgument<Preset>`, `Flag`), lists them in `spec`, and reads them in
/// `init(from:)`; `CommandTable` lists the types.
protocol ShellCommand: Sendable {
  /// The command's one declaration: parsing, `help`, completion and the docs read it.
  static var spec: CommandSpec { get }
  /// Reads the invocation's words into typed values; a word they refuse is an error at the word.
  init(from invocation: Invocation) throws(BcshError)
  /// Runs the command on the context's draft state.
  func run(in context: inout CommandContext) async throws(BcshError)
  /// `spec`, with the handler that reads an invocation into this type and runs it.
  static var tableEntry: CommandSpec { get }
}

extension ShellCommand {
  static var tableEntry: CommandSpec {
    spec.handled { context, invocation throws(BcshError) in
      try await Self(from: invocation).run(in: &context)
    }
  }
}

/// A command whose work never waits (most of them: the session's own changes and reports). The
/// shell runs it with plain calls: no asynchronous frames for each line of a script.
protocol SynchronousCommand: ShellCommand {
  func run(in context: inout CommandContext) throws(BcshError)
}

extension SynchronousCommand {
  static var tableEntry: CommandSpec {
    spec.handledImmediately(by: { context, invocation throws(BcshError) in
      try Self(from: invocation).run(in: &context)
    })
  }
}
