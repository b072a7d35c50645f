/// isolab's version, in one place: `isolab --version`, `docker version` and `docker -v` (DockerCLI)
/// and the `tool` of every results file (LabEngine) read it here.
public enum IsolabVersion {
    public static let number = "0.1.0"

    /// `isolab 0.1.0`, as results files name the tool that wrote them.
    public static var toolName: String { "isolab \(number)" }
}
