import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Named conditions for the image tests.
enum ImageConditions {
    /// Whiteouts need mknod, opaque dirs need `trusted.*` xattrs, owners need chown: root.
    static var isRoot: Bool { geteuid() == 0 }
}
