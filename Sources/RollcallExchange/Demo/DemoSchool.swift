import Foundation
import RollcallCore
import RollcallStore

/// A realistic school made up from a seed: forms in years 7 to 11, pupils with the
/// characteristics schools compare, and marks for the academic year up to today with
/// the patterns an attendance lead meets: most pupils attending well, a tail of
/// persistent and a few severe absentees, more illness in winter, term-time holidays
/// just before half terms, lateness, trips, and unexplained absences still to chase.
public struct DemoSchool: Sendable {
    public let school: School
    public let year: AcademicYear
    public let pupils: [Pupil]
    public let groups: [Group]
    /// First marks, as tutors took them.
    public let marks: [MarkEntry]
    /// Marks later corrected by the office (unexplained absences explained), as
    /// amendments with the reason given.
    public let corrections: [MarkEntry]
    /// Parents and carers for every pupil; workers for those who have one.
    public let contacts: [Contact]
    /// What the attendance team has logged so far.
    public let interventions: [Intervention]
    /// Names deleted from the admission register this year.
    public let deletions: [Deletion]
    public static let correctionReason = "Parent phoned the office with the reason"

    /// The demo school's settings: what a store is created with before any year is written.
    public static func settings() throws -> School {
        var school = try School(name: "Hollins Park Academy", urn: "149521", localAuthority: "Lancashire", registerOpenMinutes: 30)
        try school.setLAESTAB("8884001")
        school.demo = true
        return school
    }

    /// `admissions` false leaves out the admission register's scripted year (joiners and
    /// deletions): for the earlier years of a long history, whose UPNs recur in later years.
    public init(pupils count: Int, seed: UInt64, today: CalendarDate, admissions: Bool = true) throws {
        var random = SeededGenerator(seed: seed)
        school = try DemoSchool.settings()
        // Before the first day of term (the first days of September) the year has no
        // school day yet: the demo is the whole year before.
        var startYear = AcademicYear.span(containing: today).lowerBound.year
        if today < (try DemoCalendar.year(startingIn: startYear)).firstDay { startYear -= 1 }
        year = try DemoCalendar.year(startingIn: startYear)
        let calendar = try SchoolCalendar(years: [year])

        let formsPerYear = max(1, Int((Double(count) / 5 / 28).rounded()))
        var groups: [Group] = []
        var pupils: [Pupil] = []
        for index in 0..<count {
            let yearGroup = 7 + index % 5
            let form = "\(yearGroup)\(["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P"][(index / 5) % formsPerYear % 14])"
            if !groups.contains(where: { $0.name == form }) { groups.append(Group(name: form, kind: .form, yearGroup: yearGroup)) }
            pupils.append(try DemoSchool.pupil(number: index, yearGroup: yearGroup, form: form, startYear: startYear, random: &random))
        }
        if pupils.count > DemoCases.socialWorker { pupils[DemoCases.socialWorker].hasSocialWorker = true }
        let lastDay = min(today, year.lastDay)
        let sessions = calendar.sessions(in: year.firstDay...lastDay)
        let schoolDays = calendar.schoolDays(in: year.firstDay...lastDay)
        let recentDays = Set(schoolDays.suffix(5))
        let cases = DemoCases(schoolDays: schoolDays, today: today)
        let register = admissions ? try cases.admissions(for: &pupils) : (deletions: [], interventions: [])
        deletions = register.deletions
        self.groups = groups.sorted { ($0.yearGroup ?? 0, $0.name) < ($1.yearGroup ?? 0, $1.name) }
        self.pupils = pupils
        contacts = pupils.flatMap { DemoSchool.contacts(for: $0, random: &random) }

        let breaks = year.terms.dropLast().map(\.end)
        let tripDays = Dictionary(uniqueKeysWithValues: self.groups.map { group in
            (group.name, Set((0..<2).compactMap { _ in sessions.randomElement(using: &random)?.date }))
        })
        var marks: [MarkEntry] = []
        var corrections: [MarkEntry] = []
        for (index, pupil) in pupils.enumerated() {
            var model = AbsenceModel(pupil: pupil, breaks: breaks, random: &random)
            for session in sessions {
                // Today's afternoon register has not been taken yet, nor three forms' morning.
                if session.date == today, session.part == .pm || pupil.form.hasSuffix("C") { continue }
                guard pupil.isOnRoll(on: session.date) else { continue }
                let modelled = model.code(for: session, trip: tripDays[pupil.form]?.contains(session.date) ?? false, random: &random)
                let scripted = cases.code(pupil: index, session: session)
                let code = scripted ?? modelled
                let minutes = code == .late ? Int.random(in: 2...25, using: &random) : nil
                var mark = Mark(code, minutesLate: minutes)
                // Unexplained absences far enough back were chased: most became illness,
                // some O when no reason came; a few are still N, for the office to resolve.
                if code == .reasonNotYetEstablished, scripted == nil, !recentDays.contains(session.date) {
                    if random.chance(0.75) {
                        corrections.append(MarkEntry(upn: pupil.upn, group: pupil.form, session: session, mark: Mark(.illness)))
                    } else if random.chance(0.8) {
                        mark = Mark(.otherUnauthorised)
                    }
                }
                marks.append(MarkEntry(upn: pupil.upn, group: pupil.form, session: session, mark: mark))
            }
        }
        self.marks = marks
        self.corrections = corrections
        interventions = try cases.interventions(for: pupils, contacts: contacts) + register.interventions
    }

    /// One or two parents with phone numbers from Ofcom's range for drama (07700 900xxx),
    /// and the pupil's social worker or youth justice worker where they have one.
    static func contacts(for pupil: Pupil, random: inout SeededGenerator) -> [Contact] {
        func phone() -> String { "07700 900" + String(Int.random(in: 0...999, using: &random)).leftPadded(to: 3, with: "0") }
        var contacts = [Contact(upn: pupil.upn, name: "\(DemoNames.girls.randomElement(using: &random) ?? "Sam") \(pupil.surname)",
                                relationship: "Mother", phones: [phone()], livesWithPupil: true, address: pupil.address)]
        if random.chance(0.6) {
            var father = Contact(upn: pupil.upn, name: "\(DemoNames.boys.randomElement(using: &random) ?? "Sam") \(pupil.surname)",
                                 relationship: "Father", phones: [phone()], livesWithPupil: random.chance(0.7))
            if father.livesWithPupil { father.address = pupil.address }
            contacts.append(father)
        }
        if pupil.hasSocialWorker {
            contacts.append(Contact(upn: pupil.upn, name: "Dana Whitfield", relationship: "Social worker", role: .socialWorker,
                                    phones: ["01632 960" + String(Int.random(in: 0...999, using: &random)).leftPadded(to: 3, with: "0")]))
        }
        if pupil.hasYouthJusticeWorker {
            contacts.append(Contact(upn: pupil.upn, name: "Lee Okoro", relationship: "Youth justice worker", role: .youthJusticeWorker,
                                    phones: ["01632 960" + String(Int.random(in: 0...999, using: &random)).leftPadded(to: 3, with: "0")]))
        }
        return contacts
    }

    static func pupil(number: Int, yearGroup: Int, form: String, startYear: Int, random: inout SeededGenerator) throws -> Pupil {
        let isGirl = random.chance(0.5)
        let forename = (isGirl ? DemoNames.girls : DemoNames.boys).randomElement(using: &random) ?? "Sam"
        let surname = DemoNames.surnames.randomElement(using: &random) ?? "Smith"
        let entryYear = (startYear - (yearGroup - 7)) % 100
        let body = "938" + "4321" + String(entryYear).leftPadded(to: 2, with: "0") + String(number / 5 % 1000).leftPadded(to: 3, with: "0")
        let birthYear = startYear - yearGroup - 5
        let birthStart = CalendarDate(year: birthYear, month: 9, day: 1) ?? CalendarDate(dayNumber: 0)
        let sen: SENStatus = random.chance(0.03) ? .ehcPlan : random.chance(0.13) ? .support : .none
        // Everyone but the scripted joiners started in year 7, on its first day (in September of that year).
        let started = CalendarDate(year: startYear - (yearGroup - 7), month: 9, day: 3)
        return Pupil(
            upn: try UPN(body: body), surname: surname, forename: forename,
            preferredName: forename == "Bartłomiej" ? "Bartek" : nil,
            dateOfBirth: birthStart.advanced(by: Int.random(in: 0..<365, using: &random)),
            yearGroup: yearGroup, form: form, sex: isGirl ? .female : .male, sen: sen,
            fsm: random.chance(0.24), eal: random.chance(0.18), hasSocialWorker: random.chance(0.03),
            hasYouthJusticeWorker: random.chance(0.01), isLookedAfter: random.chance(0.01), admissionDate: started,
            address: DemoSchool.address(number))
    }

    /// A Preston address made from the pupil's number: the same pupil, the same address.
    static func address(_ number: Int) -> String {
        let streets = ["Watling Street Road", "Garstang Road", "Blackpool Road", "Ribbleton Lane", "Deepdale Road", "Plungington Road"]
        return "\(number % 180 + 1) \(streets[number % streets.count]), Preston PR\(1 + number % 3) \(number % 9 + 1)\(["AB", "DN", "HT", "QR"][number % 4])"
    }

    /// Writes `years - 1` whole academic years before today's, then today's school: the
    /// six years of registers the law keeps, for seeing that history does not slow the
    /// present down.
    public static func write(pupils count: Int, seed: UInt64, today: CalendarDate, years: Int, to store: Store,
                             progress: (String) -> Void = { _ in }) throws -> DemoSchool {
        for back in stride(from: years - 1, to: 0, by: -1) {
            // The last day of summer in that academic year.
            let endYear = AcademicYear.span(containing: today).upperBound.year - back
            let lastDay = CalendarDate(year: endYear, month: 7, day: 31) ?? today
            let earlier = try DemoSchool(pupils: count, seed: seed &+ UInt64(back), today: lastDay, admissions: false)
            progress("Writing \(earlier.year.name)")
            try earlier.write(to: store)
        }
        let school = try DemoSchool(pupils: count, seed: seed, today: today)
        try school.write(to: store, progress: progress)
        try school.writeLeaveAndOffsite(to: store, today: today)
        return school
    }

    /// Writes the school into an empty store: settings, calendar, pupils, forms, then the
    /// marks, then the office's corrections as amendments.
    public func write(to store: Store, progress: (String) -> Void = { _ in }) throws {
        try store.saveSchool(school)
        try store.saveAcademicYear(year, today: year.firstDay)
        // Merged by UPN, so that earlier years written first keep their pupils on record;
        // those not on this year's roll (last year's year 11) left when last year ended.
        try store.updatePupils(today: year.firstDay) { existing in
            let current = Set(pupils.map(\.upn))
            let leavers = existing.filter { !current.contains($0.upn) }.map { pupil in
                var pupil = pupil
                if pupil.leavingDate == nil { pupil.leavingDate = year.span.lowerBound.advanced(by: -1) }
                return pupil
            }
            existing = leavers + pupils
        }
        try store.updateGroups { $0 = groups }
        try store.updateContacts { $0 = contacts }
        progress("Writing \(marks.count) marks")
        let tutor = Recorder(login: "demo-tutor", name: "Demo Tutor", role: .tutor)
        try store.record(marks, by: tutor, at: Date())
        progress("Writing \(corrections.count) corrections")
        let office = Recorder(login: "demo-office", name: "Demo Office", role: .office)
        try store.record(corrections, by: office, at: Date(), reason: DemoSchool.correctionReason)
        let lead = Recorder(login: "demo-lead", name: "Demo Attendance Lead", role: .attendanceLead)
        try store.log(interventions, by: lead, at: Date())
        for deletion in deletions {
            // Made on its day, at ten in the morning.
            let made = Date(timeIntervalSince1970: Double(deletion.date.dayNumber) * 86_400 + 10 * 3_600)
            try store.delete(deletion, by: lead, at: made, today: year.firstDay) { _ in }
        }
    }
}
