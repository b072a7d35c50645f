import ArgumentParser

extension IsolabMain {
    /// The root command's configuration, shared by `isolab` (whose `lab` execs isolab-lab) and
    /// `isolab-lab` (whose `lab` runs the labs): Docker's commands and the given `lab`.
    public static func rootConfiguration(lab: ParsableCommand.Type) -> CommandConfiguration {
        CommandConfiguration(
            commandName: "isolab",
            abstract: "Learn Linux containers by running labs against real containers isolab makes itself.",
            discussion: "Invoked as `docker`, isolab is a Docker-compatible CLI (no engine involved).",
            version: "isolab version \(VersionCommand.version) (a Docker-compatible CLI; no engine)",
            subcommands: DockerCommands.all + [lab])
    }
}
