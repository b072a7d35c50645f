import ArgumentParser
import ContainerRuntime

/// `isolab image build busybox|debian`: (re)builds a built-in image and tags it `:latest`.
public struct ImageBuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build a built-in image: busybox (upstream's default configuration, compiled once from Debian's source) or debian (debootstrap, cached)")

    @Argument(help: "busybox or debian") var name: String

    public init() {}

    public func validate() throws {
        guard ImageStore.builtinNames.contains(name) else {
            throw ValidationError("unknown built-in image \"\(name)\": isolab builds busybox and debian")
        }
    }

    public func run() throws {
        do {
            let store = ImageCLI.store()
            let image = try store.build(name)
            // The origin says whether busybox is upstream's configuration or Debian's fallback.
            let origin = (try? store.builtinOrigin(name)).flatMap { $0 }.map { ["\(name): \($0)"] } ?? []
            ImageCLI.printLines(origin + ["Successfully built \(ImageDisplay.shortID(image.id))", "Successfully tagged \(name):latest"])
        } catch {
            throw ImageCLI.fail(error)
        }
    }
}
