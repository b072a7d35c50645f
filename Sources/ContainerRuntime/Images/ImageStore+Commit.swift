import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// Makes a container's overlay upper dir a new layer on top of `baseImage`'s layers.
    ///
    /// Whiteouts (char 0/0) and opaque dirs become `.wh.` members; the mount points the runtime
    /// creates (anything under /proc, /sys, /dev; empty /etc/hostname, /etc/hosts, /etc/resolv.conf)
    /// are never captured. `reference` (e.g. `myimage:v1`) is tagged when given.
    public func commit(upperDir: String, baseImage: ImageRecord, config: ImageConfig, reference: String?,
                       comment: String?) throws -> ImageRecord {
        if let reference, !ImageReference.isValid(reference) {
            throw ImageReference.invalidFormat(reference)
        }
        return try locked {
            let baseDocument = try ImageConfigDocument.decode(try configData(of: baseImage), source: baseImage.id)
            let layer = try makeLayer("commit") { writer in
                try LayerPacker(skipRuntimePlaceholders: true).packLayer(upperDir, into: writer)
            }
            let created = Date()
            var history = baseDocument.history
            var step: [String: Any] = ["created": ImageDates.format(created), "created_by": "isolab commit"]
            if let comment { step["comment"] = comment }
            history.append(step)
            let document = ImageConfigDocument(config: config, created: created, diffIDs: baseImage.layers + [layer.diffID],
                                               history: history, comment: comment, parent: baseImage.id)
            var record = try storeImage(configData: try document.encoded(), document: document, parent: baseImage.id)
            if let reference {
                try setTag(reference, to: record.id)
                record = try loadRecord(id: record.id, tags: try readTags()) ?? record
            }
            return record
        }
    }

    /// Points `target` at the image `source` names (Docker's `tag`).
    public func tag(source: String, target: String) throws {
        guard ImageReference.isValid(target) else {
            throw ImageReference.invalidFormat(target)
        }
        try locked {
            guard let image = try find(source) else {
                throw RuntimeError.notFound(.image, ImageReference.normalize(source), "no image \(ImageReference.normalize(source))")
            }
            try setTag(target, to: image.id)
        }
    }
}
