// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ClaimsLedger",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "claims", targets: ["claims"]),
        .library(name: "Events", targets: ["Events"]),
        .library(name: "Projections", targets: ["Projections"]),
        .library(name: "Ledger", targets: ["Ledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "Events",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Events",
            exclude: ["Schema"]
        ),
        .target(name: "Projections", dependencies: ["Events"], path: "Projections", exclude: ["README.md"]),
        .target(
            name: "Ledger",
            dependencies: [
                "Events", "Projections",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Extraction", dependencies: ["Events"], exclude: ["README.md"]),
        .target(name: "SeedCorpus", resources: [.copy("Data")]),
        .executableTarget(
            name: "claims",
            dependencies: [
                "Events", "Projections", "Ledger", "Extraction", "SeedCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "claims-bench",
            dependencies: [
                "Events", "Projections", "Ledger",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "EventsTests", dependencies: ["Events", "SeedCorpus"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Events", "SeedCorpus"], exclude: ["Challenge", "Blind"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Events", "Projections", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "claimsTests", dependencies: ["claims", "Ledger", "Events", "Projections", "SeedCorpus", .product(name: "Crypto", package: "swift-crypto")]),
    ],
    swiftLanguageModes: [.v6]
)
