import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// Docker's `rmi`: untags `reference`, and deletes the image when nothing names it any more,
    /// with the layers no other image uses. Returns Docker's `Untagged: ...` / `Deleted: ...` lines.
    ///
    /// `inUse` returns the id of a container using the image, or nil; it runs under the store's
    /// lock, so it must not call changing methods of `ImageStore`. An image in use is refused unless
    /// `force`; with `force` its tags go but the image stays, untagged (Docker deletes it when only
    /// stopped containers use it; here a container's overlay reads the layer dirs themselves).
    /// `isRunning` says whether that container runs: an image a running container uses is never
    /// deleted, not even with `force` (Docker's "cannot be forced").
    public func remove(reference: String, force: Bool, isRunning: (String) -> Bool = { _ in false },
                       inUse: (ImageRecord) -> String?) throws -> [String] {
        try locked {
            guard let image = try find(reference) else {
                throw RuntimeError.notFound(.image, ImageReference.normalize(reference), "no image \(ImageReference.normalize(reference))")
            }
            var tags = try readTags()
            let normalized = ImageReference.normalize(reference)
            let byTag = tags[normalized] == image.id
            let imageTags = tags.filter { $0.value == image.id }.map(\.key).sorted()
            let user = inUse(image)
            var lines: [String] = []

            if byTag && imageTags.count > 1 {
                // Another name still refers to the image: only this name goes.
                tags[normalized] = nil
                try writeTags(tags)
                return ["Untagged: \(normalized)"]
            }
            let short = String(ImageStore.hex(image.id).prefix(12))
            if let user {
                let container = String(user.prefix(12))
                if byTag && !force {
                    throw ImageStore.conflict(.referenceInUse(image: short, container: container), reference: reference,
                                              "image \(reference) is used by container \(container); untagging it needs force")
                }
                if isRunning(user) {
                    throw ImageStore.conflict(.usedByRunningContainer(image: short, container: container), reference: reference,
                                              "image \(short) is used by running container \(container); it cannot be removed")
                }
                if !force {
                    throw ImageStore.conflict(.usedByStoppedContainer(image: short, container: container), reference: reference,
                                              "image \(short) is used by stopped container \(container); removing it needs force")
                }
            }
            if !byTag && imageTags.count > 1 && !force {
                throw ImageStore.conflict(.referencedInMultipleRepositories(image: short), reference: reference,
                                          "image \(short) has \(imageTags.count) references; removing it by id needs force")
            }
            for tag in imageTags {
                tags[tag] = nil
                lines.append("Untagged: \(tag)")
            }
            if !imageTags.isEmpty { try writeTags(tags) }
            if user != nil { return lines }      // forced: the container keeps its image, untagged

            // The image goes first (one rename out of images/), then its unused layers.
            let trash = try makeTempDirectory("rmi")
            let path = imagePath(image.id)
            guard rename(path, trash + "/image") == 0 else { throw RuntimeError.errno("rename", "\(path) to \(trash)/image") }
            try AtomicFile.syncDirectory(imagesDir)
            lines.append("Deleted: \(image.id)")
            var stillUsed = Set<String>()
            for other in try imageHexes() {
                if let record = try loadRecord(id: "sha256:" + other, tags: [:]) { stillUsed.formUnion(record.layers) }
            }
            for layer in image.layers.reversed() where !stillUsed.contains(layer) {
                let layerDir = layerPath(layer)
                guard ImageFiles.exists(layerDir) else { continue }
                let target = trash + "/" + ImageStore.hex(layer)
                guard rename(layerDir, target) == 0 else { throw RuntimeError.errno("rename", "\(layerDir) to \(target)") }
                stillUsed.insert(layer)
                lines.append("Deleted: \(layer)")
            }
            try ImageFiles.removeTree(trash)
            return lines
        }
    }

    /// A refused `rmi`: the plain `message`, and the conflict for the CLI to word.
    static func conflict(_ conflict: ImageConflict, reference: String, _ message: String) -> RuntimeError {
        var e = RuntimeError.refused(.conflict, message, operation: "remove image", reference: reference)
        e.imageConflict = conflict
        return e
    }
}
