/// What a block is for. Setup runs first, cleanup last, a solution just before its check.
public enum LabBlockKind: String, Codable, Sendable, Equatable, CaseIterable {
    case step, check, setup, cleanup, solution
}
