import ArgumentParser
import ContainerRuntime

/// `isolab image build busybox|debian`: (re)builds a built-in image and tags it `:latest`.
public struct ImageBuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build a built-in image: busybox (from busybox-static) or debian (debootstrap, cached)")

    @Argument(help: "busybox or debian") var name: String

    public init() {}

    public func validate() throws {
        guard ImageStore.builtinNames.contains(name) else {
            throw ValidationError("unknown built-in image \"\(name)\": isolab builds busybox and debian")
        }
    }

    public func run() throws {
        do {
            let image = try ImageCLI.store().build(name)
            ImageCLI.printLines(["Successfully built \(ImageDisplay.shortID(image.id))", "Successfully tagged \(name):latest"])
        } catch {
            throw ImageCLI.fail(error)
        }
    }
}
