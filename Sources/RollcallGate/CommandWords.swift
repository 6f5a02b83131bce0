/// Splits an SSH command line into words as a shell would quote them, and does nothing
/// else a shell does: no variables, globs, pipes or redirections, so `a; sh` is three
/// words handed to Rollcall's own parser, never a second command.
public enum CommandWords {
    public static func split(_ text: String) throws(GateRefusal) -> [String] {
        var words: [String] = []
        var word = "", inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                word.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    word.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { throw GateRefusal("the command has an unclosed quote") }
        if inWord { words.append(word) }
        return words
    }
}
