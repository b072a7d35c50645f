import DockerCLI
import Foundation
import RuntimeHost

// `isolab-lab`: what `isolab lab ...` execs (Sources/isolab/LabForwardCommand.swift). It keeps
// Docker's commands in its tree too, so it still works on its own when called by that name;
// the labs' `docker` is the small `isolab` (ISOLAB_SELF).
labContainerHost = RuntimeContainerHost(isolabExecutable: IsolabMain.executablePath())
IsolabMain.run(arguments: CommandLine.arguments, root: IsolabCommand.self)
