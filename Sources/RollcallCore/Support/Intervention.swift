import Foundation

/// One entry in a pupil's interventions log: dated, typed, in the recorder's words.
public struct Intervention: Hashable, Sendable {
    public let upn: UPN
    /// The day it happened (a call, a meeting), which may be before the day it was logged.
    public let date: CalendarDate
    public let kind: InterventionKind
    public let note: String
    /// A part-time timetable's next review.
    public let reviewDate: CalendarDate?
    /// The parent a notice was issued to.
    public private(set) var parent: String?
    /// The sessions a penalty notice, or a decision not to issue one, is for: they do not
    /// count towards another.
    public let sessions: [Session]
    /// The log number of the notice a payment or withdrawal is about.
    public let notice: Int?
    /// What a return to the local authority is about.
    public let about: LAReturnKind?

    public init(upn: UPN, date: CalendarDate, kind: InterventionKind, note: String = "", reviewDate: CalendarDate? = nil,
                parent: String? = nil, sessions: [Session] = [], notice: Int? = nil, about: LAReturnKind? = nil) throws(InterventionError) {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = parent?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .partTimeTimetable, .partTimeReview:
            guard let reviewDate else { throw .needs(kind, "a review date (log part-time-ended when it ends)") }
            guard reviewDate > date else { throw .reviewNotAfter(date, reviewDate) }
        case .penaltyNoticeIssued:
            guard parent?.isEmpty == false else { throw .needs(kind, "the parent it was issued to") }
            guard !sessions.isEmpty else { throw .needs(kind, "the sessions it is for") }
        case .decisionNotToIssue:
            guard !note.isEmpty else { throw .needs(kind, "the reason") }
            guard !sessions.isEmpty else { throw .needs(kind, "the sessions it is for") }
        case .penaltyNoticePaid, .penaltyNoticeWithdrawn:
            guard notice != nil else { throw .needs(kind, "the log number of the notice") }
        case .localAuthorityReturn:
            guard about != nil else { throw .needs(kind, "what it is about: an admission or a deletion") }
        default:
            break
        }
        self.upn = upn
        self.date = date
        self.kind = kind
        self.note = note
        self.reviewDate = reviewDate
        self.parent = parent
        self.sessions = sessions.sorted()
        self.notice = notice
        self.about = about
    }
}

extension Intervention {
    /// The same entry issued to `parent` as the contacts name them (`ParentName.match`).
    public func issued(to parent: String) -> Intervention {
        var named = self
        named.parent = parent
        return named
    }
}

/// An intervention as the log holds it: numbered, with who logged it and when.
public struct InterventionRecord: Hashable, Sendable {
    /// 1 for the first entry of the store's log, then one more each entry.
    public let number: Int
    public let intervention: Intervention
    public let by: Recorder
    public let at: Date

    public init(number: Int, intervention: Intervention, by: Recorder, at: Date) {
        self.number = number
        self.intervention = intervention
        self.by = by
        self.at = at
    }
}

extension Array where Element == InterventionRecord {
    /// Penalty notices issued and not withdrawn: they count towards the 3-year limit and
    /// hold their sessions. A withdrawal names its notice by log number.
    public var standingNotices: [InterventionRecord] {
        let withdrawn = Set(compactMap { $0.intervention.kind == .penaltyNoticeWithdrawn ? $0.intervention.notice : nil })
        return filter { $0.intervention.kind == .penaltyNoticeIssued && !withdrawn.contains($0.number) }
    }
}

public enum InterventionError: Error, Equatable, Sendable, CustomStringConvertible {
    case needs(InterventionKind, String)
    case reviewNotAfter(CalendarDate, CalendarDate)

    public var description: String {
        switch self {
        case let .needs(kind, what): "\(kind.rawValue) needs \(what)"
        case let .reviewNotAfter(date, review): "the review date \(review) must come after the day agreed, \(date)"
        }
    }
}
