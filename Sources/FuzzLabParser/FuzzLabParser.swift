import Foundation
import LabFormat
import LabReports
import LabResults

/// libFuzzer's entry: one input, as a lab file and as a results file. Every input must come
/// back with a value or an error, never a trap, a hang or a stack overflow.
///   - the lab parser and validation (cmark, attributes, transcripts, hidden blocks);
///   - for a valid lab, each transcript's expected lines matched against their own text (the
///     matcher, wildcards, `...`; a `(re)` line is matched as its literal text, as an author's
///     regular expression may be as slow as the author makes it);
///   - the results reader and, for a results file that reads, the HTML report and gradebook.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLabParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    FuzzLabParser.run(Array(bytes))
    return 0
}

enum FuzzLabParser {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let lab = try? LabParser.parse(source: text, path: "fuzz.md") {
            for block in lab.blocks {
                guard case .transcript(let commands) = block.body else { continue }
                for command in commands {
                    let expected = command.expected.map { line -> ExpectedLine in
                        if case .regex = line.pattern { return ExpectedLine(pattern: .literal(line.text), text: line.text, line: line.line) }
                        return line
                    }
                    _ = TranscriptMatcher.match(expected, expected.map(\.text))
                    _ = TranscriptDiff.render(command, actual: OutputCleaner.lines(text).prefix(50).map { $0 },
                                              status: 1, location: "fuzz.md:\(command.line)")
                }
            }
        }
        _ = TerminalText.visible(text)
        if bytes.first == UInt8(ascii: "{"), let results = try? JSONReport.read(Data(bytes)) {
            _ = HTMLReport.html(results)
            _ = Gradebook.csv([results])
            _ = Gradebook.text([results])
        }
    }

    /// A seed corpus: the shipped labs and the test fixtures, and small versions of inputs that
    /// once crashed or were slow (issue 9), each in its own file.
    static func writeSeeds(to directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // This file is Sources/FuzzLabParser/FuzzLabParser.swift: the repository is three components up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var count = 0
        func put(_ name: String, _ data: Data) throws {
            try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
            count += 1
        }
        for folder in ["Labs", "Tests/LabFormatTests/Fixtures"] {
            let dir = root.appendingPathComponent(folder)
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".md") {
                try put(folder.replacingOccurrences(of: "/", with: "-") + "-" + name,
                        try Data(contentsOf: dir.appendingPathComponent(name)))
            }
        }
        let crafted: [(String, String)] = [
            ("cr-only.md", "# T\r```sh {#a check points=2}\rtrue\r```\r<!-- lab:setup\rx\r-->\r"),
            ("crlf.md", "# T\r\n```console {#b timeout=2s}\r\n$ echo a\r\na\r\n[1]\r\n```\r\n"),
            ("emphasis.md", "# " + String(repeating: "**", count: 50) + "a" + String(repeating: "**", count: 50) + "\n"),
            ("attributes.md", "```sh {" + String(repeating: "a=b ", count: 20) + "hint=\"x\\\"y\"}\ntrue\n```\n"),
            ("nested.md", String(repeating: "<!-- lab:setup\n", count: 5) + "-->\n"),
            ("inline.md", "text <!-- lab:setup\necho a --> more <!-- lab:cleanup -->\n\n> <!-- lab:solution for=#c -->\n"),
            ("numbers.md", "```sh {#c check points=99999999999999999999 timeout=25h retry=0.5ms}\ntrue\n```\n"
                + "```sh {measure=cpu:c window=2s expect-cores=0.4..0.6}\ntrue\n```\n"),
            ("patterns.md", "```console {#p}\n$ ls\n...\nfile[..].txt\n*.md (glob)\nid: (?<cid>[0-9a-f]+) (re)\n[2]\n```\n"),
        ]
        for (name, text) in crafted { try put(name, Data(text.utf8)) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let block = BlockResult(id: "c", kind: .check, language: "sh", line: 3, column: 1, status: .failed,
                                duration: 0.5, attempts: 1,
                                commands: [CommandResult(command: "true", line: 4, expected: "a", expectedStatus: 0,
                                                         actual: "b\u{1B}]0;x\u{07}", exitStatus: 1, duration: 0.1,
                                                         matched: false, diff: "-a\n+b", timedOut: false)],
                                score: 0.5, maxScore: 2, reason: .text("FAIL: no"), hint: "try", background: false,
                                measure: CPUMeasurement(container: "c1", window: 1, expectLow: 0.5, expectHigh: 1,
                                                        samples: [CPUSample(t: 0.6, cores: 0.9)], meanCores: 0.9))
        let lab = LabResult(path: "l.md", title: "L", markdown: crafted[0].1 + crafted[6].1, status: .failed, error: nil,
                            duration: 1, blocks: [block], namespace: "lab-1")
        let results = RunResults(tool: "isolab", mode: .run, learner: "=cmd", startedAt: now, finishedAt: now,
                                 host: HostFacts(hostname: "h", kernel: "k", cgroupVersion: "v2", architecture: "x"),
                                 labs: [lab])
        try put("results.json", try JSONReport.data(results))
        print("wrote \(count) seeds to \(directory)")
    }
}

#if FUZZING
/// libFuzzer's driver (in the runtime `-sanitize=fuzzer` links). SwiftPM names an executable's
/// entry point after its target, so libFuzzer's own `main` is not the one that runs: this is.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct FuzzLabParserMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzLabParser))
    }
}
#else
/// Without libFuzzer: `FuzzLabParser FILE...` runs each file through the same checks (to replay a
/// crash libFuzzer found), `FuzzLabParser --seeds DIR` writes the seed corpus.
@main
struct FuzzLabParserMain {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--seeds", arguments.count == 2 {
            try FuzzLabParser.writeSeeds(to: arguments[1])
            return
        }
        guard !arguments.isEmpty else {
            try? FileHandle.standardError.write(contentsOf: Data("usage: FuzzLabParser FILE... | FuzzLabParser --seeds DIR\n".utf8))
            exit(2)
        }
        for path in arguments {
            FuzzLabParser.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("\(path): ok")
        }
    }
}
#endif
