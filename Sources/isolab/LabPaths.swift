import Foundation
import LabFormat

/// The lab files named on the command line: files as given, folders as their `.md` files, sorted.
enum LabPaths {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path): no such file or folder" }
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Missing(path: path) }
            if isDirectory.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += names.filter { $0.hasSuffix(".md") }.sorted().map { base + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Parses every file; prints every error of every file as `file:line:col: message`.
    /// Returns nil when one is invalid.
    static func load(_ paths: [String]) -> [Lab]? {
        let files: [String]
        do {
            files = try expand(paths)
        } catch {
            LabConsole.error("isolab: \(error)")
            return nil
        }
        var labs: [Lab] = []
        var valid = true
        for file in files {
            do {
                labs.append(try LabParser.parse(file: file))
            } catch let error as LabValidationError {
                valid = false
                for diagnostic in error.diagnostics { LabConsole.error(diagnostic.description) }
            } catch {
                valid = false
                LabConsole.error("\(file):1:1: \(error)")
            }
        }
        return valid ? labs : nil
    }
}
