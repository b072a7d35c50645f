import Foundation
import Testing
@testable import ContainerRuntime

/// The small helpers that stand in for Foundation-only APIs (ContainerRuntime/Essentials), against
/// what Foundation itself gives.
@Suite struct EssentialsTests {
    /// NSString's answers (whose own path methods trap on some of these on Linux).
    @Test(arguments: [
        ("/a/b/c", "c", "/a/b"), ("/a/b/c/", "c", "/a/b"), ("a/b", "b", "a"), ("a", "a", ""), ("/a", "a", "/"),
        ("/", "/", "/"), ("", "", ""), ("//", "/", "/"), ("a//b//", "b", "a"), ("/a/b//c", "c", "/a/b"),
    ])
    func pathName(_ path: String, _ last: String, _ parent: String) {
        #expect(PathName.last(path) == last, "\(path)")
        #expect(PathName.parent(path) == parent, "\(path)")
    }

    @Test func cFormatMatchesStringFormat() {
        #expect(CFormat.string("%016llx", UInt64(0xdead_beef)) == String(format: "%016llx", UInt64(0xdead_beef)))
        #expect(CFormat.string("%02x:%08x", 7, UInt32(0xabc)) == "07:00000abc")
        #expect(CFormat.string("%.2f%%", 12.345) == "12.35%")
        #expect(CFormat.string("%.3g", 1234.5) == "1.23e+03")
        #expect(CFormat.string("%0300d-%d", 1, 3) == String(repeating: "0", count: 299) + "1-3")
    }

    @Test func trimming() {
        #expect(" \t a b \n".trimmingWhitespace() == "a b")
        #expect(" \t a b \n".trimmingSpaces() == "a b \n")
        #expect("\"x\"".trimming(["\""]) == "x")
        #expect("   ".trimmingWhitespace() == "")
        #expect(Substring("  x ").trimmingSpaces() == "x")
    }

    @Test func asciiAlphanumeric() {
        let yes = "aZ09".unicodeScalars.filter { $0.isASCIIAlphanumeric }.count
        let no = "-_. é".unicodeScalars.filter { $0.isASCIIAlphanumeric }.count
        #expect(yes == 4 && no == 0)
    }

    @Test(arguments: [
        ("2024-05-01T10:00:00Z", 1_714_557_600.0), ("2024-05-01T10:00:00.5Z", 1_714_557_600.5),
        ("2024-05-01T12:00:00+02:00", 1_714_557_600.0), ("1970-01-01T00:00:00Z", 0.0),
    ])
    func imageDatesParse(_ text: String, _ seconds: Double) {
        #expect(ImageDates.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["", "2024-05-01", "2024-13-01T00:00:00Z", "2024-05-01T10:00:00", "2024-05-01T10:00:00.Z",
                      "2024-05-01T10:00:00Zx", "x024-05-01T10:00:00Z", "2024-05-01T24:00:00Z"])
    func imageDatesRefuse(_ text: String) {
        #expect(ImageDates.parse(text) == nil, "\(text)")
    }

    @Test func imageDatesFormat() {
        #expect(ImageDates.format(Date(timeIntervalSince1970: 1_714_557_600)) == "2024-05-01T10:00:00Z")
        #expect(ImageDates.format(Date(timeIntervalSince1970: 0.25)) == "1970-01-01T00:00:00.250000000Z")
        for far in [1e300, -1e300, Double.nan, Double.infinity] {
            #expect(!ImageDates.format(Date(timeIntervalSince1970: far)).isEmpty)
        }
    }

    @Test func untypedJSONRoundTrip() throws {
        let value = try UntypedJSON.parse(Data(#"{"b":[1,2.5,"x/y",true,null],"a":{"c":false}}"#.utf8))
        let object = try #require(value as? [String: Any])
        let list = try #require(object["b"] as? [Any])
        #expect(list[0] as? Int == 1)
        #expect(list[1] as? Double == 2.5)
        #expect(list[3] as? Bool == true)
        #expect(list[4] is JSONNull)
        #expect(try String(decoding: UntypedJSON.encode(value), as: UTF8.self) == #"{"a":{"c":false},"b":[1,2.5,"x/y",true,null]}"#)
        #expect(throws: (any Error).self) { try UntypedJSON.parse(Data("{".utf8)) }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: (any Error).self) { try UntypedJSON.parse(Data(deep.utf8)) }
    }
}
