import HTTPTypes

/// Response headers that HTTPTypes has no name for.
enum ServeHeaders {
    // Constant, valid field names: the initializer cannot fail on them.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!

    /// Scripts and connections from this server only: no inline script runs, so text
    /// of a lab or a command's output that slips into the page cannot act. (Inline styles are
    /// allowed: xterm.js writes its own, and a style cannot run code.)
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
        + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
}
