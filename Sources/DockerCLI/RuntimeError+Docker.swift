import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

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
        if kind == .notFound(.image) && operation == "find image" {
            // The client's own line before it would pull (isolab never pulls: see RunCommand.pullDenied).
            return "Unable to find image '\(reference ?? "")' locally"
        }
        guard source == .request else { return dockerMessage }
        return Self.daemonAnswer(daemonSentence, inRun: inRun)
    }

    /// The daemon's answer to a request as docker/cli prints it: `Error response from daemon: `,
    /// after `docker: ` in `run` and `create`.
    static func daemonAnswer(_ sentence: String, inRun: Bool) -> String {
        (inRun ? "docker: " : "") + "Error response from daemon: " + sentence
    }

    /// The daemon's sentence for the request that failed.
    private var daemonSentence: String {
        let ref = reference ?? ""
        if let imageConflict { return Self.dockerSentence(imageConflict, reference: ref) }
        switch (kind, operation) {
        case (.notFound(.container), nil):
            return "No such container: \(ref)"
        case (.notFound(.container), "match id prefix"?):
            return "multiple IDs found with provided prefix: \(ref)"
        case (.notFound(.image), nil):
            return "No such image: \(ref)"
        case (.notRunning, "kill"?):
            return "cannot kill container: \(ref): \(message)"
        case (.alreadyRunning, "remove"?):
            return "cannot remove container \"/\(ref)\": container is running: stop the container before removing or force remove"
        case (.invalidArgument, "name container"?):
            return "Invalid container name (\(ref)), only \(DockerName.pattern) are allowed."
        case (.invalidArgument, "rename container"?):
            return "Renaming a container with the same name as its current name"
        case (.conflict, "claim name"?):
            return "Conflict. The \(message). You have to remove (or rename) that container to be able to reuse that name."
        case (.cannotExecute, "start"?):
            return "failed to create task for container: OCI runtime create failed: unable to start container process: \(cause ?? message): unknown."
        case (.notRunning, "pause"?), (.notRunning, "unpause"?):
            return "Container \(ref) is not running"
        case (.conflict, "pause"?):
            return "Container \(ref) is already paused"
        case (.conflict, "exec"?):
            return "Container \(ref) is paused, unpause the container before exec"
        case (.conflict, "unpause"?):
            return "Container \(ref) is not paused"
        case (.failed, "top"?):
            return "Couldn't find PID field in ps output"
        case (.notFound(.file), "copy"?):
            return "Could not find the file \(path ?? "") in container \(ref)"
        case (.failed, "load container"?):
            return message + "; `docker rm -f \(ref)` removes it"   // ref: the broken container's short id
        default:
            return message
        }
    }

    /// A host error as Docker shows it: the runtime's message, or Docker's own words where it has
    /// them (an image reference refused, on its own or inside a load's error).
    var dockerMessage: String {
        let ref = reference ?? ""
        switch (kind, operation) {
        case (.invalidArgument, "parse reference"?):
            return Self.referenceFormat(ref)
        case (.invalidArgument, "load reference"?):
            return "load \(path ?? ""): \(ref.debugDescription): \(Self.referenceFormat(ref))"
        default:
            return message
        }
    }

    /// A failed system call on a file as Go's os package words it, for what docker/cli itself
    /// reads (`open F: no such file or directory`, `read F: is a directory`); any other error
    /// as the runtime said it.
    var goText: String {
        guard case .system(let code) = kind, let operation else { return message }
        return (path.map { operation + " " + $0 } ?? operation) + ": " + String(cString: strerror(code)).lowercased()
    }

    /// distribution/reference's refusal of a reference.
    static func referenceFormat(_ reference: String) -> String {
        let repo = ImageReference.split(ImageReference.normalize(reference)).repository
        if repo.contains(where: \.isUppercase) { return "invalid reference format: repository name (\(repo)) must be lowercase" }
        return "invalid reference format"
    }

    /// moby's image delete conflicts (`conflict: unable to ...`).
    static func dockerSentence(_ conflict: ImageConflict, reference: String) -> String {
        switch conflict {
        case .referenceInUse(let image, let container):
            return "conflict: unable to remove repository reference \"\(reference)\" (must force) - container \(container) is using its referenced image \(image)"
        case .usedByRunningContainer(let image, let container):
            return "conflict: unable to delete \(image) (cannot be forced) - image is being used by running container \(container)"
        case .usedByStoppedContainer(let image, let container):
            return "conflict: unable to delete \(image) (must be forced) - image is being used by stopped container \(container)"
        case .referencedInMultipleRepositories(let image):
            return "conflict: unable to delete \(image) (must be forced) - image is referenced in multiple repositories"
        }
    }
}
