import Foundation

/// A minimal ustar writer for the seed corpus, by hand (the store's TarWriter is internal to
/// ContainerRuntime, and seeds should be plain, predictable bytes for the fuzzer to mutate).
struct SeedTar {
    private(set) var bytes = Data()

    mutating func directory(_ name: String) { header(name, type: "5", size: 0, mode: 0o755) }

    mutating func file(_ name: String, _ data: Data) {
        header(name, type: "0", size: data.count, mode: 0o644)
        bytes.append(data)
        bytes.append(Data(count: (512 - data.count % 512) % 512))
    }

    mutating func symlink(_ name: String, to target: String) { header(name, type: "2", size: 0, mode: 0o777, link: target) }

    /// The archive with its end marker (two zero blocks).
    func finished() -> Data { bytes + Data(count: 1024) }

    private mutating func header(_ name: String, type: Character, size: Int, mode: Int, link: String = "") {
        var h = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (i, b) in text.utf8.prefix(width).enumerated() { h[offset + i] = b }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            let digits = String(value, radix: 8)
            put(String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits, at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(mode, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        octal(size, at: 124, width: 12)
        octal(1_700_000_000, at: 136, width: 12)
        put(String(type), at: 156, width: 1)
        put(link, at: 157, width: 100)
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        for i in 148..<156 { h[i] = 0x20 }
        let sum = h.reduce(0) { $0 + Int($1) }
        octal(sum, at: 148, width: 7)
        h[155] = 0x20
        bytes.append(contentsOf: h)
    }
}
