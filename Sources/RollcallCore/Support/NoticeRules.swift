/// What the law allows to be logged about penalty notices, checked before it is logged.
///
/// The national framework allows at most two notices to one parent for one pupil within
/// three years (withdrawn ones do not count); a notice, or a decision not to issue one,
/// is for that pupil's unauthorised sessions (`G N O U`) that no other standing notice or
/// decision already covers; a payment or a withdrawal names a notice of the same pupil.
/// A notice for a Saturday, for 1999 or for a session the pupil attended is a log no
/// court should be shown.
public enum NoticeRules {
    /// Throws the rule `intervention` breaks, given the log so far and how the pupil was
    /// coded in each session (nil: no school session, or no mark).
    public static func check(_ intervention: Intervention, log: [InterventionRecord],
                             code: (Session) -> AttendanceCode?) throws(NoticeError) {
        let upn = intervention.upn
        switch intervention.kind {
        case .penaltyNoticeIssued, .decisionNotToIssue:
            if intervention.kind == .penaltyNoticeIssued, let parent = intervention.parent,
               let notices = ParentNotices.count(for: upn, contacts: [], log: log, asOf: intervention.date)
                   .first(where: { ParentName.key($0.parent) == ParentName.key(parent) }),
               !notices.furtherNoticeAllowed {
                throw .thirdNotice(parent: parent)
            }
            let tied = log.sessionsTied(for: upn)
            for session in intervention.sessions {
                guard let found = code(session) else { throw .notASessionOfThePupil(session) }
                guard found.isUnauthorised else { throw .notUnauthorised(session, found) }
                if let number = tied[session] { throw .alreadyTied(session, number: number) }
            }
        case .penaltyNoticePaid, .penaltyNoticeWithdrawn:
            guard let number = intervention.notice,
                  let notice = log.first(where: { $0.number == number && $0.intervention.kind == .penaltyNoticeIssued }) else {
                throw .noSuchNotice(intervention.notice ?? 0)
            }
            guard notice.intervention.upn == upn else { throw .anotherPupilsNotice(number) }
        default:
            break
        }
    }
}

extension Array where Element == InterventionRecord {
    /// The pupil's sessions that a standing notice or a decision not to issue is for, with
    /// the log number of that notice or decision: they count towards no other.
    public func sessionsTied(for upn: UPN) -> [Session: Int] {
        let decisions = filter { $0.intervention.kind == .decisionNotToIssue }
        var tied: [Session: Int] = [:]
        for record in standingNotices + decisions where record.intervention.upn == upn {
            for session in record.intervention.sessions { tied[session] = tied[session] ?? record.number }
        }
        return tied
    }
}

/// Which rule of penalty notices a log entry breaks.
public enum NoticeError: Error, Equatable, Sendable, CustomStringConvertible {
    case thirdNotice(parent: String)
    case notASessionOfThePupil(Session)
    case notUnauthorised(Session, AttendanceCode)
    case alreadyTied(Session, number: Int)
    case noSuchNotice(Int)
    case anotherPupilsNotice(Int)
    /// `--parent` names nobody among the pupil's parents on record.
    case notAParent(String, parents: [String])
    /// `--parent` could be more than one of the pupil's parents.
    case ambiguousParent(String, candidates: [String])

    public var description: String {
        switch self {
        case let .thirdNotice(parent):
            "\(parent) has had two penalty notices for this pupil within 3 years: the framework allows no third (withdrawn notices do not count)"
        case let .notASessionOfThePupil(session):
            "\(session) is not a school session on which the pupil has a mark: a notice is for sessions of unauthorised absence"
        case let .notUnauthorised(session, code):
            "\(session) is coded \(code.symbol), not unauthorised absence (G N O U): a notice is for unauthorised sessions only"
        case let .alreadyTied(session, number):
            "\(session) is already covered by log entry \(number): a session counts towards one notice or decision only"
        case let .noSuchNotice(number):
            "log entry \(number) is not a penalty notice"
        case let .anotherPupilsNotice(number):
            "penalty notice \(number) was issued for another pupil"
        case let .notAParent(typed, parents):
            "\(EntryLimits.quoted(typed)) is not a parent of the pupil on record: a notice is issued to a parent "
                + (parents.isEmpty ? "(the pupil has none; 'rollcall import contacts' adds them)"
                                   : "(" + parents.map { EntryLimits.quoted($0) }.joined(separator: ", ") + ")")
        case let .ambiguousParent(typed, candidates):
            "\(EntryLimits.quoted(typed)) could be " + candidates.map { EntryLimits.quoted($0) }.joined(separator: " or ")
                + ": give the parent's whole name"
        }
    }
}
