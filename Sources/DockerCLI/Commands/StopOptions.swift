import ArgumentParser

/// `-t/--time` and `-s/--signal`, as `stop` and `restart` both take them.
struct StopOptions: ParsableArguments {
    @Option(name: [.customShort("t"), .customLong("time"), .customLong("timeout")], help: "Seconds to wait before killing the container") var time: Int = 10
    @Option(name: [.customShort("s"), .customLong("signal")], help: "Signal to send to the container") var signal: String = "TERM"
}
