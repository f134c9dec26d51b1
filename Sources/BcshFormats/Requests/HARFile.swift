import BcshModel
import JSONText

/// A HAR document (a browser's network panel, "Save all as HAR") read as the store API requests
/// it recorded, for `scope need --file` and `verify --for`.
enum HARFile {
  /// `log.entries[].request.method` and `.url` of a HAR document; each request is placed at its URL.
  /// A browser records every request of a page, so entries outside `/stores/{hash}/v2|v3/` are
  /// skipped and counted rather than refused.
  static func requests(_ text: String, source: String) throws(BcshError) -> (
    requests: [APIRequest], skipped: Int
  ) {
    guard let entries = (try? JSONReader.value(text.utf8))?["log"]?["entries"]?.elements else {
      throw BcshError(
        "\(ShownWord.quoted(source)) is not a HAR file (no log.entries)", code: .invalidFile,
        hint: "save it from the browser's network panel ('Save all as HAR'), or write one request a line",
        at: SourcePosition(source: source, line: 1, column: 1))
    }
    var requests: [APIRequest] = []
    var skipped = 0
    var searchFrom = text.startIndex
    var cursor = SourceCursor(source: source)
    let bytes = Array(text.utf8)
    for (number, entry) in entries.enumerated() {
      let request = entry["request"]
      guard let method = request?["method"]?.string, let url = request?["url"]?.string else {
        throw BcshError(
          "HAR entry \(number + 1) has no request.method and request.url", code: .invalidFile,
          at: SourcePosition(source: source, line: 1, column: 1))
      }
      guard isStoreAPIURL(url) else {
        skipped += 1
        continue
      }
      var position: SourcePosition?
      for spelling in [url, url.replacing("/", with: "\\/")] {
        if let found = text[searchFrom...].firstRange(of: "\"" + spelling) {
          let offset = text.utf8.distance(from: text.startIndex, to: found.lowerBound) + 1
          position = cursor.advance(to: offset, in: bytes)
          searchFrom = found.upperBound
          break
        }
      }
      requests.append(
        APIRequest(method: HTTPMethod(rawValue: method), path: APIRequest.storePath(url), position: position))
    }
    return (requests, skipped)
  }

  /// Whether a URL's path is `/stores/{hash}/v2/...` or `/stores/{hash}/v3/...`.
  static func isStoreAPIURL(_ url: String) -> Bool {
    let path = url.firstRange(of: "://").map { url[$0.upperBound...].drop { $0 != "/" } } ?? Substring(url)
    let segments = path.prefix { $0 != "?" && $0 != "#" }.split(separator: "/")
    return segments.count >= 3 && segments[0] == "stores" && (segments[2] == "v2" || segments[2] == "v3")
  }
}
