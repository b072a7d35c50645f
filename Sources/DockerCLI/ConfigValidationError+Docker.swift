import ContainerRuntime

extension ConfigValidationError {
    /// The refusal as docker/cli prints it: `run` and `create` add "docker: " and end the
    /// sentence with a period (cli's reportError); `update` prints the daemon's error as is.
    func dockerMessage(command: String) -> String {
        let daemon = "Error response from daemon: " + reason
        guard command == "run" || command == "create" else { return daemon }
        return "docker: " + daemon + (daemon.hasSuffix(".") ? "" : ".")
    }
}
