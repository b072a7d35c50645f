import Foundation
@testable import ContainerRuntime

/// Results written by concurrent threads, read after they have all finished.
final class NetworkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var attaches: [Int: Result<NetworkAttachment, Error>] = [:]
    private var detaches: [Int: Result<Void, Error>] = [:]

    func set(_ i: Int, _ r: Result<NetworkAttachment, Error>) { lock.withLock { attaches[i] = r } }
    func setDetach(_ i: Int, _ r: Result<Void, Error>) { lock.withLock { detaches[i] = r } }

    func get(_ i: Int) throws -> NetworkAttachment {
        guard let r = lock.withLock({ attaches[i] }) else { throw RuntimeError(.failed, "attach \(i) never ran") }
        return try r.get()
    }

    func getDetach(_ i: Int) throws {
        guard let r = lock.withLock({ detaches[i] }) else { throw RuntimeError(.failed, "detach \(i) never ran") }
        try r.get()
    }
}
