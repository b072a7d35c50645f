import DockerCLI
import Foundation
import RuntimeHost

// Invoked as `docker` (a symlink), isolab is its Docker-compatible CLI; as `isolab`, the same
// commands plus `lab`, `image build` and `namespace`.
labContainerHost = RuntimeContainerHost(isolabExecutable: IsolabMain.executablePath())
IsolabMain.run(arguments: CommandLine.arguments, root: IsolabCommand.self)
