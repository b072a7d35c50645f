import CRuntime
extension ChildSpec {
    /// The container's seccomp setting for the C side: "seccomp" = "default", "unconfined" or,
    /// with a custom profile, "profile" and the profile's rules for this container's capabilities.
    /// The same for the container's first process and for `exec` (runc gives both the container's profile).
    mutating func addSeccomp(_ cfg: ContainerConfig) throws {
        guard cfg.seccompProfile == "custom" else { add(ISOLAB_SPEC_SECCOMP, cfg.seccompProfile); return }
        guard let profile = cfg.seccomp else {
            throw RuntimeError(.failed, "the container's config has a custom seccomp profile but no rules")
        }
        add(ISOLAB_SPEC_SECCOMP, "profile")
        for e in try profile.specEntries(bounding: cfg.capabilities.names, host: .current()) { add(e.key, e.value) }
    }
}
