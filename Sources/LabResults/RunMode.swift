/// Which command made the results: `lab run`, `lab grade` or `lab walk`.
public enum RunMode: String, Codable, Sendable { case run, grade, walk }
