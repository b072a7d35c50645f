import Foundation

extension CLIFixture {
    /// A command line started and not yet waited for; its output goes to a file, so any number
    /// can run at once without a reader per pipe.
    struct Running {
        let process: Process
        let outputPath: String

        func wait() -> Result {
            process.waitUntilExit()
            let data = FileManager.default.contents(atPath: outputPath) ?? Data()
            try? FileManager.default.removeItem(atPath: outputPath)
            return Result(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
        }
    }

    /// Starts a shell command line as `sh` does (same PATH, root and namespace) without waiting.
    func spawn(_ command: String) throws -> Running {
        let path = binDir + "/out-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let out = FileHandle(forWritingAtPath: path) else {
            throw FixtureError(description: "cannot create \(path)")
        }
        defer { try? out.close() }
        let p = try TestProcess.start("/bin/sh", ["-c", command], environment: environment(namespace: namespace), output: out)
        return Running(process: p, outputPath: path)
    }
}
