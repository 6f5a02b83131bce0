import ArgumentParser
import RollcallCore

extension Weekday {
    /// `mon`, `tue`... as `--days` takes them.
    init?(abbreviation: String) {
        guard let day = Weekday.allCases.first(where: { $0.rawValue.hasPrefix(abbreviation.lowercased()) && abbreviation.count >= 3 }) else { return nil }
        self = day
    }
}

/// Education off site: where a pupil is expected instead of school, followed up until marked.
struct Offsite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offsite",
        abstract: "Placements of education off site: record one, end one, list them.",
        discussion: """
            A placement is supervised education the school arranged elsewhere: B (other approved activity), K (provision \
            the local authority arranged, only that), P (sport), V (a visit or trip), W (work experience). Remote education \
            at home is not off site: it is absence. The register shows OFF and the provider on each expected session, and \
            'report followups' lists a session with no mark once the day is over (offsite-unconfirmed).
            """,
        subcommands: [OffsiteAdd.self, OffsiteEnd.self, OffsiteList.self])
}
