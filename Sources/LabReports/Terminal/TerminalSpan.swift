
/// A run of inline text with one look, before it is wrapped into terminal lines.
struct TerminalSpan: Equatable {
    struct Look: OptionSet, Equatable {
        let rawValue: Int
        static let bold = Look(rawValue: 1)
        static let italic = Look(rawValue: 2)
        static let code = Look(rawValue: 4)
        static let url = Look(rawValue: 8)
        static let heading = Look(rawValue: 16)
    }

    var text: String
    var look: Look

    /// SGR parameters for the look (`1;36`), or nil for plain text.
    var sgr: String? {
        var codes: [String] = []
        if look.contains(.bold) || look.contains(.heading) { codes.append("1") }
        if look.contains(.italic) { codes.append("3") }
        if look.contains(.code) { codes.append("36") }
        if look.contains(.url) { codes.append("2"); codes.append("4") }
        return codes.isEmpty ? nil : codes.joined(separator: ";")
    }
}
