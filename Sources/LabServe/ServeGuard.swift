import Foundation
import HTTPTypes
import Hummingbird

/// The door of a server that hands out a root shell. Every request must name the server as it
/// was bound in `Host` (a DNS-rebinding page names its own domain), and carry the token: in the
/// URL once (`?token=…`, which sets an HttpOnly, SameSite=Strict session cookie and redirects to
/// the same page without it, so the token leaves the address bar and the history) or as that
/// cookie. A WebSocket upgrade must also come from a page of this server (`Origin`), since a
/// browser sends cookies with a cross-site WebSocket. No CORS header is ever sent, so no other
/// origin can read a response.
public struct ServeGuard<Context: RequestContext>: RouterMiddleware {
    let token: ServeToken
    /// The session cookie's value: random, not the token, so the token is never stored.
    let session: ServeToken
    /// `host:port` forms the browser may send in `Host` (and `Origin` as `http://` + one of them).
    let authorities: Set<String>
    let checkOrigin: Bool

    static var cookieName: String { "isolab_session" }

    public init(token: ServeToken, session: ServeToken, authorities: Set<String>, checkOrigin: Bool) {
        self.token = token; self.session = session; self.authorities = authorities; self.checkOrigin = checkOrigin
    }

    /// The authorities a server bound to `host:port` answers to.
    public static func authorities(host: String, port: Int) -> Set<String> {
        var names: Set<String> = [host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"]
        if ServeConfiguration.isLoopback(host) {
            names.formUnion(["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"])
        }
        return names
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        // HTTP/1's Host header arrives as the request's authority.
        guard let host = request.head.authority?.lowercased(), authorities.contains(host) else {
            return Self.forbidden("wrong Host")
        }
        if checkOrigin {
            guard let origin = request.headers[.origin]?.lowercased(), origin.hasPrefix("http://"),
                  authorities.contains(String(origin.dropFirst("http://".count))) else {
                return Self.forbidden("wrong Origin")
            }
        }
        if token.matches(request.uri.queryParameters.get("token")) {
            if checkOrigin { return try await next(request, context) }
            // Set the session and drop the token from the address.
            let path = request.uri.path.isEmpty ? "/" : request.uri.path
            return Response(status: .seeOther, headers: [
                .location: path,
                .setCookie: "\(Self.cookieName)=\(session.value); HttpOnly; SameSite=Strict; Path=/",
                .cacheControl: "no-store",
            ])
        }
        guard session.matches(Self.cookie(Self.cookieName, in: request.headers)) else {
            return Self.forbidden("no token")
        }
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[ServeHeaders.referrerPolicy] = "no-referrer"
        response.headers[ServeHeaders.frameOptions] = "DENY"
        response.headers[ServeHeaders.contentSecurityPolicy] = ServeHeaders.policy
        return response
    }

    static func forbidden(_ why: String) -> Response {
        Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: "403 Forbidden: \(why). Open the address isolab lab serve printed.\n")))
    }

    /// The value of cookie `name` in the request's `Cookie` headers.
    static func cookie(_ name: String, in headers: HTTPFields) -> String? {
        for field in headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return String(parts[1]).trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}
