import Foundation
import Testing

/// Bad flag values through the real binary: Docker's message, exit 125, no trap, nothing left.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct FlagValidationTests {
    @Test func badValuesGetDockersMessagesAndExit125() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        let available = try String(contentsOfFile: "/sys/devices/system/cpu/online", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let daemon = "docker: Error response from daemon: "
        let cases: [(String, String)] = [
            ("--memory 9999999999g", "invalid argument \"9999999999g\" for \"-m, --memory\" flag: invalid size: '9999999999g'"),
            ("--memory=infg", "invalid argument \"infg\" for \"-m, --memory\" flag: invalid size: 'infg'"),
            ("--memory 1k", daemon + "Minimum memory limit allowed is 6MB."),
            ("--cpus 0.0001", daemon + "range of CPUs is from 0.01 to \(cpus).00, as there are only \(cpus) CPUs available."),
            ("--cpus=-1", daemon + "range of CPUs is from 0.01 to \(cpus).00, as there are only \(cpus) CPUs available."),
            ("--cpus 1e300", daemon + "range of CPUs is from 0.01 to \(cpus).00, as there are only \(cpus) CPUs available."),
            ("--cpus 1e-300", "invalid argument \"1e-300\" for \"--cpus\" flag: value is too precise"),
            ("--cpus half", "invalid argument \"half\" for \"--cpus\" flag: failed to parse half as a rational number"),
            ("--cpuset-cpus 99", daemon + "Requested CPUs are not available - requested 99, available: \(available)."),
            ("--cpuset-cpus 0-9223372036854775807", daemon + "Invalid value 0-9223372036854775807 for cpuset cpus: value of out range, maximum is 8192."),
            ("--cpu-period 1", daemon + "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)."),
            ("--cpu-period 99999999999999999999", "invalid argument \"99999999999999999999\" for \"--cpu-period\" flag: strconv.ParseInt: parsing \"99999999999999999999\": value out of range"),
            ("--cpu-quota 10", daemon + "CPU cfs quota can not be less than 1ms (i.e. 1000)."),
            ("--cpus 0.5 --cpu-quota 5000", daemon + "Conflicting options: Nano CPUs and CPU Quota cannot both be set."),
            ("--cpus 0.5 --cpu-period 50000", daemon + "Conflicting options: Nano CPUs and CPU Period cannot both be set."),
            ("--pids-limit 1.5", "invalid argument \"1.5\" for \"--pids-limit\" flag: strconv.ParseInt: parsing \"1.5\": invalid syntax"),
            ("-e =x", "invalid argument \"=x\" for \"-e, --env\" flag: invalid environment variable: =x"),
        ]
        for (flags, expected) in cases {
            let r = try f.sh("docker run --rm \(flags) busybox true")
            #expect(r.status == 125, "\(flags): \(r.output)")
            #expect(r.output.components(separatedBy: "\n").first == expected, "\(flags): \(r.output)")
        }
        #expect(try f.ok("docker ps -a -q") == "", "a refused run leaves no container")
        try f.ok("docker run -d --name target busybox sleep 3600")
        let exec = try f.sh("docker exec -e =y target true")
        // docker/cli prints a flag's bad value with the command's usage and exits 125, in exec too.
        #expect(exec.status == 125 && exec.output == "invalid argument \"=y\" for \"-e, --env\" flag: invalid environment variable: =y\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nRun 'docker exec --help' for more information\n", "\(exec.output)")
        // update shares run's resource flags, and shows its own usage.
        let update = try f.sh("docker update --memory 1e300 target")
        #expect(update.status == 125 && update.output.contains("invalid size: '1e300'\n\nUsage:  docker update [OPTIONS]"), "\(update.output)")
        try f.ok("docker rm -f target")
        // The good values still run.
        #expect(try f.ok("docker run --rm --cpus 0.5 --memory 64m --cpuset-cpus 0 --pids-limit 0x40 -e A=1 busybox sh -c 'echo $A'") == "1")
    }
}
