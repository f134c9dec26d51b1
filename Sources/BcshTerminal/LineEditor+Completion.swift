import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import CLibEdit
@preconcurrency import Glibc

extension LineEditor {
  /// Above this many candidates, Tab asks before listing them.
  static let listingQuestionThreshold = 100

  /// Tab: one candidate replaces the word (and a space follows when it should); several insert
  /// their longest common prefix and are listed below the line; none beeps.
  func completeAtCursor() -> UInt8 {
    guard let editLine, let info = el_line(editLine)?.pointee, let buffer = info.buffer else {
      return UInt8(CC_ERROR)
    }
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: info.lastchar - buffer)
    let cursor = info.cursor - buffer
    let result = completer.complete(line: String(decoding: bytes, as: UTF8.self), cursor: cursor)
    guard let range = EditRange(result, cursor: cursor, in: bytes), !result.candidates.isEmpty else {
      return UInt8(CC_ERROR)
    }
    if result.candidates.count == 1, let only = result.candidates.first {
      replace(range, with: only.insertion + (only.appendsSpace ? " " : ""))
      return UInt8(CC_REFRESH)
    }
    // The common prefix replaces the typing only when it says more; a shorter one (other spelling,
    // other case, quoting) would throw typing away.
    let prefix = result.commonPrefix
    if prefix.utf8.count > range.byteCount { replace(range, with: prefix) }
    list(result.candidates)
    return UInt8(CC_REDISPLAY)
  }

  /// Replaces the typed word with `text`, leaving the cursor after it.
  private func replace(_ range: EditRange, with text: String) {
    guard let editLine else { return }
    if range.cursorMove != 0 { el_cursor(editLine, Int32(range.cursorMove)) }
    if range.characterCount > 0 { el_deletestr(editLine, Int32(range.characterCount)) }
    if !text.isEmpty { el_insertstr(editLine, text) }
  }

  /// Prints the candidates below the line, asking first when there are very many.
  private func list(_ candidates: [CompletionCandidate]) {
    guard let editLine else { return }
    if candidates.count > Self.listingQuestionThreshold {
      fputs("\nDisplay all \(candidates.count) possibilities? (y or n)", stdout)
      fflush(stdout)
      var answer: CChar = 0
      let read = el_getc(editLine, &answer)
      let yes: Set<UInt8> = [UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: " ")]
      guard read == 1, yes.contains(UInt8(bitPattern: answer)) else {
        fputs("\n", stdout)
        fflush(stdout)
        return
      }
    }
    let lines = CandidateListing.lines(for: candidates, width: max(columns - 1, 10))
    fputs("\n" + lines.joined(separator: "\n") + "\n", stdout)
    fflush(stdout)
  }
}

/// The part of the line a completion replaces, in the units libedit edits by: how far the cursor
/// must move to reach the word's end, and how many characters the word holds.
struct EditRange: Equatable {
  var start: Int
  var end: Int
  /// Characters (Unicode scalars, libedit's wide characters) from the cursor to `end`; negative
  /// when `end` lies before the cursor.
  var cursorMove: Int
  /// Characters from `start` to `end`.
  var characterCount: Int
  var byteCount: Int { end - start }

  /// Checks the result's byte offsets against the line: inside it, in order, and on character
  /// boundaries. nil when the completer got them wrong.
  init?(_ result: CompletionResult, cursor: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    let start = result.replaceStart
    let end = result.replaceEnd
    guard 0 <= start, start <= end, end <= bytes.count, 0 <= cursor, cursor <= bytes.count else {
      return nil
    }
    func isBoundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
    guard isBoundary(start), isBoundary(end), isBoundary(cursor) else { return nil }
    func characters(_ from: Int, _ to: Int) -> Int {
      String(decoding: bytes[from..<to], as: UTF8.self).unicodeScalars.count
    }
    self.start = start
    self.end = end
    self.cursorMove = end >= cursor ? characters(cursor, end) : -characters(end, cursor)
    self.characterCount = characters(start, end)
  }
}
