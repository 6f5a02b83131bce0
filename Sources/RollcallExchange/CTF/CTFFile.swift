import RollcallCore

/// A Common Transfer File as read for admitting its pupils, read tolerantly as the
/// reference asks: local names, `CTFversion` or `CTFVersion`, `Sex` or `Gender`, any
/// element missing, unknown ones ignored; but every name and text checked against the
/// entry limits, and every year's totals against each other.
public struct CTFFile: Sendable {
    public struct Source: Sendable {
        public let lea: String
        public let estab: String
        public let name: String?
    }

    public struct Parent: Sendable {
        public let name: String
        public let relationship: String
        public let phones: [String]
        /// `AddressAsPupil`: the pupil lives at this parent's address.
        public let livesWithPupil: Bool
    }

    public struct Pupil: Sendable {
        public let upn: UPN
        public let surname: String
        public let forename: String
        public let preferredName: String?
        public let dateOfBirth: CalendarDate
        public let sex: Sex?
        /// From `NCyearActual`: R is 0, N1 and N2 are -2 and -1.
        public let yearGroup: Int?
        public let address: String?
        public let parents: [Parent]
        public let years: [AttendanceYear]
    }

    /// The largest file read: a CTF for a whole year group is a few megabytes.
    public static let largestFile = 50 * 1024 * 1024

    public let version: String?
    public let source: Source?
    public let pupils: [Pupil]
    /// What was read but doubted: a version not this year's or last, marks that disagree with their totals.
    public let warnings: [String]

    /// Reads `bytes` (`CTFTree.parse` refuses a hostile file first); every problem found
    /// is reported at once, naming the line.
    public static func read(_ bytes: [UInt8], file: String, today: CalendarDate) throws(ImportFailure) -> CTFFile {
        let root = try CTFTree.parse(bytes, file: file)
        var problems: [ImportProblem] = [], warnings: [String] = []
        guard root.name == "CTfile" else { throw ImportFailure([ImportProblem(file: file, line: root.line, "the root element is \(root.name), not CTfile")]) }
        let header = root.child("Header")
        let version = header?.value("CTFversion", "CTFVersion")
        let current = AcademicYear.span(containing: today).lowerBound.year % 100
        if let version, ![current, current - 1].map({ "\($0).0" }).contains(version) {
            warnings.append("\(file): CTF version \(TerminalText.visible(version)) is not this year's (\(current).0) or last year's; read as it is")
        }
        // The sending school becomes each pupil's previous school: held to a name's limits.
        let source = header?.child("SourceSchool").flatMap { school -> Source? in
            guard let lea = school.value("LEA"), let estab = school.value("Estab") else { return nil }
            let name = school.value("SchoolName")
            if let name, let wrong = EntryLimits.nameProblem(name) {
                problems.append(ImportProblem(file: file, line: school.line, "SchoolName \(wrong)"))
            }
            if !School.isLAESTAB(lea + estab) {
                problems.append(ImportProblem(file: file, line: school.line, "LEA and Estab \(EntryLimits.quoted(lea + estab)) are not a LAESTAB"))
            }
            return Source(lea: lea, estab: estab, name: name)
        }
        var pupils: [Pupil] = []
        for node in root.child("CTFpupilData")?.children("Pupil") ?? [] {
            func problem(_ message: String) { problems.append(ImportProblem(file: file, line: node.line, message)) }
            let before = problems.count
            var upn: UPN?
            if let text = node.value("UPN") {
                do { upn = try UPN(text) } catch { problem("UPN \(EntryLimits.quoted(text)): \(error)") }
            } else {
                problem("a pupil without a UPN: Rollcall admits a pupil by UPN")
            }
            let surname = node.value("Surname"), forename = node.value("Forename")
            let preferred = node.child("BasicDetails")?.value("PreferredForename")
            for (field, text) in [("Surname", surname), ("Forename", forename), ("PreferredForename", preferred)] {
                if let text, let wrong = EntryLimits.nameProblem(text) { problem("\(field) \(wrong)") }
            }
            if surname == nil || forename == nil { problem("a pupil needs Surname and Forename") }
            let born = node.value("DOB").flatMap(CalendarDate.init)
            if born == nil { problem("DOB \(EntryLimits.quoted(node.value("DOB") ?? "")) is not a date like 2014-03-02") }
            let sexText = node.value("Sex", "Gender")
            let sex = sexText.flatMap { Sex(rawValue: $0.uppercased()) }
            if let sexText, sex == nil { problem("Sex \(EntryLimits.quoted(sexText)) is not M or F") }
            let ncText = node.child("BasicDetails")?.value("NCyearActual")
            let yearGroup = ncText.flatMap(Self.yearGroup)
            if let ncText, yearGroup == nil { problem("NCyearActual \(EntryLimits.quoted(ncText)) is not a year (R, N1, N2, 1 to 14)") }
            let address = node.child("Address").flatMap(Self.address)
            if let address, let wrong = EntryLimits.textProblem(address) { problem("Address \(wrong)") }
            var parents: [Parent] = []
            for contact in node.child("Contacts")?.children("Contact") ?? [] where contact.value("Responsibility")?.lowercased() != "false" {
                let name = [contact.value("Forename"), contact.value("Surname")].compactMap { $0 }.joined(separator: " ")
                let relationship = contact.value("Relationship") ?? "Parent"
                for (field, text) in [("Contact", name), ("Relationship", relationship)] {
                    if let wrong = EntryLimits.nameProblem(text) { problems.append(ImportProblem(file: file, line: contact.line, "\(field) \(wrong)")) }
                }
                let phones = contact.child("Phones")?.children("Phone").compactMap { $0.value("PhoneNo") } ?? []
                if let wrong = phones.lazy.compactMap(EntryLimits.textProblem).first { problems.append(ImportProblem(file: file, line: contact.line, "PhoneNo \(wrong)")) }
                let asPupil = contact.child("Address")?.value("AddressAsPupil")?.lowercased() == "true"
                if !name.isEmpty { parents.append(Parent(name: name, relationship: relationship, phones: Array(phones.prefix(2)), livesWithPupil: asPupil)) }
            }
            var years: [AttendanceYear] = []
            for data in node.child("Attendance")?.children("YearData") ?? [] {
                switch Self.year(data, file: file) {
                case let .success((year, warning)):
                    years.append(year)
                    if let warning { warnings.append(warning) }
                case let .failure(wrong): problems.append(wrong)
                }
            }
            guard problems.count == before, let upn, let surname, let forename, let born else { continue }
            pupils.append(Pupil(upn: upn, surname: surname, forename: forename, preferredName: preferred, dateOfBirth: born, sex: sex,
                                yearGroup: yearGroup, address: address, parents: parents, years: years))
        }
        if pupils.isEmpty && problems.isEmpty { problems.append(ImportProblem(file: file, line: nil, "the file holds no pupil (CTFpupilData/Pupil)")) }
        if !problems.isEmpty { throw ImportFailure(problems) }
        return CTFFile(version: version, source: source, pupils: pupils, warnings: warnings)
    }

    /// `R`, `N1`, `N2`, `1`... `14` as a year group.
    static func yearGroup(_ text: String) -> Int? {
        switch text.uppercased() {
        case "R": 0
        case "N2": -1
        case "N1": -2
        default: Int(text).flatMap { (1...14).contains($0) ? $0 : nil }
        }
    }

    /// The address as one line: its lines, or its BS7666 parts, then the post code.
    static func address(_ node: CTFTree) -> String? {
        let lines = node.child("AddressLines").map { lines in (1...5).compactMap { lines.value("AddressLine\($0)") } }
            ?? node.child("BS7666Address").map { parts in ["SAON", "PAON", "Street", "Locality", "Town", "PostTown"].compactMap { parts.value($0) } } ?? []
        let all = lines + [node.value("PostCode")].compactMap { $0 }
        return all.isEmpty ? nil : all.joined(separator: ", ")
    }

    /// One `YearData`, checked; a warning when its marks, recounted, disagree with its totals (the totals are kept).
    static func year(_ node: CTFTree, file: String) -> Result<(AttendanceYear, String?), ImportProblem> {
        func number(_ name: String) -> Int? { node.value(name).flatMap(Int.init) }
        guard let year = number("Year"), let possible = number("SessionsPossible"), let authorised = number("SessionsAuthorised"),
              let attended = number("SessionsAttended"), let unauthorised = number("SessionsUnauthorised") else {
            return .failure(ImportProblem(file: file, line: node.line, "YearData needs Year and the four session totals as numbers"))
        }
        var sessions: AttendanceYear.Sessions?
        var warning: String?
        if let marks = node.child("AttendSessions"), let start = marks.value("AttendanceStartDate").flatMap(CalendarDate.init),
           let text = marks.value("AttendanceMarks") {
            let codes = Self.marks(text)
            sessions = AttendanceYear.Sessions(start: start, marks: codes)
            let recount = codes.compactMap { AttendanceCode(rawValue: $0) }
            let counted = (recount.count(where: \.countsAsAttended), recount.count { $0.category == .authorisedAbsence }, recount.count(where: \.isUnauthorised))
            if codes.count % 2 == 1 || counted != (attended, authorised, unauthorised) {
                warning = "\(file):\(marks.line): the marks of \(year) recount as \(counted.0) attended, \(counted.1) authorised, \(counted.2) unauthorised, "
                    + "not \(attended), \(authorised), \(unauthorised): the totals are kept"
            }
        }
        let result = AttendanceYear(year: year, lea: node.value("LEA") ?? "", estab: node.value("Estab") ?? "", schoolName: node.value("SchoolName") ?? "",
                                    possible: possible, authorised: authorised, attended: attended, unauthorised: unauthorised, sessions: sessions)
        if let problem = result.problem { return .failure(ImportProblem(file: file, line: node.line, "YearData \(year): \(problem)")) }
        return .success((result, warning))
    }

    /// `AttendanceMarks` either way: with commas, split and trimmed (one trailing empty
    /// part dropped); without, a character a session.
    static func marks(_ text: String) -> [String] {
        guard text.contains(",") else { return text.map(String.init) }
        var parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
