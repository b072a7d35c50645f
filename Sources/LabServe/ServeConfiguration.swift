import LabFormat

/// What `isolab lab serve` was asked for.
public struct ServeConfiguration: Sendable {
    /// The labs, in the order given (the index lists them so, `/lab/N` is the Nth).
    public var labs: [Lab]
    /// The address to bind; loopback unless the user said otherwise.
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var token: ServeToken
    /// isolab's own executable: the `docker` of lab steps and the terminal.
    public var isolab: String
    /// The folder holding `xterm.js` and `xterm.css` (bundled at set-up), nil when missing.
    public var xtermDirectory: String?
    /// `$HOME`: progress lives in `~/.isolab/walk`, shared with `lab walk --resume`.
    public var home: String
    /// The environment the server was started with (PATH, ISOLAB_ROOT…), for steps and the shell.
    public var environment: [String: String]
    /// The learner's shell for the terminal.
    public var shell: String

    public init(labs: [Lab], host: String, port: Int, token: ServeToken, isolab: String, xtermDirectory: String?,
                home: String, environment: [String: String], shell: String) {
        self.labs = labs; self.host = host; self.port = port; self.token = token; self.isolab = isolab
        self.xtermDirectory = xtermDirectory; self.home = home; self.environment = environment; self.shell = shell
    }

    /// Whether `host` is a loopback address (anything else needs `--host` and gets a warning).
    public static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
