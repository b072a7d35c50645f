import CLibcap
import Foundation
import Testing
@testable import ContainerRuntime

struct CapabilitiesTests {
    @Test func defaultSetMatchesDockersCapEff() throws {
        let caps = try Capabilities.resolve(add: [], drop: [], privileged: false)
        #expect(try caps.hexMask() == "00000000a80425fb")
        #expect(caps.names == [
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID",
            "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW", "CAP_SYS_CHROOT", "CAP_MKNOD", "CAP_AUDIT_WRITE",
            "CAP_SETFCAP",
        ])
    }

    @Test func libcapTextRoundTripsThroughLibcap() throws {
        let caps = try Capabilities.resolve(add: [], drop: [], privileged: false)
        #expect(caps.libcapText.hasPrefix("cap_chown,cap_dac_override,"))
        #expect(caps.libcapText.hasSuffix("=ep"))
        let parsed = try #require(cap_from_text(caps.libcapText))
        defer { cap_free(UnsafeMutableRawPointer(parsed)) }
        let text = try #require(cap_to_text(parsed, nil))
        defer { cap_free(UnsafeMutableRawPointer(text)) }
        #expect(String(cString: text) == caps.libcapText)
    }

    @Test func emptySetIsEqualsSign() throws {
        let none = try Capabilities.resolve(add: [], drop: ["ALL"], privileged: false)
        #expect(none.names.isEmpty)
        #expect(none.libcapText == "=")
        #expect(try none.hexMask() == "0000000000000000")
    }

    @Test(arguments: ["CHOWN", "chown", "CAP_CHOWN", "cap_chown", "Cap_Chown"])
    func dropAcceptsAnySpelling(name: String) throws {
        let caps = try Capabilities.resolve(add: [], drop: [name], privileged: false)
        #expect(!caps.names.contains("CAP_CHOWN"))
        #expect(caps.names.count == 13)
        #expect(try caps.hexMask() == "00000000a80425fa")
    }

    @Test func addKeepsNumberOrder() throws {
        let caps = try Capabilities.resolve(add: ["sys_admin", "NET_ADMIN"], drop: ["kill"], privileged: false)
        #expect(caps.names.contains("CAP_SYS_ADMIN") && caps.names.contains("CAP_NET_ADMIN"))
        #expect(!caps.names.contains("CAP_KILL"))
        let values = try caps.values
        #expect(values == values.sorted())
        // NET_ADMIN is 12, SYS_ADMIN 21; KILL (5) is gone.
        #expect(try caps.hexMask() == "00000000a82435db")
    }

    @Test func dropAllThenAdd() throws {
        let caps = try Capabilities.resolve(add: ["NET_BIND_SERVICE", "chown"], drop: ["all"], privileged: false)
        #expect(caps.names == ["CAP_CHOWN", "CAP_NET_BIND_SERVICE"])
        #expect(caps.libcapText == "cap_chown,cap_net_bind_service=ep")
    }

    @Test func addAllMinusDrop() throws {
        let caps = try Capabilities.resolve(add: ["ALL"], drop: ["SYS_ADMIN"], privileged: false)
        #expect(caps.names.count == Int(cap_max_bits()) - 1)
        #expect(!caps.names.contains("CAP_SYS_ADMIN"))
        #expect(caps.names.first == "CAP_CHOWN")
    }

    /// Docker checks --cap-add ALL before --cap-drop ALL: both together give every capability.
    @Test func addAllWinsOverDropAll() throws {
        let caps = try Capabilities.resolve(add: ["ALL"], drop: ["ALL"], privileged: false)
        #expect(caps == Capabilities.all())
    }

    @Test func privilegedIsEveryCapabilityTheKernelKnows() throws {
        let caps = try Capabilities.resolve(add: [], drop: ["ALL"], privileged: true)
        #expect(caps.names.count == Int(cap_max_bits()))
        #expect(try caps.values == Array(0..<cap_max_bits()))
        #expect(caps.names.contains("CAP_SYS_ADMIN"))
    }

    @Test(arguments: [("CAP_FOO", "CAP_FOO"), ("foo", "CAP_FOO"), ("12", "CAP_12"), ("", "CAP_")])
    func unknownNameIsAnErrorNamingIt(name: String, shown: String) throws {
        let error = try #require(throws: RuntimeError.self) {
            try Capabilities.resolve(add: [name], drop: [], privileged: false)
        }
        #expect(error.message == "unknown capability: \"\(shown)\"")
        #expect(error.kind == .invalidArgument)
        #expect(error.exitCode == 125)
    }

    @Test func unknownDropIsAnErrorToo() throws {
        #expect(throws: RuntimeError.self) { try Capabilities.resolve(add: [], drop: ["CAP_NOPE"], privileged: false) }
    }

    @Test func codableKeepsNames() throws {
        let caps = try Capabilities.resolve(add: ["net_admin"], drop: [], privileged: false)
        let decoded = try JSONDecoder().decode(Capabilities.self, from: JSONEncoder().encode(caps))
        #expect(decoded == caps)
    }

    @Test func boundingSplitKeepsEveryNameOnce() throws {
        let all = Capabilities.all()
        let (available, unavailable) = try all.splitByCurrentBoundingSet()
        #expect(available.names.count + unavailable.count == all.names.count)
        #expect(Set(available.names).isDisjoint(with: unavailable))
    }
}
