import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// containerd's rule for namespace names: they become directory names under the root and
/// /run/isolab, so "..", "" or "a/b" must never get through.
public enum NamespaceName {
    public static func validate(_ name: String) throws {
        let ok = !name.isEmpty && name.count <= 76 && name.unicodeScalars.allSatisfy {
            ($0.isASCII && $0.isASCIIAlphanumeric) || "._-".unicodeScalars.contains($0)
        } && name.first.map { $0.isLetter || $0.isNumber } == true
          && name.last.map { $0.isLetter || $0.isNumber } == true
          && !name.contains("..") && !name.contains("--") && !name.contains("__")
        guard ok else {
            throw RuntimeError(.invalidArgument, "invalid namespace name \"\(name)\": use letters and digits, separated by single '.', '_' or '-' (at most 76 characters)")
        }
    }
}
