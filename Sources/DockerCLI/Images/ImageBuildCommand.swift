import ArgumentParser
import ContainerRuntime

/// `isolab image build busybox|debian`: (re)builds a built-in image and tags it `:latest`.
public struct ImageBuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build a built-in image: busybox (upstream's default configuration, compiled once from Debian's source) or debian (debootstrap, cached)")

    @Argument(help: "busybox or debian") var name: String

    public init() {}

    public func validate() throws {
        guard Runtime.builtinImageNames.contains(name) else {
            throw ValidationError("unknown built-in image \"\(name)\": isolab builds busybox and debian")
        }
    }

    public func run() throws {
        do {
            let rt = IsolabMain.runtime()
            let image = try rt.buildImage(name)
            // The origin says whether busybox is upstream's configuration or Debian's fallback.
            let origin = (try? rt.builtinOrigin(name)).flatMap { $0 }.map { ["\(name): \($0)"] } ?? []
            ImageCLI.printLines(origin + ["Successfully built \(ImageDisplay.shortID(image.id))", "Successfully tagged \(name):latest"])
        } catch {
            throw ImageCLI.fail(error)
        }
    }
}
