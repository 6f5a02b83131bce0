// swift-tools-version: 6.1
import PackageDescription

/// Rollcall's benchmarks, kept out of the main package so that its build and CI stay
/// fast. Run from this folder: `swift package benchmark` (release build). `rollcall` is a
/// link to the repository root, so the dependency has the same name wherever it is
/// cloned.
let package = Package(
    name: "RollcallBenchmarks",
    dependencies: [
        .package(path: "rollcall"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RollcallBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RollcallCore", package: "rollcall"),
                .product(name: "RollcallStore", package: "rollcall"),
                .product(name: "RollcallRecords", package: "rollcall"),
                .product(name: "RollcallExchange", package: "rollcall"),
                .product(name: "RollcallTUI", package: "rollcall"),
                .product(name: "RollcallScreens", package: "rollcall"),
            ],
            path: "Benchmarks/RollcallBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A trust of 50 schools on a throwaway PostgreSQL: `swift run -c release trust-scale`.
        .executableTarget(
            name: "trust-scale",
            dependencies: [
                .product(name: "RollcallCore", package: "rollcall"),
                .product(name: "RollcallStore", package: "rollcall"),
                .product(name: "RollcallRecords", package: "rollcall"),
                .product(name: "RollcallExchange", package: "rollcall"),
                .product(name: "RollcallTUI", package: "rollcall"),
                .product(name: "RollcallScreens", package: "rollcall"),
                .product(name: "RollcallTrust", package: "rollcall"),
            ],
            path: "Sources/trust-scale"
        ),
        // Where the dashboard's first frame goes, phase by phase: `swift run -c release lead-phases`.
        .executableTarget(
            name: "lead-phases",
            dependencies: [
                .product(name: "RollcallCore", package: "rollcall"),
                .product(name: "RollcallExchange", package: "rollcall"),
                .product(name: "RollcallStore", package: "rollcall"),
                .product(name: "RollcallRecords", package: "rollcall"),
                .product(name: "RollcallTUI", package: "rollcall"),
                .product(name: "RollcallScreens", package: "rollcall"),
            ],
            path: "Sources/lead-phases"
        ),
    ]
)
