import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The one error type of the runtime. It says what failed, in the runtime's own words: its
/// `kind`, the `operation` (a request such as "kill" or a system call such as "mkdir"), the
/// `path` or `reference` it was applied to, the errno, and the `cause` underneath. It carries no
/// Docker wording: the CLI words errors as Docker does (`RuntimeError.dockerText` in DockerCLI's
/// `RuntimeError+Docker.swift`); another user of the runtime (the lab engine) shows `message`.
public struct RuntimeError: Error, CustomStringConvertible, Sendable {
    /// What a `notFound` looked for.
    public enum Subject: String, Sendable, Equatable { case container, image, network, file, other }

    public enum Kind: Sendable, Equatable {
        case system(errno: Int32)    // a system call failed
        case notFound(Subject)
        case conflict                // a name, address or image in use; a state that forbids the request
        case invalidArgument
        case notRunning              // the request needs a running container
        case alreadyRunning          // the request needs a container that is not running (or not paused)
        case cannotExecute(Int32)    // the container's command cannot run: 126 / 127
        case failed
    }

    /// Whether the error answers the request (the container, image or network it named, its
    /// arguments, the state they are in), or is a failure of the host underneath it (a system
    /// call, a build tool, a damaged store), which a user fixes on the host.
    public enum Source: Sendable, Equatable { case request, host }

    public var kind: Kind
    /// What failed, for a person: names the operation, the object and the errno where there is one.
    public var message: String
    public var source: Source
    public var operation: String?
    public var path: String?
    /// The container, image or network as the user named it.
    public var reference: String?
    /// The failure underneath, as its own layer said it (a C child's message, ps's stderr).
    public var cause: String?
    /// For a `conflict` over an image (`rmi`): what stands in the way.
    public var imageConflict: ImageConflict?

    public init(_ kind: Kind, _ message: String, source: Source = .host, operation: String? = nil,
                path: String? = nil, reference: String? = nil, cause: String? = nil) {
        self.kind = kind
        self.message = message
        self.source = source
        self.operation = operation
        self.path = path
        self.reference = reference
        self.cause = cause
    }

    /// A request the runtime refuses or cannot carry out because of what it names or asks.
    public static func refused(_ kind: Kind, _ message: String, operation: String? = nil,
                               reference: String? = nil, cause: String? = nil) -> RuntimeError {
        RuntimeError(kind, message, source: .request, operation: operation, reference: reference, cause: cause)
    }

    /// No container, image or network of that name.
    public static func notFound(_ subject: Subject, _ reference: String, _ message: String) -> RuntimeError {
        RuntimeError(.notFound(subject), message, source: .request, reference: reference)
    }

    /// A failed system call: `operation` and `path` say what was being done and to what.
    public static func errno(_ operation: String, _ path: String? = nil, _ code: Int32 = Glibc.errno) -> RuntimeError {
        let what = path.map { "\(operation) \($0)" } ?? operation
        return RuntimeError(.system(errno: code), "\(what): \(String(cString: strerror(code))) (errno \(code))",
                            operation: operation, path: path)
    }

    /// The errno of a failed system call.
    public var errno: Int32? {
        if case .system(let code) = kind { return code }
        return nil
    }

    public var isNotFound: Bool {
        if case .notFound = kind { return true }
        return false
    }

    /// The same error said again with more context (`invalid CapAdd: ...`), keeping what failed.
    public func restated(_ message: String, source: Source? = nil) -> RuntimeError {
        var e = self
        e.message = message
        if let source { e.source = source }
        return e
    }

    /// Docker's convention, which the lab engine also relies on: 126/127 for a command that cannot
    /// run, 125 for everything else the runtime refuses.
    public var exitCode: Int32 {
        if case .cannotExecute(let c) = kind { return c }
        return 125
    }
    public var description: String { message }
}
