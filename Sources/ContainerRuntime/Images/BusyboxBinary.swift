/// The busybox executable the `busybox` image is made of, and where it came from, in words that
/// go into the image's history and from there into `isolab image build`, `docker info` and reports.
struct BusyboxBinary {
    var path: String
    var origin: String
    /// Debian's busybox-static instead of upstream's default configuration.
    var isFallback: Bool
}
