import LabFormat
import LabReports

extension BlockKind {
    /// The results' kind for a parsed block's kind.
    init(_ kind: LabBlockKind) {
        switch kind {
        case .step: self = .step
        case .check: self = .check
        case .setup: self = .setup
        case .cleanup: self = .cleanup
        case .solution: self = .solution
        }
    }
}
