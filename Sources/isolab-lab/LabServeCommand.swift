import ArgumentParser
import Foundation

/// `isolab lab serve`: the labs in a browser with a terminal. The server is `isolab-serve`, a
/// program of its own beside isolab, so that no other isolab command loads a web server; this
/// command hands it every argument.
struct LabServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve labs as web pages with a real terminal (see `isolab lab serve --help`).")

    @Argument(parsing: .captureForPassthrough, help: "FILE|DIR... [--port N] [--host ADDR] [--no-open] [--cleanup-on-exit]")
    var arguments: [String] = []

    func run() throws {
        guard let me = LabEnvironment.selfExecutable() else {
            LabConsole.error("isolab: cannot find isolab's own executable (/proc/self/exe)")
            throw ExitCode(1)
        }
        let server = (me as NSString).deletingLastPathComponent + "/isolab-serve"
        setenv("ISOLAB_SELF", me, 1)
        let argv = [server] + arguments
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        execv(server, &cArgv)
        let code = errno
        for p in cArgv { free(p) }
        LabConsole.error("isolab: cannot start \(server): \(String(cString: strerror(code))) (build it with scripts/setup.sh)")
        throw ExitCode(1)
    }
}
