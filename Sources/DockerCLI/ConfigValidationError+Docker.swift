import ContainerRuntime

extension ConfigValidationError {
    /// moby's refusal of the settings, the daemon's answer as every request error is worded
    /// (`RuntimeError.daemonAnswer`): after "docker: " in `run` and `create`, which also end the
    /// sentence with a period (cli's reportError); as it is for `update`.
    func dockerText(inRun: Bool = false) -> String {
        RuntimeError.daemonAnswer(inRun && !reason.hasSuffix(".") ? reason + "." : reason, inRun: inRun)
    }
}
