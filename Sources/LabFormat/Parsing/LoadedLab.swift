/// One lab file of a command line, parsed or not.
public enum LoadedLab: Sendable {
    case valid(Lab)
    /// The path, its source (empty when unreadable) and every problem as `file:line:col: message`.
    case invalid(path: String, source: String, problems: [String])

    /// Reads `path` once and parses what was read: the reports of an invalid lab keep that
    /// source, so it is never read again (a second read costs a second pass over up to
    /// `LabLimits.maxLabBytes`, and a FIFO or a file being rewritten would give other text).
    /// `read` is the file's reader (tests count its calls).
    public static func load(file path: String,
                            read: (String) throws -> String = { try LabSourceFile.read($0) }) -> LoadedLab {
        let source: String
        do {
            source = try read(path)
        } catch {
            return .invalid(path: path, source: "", problems: LabValidationError.lines(of: error, file: path))
        }
        do {
            return .valid(try LabParser.parse(source: source, path: path))
        } catch {
            return .invalid(path: path, source: source, problems: LabValidationError.lines(of: error, file: path))
        }
    }

    /// The problems, as `file:line:col: message` lines; none for a valid lab.
    public var problems: [String] {
        if case .invalid(_, _, let problems) = self { return problems }
        return []
    }
}
