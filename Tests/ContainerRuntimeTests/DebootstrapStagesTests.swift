import Testing
@testable import ContainerRuntime

@Suite struct DebootstrapStagesTests {
    /// Hundreds of per-package lines become a line per stage, even interleaved as debootstrap's
    /// retrieving and validating are; counts update inside a stage.
    @Test func perPackageLinesBecomeOneStageWithACount() {
        var stages = DebootstrapStages()
        let input = [
            "I: Retrieving InRelease", "I: Checking Release signature", "I: Retrieving Packages",
            "I: Retrieving libacl1 2.3.1-3", "I: Validating libacl1 2.3.1-3", "I: Retrieving adduser 3.134 ",
            "W: a warning", "I: Validating adduser 3.134", "I: Retrieving apt 2.6.1",
            "I: Installing core packages...", "I: Unpacking required packages...", "I: Unpacking libacl1:amd64...",
            "I: Unpacking adduser...", "I: Configuring the base system...", "I: Base system installed successfully.",
        ]
        let events = input.map { stages.next($0) }
        #expect(events == [
            .newStage("Retrieving InRelease"), .newStage("Checking Release signature"), .newStage("Retrieving Packages"),
            .newStage("Retrieving packages"), .newStage("Validating packages"), .count("Retrieving packages (2)"),
            nil, .count("Validating packages (2)"), .count("Retrieving packages (3)"),
            .newStage("Installing core packages..."), .newStage("Unpacking required packages..."),
            .newStage("Unpacking packages"), .count("Unpacking packages (2)"), .newStage("Configuring the base system..."),
            .newStage("Base system installed successfully."),
        ])
    }
}
