import Foundation
import Testing

/// Issue 21, item 19: the manual lists the values a closed-set argument takes (`token set FIELD`).
@Suite struct ManPageValuesTests {
  @Test func theManualListsTheFieldsOfTokenSet() throws {
    let manual = try String(
      contentsOf: GeneratedFilesTests.root.appendingPathComponent("man/bcsh.1"), encoding: .utf8)
    #expect(
      manual.contains(
        #"\fIfield\fR is one of \fBaccess\-token\fR, \fBclient\-id\fR, \fBclient\-secret\fR."#))
    #expect(manual.contains(#"\fIformat\fR is one of \fBsession\fR, \fBtxt\fR, \fBenv\fR."#))
  }
}
