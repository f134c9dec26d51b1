import Foundation
import Testing

@Suite("man/bcsh.1")
struct ManPageTests {
  @Test("groff -ww finds nothing to warn about")
  func groffIsQuiet() throws {
    let result = try run("groff", ["-ww", "-z", "-man", Repository.manPage.path])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty, "groff warns:\n\(result.stderr)")
  }

  @Test("man -l renders every section, option and exit status, without warnings")
  func rendersCompletely() throws {
    let text = try ManPage.render(Repository.manPage)
    ManPage.expectComplete(text, page: Repository.manPage)
  }
}
