import ArgumentParser
import ContainerRuntime

/// `update [--cpus N] [-m SIZE] [--pids-limit N] ... CONTAINER...`: new limits, live.
public struct UpdateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "update", abstract: "Update configuration of one or more containers")
    public init() {}

    @OptionGroup var resources: ResourceFlags
    @Argument var containers: [String]

    public func run() throws {
        guard !resources.isEmpty else {
            throw RuntimeError(.invalidArgument, "you must provide one or more flags when using this command")
        }
        let rt = IsolabMain.runtime()
        try ContainerBatch.each(containers) { c in
            do { try rt.updateLimits(c, warn: DockerWarning.print) { l in try resources.apply(to: &l) } } catch let e as ConfigValidationError {
                throw RuntimeError.refused(e.isNotFound ? .notFound(.other) : .invalidArgument, e.reason)
            }
        }
    }
}
