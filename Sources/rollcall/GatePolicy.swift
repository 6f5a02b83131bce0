import RollcallCore

/// What a member of staff may run through `rollcall gate`: the commands their work
/// needs, never one that names the store, pretends another day, or reads or writes a
/// file on the server (files come on standard input and go to standard output).
enum GatePolicy {
    static let allowed: Set<String> = ["tui", "report", "export", "audit", "mark", "intervention", "letter", "import", "keys", "check", "admission"]

    /// Throws the one line that says why `words` may not run for someone of `role`.
    static func check(_ words: [String], role: StaffRole?) throws {
        guard let command = words.first else { return }
        guard allowed.contains(command) else {
            throw Failure("'\(command)' cannot be run here; the commands are \(allowed.sorted().joined(separator: ", "))")
        }
        for word in words where ["--store", "--today"].contains(word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word) {
            throw Failure("\(word.split(separator: "=").first ?? "") cannot be given here: the store and the day are the server's")
        }
        let rest = Array(words.dropFirst())
        switch command {
        case "import":
            guard rest.count >= 2, rest[1] == "-" else {
                throw Failure("import reads its file from standard input here: 'rollcall import KIND -', the file sent with ssh")
            }
        case "letter":
            guard rest.first == "write" else { throw Failure("only 'letter write' can be run here") }
            // `--to DIR` and `--to=DIR` alike: only `-`, standard output, may be given.
            for (index, word) in rest.enumerated() where word == "--to" || word.hasPrefix("--to=") {
                let value = word == "--to" ? (rest.indices.contains(index + 1) ? rest[index + 1] : "-") : String(word.dropFirst(5))
                guard value == "-" else { throw Failure("a letter comes to you on standard output here: --to names a folder on the server") }
            }
        case "keys":
            guard rest.first == "list" else { throw Failure("only 'keys list' can be run here; an admin changes keys on the server") }
        case "check":
            guard role == .admin else { throw Failure("'check' is for an admin") }
        default:
            break
        }
    }

    /// The words as they run: a letter is written to standard output.
    static func adjusted(_ words: [String]) -> [String] {
        guard words.first == "letter", !words.contains(where: { $0 == "--to" || $0.hasPrefix("--to=") }) else { return words }
        return words + ["--to", "-"]
    }
}
