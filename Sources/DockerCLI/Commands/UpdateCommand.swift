import ArgumentParser
import ContainerRuntime

/// `update [--cpus N] [-m SIZE] [--pids-limit N] ... CONTAINER...`: new limits, live.
public struct UpdateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "update", abstract: "Update configuration of one or more containers")
    public init() {}

    @Option(help: "Number of CPUs") var cpus: String?
    @Option(name: .customLong("cpu-quota"), help: "Limit CPU CFS quota") var cpuQuota: String?
    @Option(name: .customLong("cpu-period"), help: "Limit CPU CFS period") var cpuPeriod: String?
    @Option(name: .customLong("cpuset-cpus"), help: "CPUs in which to allow execution (0-3, 0,1)") var cpusetCpus: String?
    @Option(name: [.customShort("m"), .customLong("memory")], help: "Memory limit") var memory: String?
    @Option(name: .customLong("pids-limit"), help: "Tune container pids limit") var pidsLimit: String?
    @Argument var containers: [String]

    public func run() throws {
        guard cpus != nil || cpuQuota != nil || cpuPeriod != nil || cpusetCpus != nil || memory != nil || pidsLimit != nil else {
            throw RuntimeError(.invalidArgument, "you must provide one or more flags when using this command")
        }
        let given = try ResourceFlags.limits(cpus: cpus, cpuQuota: cpuQuota, cpuPeriod: cpuPeriod,
                                             cpusetCpus: cpusetCpus, memory: memory, pidsLimit: pidsLimit)
        let rt = IsolabMain.runtime()
        try ContainerBatch.each(containers) { c in
            try rt.updateLimits(c) { l in
                if cpus != nil { l.nanoCPUs = given.nanoCPUs; l.cpuQuota = 0 }
                if cpuQuota != nil { l.cpuQuota = given.cpuQuota; l.nanoCPUs = 0 }
                if cpuPeriod != nil { l.cpuPeriod = given.cpuPeriod }
                if cpusetCpus != nil { l.cpusetCpus = given.cpusetCpus }
                if memory != nil { l.memory = given.memory }
                if pidsLimit != nil { l.pidsLimit = given.pidsLimit }
            }
        }
    }
}
