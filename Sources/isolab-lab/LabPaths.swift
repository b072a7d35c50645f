import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// The lab files named on the command line: files as given, folders as their `.md` files, sorted.
enum LabPaths {
    /// Files as given, folders as their `.md` files, sorted. A path that does not exist stays a
    /// file: reading it fails with a diagnostic that names it (`PATH:1:1: cannot open …`).
    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                files += (try? LabFolder.labFiles(in: path)) ?? []
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Parses every file, in order; prints every error of every file as `file:line:col: message`
    /// to stderr. A path that does not exist is an invalid entry too (its one error names it).
    static func loadAll(_ paths: [String]) -> [LoadedLab] {
        expand(paths).map { file in
            let entry = LoadedLab.load(file: file)
            for problem in entry.problems { LabConsole.quotedError(problem) }
            return entry
        }
    }

    /// The labs when every file is valid, nil otherwise (errors already printed).
    static func load(_ paths: [String]) -> [Lab]? {
        validLabs(loadAll(paths))
    }

    /// The labs when every entry is valid, nil otherwise.
    static func validLabs(_ loaded: [LoadedLab]) -> [Lab]? {
        let labs = loaded.compactMap { if case .valid(let lab) = $0 { return lab } else { return nil } }
        return labs.count == loaded.count ? labs : nil
    }

    /// Results for a run that cannot start: invalid files as errors, valid labs as not run.
    /// `error` replaces the reason for every lab (no container runtime); otherwise valid labs
    /// are skipped because another lab is invalid.
    static func unrunResults(_ loaded: [LoadedLab], error: String? = nil) -> [LabResult] {
        loaded.map { entry in
            switch entry {
            case .invalid(let path, let source, let problems):
                return LabRunner.errorResult(path: path, source: source, error: problems.joined(separator: "\n"))
            case .valid(let lab):
                if let error { return LabRunner.errorResult(path: lab.path, source: lab.source, error: error) }
                return LabRunner.notRunResult(lab, reason: "not run: another lab of this run is invalid")
            }
        }
    }
}
