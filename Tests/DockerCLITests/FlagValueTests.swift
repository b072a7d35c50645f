import ArgumentParser
import ContainerRuntime
import Foundation
import Testing
@testable import DockerCLI

/// Flag values are judged as Docker's CLI judges them, and no input traps.
struct FlagValueTests {
    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "accepted" } catch let e as RuntimeError {
            #expect(e.exitCode == 125)
            return e.message.components(separatedBy: "\n")[0]
        } catch { return "\(error)" }
    }

    @Test func int64IsGosParseIntWithBasePrefixes() throws {
        #expect(try FlagValue.int64("1000", flag: "--cpu-period") == 1000)
        #expect(try FlagValue.int64("-1", flag: "--pids-limit") == -1)
        #expect(try FlagValue.int64("+7", flag: "--pids-limit") == 7)
        #expect(try FlagValue.int64("0x10", flag: "--pids-limit") == 16)
        #expect(try FlagValue.int64("010", flag: "--pids-limit") == 8)
        #expect(try FlagValue.int64("0b11", flag: "--pids-limit") == 3)
        #expect(try FlagValue.int64("0x_1f", flag: "--pids-limit") == 31)
        #expect(try FlagValue.int64("-9223372036854775808", flag: "--cpu-quota") == Int64.min)
        #expect(try FlagValue.int64("9223372036854775807", flag: "--cpu-quota") == Int64.max)
        #expect(message { try FlagValue.int64("9223372036854775808", flag: "--cpu-period") } ==
                "invalid argument \"9223372036854775808\" for \"--cpu-period\" flag: strconv.ParseInt: parsing \"9223372036854775808\": value out of range")
        #expect(message { try FlagValue.int64(String(repeating: "9", count: 400), flag: "--cpu-period") }.hasSuffix(": value out of range"))
        for bad in ["", "-", "abc", "1_000", "0x", "1.5", "08", "1e3", " 1"] {
            #expect(message { try FlagValue.int64(bad, flag: "--cpu-quota") } ==
                    "invalid argument \"\(bad)\" for \"--cpu-quota\" flag: strconv.ParseInt: parsing \(FlagValue.goQuote(bad)): invalid syntax")
        }
    }

    @Test func cpusIsARationalTimesOneBillionThatMustBeWhole() throws {
        let cases: [(String, Int64)] = [("0.5", 500_000_000), ("1.5", 1_500_000_000), (".5", 500_000_000), ("5.", 5_000_000_000),
                                        ("0.0001", 100_000), ("0.000000001", 1), ("1.5e3", 1_500_000_000_000), ("2E-1", 200_000_000),
                                        ("0", 0), ("-0", 0), ("-1", -1_000_000_000), ("1/2", 500_000_000), ("-3/4", -750_000_000),
                                        ("1e300", Int64.max), ("-1e300", Int64.min), (String(repeating: "9", count: 400), Int64.max),
                                        ("0e99999999999999999999", 0), ("10000000000/1", Int64.max)]
        for (text, nano) in cases { #expect(try FlagValue.nanoCPUs(text) == nano, "\(text)") }
        for tooPrecise in ["1e-300", "0.0000000001", "1/3", "1e-10", "0." + String(repeating: "1", count: 400)] {
            #expect(message { try FlagValue.nanoCPUs(tooPrecise) } == "invalid argument \"\(tooPrecise)\" for \"--cpus\" flag: value is too precise")
        }
        for bad in ["", "half", "1/0", "1/-2", "inf", "nan", "0x1", "1e", "--1", "1.2.3", "1/2/3"] {
            #expect(message { try FlagValue.nanoCPUs(bad) } == "invalid argument \"\(bad)\" for \"--cpus\" flag: failed to parse \(bad) as a rational number")
        }
    }

    @Test func memoryIsGoUnitsRAMInBytesAndNeverOverflows() throws {
        let cases: [(String, Int64)] = [("1g", 1 << 30), ("512k", 512 << 10), ("64m", 64 << 20), ("64MiB", 64 << 20), ("64mb", 64 << 20),
                                        ("64 M", 64 << 20), ("1.5m", 1_572_864), ("1.1k", 1126), ("100", 100), ("100b", 100),
                                        ("0.5", 0), ("8191p", 8191 << 50), ("9223372036854775807", Int64.max), ("007k", 7 << 10)]
        for (text, bytes) in cases { #expect(try FlagValue.bytes(text, flag: "-m, --memory") == bytes, "\(text)") }
        for bad in ["9999999999g", "8192p", "9223372036854775808", "infg", "nan", "-1", "1e3", "1.2.3", "m", "", ".5m", "5.m", "1x", "1  m", "1gb2"] {
            #expect(message { try FlagValue.bytes(bad, flag: "-m, --memory") } == "invalid argument \"\(bad)\" for \"-m, --memory\" flag: invalid size: '\(bad)'")
        }
    }

    @Test func envNeedsANameBeforeItsEqualsSign() throws {
        #expect(try FlagValue.env("A=1") == "A=1")
        #expect(try FlagValue.env("A=") == "A=")
        #expect(try FlagValue.env("A") == "A")
        #expect(message { try FlagValue.env("=x") } == "invalid argument \"=x\" for \"-e, --env\" flag: invalid environment variable: =x")
        #expect(message { try FlagValue.env("") } == "invalid argument \"\" for \"-e, --env\" flag: invalid environment variable: ")
    }

    @Test func resourceFlagsParseEveryFlagAndLeaveRangesToTheDaemonChecks() throws {
        let l = try ResourceFlags.parse(["--cpus", "0.5", "--cpu-period", "50000", "--cpuset-cpus", "0", "-m", "64m", "--pids-limit", "10"]).limits()
        #expect(l.nanoCPUs == 500_000_000 && l.cpuPeriod == 50_000 && l.memory == 64 << 20 && l.pidsLimit == 10 && l.cpusetCpus == "0")
        // Out of range is the daemon's to say (ConfigValidator), not the flag's.
        #expect(try ResourceFlags.parse(["--cpus", "1000"]).limits().nanoCPUs == 1_000_000_000_000)
        #expect(Self.validationMessage(ResourceFlags.self, ["--cpu-quota", "x"])
                == "invalid argument \"x\" for \"--cpu-quota\" flag: strconv.ParseInt: parsing \"x\": invalid syntax")
        #expect(Self.validationMessage(ResourceFlags.self, ["-m", "1q"]) == "invalid argument \"1q\" for \"-m, --memory\" flag: invalid size: '1q'")
        #expect(try ResourceFlags.parse([]).isEmpty)
    }

    @Test func updateReplacesOneQuotaFormWithTheOther() throws {
        var l = ResourceLimits()
        l.cpuQuota = 20_000; l.memory = 64 << 20
        try ResourceFlags.parse(["--cpus", "1"]).apply(to: &l)
        #expect(l.nanoCPUs == 1_000_000_000 && l.cpuQuota == 0 && l.memory == 64 << 20)
        try ResourceFlags.parse(["--cpu-quota", "30000", "--pids-limit", "5"]).apply(to: &l)
        #expect(l.nanoCPUs == 0 && l.cpuQuota == 30_000 && l.pidsLimit == 5 && l.memory == 64 << 20)
    }

    @Test func processFlagsCheckTheEnvironmentSyntax() throws {
        let p = try ProcessFlags.parse(["-e", "A=1", "-u", "1000:1000", "-w", "/tmp", "-i", "-t"])
        #expect(try p.environment() == ["A=1"])
        #expect(p.user == "1000:1000" && p.workdir == "/tmp" && p.interactive && p.tty)
        #expect(Self.validationMessage(ProcessFlags.self, ["-e", "=x"]) == "invalid argument \"=x\" for \"-e, --env\" flag: invalid environment variable: =x")
    }

    /// What a group's validate() refused, as ArgumentParser reports it (IsolabMain shows it with
    /// the command's usage).
    static func validationMessage<T: ParsableArguments>(_ type: T.Type, _ args: [String]) -> String {
        do { _ = try T.parse(args); return "accepted" } catch { return T.message(for: error) }
    }
}

extension FlagValueTests {
    @Test func labelsAreValidatedAsDockersAre() throws {
        #expect(try RunCommand.parseLabels(["a=1", "b", "c="]) == ["a": "1", "b": "", "c": ""])
        #expect(message { try RunCommand.parseLabels(["=x"]) } == "invalid argument \"=x\" for \"-l, --label\" flag: invalid label '=x': empty name")
        #expect(message { try RunCommand.parseLabels(["a b=1"]) } == "invalid argument \"a b=1\" for \"-l, --label\" flag: label 'a b' contains whitespaces")
    }
}
