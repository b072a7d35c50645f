import ArgumentParser
import ContainerRuntime

/// The flags of `docker rmi` / `docker image rm`, and the removal: each image in turn; a failure is
/// reported and the rest still go.
public struct RmiOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Force removal of the image") var force = false
    @Flag(name: .customLong("no-prune"), help: "Do not delete untagged parents (isolab keeps none)") var noPrune = false
    @Argument(help: "IMAGE") var images: [String]

    public init() {}

    public func validate() throws {
        if images.isEmpty { throw ValidationError("Missing expected argument '<images>'") }
    }

    func run() throws {
        let context = RuntimeContext.fromEnvironment()
        let store = ImageStore(root: context.root)
        var failure: ExitCode?
        for image in images {
            do {
                ImageCLI.printLines(try store.remove(reference: image, force: force, isRunning: { ImageUsage.isRunning(context, $0) }) { ImageUsage.containerUsing(context, $0) })
            } catch {
                let exit = ImageCLI.fail(error)
                // `rmi -f` of an image that is not there: reported, not a failure (Docker's).
                if !(force && (error as? RuntimeError)?.kind == .notFound) { failure = exit }
            }
        }
        if let failure { throw failure }
    }
}
