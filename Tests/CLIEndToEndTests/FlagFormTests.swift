import Foundation
import Testing

/// pflag's flag forms that tutorials type: values attached to short flags, booleans with a
/// value, values starting with "-", `docker -v`.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct FlagFormTests {
    @Test func attachedValuesBooleansAndNegativeValues() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let out = try f.ok("docker run --rm -m64m -eB=2 -w/tmp busybox sh -c 'echo $B; pwd'")
        #expect(out == "2\n/tmp")
        #expect(try f.ok("docker run --rm --detach=false busybox echo foreground") == "foreground")
        let bad = try f.sh("docker run --rm --detach=maybe busybox true")
        #expect(bad.status == 125)
        #expect(bad.output.hasPrefix("invalid argument \"maybe\" for \"-d, --detach\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n\nUsage:  docker run"))
        // A negative value is the flag's value: its own check answers, not "flag needs an argument".
        let negative = try f.sh("docker run --rm --cpus -1 busybox true")
        #expect(negative.status == 125 && !negative.output.contains("needs an argument")
                && negative.output.contains("range of CPUs is from 0.01"), "\(negative.output)")
        try f.ok("docker run --name counted busybox seq 1 5")
        #expect(try f.ok("docker logs -n2 counted") == "4\n5")
        #expect(try f.ok("docker logs --tail=1 counted") == "5")
        // A cluster of booleans ending in a value flag.
        let id = try f.ok("docker run -dim64m --name clustered busybox sleep 3600")
        #expect(id.count == 64)
        #expect(try f.ok("docker inspect -f '{{.HostConfig.Memory}} {{.Config.OpenStdin}}' clustered") == "67108864 true")
        // After the image, everything is the command's, flags included.
        #expect(try f.ok("docker run --rm busybox echo -m64m") == "-m64m")
        #expect(try f.ok("docker -v").hasPrefix("Docker version "))
    }
}
