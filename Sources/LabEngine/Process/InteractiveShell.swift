import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The learner's `$SHELL`, run on the walk's own terminal in the foreground (as `vim`'s `:shell`
/// does): its own process group gets the terminal, so Ctrl-C and Ctrl-Z go to it and not to the
/// walk, and the terminal comes back to the walk when it ends. bash gets an rc file that reads the
/// learner's `~/.bashrc` first and then sets PATH and the prompt, so neither is lost to it.
/// `command()` is the same shell for the page's terminal (LabServe), which runs it on a pty.
public struct InteractiveShell {
    public var shell: String
    public var environment: [String: String]
    /// The lab's namespace: `ISOLAB_NAMESPACE`, and the prompt's `(isolab NAMESPACE)`.
    public var namespace: String
    /// PATH's first entry (isolab's `docker`), set again after the rc file.
    public var binDirectory: String
    /// Where the rc file goes (a scratch folder of the lab).
    public var scratch: String
    /// The rc file's name in `scratch`.
    public var rcName: String
    /// Said after the banner's first sentence: how to get back (the walk's shell), or nothing.
    public var bannerHint: String

    public init(shell: String, environment: [String: String], namespace: String, binDirectory: String, scratch: String,
                rcName: String = "walk-bashrc", bannerHint: String = "exit or Ctrl-D goes back to the walk.") {
        self.shell = shell; self.environment = environment; self.namespace = namespace
        self.binDirectory = binDirectory; self.scratch = scratch
        self.rcName = rcName; self.bannerHint = bannerHint
    }

    /// argv and environment for the shell, with isolab's `docker` first on PATH; writes bash's rc
    /// file (other shells get PS1 in the environment).
    public func command() throws -> (argv: [String], environment: [String: String]) {
        var env = environment
        env["PATH"] = binDirectory + ":" + (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        env["ISOLAB_NAMESPACE"] = namespace
        let tag = "(isolab \(namespace))".replacingOccurrences(of: "'", with: "")
        guard (shell as NSString).lastPathComponent == "bash" else {
            env["PS1"] = tag + " $ "
            return ([shell, "-i"], env)
        }
        let rc = scratch + "/" + rcName
        let hint = bannerHint.isEmpty ? "" : " " + bannerHint.replacingOccurrences(of: "'", with: "")
        try """
        [ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"
        PATH='\(binDirectory.replacingOccurrences(of: "'", with: ""))':"$PATH"
        PS1='\(tag) \\w \\$ '
        echo 'isolab: docker here is isolab, in namespace '"$ISOLAB_NAMESPACE"'.\(hint)'

        """.write(toFile: rc, atomically: true, encoding: .utf8)
        return ([shell, "--rcfile", rc, "-i"], env)
    }

    /// Runs the shell to its end. Throws when it cannot start.
    public func run(terminal fd: Int32 = 0) throws {
        let (argv, env) = try command()
        var child: pid_t = 0
        let rc = ProcessSpawn.spawn(&child, path: shell, argv: argv, environment: env, actions: nil, leading: .processGroup)
        guard rc == 0 else { throw ShellProcess.SpawnError(operation: "posix_spawn", path: shell, code: rc) }

        // Hand the terminal over. The walk is then in the background, so taking it back must
        // not stop it with SIGTTOU.
        let previousTTOU = signal(SIGTTOU, SIG_IGN)
        defer { signal(SIGTTOU, previousTTOU) }
        let walkGroup = getpgrp()
        _ = tcsetpgrp(fd, child)
        // bash stops itself (SIGTTIN) until it is in the foreground: wake it now that it is.
        _ = killpg(child, SIGCONT)
        var status: Int32 = 0
        while true {
            let r = waitpid(child, &status, WUNTRACED)
            if r < 0, errno == EINTR { continue }
            if r == child, status & 0xff == 0x7f {
                // Stopped (Ctrl-Z, or a read before it had the terminal): let it go on in front.
                _ = tcsetpgrp(fd, child)
                _ = killpg(child, SIGCONT)
                continue
            }
            break
        }
        _ = tcsetpgrp(fd, walkGroup)
    }
}
