import ArgumentParser
import LabEngine
import LabFormat

extension LabReportOptions {
    /// The labs that can run, or, when one is invalid, the reports saying why and exit 2: a
    /// grader gets a results file even for a lab that never ran.
    func validLabsOrExit(_ loaded: [LoadedLab], options: LabRunOptions, host: ContainerHost?) throws -> [Lab] {
        guard let labs = LabPaths.validLabs(loaded) else {
            _ = write(LabRunner.results(LabPaths.unrunResults(loaded), options: options, host: host))
            throw ExitCode(2)
        }
        return labs
    }

    /// The container host, or the reports saying there is none and exit 1.
    func hostOrExit(_ host: ContainerHost?, _ loaded: [LoadedLab], options: LabRunOptions) throws -> ContainerHost {
        guard let host else {
            let message = "\(LabEnvironment.NoHost())"
            LabConsole.error(message)
            _ = write(LabRunner.results(LabPaths.unrunResults(loaded, error: message), options: options, host: nil))
            throw ExitCode(1)
        }
        return host
    }
}
