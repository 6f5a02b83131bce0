import Foundation
import RollcallCore

/// The staff list from CSV: `username, name, role, forms`, where `username` is the
/// operating-system login, `role` one of `tutor`, `attendance_lead`, `office`, `admin`,
/// and `forms` a `;`-separated list of the forms a tutor takes.
public struct StaffImport: Sendable {
    public static let required = ["username", "name", "role"]
    public static let optional = ["forms"]

    public let staff: StaffList
    public let warnings: [ImportProblem]

    public init(table: CSVTable, file: String) throws(ImportFailure) {
        let columns: CSVColumns
        (columns, warnings) = try CSVColumns.forImport(table, file: file, required: Self.required, optional: Self.optional)
        var problems: [ImportProblem] = []
        var members: [StaffMember] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let before = problems.count
            func problem(_ message: String) { problems.append(ImportProblem(file: file, line: row.line, message)) }
            let login = columns.value("username", in: row)
            let name = columns.value("name", in: row)
            let roleText = columns.value("role", in: row) ?? ""
            let role = StaffRole(rawValue: roleText.lowercased())
            if login == nil { problem("username is empty") }
            if let login, let first = seen[login] { problem("username '\(login)' is also on line \(first)") }
            if name == nil { problem("name is empty") }
            for (column, text) in [("username", login), ("name", name)] {
                if let text, let wrong = EntryLimits.nameProblem(text) { problem("\(column) \(wrong)") }
            }
            if role == nil {
                problem("role '\(roleText)' is not one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let forms = (columns.value("forms", in: row) ?? "").split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard problems.count == before, let login, let name, let role else { continue }
            seen[login] = row.line
            members.append(StaffMember(login: login, name: name, role: role, forms: forms))
        }
        if !problems.isEmpty { throw ImportFailure(problems) }
        staff = StaffList(members: members)
    }
}
