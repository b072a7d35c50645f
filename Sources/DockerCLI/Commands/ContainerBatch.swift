import ArgumentParser
import ContainerRuntime
import Foundation

/// `stop`, `kill` and `rm` take several containers: each is tried, its name printed on success,
/// its error on stderr; any failure makes the exit status 1, as Docker's. `ignoringMissing`
/// (`rm -f`): a container that does not exist is reported but is no failure, so the clean-up
/// idiom `docker rm -f c 2>/dev/null` exits 0.
enum ContainerBatch {
    static func each(_ refs: [String], ignoringMissing: Bool = false, _ body: (String) throws -> Void) throws {
        var failed = false
        for ref in refs {
            do { try body(ref); print(ref) } catch let e as RuntimeError {
                fflush(stdout)
                try? FileHandle.standardError.write(contentsOf: Data((e.dockerText() + "\n").utf8))
                if !(ignoringMissing && e.isNotFound) { failed = true }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
