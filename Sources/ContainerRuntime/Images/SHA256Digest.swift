import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Streaming SHA-256 (FIPS 180-4). Layer and config digests need it and Foundation on Linux has no
/// CryptoKit; a small in-tree implementation avoids a new system library for one function.
public struct SHA256Digest: Sendable {
    private var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]

    public init() {}

    /// Feeds `count` bytes at `pointer`.
    public mutating func update(_ pointer: UnsafeRawPointer, count: Int) {
        guard count > 0 else { return }
        length &+= UInt64(count)
        var bytes = UnsafeRawBufferPointer(start: pointer, count: count)
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, bytes.count)
            buffer.append(contentsOf: bytes.prefix(take))
            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst(take))
            if buffer.count == 64 {
                buffer.withUnsafeBytes { compress($0.baseAddress!) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        while bytes.count >= 64 {
            compress(bytes.baseAddress!)
            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst(64))
        }
        if !bytes.isEmpty { buffer.append(contentsOf: bytes) }
    }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { raw in
            if let base = raw.baseAddress { update(base, count: raw.count) }
        }
    }

    /// The digest as 64 lowercase hex characters. The value is consumed.
    public mutating func finalizeHex() -> String {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let padding = (56 - (Int(length % 64) + 1) + 64) % 64
        tail.append(contentsOf: [UInt8](repeating: 0, count: padding))
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        tail.withUnsafeBytes { update($0.baseAddress!, count: $0.count) }
        length = savedLength
        return h.map { CFormat.string("%08x", $0) }.joined()
    }

    /// `sha256:<hex>` of `data`.
    public static func digest(_ data: Data) -> String {
        var d = SHA256Digest()
        d.update(data)
        return "sha256:" + d.finalizeHex()
    }

    /// True for `sha256:` and 64 lowercase hex digits: the only digest the store uses as a name
    /// (`layers/<hex>`), so anything else from an archive (`sha256:../../x`) is refused before use.
    public static func isDigest(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 71, text.hasPrefix("sha256:") else { return false }
        return utf8.dropFirst(7).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// One 64-byte block. Written with raw pointers and locals: tests and labs run debug builds,
    /// where array subscripts would make hashing a 140 MB rootfs take minutes.
    private mutating func compress(_ block: UnsafeRawPointer) {
        let w = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { w.deallocate() }
        let bytes = block.assumingMemoryBound(to: UInt8.self)
        var i = 0
        while i < 16 {
            let p = bytes + i &* 4
            w[i] = UInt32(p[0]) << 24 | UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | UInt32(p[3])
            i &+= 1
        }
        while i < 64 {
            let x = w[i &- 15], y = w[i &- 2]
            let s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3)
            let s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10)
            w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
            i &+= 1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        SHA256Digest.k.withUnsafeBufferPointer { k in
            let kp = k.baseAddress!
            var i = 0
            while i < 64 {
                let s1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ kp[i] &+ w[i]
                let s0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))
                let maj = (a & b) ^ (a & c) ^ (b & c)
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ s0 &+ maj
                i &+= 1
            }
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }
}
