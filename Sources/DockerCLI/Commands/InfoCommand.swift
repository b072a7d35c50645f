import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `info`: cgroup version and driver, storage driver, kernel, and what isolab holds.
public struct InfoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "info", abstract: "Display system-wide information")
    public init() {}
    @Option(name: [.customShort("f"), .customLong("format")]) var format: String?

    public func run() throws {
        let rt = IsolabMain.runtime()
        let ctx = rt.context
        let containers = rt.containers()
        let images = (try? rt.imageList()) ?? []
        let cg = Runtime.cgroupDescription()
        // Whether busybox is upstream's default configuration or Debian's busybox-static (a fallback).
        let busybox = ((try? rt.builtinOrigin("busybox")) ?? nil) ?? "not built yet"
        let info: [String: Any] = [
            "Containers": containers.count, "ContainersRunning": containers.filter(\.isRunning).count,
            "ContainersStopped": containers.filter { !$0.isRunning }.count, "Images": images.count,
            "Driver": "overlay2", "CgroupDriver": "cgroupfs", "CgroupVersion": cg.hasPrefix("v2") ? "2" : "1",
            "KernelVersion": HostInfo.kernel(), "OperatingSystem": HostInfo.osName(), "NCPU": ProcessInfo.processInfo.activeProcessorCount,
            "MemTotal": ProcessInfo.processInfo.physicalMemory, "DockerRootDir": ctx.root, "Name": ProcessInfo.processInfo.hostName,
            "ServerVersion": VersionCommand.version, "Namespace": ctx.namespace, "BusyboxImage": busybox,
        ]
        if let f = format { print(try GoTemplate(f).render(info)); return }
        print("""
        Client: isolab \(VersionCommand.version)
        Server:
         Containers: \(containers.count)
          Running: \(containers.filter(\.isRunning).count)
          Stopped: \(containers.filter { !$0.isRunning }.count)
         Images: \(images.count)
         Server Version: \(VersionCommand.version) (isolab)
         Storage Driver: overlay2
         Cgroup Driver: cgroupfs
         Cgroup Version: \(cg.hasPrefix("v2") ? "2" : "1")
         Kernel Version: \(HostInfo.kernel())
         Operating System: \(HostInfo.osName())
         CPUs: \(ProcessInfo.processInfo.activeProcessorCount)
         Total Memory: \(CFormat.string("%.2f", Double(ProcessInfo.processInfo.physicalMemory) / 1073741824))GiB
         isolab Root Dir: \(ctx.root)
         isolab Namespace: \(ctx.namespace)
         isolab busybox Image: \(busybox)
        """)
    }
}
