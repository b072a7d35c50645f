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

    @Test func settingsRefusalsAreTheDaemonsAnswerToo() {
        let memory = ConfigValidationError("Minimum memory limit allowed is 6MB")
        #expect(memory.dockerText(inRun: true) == "docker: Error response from daemon: Minimum memory limit allowed is 6MB.")
        #expect(memory.dockerText() == "Error response from daemon: Minimum memory limit allowed is 6MB")
        #expect(ConfigValidationError("done.").dockerText(inRun: true) == "docker: Error response from daemon: done.")
        // `update` words its refusal as the runtime error it becomes.
        #expect(RuntimeError.refused(.invalidArgument, memory.reason).dockerText() == memory.dockerText())
    }

    @Test func missingImagesAndAmbiguousPrefixes() {
        let image = RuntimeError.notFound(.image, "nosuch:latest", "no image nosuch:latest")
        #expect(image.dockerText() == "Error response from daemon: No such image: nosuch:latest")
        let prefix = RuntimeError(.notFound(.container), "a is the prefix of 2 container ids", source: .request, operation: "match id prefix", reference: "a")
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
        let invalidName = RuntimeError.refused(.invalidArgument, "invalid container name \"/a\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", operation: "name container", reference: "/a")
        #expect(invalidName.dockerText(inRun: true) == "docker: Error response from daemon: Invalid container name (/a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.")
        let paused = RuntimeError.refused(.conflict, "container \(id) is paused", operation: "exec", reference: "c1")
        #expect(paused.dockerText() == "Error response from daemon: Container c1 is paused, unpause the container before exec")
        let sameName = RuntimeError.refused(.invalidArgument, "container \(id) is already named c1", operation: "rename container", reference: "c1")
        #expect(sameName.dockerText() == "Error response from daemon: Renaming a container with the same name as its current name")
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

    @Test func theImageStoresRefusals() {
        let missing = RuntimeError.refused(.notFound(.image), "no image nosuch:latest", operation: "find image", reference: "nosuch:latest")
        #expect(missing.dockerText() == "Unable to find image 'nosuch:latest' locally")
        #expect(missing.dockerText(inRun: true) == "Unable to find image 'nosuch:latest' locally")
        #expect(RunCommand.pullDenied(missing, image: "nosuch").message.hasPrefix("Unable to find image 'nosuch:latest' locally\ndocker: Error response from daemon: pull access denied for nosuch, "))
        func conflict(_ c: ImageConflict, _ reference: String) -> String {
            var e = RuntimeError.refused(.conflict, "image in use", operation: "remove image", reference: reference)
            e.imageConflict = c
            return e.dockerText()
        }
        #expect(conflict(.referenceInUse(image: "0123456789ab", container: "c0ffee123456"), "base:1")
                == "Error response from daemon: conflict: unable to remove repository reference \"base:1\" (must force) - container c0ffee123456 is using its referenced image 0123456789ab")
        #expect(conflict(.usedByRunningContainer(image: "0123456789ab", container: "c0ffee123456"), "base:1")
                == "Error response from daemon: conflict: unable to delete 0123456789ab (cannot be forced) - image is being used by running container c0ffee123456")
        #expect(conflict(.usedByStoppedContainer(image: "0123456789ab", container: "c0ffee123456"), "0123456789ab")
                == "Error response from daemon: conflict: unable to delete 0123456789ab (must be forced) - image is being used by stopped container c0ffee123456")
        #expect(conflict(.referencedInMultipleRepositories(image: "0123456789ab"), "0123456789ab")
                == "Error response from daemon: conflict: unable to delete 0123456789ab (must be forced) - image is referenced in multiple repositories")
    }

    @Test func copyPauseAndTopRefusals() {
        let cp = RuntimeError(.notFound(.file), "no file /nosuch in container box", source: .request, operation: "copy", path: "/nosuch", reference: "box")
        #expect(cp.dockerText() == "Error response from daemon: Could not find the file /nosuch in container box")
        #expect(RuntimeError.refused(.notRunning, "container \(id) is not running", operation: "unpause", reference: id).dockerText()
                == "Error response from daemon: Container \(id) is not running")
        #expect(RuntimeError.refused(.conflict, "container \(id) is already paused", operation: "pause", reference: id).dockerText()
                == "Error response from daemon: Container \(id) is already paused")
        #expect(RuntimeError.refused(.conflict, "container \(id) is not paused", operation: "unpause", reference: id).dockerText()
                == "Error response from daemon: Container \(id) is not paused")
        #expect(RuntimeError.refused(.failed, "ps printed no PID column", operation: "top").dockerText()
                == "Error response from daemon: Couldn't find PID field in ps output")
    }

    @Test func refusedImageReferences() {
        #expect(ImageReference.invalidFormat("../../x:y").dockerMessage == "invalid reference format")
        #expect(ImageReference.invalidFormat("../../x:y").dockerText() == "invalid reference format")
        #expect(ImageReference.invalidFormat("Busy:1").dockerMessage == "invalid reference format: repository name (Busy) must be lowercase")
        #expect(!ImageReference.invalidFormat("Busy:1").message.contains("invalid reference format"))
        let load = RuntimeError(.invalidArgument, "load stdin: \"a//b:1\" is not a valid image reference", operation: "load reference", path: "stdin", reference: "a//b:1")
        #expect(load.dockerText() == "load stdin: \"a//b:1\": invalid reference format")
    }
}
