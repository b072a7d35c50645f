/// What a block runs: transcript commands (`console`) or one shell script (`sh`, hidden blocks).
public enum BlockBody: Sendable, Equatable {
    case transcript([TranscriptCommand])
    case script(String)
}
