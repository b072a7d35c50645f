import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `create IMAGE [COMMAND] [ARG...]`: `run`'s flags; makes the container and prints its id,
/// nothing runs until `start`.
public struct CreateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a new container", helpNames: [.long])
    public init() {}

    @OptionGroup var spec: RunCommand

    public func run() throws {
        var o = try spec.runOptions()
        o.detach = false
        do {
            print(try IsolabMain.runtime().createOnly(o).id)
        } catch let e as RuntimeError where e.kind == .notFound(.image) && e.operation == "find image" {
            throw RunCommand.pullDenied(e, image: spec.image)
        }
    }
}
