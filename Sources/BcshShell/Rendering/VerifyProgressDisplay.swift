import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A verify as it goes, on a terminal: each step as its answer arrives and a line counting the
/// probes (or `--all`'s tokens), rewritten in place, so that a slow API never means silence. The
/// finished report reads exactly as it does when piped: what was shown early is its beginning.
struct VerifyProgressDisplay {
  private let style: TextStyle
  private let width: Int?
  private let write: (String) -> Void
  private let all: Bool
  private var shown = ""
  private var counterShown = false
  private var finished = 0

  /// Shows the steps the offline checks settle at once (a single token that goes online).
  init(
    offline: [VerifyReport], all: Bool, style: TextStyle, width: Int?, write: @escaping (String) -> Void
  ) {
    self.style = style
    self.width = width
    self.write = write
    self.all = all
    if !all, let report = offline.first, report.diagnosis == nil {
      shown = VerifyRendering.steps(report, style: style, width: width)
      write(shown)
    }
  }

  mutating func show(_ event: VerifyEvent) {
    switch event {
    case .liveness(let report) where !all:
      let text = VerifyRendering.steps(report, style: style, width: width)
      guard text.hasPrefix(shown) else { return }
      clearCounter()
      write(String(text.dropFirst(shown.count)))
      shown = text
    case .probeFinished(let total) where !all:
      finished += 1
      counter("  probing   \(finished) of \(Counted.text(total, "scope"))")
    case .tokenFinished(let total) where all:
      finished += 1
      counter("verify --all: \(finished) of \(Counted.text(total, "token")) checked")
    default: break
    }
  }

  /// What is left of the finished report to write: all of it unless its beginning was shown.
  mutating func remainder(of report: String) -> String {
    clearCounter()
    return report.hasPrefix(shown) ? String(report.dropFirst(shown.count)) : report
  }

  /// Erases the counting line, so that whatever comes next starts on a clean line.
  mutating func clearCounter() {
    guard counterShown else { return }
    write("\r\u{1B}[K")
    counterShown = false
  }

  private mutating func counter(_ text: String) {
    write("\r\u{1B}[K" + style.dim(text))
    counterShown = true
  }
}
