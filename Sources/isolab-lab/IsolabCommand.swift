import ArgumentParser
import DockerCLI

/// The root command: Docker's commands, and isolab's own (`lab`).
struct IsolabCommand: ParsableCommand {
    static let configuration = IsolabMain.rootConfiguration(lab: LabCommand.self)
}
