/// A generated block inside a hand-written file: the lines between a begin and an end marker.
struct MarkedBlock {
  var begin: String
  var end: String
  var lines: [String]

  /// `.\" BEGIN GENERATED name` ... `.\" END GENERATED name`, for a man page.
  static func roff(_ name: String, _ lines: [String]) -> MarkedBlock {
    MarkedBlock(begin: ".\\\" BEGIN GENERATED \(name)", end: ".\\\" END GENERATED \(name)", lines: lines)
  }

  /// `<!-- name -->` ... `<!-- /name -->`, for Markdown.
  static func markdown(_ name: String, _ lines: [String]) -> MarkedBlock {
    MarkedBlock(begin: "<!-- \(name) -->", end: "<!-- /\(name) -->", lines: lines)
  }

  /// `text` with this block's lines in place of what stands between its markers.
  func replaced(in text: String, file: String) throws -> String {
    var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = all.firstIndex(of: begin),
      let stop = all[start...].firstIndex(of: end)
    else {
      throw DocsError("\(file) has no lines '\(begin)' and '\(end)' to put the generated block between")
    }
    all.replaceSubrange((start + 1)..<stop, with: lines)
    return all.joined(separator: "\n")
  }
}
