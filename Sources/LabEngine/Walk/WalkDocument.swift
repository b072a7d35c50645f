import Foundation
import LabFormat

/// A lab cut into what the walk shows: the steps and checks in order, the Markdown prose before
/// each, the prose after the last, and each block's commands as a person would type them.
public struct WalkDocument: Sendable {
    public let lab: Lab
    /// Steps and checks in document order: what the learner walks through.
    public let blocks: [LabBlock]
    /// `prose[i]` is the Markdown between block `i - 1` (or the top) and block `i`;
    /// `prose[blocks.count]` is what follows the last block.
    public let prose: [String]

    public init(lab: Lab) {
        self.lab = lab
        blocks = lab.blocks.filter { $0.kind == .step || $0.kind == .check }
        let lines = lab.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cursor = 1
        var parts: [String] = []
        for block in blocks {
            parts.append(Self.slice(lines, from: cursor, to: block.location.line - 1))
            cursor = max(cursor, block.endLine + 1)
        }
        parts.append(Self.slice(lines, from: cursor, to: lines.count))
        prose = parts
    }

    /// Source lines `from...to` (1-based), joined. Hidden blocks stay in: the renderer leaves
    /// raw HTML out, and cutting them out of the Markdown could change how the rest parses.
    static func slice(_ lines: [String], from: Int, to: Int) -> String {
        guard from <= to, from >= 1 else { return "" }
        return lines[(from - 1)..<min(to, lines.count)].joined(separator: "\n")
    }

    /// The lines a person types for `block`: `$ ` before each command, `> ` before its
    /// continuation lines; a script's first line after `$ `, the rest after `> `. Never the
    /// fence, the attributes or the expected output.
    public static func typedLines(_ block: LabBlock) -> [String] {
        switch block.body {
        case .transcript(let commands):
            return commands.flatMap { typedLines(command: $0.command) }
        case .script(let script):
            var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
            return typedLines(command: lines.joined(separator: "\n"))
        }
    }

    /// One command's shell text as typed: `$ first line`, `> ` before each further line.
    public static func typedLines(command: String) -> [String] {
        command.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, line in
            (i == 0 ? "$ " : "> ") + line
        }
    }

    /// The lab's short name for the header: the title up to its first `:` (`Lab 4`), or the
    /// whole title when that is all there is.
    public var shortTitle: String {
        if let colon = lab.title.firstIndex(of: ":"), lab.title.distance(from: lab.title.startIndex, to: colon) <= 24 {
            let head = lab.title[..<colon].trimmingCharacters(in: .whitespaces)
            if !head.isEmpty { return head }
        }
        return lab.title
    }
}
