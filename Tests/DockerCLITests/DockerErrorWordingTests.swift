import ContainerRuntime
import Testing
@testable import DockerCLI

/// The runtime says what failed; the CLI alone puts it in Docker's words.
struct DockerErrorWordingTests {
    let id = String(repeating: "ab", count: 32)

    @Test func requestErrorsAreTheDaemonsAnswerAndRunAddsDockerPrefix() {
        let missing = RuntimeError.notFound(.container, "web", "no container web")
        #expect(missing.dockerText() == "Error response from daemon: No such container: web")
        #expect(missing.dockerText(inRun: true) == "docker: Error response from daemon: No such container: web")
        #expect(missing.kind == .notFound(.container) && missing.reference == "web" && missing.source == .request)
    }

    @Test func missingImagesAndAmbiguousPrefixes() {
        let image = RuntimeError.notFound(.image, "nosuch:latest", "no image nosuch:latest")
        #expect(image.dockerText() == "Error response from daemon: No such image: nosuch:latest")
        let prefix = RuntimeError(.notFound(.container), "multiple IDs found with provided prefix: a", source: .request, operation: "match id prefix", reference: "a")
        #expect(prefix.dockerText() == "Error response from daemon: multiple IDs found with provided prefix: a")
    }

    @Test func hostFailuresAreShownAsTheRuntimeSaidThem() {
        let e = RuntimeError.errno("mkdir", "/sys/fs/cgroup/x", 13)
        #expect(e.dockerText() == e.message && e.dockerText(inRun: true) == e.message)
        #expect(e.errno == 13 && e.operation == "mkdir" && e.path == "/sys/fs/cgroup/x" && e.source == .host)
        #expect(!e.message.contains("daemon"))
    }

    @Test func dockersOwnSentencesByKindAndOperation() {
        let kill = RuntimeError.refused(.notRunning, "container \(id) is not running", operation: "kill", reference: "c1")
        #expect(kill.dockerText() == "Error response from daemon: cannot kill container: c1: container \(id) is not running")
        let rm = RuntimeError.refused(.alreadyRunning, "container \(id) is running", operation: "remove", reference: "c1")
        #expect(rm.dockerText() == "Error response from daemon: cannot remove container \"/c1\": container is running: stop the container before removing or force remove")
        let name = RuntimeError.refused(.conflict, "container name \"/c1\" is already in use by container \"\(id)\"", operation: "claim name", reference: "c1")
        #expect(name.dockerText(inRun: true) == "docker: Error response from daemon: Conflict. The container name \"/c1\" is already in use by container \"\(id)\". You have to remove (or rename) that container to be able to reuse that name.")
        #expect(name.dockerText() == "Error response from daemon: Conflict. The container name \"/c1\" is already in use by container \"\(id)\". You have to remove (or rename) that container to be able to reuse that name.")
        let broken = RuntimeError.refused(.failed, "container \(id) is broken (config.json: bad)", operation: "load container", reference: "abababababab")
        #expect(broken.dockerText() == "Error response from daemon: container \(id) is broken (config.json: bad); `docker rm -f abababababab` removes it")
    }

    @Test func processesThatCannotStart() {
        let run = RuntimeError(.cannotExecute(127), "cannot start the container's process: exec: \"nope\": executable file not found in $PATH",
                               source: .request, operation: "start", cause: "exec: \"nope\": executable file not found in $PATH")
        #expect(run.dockerText(inRun: true) == "docker: Error response from daemon: failed to create task for container: OCI runtime create failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: unknown.")
        #expect(run.exitCode == 127)
        let exec = RuntimeError(.cannotExecute(126), "exec: cannot start the process: permission denied", operation: "exec", cause: "permission denied")
        #expect(exec.dockerText() == "OCI runtime exec failed: exec failed: unable to start container process: permission denied: unknown")
        let noCommand = RuntimeError(.invalidArgument, "exec needs a command to run", operation: "exec arguments")
        #expect(noCommand.dockerText() == "docker: 'docker exec' requires at least 2 arguments.")
    }

    @Test func restatedKeepsWhatFailed() {
        let cap = RuntimeError(.invalidArgument, "unknown capability: \"CAP_X\"", operation: "cap-add")
        let e = cap.restated("invalid CapAdd: \(cap.message)", source: .request)
        #expect(e.kind == .invalidArgument && e.operation == "cap-add")
        #expect(e.dockerText(inRun: true) == "docker: Error response from daemon: invalid CapAdd: unknown capability: \"CAP_X\"")
    }
}
