import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// The lab files named on the command line: files as given, folders as their `.md` files, sorted.
enum LabPaths {
    /// One file of the command line, parsed or not.
    enum Loaded {
        case valid(Lab)
        /// The path, its source (empty when unreadable) and every problem as `file:line:col: message`.
        case invalid(path: String, source: String, problems: [String])
    }

    /// Files as given, folders as their `.md` files, sorted. A path that does not exist stays a
    /// file: reading it fails with a diagnostic that names it (`PATH:1:1: cannot open …`).
    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += names.filter { $0.hasSuffix(".md") }.sorted().map { base + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Parses every file, in order; prints every error of every file as `file:line:col: message`
    /// to stderr. A path that does not exist is an invalid entry too (its one error names it).
    static func loadAll(_ paths: [String]) -> [Loaded] {
        var loaded: [Loaded] = []
        for path in paths {
            for file in expand([path]) {
                do {
                    loaded.append(.valid(try LabParser.parse(file: file)))
                } catch {
                    let problems = (error as? LabValidationError)?.diagnostics.map(\.description) ?? ["\(file):1:1: \(error)"]
                    for problem in problems { LabConsole.quotedError(problem) }
                    let source = (try? LabSourceFile.read(file)) ?? ""
                    loaded.append(.invalid(path: file, source: source, problems: problems))
                }
            }
        }
        return loaded
    }

    /// The labs when every file is valid, nil otherwise (errors already printed).
    static func load(_ paths: [String]) -> [Lab]? {
        validLabs(loadAll(paths))
    }

    /// The labs when every entry is valid, nil otherwise.
    static func validLabs(_ loaded: [Loaded]) -> [Lab]? {
        let labs = loaded.compactMap { if case .valid(let lab) = $0 { return lab } else { return nil } }
        return labs.count == loaded.count ? labs : nil
    }

    /// Results for a run that cannot start: invalid files as errors, valid labs as not run.
    /// `error` replaces the reason for every lab (no container runtime); otherwise valid labs
    /// are skipped because another lab is invalid.
    static func unrunResults(_ loaded: [Loaded], error: String? = nil) -> [LabResult] {
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
