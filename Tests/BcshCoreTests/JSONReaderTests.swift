import JSONText
import Testing

/// The JSON reader that replaced Foundation's JSONSerialization (session files, verify's
/// responses, HAR files, the sandbox's GraphQL bodies): it reads into `JSONValue`.
@Suite struct JSONReaderTests {
  private func read(_ text: String) throws -> JSONValue { try JSONReader.value(text.utf8) }

  private func failure(_ text: String) -> JSONReadError? {
    do {
      _ = try JSONReader.value(text.utf8)
      return nil
    } catch {
      return error
    }
  }

  @Test func readsEveryKindOfValue() throws {
    let object = try read(
      #" { "s": "a\"\\\/\n\t\u00e9\ud83d\ude00", "i": -12, "d": 1.5e2, "t": true, "f": false, "n": null, "a": [1, [], {}] } "#
    )
    #expect(object["s"] == .string("a\"\\/\n\té😀"))
    #expect(object["i"]?.integer == -12)
    #expect(object["d"] == .double(150))
    #expect(object["t"] == .bool(true) && object["f"] == .bool(false))
    #expect(object["n"] == .null)
    #expect(object["a"]?.elements?.count == 3)
    #expect(try read("\"ünï\"").string == "ünï")
  }

  @Test func keysKeepTheirOrderAndALaterValueWins() throws {
    let object = try read(#"{"b": 1, "a": 2, "b": 3}"#)
    #expect(object.serialized() == #"{"b":3,"a":2}"#)
    #expect(object["b"]?.integer == 3)
    #expect(object["c"] == nil && JSONValue.string("x")["b"] == nil)
  }

  @Test func decodesWhatItRead() throws {
    struct Entry: Decodable, Equatable {
      var name: String
      var count: Int?
      var flags: [Bool]
    }
    let value = try read(#"{"name": "a", "count": null, "flags": [true, false]}"#)
    #expect(
      try JSONValueDecoder().decode(Entry.self, from: value)
        == Entry(name: "a", count: nil, flags: [true, false]))
    do {
      _ = try JSONValueDecoder().decode([Entry].self, from: try read(#"[{"name": 5, "flags": []}]"#))
      Issue.record("decoded a number as a string")
    } catch DecodingError.typeMismatch(_, let context) {
      #expect(context.debugDescription == "Expected to decode String but found number instead.")
      #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["0", "name"])
    }
  }

  @Test func errorsSayWhereReadingStopped() {
    #expect(
      failure("{\n  \"format\": x\n}") == JSONReadError(message: "unexpected character 'x'", offset: 14))
    #expect(failure("[1, 2") == JSONReadError(message: "expected ',' or ']' in an array", offset: 5))
    #expect(failure("{\"a\" 1}")?.message == "expected ':' after a key")
    #expect(failure("\"abc")?.message == "unexpected end of file inside a string")
    #expect(failure("\"a\u{1}\"")?.message == "a control character inside a string")
    #expect(failure("{} x")?.message == "unexpected text after the JSON value")
    #expect(failure("\"\\ud800\"")?.message == "an unpaired surrogate in \\u escapes")
    #expect(failure("-")?.message == "expected a digit")
    #expect(failure("")?.message == "unexpected end of file")
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(failure(deep)?.message == "arrays and objects nest too deeply")
    let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    #expect(failure(fine) == nil)
  }
}
