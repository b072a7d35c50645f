import ArgumentParser
import DockerCLI

/// `isolab` and its `docker` symlink: the Docker-compatible commands, linked from ContainerRuntime
/// and DockerCLI alone, which import FoundationEssentials only. The lab commands import all of
/// Foundation (and with it ICU's 30 MB of data), so they are a program of their own,
/// `isolab-lab`, which `isolab lab` execs; every other start skips that weight
/// (Docs/performance.md).
struct IsolabCommand: ParsableCommand {
    static let configuration = IsolabMain.rootConfiguration(lab: LabForwardCommand.self)
}

IsolabMain.run(arguments: CommandLine.arguments, root: IsolabCommand.self)
