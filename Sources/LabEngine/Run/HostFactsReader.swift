import Foundation
import LabResults
#if canImport(Glibc)
import Glibc
#endif

/// The facts about this machine that go into results.
enum HostFactsReader {
    static func read(host: ContainerHost) -> HostFacts {
        read(cgroupVersion: host.cgroupDescription(), busyboxImage: host.busyboxImageOrigin())
    }

    static func read(cgroupVersion: String, busyboxImage: String? = nil) -> HostFacts {
        var info = utsname()
        uname(&info)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return HostFacts(hostname: field(info.nodename), kernel: field(info.release),
                         cgroupVersion: cgroupVersion, architecture: field(info.machine), busyboxImage: busyboxImage)
    }
}
