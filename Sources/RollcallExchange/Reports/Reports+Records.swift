import RollcallCore

extension Reports {
    /// The pupils on roll in the pupils import's columns: importing the file again
    /// changes nothing, and into a new store gives the same entries.
    public static func pupilRecords(_ pupils: [Pupil]) -> ReportTable {
        var table = ReportTable(columns: PupilsImport.required + ["preferred_name", "sex", "sen", "fsm", "eal", "social_worker", "youth_justice",
                                                                  "looked_after", "starting_day", "address", "previous_school"])
        func flag(_ value: Bool) -> ReportTable.Value { .text(value ? "Y" : "N") }
        for pupil in pupils.sorted(by: { $0.upn < $1.upn }) {
            table.append([.text(pupil.upn.text), .text(pupil.surname), .text(pupil.forename), .text(pupil.dateOfBirth.description),
                          .integer(pupil.yearGroup), .text(pupil.form), .optionalText(pupil.preferredName), .optionalText(pupil.sex?.rawValue),
                          .text(pupil.sen.rawValue), flag(pupil.fsm), flag(pupil.eal), flag(pupil.hasSocialWorker), flag(pupil.hasYouthJusticeWorker),
                          flag(pupil.isLookedAfter), .optionalText(pupil.admissionDate?.description), .optionalText(pupil.address),
                          .optionalText(pupil.previousSchool)])
        }
        return table
    }

    /// The contacts in the contacts import's columns.
    public static func contactRecords(_ contacts: [Contact]) -> ReportTable {
        var table = ReportTable(columns: ContactsImport.required + ContactsImport.optional)
        for contact in contacts {
            table.append([.text(contact.upn.text), .text(contact.name), .text(contact.relationship), .text(contact.role.rawValue),
                          .optionalText(contact.phones.first), .optionalText(contact.phones.dropFirst().first),
                          .text(contact.livesWithPupil ? "Y" : "N"), .optionalText(contact.address), .optionalText(contact.emergencyPhone)])
        }
        return table
    }

    /// The staff list in the staff import's columns, forms separated by `;`.
    public static func staffRecords(_ staff: StaffList) -> ReportTable {
        var table = ReportTable(columns: StaffImport.required + StaffImport.optional)
        for member in staff.members {
            table.append([.text(member.login), .text(member.name), .text(member.role.rawValue), .text(member.forms.joined(separator: ";"))])
        }
        return table
    }
}
