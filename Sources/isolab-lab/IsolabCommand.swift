import ArgumentParser
import DockerCLI

/// The root command: Docker's commands, and isolab's own (`lab`).
struct IsolabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isolab",
        abstract: "Learn Linux containers by running labs against real containers isolab makes itself.",
        discussion: "Invoked as `docker`, isolab is a Docker-compatible CLI (no engine involved).",
        version: "isolab version \(VersionCommand.version) (a Docker-compatible CLI; no engine)",
        subcommands: DockerCommands.all + [LabCommand.self])
}
