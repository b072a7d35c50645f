
/// Greedy word wrap of styled spans to a width, painting each piece when colour is on. A word
/// wider than the line is cut; `\n` in a span is a forced break.
enum TerminalWrapper {
    /// One word: the pieces it is made of (`**bold**,` is a bold piece and a plain one).
    typealias Word = [TerminalSpan]

    static func wrap(_ spans: [TerminalSpan], width: Int, style: TerminalStyle) -> [String] {
        let width = max(width, 10)
        var lines: [String] = []
        // Paragraphs split at forced breaks, then words at spaces.
        var paragraphs: [[Word]] = [[]]
        var word: Word = []
        func endWord() {
            if !word.isEmpty { paragraphs[paragraphs.count - 1].append(word); word = [] }
        }
        for span in spans {
            var piece = ""
            for ch in span.text {
                if ch == " " || ch == "\t" || ch == "\n" {
                    if !piece.isEmpty { word.append(TerminalSpan(text: piece, look: span.look)); piece = "" }
                    endWord()
                    if ch == "\n" { paragraphs.append([]) }
                } else {
                    piece.append(ch)
                }
            }
            if !piece.isEmpty { word.append(TerminalSpan(text: piece, look: span.look)) }
        }
        endWord()

        for words in paragraphs {
            var line = ""
            var used = 0
            for word in words {
                for part in cut(word, width: width) {
                    let w = part.reduce(0) { $0 + $1.text.count }
                    if used > 0, used + 1 + w > width {
                        lines.append(line); line = ""; used = 0
                    }
                    if used > 0 { line += " "; used += 1 }
                    line += part.map { paint($0, style) }.joined()
                    used += w
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// A word no wider than `width`, or its pieces of `width` characters.
    static func cut(_ word: Word, width: Int) -> [Word] {
        let total = word.reduce(0) { $0 + $1.text.count }
        guard total > width else { return [word] }
        var parts: [Word] = [[]]
        var used = 0
        for span in word {
            var text = Substring(span.text)
            while !text.isEmpty {
                if used == width { parts.append([]); used = 0 }
                let take = text.prefix(width - used)
                parts[parts.count - 1].append(TerminalSpan(text: String(take), look: span.look))
                used += take.count
                text = text.dropFirst(take.count)
            }
        }
        return parts
    }

    static func paint(_ span: TerminalSpan, _ style: TerminalStyle) -> String {
        guard let sgr = span.sgr else { return span.text }
        return style.paint(span.text, sgr)
    }
}
