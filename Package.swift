// swift-tools-version: 6.1
import PackageDescription

/// Rollcall: register-taking and attendance analysis for schools in England.
///
/// Arrows run one way: rollcall -> RollcallTerminal -> RollcallTUI -> RollcallCore,
/// rollcall -> RollcallScreens -> RollcallTUI, rollcall -> RollcallGate -> RollcallStore,
/// rollcall -> RollcallRecords -> RollcallStore -> RollcallCore, rollcall ->
/// RollcallExchange -> RollcallStore, and rollcall-trust -> RollcallTrust ->
/// RollcallScreens, RollcallRecords, RollcallExchange. RollcallCore
/// imports only Foundation and holds every rule of the guidance; RollcallTUI is a screen
/// framework that knows no app; RollcallScreens are the school's screens, which the
/// trust's view also opens, read-only. Every product a target imports is declared here,
/// not reached through another's dependencies.
///
/// A trust's view on PostgreSQL is `rollcall-trust` (RollcallTrust, over PostgresNIO),
/// which `rollcall trust ...` runs: a program of its own, so that `rollcall` never links
/// the database driver and `swift run rollcall` never compiles it. It is in this package,
/// not one beside it, so that the test build compiles each module once.
let package = Package(
    name: "Rollcall",
    products: [
        .executable(name: "rollcall", targets: ["rollcall"]),
        .executable(name: "rollcall-trust", targets: ["rollcall-trust"]),
        .library(name: "RollcallCore", targets: ["RollcallCore"]),
        // For the benchmark package under Benchmarks/.
        .library(name: "RollcallStore", targets: ["RollcallStore"]),
        .library(name: "RollcallRecords", targets: ["RollcallRecords"]),
        .library(name: "RollcallExchange", targets: ["RollcallExchange"]),
        .library(name: "RollcallTUI", targets: ["RollcallTUI"]),
        .library(name: "RollcallScreens", targets: ["RollcallScreens"]),
        .library(name: "RollcallTrust", targets: ["RollcallTrust"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .target(name: "RollcallCore"),
        .target(
            name: "RollcallStore",
            dependencies: [
                "RollcallCore",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"]
        ),
        // What the screens and reports read from the store, put together once: a form's
        // register book, a period's records, the follow-ups, the pack; and deleting a name.
        .target(name: "RollcallRecords", dependencies: ["RollcallCore", "RollcallStore"]),
        // Formats in and out: CSV, the importers, report tables, letters, the pack's HTML, the demo.
        .target(name: "RollcallExchange", dependencies: ["RollcallCore", "RollcallStore", .product(name: "SystemPackage", package: "swift-system")]),
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // A screen framework: cells, keys, the shell, a list, a text field. It knows no app.
        .target(name: "RollcallTUI", dependencies: ["RollcallCore"]),
        // The school's screens: the picker, the register, the dashboard and its lists, a
        // pupil's history; their origins, tasks and key guide.
        .target(name: "RollcallScreens", dependencies: ["RollcallCore", "RollcallTUI"]),
        // Staff over SSH: whose a key is (the authorized_keys line), what it may run through
        // `rollcall gate` (a function of the words and the role), and what the access log
        // keeps of each session, whose end line is always written.
        .target(name: "RollcallGate", dependencies: ["RollcallCore", "RollcallStore"]),
        // The only code that imports ncurses: it puts RollcallTUI's cell grid on a screen.
        .target(name: "RollcallTerminal", dependencies: ["CNCurses", "RollcallTUI"]),
        .executableTarget(
            name: "rollcall",
            dependencies: [
                "RollcallCore",
                "RollcallStore",
                "RollcallRecords",
                "RollcallExchange",
                "RollcallTUI",
                "RollcallScreens",
                "RollcallTerminal",
                "RollcallGate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "RollcallTrust",
            dependencies: [
                "RollcallCore", "RollcallStore", "RollcallRecords", "RollcallExchange", "RollcallTUI", "RollcallScreens",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                // PBKDF2, for the SCRAM verifier of a new role's password.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "rollcall-trust",
            dependencies: [
                "RollcallTrust", "RollcallCore", "RollcallExchange", "RollcallStore", "RollcallTUI", "RollcallScreens", "RollcallTerminal",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(
            name: "RollcallCoreTests",
            dependencies: [
                "RollcallCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "RollcallStoreTests",
            dependencies: [
                "RollcallStore", "RollcallCore", "store-drill", "RollcallTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(name: "RollcallExchangeTests", dependencies: ["RollcallExchange", "RollcallRecords", "RollcallStore", "RollcallCore"]),
        .testTarget(name: "RollcallRecordsTests", dependencies: ["RollcallRecords", "RollcallExchange", "RollcallStore", "RollcallCore"]),
        .testTarget(name: "RollcallCLITests", dependencies: ["rollcall", "RollcallTestSupport"]),
        // A real terminal (tmux) for the end-to-end tests of both programs.
        .target(name: "RollcallTestSupport", path: "Tests/Support"),
        .testTarget(name: "RollcallTUITests", dependencies: ["RollcallTUI", "RollcallCore"]),
        .testTarget(name: "RollcallScreensTests", dependencies: ["RollcallScreens", "RollcallTUI", "RollcallCore"]),
        .testTarget(name: "RollcallGateTests", dependencies: ["RollcallGate", "RollcallStore", "RollcallCore"]),
        // Each test starts a throwaway PostgreSQL cluster (scripts/local-postgres).
        .testTarget(
            name: "RollcallTrustTests",
            dependencies: [
                "RollcallTrust", "rollcall-trust", "rollcall", "RollcallExchange", "RollcallStore", "RollcallCore", "RollcallTestSupport",
                "RollcallTUI", "RollcallScreens", "RollcallRecords",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // A child process for the store's crash and concurrency tests: it writes marks
        // while the tests kill it or run several of it at once.
        .executableTarget(
            name: "store-drill",
            dependencies: ["RollcallStore", "RollcallCore", .product(name: "SystemPackage", package: "swift-system")],
            path: "Tests/StoreDrill"
        ),
    ],
    swiftLanguageModes: [.v6]
)
