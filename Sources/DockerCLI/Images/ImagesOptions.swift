import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The flags of `docker images` / `docker image ls`, and the listing itself.
public struct ImagesOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Show all images (isolab keeps no intermediate images)")
    var all = false
    @Flag(name: .shortAndLong, help: "Only show image IDs")
    var quiet = false
    @Flag(name: .customLong("no-trunc"), help: "Don't truncate output")
    var noTrunc = false
    @Option(name: .long, help: "Format output using a Go template subset ({{.Repository}}, {{.Tag}}, {{.ID}}, {{.CreatedSince}}, {{.Size}}, {{json .}}, table)")
    var format: String?
    @Option(name: .shortAndLong, help: "Filter output: dangling=true|false, reference=PATTERN")
    var filter: [String] = []
    @Argument(help: "REPOSITORY[:TAG]")
    var reference: String?

    public init() {}

    func run() throws {
        let rows: [ImageRow]
        do {
            rows = try ImagesOptions.select(ImageRow.rows(try IsolabMain.runtime().imageList()), reference: reference, filters: filter)
        } catch {
            throw ImageCLI.fail(error)
        }
        do {
            ImageCLI.printLines(try ImagesOptions.render(rows, quiet: quiet, truncate: !noTrunc, format: format, now: Date()))
        } catch {
            ImageCLI.printError("\(error)")
            throw ExitCode(ImageCLI.failureExitCode)
        }
    }

    /// The rows a positional reference and `--filter`s keep.
    static func select(_ rows: [ImageRow], reference: String?, filters: [String]) throws -> [ImageRow] {
        var result = rows
        if let reference {
            let hasTag = reference.split(separator: "/").last?.contains(":") ?? false
            result = result.filter { row in
                hasTag ? "\(row.repository):\(row.tag)" == ImageReference.normalize(reference)
                       : row.repository == ImageReference.split(ImageReference.normalize(reference)).repository
            }
        }
        for filter in filters {
            let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw RuntimeError(.invalidArgument, "invalid filter '\(filter)'") }
            switch parts[0] {
            case "dangling":
                guard let want = Bool(parts[1]) else { throw RuntimeError(.invalidArgument, "Invalid filter 'dangling=\(parts[1])'") }
                result = result.filter { ($0.repository == "<none>") == want }
            case "reference":
                result = result.filter { row in
                    fnmatch(parts[1], "\(row.repository):\(row.tag)", 0) == 0 || fnmatch(parts[1], row.repository, 0) == 0
                }
            default:
                throw RuntimeError(.invalidArgument, "invalid filter '\(parts[0])'")
            }
        }
        return result
    }

    /// The output lines, Docker-shaped.
    static func render(_ rows: [ImageRow], quiet: Bool, truncate: Bool, format: String?, now: Date) throws -> [String] {
        if quiet {
            var seen = Set<String>()
            return rows.compactMap { row in
                let id = truncate ? ImageDisplay.shortID(row.image.id) : row.image.id
                return seen.insert(id).inserted ? id : nil
            }
        }
        let table = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
        let fields = rows.map { $0.fields(truncate: truncate, now: now) }
        let text = try FormattedList.render(format: format ?? table, rows: fields, headers: ImageRow.headers, defaultTable: table)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
