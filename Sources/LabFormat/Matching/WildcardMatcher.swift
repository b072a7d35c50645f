/// `*`/`[..]` (any text) and `?` (one character) matching, with backtracking on the last star.
enum WildcardMatcher {
    enum Token: Equatable {
        case character(Character)
        case anyCharacter
        case anyText
    }

    /// `*` any text, `?` one character; every other character, backslash included, is literal
    /// (the contract gives no escapes: `C:\dir\* (glob)` matches `C:\dir\file`).
    static func globTokens(_ glob: String) -> [Token] {
        glob.map { c in
            switch c {
            case "*": return .anyText
            case "?": return .anyCharacter
            default: return .character(c)
            }
        }
    }

    static func matches(_ tokens: [Token], _ text: String) -> Bool {
        let chars = Array(text)
        var t = 0, c = 0
        var star: Int? = nil, starChar = 0
        while c < chars.count {
            if t < tokens.count {
                switch tokens[t] {
                case .anyText:
                    star = t; starChar = c; t += 1; continue
                case .anyCharacter:
                    t += 1; c += 1; continue
                case .character(let expected) where expected == chars[c]:
                    t += 1; c += 1; continue
                default:
                    break
                }
            }
            guard let s = star else { return false }
            t = s + 1; starChar += 1; c = starChar
        }
        while t < tokens.count, tokens[t] == .anyText { t += 1 }
        return t == tokens.count
    }
}
