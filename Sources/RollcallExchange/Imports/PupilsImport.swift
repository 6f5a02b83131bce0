import Foundation
import RollcallCore
import RollcallStore

/// Pupils from a CSV export of the school's MIS.
///
/// Required columns: `upn, surname, forename, date_of_birth, year_group, form`. Optional:
/// `preferred_name, sex, sen, fsm, eal, social_worker, youth_justice, looked_after,
/// starting_day, address, previous_school`; a `gender` column, as some MIS exports name
/// it, is read as `sex`, and `admission_date` as `starting_day`. Any other column is
/// ignored with a warning. An entry missing an item the admission register needs still
/// imports: the `admission-details` follow-up lists it to fix.
///
/// A `leaving_date` is refused, row by row: a name leaves the admission register only on
/// a ground of regulation 9, with its checks, its log line and its return to the local
/// authority (`rollcall admission delete`), never as a column of an MIS export. An
/// optional column the file lacks changes nothing the store holds for a pupil already
/// on roll; a column that is there and empty clears the value, as an amendment.
public struct PupilsImport: Sendable {
    public static let required = ["upn", "surname", "forename", "date_of_birth", "year_group", "form"]
    public static let optional = ["preferred_name", "sex", "gender", "sen", "fsm", "eal", "social_worker",
                                  "youth_justice", "looked_after", "starting_day", "admission_date", "leaving_date",
                                  "address", "previous_school"]

    public let pupils: [Pupil]
    public let warnings: [ImportProblem]
    /// The optional items the file carries (`sex` for a `gender` column, `starting_day`
    /// for `admission_date`): the only ones it may change.
    let carried: Set<String>

    /// `today` is the day the pupils are imported on: a date of birth must make a pupil
    /// of school age then (`EntryLimits.pupilAges`).
    public init(table: CSVTable, file: String, today: CalendarDate) throws(ImportFailure) {
        let columns: CSVColumns
        (columns, warnings) = try CSVColumns.forImport(table, file: file, required: Self.required, optional: Self.optional)
        carried = Set(Self.optional.filter { columns.index(of: $0) != nil }.map { ["gender": "sex", "admission_date": "starting_day"][$0] ?? $0 })
        var problems: [ImportProblem] = []
        var pupils: [Pupil] = []
        var seen: [UPN: Int] = [:]
        for row in table.rows {
            func problem(_ message: String) { problems.append(ImportProblem(file: file, line: row.line, message)) }
            func value(_ column: String) -> String? { columns.value(column, in: row) }
            func date(_ column: String) -> CalendarDate? {
                guard let text = value(column) else { return nil }
                guard let date = CalendarDate(text) else {
                    problem("\(column) '\(text)' is not a date like 2013-09-01")
                    return nil
                }
                return date
            }
            func flag(_ column: String) -> Bool {
                guard let flag = FieldValue.flag(value(column)) else {
                    problem("\(column) '\(value(column) ?? "")' is not Y or N")
                    return false
                }
                return flag
            }
            let problemsBefore = problems.count
            var upn: UPN?
            if let text = value("upn") {
                do { upn = try UPN(text) } catch { problem(error.description) }
            } else {
                problem("upn is empty")
            }
            if let upn, let first = seen[upn] { problem("UPN \(upn) is also on line \(first)") }
            let surname = value("surname"), forename = value("forename")
            if surname == nil { problem("surname is empty") }
            if forename == nil { problem("forename is empty") }
            for column in ["surname", "forename", "preferred_name", "form", "previous_school"] {
                if let text = value(column), let wrong = EntryLimits.nameProblem(text) { problem("\(column) \(wrong)") }
            }
            if let text = value("address"), let wrong = EntryLimits.textProblem(text) { problem("address \(wrong)") }
            let birth = date("date_of_birth")
            if value("date_of_birth") == nil { problem("date_of_birth is empty") }
            if let birth, let wrong = EntryLimits.ageProblem(born: birth, on: today) { problem("date_of_birth: \(wrong)") }
            let yearText = value("year_group") ?? ""
            let yearGroup = yearText.uppercased() == "R" ? 0 : Int(yearText)
            if yearGroup.map({ !(0...14).contains($0) }) ?? true { problem("year_group '\(yearText)' is not R or a year from 1 to 14") }
            let form = value("form")
            if form == nil { problem("form is empty") }
            if let form, !Store.canStoreGroupName(form) { problem("form \(EntryLimits.quoted(form)) is too long to keep as a group (at most \(Store.longestGroupName) bytes as a file name)") }
            var sex: Sex?
            let sexColumn = value("sex") != nil ? "sex" : "gender"
            if let text = value(sexColumn) {
                sex = Sex(rawValue: text.prefix(1).uppercased())
                if sex == nil || !["m", "f", "male", "female"].contains(text.lowercased()) { problem("\(sexColumn) '\(text)' is not M or F") }
            }
            var sen = SENStatus.none
            if let text = value("sen") {
                if let status = SENStatus(rawValue: text.uppercased()) { sen = status } else { problem("sen '\(text)' is not N, K or E") }
            }
            let fsm = flag("fsm"), eal = flag("eal"), socialWorker = flag("social_worker")
            let youthJustice = flag("youth_justice"), lookedAfter = flag("looked_after")
            let startColumn = value("starting_day") != nil ? "starting_day" : "admission_date"
            let admission = date(startColumn)
            if let leaving = value("leaving_date") {
                problem("leaving_date \(EntryLimits.quoted(leaving)): an import never takes a pupil off roll; a name is deleted "
                        + "from the admission register on a ground, with its checks: 'rollcall admission delete \(upn?.text ?? "UPN") --ground ...'")
            }
            guard problems.count == problemsBefore, let upn, let surname, let forename, let birth, let yearGroup, let form else { continue }
            seen[upn] = row.line
            pupils.append(Pupil(
                upn: upn, surname: surname, forename: forename, preferredName: value("preferred_name"),
                dateOfBirth: birth, yearGroup: yearGroup, form: form, sex: sex, sen: sen,
                fsm: fsm, eal: eal, hasSocialWorker: socialWorker,
                hasYouthJusticeWorker: youthJustice, isLookedAfter: lookedAfter,
                admissionDate: admission, address: value("address"),
                previousSchool: value("previous_school")))
        }
        if !problems.isEmpty { throw ImportFailure(problems) }
        self.pupils = pupils
    }

    /// Adds new pupils and updates existing ones by UPN; pupils not in the file stay.
    /// Puts the file's pupils in place of those with the same UPN, keeping each one's
    /// former forms, and the form they leave among them. Returns an amendment, with
    /// `reason`, for each item of an existing entry that the file changes.
    @discardableResult
    public func merge(into existing: inout [Pupil], reason: String) -> [AdmissionEvent.Change] {
        var byUPN = Dictionary(existing.map { ($0.upn, $0) }, uniquingKeysWith: { $1 })
        var amendments: [AdmissionEvent.Change] = []
        for pupil in pupils {
            // A pupil who changed form keeps the forms they were in: their earlier marks are there.
            var merged = pupil
            if let known = byUPN[pupil.upn] {
                merged = keepingWhatTheFileLacks(merged, known)
                merged.formerForms = known.moved(to: pupil.form).formerForms
                amendments += EntryField.amendments(from: known, to: merged, reason: reason)
            }
            byUPN[pupil.upn] = merged
        }
        existing = byUPN.values.sorted { $0.upn < $1.upn }
        return amendments
    }

    /// `pupil` with each optional item the file has no column for as the store holds it.
    private func keepingWhatTheFileLacks(_ pupil: Pupil, _ known: Pupil) -> Pupil {
        var kept = pupil
        func keep<Value>(_ column: String, _ item: WritableKeyPath<Pupil, Value>) {
            if !carried.contains(column) { kept[keyPath: item] = known[keyPath: item] }
        }
        keep("preferred_name", \.preferredName)
        keep("sex", \.sex)
        keep("sen", \.sen)
        keep("fsm", \.fsm)
        keep("eal", \.eal)
        keep("social_worker", \.hasSocialWorker)
        keep("youth_justice", \.hasYouthJusticeWorker)
        keep("looked_after", \.isLookedAfter)
        keep("starting_day", \.admissionDate)
        keep("address", \.address)
        keep("previous_school", \.previousSchool)
        return kept
    }

    /// The forms the pupils are in, with their year groups, for the group list.
    public func merge(into groups: inout [Group]) {
        var byName = Dictionary(groups.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        for pupil in pupils where byName[pupil.form] == nil {
            byName[pupil.form] = Group(name: pupil.form, kind: .form, yearGroup: pupil.yearGroup)
        }
        groups = byName.values.sorted { $0.name < $1.name }
    }
}
