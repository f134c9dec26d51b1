import Foundation
import TestSupport

/// A private D-Bus session bus with a real GNOME Keyring on it, started and stopped by a test: the
/// Secret Service that `save --keyring` talks to, isolated from any keyring of the machine's user.
final class KeyringDaemon {
  /// The folder holding the bus socket, the keyring files and the daemon's runtime folder.
  let folder: String
  /// What bcsh and secret-tool need to reach this bus (and nothing else).
  let environment: [String: String]
  private let bus: Process
  private var keyring: Process?

  /// Starts the bus, and on it the keyring daemon (unless `withKeyring` is false: a bus where no
  /// Secret Service runs and none can be started).
  init(withKeyring: Bool = true) throws {
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent("bcsh-keyring-\(UUID().uuidString)")
      .path
    for sub in ["", "/data", "/run"] {
      try FileManager.default.createDirectory(
        atPath: folder + sub, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    // A bus of its own, with no service folders: nothing is started by D-Bus activation.
    let config = """
      <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
        "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
      <busconfig>
        <type>session</type>
        <listen>unix:path=\(folder)/bus</listen>
        <auth>EXTERNAL</auth>
        <policy context="default">
          <allow send_destination="*" eavesdrop="true"/>
          <allow eavesdrop="true"/>
          <allow own="*"/>
        </policy>
      </busconfig>
      """
    try config.write(toFile: folder + "/bus.conf", atomically: true, encoding: .utf8)
    environment = [
      "DBUS_SESSION_BUS_ADDRESS": "unix:path=\(folder)/bus", "XDG_DATA_HOME": folder + "/data",
      "XDG_RUNTIME_DIR": folder + "/run", "HOME": folder,
    ]
    bus = Process()
    bus.executableURL = URL(fileURLWithPath: "/usr/bin/dbus-daemon")
    bus.arguments = ["--config-file=\(folder)/bus.conf", "--nofork", "--nopidfile"]
    bus.standardOutput = FileHandle.nullDevice
    bus.standardError = FileHandle.nullDevice
    try bus.run()
    try waitFor("the bus") { FileManager.default.fileExists(atPath: self.folder + "/bus") }
    guard withKeyring else { return }
    let daemon = Process()
    daemon.executableURL = URL(fileURLWithPath: "/usr/bin/gnome-keyring-daemon")
    daemon.arguments = ["--foreground", "--unlock", "--components=secrets"]
    daemon.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let password = Pipe()
    daemon.standardInput = password
    daemon.standardOutput = FileHandle.nullDevice
    daemon.standardError = FileHandle.nullDevice
    try daemon.run()
    keyring = daemon
    // The login keyring is created with this password and left unlocked.
    password.fileHandleForWriting.write(Data("bcsh-test".utf8))
    try password.fileHandleForWriting.close()
    try waitFor("the Secret Service") { self.secretServiceIsUp() }
  }

  /// Runs a program with this bus's environment; returns its status and standard output.
  @discardableResult
  func run(_ program: String, _ arguments: [String], stdin: String = "") throws -> (
    status: Int32, output: String
  ) {
    let ran = try ChildProcess.run(
      program, arguments,
      environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
      stdin: stdin)
    return (ran.status, ran.stdout)
  }

  /// `secret-tool search --all application bcsh`: every item bcsh owns, as secret-tool prints it.
  func searchBcshItems() throws -> String {
    // secret-tool prints the attributes of each item on standard error; merge them in.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/secret-tool")
    process.arguments = ["search", "--all", "application", "bcsh"]
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Locks the login collection, as a screen lock would.
  func lockLoginCollection() throws {
    try run(
      "/usr/bin/dbus-send",
      [
        "--session", "--print-reply", "--dest=org.freedesktop.secrets", "/org/freedesktop/secrets",
        "org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/collection/login",
      ])
  }

  private func secretServiceIsUp() -> Bool {
    let reply = try? run(
      "/usr/bin/dbus-send",
      [
        "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets",
      ])
    return reply?.output.contains("boolean true") == true
  }

  private func waitFor(_ what: String, _ ready: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(20)
    while !ready() {
      guard Date() < deadline else {
        stop()
        throw NSError(
          domain: "KeyringDaemon", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(what) did not start"])
      }
      usleep(50_000)
    }
  }

  /// Ends the keyring daemon and the bus and removes every file they kept.
  func stop() {
    for process in [keyring, bus].compactMap({ $0 }) where process.isRunning {
      process.terminate()
      let deadline = Date().addingTimeInterval(3)
      while process.isRunning && Date() < deadline { usleep(20_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: folder)
  }
}
