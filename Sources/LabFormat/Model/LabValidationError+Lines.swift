extension LabValidationError {
    /// What reading or parsing `file` failed with, as the lines every lab command prints and
    /// every report keeps (`file:line:col: message`): the validation's diagnostics, or, for any
    /// other error, one line at 1:1, so that no failure is shown without the file it belongs to.
    public static func lines(of error: any Error, file: String) -> [String] {
        (error as? LabValidationError)?.diagnostics.map(\.description) ?? ["\(file):1:1: \(error)"]
    }
}
