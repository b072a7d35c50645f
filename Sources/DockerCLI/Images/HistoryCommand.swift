import ArgumentParser
import ContainerRuntime
import Foundation

/// `history IMAGE`: the steps that made the image, newest first (the layers `commit` added
/// on top of those of its base), in Docker's columns.
public struct HistoryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "history", abstract: "Show the history of an image")
    public init() {}

    @Flag(name: .shortAndLong, help: "Only show image IDs") var quiet = false
    @Flag(name: .customLong("no-trunc"), help: "Don't truncate output") var noTrunc = false
    @Option(help: "Format output using a Go template") var format: String?
    @Argument var image: String

    public func run() throws {
        let rt = IsolabMain.runtime()
        let rows: [ImageHistoryRow]
        do {
            guard let record = try rt.image(image) else {
                throw RuntimeError.notFound(.image, ImageReference.normalize(image), "no image \(ImageReference.normalize(image))")
            }
            rows = try rt.history(of: record)
        } catch {
            throw ImageCLI.fail(error)
        }
        func id(_ r: ImageHistoryRow) -> String {
            guard let i = r.imageID else { return "<missing>" }
            return noTrunc ? i : ImageDisplay.shortID(i)
        }
        if quiet {
            ImageCLI.printLines(rows.map(id))
            return
        }
        let now = Date()
        let fields: [[String: Any]] = rows.map { r in
            var by = r.createdBy
            if !noTrunc && by.count > 45 { by = String(by.prefix(44)) + "…" }
            return ["ID": id(r), "CreatedSince": r.created.map { ImageDisplay.createdSince($0, now: now) } ?? "N/A",
                    "CreatedAt": r.created.map { ContainerJSON.rfc3339Nano($0) } ?? "", "CreatedBy": by,
                    "Size": ImageDisplay.humanSize(r.size), "Comment": r.comment]
        }
        let table = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
        let headers: [String: Any] = ["ID": "IMAGE", "CreatedSince": "CREATED", "CreatedAt": "CREATED AT",
                                      "CreatedBy": "CREATED BY", "Size": "SIZE", "Comment": "COMMENT"]
        try? FileHandle.standardOutput.write(contentsOf: Data(try FormattedList.render(format: format ?? table, rows: fields, headers: headers, defaultTable: table).utf8))
    }
}
