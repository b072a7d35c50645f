/// A flag whose value is wrong (`-e =x`, `--memory 1q`), as pflag reports it: docker/cli prints
/// it with the command's usage line and exits 125, whatever the command.
struct FlagValueError: Error, CustomStringConvertible {
    /// `run`, `exec`, `update`: the command whose usage is shown.
    var command: String
    /// `invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x`
    var description: String
}
