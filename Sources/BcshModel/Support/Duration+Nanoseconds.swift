extension Duration {
  /// The duration in whole nanoseconds, saturating at `Int64`'s bounds: for the clocks of the
  /// libraries that count in nanoseconds (NIO's deadlines, Dispatch's timers).
  public var wholeNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    guard !overflow else { return seconds < 0 ? .min : .max }
    let (sum, past) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
    return past ? (whole < 0 ? .min : .max) : sum
  }
}
