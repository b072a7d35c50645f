import Foundation

// Temporary stand-ins so the `lab` branch builds; the report helper's real writers replace this
// file when the branches are merged (same signatures).

public enum JSONReport {
    public static func data(_ r: RunResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(r)
    }
}

public enum JUnitReport {
    public static func xml(_ r: RunResults) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"\(r.labs.flatMap(\.blocks).count)\"/>\n"
    }
}

public enum HTMLReport {
    public static func html(_ r: RunResults) -> String {
        "<!doctype html><title>isolab</title><p>\(r.labs.count) labs</p>\n"
    }
}
