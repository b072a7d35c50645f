import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// pflag's command-line forms that ArgumentParser does not take, rewritten before parsing:
/// a short flag with its value attached (`-m64m`, `-eB=2`, `-w/tmp`, `logs -n5`), also at the
/// end of a cluster (`-dim64m`); a value that starts with `-` (`--cpus -1` reaches the value's
/// own check, not "Missing value"); a boolean with `=true`/`=false` (`--detach=false`).
/// Every value flag becomes `--long=value`, which ArgumentParser reads as one token.
enum FlagNormalizer {
    struct Spec {
        var values: [String: String] = [:]   // short → long, for flags that take a value
        var longValues: Set<String> = []
        var bools: [String: String] = [:]    // short → long
        var longBools: Set<String> = []
        var interspersed = true              // false: flags end at the first argument (run, exec)
    }

    /// run's and create's value flags: ProcessFlags', ResourceFlags' and run's own.
    static let runValues: [String: String] = ProcessFlags.shortValues.merging(ResourceFlags.shortValues) { a, _ in a }
        .merging(["a": "attach", "l": "label", "h": "hostname", "v": "volume"]) { a, _ in a }
    static let runLongValues: Set<String> = ProcessFlags.longValues.union(ResourceFlags.longValues).union([
        "name", "hostname", "label", "ipc", "pid", "network", "net", "network-alias",
        "cap-add", "cap-drop", "security-opt", "volume", "mount", "tmpfs", "entrypoint", "restart", "attach",
    ])
    static let runBools: [String: String] = ProcessFlags.shortBools.merging(["d": "detach"]) { a, _ in a }
    static let runLongBools: Set<String> = ProcessFlags.longBools.union(["detach", "rm", "read-only", "privileged", "init"])

    static let specs: [String: Spec] = [
        "run": Spec(values: runValues, longValues: runLongValues, bools: runBools, longBools: runLongBools, interspersed: false),
        "create": Spec(values: runValues, longValues: runLongValues, bools: runBools, longBools: runLongBools, interspersed: false),
        "start": Spec(bools: ["a": "attach", "i": "interactive"], longBools: ["attach", "interactive"]),
        "restart": Spec(values: ["t": "time", "s": "signal"], longValues: ["time", "timeout", "signal"]),
        "exec": Spec(values: ProcessFlags.shortValues, longValues: ProcessFlags.longValues,
                     bools: ProcessFlags.shortBools.merging(["d": "detach"]) { a, _ in a }, longBools: ProcessFlags.longBools.union(["detach"]),
                     interspersed: false),
        "logs": Spec(values: ["n": "tail"], longValues: ["tail", "since", "until"], bools: ["f": "follow", "t": "timestamps"],
                     longBools: ["follow", "timestamps", "details"]),
        "stop": Spec(values: ["t": "time", "s": "signal"], longValues: ["time", "timeout", "signal"]),
        "kill": Spec(values: ["s": "signal"], longValues: ["signal"]),
        "rm": Spec(bools: ["f": "force", "v": "volumes"], longBools: ["force", "volumes"]),
        "ps": Spec(values: ["f": "filter", "n": "last"], longValues: ["filter", "format", "last"],
                   bools: ["a": "all", "q": "quiet", "l": "latest", "s": "size"], longBools: ["all", "quiet", "no-trunc", "latest", "size"]),
        "inspect": Spec(values: ["f": "format"], longValues: ["format", "type"], bools: ["s": "size"], longBools: ["size"]),
        "commit": Spec(values: ["m": "message", "a": "author", "c": "change"], longValues: ["message", "author", "change"],
                       bools: ["p": "pause"], longBools: ["pause"]),
        "images": Spec(values: ["f": "filter"], longValues: ["format", "filter"], bools: ["a": "all", "q": "quiet"],
                       longBools: ["all", "quiet", "no-trunc"]),
        "history": Spec(longValues: ["format"], bools: ["q": "quiet"], longBools: ["quiet", "no-trunc"]),
        "cp": Spec(bools: ["q": "quiet", "a": "archive", "L": "follow-link"], longBools: ["quiet", "archive", "follow-link"]),
        "update": Spec(values: ResourceFlags.shortValues, longValues: ResourceFlags.longValues),
        "pull": Spec(longValues: ["platform"], bools: ["a": "all-tags", "q": "quiet"], longBools: ["all-tags", "quiet", "disable-content-trust"]),
        "attach": Spec(longValues: ["detach-keys"], longBools: ["no-stdin", "sig-proxy"]),
        "rmi": Spec(bools: ["f": "force"], longBools: ["force", "no-prune"]),
        "stats": Spec(longValues: ["format"], bools: ["a": "all"], longBools: ["all", "no-stream", "no-trunc"]),
        "version": Spec(values: ["f": "format"], longValues: ["format"]),
        "info": Spec(values: ["f": "format"], longValues: ["format"]),
        "save": Spec(values: ["o": "output"], longValues: ["output"]),
        "export": Spec(values: ["o": "output"], longValues: ["output"]),
        "load": Spec(values: ["i": "input"], longValues: ["input"], bools: ["q": "quiet"], longBools: ["quiet"]),
        "import": Spec(values: ["m": "message", "c": "change"], longValues: ["message", "change"]),
    ]

    struct BadBool: Error, CustomStringConvertible { let description: String }

    /// Rewrites `args` (the command and what follows it).
    static func normalize(_ args: [String]) throws -> [String] {
        guard let command = args.first, let spec = specs[command] else { return args }
        var out = [command]
        var i = 1
        while i < args.count {
            let a = args[i]
            i += 1
            if a == "--" { out.append(contentsOf: args[(i - 1)...]); return out }
            if !a.hasPrefix("-") || a == "-" {
                out.append(a)
                if !spec.interspersed { out.append(contentsOf: args[i...]); return out }
                continue
            }
            if a.hasPrefix("--") {
                let body = a.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let hasValue = body.contains("=")
                if spec.longBools.contains(name), hasValue {
                    let v = String(body.drop { $0 != "=" }.dropFirst())
                    guard let b = parseBool(v) else {
                        let short = spec.bools.first { $0.value == name }.map { "-\($0.key), " } ?? ""
                        throw BadBool(description: "invalid argument \"\(v)\" for \"\(short)--\(name)\" flag: strconv.ParseBool: parsing \"\(v)\": invalid syntax")
                    }
                    if b { out.append("--" + name) }
                } else if spec.longValues.contains(name), !hasValue, i < args.count {
                    // An empty value (`--entrypoint ""`) stays a word of its own: "--x=" reads as no value.
                    out.append(contentsOf: args[i].isEmpty ? ["--" + name, ""] : ["--\(name)=\(args[i])"]); i += 1
                } else if spec.longValues.contains(name), body.hasSuffix("=") && body.count == name.count + 1 {
                    out.append(contentsOf: ["--" + name, ""])
                } else {
                    out.append(a)
                }
                continue
            }
            // A cluster of short flags: booleans, then perhaps one that takes the rest (or the next word).
            var chars = Substring(a.dropFirst())
            var cluster = ""
            var done = false
            while let c = chars.first, !done {
                chars = chars.dropFirst()
                let key = String(c)
                if let long = spec.values[key] {
                    if !cluster.isEmpty { out.append("-" + cluster); cluster = "" }
                    var value = String(chars)
                    if value.hasPrefix("=") { value.removeFirst() }
                    if value.isEmpty {
                        guard i < args.count else { out.append("-" + key); done = true; break }
                        value = args[i]; i += 1
                    }
                    out.append("--\(long)=\(value)")
                    done = true
                } else {
                    cluster.append(c)
                }
            }
            if !cluster.isEmpty { out.append("-" + cluster) }
        }
        return out
    }

    /// Go's strconv.ParseBool.
    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }
}
