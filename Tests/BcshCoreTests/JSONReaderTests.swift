import JSONText
import Testing

/// The JSON reader that replaced Foundation's JSONSerialization (session files, verify's
/// responses, the sandbox's GraphQL bodies).
@Suite struct JSONReaderTests {
  private func read(_ text: String) throws -> Any { try JSONReader.value(text.utf8) }

  private func failure(_ text: String) -> JSONReadError? {
    do {
      _ = try JSONReader.value(text.utf8)
      return nil
    } catch {
      return error
    }
  }

  @Test func readsEveryKindOfValue() throws {
    let object = try JSONReader.object(
      #" { "s": "a\"\\\/\n\t\u00e9\ud83d\ude00", "i": -12, "d": 1.5e2, "t": true, "f": false, "n": null, "a": [1, [], {}] } "#
        .utf8)
    #expect(object["s"] as? String == "a\"\\/\n\té😀")
    #expect(object["i"] as? Int == -12)
    #expect(object["d"] as? Double == 150)
    #expect(object["t"] as? Bool == true && object["f"] as? Bool == false)
    #expect(object["n"] is JSONNull)
    #expect((object["a"] as? [Any])?.count == 3)
    #expect(try read("\"ünï\"") as? String == "ünï")
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
