/// A started `background` block's command, stopped after the last block.
struct BackgroundJob {
    var blockID: String
    var process: ShellProcess
    var outputFile: String
    var command: String
    var line: Int
}
