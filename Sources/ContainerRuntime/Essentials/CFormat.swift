#if canImport(Glibc)
import Glibc
#endif

/// printf-style formatting through the C library: Foundation's `String(format:)` would link the
/// whole of Foundation and ICU's data into every isolab start (see Docs/performance.md); the
/// modules isolab links import FoundationEssentials only.
public enum CFormat {
    /// `format` with C's conversions (`%d`, `%08x`, `%016llx`, `%.2f`, `%g`); an Int argument
    /// needs `%ld`/`%lld` when it may not fit 32 bits.
    public static func string(_ format: String, _ arguments: CVarArg...) -> String {
        withVaList(arguments) { list in
            var buffer = [CChar](repeating: 0, count: 128)
            let n = Int(vsnprintf(&buffer, buffer.count, format, list))
            if n < 0 { return "" }
            if n < buffer.count { return String(cString: buffer) }
            // Longer than the first buffer: format again with room for all of it.
            return withVaList(arguments) { again in
                buffer = [CChar](repeating: 0, count: n + 1)
                _ = vsnprintf(&buffer, buffer.count, format, again)
                return String(cString: buffer)
            }
        }
    }
}
