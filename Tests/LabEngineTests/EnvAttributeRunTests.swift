import Foundation
import Testing
import LabEngine
import LabFormat

/// `env=`: the block's commands see the variables; the next block does not.
@Suite struct EnvAttributeRunTests {
    @Test func aBlockSeesItsVariablesAndTheNextDoesNot() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            # T

            ```console {#transcript env="GREETING=\"hello there\" LANG=C.UTF-8"}
            $ echo "$GREETING / $LANG"
            hello there / C.UTF-8
            ```

            ```sh {#script env="MARK=@S@/from-script"}
            touch "$MARK"
            ```

            ```console {#next}
            $ echo "[${GREETING:-unset}] [${MARK:-unset}] $LANG"
            [unset] [unset] C
            ```

            ```sh {#check check env="WANT=2"}
            test "$WANT" = 2
            ```
            """#)
        #expect(result.block("transcript")?.status == .passed, "\(result.block("transcript")?.message ?? "")")
        #expect(result.block("script")?.status == .passed)
        #expect(h.exists("from-script"))
        #expect(result.block("next")?.status == .passed, "\(result.block("next")?.message ?? "")")
        #expect(result.block("check")?.score == 1)
    }

    /// Variables isolab sets for `docker` stay isolab's even for a block made without the parser.
    @Test func reservedVariablesStayIsolabs() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        var lab = try h.lab("# T\n\n```console {#ns}\n$ echo \"$ISOLAB_NAMESPACE\" | grep -c '^lab-'\n1\n```\n")
        lab.blocks[0].environment = ["ISOLAB_NAMESPACE": "elsewhere", "PATH": "/nowhere"]
        let results = LabRunner(host: h.host, options: LabRunOptions(environment: ["PATH": "/usr/bin:/bin"])).run([lab])
        #expect(results.labs.first?.block("ns")?.status == .passed, "\(results.labs.first?.block("ns")?.message ?? "")")
    }
}
