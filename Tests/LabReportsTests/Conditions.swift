import Foundation

/// Named conditions for tests that need an outside program; they skip with a reason, never pass silently.
enum Conditions {
    /// junitparser (PyPI) importable by python3; scripts/test-setup-reports.sh installs it.
    static let hasJunitparser: Bool = {
        guard let python = Subprocess.which("python3") else { return false }
        return (try? Subprocess.run([python, "-c", "import junitparser"]).status) == 0
    }()

    /// Debian's `chromium` on PATH; scripts/test-setup-reports.sh installs it.
    static let hasChromium: Bool = Subprocess.which("chromium") != nil
}
