/// `env="K=V K2=V2"`: variables a block's commands run with. The value is itself an attribute
/// list (the same tokenizer: `env="MSG=\"two words\" N=3"`), each word `NAME=VALUE`.
public enum BlockEnvironment {
    /// Names isolab sets for every command and a lab must not change: `PATH` (its `docker` is
    /// isolab) and `ISOLAB_*` (which namespace and state `docker` uses).
    public static func isReserved(_ name: String) -> Bool {
        name == "PATH" || name.hasPrefix("ISOLAB_")
    }

    /// A shell variable name: a letter or `_`, then letters, digits and `_` (ASCII).
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// The variables of an `env=` token; every problem is reported at its own column.
    static func parse(_ token: AttributeToken, context: inout BlockAttributeContext) -> [String: String] {
        // Tokenized from column 1, so a token's column - 1 is its offset in the value.
        let (words, failures) = AttributeTokenizer.tokenize(token.value ?? "", column: 1)
        func column(_ inner: Int) -> Int { token.column(ofValueOffset: inner - 1) }
        for failure in failures { context.error("env: \(failure.message)", column: column(failure.column)) }
        if words.isEmpty, failures.isEmpty {
            context.error("env= needs at least one NAME=VALUE", column: token.column)
        }
        var variables: [String: String] = [:]
        var bytes = 0
        for word in words {
            let at = column(word.column)
            let shown = BlockAttributeContext.shown(word.key)
            guard let value = word.value else {
                context.error("env: '\(shown)' needs a value (\(shown)=...)", column: at)
                continue
            }
            if !isVariableName(word.key) {
                context.error("env: '\(shown)' is not a variable name (letters, digits and _, not starting with a digit)",
                              column: at)
            } else if isReserved(word.key) {
                context.error("env: \(word.key) is set by isolab (PATH and ISOLAB_* decide which docker runs and where)",
                              column: at)
            } else if variables[word.key] != nil {
                context.error("env: duplicate variable '\(word.key)'", column: at)
            } else if value.utf8.contains(0) {
                context.error("env: the value of \(word.key) holds a NUL byte", column: at)
            } else if variables.count == LabLimits.maxBlockVariables {
                // Said once, at the first variable too many: the rest would only repeat it.
                context.error("env: more than \(LabLimits.maxBlockVariables) variables, the limit for one block", column: at)
                break
            } else if bytes + word.key.utf8.count + value.utf8.count + 2 > LabLimits.maxBlockEnvironmentBytes {
                context.error("env: the variables take more than \(LabLimits.maxBlockEnvironmentBytes >> 10) KiB "
                              + "(NAME=VALUE), the limit for one block", column: at)
                break
            } else {
                bytes += word.key.utf8.count + value.utf8.count + 2
                variables[word.key] = value
            }
        }
        return variables
    }
}
