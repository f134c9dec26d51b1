import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Tab completion for bcsh's command language, driven entirely by `CommandTable` and the scope
/// catalog: command words, subcommands, options, and each argument by its `ArgumentKind` (scopes
/// and levels, presets, token names, fields, formats, variables, files), plus `$NAME` anywhere.
///
/// Only the text before the cursor counts; after a `;` a new command starts. Insertions keep the
/// word's quoting (an open `"` or `'`, backslashes), and offsets are UTF-8 bytes as libedit counts.
/// Any input, however malformed, gives a result: at worst no candidates.
public struct CompletionEngine: LineCompleting {
  private let readContext: () -> CompletionContext

  /// Completes against `shell` as it is at each call: its session, variables and current directory.
  public init(shell: Shell) {
    readContext = { CompletionContext(shell: shell) }
  }

  /// Completes against fixed values, for tests and benchmarks.
  public init(context: CompletionContext) {
    readContext = { context }
  }

  /// The candidates for the word that ends at `cursor` (a UTF-8 offset into `line`; one outside the
  /// line is clamped, one inside a character gives no candidates).
  public func complete(line: String, cursor: Int) -> CompletionResult {
    let utf8 = line.utf8
    let end = min(max(cursor, 0), utf8.count)
    let nothing = CompletionResult(replaceStart: end, replaceEnd: end, candidates: [])
    let index = utf8.index(utf8.startIndex, offsetBy: end)
    guard index.samePosition(in: line.unicodeScalars) != nil else { return nothing }
    let context = readContext()
    let prefix = String(line.unicodeScalars[..<index])
    guard let site = CompletionSite(prefix: prefix, lookup: context.value(of:)) else { return nothing }
    let word = site.word
    let candidates: [CompletionCandidate]
    if let variable = word.variable {
      candidates = ValueCandidates.variableNames(in: context, matching: variable.prefix).map { name in
        CompletionCandidate(
          insertion: word.insertion(forVariable: name.value), display: name.display, detail: name.detail,
          // Inside an open `"` the word goes on: no space.
          appendsSpace: word.openQuote == nil)
      }
    } else if word.isExact {
      candidates = suggestions(for: site, in: context).map { suggestion in
        CompletionCandidate(
          insertion: word.insertion(for: suggestion.value, isComplete: suggestion.isComplete),
          display: suggestion.display, detail: suggestion.detail, appendsSpace: suggestion.isComplete)
      }
    } else {
      candidates = []
    }
    return CompletionResult(replaceStart: site.wordStart, replaceEnd: end, candidates: candidates)
  }

  private func suggestions(for site: CompletionSite, in context: CompletionContext) -> [Suggestion] {
    let word = site.word
    let typed = word.value
    switch CompletionSlot(earlierWords: site.earlierWords, typed: typed) {
    case .command:
      return CommandCandidates.commands(matching: typed)
    case .subcommand(let group):
      return CommandCandidates.subcommands(of: group, matching: typed)
    case .option(let invocation):
      return CommandCandidates.options(of: invocation, matching: typed)
    case .optionValue(let option, let lead):
      guard let kind = option.value?.kind else { return [] }
      let values = suggestions(
        for: kind, typed: String(typed.dropFirst(lead.count)), quoted: word.isQuoted,
        earlier: kind == .channelID ? site.earlierWords : [], in: context)
      return values.map {
        Suggestion(lead + $0.value, display: $0.display, detail: $0.detail, isComplete: $0.isComplete)
      }
    case .argument(let argument, let invocation):
      let values =
        argument.map {
          suggestions(
            for: $0.kind, typed: typed, quoted: word.isQuoted, earlier: invocation.positionals, in: context)
        } ?? []
      // With nothing to offer for an empty word, the options are what can come next.
      guard values.isEmpty, typed.isEmpty, !word.isQuoted else { return values }
      return CommandCandidates.options(of: invocation, matching: "")
    case .unknown:
      return []
    }
  }

  /// What an argument of `kind` can be. `earlier` holds the command's positional values before it.
  private func suggestions(
    for kind: ArgumentKind, typed: String, quoted: Bool, earlier: [String?], in context: CompletionContext
  ) -> [Suggestion] {
    switch kind {
    case .tokenName:
      ValueCandidates.tokenNames(in: context.session, matching: typed)
    case .mintingToken:
      ValueCandidates.tokenNames(in: context.session, matching: typed) { token in
        token.storefront == nil && token.kind == .store && token.accessToken != nil
      }
    case .storefrontToken:
      ValueCandidates.tokenNames(in: context.session, matching: typed) { $0.storefront != nil }
    case .storefrontKind:
      ValueCandidates.storefrontKinds(matching: typed)
    case .storefrontScope:
      ValueCandidates.storefrontScopes(matching: typed)
    case .channelID:
      ValueCandidates.channels(in: context, after: earlier, matching: typed)
    case .scopeGrant:
      ScopeCandidates.grants(typed: typed, quoted: quoted, kind: context.tokenKind, earlier: earlier)
    case .declaredScope:
      ScopeCandidates.declared(typed: typed, quoted: quoted, token: context.session.current, earlier: earlier)
    case .scopeTopic:
      ScopeCandidates.topics(typed: typed, quoted: quoted)
    case .request:
      EndpointCandidates.requests(typed: typed, earlier: earlier)
    case .coverageTarget:
      ValueCandidates.presets(matching: typed)
        + FileCandidates.paths(typed: typed, role: .any, context: context)
    case .preset:
      ValueCandidates.presets(matching: typed)
    case .credentialField:
      ValueCandidates.credentialFields(matching: typed)
    case .file(let role):
      FileCandidates.paths(typed: typed, role: role, context: context)
    case .saveFormat:
      ValueCandidates.saveFormats(matching: typed)
    case .exportTool:
      ExportTool.allCases.map { Suggestion($0.rawValue, detail: $0.summary) }.matching(typed)
    case .scopeSelection:
      ValueCandidates.scopeSelections(matching: typed)
    case .execTool:
      ValueCandidates.execTools(matching: typed)
    case .variableName:
      ValueCandidates.variableNames(in: context, matching: typed)
    case .command:
      CommandCandidates.helpTopics(after: earlier, matching: typed)
    case .newTokenName, .apiPath, .number, .text:
      []
    }
  }
}
