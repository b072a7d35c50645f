import ArgumentParser

/// `isolab lab run|check|grade|walk|report|gradebook`.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Run, check and grade Markdown labs.",
        subcommands: [LabRunCommand.self, LabCheckCommand.self, LabGradeCommand.self, LabWalkCommand.self,
                      LabReportCommand.self, LabGradebookCommand.self, LabServeCommand.self])
}
