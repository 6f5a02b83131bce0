import Foundation
import RollcallCore

/// A follow-up as a school publishes it: Core's `FollowUp.shared`, the rule, the sessions
/// and dates, the support logged and the next step, never a contact's name,
/// relationship, telephone or address (a penalty notice's parent is "parent 1"). The
/// pupil is not in it: the trust joins the pupil it publishes.
struct PublishedFollowUp: Codable, Equatable {
    var rule: String
    var detail: String
    var sessions: [Session]
    var schoolDays: Int?
    var since: CalendarDate?
    var open: Bool
    var penalty: Penalty?

    struct Penalty: Codable, Equatable {
        var unauthorisedSessions: Int
        var sessionsNotYetActedOn: Int
        /// The support logged: its number, date and kind, which is what the lists show, and
        /// a review date where the kind has one.
        var support: [Support]
        var nextStep: String
        var notices: [Notice]
    }

    struct Support: Codable, Equatable {
        var number: Int
        var date: CalendarDate
        var kind: String
        /// A part-time timetable's: the one field without which its intervention is not one.
        var reviewDate: CalendarDate?
    }

    struct Notice: Codable, Equatable {
        var parent: String
        var inLastThreeYears: Int
    }

    init(_ school: FollowUp) {
        let entry = school.shared
        rule = entry.rule.rawValue
        detail = entry.detail
        sessions = entry.sessions
        schoolDays = entry.schoolDays
        since = entry.since
        open = entry.isOpen
        penalty = entry.penalty.map { penalty in
            Penalty(unauthorisedSessions: penalty.unauthorisedSessions, sessionsNotYetActedOn: penalty.sessionsNotYetActedOn,
                    support: penalty.support.map {
                        Support(number: $0.number, date: $0.intervention.date, kind: $0.intervention.kind.rawValue, reviewDate: $0.intervention.reviewDate)
                    },
                    nextStep: penalty.nextStep,
                    notices: penalty.notices.map { Notice(parent: $0.parent, inLastThreeYears: $0.inLastThreeYears) })
        }
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Strings, numbers and dates a school already holds: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The follow-up for `pupil`, or nil when the document is not one a publish writes
    /// (the database is not trusted to hold only what publishes wrote). A support entry
    /// comes back as an intervention of its number, date, kind and review date, logged by
    /// nobody the trust knows: the lists show no more of it.
    static func followUp(_ document: String, for pupil: Pupil) -> FollowUp? {
        guard let published = try? JSONDecoder().decode(PublishedFollowUp.self, from: Data(document.utf8)),
              let rule = FollowUpRule(rawValue: published.rule) else { return nil }
        var penalty: PenaltyFollowUp?
        if let given = published.penalty {
            var support: [InterventionRecord] = []
            for entry in given.support {
                guard let kind = InterventionKind(rawValue: entry.kind),
                      let intervention = try? Intervention(upn: pupil.upn, date: entry.date, kind: kind, reviewDate: entry.reviewDate)
                else { return nil }
                support.append(InterventionRecord(number: entry.number, intervention: intervention, by: Recorder(login: "school"),
                                                  at: Date(timeIntervalSince1970: 0)))
            }
            penalty = PenaltyFollowUp(unauthorisedSessions: given.unauthorisedSessions, sessionsNotYetActedOn: given.sessionsNotYetActedOn,
                                      support: support, nextStep: given.nextStep,
                                      notices: given.notices.map { ParentNotices(parent: $0.parent, inLastThreeYears: $0.inLastThreeYears) })
        }
        return FollowUp(pupil, rule, published.detail, sessions: published.sessions, schoolDays: published.schoolDays, since: published.since,
                        penalty: penalty, isOpen: published.open)
    }
}
