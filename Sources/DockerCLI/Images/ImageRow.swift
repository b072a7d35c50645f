import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One line of `docker images`: an image under one of its names (`<none>` when it has none).
struct ImageRow {
    var repository: String
    var tag: String
    var image: ImageRecord

    static func rows(_ images: [ImageRecord]) -> [ImageRow] {
        images.flatMap { image -> [ImageRow] in
            guard !image.repoTags.isEmpty else { return [ImageRow(repository: "<none>", tag: "<none>", image: image)] }
            return image.repoTags.map { tag in
                let (repo, t) = ImageReference.split(tag)
                return ImageRow(repository: repo, tag: t, image: image)
            }
        }
    }

    /// The value of a `--format` field (`{{.Repository}}`), or nil for a field images do not have.
    func field(_ name: String, truncate: Bool, now: Date) -> String? {
        switch name {
        case "Repository": return repository
        case "Tag": return tag
        case "ID": return truncate ? ImageDisplay.shortID(image.id) : image.id
        case "CreatedSince": return ImageDisplay.createdSince(image.created, now: now)
        case "CreatedAt": return ImageRow.goTimeString(image.created)
        case "Size", "VirtualSize": return ImageDisplay.humanSize(image.size)
        case "Digest": return "<none>"
        case "Containers", "SharedSize", "UniqueSize": return "N/A"
        default: return nil
        }
    }

    /// Every field, for a Go template (`{{json .}}` prints them all).
    func fields(truncate: Bool, now: Date) -> [String: Any] {
        var out: [String: Any] = [:]
        for f in ImageRow.jsonFields { out[f] = field(f, truncate: truncate, now: now) }
        return out
    }

    static let headers: [String: Any] = [
        "Repository": "REPOSITORY", "Tag": "TAG", "ID": "IMAGE ID", "CreatedSince": "CREATED",
        "CreatedAt": "CREATED AT", "Size": "SIZE", "VirtualSize": "VIRTUAL SIZE", "Digest": "DIGEST",
        "Containers": "CONTAINERS", "SharedSize": "SHARED SIZE", "UniqueSize": "UNIQUE SIZE",
    ]

    static let jsonFields = ["Containers", "CreatedAt", "CreatedSince", "Digest", "ID", "Repository",
                             "SharedSize", "Size", "Tag", "UniqueSize", "VirtualSize"]

    /// Go's `time.Time.String()` without fractions, in the local zone: "2024-05-01 10:00:00 +0000 UTC".
    static func goTimeString(_ date: Date) -> String {
        // localtime_r and strftime (DateFormatter is not in FoundationEssentials).
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = Glibc.tm()
        guard localtime_r(&t, &tm) != nil else { return ImageDates.format(date) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S %z", &tm) > 0 else { return ImageDates.format(date) }
        let zone = tm.tm_zone.map { String(cString: $0) } ?? "UTC"
        return String(cString: buffer) + " " + zone
    }
}
