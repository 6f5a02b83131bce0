import Foundation
import RollcallCore

/// A Common Transfer File as `shared/reference/ctf-and-census.md` sets it out (CTF 25,
/// as the DfE's own GIAP service writes one): UTF-8, no namespace, the reference's
/// element order, empty elements left out. Names, dates and years are the pupil's; the
/// attendance is each year at this school and every year that came with the pupil.
public enum CTFWriter {
    private static let element = Markup.textElement

    public struct Source: Sendable {
        public let laestab: String
        public let schoolName: String

        public init(laestab: String, schoolName: String) {
            self.laestab = laestab
            self.schoolName = schoolName
        }
    }

    /// One pupil's part of the file.
    public struct PupilRecord: Sendable {
        public let pupil: Pupil
        /// Parents with parental responsibility, in the order the school lists them.
        public let parents: [Contact]
        /// This school's years, then those that arrived from earlier schools.
        public let years: [AttendanceYear]

        public init(pupil: Pupil, parents: [Contact], years: [AttendanceYear]) {
            self.pupil = pupil
            self.parents = parents
            self.years = years
        }
    }

    /// `made` is when the file is written; its academic year decides `CTFversion`.
    public static func document(_ pupils: [PupilRecord], from source: Source, to destination: CTFDestination, made: Date) -> String {
        let today = CalendarDate(made, in: School.timeZone)
        let startYear = AcademicYear.span(containing: today).lowerBound.year
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>\n  <Header>\n"
        xml += "    " + element("DocumentName", "Common Transfer File") + element("CTFversion", "\(startYear % 100).0")
            + element("DateTime", dateTime(made)) + element("DocumentQualifier", "full") + element("DataDescriptor", "Rollcall CTF")
            + element("SupplierID", "Rollcall") + "\n"
        xml += "    <SourceSchool>" + element("LEA", String(source.laestab.prefix(3))) + element("Estab", String(source.laestab.suffix(4)))
            + element("SchoolName", source.schoolName) + element("AcademicYear", "\(startYear)") + "</SourceSchool>\n"
        xml += "    <DestSchool>" + element("LEA", destination.lea) + element("Estab", destination.estab) + "</DestSchool>\n"
        xml += "  </Header>\n  <CTFpupilData>\n"
        for record in pupils { xml += pupil(record) }
        return xml + "  </CTFpupilData>\n</CTfile>\n"
    }

    private static func pupil(_ record: PupilRecord) -> String {
        let pupil = record.pupil
        var xml = "    <Pupil>\n      " + element("UPN", pupil.upn.text) + element("Surname", pupil.surname) + element("Forename", pupil.forename)
            + element("DOB", pupil.dateOfBirth.description) + (pupil.sex.map { element("Sex", $0.rawValue) } ?? "") + "\n"
        xml += "      <BasicDetails>" + (pupil.preferredName.map { element("PreferredForename", $0) } ?? "")
            + element("NCyearActual", ncYear(pupil.yearGroup)) + "</BasicDetails>\n"
        if let address = pupil.address { xml += "      <Address><AddressLines>" + element("AddressLine1", address) + "</AddressLines></Address>\n" }
        if !record.parents.isEmpty {
            xml += "      <Contacts>"
            for (order, parent) in record.parents.enumerated() {
                let words = parent.name.split(separator: " ")
                xml += "<Contact>" + element("Order", "\(order + 1)") + element("Surname", words.last.map(String.init) ?? parent.name)
                    + (words.count > 1 ? element("Forename", words.dropLast().joined(separator: " ")) : "")
                    + element("Relationship", parent.relationship) + element("Responsibility", "true")
                    + (parent.phones.isEmpty ? "" : "<Phones>" + parent.phones.map { "<Phone>" + element("PhoneNo", $0) + "</Phone>" }.joined() + "</Phones>")
                    + "</Contact>"
            }
            xml += "</Contacts>\n"
        }
        let years = record.years.filter { $0.possible > 0 }.sorted { ($0.year, $0.lea, $0.estab, $0.schoolName) < ($1.year, $1.lea, $1.estab, $1.schoolName) }
        if !years.isEmpty {
            xml += "      <Attendance>\n"
            for year in years {
                xml += "        <YearData>" + element("Year", "\(year.year)") + element("LEA", year.lea) + element("Estab", year.estab)
                    + element("SchoolName", year.schoolName) + element("SessionsPossible", "\(year.possible)")
                    + element("SessionsAuthorised", "\(year.authorised)") + element("SessionsAttended", "\(year.attended)")
                    + element("SessionsUnauthorised", "\(year.unauthorised)")
                if let sessions = year.sessions {
                    xml += "<AttendSessions>" + element("AttendanceStartDate", sessions.start.description)
                        + element("AttendanceMarks", sessions.marks.joined(separator: ",")) + "</AttendSessions>"
                }
                xml += "</YearData>\n"
            }
            xml += "      </Attendance>\n"
        }
        return xml + "    </Pupil>\n"
    }

    /// The National Curriculum year as a CTF writes it: R for reception, N1 and N2 for nursery.
    static func ncYear(_ yearGroup: Int) -> String {
        switch yearGroup {
        case 0: "R"
        case -1: "N2"
        case ..<(-1): "N1"
        default: "\(yearGroup)"
        }
    }

    /// `yyyy-MM-ddTHH:mm:ss` in England's time, no zone.
    static func dateTime(_ instant: Date) -> String {
        let day = CalendarDate(instant, in: School.timeZone), minute = School.minuteOfDay(instant)
        let second = Int(instant.timeIntervalSince1970.rounded(.down)) % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(two(minute / 60)):\(two(minute % 60)):\(two((second + 60) % 60))"
    }
}
