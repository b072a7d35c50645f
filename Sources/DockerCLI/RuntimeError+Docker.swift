import ContainerRuntime

/// The runtime says what failed; this says it as Docker does. An error that answers the request
/// (a missing container, a refused name, a stopped container) is Docker's daemon's answer:
/// `Error response from daemon: ...`, after `docker: ` in `run` and `create` (docker/cli prints
/// its run command's errors so). A failure of the host underneath (a system call, a build tool)
/// is shown as the runtime said it. The few requests Docker words in a sentence of its own are
/// told apart by their kind and operation.
extension RuntimeError {
    func dockerText(inRun: Bool = false) -> String {
        if case .cannotExecute = kind, operation == "exec" {
            // The container's process cannot start: the OCI runtime's words, not the daemon's.
            return "OCI runtime exec failed: exec failed: unable to start container process: \(cause ?? message): unknown"
        }
        if kind == .invalidArgument && operation == "exec arguments" {
            return "docker: 'docker exec' requires at least 2 arguments."
        }
        guard source == .request else { return message }
        return (inRun ? "docker: " : "") + "Error response from daemon: " + daemonSentence
    }

    /// The daemon's sentence for the request that failed.
    private var daemonSentence: String {
        let ref = reference ?? ""
        switch (kind, operation) {
        case (.notFound(.container), nil):
            return "No such container: \(ref)"
        case (.notFound(.image), nil):
            return "No such image: \(ref)"
        case (.notRunning, "kill"?):
            return "cannot kill container: \(ref): \(message)"
        case (.alreadyRunning, "remove"?):
            return "cannot remove container \"/\(ref)\": container is running: stop the container before removing or force remove"
        case (.conflict, "claim name"?):
            return "Conflict. The \(message). You have to remove (or rename) that container to be able to reuse that name."
        case (.cannotExecute, "start"?):
            return "failed to create task for container: OCI runtime create failed: unable to start container process: \(cause ?? message): unknown."
        case (.failed, "load container"?):
            return message + "; `docker rm -f \(ref)` removes it"   // ref: the broken container's short id
        default:
            return message
        }
    }
}
