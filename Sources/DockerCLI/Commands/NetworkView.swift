import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One network as `network ls` and `network inspect` show it: Docker's three predefined ones
/// (`bridge` is isolab0) and the namespace's user-defined bridges.
struct NetworkView {
    var id: String
    var name: String
    var driver: String                   // bridge | host | null
    var created: String
    var subnet: String?
    var gateway: String?
    var bridge: String?
    var labels: [String: String]
    var userNetwork: UserNetwork?

    /// Every network of the namespace, sorted by name as docker/cli sorts them.
    static func all(_ rt: Runtime) -> [NetworkView] {
        var views = Runtime.predefinedNetworks.map { predefined($0, root: rt.context.root) }
        views += rt.networkList().map { n in
            NetworkView(id: n.id, name: n.name, driver: "bridge", created: ContainerJSON.rfc3339Nano(n.created),
                        subnet: n.subnet, gateway: n.gateway, bridge: n.bridge, labels: n.labels, userNetwork: n)
        }
        return views.sorted { $0.name < $1.name }
    }

    /// By name, full id or unique id prefix; Docker's error otherwise.
    static func find(_ ref: String, in views: [NetworkView]) throws -> NetworkView {
        if let v = views.first(where: { $0.name == ref || $0.id == ref }) { return v }
        let byPrefix = ref.isEmpty ? [] : views.filter { $0.id.hasPrefix(ref) }
        if byPrefix.count == 1 { return byPrefix[0] }
        throw RuntimeError.notFound(.network, ref, "network \(ref) not found")
    }

    /// The predefined networks' ids are fixed per root (a digest of the root and the name), so
    /// `network ls` shows the same ids every time, as Docker's daemon does.
    static func predefined(_ name: String, root: String) -> NetworkView {
        let id = String(SHA256Digest.digest(Data(("isolab predefined network\n" + root + "\n" + name).utf8)).dropFirst(7))
        let bridged = name == "bridge"
        return NetworkView(id: id, name: name, driver: name == "none" ? "null" : name, created: ContainerJSON.zeroTime,
                           subnet: bridged ? "10.213.0.0/16" : nil, gateway: bridged ? "10.213.0.1" : nil,
                           bridge: bridged ? "isolab0" : nil, labels: [:], userNetwork: nil)
    }

    /// The attachments of the namespace's running containers on this network.
    func members(_ rt: Runtime) -> [(Container, NetworkAttachment)] {
        rt.containers().filter(\.isRunning).compactMap { c in
            let found = Runtime.attachments(c).first { a in
                userNetwork.map { a.networkID == $0.id } ?? (name == "bridge" && a.networkID == nil)
            }
            return found.map { (c, $0) }
        }
    }

    /// `network inspect`'s object, keys in Docker's order.
    func json(_ rt: Runtime) -> JSONObject {
        var containers: [String: Any] = [:]
        for (c, a) in members(rt) {
            containers[c.id] = JSONObject([
                "Name": c.config.name, "EndpointID": "", "MacAddress": a.macAddress,
                "IPv4Address": a.ipAddress + "/" + String(a.prefixLength), "IPv6Address": "",
            ])
        }
        let ipamConfig: [Any] = subnet.map { [JSONObject(["Subnet": $0, "Gateway": gateway ?? ""])] } ?? []
        let options: [String: Any] = name == "bridge" ? ["com.docker.network.bridge.name": "isolab0"] : [:]
        return JSONObject([
            "Name": name, "Id": id, "Created": created, "Scope": "local", "Driver": driver,
            "EnableIPv4": true, "EnableIPv6": false,
            "IPAM": JSONObject(["Driver": "default", "Options": driver == "bridge" ? [String: Any]() as Any : JSONNull(), "Config": ipamConfig]),
            "Internal": false, "Attachable": false, "Ingress": false,
            "ConfigFrom": JSONObject(["Network": ""]), "ConfigOnly": false,
            "Containers": containers, "Options": options, "Labels": labels,
        ])
    }

    /// `network ls --format`'s fields.
    func row(truncate: Bool) -> [String: Any] {
        ["ID": truncate ? String(id.prefix(12)) : id, "Name": name, "Driver": driver, "Scope": "local",
         "IPv6": "false", "Internal": "false", "CreatedAt": created,
         "Labels": labels.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: ",")]
    }
}
