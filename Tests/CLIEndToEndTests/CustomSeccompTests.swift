import Foundation
import Testing

/// `--security-opt seccomp=FILE.json`: a profile in Docker's JSON format, read by the client at
/// create time, kept in the container's config, built with libseccomp for the container's first
/// process and for `docker exec`.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct CustomSeccompTests {
    /// A directory of the test's own for its profiles, removed at the end (after the fixture's containers).
    final class ProfileDir {
        let path: String
        init(_ f: CLIFixture) throws {
            path = NSTemporaryDirectory() + "isolab-seccomp-" + f.namespace
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        func write(_ name: String, _ json: String) throws -> String {
            let file = path + "/" + name
            try json.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static let noMkdir = """
    {
      "defaultAction": "SCMP_ACT_ALLOW",
      "syscalls": [
        { "names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO" },
        { "name": "chmod", "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
          "args": [ { "index": 1, "value": 384, "op": "SCMP_CMP_EQ" } ] },
        { "names": ["no_such_call"], "action": "SCMP_ACT_KILL" }
      ]
    }
    """

    @Test func aProfileBlocksOneCallForTheContainerAndItsExecs() throws {
        let f = try CLIFixture()
        let dir = try ProfileDir(f)
        defer { dir.remove() }
        defer { f.close() }
        let file = try dir.write("no-mkdir.json", Self.noMkdir)
        // busybox mkdir calls mkdir(2) on x86_64 (mkdirat elsewhere): both are in the profile.
        let denied = try f.sh("docker run --rm --security-opt seccomp=\(file) busybox mkdir /x")
        #expect(denied.status == 1 && denied.output == "mkdir: can't create directory '/x': Operation not permitted\n", "\(denied.output)")
        // Everything else is allowed; chmod is refused only with mode 0600, and with the profile's errno.
        let rest = try f.sh("docker run --rm --security-opt seccomp=\(file) busybox sh -c 'touch /f && chmod 644 /f && echo ok; chmod 600 /f; grep Seccomp: /proc/self/status'")
        #expect(rest.output == "ok\nchmod: /f: Permission denied\nSeccomp:\t2\n", "\(rest.output)")
        try f.ok("docker run -d --name guarded --security-opt seccomp=\(file) busybox sleep 3600")
        let inExec = try f.sh("docker exec guarded mkdir /y")
        #expect(inExec.status == 1 && inExec.output.contains("Operation not permitted"), "exec gets the profile too: \(inExec.output)")
        // --privileged lifts seccomp whatever the profile, as Docker does.
        #expect(try f.ok("docker run --rm --privileged --security-opt seccomp=\(file) busybox sh -c 'mkdir /x && grep Seccomp: /proc/self/status'") == "Seccomp:\t0")
    }

    /// Docker's own shape: refuse by default (EPERM through defaultErrnoRet), allow a list. The
    /// container's start (setgroups, setresuid, capset, prctl, execve) runs under it.
    @Test func anAllowListProfileRunsTheContainerAndRefusesTheRest() throws {
        let f = try CLIFixture()
        let dir = try ProfileDir(f)
        defer { dir.remove() }
        defer { f.close() }
        let names = Self.x86_64Calls.split(separator: " ").filter { $0 != "mkdir" && $0 != "mkdirat" }
        let profile: [String: Any] = [
            "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1,
            "archMap": [["architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]],
                        ["architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]]],
            "syscalls": [["names": names.map(String.init), "action": "SCMP_ACT_ALLOW"]],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: profile, options: [.prettyPrinted]), as: UTF8.self)
        let file = try dir.write("allow-list.json", json)
        let r = try f.sh("docker run --rm --security-opt seccomp=\(file) busybox sh -c 'echo started; mkdir /x'")
        #expect(r.status == 1 && r.output == "started\nmkdir: can't create directory '/x': Operation not permitted\n", "\(r.output)")
        let user = try f.sh("docker run --rm -u 1000 --security-opt no-new-privileges --security-opt seccomp=\(file) busybox sh -c 'id -u; mkdir /tmp/x'")
        #expect(user.status == 1 && user.output.hasPrefix("1000\n") && user.output.contains("Operation not permitted"), "\(user.output)")
    }

    @Test func aMissingOrBadProfileIsRefusedInDockersWords() throws {
        let f = try CLIFixture()
        let dir = try ProfileDir(f)
        defer { dir.remove() }
        defer { f.close() }
        let missing = dir.path + "/nope.json"
        let r = try f.sh("docker run --rm --security-opt seccomp=\(missing) busybox true")
        #expect(r.status == 125)
        #expect(r.output == "docker: opening seccomp profile (\(missing)) failed: open \(missing): no such file or directory\n\nRun 'docker run --help' for more information\n", "\(r.output)")
        let isDir = try f.sh("docker run --rm --security-opt seccomp=\(dir.path) busybox true")
        #expect(isDir.status == 125 && isDir.output == "docker: opening seccomp profile (\(dir.path)) failed: read \(dir.path): is a directory\n\nRun 'docker run --help' for more information\n", "\(isDir.output)")
        let bad = try dir.write("bad.json", "{bad")
        let b = try f.sh("docker create --security-opt seccomp=\(bad) busybox true")
        #expect(b.status == 125 && b.output.hasPrefix("docker: compacting json for seccomp profile (\(bad)) failed: "), "\(b.output)")
        let action = try dir.write("action.json", #"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_NO"}]}"#)
        let a = try f.sh("docker run --rm --security-opt seccomp=\(action) busybox true")
        #expect(a.status == 125 && a.output.hasPrefix("docker: Error response from daemon: syscalls[0].action: string SCMP_ACT_NO is not a valid action for seccomp"), "\(a.output)")
        let range = try dir.write("range.json", #"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 5000}"#)
        #expect(try f.sh("docker run --rm --security-opt seccomp=\(range) busybox true").status == 125)
        #expect(try f.ok("docker ps -aq").isEmpty, "no container is left behind")
    }

    /// The client sends the profile's content: the container keeps it when the file is gone,
    /// and inspect shows it compacted in HostConfig.SecurityOpt as Docker does.
    @Test func theContainerKeepsItsProfileWhenTheFileIsGone() throws {
        let f = try CLIFixture()
        let dir = try ProfileDir(f)
        defer { dir.remove() }
        defer { f.close() }
        let file = try dir.write("p.json", #"{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO" } ] }"#)
        try f.ok("docker create --name keeper --security-opt seccomp=\(file) busybox mkdir /x")
        try FileManager.default.removeItem(atPath: file)
        let first = try f.sh("docker start -a keeper")
        #expect(first.status == 1 && first.output.contains("Operation not permitted"), "\(first.output)")
        let again = try f.sh("docker start -a keeper")
        #expect(again.status == 1 && again.output.contains("Operation not permitted"), "\(again.output)")
        #expect(try f.ok("docker inspect -f '{{json .HostConfig.SecurityOpt}}' keeper")
                == #"["seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"mkdir\",\"mkdirat\"],\"action\":\"SCMP_ACT_ERRNO\"}]}"]"#)
    }

    /// The system calls of x86_64 as libseccomp names them; on other hosts unknown names are skipped.
    static let x86_64Calls = """
    read write open close stat fstat lstat poll lseek mmap mprotect munmap brk rt_sigaction rt_sigprocmask rt_sigreturn ioctl pread64 pwrite64 readv writev access pipe select sched_yield mremap msync mincore madvise shmget shmat shmctl dup dup2 pause nanosleep getitimer alarm setitimer getpid sendfile socket connect accept sendto recvfrom sendmsg recvmsg shutdown bind listen getsockname getpeername socketpair setsockopt getsockopt clone fork vfork execve exit wait4 kill uname semget semop semctl shmdt msgget msgsnd msgrcv msgctl fcntl flock fsync fdatasync truncate ftruncate getdents getcwd chdir fchdir rename mkdir rmdir creat link unlink symlink readlink chmod fchmod chown fchown lchown umask gettimeofday getrlimit getrusage sysinfo times getuid getgid setuid setgid geteuid getegid setpgid getppid getpgrp setsid setreuid setregid getgroups setgroups setresuid getresuid setresgid getresgid getpgid setfsuid setfsgid getsid capget capset rt_sigpending rt_sigtimedwait rt_sigqueueinfo rt_sigsuspend sigaltstack utime mknod personality statfs fstatfs getpriority setpriority sched_setparam sched_getparam sched_setscheduler sched_getscheduler sched_get_priority_max sched_get_priority_min sched_rr_get_interval mlock munlock mlockall munlockall prctl arch_prctl setrlimit sync gettid readahead setxattr lsetxattr fsetxattr getxattr lgetxattr fgetxattr listxattr llistxattr flistxattr removexattr lremovexattr fremovexattr tkill time futex sched_setaffinity sched_getaffinity getdents64 set_tid_address restart_syscall fadvise64 clock_gettime clock_getres clock_nanosleep exit_group epoll_wait epoll_ctl tgkill utimes waitid openat mkdirat mknodat fchownat futimesat newfstatat unlinkat renameat linkat symlinkat readlinkat fchmodat faccessat pselect6 ppoll set_robust_list get_robust_list splice tee utimensat epoll_pwait eventfd fallocate accept4 eventfd2 epoll_create1 dup3 pipe2 preadv pwritev prlimit64 getcpu getrandom memfd_create execveat statx rseq close_range openat2 faccessat2 fchmodat2
    """
}
