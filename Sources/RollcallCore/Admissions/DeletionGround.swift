/// The grounds of regulation 9(1) of the 2024 Regulations on which a pupil of compulsory
/// school age is deleted from the admission register, (a) to (o). A name is deleted when,
/// and only when, one is met; persistent absence alone is never one.
///
/// The conditions are as `reference/admission-register.md` states them, with how sure it
/// is of each: (a) to (e) from the regulation's text; the rest from local authorities'
/// and lawyers' summaries; (j)'s further conditions and when (o) takes effect are not
/// confirmed. They are kept here alone, so that a correction is one edit.
public enum DeletionGround: String, CaseIterable, Sendable, Codable {
    case a, b, c, d, e, f, g, h, i, j, k, l, m, n, o

    /// The letter as the regulation prints it: `(i)`.
    public var label: String { "(\(rawValue))" }

    public var title: String {
        switch self {
        case .a: "registered at another school"
        case .b: "nursery leaver"
        case .c: "dual-registered, leaving"
        case .d: "attendance order amended"
        case .e: "attendance order revoked"
        case .f: "educated at home"
        case .g: "moved away"
        case .h: "not back after leave"
        case .i: "20 days absent, whereabouts unknown"
        case .j: "in custody"
        case .k: "died"
        case .l: "end of compulsory school age"
        case .m: "boarding fees unpaid"
        case .n: "left an independent or non-maintained special school"
        case .o: "permanently excluded"
        }
    }

    /// What Rollcall checks from its own records before it deletes on this ground; the
    /// rest is asked for as `confirmations`.
    public var checked: String {
        switch self {
        case .a: "the other school's name is given"
        case .f: "the date of the parent's written notice is given, and is not after today"
        case .h: "the day the leave ended is given and is not after today, at least 10 school days have passed since it, and the pupil has not attended since"
        case .i: "at least 20 school days in a row, up to the deletion, every session G, N or O, and joint enquiries with the local authority logged (la-joint-enquiries) since the run began"
        default: "nothing beyond the confirmations"
        }
    }

    /// Whether a deletion on this ground may be recorded now for a later day: only where
    /// the fact it rests on is known now (another school's place from a known day, a
    /// move, the end of compulsory school age, an exclusion's known effective day). A
    /// ground whose fact is an event (a notice received, a run of absence, leave not
    /// returned from, custody, a death) is deleted on, or after, the day it happened:
    /// recording it ahead would delete on a fact nobody can know yet.
    public var canBeLinedUp: Bool {
        switch self {
        case .a, .b, .c, .d, .e, .g, .l, .m, .n, .o: true
        case .f, .h, .i, .j, .k: false
        }
    }

    /// The facts the ground rests on that the person deleting gives: the other school
    /// for (a), the written notice's date for (f), the leave's last day for (h).
    public var facts: [DeletionFact] {
        switch self {
        case .a: [.otherSchool]
        case .f: [.noticeDate]
        case .h: [.leaveEnded]
        default: []
        }
    }

    /// What the person deleting must confirm, each recorded with the deletion.
    public var confirmations: [DeletionConfirmation] {
        switch self {
        case .a: [.init("exceptions-do-not-apply", "no school attendance order names this school, the pupil is not a mobile child whose main school this is, and this school did not agree to dual registration")]
        case .b: [.init("nursery-finished", "the pupil finished nursery here, would move to reception or above, and there is no reason to believe they will attend again")]
        case .c: [.init("dual-leaving", "no reason to believe the pupil will attend again, every other school where they are registered consents, no attendance order names this school, and they are not a mobile child whose main school this is")]
        case .d: [.init("order-amended", "the local authority amended the school attendance order to name another school")]
        case .e: [.init("order-revoked", "the local authority revoked the school attendance order because suitable education is arranged otherwise than at school")]
        case .f: [.init("no-attendance-order", "no school attendance order is in force for the pupil")]
        case .g: [.init("not-reasonable-distance", "the pupil no longer lives within a reasonable distance of the school, and is not a boarder")]
        case .h: [.init("enquiries-made", "the school and the local authority have made reasonable enquiries")]
        case .i: [.init("no-grounds-for-sickness", "there are no reasonable grounds to believe the pupil is unable to attend through sickness or an unavoidable cause")]
        case .j: [.init("sentence-of-detention", "the pupil is detained under a sentence of detention")]
        case .k: [.init("death-confirmed", "the school has been told of the pupil's death")]
        case .l: [.init("not-continuing", "the pupil will cease to be of compulsory school age and will not continue at the school")]
        case .m: [.init("boarding-fees-unpaid", "the pupil is a boarder at a maintained or academy boarding school and the fees are unpaid")]
        case .n: [.init("ceased-to-be-pupil", "the pupil has ceased to be a pupil of this independent or non-maintained special school")]
        case .o: [.init("exclusion-final", "the permanent exclusion has taken effect, any review or appeal concluded")]
        }
    }
}

/// One condition of a ground that only the person deleting can vouch for, by its key
/// (`--confirm KEY` on the command line).
public struct DeletionConfirmation: Hashable, Sendable {
    public let key: String
    public let text: String

    init(_ key: String, _ text: String) {
        self.key = key
        self.text = text
    }
}

/// A fact a deletion's ground rests on, given by the person deleting.
public enum DeletionFact: Hashable, Sendable {
    case otherSchool, noticeDate, leaveEnded

    /// What it is, as a refusal or a question names it.
    public var title: String {
        switch self {
        case .otherSchool: "the other school's name"
        case .noticeDate: "the date of the parent's written notice"
        case .leaveEnded: "the last day of the granted leave"
        }
    }

    /// The command line's option for it.
    public var option: String {
        switch self {
        case .otherSchool: "--other-school"
        case .noticeDate: "--notice-date"
        case .leaveEnded: "--leave-ended"
        }
    }

    public var isDate: Bool { self != .otherSchool }
}
