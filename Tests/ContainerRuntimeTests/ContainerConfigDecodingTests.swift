import Foundation
import Testing
@testable import ContainerRuntime

/// config.json files written by earlier isolab stay readable; a new field must not make them
/// unreadable (ContainerConfig+Decoding).
@Suite struct ContainerConfigDecodingTests {
    /// A config.json as main wrote it before the decoder had defaults (`docker create --name
    /// cfgsample -v /tmp:/mnt:ro --restart on-failure:2 busybox true`), byte for byte.
    static let todays = #"""
{
  "additionalGids" : [
    0,
    10
  ],
  "args" : [
    "true"
  ],
  "autoRemove" : false,
  "capAdd" : [

  ],
  "capDrop" : [

  ],
  "capabilities" : {
    "names" : [
      "CAP_CHOWN",
      "CAP_DAC_OVERRIDE",
      "CAP_FOWNER",
      "CAP_FSETID",
      "CAP_KILL",
      "CAP_SETGID",
      "CAP_SETUID",
      "CAP_SETPCAP",
      "CAP_NET_BIND_SERVICE",
      "CAP_NET_RAW",
      "CAP_SYS_CHROOT",
      "CAP_MKNOD",
      "CAP_AUDIT_WRITE",
      "CAP_SETFCAP"
    ]
  },
  "cmd" : [
    "true"
  ],
  "created" : "2026-12-04T23:32:21.786380529Z",
  "detached" : false,
  "entrypoint" : [

  ],
  "env" : [
    "PATH=\/usr\/local\/sbin:\/usr\/local\/bin:\/usr\/sbin:\/usr\/bin:\/sbin:\/bin"
  ],
  "gid" : 0,
  "home" : "\/root",
  "hostname" : "538c91876a0c",
  "id" : "538c91876a0c4c64ce33df8df785068e90fc395652ec29246e1707a518919a4a",
  "image" : "busybox",
  "imageID" : "sha256:7d6b7e0f60aed1324dd511c504d00f3d8a620504903063d9203ba09130b07561",
  "initProcess" : false,
  "interactive" : false,
  "ipcMode" : "private",
  "labels" : {

  },
  "limits" : {
    "cpuPeriod" : 0,
    "cpuQuota" : 0,
    "cpusetCpus" : "",
    "memory" : 0,
    "nanoCPUs" : 0,
    "pidsLimit" : 0
  },
  "lowerDirs" : [
    "\/var\/lib\/isolab\/layers\/bac893383aafae73574ae06f0f604ed85fae5b57f8f4d42e502fe99325a8584f\/diff"
  ],
  "mounts" : [
    {
      "kind" : "bind",
      "options" : "ro",
      "readOnly" : true,
      "source" : "\/tmp",
      "target" : "\/mnt"
    }
  ],
  "name" : "cfgsample",
  "namespace" : "default",
  "networkMode" : "bridge",
  "noNewPrivileges" : false,
  "pidMode" : "",
  "privileged" : false,
  "readOnly" : false,
  "restartPolicy" : {
    "maximumRetryCount" : 2,
    "name" : "on-failure"
  },
  "seccompProfile" : "default",
  "securityOpt" : [

  ],
  "tty" : false,
  "uid" : 0,
  "user" : "",
  "workingDir" : ""
}
"""#

    /// The fields of the first release only: every field added since is missing.
    static let firstRelease = #"""
    {
      "additionalGids" : [], "args" : ["sh", "-c", "echo hi"], "autoRemove" : true, "capAdd" : ["NET_ADMIN"],
      "capDrop" : [], "capabilities" : { "names" : ["CAP_CHOWN", "CAP_NET_ADMIN"] },
      "created" : "2026-01-02T03:04:05.000000006Z", "detached" : false, "env" : ["A=1"], "gid" : 100,
      "hostname" : "old", "id" : "0123456789ab", "image" : "busybox", "imageID" : "sha256:00",
      "initProcess" : false, "interactive" : true, "ipcMode" : "shareable", "labels" : { "k" : "v" },
      "limits" : { "memory" : 67108864 }, "lowerDirs" : ["/l"], "name" : "old", "namespace" : "default",
      "networkMode" : "none", "noNewPrivileges" : true, "pidMode" : "host", "privileged" : false,
      "readOnly" : true, "securityOpt" : ["no-new-privileges"], "tty" : true, "uid" : 1000, "user" : "1000:100",
      "workingDir" : "/w"
    }
    """#

    private func decode(_ text: String) throws -> (ContainerConfig, ImageTempDir) {
        let dir = try ImageTempDir("isolab-config")
        let path = try dir.write("config.json", text)
        return (try AtomicFile.readJSON(ContainerConfig.self, from: path, limit: 1 << 20), dir)
    }

    @Test func todaysConfigReadsAndWritesBackEveryValue() throws {
        let (cfg, dir) = try decode(Self.todays)
        #expect(cfg.name == "cfgsample" && cfg.args == ["true"] && cfg.cmd == ["true"] && cfg.entrypoint == [])
        #expect(cfg.home == "/root" && cfg.seccompProfile == "default" && cfg.ipcMode == "private")
        #expect(cfg.mounts == [ContainerMount(kind: .bind, source: "/tmp", target: "/mnt", readOnly: true, options: "ro")])
        #expect(cfg.restartPolicy == RestartPolicy(name: "on-failure", maximumRetryCount: 2))
        #expect(cfg.attachStreams == nil && cfg.networkAliases == nil && cfg.limits == ResourceLimits())
        try AtomicFile.writeJSON(cfg, to: dir.path + "/again.json", durable: false)
        let again = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/again.json"))
        // Written back, it keeps every key and value it had; fields added since only add keys.
        let before = Self.flatten(try JSONSerialization.jsonObject(with: Data(Self.todays.utf8)))
        let after = Self.flatten(try JSONSerialization.jsonObject(with: again))
        for (key, value) in before { #expect(after[key] == value, "\(key)") }
        #expect(after["limits.cpuShares"] == "0" && after["limits.memorySwap"] == "0")
    }

    /// "limits.memory" → "0": every leaf of a JSON document by its path.
    static func flatten(_ json: Any, _ prefix: String = "") -> [String: String] {
        var out: [String: String] = [:]
        if let d = json as? [String: Any] {
            for (k, v) in d { out.merge(flatten(v, prefix.isEmpty ? k : prefix + "." + k)) { a, _ in a } }
        } else if let a = json as? [Any] {
            out[prefix + ".count"] = String(a.count)
            for (i, v) in a.enumerated() { out.merge(flatten(v, prefix + "[\(i)]")) { a, _ in a } }
        } else {
            out[prefix] = "\(json)"
        }
        return out
    }

    @Test func aConfigWithoutTheLaterFieldsGetsTheirDefaults() throws {
        let (cfg, _) = try decode(Self.firstRelease)
        #expect(cfg.id == "0123456789ab" && cfg.uid == 1000 && cfg.gid == 100 && cfg.env == ["A=1"])
        #expect(cfg.tty && cfg.interactive && cfg.autoRemove && cfg.readOnly && cfg.noNewPrivileges)
        #expect(cfg.ipcMode == "shareable" && cfg.pidMode == "host" && cfg.networkMode == "none")
        #expect(cfg.capabilities.names == ["CAP_CHOWN", "CAP_NET_ADMIN"] && cfg.labels == ["k": "v"])
        // The later fields: what the isolab of then did, or what makeConfig gives those options.
        #expect(cfg.entrypoint == [] && cfg.cmd == ["sh", "-c", "echo hi"])
        #expect(cfg.home == "/" && cfg.seccompProfile == "default")
        #expect(cfg.mounts == nil && cfg.restartPolicy == nil && cfg.attachStreams == nil && cfg.networkAliases == nil)
        var limits = ResourceLimits()
        limits.memory = 64 << 20
        #expect(cfg.limits == limits)
    }

    @Test func aMissingFirstReleaseFieldIsStillAnError() throws {
        let text = Self.firstRelease.replacingOccurrences(of: #""uid" : 1000, "#, with: "")
        #expect(throws: RuntimeError.self) { _ = try decode(text) }
    }

    /// Every stored property has a key: one without would silently not be written to config.json.
    @Test func everyStoredPropertyHasACodingKey() {
        let config = ContainerConfig.placeholder(id: "0123456789ab", namespace: "ns", created: Date())
        let stored = Set(Mirror(reflecting: config).children.compactMap(\.label))
        #expect(stored == Set(ContainerConfig.CodingKeys.allCases.map(\.stringValue)))
        let limits = Set(Mirror(reflecting: ResourceLimits()).children.compactMap(\.label))
        #expect(limits == Set(ResourceLimits.CodingKeys.allCases.map(\.stringValue)))
    }
}
