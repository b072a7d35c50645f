/// Each command's usage line and how many arguments it takes, as docker/cli declares them, so
/// that a wrong command line gets Docker's words: `docker: 'docker logs' requires 1 argument`,
/// the usage line, and where to read more (cobra says "See" for a minimum, "Run" otherwise).
struct CommandUsage {
    enum Arity {
        case none, exactly(Int), atLeast(Int), atMost(Int), between(Int, Int)
    }
    let usage: String
    let arity: Arity

    /// Keyed by the command as typed after the program name ("run", "image ls").
    static let table: [String: CommandUsage] = {
        var t: [String: CommandUsage] = [
            "run": .init(usage: "run [OPTIONS] IMAGE [COMMAND] [ARG...]", arity: .atLeast(1)),
            "create": .init(usage: "create [OPTIONS] IMAGE [COMMAND] [ARG...]", arity: .atLeast(1)),
            "exec": .init(usage: "exec [OPTIONS] CONTAINER COMMAND [ARG...]", arity: .atLeast(2)),
            "ps": .init(usage: "ps [OPTIONS]", arity: .none),
            "inspect": .init(usage: "inspect [OPTIONS] NAME|ID [NAME|ID...]", arity: .atLeast(1)),
            "stop": .init(usage: "stop [OPTIONS] CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "start": .init(usage: "start [OPTIONS] CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "restart": .init(usage: "restart [OPTIONS] CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "kill": .init(usage: "kill [OPTIONS] CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "rm": .init(usage: "rm [OPTIONS] CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "wait": .init(usage: "wait CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "rename": .init(usage: "rename CONTAINER NEW_NAME", arity: .exactly(2)),
            "attach": .init(usage: "attach [OPTIONS] CONTAINER", arity: .exactly(1)),
            "logs": .init(usage: "logs [OPTIONS] CONTAINER", arity: .exactly(1)),
            "top": .init(usage: "top CONTAINER [ps OPTIONS]", arity: .atLeast(1)),
            "port": .init(usage: "port CONTAINER [PRIVATE_PORT[/PROTO]]", arity: .between(1, 2)),
            "stats": .init(usage: "stats [OPTIONS] [CONTAINER...]", arity: .atLeast(0)),
            "commit": .init(usage: "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]", arity: .between(1, 2)),
            "export": .init(usage: "export [OPTIONS] CONTAINER", arity: .exactly(1)),
            "diff": .init(usage: "diff CONTAINER", arity: .exactly(1)),
            "cp": .init(usage: "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH", arity: .exactly(2)),
            "pause": .init(usage: "pause CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "unpause": .init(usage: "unpause CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "update": .init(usage: "update [OPTIONS] CONTAINER [CONTAINER...]", arity: .atLeast(1)),
            "images": .init(usage: "images [OPTIONS] [REPOSITORY[:TAG]]", arity: .atMost(1)),
            "rmi": .init(usage: "rmi [OPTIONS] IMAGE [IMAGE...]", arity: .atLeast(1)),
            "tag": .init(usage: "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", arity: .exactly(2)),
            "save": .init(usage: "save [OPTIONS] IMAGE [IMAGE...]", arity: .atLeast(1)),
            "load": .init(usage: "load [OPTIONS]", arity: .none),
            "import": .init(usage: "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]", arity: .between(1, 2)),
            "history": .init(usage: "history [OPTIONS] IMAGE", arity: .exactly(1)),
            "pull": .init(usage: "pull [OPTIONS] NAME[:TAG|@DIGEST]", arity: .exactly(1)),
            "version": .init(usage: "version [OPTIONS]", arity: .none),
            "info": .init(usage: "info [OPTIONS]", arity: .none),
        ]
        t["image ls"] = .init(usage: "image ls [OPTIONS] [REPOSITORY[:TAG]]", arity: .atMost(1))
        t["network create"] = .init(usage: "network create [OPTIONS] NETWORK", arity: .exactly(1))
        t["network ls"] = .init(usage: "network ls [OPTIONS]", arity: .none)
        t["network list"] = .init(usage: "network ls [OPTIONS]", arity: .none)
        t["network rm"] = .init(usage: "network rm NETWORK [NETWORK...]", arity: .atLeast(1))
        t["network remove"] = .init(usage: "network rm NETWORK [NETWORK...]", arity: .atLeast(1))
        t["network inspect"] = .init(usage: "network inspect [OPTIONS] NETWORK [NETWORK...]", arity: .atLeast(1))
        t["network connect"] = .init(usage: "network connect [OPTIONS] NETWORK CONTAINER", arity: .exactly(2))
        t["network disconnect"] = .init(usage: "network disconnect [OPTIONS] NETWORK CONTAINER", arity: .exactly(2))
        t["network prune"] = .init(usage: "network prune [OPTIONS]", arity: .none)
        t["image rm"] = .init(usage: "image rm [OPTIONS] IMAGE [IMAGE...]", arity: .atLeast(1))
        return t
    }()

    /// The key of a command line: "image ls" for a management command, else the command.
    static func key(_ args: [String]) -> String {
        let words = args.filter { !$0.hasPrefix("-") }
        guard let first = words.first else { return "" }
        if ["image", "container", "network", "system", "namespace", "lab"].contains(first), words.count > 1 {
            return first + " " + words[1]
        }
        return first
    }

    /// `docker: 'docker logs' requires 1 argument` and the rest, for a wrong number of arguments.
    func arityMessage(program: String, key: String) -> String {
        let what: String
        var verb = "Run"
        func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }
        switch arity {
        case .none: what = "accepts no arguments"
        case .exactly(let n): what = "requires \(n) \(plural(n))"
        case .atLeast(let n): what = "requires at least \(n) \(plural(n))"; verb = "See"
        case .atMost(let n): what = "requires at most \(n) \(plural(n))"
        case .between(let a, let b): what = "requires at least \(a) and at most \(b) arguments"
        }
        let cmd = key.isEmpty ? program : program + " " + key
        return "\(program): '\(cmd)' \(what)\n\nUsage:  \(program) \(usage)\n\n\(verb) '\(cmd) --help' for more information"
    }

    /// A flag error (`unknown flag: --bogus`) with the usage line, as cobra prints it.
    func flagMessage(_ error: String, program: String, key: String) -> String {
        let cmd = key.isEmpty ? program : program + " " + key
        return "\(error)\n\nUsage:  \(program) \(usage)\n\nRun '\(cmd) --help' for more information"
    }
}
