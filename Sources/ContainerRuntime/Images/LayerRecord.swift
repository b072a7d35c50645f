import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What the store keeps beside an unpacked layer (`layers/<hex>/layer.json`).
struct LayerRecord: Codable {
    var diffID: String       // sha256 of the uncompressed layer tar
    var size: Int64          // bytes of the regular files in the layer
}
