import LabEngine

/// The runtime the lab commands use; `main` sets it before the command tree runs.
nonisolated(unsafe) var labContainerHost: ContainerHost? = nil
