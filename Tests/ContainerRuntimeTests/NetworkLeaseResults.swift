import Foundation
@testable import ContainerRuntime

/// Collects results from concurrent threads.
final class NetworkLeaseResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<IPv4Address, Error>] = []
    func record(_ r: Result<IPv4Address, Error>) { lock.withLock { results.append(r) } }
    var all: [Result<IPv4Address, Error>] { lock.withLock { results } }
}
