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
        let rt = IsolabMain.runtime()
        var failure: ExitCode?
        for image in images {
            do {
                ImageCLI.printLines(try rt.removeImage(image, force: force))
            } catch {
                let exit = ImageCLI.fail(error)
                // `rmi -f` of an image that is not there: reported, not a failure (Docker's).
                if !(force && (error as? RuntimeError)?.isNotFound == true) { failure = exit }
            }
        }
        if let failure { throw failure }
    }
}
