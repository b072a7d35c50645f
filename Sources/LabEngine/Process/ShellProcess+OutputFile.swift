import Foundation

extension ShellProcess {
    /// The output a background or measured command wrote to its file, read as the foreground's is
    /// kept: at most `outputLimit` bytes, then a note that the rest was cut. A learner's `yes` in
    /// the background can fill gigabytes; reading it whole would take the run's memory. A file
    /// that cannot be read gives "".
    static func readOutputFile(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: outputLimit + 1) else { return "" }
        var text = String(decoding: data.prefix(outputLimit), as: UTF8.self)
        if data.count > outputLimit { text += truncationNote }
        return text
    }
}
