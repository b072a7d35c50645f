// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "isolab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "isolab", targets: ["isolab"]),
        .executable(name: "isolab-monitor", targets: ["isolab-monitor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "DockerCLI", dependencies: [
            "ContainerRuntime",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "LabFormat", dependencies: ["CCmark", "CLazyLibs"]),
        .target(name: "LabReports", dependencies: ["LabFormat", "CCmark", "CLazyLibs"]),
        .target(name: "LabEngine", dependencies: ["LabFormat", "LabReports"]),
        .executableTarget(name: "isolab", dependencies: [
            "DockerCLI", "LabEngine", "LabReports", "LabFormat", "ContainerRuntime",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // libFuzzer target for `docker load`/`docker import` (see its source for the fuzzing build).
        .executableTarget(name: "FuzzArchive", dependencies: ["ContainerRuntime"]),
        // libFuzzer target for the lab parser and the results reader (scripts/fuzz.sh FuzzLabParser
        // SECONDS); built normally it replays files given as arguments.
        .executableTarget(name: "FuzzLabParser", dependencies: ["LabFormat", "LabReports"]),

        .testTarget(name: "LabFormatTests", dependencies: ["LabFormat"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LabEngineTests", dependencies: ["LabEngine", "LabFormat", "LabReports"]),
        .testTarget(name: "LabReportsTests", dependencies: ["LabReports", "LabFormat"]),
        .testTarget(name: "ContainerRuntimeTests", dependencies: ["ContainerRuntime"]),
        .testTarget(name: "DockerCLITests", dependencies: ["DockerCLI", "ContainerRuntime"]),
        .testTarget(name: "RuntimeIntegrationTests", dependencies: ["ContainerRuntime"]),
        .testTarget(name: "CLIEndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v5]
)
