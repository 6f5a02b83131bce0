import Foundation

/// The school a store belongs to, and the register rule it sets for itself.
public struct School: Hashable, Sendable, Codable {
    /// The longest the guidance lets a register stay open after a session starts.
    public static let longestRegisterOpenMinutes = 30

    public var name: String
    /// The unique reference number of the establishment, from Get Information about Schools.
    public var urn: String?
    public var localAuthority: String?
    /// The local authority's 3-digit code and the school's 4-digit establishment number,
    /// as the DfE knows it (`8881234`): what a Common Transfer File and the census name
    /// the school by. Set through `laestab(_:)`, which checks it.
    public private(set) var laestab: String?
    /// How long the register stays open each session: arriving while it is open is late
    /// (`L`), arriving after is `U` unless another code fits. The same every session.
    public var registerOpenMinutes: Int
    /// When the morning and afternoon registers are taken, `HH:MM`; 08:40 and 13:20
    /// when the school has not said.
    public var morningRegistration: String?
    public var afternoonRegistration: String?
    /// Set only on a school `rollcall demo` made: demo writes fake pupils, marks and
    /// audit lines, and must never do so into a real school's record.
    public var demo: Bool?

    public var isDemo: Bool { demo == true }

    public init(name: String, urn: String? = nil, localAuthority: String? = nil, registerOpenMinutes: Int = 30) throws(SchoolError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .noName }
        guard (1...School.longestRegisterOpenMinutes).contains(registerOpenMinutes) else {
            throw .registerOpenTooLong(registerOpenMinutes)
        }
        self.name = name
        self.urn = urn
        self.localAuthority = localAuthority
        self.registerOpenMinutes = registerOpenMinutes
    }

    /// Sets the LAESTAB: seven digits, or nil to clear it.
    public mutating func setLAESTAB(_ text: String?) throws(SchoolError) {
        guard let text else { laestab = nil; return }
        guard School.isLAESTAB(text) else { throw .notALAESTAB(text) }
        laestab = text
    }

    /// The LAESTAB, or the error that names the fix: a CTF and the census name the school
    /// by it. Checked again here, as `school.json` may have been edited by hand.
    public func requireLAESTAB() throws(SchoolError) -> String {
        guard let laestab else { throw .noLAESTAB }
        guard School.isLAESTAB(laestab) else { throw .notALAESTAB(laestab) }
        return laestab
    }

    /// Seven ASCII digits: a local authority's code and an establishment's number.
    public static func isLAESTAB(_ text: String) -> Bool {
        text.utf8.count == 7 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Minutes after midnight when a session's register closes: registration plus the
    /// minutes it stays open. Arrival after this is `U`, not `L`.
    public func registerCloses(_ part: Session.Part) -> Int {
        registration(part) + registerOpenMinutes
    }

    /// Minutes after midnight when a session's register is taken: when the session begins.
    public func registration(_ part: Session.Part) -> Int {
        let text = part == .am ? morningRegistration : afternoonRegistration
        return text.flatMap(School.minutes) ?? (part == .am ? 8 * 60 + 40 : 13 * 60 + 20)
    }

    /// Whether `session` has begun at `minute` of `today`: what leave, never granted
    /// retrospectively, is decided before.
    public func hasBegun(_ session: Session, today: CalendarDate, minute: Int) -> Bool {
        session.date < today || (session.date == today && minute >= registration(session.part))
    }

    /// Schools in England keep UK time: "today" and "now" are read on this clock, not
    /// the server's.
    public static let timeZone = TimeZone(identifier: "Europe/London") ?? .current

    /// Minutes after midnight, on the school's clock, at an instant.
    public static func minuteOfDay(_ instant: Date) -> Int {
        let seconds = localSeconds(instant)
        return ((seconds % 86_400) + 86_400) % 86_400 / 60
    }

    /// The day it is, on the school's clock, at an instant.
    public static func day(_ instant: Date) -> CalendarDate {
        let seconds = localSeconds(instant)
        return CalendarDate(dayNumber: Int32((seconds - ((seconds % 86_400) + 86_400) % 86_400) / 86_400))
    }

    private static func localSeconds(_ instant: Date) -> Int {
        Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
    }

    /// `08:40` as 520 minutes after midnight.
    public static func minutes(_ text: String) -> Int? {
        let pieces = text.split(separator: ":")
        guard pieces.count == 2, let hours = Int(pieces[0]), let minutes = Int(pieces[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }
}
