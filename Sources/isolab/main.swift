import DockerCLI
import Foundation

// Invoked as `docker` (a symlink), isolab is its Docker-compatible CLI; as `isolab`, the same
// commands plus `lab`, `image build` and `namespace`.
labContainerHost = RuntimeContainerHost()
IsolabMain.run(arguments: CommandLine.arguments, root: IsolabCommand.self)
