import LabReports

// The terminal screen (LabReports, pure rendering) is the walk's output and its live view of a
// running block; the methods already match, and LabReports cannot name LabEngine's protocols.
extension WalkScreen: WalkOutput {}
extension WalkScreen: BlockLiveOutput {}
