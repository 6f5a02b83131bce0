/// Writes an app's key tables into its manual, so the manual cannot drift from the
/// screens: each app lists its screens' tables and keeps markers in its guide.
public enum KeyGuide {
    /// Key tables as Markdown, one table per section.
    public static func markdown(_ sections: [KeySection]) -> String {
        sections.map { section in
            (["| key | \(section.title) |", "| --- | --- |"]
                + section.rows.map { "| `\($0.keys)` | \($0.help) |" }).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// `guide` with the text between each screen's markers (`<!-- keys: register -->`
    /// and `<!-- /keys -->`) written again from `screens`' tables.
    public static func regenerate(_ guide: String, screens: [(name: String, sections: [KeySection])]) -> String {
        var text = guide
        for screen in screens {
            let open = "<!-- keys: \(screen.name) -->", close = "<!-- /keys -->"
            guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { continue }
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: "\n" + markdown(screen.sections) + "\n")
        }
        return text
    }
}
