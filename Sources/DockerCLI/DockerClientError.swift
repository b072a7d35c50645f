/// docker/cli's own refusal, made before any request reaches the daemon (an env file it cannot
/// read, a seccomp profile it cannot open): `text` is docker/cli's sentence as it is. `run` and
/// `create` print it after `docker: ` and exit 125 (cli's run and create report their errors
/// so); every other command prints it alone and exits 1, as docker/cli's `exec` does.
struct DockerClientError: Error, CustomStringConvertible {
    var text: String

    init(_ text: String) { self.text = text }

    /// The line docker/cli prints, for `run`/`create` (`inRun`) or another command.
    func dockerText(inRun: Bool) -> String { (inRun ? "docker: " : "") + text }

    var description: String { text }
}
