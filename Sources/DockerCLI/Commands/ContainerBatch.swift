import ArgumentParser
import ContainerRuntime
import Foundation

/// `stop`, `kill` and `rm` take several containers: each is tried, its name printed on success,
/// its error on stderr; any failure makes the exit status isolab's own (125).
enum ContainerBatch {
    static func each(_ refs: [String], _ body: (String) throws -> Void) throws {
        var failed = false
        for ref in refs {
            do { try body(ref); print(ref) } catch let e as RuntimeError {
                FileHandle.standardError.write(Data((e.message + "\n").utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(125) }
    }
}
