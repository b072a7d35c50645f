import Foundation
import Testing

/// `isolab` links ContainerRuntime and DockerCLI only, and they import FoundationEssentials:
/// one `import Foundation` there would link all of Foundation and ICU's data into every start
/// again (twice the relocations and page faults; Docs/performance.md). The lab modules may.
@Suite struct FoundationImportTests {
    @Test func isolabsModulesImportFoundationEssentialsOnly() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources").path
        var offenders: [String] = []
        var checked = 0
        for module in ["ContainerRuntime", "DockerCLI", "isolab"] {
            let root = sources + "/" + module
            for file in try FileManager.default.subpathsOfDirectory(atPath: root) where file.hasSuffix(".swift") {
                checked += 1
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if words.count >= 2, words[0] == "import" || words.dropFirst().first == "import",
                       words.contains("Foundation") || words.contains(where: { $0.hasPrefix("Foundation.") }) {
                        offenders.append("\(module)/\(file): \(line)")
                    }
                }
            }
        }
        #expect(checked > 100)
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
