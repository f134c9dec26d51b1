import BcshModel
import Testing

/// `Duration.wholeNanoseconds`, which NIO's deadlines and Dispatch's timers are given: exact in
/// range, saturating past it.
@Suite struct DurationNanosecondsTests {
  @Test func wholeNanosecondsAreExactInRangeAndSaturateOutside() {
    #expect(Duration.milliseconds(2500).wholeNanoseconds == 2_500_000_000)
    #expect(Duration.nanoseconds(-7).wholeNanoseconds == -7)
    #expect(Duration.zero.wholeNanoseconds == 0)
    #expect(Duration.seconds(Int64.max).wholeNanoseconds == .max)
    #expect(Duration.seconds(Int64.min).wholeNanoseconds == .min)
    #expect((Duration.seconds(9_223_372_036) + .nanoseconds(999_999_999)).wholeNanoseconds == .max)
  }
}
