import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import LabEngine
import LabReports
import Logging
import NIOCore
import ServiceLifecycle

/// `isolab lab serve`: the labs' pages, their step sockets and their terminals, behind
/// `ServeGuard`.
public final class ServeServer: @unchecked Sendable {
    let configuration: ServeConfiguration
    let hubs: [LabHub]
    let terminals = TerminalSessions()
    let session = ServeToken()
    /// The port the server is listening on, once it is (the configuration may ask for 0).
    private let lock = NSLock()
    private var boundPort: Int?

    public init(configuration: ServeConfiguration, host: ContainerHost) throws {
        self.configuration = configuration
        hubs = try configuration.labs.enumerated().map { try LabHub(index: $0.offset, lab: $0.element, host: host, configuration: configuration) }
    }

    public var port: Int? { lock.withLock { boundPort } }

    /// Serves until SIGINT or SIGTERM; `started` gets the port once the server listens.
    public func run(started: @escaping @Sendable (Int) -> Void) async throws {
        let port = configuration.port
        // A server bound to port 0 learns its port only once it listens, but the guard must know
        // it to check Host and Origin: it reads it then.
        let authorities = AuthorityBox()
        let router = Router()
        router.add(middleware: LiveGuard<BasicRequestContext>(box: authorities, token: configuration.token, session: session, checkOrigin: false))
        addRoutes(router)

        let sockets = Router(context: BasicWebSocketRequestContext.self)
        sockets.add(middleware: LiveGuard<BasicWebSocketRequestContext>(box: authorities, token: configuration.token, session: session, checkOrigin: true))
        addSockets(sockets)

        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: sockets, configuration: .init(maxFrameSize: 1 << 20)),
            configuration: .init(address: .hostname(configuration.host, port: port), serverName: nil),
            onServerRunning: { [self] channel in
                let bound = channel.localAddress?.port ?? port
                authorities.set(ServeGuard<BasicRequestContext>.authorities(host: configuration.host, port: bound))
                lock.withLock { boundPort = bound }
                started(bound)
            },
            logger: Self.quietLogger())
        try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
        terminals.endAll()
    }

    static func quietLogger() -> Logger {
        var logger = Logger(label: "isolab-serve")
        logger.logLevel = .error
        return logger
    }

    /// Ends every shell and the labs' sessions (background blocks, scratch folders).
    public func finish() {
        terminals.endAll()
        for hub in hubs { hub.finish() }
    }

    /// Each lab's namespace and the containers left in it.
    public func remainingContainers() -> [(namespace: String, containers: [String])] {
        hubs.map { ($0.namespace, $0.containerNames()) }
    }

    /// Runs each lab's cleanup (`--cleanup-on-exit`); the failures, as text.
    public func cleanUp() -> [String] {
        hubs.flatMap { hub in
            hub.removeContainers().filter { $0.status != .passed }.map { "\(hub.lab.path): \($0.id): \($0.message ?? "failed")" }
        }
    }

    // MARK: - Pages

    private func hub(_ context: some RequestContext) throws -> LabHub {
        guard let hub = hub(context.parameters) else { throw HTTPError(.notFound) }
        return hub
    }

    /// The lab a path's `:lab` names, nil when it names none.
    private func hub(_ parameters: Parameters) -> LabHub? {
        guard let text = parameters.get("lab"), let index = Int(text), hubs.indices.contains(index) else { return nil }
        return hubs[index]
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func file(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func addRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/") { [self] _, _ in Self.html(ServePage.index(hubs)) }
        router.get("/lab/:lab") { [self] _, context in
            Self.html(ServePage.lab(try hub(context), terminalAvailable: xterm("xterm.js") != nil))
        }
        router.get("/lab/:lab/report") { [self] _, context in Self.html(HTMLReport.html(try hub(context).results())) }
        router.get("/lab/:lab/results.json") { [self] _, context in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(bytes: try JSONReport.data(try hub(context).results()))))
        }
        router.get("/assets/serve.js") { _, _ in Self.file(ServeAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/assets/serve.css") { _, _ in Self.file(ServeAssets.style, type: "text/css; charset=utf-8") }
        router.get("/assets/report.css") { _, _ in Self.file(HTMLPage.css, type: "text/css; charset=utf-8") }
        router.get("/assets/xterm.js") { [self] _, _ in
            guard let text = xterm("xterm.js") else { throw HTTPError(.notFound) }
            return Self.file(text, type: "text/javascript; charset=utf-8")
        }
        router.get("/assets/xterm.css") { [self] _, _ in
            guard let text = xterm("xterm.css") else { throw HTTPError(.notFound) }
            return Self.file(text, type: "text/css; charset=utf-8")
        }
    }

    /// A file of the xterm.js bundle made at set-up (a few hundred KB, read with a limit).
    private func xterm(_ name: String) -> String? {
        guard let directory = configuration.xtermDirectory,
              let handle = FileHandle(forReadingAtPath: directory + "/" + name) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 8 << 20), data.count < 8 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Sockets

    private func addSockets(_ router: Router<BasicWebSocketRequestContext>) {
        router.ws("/ws/lab/:lab") { [self] _, context in
            _ = try hub(context)
            return .upgrade([:])
        } onUpgrade: { [self] inbound, outbound, context in
            guard let hub = hub(context.requestContext.parameters) else { return }
            let (id, stream) = hub.subscribe()
            defer { hub.unsubscribe(id) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in stream { try await outbound.write(.text(event)) }
                }
                for try await message in inbound.messages(maxSize: 64 << 10) {
                    guard case .text(let text) = message,
                          let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                          let action = object["action"] as? String, let step = object["step"] as? String else { continue }
                    hub.perform(action: action, step: step)
                }
                hub.unsubscribe(id)
                group.cancelAll()
            }
        }

        router.ws("/ws/terminal/:lab") { [self] _, context in
            _ = try hub(context)
            return .upgrade([:])
        } onUpgrade: { [self] inbound, outbound, context in
            guard let hub = hub(context.requestContext.parameters) else { return }
            let shell = InteractiveShell(shell: configuration.shell, environment: configuration.environment,
                                         namespace: hub.namespace, binDirectory: hub.driver.stepper.binDirectory,
                                         scratch: hub.driver.stepper.scratchDirectory, rcName: "serve-bashrc", bannerHint: "")
            let terminal: PseudoTerminal
            do {
                var (argv, environment) = try shell.command()
                environment["TERM"] = "xterm-256color"
                terminal = try PseudoTerminal(argv: argv, environment: environment,
                                              directory: configuration.environment["HOME"] ?? "/", columns: 80, rows: 24)
            } catch {
                try await outbound.write(.text("isolab: cannot start the shell: \(error)\r\n"))
                return
            }
            let id = terminals.add(terminal)
            defer { terminals.end(id) }
            // The pty is read on a thread of its own (a blocking read); its chunks go out in order.
            let (chunks, continuation) = AsyncStream<[UInt8]>.makeStream()
            let reader = Thread {
                while true {
                    let bytes = terminal.read()
                    if bytes.isEmpty { break }
                    continuation.yield(bytes)
                }
                continuation.finish()
            }
            reader.start()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await bytes in chunks { try await outbound.write(.binary(ByteBuffer(bytes: bytes))) }
                    try? await outbound.close(.normalClosure, reason: "the shell ended")
                }
                for try await message in inbound.messages(maxSize: 64 << 10) {
                    switch message {
                    case .binary(let buffer):
                        terminal.write(Array(buffer.readableBytesView))
                    case .text(let text):
                        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                           object["type"] as? String == "resize",
                           let columns = object["cols"] as? Int, let rows = object["rows"] as? Int {
                            terminal.resize(columns: columns, rows: rows)
                        }
                    }
                }
                // The page went away: its shell goes with it.
                terminals.end(id)
                group.cancelAll()
            }
        }
    }
}

/// The guard, with the authorities filled in once the server listens.
struct LiveGuard<Context: RequestContext>: RouterMiddleware {
    let box: AuthorityBox
    let token: ServeToken
    let session: ServeToken
    let checkOrigin: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await ServeGuard<Context>(token: token, session: session, authorities: box.get(), checkOrigin: checkOrigin)
            .handle(request, context: context, next: next)
    }
}

/// The `host:port` names of the server, known once it listens.
final class AuthorityBox: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []
    func set(_ value: Set<String>) { lock.withLock { names = value } }
    func get() -> Set<String> { lock.withLock { names } }
}
