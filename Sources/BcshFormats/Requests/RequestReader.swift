import BcshModel
import JSONText

/// Reads the requests a job makes: `METHOD PATH` words, or a file of `METHOD PATH`, `METHOD URL`,
/// access-log lines or a HAR document.
package enum RequestReader {
  /// `METHOD PATH` pairs from a command's words, each with its place.
  package static func requests(fromWords words: [(value: String, position: SourcePosition)]) throws(BcshError)
    -> [APIRequest]
  {
    var requests: [APIRequest] = []
    var index = 0
    while index < words.count {
      let method = words[index]
      guard method.value.allSatisfy({ $0.isASCII && $0.isLetter }), !method.value.isEmpty else {
        throw BcshError(
          "\(ShownWord.quoted(method.value)) is not an HTTP method", code: .invalidValue,
          hint: "write METHOD PATH pairs: GET /v3/catalog/products", at: method.position)
      }
      guard index + 1 < words.count else {
        throw BcshError(
          "missing PATH after \(ShownWord.quoted(method.value))", code: .usage,
          hint: "write METHOD PATH pairs: GET /v3/catalog/products",
          at: method.position)
      }
      requests.append(
        APIRequest(
          method: HTTPMethod(rawValue: method.value), path: APIRequest.storePath(words[index + 1].value),
          position: method.position))
      index += 2
    }
    return requests
  }

  /// The requests of a file's text: a HAR document (JSON), or one request a line; blank lines and
  /// lines starting with `#` are skipped.
  /// `skipped` counts HAR entries that are not store API requests (pages, scripts, other hosts).
  package static func requests(fromFile text: String, source: String) throws(BcshError) -> (
    requests: [APIRequest], skipped: Int
  ) {
    if text.drop(while: { $0.isWhitespace }).first == "{" {
      return try HARFile.requests(text, source: source)
    }
    var requests: [APIRequest] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let position = SourcePosition(source: source, line: offset + 1, column: 1)
      let trimmed = String(line).trimmingBlanks()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      requests.append(try request(inLine: line, at: position))
    }
    return (requests, 0)
  }

  /// `GET /v3/x`, `get https://api.bigcommerce.com/stores/h/v3/x?y=1`, or an access-log line such
  /// as `1.2.3.4 - - [...] "GET /stores/h/v3/x HTTP/1.1" 200 512`.
  static func request(inLine line: Substring, at position: SourcePosition) throws(BcshError) -> APIRequest {
    var words: [(text: Substring, column: Int)] = []
    var column = 1
    var start: Substring.Index?
    var startColumn = 1
    for index in line.indices {
      if line[index].isWhitespace {
        if let begun = start { words.append((line[begun..<index], startColumn)) }
        start = nil
      } else if start == nil {
        start = index
        startColumn = column
      }
      column += 1
    }
    if let begun = start { words.append((line[begun...], startColumn)) }
    let unquoted = words.map { word in
      (
        text: word.text.drop { $0 == "\"" || $0 == "'" },
        column: word.column + (word.text.first == "\"" ? 1 : 0)
      )
    }
    for (index, word) in unquoted.enumerated() where index + 1 < unquoted.count {
      let isMethod =
        HTTPMethod.isRequestLineWord(word.text)
        || (index == 0
          && HTTPMethod.isRequestLineWord(
            Substring(word.text.uppercased())))
      let target = unquoted[index + 1].text.prefix { $0 != "\"" && $0 != "'" }
      guard isMethod, target.hasPrefix("/") || target.hasPrefix("http") else { continue }
      var place = position
      place.column = word.column
      return APIRequest(
        method: HTTPMethod(rawValue: String(word.text)), path: APIRequest.storePath(String(target)),
        position: place)
    }
    throw BcshError(
      "no request in \(ShownWord.quoted(String(line).trimmingBlanks()))", code: .invalidFile,
      hint: "write METHOD PATH, METHOD URL, an access-log request line, or give a HAR file",
      at: position)
  }
}
