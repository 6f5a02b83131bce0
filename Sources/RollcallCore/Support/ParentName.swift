import Foundation

/// A parent as a member of staff types their name, matched to the pupil's parents on
/// record. The framework's limit (no third penalty notice to one parent for one pupil
/// within three years) holds for the person, not for the spelling: "lily mensah",
/// "Lily  Mensah", "Lily\u{00A0}Mensah" and "Mrs L Mensah" are Lily Mensah when she is
/// the one parent they can mean, and are refused when they could mean two or none.
public enum ParentName {
    /// Words a name may start with that say nothing about who it is.
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "rev", "prof"]

    /// The name compared: compatibility-normalised (so a no-break space is a space and a
    /// composed accent equals its decomposed form), without case or accents, apostrophes
    /// made one, full stops dropped, spaces run together.
    public static func key(_ name: String) -> String {
        words(name).joined(separator: " ")
    }

    static func words(_ name: String) -> [String] {
        let folded = name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: ".", with: " ")
        return folded.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
    }

    /// The parent `typed` means among `parents`: the one whose name is the same once
    /// compared (`key`), else the one whose surname is the same and whose forename begins
    /// with the initial given ("Mrs L Mensah"). Two such parents, or none, is a refusal
    /// naming who could be meant.
    public static func match(_ typed: String, among parents: [Contact]) throws(NoticeError) -> Contact {
        let typedKey = key(typed)
        let exact = parents.filter { key($0.name) == typedKey }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { throw .ambiguousParent(typed, candidates: exact.map(\.name)) }
        let given = words(typed).drop { titles.contains($0) }
        guard given.count >= 2, let surname = given.last, given.dropLast().allSatisfy({ $0.count == 1 }) else {
            throw .notAParent(typed, parents: parents.map(\.name))
        }
        let initials = given.dropLast().joined()
        let loose = parents.filter { parent in
            let known = words(parent.name)
            return known.last == surname && known.dropLast().map { String($0.prefix(1)) }.joined().hasPrefix(initials)
        }
        if loose.count == 1 { return loose[0] }
        if loose.count > 1 { throw .ambiguousParent(typed, candidates: loose.map(\.name)) }
        throw .notAParent(typed, parents: parents.map(\.name))
    }
}
