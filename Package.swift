// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "OneGate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "onegate", targets: ["onegate"]),
        .library(name: "OneGateCore", targets: ["OneGateCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(name: "OneGateCore", swiftSettings: strict),
        // zlib (Debian's zlib1g-dev) for PDF FlateDecode streams and the embedded store's packed JSON.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "OneGateDocuments",
            dependencies: ["OneGateCore", "CZlib"],
            resources: [.copy("Fonts")],
            swiftSettings: strict
        ),
        .target(
            name: "OneGateSigning",
            dependencies: [
                "OneGateCore", "OneGateDocuments",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strict
        ),
        // OpenID Connect: the client OneGate signs citizens in with, and the reference identity
        // provider (`onegate idp`) that plays the national e-ID in development, tests and the demo.
        .target(
            name: "OneGateIdentity",
            dependencies: [
                "OneGateCore",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "OneGateSQLite",
            dependencies: ["OneGateCore", "CZlib", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "OneGatePostgres",
            dependencies: [
                "OneGateCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "OneGateServer",
            dependencies: [
                "OneGateCore", "OneGateSigning", "OneGateDocuments", "OneGateIdentity",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Web/Templates"), .copy("Web/Static")],
            swiftSettings: strict
        ),
        .target(
            name: "OneGateDemo",
            dependencies: ["OneGateCore", "OneGateSigning"],
            swiftSettings: strict
        ),
        .target(
            name: "OneGateRuntime",
            dependencies: [
                "OneGateCore", "OneGateSigning", "OneGateSQLite", "OneGatePostgres", "OneGateServer", "OneGateIdentity",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "onegate",
            dependencies: [
                "OneGateCore", "OneGateSigning", "OneGateSQLite", "OneGateServer", "OneGateRuntime", "OneGateDemo",
                "OneGatePostgres", "OneGateDocuments", "OneGateIdentity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "OneGateTestSupport",
            dependencies: [
                "OneGateCore", "OneGateSigning", "OneGateSQLite", "OneGatePostgres", "OneGateServer", "OneGateRuntime",
                "OneGateDemo", "OneGateIdentity",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            path: "Tests/OneGateTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "OneGateCoreTests",
            dependencies: [
                "OneGateCore", "OneGateTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OneGateIdentityTests",
            dependencies: [
                "OneGateCore", "OneGateIdentity", "OneGateTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OneGateDocumentsTests",
            dependencies: ["OneGateCore", "OneGateDocuments"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OneGateSigningTests",
            dependencies: ["OneGateCore", "OneGateSigning", "OneGateDocuments"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OneGateStoreTests",
            dependencies: [
                "OneGateCore", "OneGateSQLite", "OneGatePostgres", "OneGateSigning", "OneGateTestSupport",
                "OneGateRuntime", "OneGateDemo",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OneGateServerTests",
            dependencies: [
                "OneGateCore", "OneGateServer", "OneGateTestSupport", "OneGateRuntime", "OneGateDemo",
                "OneGateIdentity",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ]
)
