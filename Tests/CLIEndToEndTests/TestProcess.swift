import Foundation

/// A program the end-to-end tests start: stdin from /dev/null (or a string given to it), stdout
/// and stderr together, as a terminal shows them.
enum TestProcess {
    /// Starts `executable` with its output going to `output` and its input from `stdin` (each a
    /// `Pipe` or a `FileHandle`).
    static func start(_ executable: String, _ arguments: [String], environment: [String: String],
                      output: Any, stdin: Any? = nil) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.environment = environment
        p.standardOutput = output
        p.standardError = output
        p.standardInput = stdin ?? FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Runs `executable` to its end and returns what it printed and its exit status. Reading
    /// stops at the pipe's end (a detached container never holds it) or, once `timeout` seconds
    /// have passed, at the next chunk read, and then the process is terminated.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdin: String? = nil, timeout: Double = .infinity) throws -> (output: String, status: Int32) {
        let out = Pipe()
        let input = Pipe()
        let p = try start(executable, arguments, environment: environment, output: out,
                          stdin: stdin == nil ? nil : input)
        if let s = stdin {
            input.fileHandleForWriting.write(Data(s.utf8))
            try input.fileHandleForWriting.close()
        }
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        let reader = out.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
            if Date() > deadline { p.terminate(); break }
        }
        p.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), p.terminationStatus)
    }
}
