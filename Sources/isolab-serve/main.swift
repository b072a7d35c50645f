import ArgumentParser
import Foundation
import LabEngine
import LabFormat
import LabServe
import RuntimeHost

/// `isolab lab serve [FILE|DIR...]`, which `isolab` execs: the labs in a browser, each with a
/// real terminal, on this machine's containers.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isolab lab serve",
        abstract: "Serve labs as web pages with a terminal (a local Killercoda).",
        discussion: """
            The pages run commands as root on this machine. The server listens on 127.0.0.1 only, \
            unless --host says otherwise, and every request needs the secret token in the address it \
            prints (a cookie keeps it for the rest of the visit).
            """)

    @Argument(help: "Lab files, or folders of them (default: Labs).")
    var paths: [String] = []
    @Option(name: .long, help: "The port (0 picks a free one).")
    var port: Int = 7681
    @Option(name: .long, help: "The address to listen on. Anything but loopback lets others reach a root shell.")
    var host: String = "127.0.0.1"
    @Flag(name: .customLong("no-open"), help: "Do not open a browser.")
    var noOpen = false
    @Flag(name: .customLong("cleanup-on-exit"), help: "Remove the labs' containers when the server stops.")
    var cleanupOnExit = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // isolab-serve sits beside isolab, which `lab serve` execs it from.
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let directory = (me as NSString).deletingLastPathComponent
        let isolab = environment["ISOLAB_SELF"].flatMap { $0.isEmpty ? nil : $0 } ?? directory + "/isolab"
        var labs: [Lab] = []
        var invalid = false
        for file in try Self.files(paths.isEmpty ? ["Labs"] : paths) {
            switch LoadedLab.load(file: file) {
            case .valid(let lab):
                labs.append(lab)
            case .invalid(_, _, let problems):
                try? FileHandle.standardError.write(contentsOf: Data(problems.map { $0 + "\n" }.joined().utf8))
                invalid = true
            }
        }
        if invalid { throw ExitCode(2) }
        guard !labs.isEmpty else { throw ValidationError("No labs to serve.") }
        if !ServeConfiguration.isLoopback(host) {
            try? FileHandle.standardError.write(contentsOf: Data("""
                isolab: WARNING: listening on \(host): anyone who can reach this address and learns the \
                token gets a root shell on this machine.

                """.utf8))
        }
        let xterm = [directory + "/xterm", environment["ISOLAB_XTERM"] ?? ""].first {
            !$0.isEmpty && FileManager.default.fileExists(atPath: $0 + "/xterm.js")
        }
        if xterm == nil {
            try? FileHandle.standardError.write(contentsOf: Data("isolab: xterm.js is missing (scripts/setup.sh bundles it); pages will have no terminal\n".utf8))
        }
        let configuration = ServeConfiguration(
            labs: labs, host: host, port: port, token: ServeToken(), isolab: isolab, xtermDirectory: xterm,
            home: environment["HOME"] ?? "/root", environment: environment,
            shell: environment["SHELL"].flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil } ?? "/bin/bash")
        let runtime = RuntimeContainerHost(isolabExecutable: isolab)
        try? FileHandle.standardError.write(contentsOf: Data("isolab: preparing the built-in images…\n".utf8))
        try runtime.prepareImages()
        let server = try ServeServer(configuration: configuration, host: runtime)
        let open = !noOpen
        let count = labs.count
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { port in
            let url = "http://\(shownHost):\(port)/?token=\(configuration.token.value)"
            print("isolab lab serve: \(count) lab\(count == 1 ? "" : "s") at\n\n    \(url)\n\nCtrl-C stops the server.")
            fflush(stdout)
            if open { Self.openBrowser(url) }
        }
        print("\nisolab lab serve: stopped.")
        if cleanupOnExit {
            for problem in server.cleanUp() { try? FileHandle.standardError.write(contentsOf: Data("isolab: \(problem)\n".utf8)) }
            print("The labs' containers were removed.")
        } else {
            for (namespace, containers) in server.remainingContainers() where !containers.isEmpty {
                print("Left in namespace \(namespace): \(containers.joined(separator: ", ")) "
                      + "(ISOLAB_NAMESPACE=\(namespace) docker rm -f …, or isolab lab walk --reset)")
            }
        }
        server.finish()
    }

    static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                files += try LabFolder.labFiles(in: path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// A browser for the learner, when there is one (xdg-open); quietly nothing otherwise.
    static func openBrowser(_ url: String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xdg-open"),
              ProcessInfo.processInfo.environment["DISPLAY"] != nil || ProcessInfo.processInfo.environment["WAYLAND_DISPLAY"] != nil else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xdg-open")
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
