// swift-tools-version:6.0
import PackageDescription

/// Every target: Swift 6 language mode, and async functions that run on their caller's actor.
let settings: [SwiftSetting] = [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]

// bcsh builds on Linux only (Glibc, libedit, libsecret and the Secret Service); SwiftPM's
// `platforms` names Apple platforms alone, so it is not set.
let package = Package(
  name: "bcsh",
  products: [
    .executable(name: "bcsh", targets: ["bcsh"]),
    .executable(name: "bcsh-net", targets: ["bcsh-net"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    // YAML for bcsh-endpoints, which reads BigCommerce's OpenAPI files; not linked into bcsh.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The C surface of libedit: the system library plus fixed-argument wrappers.
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // libsecret (the Secret Service client), loaded with dlopen on first use: linked, it and GLib
    // would cost every start of bcsh several milliseconds. Plain C types in and out.
    .target(name: "CLibSecret"),
    // setrlimit(RLIMIT_CORE) and prctl(PR_SET_DUMPABLE) for the executable: no core dump holds a secret.
    .target(name: "CCoreDumps"),
    // JSON text with keys in the order written: `--json` output and the sandbox's bodies.
    .target(name: "JSONText", swiftSettings: settings),
    // The layers of bcsh's core, each importing only those below it (the compiler checks it):
    // Model: the scope catalog, the session and its tokens, API paths, the endpoint table, errors,
    // secrets and how text is shown. No I/O.
    .target(
      name: "BcshModel",
      dependencies: ["JSONText", .product(name: "HashTreeCollections", package: "swift-collections")],
      swiftSettings: settings),
    // Ports: every service outside the process a command may use (requests, the keyring, hidden
    // entry, the clock), as protocols. The adapters below implement them.
    .target(name: "BcshPorts", dependencies: ["BcshModel"], swiftSettings: settings),
    // Formats: the files bcsh reads and writes (session files, credentials .txt files, dotenv, HAR
    // and log files), and how a file is written safely.
    .target(
      name: "BcshFormats", dependencies: ["BcshModel", "BcshPorts", "JSONText"], swiftSettings: settings),
    // Verify: checking a token against the API, built from values: the verifier, its reports,
    // pacing and coverage.
    .target(
      name: "BcshVerify", dependencies: ["BcshModel", "BcshPorts", "BcshFormats", "JSONText"],
      swiftSettings: settings),
    // The shell: the command language, the command table and commands, capabilities, completion
    // and rendering. Needs no terminal and no network.
    .target(
      name: "BcshShell",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "JSONText",
        .product(name: "HashTreeCollections", package: "swift-collections"),
      ],
      swiftSettings: settings),
    // The interactive shell: the one owner of libedit's EditLine and History.
    .target(
      name: "BcshTerminal", dependencies: ["BcshModel", "BcshShell", "CLibEdit"], swiftSettings: settings),
    // The OS keyring for `save --keyring`: the one owner of libsecret.
    .target(
      name: "BcshKeyring", dependencies: ["BcshModel", "BcshPorts", "CLibSecret"], swiftSettings: settings),
    // HTTP for verify, on AsyncHTTPClient.
    .target(
      name: "BcshHTTP",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        // NIOConnectionError (refused, name not resolved) is declared in NIOPosix.
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: settings
    ),
    // Other programs started with posix_spawn: git (the live `ProcessRunning`), the programs `exec`
    // runs, and bcsh-net with the transport that talks to it.
    .target(
      name: "BcshProcesses", dependencies: ["BcshModel", "BcshPorts", "BcshFormats"], swiftSettings: settings),
    // The sandbox's stores, accounts and tokens (the demo ones and a config file's) and its banner:
    // what `bcsh --sandbox` shows, without the server, so that bcsh links no networking.
    .target(name: "BcshSandboxData", dependencies: ["JSONText"], swiftSettings: settings),
    // The built-in sandbox: a loopback server that behaves like the BigCommerce API.
    .target(
      name: "BcshSandbox",
      dependencies: [
        "JSONText", "BcshSandboxData",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: settings
    ),
    // The outer command line, declared once: what bcsh parses, and what bcsh-docs documents.
    .target(
      name: "BcshCommandLine",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings),
    // What bcsh and bcsh-net share as programs: the standard streams, ending by a signal, and how a
    // bad command line is reported.
    .target(
      name: "BcshProgram",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "BcshCommandLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings),
    // bcsh itself. It links no HTTP stack: requests and the sandbox's server are bcsh-net's, started
    // on first use, so that a start that sends nothing maps none of it (BENCHMARKS.md, start-up).
    .executableTarget(
      name: "bcsh",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "BcshCommandLine", "BcshTerminal",
        "BcshKeyring", "BcshProcesses", "BcshProgram", "BcshSandboxData", "CCoreDumps",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings
    ),
    // bcsh's network helper: AsyncHTTPClient for bcsh's requests (BcshProcesses' HelperTransport
    // talks to it) and the sandbox's server. Installed in PREFIX/libexec/bcsh, not for users to run.
    .executableTarget(
      name: "bcsh-net",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "BcshCommandLine", "BcshProgram",
        "BcshHTTP", "BcshProcesses", "BcshSandbox", "BcshSandboxData", "CCoreDumps",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings
    ),
    // The completion scripts, the manual's options and commands, README's tables: rendered from
    // BcshCommandLine and CommandTable. Not installed; scripts/generate-docs runs it.
    .target(
      name: "BcshDocs",
      dependencies: [
        "BcshModel", "BcshShell", "BcshCommandLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings),
    .executableTarget(name: "bcsh-docs", dependencies: ["BcshDocs"], swiftSettings: settings),
    // The endpoint table from a checkout of bigcommerce/docs: its OpenAPI files' scope statements,
    // read with a YAML parser, normalized onto the scope catalog. Not installed;
    // scripts/generate-endpoints runs it.
    .target(
      name: "ReferenceExtraction",
      dependencies: ["BcshModel", .product(name: "Yams", package: "Yams")],
      swiftSettings: settings),
    .executableTarget(name: "bcsh-endpoints", dependencies: ["ReferenceExtraction"], swiftSettings: settings),
    .executableTarget(
      name: "bcsh-benchmarks",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "BcshHTTP", "BcshSandbox",
        "BcshSandboxData",
      ],
      path: "Benchmarks",
      swiftSettings: settings
    ),
    // What every test target shares: the self-deleting temporary folder, a port that never
    // answers, a clock that moves only when told.
    .target(
      name: "TestSupport",
      dependencies: ["BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell"],
      path: "Tests/TestSupport", swiftSettings: settings),
    .testTarget(
      name: "BcshCoreTests",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "BcshProcesses", "TestSupport",
      ],
      exclude: ["Golden"],
      swiftSettings: settings),
    .testTarget(
      name: "SandboxTests",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "BcshHTTP", "BcshSandbox",
        "BcshSandboxData",
        "BcshProcesses", "TestSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        // The tests' own tiny servers (redirect target, hung server, huge body).
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        // The sandbox's latency on an event loop whose clock the test moves.
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      swiftSettings: settings
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "TestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: settings),
    // The start-up fast path of the executable against ArgumentParser's reading of the same line.
    .testTarget(name: "LaunchTests", dependencies: ["bcsh", "BcshCommandLine"], swiftSettings: settings),
    // Each extraction rule on a fixture of reference snippets; the committed Swift data is the
    // committed table's.
    .testTarget(
      name: "ReferenceExtractionTests", dependencies: ["ReferenceExtraction", "BcshModel"],
      exclude: ["Fixtures"],
      swiftSettings: settings),
    // Every generated file as committed equals what bcsh-docs renders now.
    .testTarget(name: "DocsTests", dependencies: ["BcshDocs"], swiftSettings: settings),
    .testTarget(
      name: "TerminalTests",
      dependencies: [
        "BcshModel", "BcshPorts", "BcshFormats", "BcshVerify", "BcshShell", "BcshTerminal", "TestSupport",
      ],
      swiftSettings: settings),
    // The completion scripts in real bash, zsh and fish; the install script into a temporary prefix.
    .testTarget(name: "InstallationTests", dependencies: ["TestSupport"], swiftSettings: settings),
  ]
)
