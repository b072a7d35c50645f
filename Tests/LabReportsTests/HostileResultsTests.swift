import Foundation
import Testing
@testable import LabReports
import LabResults

/// Results files edited by hand (or by an attacker) into numbers no run writes: each must be
/// refused on reading with the file and the field, and the reports must not trap even on
/// values that never went through a file.
@Suite struct HostileResultsTests {
    /// The sample run's JSON with `isolab.labs[lab].blocks[block].<keys>` replaced by the
    /// raw JSON text `value` (what JSONSerialization would not write, like `1e300` or `"NaN"`).
    static func results(setting keys: [String], in lab: Int = 1, block: Int? = 1, to value: String) throws -> String {
        let data = try JSONReport.data(SampleResults.run())
        var top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var isolab = try #require(top["isolab"] as? [String: Any])
        var labs = try #require(isolab["labs"] as? [[String: Any]])
        let marker = "@@HOSTILE@@"
        if let block {
            var blocks = try #require(labs[lab]["blocks"] as? [[String: Any]])
            blocks[block] = Self.set(keys, in: blocks[block], to: marker)
            labs[lab]["blocks"] = blocks
        } else {
            labs[lab] = Self.set(keys, in: labs[lab], to: marker)
        }
        isolab["labs"] = labs
        top["isolab"] = isolab
        let text = String(decoding: try JSONSerialization.data(withJSONObject: top), as: UTF8.self)
        return text.replacingOccurrences(of: "\"\(marker)\"", with: value)
    }

    private static func set(_ keys: [String], in object: [String: Any], to value: Any) -> [String: Any] {
        var object = object
        guard let key = keys.first else { return object }
        if keys.count == 1 {
            object[key] = value
        } else if let array = object[key] as? [[String: Any]], let index = Int(keys[1]) {
            var array = array
            array[index] = set(Array(keys.dropFirst(2)), in: array[index], to: value)
            object[key] = array
        } else if let inner = object[key] as? [String: Any] {
            object[key] = set(Array(keys.dropFirst()), in: inner, to: value)
        }
        return object
    }

    static func readError(_ json: String) throws -> String {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(json, "learner.json")
        let error = try #require(throws: ReportError.self) { try ReportFiles.readResults(path) }
        #expect(error.path == path)
        return error.reason
    }

    @Test(arguments: [
        ("\"Infinity\"", "inf"), ("\"NaN\"", "nan"), ("\"-Infinity\"", "-inf"), ("1e300", "1e+300"),
        ("18446744073709551616", "1.8446744073709552e+19"), ("-1", "-1"), ("2", "2"),
    ])
    func scoreOutOfRangeIsRefused(value: String, shown: String) throws {
        let reason = try Self.readError(try Self.results(setting: ["score"], to: value))
        #expect(reason == "at isolab.labs[1].blocks[1].score: \(shown) is out of range 0...1")
    }

    @Test func tinyMaxScoreIsRefusedAtTheScore() throws {
        let reason = try Self.readError(try Self.results(setting: ["max_score"], to: "1e-300"))
        #expect(reason == "at isolab.labs[1].blocks[1].score: 1 is out of range 0...1e-300")
    }

    @Test func hugeMaxScoreIsRefused() throws {
        let reason = try Self.readError(try Self.results(setting: ["max_score"], to: "1e300"))
        #expect(reason == "at isolab.labs[1].blocks[1].max_score: 1e+300 is out of range 0...10000")
    }

    @Test func hugeDurationsAreRefused() throws {
        #expect(try Self.readError(try Self.results(setting: ["duration"], block: nil, to: "1e19"))
                == "at isolab.labs[1].duration: 1e+19 is out of range 0...31622400")
        #expect(try Self.readError(try Self.results(setting: ["duration"], to: "1e19"))
                == "at isolab.labs[1].blocks[1].duration: 1e+19 is out of range 0...31622400")
        #expect(try Self.readError(try Self.results(setting: ["commands", "0", "duration"], to: "\"NaN\""))
                == "at isolab.labs[1].blocks[1].commands[0].duration: nan is out of range 0...31622400")
    }

    @Test func badMeasurementsAreRefused() throws {
        #expect(try Self.readError(try Self.results(setting: ["measure", "samples", "3", "cores"], in: 0, block: 4, to: "\"Infinity\""))
                == "at isolab.labs[0].blocks[4].measure.samples[3].cores: inf is out of range 0...65536")
        #expect(try Self.readError(try Self.results(setting: ["measure", "mean_cores"], in: 0, block: 4, to: "-0.5"))
                == "at isolab.labs[0].blocks[4].measure.mean_cores: -0.5 is out of range 0...65536")
    }

    @Test func negativeLinesAndAttemptsAreRefused() throws {
        #expect(try Self.readError(try Self.results(setting: ["line"], to: "-5"))
                == "at isolab.labs[1].blocks[1].line: -5 is out of range 0...2147483647")
        #expect(try Self.readError(try Self.results(setting: ["attempts"], to: "-1"))
                == "at isolab.labs[1].blocks[1].attempts: -1 is out of range 0...2147483647")
    }

    @Test func anIntegerTooLargeForIntIsRefused() throws {
        let reason = try Self.readError(try Self.results(setting: ["line"], to: "18446744073709551616"))
        #expect(!reason.isEmpty)
    }

    @Test func aLargeResultsFileIsRefusedWithoutReadingItAll() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(String(repeating: " ", count: 5000), "big.json")
        let error = try #require(throws: ReportError.self) { try ReportFiles.read(path, limit: 4096) }
        #expect(error.path == path)
        #expect(error.reason.hasPrefix("larger than "))
    }

    /// Values that never passed `validate` (a `RunResults` made in code) still render.
    @Test func reportsDoNotTrapOnExtremeValues() {
        var run = SampleResults.run()
        run.labs[1].blocks[1].score = 1
        run.labs[1].blocks[1].maxScore = 1e-300
        run.labs[1].duration = 1e19
        run.labs[0].blocks[0].duration = .infinity
        run.labs[0].blocks[2].score = .nan
        run.finishedAt = Date(timeIntervalSince1970: 1e15)
        run.labs[0].blocks[4].measure?.samples[0].t = 1e300
        run.labs[0].blocks[4].measure?.window = .nan
        #expect(!HTMLReport.html(run).isEmpty)
        #expect(!JUnitReport.xml(run).isEmpty)
        #expect(!Gradebook.csv([run]).isEmpty)
        #expect(!Gradebook.text([run]).isEmpty)
        #expect(!Gradebook.html([run]).isEmpty)
        #expect((try? JSONReport.data(run)) != nil)
    }

    @Test func formattingNeverTraps() {
        for value in [Double.infinity, -.infinity, .nan, 1e19, 1e300, -1e300, 9.3e18, Double(Int64.max), -0.0,
                      .leastNonzeroMagnitude, .greatestFiniteMagnitude] {
            _ = Points.text(value)
            _ = ReportFormat.seconds(value)
            _ = ReportFormat.duration(value)
            _ = ReportFormat.percent(1, of: value)
            _ = ReportFormat.percent(value, of: 1)
        }
        #expect(ReportFormat.duration(1e19) == "?")
        #expect(ReportFormat.percent(1, of: 1e-300) == "–")
        #expect(ReportFormat.percent(1, of: 2) == "50%")
    }
}
