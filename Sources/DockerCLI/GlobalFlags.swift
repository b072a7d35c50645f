import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Docker's global flags come before the command (`docker --root X ps`); ArgumentParser has no
/// inherited options, so they are folded into the environment the runtime reads.
enum GlobalFlags {
    struct Unknown: Error, CustomStringConvertible { let description: String }

    static func fold(_ args: [String]) throws -> [String] {
        var i = 0
        var out: [String] = []
        while i < args.count {
            let a = args[i]
            guard a.hasPrefix("-"), out.isEmpty else { out.append(contentsOf: args[i...]); break }
            func value() throws -> String {
                if let eq = a.firstIndex(of: "=") { return String(a[a.index(after: eq)...]) }
                i += 1
                guard i < args.count else { throw Unknown(description: "flag needs an argument: \(a)") }
                return args[i]
            }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            switch name {
            case "--root": setenv("ISOLAB_ROOT", try value(), 1)
            case "--namespace", "-n": setenv("ISOLAB_NAMESPACE", try value(), 1)
            case "--log-level", "-l", "--host", "-H", "--context", "-c", "--config": _ = try value()
            case "-D", "--debug": break
            case "-v", "--version":
                // Docker's one-line version (isolab's own name keeps ArgumentParser's).
                guard IsolabMain.programName == "docker" else { out.append(contentsOf: args[i...]); i = args.count; continue }
                print("Docker version \(VersionCommand.version), build isolab")
                exit(0)
            default: out.append(contentsOf: args[i...]); i = args.count; continue
            }
            i += 1
        }
        return out
    }
}
