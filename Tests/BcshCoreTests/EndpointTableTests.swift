import Foundation
import Testing

@testable import BcshCore

/// The generated EndpointTable+Data.swift holds exactly the rows of data/bigcommerce-endpoints.tsv:
/// after the table changes, `scripts/generate-endpoints` must be run again.
@Suite struct EndpointTableTests {
  static let tablePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "data/bigcommerce-endpoints.tsv"
    )
    .path

  /// The table's rows as the generator reads them: comment lines and the column header left out.
  static func tableRows(_ text: String) -> [EndpointRow] {
    text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0 != "method\tpath\tscopes\tspec_file" }.map {
      let fields = $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return EndpointRow(
        fields[0], fields[1], fields.count > 2 ? fields[2] : "", fields.count > 3 ? fields[3] : "")
    }
  }

  @Test func generatedRowsMatchTheCommittedTable() throws {
    let text = try String(contentsOfFile: Self.tablePath, encoding: .utf8)
    let rows = Self.tableRows(text)
    #expect(rows.count == 666)
    #expect(rows.count == EndpointTable.rows.count, "run scripts/generate-endpoints")
    for (table, generated) in zip(rows, EndpointTable.rows) where table != generated {
      Issue.record(
        "stale generated row: table has \(table), generated \(generated); run scripts/generate-endpoints")
      break
    }
  }

  @Test func theTableNamesItsSourceAndCommit() throws {
    let text = try String(contentsOfFile: Self.tablePath, encoding: .utf8)
    #expect(
      text.contains(
        "Source: bigcommerce/docs, reference/*.yml at commit 24f580ca6d2981728b7ed70a2049e00fc602c335"))
  }

  /// The comparison catches a stale table: one changed field is a difference.
  @Test func aChangedRowIsADifference() {
    var row = EndpointTable.rows[0]
    row.scopes = row.scopes.replacingOccurrences(of: "read_only", with: "readonly")
    #expect(row != EndpointTable.rows[0])
  }
}
