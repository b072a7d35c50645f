/// Commands whose own errors exit 125, as Docker's `run` and `create` do (the container's
/// command then gives 126/127 or its status); every other command exits 1 on an error.
/// isolab's `namespace` commands keep 125 for what isolab refuses.
public protocol ExitsWith125OnError {}

extension RunCommand: ExitsWith125OnError {}
extension CreateCommand: ExitsWith125OnError {}
extension NamespaceCommand: ExitsWith125OnError {}
extension NamespaceCommand.Remove: ExitsWith125OnError {}
extension NamespaceCommand.List: ExitsWith125OnError {}
extension ContainerCleanupCommand: ExitsWith125OnError {}
