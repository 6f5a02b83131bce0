/// Every screen's keys, in the order a person meets them: what the README's key tables
/// are generated from, so the manual cannot drift from the screens.
public enum KeyGuide {
    /// Each screen's name (as the README's markers give it) and its key tables.
    public static let screens: [(name: String, sections: [KeySection])] = [
        ("picker", PickerState.keySections),
        ("register", RegisterCommand.keySections),
        ("dashboard", [DashboardCommand.keys.section]),
        ("list", TableCommand.keySections),
        ("cohorts", [CohortState.keys.section]),
        ("follow-ups", [FollowUpState.keys.section, FollowUpState.promptKeys.section]),
        ("history", [HistoryCommand.keys.section]),
        ("help", [HelpOverlay.keys.section]),
        ("trust", TrustCommand.helpSections),
    ]

    /// Key tables as Markdown, one table per section.
    public static func markdown(_ sections: [KeySection]) -> String {
        sections.map { section in
            (["| key | \(section.title) |", "| --- | --- |"]
                + section.rows.map { "| `\($0.keys)` | \($0.help) |" }).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// `readme` with the text between each screen's markers (`<!-- keys: register -->`
    /// and `<!-- /keys -->`) written again from the tables.
    public static func regenerate(_ readme: String) -> String {
        var text = readme
        for screen in screens {
            let open = "<!-- keys: \(screen.name) -->", close = "<!-- /keys -->"
            guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { continue }
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: "\n" + markdown(screen.sections) + "\n")
        }
        return text
    }
}
