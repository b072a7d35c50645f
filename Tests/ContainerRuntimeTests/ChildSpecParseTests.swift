import CRuntime
import Foundation
import Testing
@testable import ContainerRuntime

/// The Swift encoder and the C parser agree on every key of ISOLAB_SPEC_KEYS: a spec with each
/// key is encoded by ChildSpec and read back by `isolab_spec_parse`.
@Suite struct ChildSpecParseTests {
    /// The values each key is encoded with, and where the parsed spec must show them.
    /// A key added to the C list without an entry here fails `everyKeyReachesItsField`.
    static let cases: [UInt32: (values: [String], check: (isolab_spec) -> [String])] = [
        ISOLAB_SPEC_ARG.rawValue: (["sh", "-c", "true"], { s in strings(s.args, s.nargs) }),
        ISOLAB_SPEC_ENV.rawValue: (["A=1", "B=2"], { s in strings(s.env, s.nenv) }),
        ISOLAB_SPEC_CGROUP.rawValue: (["/sys/fs/cgroup/pids/x/cgroup.procs"], { s in strings(s.cgroup_join, s.ncgroups) }),
        ISOLAB_SPEC_LOWER.rawValue: (["/l/top", "/l/base"], { s in strings(s.lowers, s.nlowers) }),
        ISOLAB_SPEC_EXITCMD.rawValue: (["/usr/bin/isolab", "container", "cleanup"], { s in strings(s.exit_cmd, s.nexit_cmd) }),
        ISOLAB_SPEC_CGROUPFS.rawValue: (["cpu:cpu,cpuacct", "name=systemd:name=systemd"], { s in strings(s.cgroupfs, s.ncgroupfs) }),
        ISOLAB_SPEC_TMPFS.rawValue: (["/run\u{1f}size=1m"], { s in
            zip(strings(s.tmpfs_dst, s.ntmpfs), strings(s.tmpfs_opts, s.ntmpfs)).map { $0 + "\u{1f}" + $1 } }),
        ISOLAB_SPEC_BIND.rawValue: (["/host\u{1f}/ctr\u{1f}ro"], { s in
            (0..<Int(s.nbinds)).map { i in [strings(s.bind_src, s.nbinds)[i], strings(s.bind_dst, s.nbinds)[i], strings(s.bind_opts, s.nbinds)[i]].joined(separator: "\u{1f}") } }),
        // CLONE_NEWNS|NEWUTS|NEWIPC|NEWPID|NEWNET|NEWCGROUP (Glibc's module does not export them).
        ISOLAB_SPEC_NS.rawValue: (["mnt,uts,ipc,pid,net,cgroup"], { s in
            [s.new_ns == 0x0002_0000 | 0x0400_0000 | 0x0800_0000 | 0x2000_0000 | 0x4000_0000 | 0x0200_0000 ? "mnt,uts,ipc,pid,net,cgroup" : "flags \(s.new_ns)"] }),
        ISOLAB_SPEC_CWD.rawValue: (["/work"], { s in [string(s.cwd)] }),
        ISOLAB_SPEC_HOSTNAME.rawValue: (["box"], { s in [string(s.hostname)] }),
        ISOLAB_SPEC_ROOTFS.rawValue: (["/c/merged"], { s in [string(s.rootfs)] }),
        ISOLAB_SPEC_UPPER.rawValue: (["/c/upper"], { s in [string(s.upper)] }),
        ISOLAB_SPEC_WORK.rawValue: (["/c/work"], { s in [string(s.work)] }),
        ISOLAB_SPEC_CAPS.rawValue: (["cap_chown=ep"], { s in [string(s.caps)] }),
        ISOLAB_SPEC_SECCOMP.rawValue: (["default"], { s in [string(s.seccomp)] }),
        ISOLAB_SPEC_SECCOMP_DEFAULT.rawValue: (["SCMP_ACT_ERRNO\u{1f}1"], { s in [string(s.seccomp_default)] }),
        ISOLAB_SPEC_SECCOMP_ARCH.rawValue: (["x86_64", "x32"], { s in strings(s.seccomp_arches, s.nseccomp_arches) }),
        ISOLAB_SPEC_SECCOMP_RULE.rawValue: (["mkdir\u{1f}SCMP_ACT_ERRNO\u{1f}13", "chmod\u{1f}SCMP_ACT_ERRNO\u{1f}\u{1f}1\u{1f}SCMP_CMP_EQ\u{1f}384\u{1f}0"], { s in strings(s.seccomp_rules, s.nseccomp_rules) }),
        ISOLAB_SPEC_BOUNDING.rawValue: (["cap_kill=p"], { s in [string(s.bounding)] }),
        ISOLAB_SPEC_JOIN_PID.rawValue: (["/proc/1/ns/pid"], { s in [string(s.join_pid_ns)] }),
        ISOLAB_SPEC_JOIN_IPC.rawValue: (["/proc/1/ns/ipc"], { s in [string(s.join_ipc_ns)] }),
        ISOLAB_SPEC_JOIN_NET.rawValue: (["/proc/1/ns/net"], { s in [string(s.join_net_ns)] }),
        ISOLAB_SPEC_JOIN_UTS.rawValue: (["/proc/1/ns/uts"], { s in [string(s.join_uts_ns)] }),
        ISOLAB_SPEC_TARGET.rawValue: (["4242"], { s in [string(s.exec_target)] }),
        ISOLAB_SPEC_LOG.rawValue: (["/c/log.json"], { s in [string(s.log_path)] }),
        ISOLAB_SPEC_ATTACHSOCK.rawValue: (["/run/c/attach.sock"], { s in [string(s.attach_path)] }),
        ISOLAB_SPEC_EXITFILE.rawValue: (["/c/exit.json"], { s in [string(s.exit_file)] }),
        ISOLAB_SPEC_DIAG.rawValue: (["/c/monitor.log"], { s in [string(s.monitor_diag)] }),
        ISOLAB_SPEC_REAPER.rawValue: (["/c/reaper"], { s in [string(s.reaper)] }),
        ISOLAB_SPEC_UID.rawValue: (["1000"], { s in [String(s.uid)] }),
        ISOLAB_SPEC_GID.rawValue: (["1001"], { s in [String(s.gid)] }),
        ISOLAB_SPEC_GID_ADD.rawValue: (["10", "4294967294"], { s in
            withUnsafeBytes(of: s.gids) { raw in raw.bindMemory(to: UInt32.self).prefix(Int(s.ngids)).map { String($0) } } }),
        ISOLAB_SPEC_READONLY.rawValue: (["1"], { s in [String(s.readonly)] }),
        ISOLAB_SPEC_PRIVILEGED.rawValue: (["1"], { s in [String(s.privileged)] }),
        ISOLAB_SPEC_NNP.rawValue: (["1"], { s in [String(s.no_new_privs)] }),
        ISOLAB_SPEC_DETACH.rawValue: (["1"], { s in [String(s.detach)] }),
        ISOLAB_SPEC_TTY.rawValue: (["1"], { s in [String(s.tty)] }),
        ISOLAB_SPEC_INIT.rawValue: (["1"], { s in [String(s.`init`)] }),
        ISOLAB_SPEC_STDIN.rawValue: (["1"], { s in [String(s.keep_stdin)] }),
        ISOLAB_SPEC_ATTACH.rawValue: (["2"], { s in [String(s.attach_mask)] }),
        ISOLAB_SPEC_SHM.rawValue: (["/dev/shm"], { s in [string(s.shm)] }),
    ]

    static let allKeys: [ChildSpec.Key] = (0..<ISOLAB_SPEC_KEY_COUNT.rawValue).map { ChildSpec.Key(rawValue: $0) }

    @Test func everyKeyHasATextAndATestCase() {
        var names = Set<String>()
        for key in Self.allKeys {
            let name = isolab_spec_key_name(key).map { String(cString: $0) }
            #expect(name != nil && !name!.isEmpty, "key \(key.rawValue) has no text")
            if let name { #expect(names.insert(name).inserted, "\(name) is in the list twice") }
            #expect(Self.cases[key.rawValue] != nil, "no test case for spec key \(name ?? "?")")
        }
        #expect(isolab_spec_key_name(ISOLAB_SPEC_KEY_COUNT) == nil)
    }

    @Test func everyKeyReachesItsField() throws {
        var spec = ChildSpec()
        for key in Self.allKeys {
            for v in Self.cases[key.rawValue]?.values ?? [] { spec.add(key, v) }
        }
        try Self.parse(spec) { parsed in
            for key in Self.allKeys {
                guard let c = Self.cases[key.rawValue] else { continue }
                let name = String(cString: isolab_spec_key_name(key))
                #expect(c.check(parsed) == c.values, "spec key \(name)")
            }
        }
    }

    @Test func boolFlagsAreOmittedWhenFalse() throws {
        var spec = ChildSpec()
        spec.add(ISOLAB_SPEC_ARG, "true")
        spec.add(ISOLAB_SPEC_TTY, false)
        spec.add(ISOLAB_SPEC_READONLY, true)
        #expect(spec.data == Data("arg\0true\0readonly\01\0".utf8))
        try Self.parse(spec) { s in
            #expect(s.tty == 0 && s.readonly == 1 && s.attach_mask == 3 && s.console_fd == -1)
        }
    }

    @Test(arguments: [
        ("arg\0x\0colour\0red\0", "spec: unknown key colour"),
        ("arg\0x\0uid\0-1\0", "spec: bad uid \"-1\""),
        ("arg\0x\0gid\04294967295\0", "spec: bad gid \"4294967295\""),
        ("arg\0x\0ns\0mnt,user\0", "spec: unknown namespace user"),
        ("arg\0x\0bind\0/a/b\0", "spec: bad bind /a/b"),
        ("arg\0x\0cwd", "spec: truncated key at 6"),
        ("arg\0x\0cwd\0/", "spec: value of cwd is not terminated"),
        ("env\0A=1\0", "spec: no command"),
    ])
    func badSpecsAreRefusedWithTheirReason(text: String, message: String) {
        var bytes = Array(text.utf8).map { CChar(bitPattern: $0) }
        var parsed = isolab_spec()
        var err = [CChar](repeating: 0, count: 256)
        let rc = bytes.withUnsafeMutableBufferPointer { b in isolab_spec_parse(b.baseAddress, b.count, &parsed, &err, err.count) }
        #expect(rc == -1)
        #expect(String(cString: err) == message)
    }

    /// Parses the spec's bytes; `body` runs while the parsed pointers into them are valid.
    static func parse(_ spec: ChildSpec, _ body: (isolab_spec) -> Void) throws {
        var bytes = spec.data.map { CChar(bitPattern: $0) }
        var parsed = isolab_spec()
        var err = [CChar](repeating: 0, count: 256)
        let rc = bytes.withUnsafeMutableBufferPointer { b -> Int32 in
            let rc = isolab_spec_parse(b.baseAddress, b.count, &parsed, &err, err.count)
            if rc == 0 { body(parsed) }
            return rc
        }
        #expect(rc == 0, "isolab_spec_parse: \(String(cString: err))")
    }

    static func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "<unset>" }

    /// The first `count` strings of one of the spec's fixed arrays (imported as a tuple).
    static func strings<T>(_ tuple: T, _ count: Int32) -> [String] {
        withUnsafeBytes(of: tuple) { raw in
            raw.bindMemory(to: UnsafePointer<CChar>?.self).prefix(Int(count)).map { string($0) }
        }
    }
}
