import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The one error type of the runtime. `message` is what a user reads; it names the operation,
/// the path and the errno where there is one, so that they can act on it.
/// `exitCode` follows Docker: 125 for isolab's own errors, 126/127 for a command that cannot run.
public struct RuntimeError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case system(errno: Int32)    // a syscall failed
        case notFound                // no such container / image
        case conflict                // name in use, image in use
        case invalidArgument
        case cannotExecute(Int32)    // 126 / 127
        case failed
    }
    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }

    /// A failed system call: `operation` and `path` say what was being done and to what.
    public static func errno(_ operation: String, _ path: String? = nil, _ code: Int32 = Glibc.errno) -> RuntimeError {
        let what = path.map { "\(operation) \($0)" } ?? operation
        return RuntimeError(.system(errno: code), "\(what): \(String(cString: strerror(code))) (errno \(code))")
    }

    public var exitCode: Int32 {
        if case .cannotExecute(let c) = kind { return c }
        return 125
    }
    public var description: String { message }
}
