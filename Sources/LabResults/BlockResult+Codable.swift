import LabFormat

extension BlockResult {
    /// The file's keys (Docs/results-schema.md): the reason is stored as its words, `message`.
    enum CodingKeys: String, CodingKey {
        case id, kind, language, line, column, status, duration, attempts, commands, score, maxScore
        case message, hint, background, measure, solutionShown
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(LabBlockKind.self, forKey: .kind)
        language = try c.decode(String.self, forKey: .language)
        line = try c.decode(Int.self, forKey: .line)
        column = try c.decode(Int.self, forKey: .column)
        status = try c.decode(Status.self, forKey: .status)
        duration = try c.decode(Double.self, forKey: .duration)
        attempts = try c.decode(Int.self, forKey: .attempts)
        commands = try c.decode([CommandResult].self, forKey: .commands)
        score = try c.decode(Double.self, forKey: .score)
        maxScore = try c.decode(Double.self, forKey: .maxScore)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
        background = try c.decode(Bool.self, forKey: .background)
        measure = try c.decodeIfPresent(CPUMeasurement.self, forKey: .measure)
        solutionShown = try c.decodeIfPresent(Bool.self, forKey: .solutionShown)
        reason = try c.decodeIfPresent(String.self, forKey: .message)
            .map { BlockReason(recorded: $0, score: score, maxScore: maxScore) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(language, forKey: .language)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(status, forKey: .status)
        try c.encode(duration, forKey: .duration)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(commands, forKey: .commands)
        try c.encode(score, forKey: .score)
        try c.encode(maxScore, forKey: .maxScore)
        try c.encodeIfPresent(message, forKey: .message)
        try c.encodeIfPresent(hint, forKey: .hint)
        try c.encode(background, forKey: .background)
        try c.encodeIfPresent(measure, forKey: .measure)
        try c.encodeIfPresent(solutionShown, forKey: .solutionShown)
    }
}
