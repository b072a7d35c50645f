import Foundation
import Testing

/// `isolab lab walk` as a learner meets it: in a terminal (a tmux window), driven by keys only,
/// read off the screen.
@Suite(.enabled(if: E2EConditions.canDriveWalk, E2EConditions.walkReason), .serialized)
struct WalkTmuxTests {
    static let smallLab = """
    # Walk fixture: a small lab

    Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey.

    > A *quoted* note with `inline code` and a [link](https://example.org/walk).

    <!-- lab:setup
    docker rm -f box 2>/dev/null; true
    -->

    ```console {#start timeout=60s}
    $ docker run -d --name box busybox sleep 3600
    [0-9a-f]{64} (re)
    $ docker exec box date +%s
    [0-9]+ (re)
    ```

    This one takes long; Ctrl-C stops it.

    ```sh {#slow timeout=60s}
    echo slow-started; sleep 50; echo never-printed
    ```

    Create the file `/done` in container `box`.

    ```sh {check #done points=3 hint="docker exec box touch /done"}
    docker exec box test -f /done || { echo "FAIL: /done is missing in box"; exit 1; }
    ```

    <!-- lab:solution for=#done
    docker exec box touch /done
    -->

    <!-- lab:cleanup
    docker rm -f box 2>/dev/null; true
    -->
    """

    /// Nothing of the lab's source syntax on the screen: no fence, no attribute list. (Expected
    /// lines do appear, in the diff of a failed step, as `lab run` shows them.)
    static func expectNoSource(_ screen: String) {
        for line in screen.split(separator: "\n") {
            #expect(!line.hasPrefix("```"), "a fence on the screen: \(line)")
            #expect(!line.contains("{#"), "attributes on the screen: \(line)")
        }
    }

    /// Greedy word wrap, as a reader would do it by hand.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }

    @Test func lab4IsReadRunFailedDoneInTheShellAndPassed() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let lab = try String(contentsOf: repo.appendingPathComponent("Labs/04-capabilities.md"), encoding: .utf8)
        let f = try WalkFixture(lab: lab)
        defer { f.close() }
        let w = try f.walk()
        _ = try f.learnNamespace(w)
        try w.wait(for: "Lab 4 · step 1/6 · 0/2 points")
        try w.wait(for: "› Enter run")
        for (i, id) in ["start", "chown-refused", "chown-allowed", "capeff-default", "capeff-no-chown"].enumerated() {
            try w.send("Enter")
            try w.wait(for: "✓ \(id)")
            try w.wait(for: "step \(i + 2)/6")
        }
        var screen = try w.wait(for: "Exercise minimal · 2 points")
        // The commands as typed, their real output (container ids are in no lab file).
        #expect(screen.contains("$ docker run -d --name container1 busybox sleep 3600"))
        #expect(screen.firstMatch(of: try Regex("\\n[0-9a-f]{64}\\n")) != nil, "a container id: \(screen)")
        #expect(screen.contains("CapEff:\t00000000a80425fa") || screen.contains("CapEff: 00000000a80425fa"))
        #expect(screen.contains("export PATH=") && screen.contains("ISOLAB_NAMESPACE=\(f.namespace ?? "?")"))
        // Hidden blocks stay hidden: no setup command, no solution.
        #expect(!screen.contains("2>/dev/null; true"))
        #expect(!screen.contains("--cap-add CHOWN busybox"))

        try w.send("Enter")
        screen = try w.wait(for: "✗ minimal")
        try w.wait(for: "hint: --cap-drop ALL removes every capability")
        #expect(screen.contains("+++ actual"), "the diff as lab run shows it")

        try w.send("!")
        try w.wait(for: "(isolab \(f.namespace ?? "?"))")
        try w.send("docker run -d --name minimal --cap-drop ALL --cap-add CHOWN busybox sleep 3600", literal: true)
        try w.send("Enter")
        try w.wait(for: "(isolab \(f.namespace ?? "?"))", count: 2)
        try w.send("exit", literal: true)
        try w.send("Enter")
        screen = try w.wait(for: "✓ minimal")
        try w.wait(for: "Score: 2/2 points")
        try w.wait(for: "Results: \(f.home)/.isolab/walk/")
        try w.send("n")
        screen = try w.wait(for: "WALK-EXIT=0")
        try w.wait(for: "TTY-RESTORED")
        Self.expectNoSource(screen)
        // The end ran the cleanup and removed the walk's namespace.
        #expect(try f.leftovers(ids: []) == [])
    }

    @Test func smallLabFailsQuitsKeepingResumesAndQuitsRemovingEverything() throws {
        let f = try WalkFixture(lab: Self.smallLab)
        defer { f.close() }
        var w = try f.walk(width: 100, height: 45)
        _ = try f.learnNamespace(w)
        try w.wait(for: "Walk fixture · step 1/3 · 0/3 points")
        var screen = try w.wait(for: "› Enter run")
        let paragraph = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey."
        #expect(screen.contains("│ A quoted note with inline code and a link (https://example.org/walk)."))

        // A narrower window re-wraps the prose to its width (the old lines scroll away).
        try w.resize(width: 40, height: 45)
        let narrow = Self.wrap(paragraph, width: 40)
        try w.wait(for: narrow[1])
        var visible = try w.visibleScreen()
        let lines = visible.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for expected in narrow { #expect(lines.contains(expected), "\(expected) after the resize:\n\(visible)") }
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(visible.contains("› Enter run"))
        // And a wider one again, before the next key (so the redraw does not land after it).
        try w.resize(width: 100, height: 45)
        let wide = Self.wrap(paragraph, width: 100)
        let deadline = Date().addingTimeInterval(30)
        repeat {
            visible = try w.visibleScreen()
            if visible.contains(wide[0] + "\n") { break }
            usleep(200_000)
        } while Date() < deadline
        #expect(visible.contains(wide[0] + "\n"), "re-wrapped at 100:\n\(visible)")

        try w.send("Enter")
        screen = try w.wait(for: "✓ start")
        // The date the step printed: output the lab file does not contain.
        #expect(screen.firstMatch(of: try Regex("\\n[0-9]{10}\\n")) != nil, "the step's real output: \(screen)")

        // Ctrl-C stops the running step, not the walk.
        try w.wait(for: "step 2/3")
        try w.send("Enter")
        try w.wait(for: "slow-started")
        try w.wait(for: "running")
        try w.send("C-c")
        screen = try w.wait(for: "Interrupted: slow was stopped; the walk goes on.")
        #expect(!screen.split(separator: "\n").contains("never-printed"))
        try w.send("s")

        // The exercise fails with its FAIL: line and hint.
        try w.wait(for: "Exercise done · 3 points")
        try w.send("Enter")
        try w.wait(for: "FAIL: /done is missing in box")
        try w.wait(for: "hint: docker exec box touch /done")

        // q, keep: the container stays and the walk says so.
        try w.send("q")
        try w.wait(for: "Quit: r remove the lab's containers · k keep them for --resume")
        try w.send("k")
        screen = try w.wait(for: "WALK-EXIT=1")
        #expect(screen.contains("Kept in namespace \(f.namespace ?? "?"): box"))
        let ids = try f.sh("docker ps -aq --no-trunc").split(separator: "\n").map(String.init)
        #expect(ids.count == 1, "box is still there: \(ids)")
        Self.expectNoSource(screen)

        // --resume comes back at the exercise; a second failure offers the solution.
        w = try f.walk("--resume")
        try w.wait(for: "Resuming at done")
        try w.wait(for: "Walk fixture · step 3/3 · 0/3 points")
        try w.send("Enter")
        try w.wait(for: "FAIL: /done is missing in box")
        try w.wait(for: "? show the solution")
        try w.send("?")
        try w.wait(for: "Solution")
        screen = try w.wait(for: "$ docker exec box touch /done")

        // q, remove: nothing of the walk is left.
        try w.send("q")
        try w.wait(for: "Quit: r remove")
        try w.send("r")
        screen = try w.wait(for: "WALK-EXIT=1")
        try w.wait(for: "TTY-RESTORED")
        #expect(screen.contains("Removed; nothing of this walk is left running."))
        #expect(try f.leftovers(ids: ids) == [])
        Self.expectNoSource(screen)

        // The results say the solution was shown; --reset forgets the progress.
        let results = try f.sh("cat \(f.home)/.isolab/walk/*.results.json")
        #expect(results.contains("\"solution_shown\" : true"), "\(results)")
        let reset = try f.sh("cd \(f.dir) && HOME=\(f.home) isolab lab walk --reset lab.md; ls \(f.home)/.isolab/walk")
        #expect(reset.contains("Reset lab.md"), "\(reset)")
        #expect(!reset.contains(".json"), "progress and results removed: \(reset)")
    }

    @Test func sigtermSavesKeepsTheContainersAndGivesTheTerminalBack() throws {
        let f = try WalkFixture(lab: Self.smallLab)
        defer { f.close() }
        let w = try f.walk()
        _ = try f.learnNamespace(w)
        try w.wait(for: "› Enter run")
        try w.send("Enter")
        try w.wait(for: "✓ start")
        try w.wait(for: "Step slow")
        _ = try f.sh("kill -TERM \(try w.commandPID())")
        let screen = try w.wait(for: "WALK-EXIT=143")
        try w.wait(for: "TTY-RESTORED")
        #expect(screen.contains("Terminated: progress saved, containers kept"))
        #expect(try f.sh("docker ps -q").split(separator: "\n").count == 1, "box stays for --resume")
        let reset = try f.sh("cd \(f.dir) && HOME=\(f.home) isolab lab walk --reset lab.md")
        #expect(reset.contains("Reset lab.md: progress and containers"), "\(reset)")
        #expect(try f.leftovers(ids: []) == [])
    }
}
