import Foundation
import Testing

/// Issue 10, row 5: processes saving one session file at once. The lock makes the check and the
/// rename one step: of those that opened the same version one succeeds and the others are told the
/// file changed on disk; one that opened the file after another saved holds that one's token too.
/// Either way, no success ever drops another's token.
@Suite struct ConcurrentSaveTests {
  func race(writers: Int, rounds: Int) throws {
    let bcsh = Bcsh()
    for round in 0..<rounds {
      #expect(try bcsh.run(["-c", "token new base; save s.json --force"]).status == 0)
      let processes = try (0..<writers).map { index -> (Process, Pipe) in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Bcsh.binary)
        process.arguments = ["-s", "s.json", "-c", "token new writer\(index); save"]
        process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
        process.environment = ["HOME": bcsh.folder, "PATH": "/usr/bin:/bin", "TERM": "dumb"]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, error)
      }
      var succeeded: [Int] = []
      for (index, (process, error)) in processes.enumerated() {
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 0 {
          succeeded.append(index)
        } else {
          #expect(
            message.contains("s.json' changed on disk since this session read or wrote it"), "\(message)")
        }
      }
      #expect(!succeeded.isEmpty, "round \(round): no save succeeded")
      let saved = bcsh.read("s.json") ?? ""
      for index in succeeded {
        #expect(
          saved.contains("\"writer\(index)\""), "round \(round): writer \(index) succeeded, its token is gone"
        )
      }
      let debris = try FileManager.default.contentsOfDirectory(atPath: bcsh.folder).filter {
        $0.contains(".bcsh-")
      }
      #expect(debris.isEmpty)
    }
  }

  @Test func twoWriters() throws { try race(writers: 2, rounds: 8) }

  @Test func fourWriters() throws { try race(writers: 4, rounds: 4) }
}
