import ArgumentParser
import ContainerRuntime
import FoundationEssentials

/// `bridge-cleanup`: started (hidden, detached) by the clean-up of the last container on the
/// default bridge, so the command that removed it answers without waiting the 40-70 ms the
/// kernel takes to delete a bridge. Removes the bridge unless a container uses it again.
public struct BridgeCleanupCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "bridge-cleanup", shouldDisplay: false)
    public init() {}

    public func run() throws {
        try NetworkManager().removeBridgeIfIdle()
    }
}
