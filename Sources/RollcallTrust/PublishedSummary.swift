import Foundation
import RollcallCore

/// A school's row of the trust's first screen as the school worked it out as it
/// published: so that the screen reads one small row a school rather than every pupil's
/// year of codes. Only counts: no pupil is in it.
struct PublishedSummary: Codable, Equatable {
    var penaltyReached: Int
    var followUpsOpen: Int
    /// By `DashboardPeriod` raw value.
    var figures: [String: Figures]

    struct Figures: Codable, Equatable {
        var present: Int
        var approvedEducationalActivity: Int
        var authorisedAbsence: Int
        var unauthorisedAbsence: Int
        var notCounted: Int
        var missing: Int
        var late: Int
        var pupils: Int
        var pupilsWithPossibleSessions: Int
        var persistentAbsentees: Int
        var severeAbsentees: Int
    }

    init(_ school: TrustOverview.School) {
        penaltyReached = school.penaltyReached
        followUpsOpen = school.followUpsOpen
        figures = Dictionary(uniqueKeysWithValues: school.figures.map { period, cohort in
            let tally = cohort.tally
            return (period.rawValue, Figures(present: tally.present, approvedEducationalActivity: tally.approvedEducationalActivity,
                                             authorisedAbsence: tally.authorisedAbsence, unauthorisedAbsence: tally.unauthorisedAbsence,
                                             notCounted: tally.notCounted, missing: tally.missing, late: tally.late, pupils: cohort.pupils,
                                             pupilsWithPossibleSessions: cohort.pupilsWithPossibleSessions,
                                             persistentAbsentees: cohort.persistentAbsentees, severeAbsentees: cohort.severeAbsentees))
        })
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Counts only: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The school's row, or nil when the document is not one a publish writes: a count
    /// below zero, more absentees than pupils, lates that are not among the present, a
    /// period the dashboard does not have.
    static func school(_ document: String, urn: String, name: String, publishedAt: String?) -> TrustOverview.School? {
        guard let summary = try? JSONDecoder().decode(PublishedSummary.self, from: Data(document.utf8)),
              summary.penaltyReached >= 0, summary.followUpsOpen >= 0 else { return nil }
        var figures: [DashboardPeriod: CohortFigures] = [:]
        for (name, given) in summary.figures {
            let counts = [given.present, given.approvedEducationalActivity, given.authorisedAbsence, given.unauthorisedAbsence, given.notCounted,
                          given.missing, given.late, given.pupils, given.pupilsWithPossibleSessions, given.persistentAbsentees, given.severeAbsentees]
            guard let period = DashboardPeriod(rawValue: name), counts.allSatisfy({ $0 >= 0 }), given.late <= given.present,
                  given.severeAbsentees <= given.persistentAbsentees, given.persistentAbsentees <= given.pupilsWithPossibleSessions,
                  given.pupilsWithPossibleSessions <= given.pupils else { return nil }
            var tally = AttendanceTally()
            tally.present = given.present
            tally.approvedEducationalActivity = given.approvedEducationalActivity
            tally.authorisedAbsence = given.authorisedAbsence
            tally.unauthorisedAbsence = given.unauthorisedAbsence
            tally.notCounted = given.notCounted
            tally.missing = given.missing
            tally.late = given.late
            figures[period] = CohortFigures(tally: tally, pupils: given.pupils, pupilsWithPossibleSessions: given.pupilsWithPossibleSessions,
                                            persistentAbsentees: given.persistentAbsentees, severeAbsentees: given.severeAbsentees)
        }
        return TrustOverview.School(urn: urn, name: name, publishedAt: publishedAt, penaltyReached: summary.penaltyReached,
                                    followUpsOpen: summary.followUpsOpen, figures: figures)
    }
}
