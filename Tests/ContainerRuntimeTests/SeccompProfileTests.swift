import Foundation
import Testing
import CRuntime
@testable import ContainerRuntime

/// `--security-opt seccomp=FILE.json`: Docker's profile format, decoded and checked before any
/// filter is built (hostile input), and expanded into the child spec's rules as moby does.
struct SeccompProfileTests {
    static let amd64 = SeccompHost(arch: "amd64", scmpArch: "SCMP_ARCH_X86_64", kernel: KernelVersion("5.15"))

    /// Docker's shapes: name and names, args, includes/excludes on caps, arches and minKernel, archMap.
    static let dockerStyle = """
    {
      "defaultAction": "SCMP_ACT_ERRNO",
      "defaultErrnoRet": 1,
      "archMap": [
        {"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
        {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}
      ],
      "syscalls": [
        {"names": ["read", "write", "exit_group"], "action": "SCMP_ACT_ALLOW"},
        {"name": "mkdir", "action": "SCMP_ACT_ERRNO", "errnoRet": 13, "comment": "no new directories"},
        {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
         "args": [{"index": 0, "value": 131080, "op": "SCMP_CMP_EQ"}]},
        {"names": ["clone"], "action": "SCMP_ACT_ALLOW",
         "args": [{"index": 0, "value": 2114060288, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}],
         "excludes": {"caps": ["CAP_SYS_ADMIN"], "arches": ["s390", "s390x"]}},
        {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
        {"names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64", "x32"]}},
        {"names": ["s390_pci_mmio_read"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["s390x"]}},
        {"names": ["io_uring_setup"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "5.1"}},
        {"names": ["future_call"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "9.0"}},
        {"names": ["no_such_call_at_all"], "action": "SCMP_ACT_KILL_PROCESS"}
      ]
    }
    """

    @Test func aDockerProfileIsDecodedAndExpandedAsMobyDoes() throws {
        let p = try SeccompProfile.parse(Data(Self.dockerStyle.utf8))
        #expect(p.defaultAction == "SCMP_ACT_ERRNO" && p.defaultErrnoRet == 1)
        #expect(p.syscalls?[1].names == ["mkdir"] && p.syscalls?[1].name == nil, "name folds into names")
        let defaults = try Capabilities.resolve(add: [], drop: [], privileged: false).names
        let entries = try p.specEntries(bounding: defaults, host: Self.amd64)
        let rules = entries.filter { $0.key == ISOLAB_SPEC_SECCOMP_RULE }.map(\.value)
        #expect(entries.first.map { "\(String(cString: isolab_spec_key_name($0.key)))=\($0.value)" } == "seccomp.default=SCMP_ACT_ERRNO\u{1f}1")
        #expect(entries.filter { $0.key == ISOLAB_SPEC_SECCOMP_ARCH }.map(\.value) == ["x86_64", "x86", "x32"], "this host's archMap entry")
        #expect(rules == [
            "read\u{1f}SCMP_ACT_ALLOW\u{1f}", "write\u{1f}SCMP_ACT_ALLOW\u{1f}", "exit_group\u{1f}SCMP_ACT_ALLOW\u{1f}",
            "mkdir\u{1f}SCMP_ACT_ERRNO\u{1f}13",
            "personality\u{1f}SCMP_ACT_ALLOW\u{1f}\u{1f}0\u{1f}SCMP_CMP_EQ\u{1f}131080\u{1f}0",
            "clone\u{1f}SCMP_ACT_ALLOW\u{1f}\u{1f}0\u{1f}SCMP_CMP_MASKED_EQ\u{1f}2114060288\u{1f}0",
            "arch_prctl\u{1f}SCMP_ACT_ALLOW\u{1f}",
            "io_uring_setup\u{1f}SCMP_ACT_ALLOW\u{1f}",
            "no_such_call_at_all\u{1f}SCMP_ACT_KILL_PROCESS\u{1f}",
        ])
        // With CAP_SYS_ADMIN in the bounding set, the clone rule is excluded and mount included.
        let admin = try p.specEntries(bounding: defaults + ["CAP_SYS_ADMIN"], host: Self.amd64).map(\.value)
        #expect(!admin.contains { $0.hasPrefix("clone\u{1f}") } && admin.contains("mount\u{1f}SCMP_ACT_ALLOW\u{1f}"))
        // On an s390x host the s390-only rule is in and the clone rule is out.
        let s390 = SeccompHost(arch: "s390x", scmpArch: "SCMP_ARCH_S390X", kernel: KernelVersion("4.0"))
        let thereEntries = try p.specEntries(bounding: defaults, host: s390)
        let there = thereEntries.map(\.value)
        #expect(there.contains("s390_pci_mmio_read\u{1f}SCMP_ACT_ALLOW\u{1f}") && !there.contains { $0.hasPrefix("clone\u{1f}") })
        #expect(!there.contains { $0.hasPrefix("io_uring_setup") }, "minKernel 5.1 on a 4.0 kernel")
        #expect(!thereEntries.contains { $0.key == ISOLAB_SPEC_SECCOMP_ARCH }, "no archMap entry for s390x: no architectures")
    }

    @Test func theStoredProfileIsItselfADockerProfile() throws {
        let p = try SeccompProfile.parse(Data(Self.dockerStyle.utf8))
        let again = try SeccompProfile.parse(try JSONEncoder().encode(p))
        #expect(again == p)
    }

    @Test func compactingDropsWhitespaceOutsideStringsOnly() throws {
        let text = "{\n  \"defaultAction\" : \"SCMP_ACT_ALLOW\",\n\t\"x\": \"a b\\\" c\" }\n"
        #expect(try SeccompProfile.compact(Data(text.utf8)) == "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"x\":\"a b\\\" c\"}")
        #expect(throws: RuntimeError.self) { try SeccompProfile.compact(Data("{bad".utf8)) }
    }

    /// Each malformed profile is refused with a message that says where and why; none traps.
    @Test(arguments: [
        ("{bad", "Decoding seccomp profile failed"),
        ("[]", "Decoding seccomp profile failed"),
        (#"{"syscalls": []}"#, "defaultAction: missing"),
        (#"{"defaultAction": "SCMP_ACT_MAYBE"}"#, "string SCMP_ACT_MAYBE is not a valid action for seccomp"),
        (#"{"defaultAction": "SCMP_ACT_NOTIFY"}"#, "SCMP_ACT_NOTIFY"),
        (#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 4096}"#, "defaultErrnoRet: errno 4096 is out of range"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "defaultErrnoRet": 1}"#, "only valid with SCMP_ACT_ERRNO"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": 70000}]}"#, "syscalls[0].errnoRet: errno 70000 is out of range"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": -1}]}"#, "syscalls[0].errnoRet"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "errnoRet": "1"}]}"#, "syscalls[0].errnoRet: expected an unsigned integer"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": "chmod", "action": "SCMP_ACT_ERRNO"}]}"#, "syscalls[0].names"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"name": "a", "names": ["b"], "action": "SCMP_ACT_ERRNO"}]}"#, "use either 'name' or 'names'"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": [""], "action": "SCMP_ACT_ERRNO"}]}"#, "empty string is not a valid syscall"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_DENY"}]}"#, "syscalls[0].action: string SCMP_ACT_DENY is not a valid action"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 7, "value": 1, "op": "SCMP_CMP_EQ"}]}]}"#, "syscalls[0].args[0].index: 7 is not an argument (0 to 5)"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_ABOUT"}]}]}"#, "not a valid operator for seccomp"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 18446744073709551616, "op": "SCMP_CMP_EQ"}]}]}"#, "syscalls[0].args[0].value"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 1.5, "op": "SCMP_CMP_EQ"}]}]}"#, "syscalls[0].args[0].value"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "includes": {"minKernel": "four"}}]}"#, "invalid kernel version"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64"], "archMap": [{"architecture": "SCMP_ARCH_X86_64"}]}"#, "use either 'architectures' or 'archMap'"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_VAX"]}"#, "string SCMP_ARCH_VAX is not a valid arch for seccomp"),
        (#"{"defaultAction": "SCMP_ACT_ALLOW", "flags": ["SECCOMP_FILTER_FLAG_LOG"]}"#, "seccomp flag SECCOMP_FILTER_FLAG_LOG is not supported"),
    ])
    func malformedProfilesAreRefused(json: String, expected: String) throws {
        let e = try #require(throws: RuntimeError.self) { try SeccompProfile.parse(Data(json.utf8)) }
        #expect(e.message.contains(expected), "\(e.message)")
    }

    @Test func hugeAndDeepInputIsRefusedBeforeDecoding() throws {
        let big = Data(repeating: 0x20, count: SeccompProfile.maxBytes + 1)
        let e1 = try #require(throws: RuntimeError.self) { try SeccompProfile.parse(big) }
        #expect(e1.message.contains("more than \(SeccompProfile.maxBytes)"))
        let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        let e2 = try #require(throws: RuntimeError.self) { try SeccompProfile.parse(deep) }
        #expect(e2.message.contains("nested more than"))
        #expect(throws: RuntimeError.self) { try SeccompProfile.compact(deep) }
    }

    @Test func tooManyRulesAreRefused() throws {
        let names = (0...SeccompProfile.maxNames).map { "\"call\($0)\"" }.joined(separator: ",")
        let json = #"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": [\#(names)], "action": "SCMP_ACT_ERRNO"}]}"#
        let e = try #require(throws: RuntimeError.self) { try SeccompProfile.parse(Data(json.utf8)) }
        #expect(e.message.contains("more than \(SeccompProfile.maxNames) system calls"))
        let args = (0...6).map { _ in #"{"index": 0, "value": 1, "op": "SCMP_CMP_EQ"}"# }.joined(separator: ",")
        let many = #"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod"], "action": "SCMP_ACT_ERRNO", "args": [\#(args)]}]}"#
        #expect(throws: RuntimeError.self) { try SeccompProfile.parse(Data(many.utf8)) }
    }

    @Test func namesThatCannotBeSystemCallsNeverReachTheSpec() throws {
        let json = #"{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["chmod", "a\u001fb", "x y"], "action": "SCMP_ACT_ERRNO"}]}"#
        let p = try SeccompProfile.parse(Data(json.utf8))
        #expect(try p.specEntries(bounding: [], host: Self.amd64).filter { $0.key == ISOLAB_SPEC_SECCOMP_RULE }.map(\.value) == ["chmod\u{1f}SCMP_ACT_ERRNO\u{1f}"])
    }

    @Test func kernelVersionsCompareAsMobyDoes() {
        #expect(KernelVersion("4.8") != nil && KernelVersion("5.10.1") != nil)
        #expect(KernelVersion("4") == nil && KernelVersion("4.x") == nil && KernelVersion("4.8-rc1") == nil && KernelVersion("123456.1") == nil)
        #expect(KernelVersion("5.10")! < KernelVersion("5.15")! && KernelVersion("5.15")! >= KernelVersion("5.15.0")!)
        #expect(KernelVersion.running() != nil)
    }
}
