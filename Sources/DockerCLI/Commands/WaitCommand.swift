import ArgumentParser
import ContainerRuntime
import Foundation

/// `wait CONTAINER...`: blocks until each stops, then prints its exit status.
public struct WaitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "wait", abstract: "Block until one or more containers stop, then print their exit codes")
    public init() {}

    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        var failed = false
        for c in containers {
            do {
                print(try rt.wait(c))
                fflush(stdout)
            } catch let e as RuntimeError {
                try? FileHandle.standardError.write(contentsOf: Data((e.dockerText() + "\n").utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
