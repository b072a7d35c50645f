import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// One row of `docker history`, newest first.
    public struct HistoryRow: Sendable {
        public var imageID: String?     // a local image this step made, or nil (Docker's <missing>)
        public var created: Date?
        public var createdBy: String
        public var size: Int64
        public var comment: String
    }

    /// The steps of `image`'s config history, newest first, each with the size of the layer it
    /// added (0 for a step without a layer) and the local image it made when there is one:
    /// the image itself, then its parents (the images `commit` made it from).
    public func history(of image: ImageRecord) throws -> [HistoryRow] {
        let document = try ImageConfigDocument.decode(try configData(of: image), source: image.id)
        var layerSizes = try image.layers.map { try layerRecord($0).size }
        // Which image ends at which step: walk the parent chain, each one's step count.
        var owners: [Int: String] = [:]
        var current: ImageRecord? = image
        var seen = Set<String>()
        while let img = current, seen.insert(img.id).inserted {
            let doc = try ImageConfigDocument.decode(try configData(of: img), source: img.id)
            owners[max(doc.history.count, 1) - 1] = owners[max(doc.history.count, 1) - 1] ?? img.id
            current = try img.parent.flatMap { try find($0) }
        }
        var steps = document.history
        if steps.isEmpty { steps = [["created": ImageDates.format(image.created)]] }
        var rows: [HistoryRow] = []
        for (index, step) in steps.enumerated() {
            let empty = step["empty_layer"] as? Bool ?? false
            let size = empty || layerSizes.isEmpty ? 0 : layerSizes.removeFirst()
            rows.append(HistoryRow(imageID: owners[index], created: (step["created"] as? String).flatMap(ImageDates.parse),
                                   createdBy: step["created_by"] as? String ?? "", size: size,
                                   comment: step["comment"] as? String ?? ""))
        }
        return rows.reversed()
    }
}
