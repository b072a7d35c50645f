import FoundationEssentials
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

    /// Every container of the namespace, oldest first; one whose records cannot be read is
    /// listed as broken, never dropped (its cgroup and processes may live on).
    public func list() -> [Container] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: namespaceDir)) ?? []
        return ids.compactMap { id -> Container? in
            guard Self.isContainerID(id) else { return nil }
            return loadOrBroken(id: id)
        }.sorted { $0.config.created < $1.config.created }
    }

    /// 64 lowercase hex digits: the only directory names the store makes.
    static func isContainerID(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Size limits of the container's records: config.json holds the command and environment
    /// (argv is at most a few MiB, JSON-escaped up to six times that); the others are small.
    static let configLimit = 64 << 20
    static let stateLimit = 1 << 20
    static let smallLimit = 64 << 10

    public func load(id: String) throws -> Container {
        let c = try loadRecords(id: id)
        if let problem = c.broken { throw RuntimeError(.failed, problem) }
        return c
    }

    /// `load`, or the container marked broken when a record of it cannot be read; nil when
    /// its directory is gone (removed meanwhile).
    public func loadOrBroken(id: String) -> Container? {
        guard Self.isContainerID(id), FileManager.default.fileExists(atPath: dir(for: id)) else { return nil }
        return try? loadRecords(id: id)
    }

    /// Reads config, run state and exit record. A config or state that exists but cannot be
    /// read or decoded makes the container broken (with a placeholder config); only a missing
    /// directory is an error.
    private func loadRecords(id: String) throws -> Container {
        // The id becomes a path: only the store's own 64-hex names, never "../x".
        guard Self.isContainerID(id) else { throw RuntimeError.notFound(.container, id, "no container \(id)") }
        let d = dir(for: id)
        let rd = runDir(for: id)
        var broken: String? = nil
        let config: ContainerConfig
        do {
            config = try AtomicFile.readJSON(ContainerConfig.self, from: d + "/config.json", limit: Self.configLimit)
        } catch {
            guard FileManager.default.fileExists(atPath: d) else { throw error }
            broken = "config.json: \(error)"
            config = ContainerConfig.placeholder(id: id, namespace: context.namespace, created: Self.modificationDate(d))
        }
        var run: ContainerRunState? = nil
        do {
            run = try AtomicFile.readJSON(ContainerRunState.self, from: rd + "/state.json", limit: Self.stateLimit)
        } catch let e as RuntimeError where e.isNotFound {
            // Not running (or not started yet): no run state is the normal case.
        } catch {
            broken = broken ?? "state.json: \(error)"
        }
        if let r = run, r.pid <= 0 || r.monitorPid <= 0 {
            // kill(2) of 0 or -1 would reach our own process group or every process.
            broken = broken ?? "state.json: pid \(r.pid) or monitor pid \(r.monitorPid) is not a process id"
            run = nil
        }
        var exit: ContainerExit? = nil
        if let data = try? FileIO.read(d + "/exit.json", limit: Self.smallLimit),
           let e = try? JSONDecoder().decode(ContainerExit.self, from: data),
           e.finishedAt.isFinite, abs(e.finishedAt) < 1e11 {   // within ±3,000 years of 1970
            exit = e
        }
        var status: ContainerStatus
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
        if broken != nil && status != .running { status = .dead }
        return Container(config: config, run: run, exit: exit, status: status, dir: d, runDir: rd, broken: broken)
    }

    static func modificationDate(_ path: String) -> Date {
        var st = stat()
        guard stat(path, &st) == 0 else { return Date(timeIntervalSince1970: 0) }
        return Date(timeIntervalSince1970: Double(st.st_mtim.tv_sec))
    }

    /// When the container last started (kept after it stops, for inspect's State.StartedAt).
    public func startedAt(id: String) -> Date? {
        guard let data = try? FileIO.read(dir(for: id) + "/started", limit: Self.smallLimit),
              let t = Double(String(decoding: data, as: UTF8.self).trimmingWhitespace()),
              t.isFinite, abs(t) < 1e11 else { return nil }   // within ±3,000 years of 1970, as exit.json's
        return Date(timeIntervalSince1970: t)
    }

    /// Finds a container by full id, name (with or without "/"), or unique id prefix.
    /// Not finding it is a `notFound(.container)` naming `ref`. A broken
    /// container is found by id only, and only for `allowBroken` callers (rm, inspect): the
    /// others would act on a placeholder config.
    public func find(_ ref: String, allowBroken: Bool = false) throws -> Container {
        // A full id (what `run -d` printed) is found without reading every container.
        let byID = findByFullID(ref)
        let all = byID == nil ? list() : []
        let name = ref.hasPrefix("/") ? String(ref.dropFirst()) : ref
        let found: Container
        if let c = byID ?? all.first(where: { $0.id == ref || ($0.broken == nil && $0.config.name == name) }) {
            found = c
        } else {
            let matches = all.filter { $0.id.hasPrefix(ref) }
            if matches.count > 1 {
                throw RuntimeError(.notFound(.container), "\(ref) is the prefix of \(matches.count) container ids", source: .request, operation: "match id prefix", reference: ref)
            }
            guard matches.count == 1, !ref.isEmpty else {
                throw RuntimeError.notFound(.container, ref, "no container \(ref)")
            }
            found = matches[0]
        }
        if let problem = found.broken, !allowBroken {
            throw RuntimeError.refused(.failed, "container \(found.id) is broken (\(problem))", operation: "load container", reference: found.shortID)
        }
        return found
    }

    public func writeRunState(_ state: ContainerRunState, id: String) throws {
        let rd = runDir(for: id)
        try Self.makeDirectory(rd)
        // Not flushed: the run state means nothing after a reboot (its processes are gone).
        try AtomicFile.writeJSON(state, to: rd + "/state.json", durable: false)
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
                if attempt == 4 { throw RuntimeError(.failed, "mkdir \(path): \(error)") }
            }
        }
    }

    public static func removeEmptyParents(of path: String, upTo stop: String) {
        var p = PathName.parent(path)
        while p.hasPrefix(stop + "/") {
            if rmdir(p) != 0 { break }
            p = PathName.parent(p)
        }
    }

    /// Namespaces of this root that hold containers.
    public static func namespaces(root: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/containers")) ?? []).sorted()
    }
}
