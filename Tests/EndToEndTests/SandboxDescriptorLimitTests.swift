import Foundation
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Issue 22, item 13: `bcsh sandbox serve` out of file descriptors waits before accepting again
/// instead of spinning a core, and answers again once connections go.
@Suite struct SandboxDescriptorLimitTests {
  /// The process's CPU time so far, in clock ticks (utime + stime of /proc/PID/stat).
  func cpuTicks(_ pid: Int32) -> Int {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return 0 }
    // The fields after "(comm)": state is the 3rd field overall; utime and stime the 14th and 15th.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
  }

  /// A connected loopback socket, or -1.
  func connectTo(_ port: Int, blocking: Bool) -> Int32 {
    let kind = Int32(SOCK_STREAM.rawValue) | (blocking ? 0 : Int32(SOCK_NONBLOCK.rawValue))
    let descriptor = socket(AF_INET, kind, 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    _ = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    return descriptor
  }

  @Test func outOfDescriptorsTheSandboxBacksOffAndRecovers() throws {
    let bcsh = Bcsh()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
    process.arguments = ["--nofile=64:64", Bcsh.binary, "sandbox", "serve", "--port", "0"]
    process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
    process.environment = ["HOME": bcsh.folder, "PATH": "/usr/bin:/bin"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    // The banner names the port.
    var banner = ""
    let giveUp = Date().addingTimeInterval(20)
    while !banner.contains("http://127.0.0.1:") || !banner.contains("\n"), Date() < giveUp {
      banner += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    }
    let port = try #require(
      banner.split(separator: "http://127.0.0.1:").dropFirst().first.flatMap {
        Int($0.prefix { $0.isNumber })
      })

    // More connections than descriptors: the kernel completes them; accept() fails with EMFILE.
    var clients = (0..<100).map { _ in connectTo(port, blocking: false) }
    usleep(500_000)
    let before = cpuTicks(process.processIdentifier)
    usleep(2_000_000)
    let spent = cpuTicks(process.processIdentifier) - before
    let perSecond = sysconf(Int32(_SC_CLK_TCK))
    #expect(
      spent < perSecond / 2,
      "\(spent) ticks of CPU in 2 s (of \(perSecond) a second) while out of descriptors")

    for client in clients { close(client) }
    clients = []
    // Answers again: a request gets an HTTP answer within a few seconds.
    var answered = false
    for _ in 0..<10 where !answered {
      let client = connectTo(port, blocking: true)
      var timeout = timeval(tv_sec: 2, tv_usec: 0)
      setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      let request = "GET /stores/sbxdemo001/v2/time HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
      _ = request.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
      var buffer = [UInt8](repeating: 0, count: 64)
      let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress!, $0.count, 0) }
      answered = count > 0 && String(decoding: buffer[0..<count], as: UTF8.self).hasPrefix("HTTP/1.1 ")
      close(client)
      if !answered { usleep(300_000) }
    }
    #expect(answered, "the sandbox did not answer after its connections were closed")
  }
}
