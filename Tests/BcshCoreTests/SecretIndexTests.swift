import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 22 items 14 and 6, in-process: the one-pass secret index (behaviour only: the
/// benchmarks measure its speed) and the one function that escapes outside text.
@Suite struct SecretIndexTests {
  // MARK: The index (item 14): behaviour, not speed

  @Test func overlappingSecretsAreMaskedAsOneStretch() {
    let first = "aaaaaaaaaaaaaaaa1111bbbb"
    let second = "1111bbbbccccccccccccdddd"
    let text = "x aaaaaaaaaaaaaaaa1111bbbbccccccccccccdddd y"
    #expect(SecretMasking.mask(text, secrets: [first, second]) == "x ****dddd y")
    #expect(SecretMasking.mask(text, secrets: [second, first]) == "x ****dddd y")
  }

  @Test func aSecretInsideAnotherIsMaskedByTheLongest() {
    let inner = "0123456789abcdef0123"
    let outer = "zzzz" + inner + "yyyy"
    #expect(SecretMasking.mask("[\(outer)]", secrets: [inner, outer]) == "[****yyyy]")
    #expect(SecretMasking.mask("[\(inner)]", secrets: [inner, outer]) == "[****0123]")
    // Two secrets sharing their first 16 bytes: the longer where it is there, else the shorter.
    let short = "0123456789abcdefXY"
    let long = "0123456789abcdefXYZW0000"
    #expect(SecretMasking.mask("\(long) \(short)", secrets: [short, long]) == "****0000 ****efXY")
  }

  @Test func adjacentAndRepeatedSecretsAreEachMasked() {
    let secret = Sample.accessToken
    #expect(
      SecretMasking.mask(secret + secret + "!" + secret, secrets: [secret]) == "****p9q8****p9q8!****p9q8")
    #expect(SecretMasking.mask("nothing here", secrets: [secret]) == "nothing here")
    #expect(SecretMasking.mask(String(secret.dropLast()), secrets: [secret]) == String(secret.dropLast()))
  }

  @Test func anIndexLetsAValueGoOnlyWhenItsLastHolderDoes() {
    var index = SecretIndex()
    let added = [index.add(Sample.accessToken), index.add(Sample.accessToken)]
    #expect(added == [true, false])
    let firstGone = index.remove(Sample.accessToken)
    #expect(!firstGone)
    #expect(index.mask(Sample.accessToken) == "****p9q8")
    let lastGone = index.remove(Sample.accessToken)
    #expect(lastGone)
    #expect(index.mask(Sample.accessToken) == Sample.accessToken)
    #expect(index.isEmpty)
  }

  @Test func thousandsOfSecretsAreAllFound() {
    let secrets = (0..<5000).map { String(format: "%08x", $0) + "k3jd8f0s9d8f7g6h5j4k3l2" }
    let text = secrets.enumerated().filter { $0.offset % 7 == 0 }.map { "<\($0.element)>" }.joined()
    let masked = SecretMasking.mask(text, secrets: secrets)
    #expect(!secrets.contains { masked.contains($0) })
    #expect(masked.components(separatedBy: "****k3l2").count - 1 == (0..<5000).filter { $0 % 7 == 0 }.count)
  }

  // MARK: Escaping (item 6)

  @Test func escapingShowsEveryControlCharacter() {
    #expect(ShownWord.escaped("a\u{1B}[2Jb\tc\nd\u{7F}\u{9B}\u{202E}") == #"a\e[2Jb\tc\nd\x7F\x9B\u{202E}"#)
    #expect(ShownWord.escaped("plain é") == "plain é")
    #expect(ShownWord.escaped("two\nlines", keepingLines: true) == "two\nlines")
    #expect(ShownWord.quoted("x\u{1B}y") == #"'x\ey'"#)
  }
}
