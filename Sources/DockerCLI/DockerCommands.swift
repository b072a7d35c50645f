import ArgumentParser

/// The Docker-compatible commands, in `docker --help` order.
public enum DockerCommands {
    public static let all: [ParsableCommand.Type] = [
        RunCommand.self, CreateCommand.self, StartCommand.self, RestartCommand.self, WaitCommand.self,
        RenameCommand.self, DiffCommand.self, CpCommand.self, PauseCommand.self, UnpauseCommand.self,
        UpdateCommand.self, AttachCommand.self, ExecCommand.self, PsCommand.self, InspectCommand.self, StopCommand.self,
        KillCommand.self, RmCommand.self, LogsCommand.self, TopCommand.self, PortCommand.self,
        StatsCommand.self, CommitCommand.self, ExportCommand.self, ImagesCommand.self, RmiCommand.self,
        TagCommand.self, HistoryCommand.self, PullCommand.self, SaveCommand.self, LoadCommand.self, ImportCommand.self, ImageCommand.self, ContainerCommand.self, NetworkCommand.self, SystemCommand.self,
        VersionCommand.self, InfoCommand.self, NamespaceCommand.self, ContainerCleanupCommand.self,
    ]
}
