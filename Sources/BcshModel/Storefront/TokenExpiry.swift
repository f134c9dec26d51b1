import FoundationEssentials

/// When a storefront API token expires, as written after `--expires`: a length from now (`30d`,
/// `12h`), a day (`2027-03-31`, its first second in UTC), a UTC time (`2027-03-31T12:00:00Z`) or
/// Unix seconds (`1885635176`). The API takes whole Unix seconds.
public enum TokenExpiry {
  /// The longest length accepted, in days: ten years.
  static let maximumDays = 3653

  /// The Unix seconds `text` names, which must lie after `now`.
  public static func seconds(_ text: String, now: Date) throws(BcshError) -> Int {
    let current = Int(now.timeIntervalSince1970.rounded(.down))
    let seconds = try read(text, now: current)
    guard seconds <= current + maximumDays * 86_400 else {
      throw BcshError(
        "the expiry \(ShownWord.quoted(text)) is more than ten years away", code: .invalidValue,
        hint: "BigCommerce's tokens are meant to be rotated: write a length such as 90d")
    }
    guard seconds > current else {
      throw BcshError(
        "the expiry \(ShownWord.quoted(text)) is not in the future", code: .invalidValue,
        hint: "write a length such as 30d or 12h, or a later date such as \(dayText(current + 30 * 86_400))")
    }
    return seconds
  }

  private static func read(_ text: String, now: Int) throws(BcshError) -> Int {
    let hint =
      "write 30d, 12h, a date such as 2027-03-31, a UTC time such as 2027-03-31T12:00:00Z, or Unix seconds"
    if let unit = text.last, unit == "d" || unit == "h", let count = Int(text.dropLast()),
      text.dropLast().allSatisfy(\.isASCIINumber), count > 0
    {
      // Compared before multiplying: a count of 19 digits would overflow.
      guard count <= (unit == "d" ? maximumDays : maximumDays * 24) else {
        throw BcshError(
          "the expiry \(ShownWord.quoted(text)) is more than ten years away", code: .invalidValue, hint: hint)
      }
      return now + (unit == "d" ? count * 24 : count) * 3600
    }
    if !text.isEmpty, text.allSatisfy(\.isASCIINumber) {
      guard text.count <= 11, let seconds = Int(text) else {
        throw BcshError(
          "the expiry \(ShownWord.quoted(text)) is too large for Unix seconds", code: .invalidValue,
          hint: "the API takes seconds, not milliseconds")
      }
      return seconds
    }
    if let seconds = utcSeconds(text) { return seconds }
    throw BcshError("\(ShownWord.quoted(text)) is not an expiry", code: .invalidValue, hint: hint)
  }

  /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`, as Unix seconds.
  static func utcSeconds(_ text: String) -> Int? {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[range] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard bytes.count == 10 || bytes.count == 20, bytes[4] == UInt8(ascii: "-"),
      bytes[7] == UInt8(ascii: "-"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), year >= 1970
    else { return nil }
    var seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400
    if bytes.count == 20 {
      guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
        bytes[19] == UInt8(ascii: "Z"), let hour = number(11..<13), let minute = number(14..<16),
        let second = number(17..<19), hour < 24, minute < 60, second < 60
      else { return nil }
      seconds += hour * 3600 + minute * 60 + second
    }
    return seconds
  }

  /// The Unix seconds bcsh takes as a time at all: 1970-01-01 through 9999-12-31. A value outside
  /// (a hostile token's claim, a hand-edited session file) is no time, and arithmetic on it could
  /// overflow.
  public static let plausible = 0...253_402_300_799

  /// `2027-03-31`: the UTC day of Unix seconds (clamped to `plausible`).
  public static func dayText(_ seconds: Int) -> String {
    let seconds = min(max(seconds, plausible.lowerBound), plausible.upperBound)
    let (year, month, day) = civilDate(
      daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  private static func daysIn(_ month: Int, of year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
  /// days_from_civil).
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` after 1970-01-01 (civil_from_days).
  static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

extension Character {
  fileprivate var isASCIINumber: Bool { isASCII && isNumber }
}

extension TokenExpiry {
  /// `2027-03-31T12:00:00Z`: the UTC time of Unix seconds.
  public static func timeText(_ seconds: Int) -> String {
    let seconds = min(max(seconds, plausible.lowerBound), plausible.upperBound)
    let second = ((seconds % 86_400) + 86_400) % 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(dayText(seconds))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
  }
}
