import Foundation
import Yams

/// Reads a checkout of the public repository bigcommerce/docs: every OpenAPI file under
/// `reference/` whose server is the store API (`https://api.bigcommerce.com/stores/{store_hash}/v2`
/// or `/v3`), each operation with the scopes its file, path or operation states
/// (docs/bigcommerce.md, "Which scopes a request needs").
public struct ReferenceExtractor {
  public let root: String

  public init(root: String) { self.root = root }

  /// The operations of every store API file, files in path order, operations in file order.
  public func rows() throws -> [ReferenceRow] {
    let accounts = try? String(
      contentsOfFile: root + "/docs/start/authentication/api-accounts.mdx", encoding: .utf8)
    var rows: [ReferenceRow] = []
    for file in try specFiles() {
      let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
      rows += try SpecFile(path: file, text: text, apiAccounts: accounts).rows()
    }
    return rows
  }

  /// `reference/**/*.yml` and `*.yaml`, sorted, the linter's own configuration left out.
  func specFiles() throws -> [String] {
    let base = root + "/reference"
    guard let walker = FileManager.default.enumerator(atPath: base) else {
      throw ExtractionError("no reference/ folder in \(root): give a checkout of bigcommerce/docs")
    }
    var files: [String] = []
    while let relative = walker.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      guard name.hasSuffix(".yml") || name.hasSuffix(".yaml"), !name.hasPrefix(".") else { continue }
      files.append("reference/" + relative)
    }
    return files.sorted()
  }

  /// The commit the checkout is at, from its git metadata (a work tree or a bare repository).
  public func commit() -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root, "rev-parse", "HEAD"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingBlanks().replacingOccurrences(of: "\n", with: "")
    return process.terminationStatus == 0 && text.count == 40 ? text : nil
  }
}
