/// Education a school arranged for a pupil away from its site (paragraphs 41-42): the
/// pupil stays on roll, and the school must find out, session by session, whether they
/// attended. A placement says when the pupil is expected there, so that the register can
/// say so and a session nobody confirmed is followed up.
public struct OffsitePlacement: Hashable, Sendable {
    /// The codes of supervised education off site. K is only for provision the local
    /// authority arranged; remote education at home is absence, never B.
    public static let codes: [AttendanceCode] = [.otherApprovedActivity, .localAuthorityProvision, .sportingActivity,
                                                 .educationalVisit, .workExperience]

    public let upn: UPN
    public let provider: String
    /// The code an attended session takes.
    public let code: AttendanceCode
    public let from: CalendarDate
    public let to: CalendarDate
    /// The weekdays the pupil goes: Monday to Friday unless the placement says.
    public let weekdays: Set<Weekday>
    /// The sessions of those days: both unless the placement says.
    public let parts: Set<Session.Part>
    /// Who at the provider confirms attendance, and their number.
    public let contact: String?

    public init(upn: UPN, provider: String, code: AttendanceCode, from: CalendarDate, to: CalendarDate,
                weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday], parts: Set<Session.Part> = [.am, .pm],
                contact: String? = nil) throws(OffsiteRefusal) {
        let provider = provider.trimmingCharacters(in: .whitespaces)
        guard !provider.isEmpty else { throw .noProvider }
        guard Self.codes.contains(code) else { throw .notAnOffsiteCode(code) }
        guard from <= to else { throw .backwards(from, to) }
        guard !weekdays.isEmpty, !parts.isEmpty else { throw .noSessions }
        self.upn = upn
        self.provider = provider
        self.code = code
        self.from = from
        self.to = to
        self.weekdays = weekdays
        self.parts = parts
        self.contact = contact.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the placement has the pupil there in `session` (on a school session: the
    /// caller asks the calendar).
    public func expects(_ session: Session) -> Bool {
        (from...to).contains(session.date) && weekdays.contains(session.date.weekday) && parts.contains(session.part)
    }

    /// The weekdays and sessions in words: "Tue AM+PM".
    public var pattern: String {
        let days = Weekday.allCases.filter(weekdays.contains).map(\.shortName).joined(separator: ",")
        return days + " " + Session.Part.allCases.filter(parts.contains).map(\.rawValue).joined(separator: "+")
    }
}

/// Why a placement cannot be recorded or ended.
public enum OffsiteRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case noProvider
    case notAnOffsiteCode(AttendanceCode)
    case backwards(CalendarDate, CalendarDate)
    case noSessions
    case noSuchPlacement(Int)
    case alreadyEnded(Int, CalendarDate)
    case endOutside(CalendarDate, Int, ClosedRange<CalendarDate>)

    public var description: String {
        switch self {
        case .noProvider:
            "a placement needs --provider: who the pupil is with"
        case let .notAnOffsiteCode(code):
            "\(code.symbol) is not a code of education off site: B, K (provision the local authority arranged), P, V or W; "
                + "remote education at home is absence, not off site"
        case let .backwards(from, to):
            "the placement would end (\(to)) before it begins (\(from))"
        case .noSessions:
            "a placement needs at least one weekday and one session"
        case let .noSuchPlacement(number):
            "there is no off-site placement \(number)"
        case let .alreadyEnded(number, date):
            "placement \(number) already ended on \(date)"
        case let .endOutside(date, number, days):
            "\(date) is not within placement \(number) (\(days.lowerBound) to \(days.upperBound))"
        }
    }
}
