import Foundation
import Testing

/// `diff` (the writable layer's A/C/D) and `history` (the steps commit adds) as Docker's.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct DiffHistoryTests {
    @Test func diffListsTheWritableLayersChanges() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run --name changer busybox sh -c 'echo a > /new; echo b >> /etc/passwd; rm /bin/ls; mkdir -p /tmp/d; touch /tmp/d/f'")
        let diff = try f.ok("docker diff changer")
        #expect(diff == """
            C /bin
            D /bin/ls
            C /etc
            C /etc/passwd
            A /new
            C /tmp
            A /tmp/d
            A /tmp/d/f
            """, "\(diff)")
        try f.ok("docker create --name untouched busybox true")
        #expect(try f.ok("docker diff untouched") == "")
        #expect(try f.sh("docker diff nosuch").status == 1)
    }

    @Test func historyShowsTheCommittedStepOnTopOfItsBase() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run --name src busybox sh -c 'printf 12345 > /five'")
        let id = try f.ok("docker commit -m 'five bytes' src")
        defer { _ = try? f.sh("docker rmi -f \(id)") }
        let short = String(id.dropFirst("sha256:".count).prefix(12))
        let rows = try f.ok("docker history \(short)").split(separator: "\n")
        #expect(rows.first?.hasPrefix("IMAGE          CREATED ") == true, "\(rows)")
        #expect(rows.count >= 3)
        #expect(rows[1].hasPrefix(short + "   ") && rows[1].hasSuffix("five bytes"), "\(rows)")
        #expect(rows[1].contains("   5B  "), "the layer holds the five bytes: \(rows)")
        let base = try f.ok("docker images -q busybox")
        #expect(try f.ok("docker history -q \(short)").split(separator: "\n").first.map(String.init) == short)
        #expect(try f.ok("docker history -q \(short)").contains(base))
        let missing = try f.sh("docker history nosuch")
        #expect(missing.status == 1 && missing.output == "Error response from daemon: No such image: nosuch:latest\n")
    }
}
