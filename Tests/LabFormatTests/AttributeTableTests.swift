import Foundation
import Testing
@testable import LabFormat

/// The attribute table is the one list of attributes: names are unique, and each has its row in
/// the authors' table of Docs/writing-labs.md (a new attribute is one entry, and documented).
@Suite struct AttributeTableTests {
    static let guide = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Docs/writing-labs.md").path

    @Test func namesAreUniqueAndNoneIsAKindWord() {
        let names = BlockAttribute.table.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { LabBlockKind(rawValue: $0) == nil && !$0.hasPrefix("#") })
    }

    @Test func everyAttributeHasARowInTheGuide() throws {
        let text = try String(contentsOfFile: Self.guide, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        for attribute in BlockAttribute.table {
            let written = attribute.value == .none ? "| `\(attribute.name)`" : "| `\(attribute.name)="
            #expect(rows.contains { $0.hasPrefix(written) }, "Docs/writing-labs.md has no row for \(attribute.name)")
        }
    }
}
