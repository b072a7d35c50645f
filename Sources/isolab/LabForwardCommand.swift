import ArgumentParser
import ContainerRuntime
import DockerCLI
#if canImport(Glibc)
import Glibc
#endif

/// `isolab lab ...`: execs `isolab-lab` (beside this program) with the same arguments. It runs
/// the labs with this program as their `docker` (`ISOLAB_SELF`), so lab steps start the small
/// binary too.
struct LabForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Run, check and grade Markdown labs (see `isolab lab --help`).")

    @Argument(parsing: .captureForPassthrough, help: "run|check|grade|walk|report|gradebook|serve ...")
    var arguments: [String] = []

    func run() throws {
        let me = IsolabMain.executablePath()
        let program = PathName.parent(me) + "/isolab-lab"
        setenv("ISOLAB_SELF", me, 1)
        // argv[0] stays "isolab": messages name the command the user typed.
        let argv = ["isolab", "lab"] + arguments
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        execv(program, &cArgv)
        let code = errno
        for p in cArgv { free(p) }
        IsolabMain.fail("isolab: cannot start \(program): \(String(cString: strerror(code))) (build it with scripts/setup.sh)", code: 1)
    }
}
