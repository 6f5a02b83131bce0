import RollcallCore

/// What a member of staff may run through `rollcall gate`: the commands their work
/// needs, never one that names the store, pretends another day, or reads or writes a
/// file on the server (files come on standard input and go to standard output).
public enum GatePolicy {
    public static let allowed: Set<String> = [
        "tui", "report", "export", "audit", "mark", "intervention", "leave", "offsite", "letter", "import", "keys", "check", "admission",
    ]

    /// Throws the one line that says why `words` may not run for someone of `role`.
    public static func check(_ words: [String], role: StaffRole?) throws(GateRefusal) {
        guard let command = words.first else { return }
        guard allowed.contains(command) else {
            throw GateRefusal("'\(echo(command))' cannot be run here; the commands are \(allowed.sorted().joined(separator: ", "))")
        }
        for word in words where ["--store", "--today"].contains(word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word) {
            throw GateRefusal("\(echo(String(word.split(separator: "=").first ?? ""))) cannot be given here: the store and the day are the server's")
        }
        let rest = Array(words.dropFirst())
        switch command {
        case "import":
            guard rest.count >= 2, rest[1] == "-" else {
                throw GateRefusal("import reads its file from standard input here: 'rollcall import KIND -', the file sent with ssh")
            }
            // The one file an import reads is the one sent; a CTF's forms come as --form.
            if rest.first == "ctf", rest.contains(where: { $0 == "--forms" || $0.hasPrefix("--forms=") }) {
                throw GateRefusal("--forms names a file on the server: give each arrival's form with --form, a file at a time")
            }
        case "letter":
            guard rest.first == "write" else { throw GateRefusal("only 'letter write' can be run here") }
            try standardOutputOnly(rest, option: "--to", "a letter comes to you on standard output here: --to names a folder on the server")
        case "report" where rest.first == "pack":
            try standardOutputOnly(rest, option: "--out", "the pack comes to you on standard output here: --out names a file on the server")
        case "export" where rest.first == "ctf":
            try standardOutputOnly(rest, option: "--out", "a CTF comes to you on standard output here: --out names a folder on the server")
        case "tui":
            // The trust's view reads a database with the reader's own login, never the
            // school server's: a member of staff does not reach it through the school's gate.
            for word in rest where ["--trust", "--database"].contains(word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word) {
                throw GateRefusal("--trust cannot be given here: the trust's view is opened with a trust reader's own database login")
            }
        case "keys":
            guard rest.first == "list" else { throw GateRefusal("only 'keys list' can be run here; an admin changes keys on the server") }
        case "check":
            guard role == .admin else { throw GateRefusal("'check' is for an admin") }
        default:
            break
        }
    }

    /// The longest piece of what was typed that the gate logs or echoes: a command of a
    /// megabyte must not fill the access log or a terminal.
    public static let longestEcho = 200

    /// `text` as the access log and a refusal show it: cut to `longestEcho` characters,
    /// with how long it was, and with control characters made visible.
    public static func echo(_ text: String) -> String {
        let shown = TerminalText.visible(String(text.prefix(longestEcho)))
        return text.count > longestEcho ? "\(shown)... (\(text.count) characters)" : shown
    }

    /// `OPTION VALUE` and `OPTION=VALUE` alike: only `-`, standard output, may be given.
    private static func standardOutputOnly(_ words: [String], option: String, _ refusal: String) throws(GateRefusal) {
        for (index, word) in words.enumerated() where word == option || word.hasPrefix("\(option)=") {
            let value = word == option ? (words.indices.contains(index + 1) ? words[index + 1] : "-") : String(word.dropFirst(option.count + 1))
            guard value == "-" else { throw GateRefusal(refusal) }
        }
    }

    /// The words as they run: a letter, the pack and a CTF are written to standard output.
    public static func adjusted(_ words: [String]) -> [String] {
        let option: String
        switch (words.first, words.dropFirst().first) {
        case ("letter", _): option = "--to"
        case ("report", "pack"), ("export", "ctf"): option = "--out"
        default: return words
        }
        return words.contains { $0 == option || $0.hasPrefix("\(option)=") } ? words : words + [option, "-"]
    }
}
