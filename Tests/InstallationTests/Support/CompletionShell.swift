import Foundation
import TestSupport
import Testing

/// A real shell that loads a bcsh completion script and answers, for a partial command line, which candidates
/// it would offer on Tab.
enum CompletionShell: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case bash, zsh, fish

  var testDescription: String { rawValue }

  /// The script in the repository that this shell loads.
  var script: URL {
    switch self {
    case .bash: Repository.bashCompletion
    case .zsh: Repository.zshCompletion
    case .fish: Repository.fishCompletion
    }
  }

  /// The candidates for `line` typed in `folder`, reduced to their last path component (`sub/c.bcsh` and
  /// `c.bcsh` are the same candidate; a folder's trailing `/` is dropped), since shells differ there.
  ///
  /// The shell loads the repository's script, or with `prefix` the one scripts/install put there; bash then
  /// finds it by itself, through bash-completion's loader, as it would for a user of that prefix.
  func candidates(for line: String, in folder: URL, installedUnder prefix: URL? = nil) throws -> Set<String> {
    let raw: [String]
    switch self {
    case .bash: raw = try Self.bashCandidates(line, folder, prefix)
    case .zsh:
      let script = prefix?.appendingPathComponent("share/zsh/site-functions/_bcsh") ?? self.script
      raw = try Self.zshCandidates(line, folder, script)
    case .fish:
      let script = prefix?.appendingPathComponent("share/fish/vendor_completions.d/bcsh.fish") ?? self.script
      raw = try Self.fishCandidates(line, folder, script)
    }
    return Set(raw.map(Self.normalized))
  }

  static func normalized(_ candidate: String) -> String {
    var name = candidate
    while name.count > 1 && name.hasSuffix("/") { name.removeLast() }
    return name.split(separator: "/").last.map(String.init) ?? name
  }

  // MARK: bash

  /// Sources bash-completion, then the script (or lets bash-completion's loader find it), and calls the
  /// function that `complete -p bcsh` names with COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT set as bash
  /// sets them for `line` (whose words are separated by single spaces).
  private static let bashDriver = #"""
    source /usr/share/bash-completion/bash_completion || exit 3
    if [[ -n $BCSH_COMPLETION_SCRIPT ]]; then
      source "$BCSH_COMPLETION_SCRIPT" || exit 3
    else
      __load_completion bcsh || { echo "bash-completion found no completion for bcsh" >&2; exit 3; }
    fi
    spec=$(complete -p bcsh) || exit 3
    [[ $spec == *' -F '* ]] || { echo "bcsh is not completed by a function: $spec" >&2; exit 3; }
    function=${spec#* -F }
    function=${function%% *}
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$BCSH_LINE
    COMP_POINT=${#COMP_LINE}
    COMP_TYPE=9
    COMP_KEY=9
    COMPREPLY=()
    "$function" bcsh "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
    for candidate in "${COMPREPLY[@]}"; do
      printf 'candidate: %s\n' "$candidate"
    done
    """#

  private static func bashCandidates(_ line: String, _ folder: URL, _ prefix: URL?) throws -> [String] {
    let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let home = TemporaryFolder("installation")
    var environment = [
      "BCSH_LINE": line, "HOME": home.url.path, "BCSH_COMPLETION_SCRIPT": CompletionShell.bash.script.path,
    ]
    if let prefix {
      environment["BCSH_COMPLETION_SCRIPT"] = ""
      environment["XDG_DATA_DIRS"] = prefix.path + "/share"
      environment["PATH"] =
        prefix.path + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }
    let result = try run(
      "bash", ["--norc", "--noprofile", "-c", bashDriver, "bash"] + words, in: folder,
      environment: environment)
    return try candidates(from: result, shell: "bash")
  }

  // MARK: zsh

  /// Runs in an interactive zsh (inside zpty, so that the line editor is live): loads compinit with the
  /// script's folder on fpath, and replaces `compadd` with a wrapper that prints each candidate it is given
  /// after zsh's own matching, then adds it as usual. A completion widget's end prints a marker and exits.
  private static let zshSetup = #"""
    PS1='' PROMPT='' RPROMPT='' PROMPT_EOL_MARK=''
    unsetopt zle_bracketed_paste 2>/dev/null
    fpath=("$BCSH_COMPLETION_DIR" $fpath)
    autoload -Uz compinit && compinit -u -d "$ZDOTDIR/.zcompdump"
    bindkey '^I' complete-word
    _bcsh_test_begin() { print -r -- '<<capture-begin>>' }
    _bcsh_test_end() { print -r -- '<<capture-end>>'; exit }
    compprefuncs=(_bcsh_test_begin)
    comppostfuncs=(_bcsh_test_end)
    compadd() {
      # Calls that only compute matches into an array (-O, -A, -D) add nothing: pass them through.
      if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return
      fi
      local -a __bcsh_hits
      builtin compadd -A __bcsh_hits "$@"
      (( $#__bcsh_hits )) && print -rl -- "${__bcsh_hits[@]/#/candidate: }"
      builtin compadd "$@"
    }
    print -r -- '<<ready>>'
    """#

  /// Drives the interactive zsh: sources the setup, types the line and a Tab, and prints all it answered.
  private static let zshDriver = #"""
    zmodload zsh/zpty || exit 3
    zpty bcsh_test zsh -f -i
    zpty -w bcsh_test "source ${(q)1}"
    zpty -r bcsh_test output '*<<ready>>*'
    zpty -w -n bcsh_test "$2"$'\t'
    zpty -r bcsh_test output '*<<capture-end>>*'
    print -r -- "$output"
    zpty -d bcsh_test
    """#

  private static func zshCandidates(_ line: String, _ folder: URL, _ script: URL) throws -> [String] {
    let home = TemporaryFolder("installation")
    let setup = try home.write(zshSetup, to: "setup.zsh")
    let driver = try home.write(zshDriver, to: "driver.zsh")
    // compinit finds completion functions by file name on fpath: give it a folder holding just `_bcsh`.
    let functions = home.url.appendingPathComponent("functions/_bcsh")
    try FileManager.default.createDirectory(
      at: functions.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: script, to: functions)
    let result = try run(
      "zsh", ["-f", driver.path, setup.path, line], in: folder,
      environment: [
        "HOME": home.url.path, "ZDOTDIR": home.url.path, "TERM": "dumb",
        "BCSH_COMPLETION_DIR": functions.deletingLastPathComponent().path,
      ], timeoutSeconds: 30)
    guard result.stdout.contains("<<capture-end>>") else {
      throw ShellError.failed(shell: "zsh", result: result)
    }
    return try candidates(from: result, shell: "zsh")
  }

  // MARK: fish

  private static func fishCandidates(_ line: String, _ folder: URL, _ script: URL) throws -> [String] {
    let home = TemporaryFolder("installation")
    let result = try run(
      "fish", ["--no-config", "-c", "source $argv[1]; and complete -C $argv[2]", script.path, line],
      in: folder, environment: ["HOME": home.url.path, "XDG_CONFIG_HOME": home.url.path])
    // Each line is `candidate<TAB>description`.
    guard result.status == 0 else { throw ShellError.failed(shell: "fish", result: result) }
    return result.lines.map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
  }

  // MARK: -

  private static func candidates(from result: RunResult, shell: String) throws -> [String] {
    guard result.status == 0 else { throw ShellError.failed(shell: shell, result: result) }
    let prefix = "candidate: "
    return result.lines.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
  }
}

enum ShellError: Error, CustomStringConvertible {
  case failed(shell: String, result: RunResult)

  var description: String {
    switch self {
    case .failed(let shell, let result) where result.status == 127:
      "\(shell) is not installed; scripts/bootstrap installs it (\(result.stderr))"
    case .failed(let shell, let result):
      "\(shell) failed with status \(result.status)\nstdout:\n\(result.stdout)\nstderr:\n\(result.stderr)"
    }
  }
}
