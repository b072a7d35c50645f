import ArgumentParser

/// `isolab lab walk FILE [--resume]`: the lab, interactively.
struct LabWalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk", abstract: "Walk through a lab interactively, step by step.")

    @Argument(help: "The lab file.")
    var file: String
    @Flag(name: .long, help: "Continue where the last walk of this lab stopped.")
    var resume = false

    func run() throws {
        LabConsole.error("isolab: lab walk is not implemented yet")
        throw ExitCode(2)
    }
}
