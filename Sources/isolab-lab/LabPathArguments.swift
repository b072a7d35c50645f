import ArgumentParser

/// `PATH...`, shared by `lab check` and `lab run`: lab files, or folders of them.
struct LabPathArguments: ParsableArguments {
    @Argument(help: "Lab files or folders (their .md files, sorted).")
    var paths: [String]
}
