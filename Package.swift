// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "isolab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "isolab", targets: ["isolab"]),
        .executable(name: "isolab-lab", targets: ["isolab-lab"]),
        .executable(name: "isolab-monitor", targets: ["isolab-monitor"]),
        .executable(name: "isolab-serve", targets: ["isolab-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // System libraries: module maps only. libcmark and libarchive are not linked: CLazyLibs
        // defines the functions isolab calls and loads them on first use (no pkgConfig, which
        // would add -lcmark/-larchive back).
        .systemLibrary(name: "CCmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CLibcap", pkgConfig: "libcap", providers: [.apt(["libcap-dev"])]),
        .systemLibrary(name: "CArchive", providers: [.apt(["libarchive-dev"])]),
        .target(name: "CLazyLibs"),

        // Everything between clone() and execve(), and joining a running container.
        .target(name: "CRuntime", dependencies: ["CLibcap"],
                linkerSettings: [.linkedLibrary("cap"), .linkedLibrary("seccomp")]),
        // One per detached container: reaps PID 1, keeps the log, records the exit status.
        .executableTarget(name: "isolab-monitor", dependencies: ["CRuntime"]),

        .target(name: "ContainerRuntime", dependencies: ["CRuntime", "CLibcap", "CArchive", "CLazyLibs"]),
        // isolab's version number, for `isolab --version`, `docker version` and results files.
        .target(name: "IsolabVersion"),
        .target(name: "DockerCLI", dependencies: [
            "ContainerRuntime", "IsolabVersion",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "LabFormat", dependencies: ["CCmark", "CLazyLibs"]),
        // What a run produced (RunResults … BlockResult, BlockReason, Points): the engine fills
        // it, the reports read it, neither depends on the other for it.
        .target(name: "LabResults", dependencies: ["LabFormat"]),
        .target(name: "LabReports", dependencies: ["LabResults", "LabFormat", "CCmark", "CLazyLibs"]),
        .target(name: "LabEngine", dependencies: ["LabResults", "LabFormat", "LabReports", "IsolabVersion"]),
        // The lab engine's ContainerHost over the runtime, for isolab and isolab-serve.
        .target(name: "RuntimeHost", dependencies: ["ContainerRuntime", "LabEngine"]),
        // `isolab` (and `docker`): the Docker-compatible commands only, so it links FoundationEssentials
        // and not Foundation's internationalisation and ICU's data, which the lab modules need;
        // `isolab lab` execs `isolab-lab` (Docs/performance.md).
        .executableTarget(name: "isolab", dependencies: [
            "DockerCLI", "ContainerRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "isolab-lab", dependencies: [
            "DockerCLI", "LabEngine", "LabResults", "LabReports", "LabFormat", "ContainerRuntime", "RuntimeHost",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // `isolab lab serve`: a web server is a program of its own, so isolab's every start does
        // not load NIO; `isolab lab serve` execs it.
        .target(name: "LabServe", dependencies: [
            "LabEngine", "LabResults", "LabFormat", "LabReports",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "isolab-serve", dependencies: [
            "LabServe", "RuntimeHost", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer target for `docker load`/`docker import` (see its source for the fuzzing build).
        .executableTarget(name: "FuzzArchive", dependencies: ["ContainerRuntime"]),
        // libFuzzer target for the lab parser and the results reader (scripts/fuzz.sh FuzzLabParser
        // SECONDS); built normally it replays files given as arguments.
        .executableTarget(name: "FuzzLabParser", dependencies: ["LabFormat", "LabResults", "LabReports"]),

        .testTarget(name: "LabFormatTests", dependencies: ["LabFormat"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LabResultsTests", dependencies: ["LabResults", "LabFormat"]),
        .testTarget(name: "LabEngineTests", dependencies: ["LabEngine", "LabResults", "LabFormat", "LabReports"]),
        .testTarget(name: "LabReportsTests", dependencies: ["LabReports", "LabResults", "LabFormat"]),
        .testTarget(name: "ContainerRuntimeTests", dependencies: ["ContainerRuntime"]),
        .testTarget(name: "DockerCLITests", dependencies: ["DockerCLI", "ContainerRuntime"]),
        .testTarget(name: "RuntimeIntegrationTests", dependencies: ["ContainerRuntime"]),
        .testTarget(name: "CLIEndToEndTests", dependencies: []),
        .testTarget(name: "LabServeTests", dependencies: ["LabServe", "LabResults", "LabFormat"]),
    ],
    swiftLanguageModes: [.v5]
)
