import RollcallCore

/// The census's attendance module as XML, each pupil's block in the shape census
/// software writes (`PupilIdentifiers`, then `Attendance` with `TermlyAttendance`, and
/// `SummerHalfTerm2Attendance` for the summer term's second half; CBDS 100228-100233,
/// 100481). The envelope around the pupils is Rollcall's own: the DfE's full census
/// message is not reproduced, only its attendance module, for census software to take in.
public enum CensusXML {
    private static let element = Markup.textElement

    public static func document(_ rows: [CensusAttendance], term: CensusTerm, startYear: Int, laestab: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CensusAttendance>\n"
        xml += "  <Header><LAESTAB>\(laestab)</LAESTAB><Term>\(term.rawValue)</Term><AcademicYear>\(startYear)</AcademicYear></Header>\n"
        xml += "  <Pupils>\n"
        let byPupil = Dictionary(grouping: rows, by: \.pupil.upn)
        for upn in byPupil.keys.sorted() {
            guard let periods = byPupil[upn], let pupil = periods.first?.pupil else { continue }
            xml += "    <Pupil>\n      <PupilIdentifiers>" + element("UPN", pupil.upn.text) + element("Surname", pupil.surname)
                + element("Forename", pupil.forename) + element("DOB", pupil.dateOfBirth.description) + "</PupilIdentifiers>\n"
            xml += "      <Attendance>\n"
            for row in periods {
                let name = row.period.name == "summer-2" ? "SummerHalfTerm2Attendance" : "TermlyAttendance"
                let tally = row.figures.tally
                xml += "        <\(name)>" + element("SessionsPossible", "\(tally.possible)") + element("SessionsAuthorised", "\(tally.authorisedAbsence)")
                    + element("SessionsUnauthorised", "\(tally.unauthorisedAbsence)")
                if !row.reasons.isEmpty {
                    xml += "<SessionDetails>" + row.reasons.map { reason in
                        "<SessionDetail>" + element("AttendanceReason", reason.code.symbol) + element("AbsenceSessions", "\(reason.sessions)") + "</SessionDetail>"
                    }.joined() + "</SessionDetails>"
                }
                xml += "</\(name)>\n"
            }
            xml += "      </Attendance>\n    </Pupil>\n"
        }
        return xml + "  </Pupils>\n</CensusAttendance>\n"
    }
}
