import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The learner's `$SHELL`, run on the walk's own terminal in the foreground (as `vim`'s `:shell`
/// does): its own process group gets the terminal, so Ctrl-C and Ctrl-Z go to it and not to the
/// walk, and the terminal comes back to the walk when it ends. bash gets an rc file that reads the
/// learner's `~/.bashrc` first and then sets PATH and the prompt, so neither is lost to it.
public struct InteractiveShell {
    public var shell: String
    public var environment: [String: String]
    /// Put before the shell's prompt: `(isolab walk-1a2b3c4d)`.
    public var promptTag: String
    /// PATH's first entry (isolab's `docker`), set again after the rc file.
    public var binDirectory: String
    /// Where the rc file goes (a scratch folder of the walk).
    public var scratch: String

    public init(shell: String, environment: [String: String], promptTag: String, binDirectory: String, scratch: String) {
        self.shell = shell; self.environment = environment; self.promptTag = promptTag
        self.binDirectory = binDirectory; self.scratch = scratch
    }

    /// Runs the shell to its end. Throws when it cannot start.
    public func run(terminal fd: Int32 = 0) throws {
        var argv = [shell, "-i"]
        var env = environment
        let quotedTag = promptTag.replacingOccurrences(of: "'", with: "")
        if (shell as NSString).lastPathComponent == "bash" {
            let rc = scratch + "/walk-bashrc"
            let text = """
            [ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"
            PATH='\(binDirectory.replacingOccurrences(of: "'", with: ""))':"$PATH"
            PS1='\(quotedTag) \\w \\$ '
            echo 'isolab: docker here is isolab, in namespace '"$ISOLAB_NAMESPACE"'. exit or Ctrl-D goes back to the walk.'

            """
            try text.write(toFile: rc, atomically: true, encoding: .utf8)
            argv = [shell, "--rcfile", rc, "-i"]
        } else {
            env["PS1"] = quotedTag + " $ "
        }

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
