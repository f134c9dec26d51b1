/// Turns byte offsets in UTF-8 text into the places a reader sees: lines, columns counted in
/// characters (as a reader counts them in the line: "e" + U+0301 is one), and the character offset
/// from the start. It moves forward only, so all the places of one text cost one pass over it.
/// The one place bcsh turns an offset into a line and column: scripts, session files, HAR files.
package struct SourceCursor {
  package let source: String
  package private(set) var line: Int
  package private(set) var column = 1
  /// Characters from the start of the text to the byte reached.
  package private(set) var characterOffset = 0
  private var byteOffset = 0

  package init(source: String, line: Int = 1) {
    self.source = source
    self.line = line
  }

  /// The place of the byte at `offset` in `bytes`, from the text's start.
  package static func position(ofByte offset: Int, in bytes: [UInt8], source: String) -> SourcePosition {
    var cursor = SourceCursor(source: source)
    return cursor.advance(to: min(offset, bytes.count), in: bytes)
  }

  /// The place of the byte at `target`, which must not lie before an earlier target.
  package mutating func advance(to target: Int, in bytes: [UInt8]) -> SourcePosition {
    precondition(target <= bytes.count, "a place past the end of the text")
    var offset = byteOffset
    // Counted in locals, over the buffer: this runs for every word of every script line.
    var line = self.line
    var column = self.column
    var characters = characterOffset
    bytes.withUnsafeBufferPointer { bytes in
      while offset < target {
        let byte = bytes[offset]
        if byte < 0x80 {
          if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
          } else {
            column += 1
          }
          characters += 1
          offset += 1
          continue
        }
        var end = offset
        while end < target, bytes[end] >= 0x80 { end += 1 }
        // A combining mark belongs to the character before it: count the run together with the
        // ASCII character in front (already counted once) so that "e" + U+0301 stays one column.
        let joined = offset > 0 && bytes[offset - 1] < 0x80 && bytes[offset - 1] != UInt8(ascii: "\n")
        let from = joined ? offset - 1 : offset
        let count =
          String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self).count
          - (joined ? 1 : 0)
        column += count
        characters += count
        offset = end
      }
    }
    self.line = line
    self.column = column
    characterOffset = characters
    byteOffset = max(byteOffset, target)
    return SourcePosition(source: source, line: line, column: column)
  }
}
