/// One attendance code of the 2024 code set (SI 2024/208, reg 10, tables 1-3).
///
/// Codes are one or two characters (`C1`, `J1`, `Y1`...`Y7`), so the symbol is a
/// `String`, never a `Character`. The enum is one byte in memory, which matters when a
/// school holds millions of marks.
public enum AttendanceCode: String, CaseIterable, Sendable, Codable, Hashable {
    case presentAM = "/"
    case presentPM = "\\"
    case late = "L"
    case localAuthorityProvision = "K"
    case educationalVisit = "V"
    case sportingActivity = "P"
    case workExperience = "W"
    case otherApprovedActivity = "B"
    case dualRegistered = "D"
    case performanceOrEmploymentAbroad = "C1"
    case medicalAppointment = "M"
    case interview = "J1"
    case examStudy = "S"
    case notCompulsorySchoolAge = "X"
    case partTimeTimetable = "C2"
    case exceptionalCircumstances = "C"
    case travellingForOccupation = "T"
    case religiousObservance = "R"
    case illness = "I"
    case excluded = "E"
    case noAccessArrangements = "Q"
    case transportUnavailable = "Y1"
    case widespreadTravelDisruption = "Y2"
    case premisesPartlyClosed = "Y3"
    case siteUnexpectedlyClosed = "Y4"
    case criminalJusticeDetention = "Y5"
    case publicHealthGuidance = "Y6"
    case otherUnavoidableCause = "Y7"
    case holidayNotGranted = "G"
    case reasonNotYetEstablished = "N"
    case otherUnauthorised = "O"
    case arrivedAfterRegisterClosed = "U"
    case prospectivePupil = "Z"
    case schoolClosed = "#"

    /// The code as written in a register, an export or a CTF file.
    public var symbol: String { rawValue }

    /// What the code means, in the words of the regulations.
    public var meaning: String {
        switch self {
        case .presentAM: "Present (morning session)"
        case .presentPM: "Present (afternoon session)"
        case .late: "Late, arrived before the register closed"
        case .localAuthorityProvision: "Attending provision arranged by the local authority"
        case .educationalVisit: "Educational visit or trip"
        case .sportingActivity: "Approved sporting activity"
        case .workExperience: "Work experience"
        case .otherApprovedActivity: "Other approved educational activity"
        case .dualRegistered: "Dual registered: attending the other school"
        case .performanceOrEmploymentAbroad: "Leave: regulated performance or employment abroad"
        case .medicalAppointment: "Leave: medical or dental appointment"
        case .interview: "Leave: interview"
        case .examStudy: "Leave: study for a public examination"
        case .notCompulsorySchoolAge: "Not of compulsory school age, not required to attend"
        case .partTimeTimetable: "Leave: temporary part-time timetable"
        case .exceptionalCircumstances: "Leave: exceptional circumstances"
        case .travellingForOccupation: "Parent travelling for occupational purposes"
        case .religiousObservance: "Religious observance"
        case .illness: "Illness (not medical or dental appointment)"
        case .excluded: "Suspended or excluded, no alternative provision"
        case .noAccessArrangements: "Unable to attend: lack of access arrangements"
        case .transportUnavailable: "Unable to attend: school transport not available"
        case .widespreadTravelDisruption: "Unable to attend: widespread travel disruption"
        case .premisesPartlyClosed: "Unable to attend: part of the premises closed"
        case .siteUnexpectedlyClosed: "Unable to attend: school site unexpectedly closed"
        case .criminalJusticeDetention: "Unable to attend: in criminal justice detention"
        case .publicHealthGuidance: "Unable to attend: public health guidance or law"
        case .otherUnavoidableCause: "Unable to attend: other unavoidable cause"
        case .holidayNotGranted: "Holiday not granted by the school"
        case .reasonNotYetEstablished: "Reason for absence not yet established"
        case .otherUnauthorised: "Absent in other or unknown circumstances"
        case .arrivedAfterRegisterClosed: "Arrived after the register closed"
        case .prospectivePupil: "Prospective pupil not yet on the admission register"
        case .schoolClosed: "Planned whole or partial school closure"
        }
    }

    /// The group of the regulations' tables that this code belongs to.
    public var category: CodeCategory {
        switch self {
        case .presentAM, .presentPM, .late:
            .present
        case .localAuthorityProvision, .educationalVisit, .sportingActivity, .workExperience,
             .otherApprovedActivity:
            .approvedEducationalActivity
        case .performanceOrEmploymentAbroad, .medicalAppointment, .interview, .examStudy,
             .partTimeTimetable, .exceptionalCircumstances, .travellingForOccupation,
             .religiousObservance, .illness, .excluded:
            .authorisedAbsence
        case .holidayNotGranted, .reasonNotYetEstablished, .otherUnauthorised,
             .arrivedAfterRegisterClosed:
            .unauthorisedAbsence
        case .dualRegistered, .notCompulsorySchoolAge, .noAccessArrangements,
             .transportUnavailable, .widespreadTravelDisruption, .premisesPartlyClosed,
             .siteUnexpectedlyClosed, .criminalJusticeDetention, .publicHealthGuidance,
             .otherUnavoidableCause:
            .notCounted
        case .prospectivePupil, .schoolClosed:
            .administrative
        }
    }

    public var countsAsPossible: Bool { category.countsAsPossible }
    public var countsAsAttended: Bool { category.countsAsAttended }

    /// Whether the code counts towards the penalty-notice threshold (`G N O U`).
    public var isUnauthorised: Bool { category == .unauthorisedAbsence }

    /// Whether the code is a present mark, whichever session's symbol it uses.
    public var isPresentMark: Bool { self == .presentAM || self == .presentPM }

    /// The code as a register for `part` records it: a present mark takes its session's
    /// symbol, so `/` typed or imported for an afternoon is kept as `\` (and re-importing
    /// the same marks is never an amendment).
    public func recorded(in part: Session.Part) -> AttendanceCode {
        isPresentMark ? .present(for: part) : self
    }

    /// The code for a pupil who arrives late at `minute` (after midnight): `L` while the
    /// register is open, `U` once it has closed (reference §2; the register closes
    /// `School.registerCloses`).
    public static func arrival(atMinute minute: Int, registerCloses: Int) -> AttendanceCode {
        minute > registerCloses ? .arrivedAfterRegisterClosed : .late
    }

    /// The present mark for a session: `/` in the morning, `\` in the afternoon.
    public static func present(for part: Session.Part) -> AttendanceCode {
        part == .am ? .presentAM : .presentPM
    }

    /// The code's number in a compact store of marks: 1 and up, its place in `allCases`;
    /// 0 means no mark. Read from the case's own one-byte tag, which Swift lays out in
    /// declaration order, as `allCases` is (a test holds the two together): asked for
    /// every mark a store reads, where a dictionary's hashing cost more than the read.
    public var number: UInt8 { unsafeBitCast(self, to: UInt8.self) + 1 }

    /// The code with that number, nil for 0 (no mark) or a number no code has.
    public static func numbered(_ number: UInt8) -> AttendanceCode? {
        numbers.contains(number) ? byNumber[Int(number) - 1] : nil
    }

    /// Every number a code has, with none missing: a byte outside them and not 0 is no
    /// mark's (what a reader of stored numbers checks, a byte at a time).
    public static let numbers = 1...UInt8(allCases.count)

    private static let byNumber = Array(allCases)
}
