// swift-tools-version: 6.1
import PackageDescription

/// A trust's view across its schools, on PostgreSQL. Kept out of the main package so that
/// a school's build (and `swift run rollcall demo`) never compiles the database driver
/// and SwiftNIO under it: `rollcall trust ...` runs the `rollcall-trust` built here.
/// `rollcall` is a link to the repository root, as in Benchmarks/.
let package = Package(
    name: "RollcallTrust",
    products: [
        .executable(name: "rollcall-trust", targets: ["rollcall-trust"]),
        .library(name: "RollcallTrust", targets: ["RollcallTrust"]),
    ],
    dependencies: [
        .package(path: "rollcall"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "RollcallTrust",
            dependencies: [
                .product(name: "RollcallCore", package: "rollcall"),
                .product(name: "RollcallStore", package: "rollcall"),
                .product(name: "RollcallExchange", package: "rollcall"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "rollcall-trust",
            dependencies: [
                "RollcallTrust",
                .product(name: "RollcallCore", package: "rollcall"),
                .product(name: "RollcallExchange", package: "rollcall"),
                .product(name: "RollcallStore", package: "rollcall"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RollcallTrustTests",
            dependencies: [
                "RollcallTrust", "rollcall-trust",
                .product(name: "RollcallExchange", package: "rollcall"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
