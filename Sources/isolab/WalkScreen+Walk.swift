import LabEngine
import LabReports

// The terminal screen (LabReports) is the walk's output and its live view of a running block
// (LabEngine); the methods already match, LabReports cannot name LabEngine's protocols.
extension WalkScreen: WalkOutput {}
extension WalkScreen: BlockLiveOutput {}
