import Foundation

extension CLIFixture {
    /// Whether the host veth of container `id` is gone within 5 s: once a container's init has
    /// ended, the kernel deletes its veth pair with its network namespace, and `rm` leaves that
    /// to it when other containers use the bridge (see NetworkManager.detach), so it may outlive
    /// `rm` by some milliseconds.
    func vethGone(_ id: some StringProtocol) throws -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while try sh("ip link show isl\(id.prefix(11))").status == 0 {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }
}
