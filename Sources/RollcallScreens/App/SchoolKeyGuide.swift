import RollcallTUI

/// Every school screen's keys, in the order a person meets them: what the guides' key
/// tables are generated from (`KeyGuide.regenerate`), so the manual cannot drift from
/// the screens.
public enum SchoolKeyGuide {
    /// Each screen's name (as the guides' markers give it) and its key tables.
    public static let screens: [(name: String, sections: [KeySection])] = [
        ("picker", PickerState.keySections),
        ("register", RegisterCommand.keySections),
        ("dashboard", [DashboardCommand.keys.section]),
        ("list", PupilList.sections(readOnly: false)),
        ("cohorts", [CohortState.keys.section]),
        ("follow-ups", [FollowUpState.keys.section, FollowUpState.promptKeys.section]),
        ("roll", [RollState.keys.section, RollState.walkKeys.section]),
        ("history", [HistoryCommand.keys.section]),
        ("help", [HelpOverlay.keys.section]),
    ]
}
