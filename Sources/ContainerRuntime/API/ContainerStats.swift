/// One sample of a running container's resource use: its cgroup's accounting and the bytes
/// its `eth0` moved (nil when it has none, as with `--network none`).
public struct ContainerStats: Sendable, Equatable {
    public var cgroup: CgroupStats
    public var network: NetworkBytes?

    public struct NetworkBytes: Sendable, Equatable {
        public var received: UInt64
        public var transmitted: UInt64
        public init(received: UInt64, transmitted: UInt64) { self.received = received; self.transmitted = transmitted }
    }

    public init(cgroup: CgroupStats, network: NetworkBytes?) { self.cgroup = cgroup; self.network = network }
}
