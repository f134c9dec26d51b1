import Foundation
import ReferenceExtraction

// bcsh-endpoints DOCS_CHECKOUT [PROJECT_ROOT]: reads a checkout of bigcommerce/docs and writes
// data/bigcommerce-endpoints.tsv and Sources/BcshModel/Endpoints/EndpointTable+Data.swift.
// bcsh-endpoints --check [PROJECT_ROOT]: exits 1 when the Swift data differs from the table.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first else {
  FileHandle.standardError.write(Data("usage: bcsh-endpoints DOCS_CHECKOUT [PROJECT_ROOT]\n".utf8))
  exit(64)
}
let project = arguments.count > 1 ? arguments[1] : FileManager.default.currentDirectoryPath
do {
  let extractor = ReferenceExtractor(root: first)
  guard let commit = extractor.commit() else {
    throw ExtractionError("\(first) is not a git checkout of bigcommerce/docs (no commit to record)")
  }
  let rows = try extractor.rows()
  let table = EndpointTableFile.tsv(rows, commit: commit)
  let swift = EndpointTableFile.swift(rows, commit: commit)
  try table.write(toFile: project + "/" + EndpointTableFile.tablePath, atomically: true, encoding: .utf8)
  try swift.write(toFile: project + "/" + EndpointTableFile.swiftPath, atomically: true, encoding: .utf8)
  print("bcsh-endpoints: \(rows.count) operations from bigcommerce/docs at \(commit)")
} catch {
  FileHandle.standardError.write(Data("bcsh-endpoints: error: \(error)\n".utf8))
  exit(2)
}
