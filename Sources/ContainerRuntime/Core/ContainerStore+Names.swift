import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ContainerStore {
    /// The id and name of every container of the namespace, for claiming a name: only each
    /// config.json's `name` is decoded, with no run state, exit record or /proc look-ups (with
    /// 100 containers, `list()` made a start 12 ms slower). A config that does not read gives
    /// no name, as a broken container's placeholder has none.
    func names() -> [(id: String, name: String)] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: namespaceDir)) ?? []
        let decoder = JSONDecoder()
        return ids.compactMap { id in
            guard Self.isContainerID(id),
                  let data = try? FileIO.read(dir(for: id) + "/config.json", limit: Self.configLimit),
                  let named = try? decoder.decode(ContainerName.self, from: data) else { return nil }
            return (id, named.name)
        }
    }

    /// Finds a container by its full id without reading the others; nil when that id is not
    /// one of the namespace's (then `find` searches names and prefixes).
    func findByFullID(_ ref: String) -> Container? {
        Self.isContainerID(ref) ? loadOrBroken(id: ref) : nil
    }
}
