import Foundation

/// The learner's shell in the page: bash reads the learner's own `~/.bashrc`, then gets
/// isolab's `docker` first on PATH and a prompt that names the lab's namespace.
struct ServeShell {
    let shell: String
    let environment: [String: String]
    let binDirectory: String
    let namespace: String
    let scratch: String

    /// argv and environment for the shell.
    func command() throws -> (argv: [String], environment: [String: String]) {
        var env = environment
        env["PATH"] = binDirectory + ":" + (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        env["ISOLAB_NAMESPACE"] = namespace
        env["TERM"] = "xterm-256color"
        let tag = "(isolab \(namespace))".replacingOccurrences(of: "'", with: "")
        guard (shell as NSString).lastPathComponent == "bash" else {
            env["PS1"] = tag + " $ "
            return ([shell, "-i"], env)
        }
        let rc = scratch + "/serve-bashrc"
        try """
        [ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"
        PATH='\(binDirectory.replacingOccurrences(of: "'", with: ""))':"$PATH"
        PS1='\(tag) \\w \\$ '
        echo 'isolab: docker here is isolab, in namespace '"$ISOLAB_NAMESPACE"'.'

        """.write(toFile: rc, atomically: true, encoding: .utf8)
        return ([shell, "--rcfile", rc, "-i"], env)
    }
}
