import Foundation
import Testing

/// `isolab lab serve` in real headless Chromium, through Selenium: Tests/browser/serve_test.py
/// drives a learner's visit to Labs/01 (steps, terminal, a failed then passed exercise, a
/// reload) and tries the door (token, Host, Origin). It prints `N passed, M failed`.
@Suite(.enabled(if: E2EConditions.canRunContainers && ServeBrowserConditions.hasBrowser, ServeBrowserConditions.reason))
struct ServeBrowserTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aLearnersVisitToLab1AndTheDoor() throws {
        var env = ProcessInfo.processInfo.environment
        env["ISOLAB_ROOT"] = env["ISOLAB_TEST_ROOT"] ?? "/var/lib/isolab-test"
        let (text, status) = try TestProcess.run("/usr/bin/env", ["python3", Self.package.appendingPathComponent("Tests/browser/serve_test.py").path,
                                                 IsolabBinary.path, Self.package.appendingPathComponent("Labs/01-namespaces.md").path],
                                                 environment: env)
        #expect(status == 0, "\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
    }
}

/// What the browser test needs besides root and a built isolab.
enum ServeBrowserConditions {
    static let reason: Comment = "needs root, a built isolab, chromium-driver and python3's selenium (scripts/test-setup-reports.sh installs them)"
    static let hasBrowser: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import selenium, websocket"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()
}
