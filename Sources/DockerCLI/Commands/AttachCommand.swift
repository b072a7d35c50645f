import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `attach CONTAINER`: the terminal joins a detached container: its output (as its monitor
/// frames it: stream, length, bytes) to stdout/stderr, this stdin to the container's (with -i
/// or -t at run), until the container ends; the exit status is then the container's. With a
/// terminal, ^P^Q detaches (Docker's default keys).
public struct AttachCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "attach", abstract: "Attach local standard input, output, and error streams to a running container")
    public init() {}

    @Flag(name: .customLong("no-stdin"), help: "Do not attach STDIN") var noStdin = false
    @Option(name: .customLong("detach-keys"), help: "Override the key sequence for detaching a container (isolab: ctrl-p,ctrl-q)") var detachKeys: String?
    @Flag(name: .customLong("sig-proxy"), help: "Proxy all received signals to the process (accepted)") var sigProxy = false
    @Argument var container: String

    public func run() throws {
        let rt = IsolabMain.runtime()
        let c = try rt.container(container)
        guard c.isRunning else {
            throw RuntimeError(.conflict, "You cannot attach to a stopped container, start it first")
        }
        guard c.config.detached else {
            throw RuntimeError(.conflict, "isolab attaches to detached containers only (run -d): this one's output goes to the terminal that ran it")
        }
        let sock = try Self.connect(c.runDir + "/attach.sock")
        defer { close(sock) }
        let sendInput = !noStdin && (c.config.interactive || c.config.tty)
        var saved = termios()
        let raw = sendInput && c.config.tty && isatty(0) != 0 && tcgetattr(0, &saved) == 0
        if raw {
            var t = saved
            cfmakeraw(&t)
            tcsetattr(0, TCSANOW, &t)
        }
        defer { if raw { tcsetattr(0, TCSANOW, &saved) } }
        var stdinOpen = sendInput
        var pending = [UInt8]()
        var lastWasCtrlP = false
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        loop: while true {
            var fds = [pollfd(fd: sock, events: Int16(POLLIN), revents: 0), pollfd(fd: stdinOpen ? 0 : -1, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 2, -1) < 0 { if errno == EINTR { continue }; throw RuntimeError.errno("poll") }
            if fds[1].revents != 0 {
                let n = read(0, &buf, buf.count)
                if n <= 0 { stdinOpen = false } else {
                    if raw {
                        for i in 0..<n {
                            if lastWasCtrlP && buf[i] == 0x11 { return }   // ^P^Q: detach, the container runs on
                            lastWasCtrlP = buf[i] == 0x10
                        }
                    }
                    _ = buf.withUnsafeBytes { write(sock, $0.baseAddress!, n) }
                }
            }
            if fds[0].revents != 0 {
                let n = read(sock, &buf, buf.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break loop }
                pending.append(contentsOf: buf[0..<n])
                // Whole frames: 1 byte stream, 4 bytes length, the bytes.
                while pending.count >= 5 {
                    let len = Int(pending[1]) << 24 | Int(pending[2]) << 16 | Int(pending[3]) << 8 | Int(pending[4])
                    guard pending.count >= 5 + len else { break }
                    let out: Int32 = pending[0] == 2 ? 2 : 1
                    pending.withUnsafeBytes { p in
                        var off = 5
                        while off < 5 + len {
                            let w = write(out, p.baseAddress! + off, 5 + len - off)
                            if w <= 0 { if errno == EINTR { continue }; break }
                            off += w
                        }
                    }
                    pending.removeFirst(5 + len)
                }
            }
        }
        let code = try rt.wait(container)
        if code != 0 { throw ExitCode(code) }
    }

    /// Connects through /proc/self/fd: the run directory's path may be longer than sun_path.
    static func connect(_ path: String) throws -> Int32 {
        let dir = PathName.parent(path)
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw RuntimeError.errno("open", dir) }
        defer { close(dfd) }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RuntimeError.errno("socket") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let name = "/proc/self/fd/\(dfd)/" + PathName.last(path)
        withUnsafeMutableBytes(of: &addr.sun_path) { p in
            let bytes = Array(name.utf8.prefix(p.count - 1))
            p.copyBytes(from: bytes)
            p[bytes.count] = 0
        }
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard ok == 0 else {
            let e = errno
            close(fd)
            throw RuntimeError.errno("connect", path, e)
        }
        return fd
    }
}
