import ArgumentParser
import RollcallCore

/// A first word that names no command, said as such. `rollcall` alone (or with only
/// options) opens the screens, so without this a mistyped command fell through to them
/// and was answered "Unknown option '--upn' ... Usage: rollcall tui".
enum CommandName {
    /// The words the top level takes as a command.
    static var known: [String] { Rollcall.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// The refusal for `arguments` (without the program's name), or nil when the first
    /// word is a command, an option, or absent.
    static func refusal(_ arguments: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-"), !known.contains(word) else { return nil }
        let nearest = known.filter { $0 != "help" }
            .map { (name: $0, distance: distance($0, word)) }
            .filter { $0.distance <= max(2, word.count / 2) || $0.name.hasPrefix(word) || word.hasPrefix($0.name) }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(3).map(\.name)
        let shown = TerminalText.visible(String(word.prefix(EntryLimits.quotedLength)))
        return "no command '\(shown)'" + (nearest.isEmpty ? "." : "; did you mean \(nearest.map { "'\($0)'" }.joined(separator: " or "))?")
            + " The commands are \(known.filter { $0 != "help" && $0 != "gate" }.sorted().joined(separator: ", ")); 'rollcall --help' says what each does."
    }

    /// Levenshtein distance: letters to add, remove or change to make one word the other.
    static func distance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var previous = row[0]
            row[0] = i + 1
            for (j, y) in b.enumerated() {
                let kept = row[j + 1]
                row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
                previous = kept
            }
        }
        return row[b.count]
    }
}
