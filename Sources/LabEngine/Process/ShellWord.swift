/// A word as `/bin/sh` must be given it to see it unchanged: the one quoting rule of the
/// command lines isolab writes for a shell (a class's children, the walk's `export` line).
enum ShellWord {
    /// `'…'` with every `'` closed, escaped and reopened: the shell sees the word as it is.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The word as it is when the shell gives none of its characters a meaning, else `quoted`:
    /// a line the learner reads stays plain where it can. (Only for the value of an assignment,
    /// where an empty word is still a word.)
    static func quotedIfNeeded(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:=@%,".contains($0) }
        return plain ? word : quoted(word)
    }
}
