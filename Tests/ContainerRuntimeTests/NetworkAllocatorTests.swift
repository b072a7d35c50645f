import Foundation
import Testing
@testable import ContainerRuntime

/// The allocator and the lock on a temporary directory: pure file logic, no root needed.
struct NetworkAllocatorTests {
    /// A fresh temporary directory, removed by `defer` in each test.
    private static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "isolab-net-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    private static func allocator(_ root: String, _ subnet: String = "10.213.0.0/16") throws -> AddressAllocator {
        AddressAllocator(directory: root + "/network/leases", subnet: try #require(IPv4Subnet(subnet)))
    }

    @Test func leasesStartAtDotTwoAndTakeTheLowestFree() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let allocator = try Self.allocator(root)

        #expect(try allocator.lease(for: "aaa").description == "10.213.0.2")
        #expect(try allocator.lease(for: "bbb").description == "10.213.0.3")
        #expect(try allocator.lease(for: "ccc").description == "10.213.0.4")
        #expect(try allocator.release(containerID: "bbb").map(\.description) == ["10.213.0.3"])
        #expect(try allocator.lease(for: "ddd").description == "10.213.0.3")
        #expect(try allocator.leases().mapValues { $0 } == [
            IPv4Address(0x0AD5_0002): "aaa", IPv4Address(0x0AD5_0003): "ddd", IPv4Address(0x0AD5_0004): "ccc",
        ])
        let file = root + "/network/leases/10.213.0.3"
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: file)), as: UTF8.self) == "ddd")
    }

    @Test func leasesAreCountedAcrossOctetBoundaries() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let allocator = try Self.allocator(root)
        try FileManager.default.createDirectory(atPath: allocator.directory, withIntermediateDirectories: true)
        for last in 2...255 {
            try "x\(last)".write(toFile: allocator.directory + "/10.213.0.\(last)", atomically: false, encoding: .utf8)
        }
        #expect(try allocator.lease(for: "next").description == "10.213.1.0")
    }

    @Test func releaseOfAnUnknownContainerIsANoOpAndLeavesOthers() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let allocator = try Self.allocator(root)
        #expect(try allocator.release(containerID: "nobody").isEmpty)   // no directory at all
        _ = try allocator.lease(for: "aaa")
        #expect(try allocator.release(containerID: "nobody").isEmpty)
        #expect(try allocator.release(containerID: "aaa").count == 1)
        #expect(try allocator.release(containerID: "aaa").isEmpty)      // twice is fine
        #expect(try allocator.leases().isEmpty)
    }

    @Test func releaseByAddressChecksTheHolder() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let allocator = try Self.allocator(root)
        let address = try allocator.lease(for: "aaa")
        try allocator.release(address: address, heldBy: "bbb")
        #expect(try allocator.leases() == [address: "aaa"])
        try allocator.release(address: address, heldBy: "aaa")
        #expect(try allocator.leases().isEmpty)
        try allocator.release(address: address, heldBy: "aaa")   // gone already: nothing to do
    }

    @Test func aContainerCannotHoldTwoAddresses() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let allocator = try Self.allocator(root)
        _ = try allocator.lease(for: "aaa")
        let error = #expect(throws: RuntimeError.self) { try allocator.lease(for: "aaa") }
        #expect(error?.kind == .conflict)
    }

    @Test func aFullSubnetIsAnError() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // /30: network .0, gateway .1, one container at .2, broadcast .3.
        let allocator = try Self.allocator(root, "10.213.0.0/30")
        #expect(try allocator.lease(for: "aaa").description == "10.213.0.2")
        let error = #expect(throws: RuntimeError.self) { try allocator.lease(for: "bbb") }
        #expect(error?.message.contains("no free address left in 10.213.0.0/30") == true)
    }

    @Test(arguments: ["stray.tmp", "10.214.0.2"])
    func aFileThatIsNotALeaseOfTheSubnetIsReported(name: String) throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let allocator = try Self.allocator(root)
        try FileManager.default.createDirectory(atPath: allocator.directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: allocator.directory + "/" + name, contents: Data()))
        let error = #expect(throws: RuntimeError.self) { try allocator.leases() }
        #expect(error?.message.contains(name) == true)
    }

    /// Eight threads lease at once, each opening the lock file itself as separate processes would:
    /// flock excludes open file descriptions, so every address is distinct.
    @Test func concurrentLeasesUnderTheHostLockAreDistinct() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let allocator = try Self.allocator(root)
        let lock = FileLock(path: root + "/network.lock")
        let results = NetworkLeaseResults()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            results.record(Result { try lock.withLock { try allocator.lease(for: "c\(i)") } })
        }
        let addresses = try results.all.map { try $0.get() }
        #expect(addresses.count == 8)
        #expect(Set(addresses).count == 8)
        #expect(addresses.map(\.value).max() == 0x0AD5_0009)   // .2 ... .9: no gaps either
    }
}
