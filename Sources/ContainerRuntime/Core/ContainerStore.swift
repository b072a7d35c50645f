import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Containers on disk: `<root>/containers/<namespace>/<id>/` (config, layers, log, exit record)
/// and `<run root>/<namespace>/<id>/` (run-time state, only while the container runs).
public struct ContainerStore: Sendable {
    public let context: RuntimeContext

    public init(context: RuntimeContext) { self.context = context }

    public var namespaceDir: String { context.root + "/containers/" + context.namespace }
    public var runNamespaceDir: String { context.runRoot + "/" + context.namespace }
    /// Held while a name is checked and claimed, so two `run --name x` cannot both win.
    public var namespaceLock: String { context.root + "/locks/namespace-" + context.namespace + ".lock" }

    public func dir(for id: String) -> String { namespaceDir + "/" + id }
    public func runDir(for id: String) -> String { runNamespaceDir + "/" + id }

    /// Every container of the namespace, oldest first.
    public func list() -> [Container] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: namespaceDir)) ?? []
        return ids.compactMap { id -> Container? in
            guard id.count == 64 else { return nil }
            return try? load(id: id)
        }.sorted { $0.config.created < $1.config.created }
    }

    public func load(id: String) throws -> Container {
        let d = dir(for: id)
        let config = try AtomicFile.readJSON(ContainerConfig.self, from: d + "/config.json")
        let rd = runDir(for: id)
        let run = try? AtomicFile.readJSON(ContainerRunState.self, from: rd + "/state.json")
        var exit: ContainerExit? = nil
        if let data = FileManager.default.contents(atPath: d + "/exit.json") {
            exit = try? JSONDecoder().decode(ContainerExit.self, from: data)
        }
        let status: ContainerStatus
        if let r = run, HostProcess.isAlive(r.pid, startTime: r.pidStartTime) {
            status = .running
        } else if let r = run, exit == nil, HostProcess.isAlive(r.monitorPid, startTime: r.monitorStartTime) {
            status = .running   // its init just ended; the monitor is recording it and cleaning up
        } else if exit != nil {
            status = .exited
        } else if run != nil {
            status = .dead      // its monitor vanished without a record
        } else {
            status = .created
        }
        return Container(config: config, run: run, exit: exit, status: status, dir: d, runDir: rd)
    }

    /// Finds a container by full id, name (with or without "/"), or unique id prefix.
    /// The error is Docker's: `Error response from daemon: No such container: X`.
    /// When the container last started (kept after it stops, for inspect's State.StartedAt).
    public func startedAt(id: String) -> Date? {
        guard let text = try? String(contentsOfFile: dir(for: id) + "/started", encoding: .utf8),
              let t = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return Date(timeIntervalSince1970: t)
    }

    public func find(_ ref: String) throws -> Container {
        let all = list()
        let name = ref.hasPrefix("/") ? String(ref.dropFirst()) : ref
        if let c = all.first(where: { $0.id == ref || $0.config.name == name }) { return c }
        let matches = all.filter { $0.id.hasPrefix(ref) }
        if matches.count == 1, !ref.isEmpty { return matches[0] }
        if matches.count > 1 {
            throw RuntimeError(.notFound, "Error response from daemon: multiple IDs found with provided prefix: \(ref)")
        }
        throw RuntimeError(.notFound, "Error response from daemon: No such container: \(ref)")
    }

    public func writeRunState(_ state: ContainerRunState, id: String) throws {
        let rd = runDir(for: id)
        try Self.makeDirectory(rd)
        try AtomicFile.writeJSON(state, to: rd + "/state.json")
    }

    /// Removes the run-time directory and, if they are empty now, its parents up to /run/isolab.
    public func removeRunState(id: String) {
        let rd = runDir(for: id)
        try? FileManager.default.removeItem(atPath: rd)
        Self.removeEmptyParents(of: rd, upTo: context.runBase)
    }

    /// mkdir -p that survives a concurrent `removeEmptyParents` (retries once it lost the race).
    public static func makeDirectory(_ path: String) throws {
        for attempt in 0..<5 {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                return
            } catch {
                if attempt == 4 { throw RuntimeError(.failed, "mkdir \(path): \(error.localizedDescription)") }
            }
        }
    }

    public static func removeEmptyParents(of path: String, upTo stop: String) {
        var p = (path as NSString).deletingLastPathComponent
        while p.hasPrefix(stop + "/") {
            if rmdir(p) != 0 { break }
            p = (p as NSString).deletingLastPathComponent
        }
    }

    /// Namespaces of this root that hold containers.
    public static func namespaces(root: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/containers")) ?? []).sorted()
    }
}
