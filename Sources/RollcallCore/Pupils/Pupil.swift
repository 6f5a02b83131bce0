/// A pupil on the admission register, with what the attendance guidance asks schools to
/// compare cohorts by and the flags that matter when a pupil is absent.
public struct Pupil: Hashable, Sendable, Codable, Identifiable {
    public var upn: UPN
    public var surname: String
    public var forename: String
    /// The name the pupil goes by, shown on screens; the legal names stay on record.
    public var preferredName: String?
    public var dateOfBirth: CalendarDate
    public var yearGroup: Int
    /// The form (registration group) the pupil is registered in now.
    public var form: String
    /// The forms the pupil was in before `form`, oldest first; nil when none. Their
    /// registers still hold the pupil's earlier marks, and a mark for one of those
    /// sessions is changed there, as an amendment, never written again in `form`'s
    /// register (`MarkEntry.formerGroups`).
    public var formerForms: [String]?
    public var sex: Sex?
    public var sen: SENStatus
    /// Eligible for free school meals.
    public var fsm: Bool
    /// English as an additional language.
    public var eal: Bool
    public var hasSocialWorker: Bool
    public var hasYouthJusticeWorker: Bool
    public var isLookedAfter: Bool
    /// The starting day (regulation 8): on roll from its first session; nil when the
    /// pupil was on roll before the records begin.
    public var admissionDate: CalendarDate?
    /// Last day on roll: attendance is recorded up to and including the day of deletion.
    public var leavingDate: CalendarDate?
    /// The pupil's home address, as the admission register holds it.
    public var address: String?
    /// The school the pupil last attended, if any.
    public var previousSchool: String?
    /// The ground the pupil's name was deleted on, as the admission register's log has it
    /// (kept here by every write of the pupils, for cutting figures by ground).
    public var deletionGround: DeletionGround?

    public var id: UPN { upn }

    public init(
        upn: UPN, surname: String, forename: String, preferredName: String? = nil,
        dateOfBirth: CalendarDate, yearGroup: Int, form: String, sex: Sex? = nil,
        sen: SENStatus = .none, fsm: Bool = false, eal: Bool = false,
        hasSocialWorker: Bool = false, hasYouthJusticeWorker: Bool = false,
        isLookedAfter: Bool = false, admissionDate: CalendarDate? = nil,
        leavingDate: CalendarDate? = nil, formerForms: [String]? = nil, address: String? = nil,
        previousSchool: String? = nil, deletionGround: DeletionGround? = nil
    ) {
        self.deletionGround = deletionGround
        self.formerForms = formerForms
        self.address = address
        self.previousSchool = previousSchool
        self.upn = upn
        self.surname = surname
        self.forename = forename
        self.preferredName = preferredName
        self.dateOfBirth = dateOfBirth
        self.yearGroup = yearGroup
        self.form = form
        self.sex = sex
        self.sen = sen
        self.fsm = fsm
        self.eal = eal
        self.hasSocialWorker = hasSocialWorker
        self.hasYouthJusticeWorker = hasYouthJusticeWorker
        self.isLookedAfter = isLookedAfter
        self.admissionDate = admissionDate
        self.leavingDate = leavingDate
    }

    /// The pupil with a new form, the one they leave kept among `formerForms`.
    public func moved(to newForm: String) -> Pupil {
        guard newForm != form else { return self }
        var moved = self
        moved.formerForms = (formerForms ?? []).filter { $0 != newForm } + (formerForms?.contains(form) == true ? [] : [form])
        moved.form = newForm
        return moved
    }

    /// The forename a register shows: the preferred name where the pupil has one.
    public var displayForename: String { preferredName ?? forename }

    /// "Surname, Forename", with the forename the pupil uses: how every register, list
    /// and history on screen names them.
    public var listName: String { "\(surname), \(displayForename)" }

    /// The pupil's age in whole years on a day.
    public func age(on date: CalendarDate) -> Int {
        Pupil.age(born: dateOfBirth, on: date)
    }

    /// The age in whole years on `date` of someone born on `birth`.
    public static func age(born birth: CalendarDate, on date: CalendarDate) -> Int {
        date.year - birth.year - ((date.month, date.day) < (birth.month, birth.day) ? 1 : 0)
    }

    /// Whether the pupil is on roll on a day.
    public func isOnRoll(on date: CalendarDate) -> Bool {
        (admissionDate.map { $0 <= date } ?? true) && (leavingDate.map { date <= $0 } ?? true)
    }

    /// The part of a period in which the pupil was on roll, or nil if none of it.
    public func onRoll(during period: ClosedRange<CalendarDate>) -> ClosedRange<CalendarDate>? {
        let first = max(period.lowerBound, admissionDate ?? period.lowerBound)
        let last = min(period.upperBound, leavingDate ?? period.upperBound)
        return first <= last ? first...last : nil
    }
}
