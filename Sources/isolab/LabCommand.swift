import ArgumentParser

/// `isolab lab run|check|grade|walk|report|gradebook` (filled in by the lab engine work).
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lab", abstract: "Run, check and grade Markdown labs.")
}
