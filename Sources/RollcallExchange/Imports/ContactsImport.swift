import RollcallCore

/// Parents, carers and workers from CSV: `upn, name, relationship, role, phone,
/// phone2, lives_with_pupil, address, emergency_phone`. `role` is `parent` (the default), `social-worker` or
/// `youth-justice-worker`. Each pupil in the file has their contacts replaced by the
/// file's; pupils not in it keep theirs.
public struct ContactsImport: Sendable {
    public static let required = ["upn", "name", "relationship"]
    public static let optional = ["role", "phone", "phone2", "lives_with_pupil", "address", "emergency_phone"]

    public let contacts: [Contact]
    public let warnings: [ImportProblem]

    public init(table: CSVTable, file: String, pupils: [Pupil]) throws(ImportFailure) {
        let columns: CSVColumns
        (columns, warnings) = try CSVColumns.forImport(table, file: file, required: Self.required, optional: Self.optional)
        let known = Set(pupils.map(\.upn))
        var problems: [ImportProblem] = []
        var contacts: [Contact] = []
        for row in table.rows {
            let before = problems.count
            func problem(_ message: String) { problems.append(ImportProblem(file: file, line: row.line, message)) }
            let upnText = columns.value("upn", in: row) ?? ""
            var upn: UPN?
            do {
                upn = try UPN(upnText)
                if let upn, !known.contains(upn) { problem("upn \(upnText) is not a pupil on the admission register (import pupils first)") }
            } catch {
                problem("upn '\(upnText)': \(error)")
            }
            let name = columns.value("name", in: row)
            if name == nil { problem("name is empty") }
            let relationship = columns.value("relationship", in: row)
            if relationship == nil { problem("relationship is empty (Mother, Father, Carer, Social worker...)") }
            for (column, text) in [("name", name), ("relationship", relationship)] {
                if let text, let wrong = EntryLimits.nameProblem(text) { problem("\(column) \(wrong)") }
            }
            let roleText = columns.value("role", in: row) ?? "parent"
            let role = Contact.Role(rawValue: roleText.lowercased().replacingOccurrences(of: "_", with: "-"))
            if role == nil { problem("role '\(roleText)' is not one of \(Contact.Role.allCases.map(\.rawValue).joined(separator: ", "))") }
            let phones = ["phone", "phone2"].compactMap { columns.value($0, in: row) }
            let emergency = columns.value("emergency_phone", in: row)
            for (column, phone) in zip(["phone", "phone2"], phones) + [("emergency_phone", emergency ?? "000000")] where !ContactsImport.isPhone(phone) {
                problem("\(column) '\(phone)' is not a phone number (digits, spaces, + ( ) -)")
            }
            let address = columns.value("address", in: row)
            if let address, let wrong = EntryLimits.textProblem(address) { problem("address \(wrong)") }
            let livesText = columns.value("lives_with_pupil", in: row)
            let lives = FieldValue.flag(livesText)
            if lives == nil { problem("lives_with_pupil '\(livesText ?? "")' is not Y or N") }
            guard problems.count == before, let upn, let name, let relationship, let role, let lives else { continue }
            contacts.append(Contact(upn: upn, name: name, relationship: relationship, role: role, phones: phones, livesWithPupil: lives,
                                    address: address, emergencyPhone: emergency))
        }
        if !problems.isEmpty { throw ImportFailure(problems) }
        self.contacts = contacts
    }

    /// Replaces the contacts of every pupil the file names.
    public func merge(into existing: inout [Contact]) {
        let named = Set(contacts.map(\.upn))
        existing = existing.filter { !named.contains($0.upn) } + contacts
    }

    public static func isPhone(_ text: String) -> Bool {
        text.allSatisfy { $0.isNumber || " +()-".contains($0) } && text.count(where: \.isNumber) >= 6
    }
}
