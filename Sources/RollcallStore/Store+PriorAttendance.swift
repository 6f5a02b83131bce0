import RollcallCore

extension Store {
    struct PriorAttendanceFile: Codable {
        /// By UPN: each pupil's years at earlier schools, as their CTFs brought them.
        var pupils: [String: [AttendanceYear]]
    }

    /// Each pupil's attendance at earlier schools, as it arrived by CTF: shown in their
    /// history and sent on in their next CTF, never counted here.
    public func priorAttendance() throws(StoreError) -> [UPN: [AttendanceYear]] {
        try withStoreLock { () throws(StoreError) in
            var years: [UPN: [AttendanceYear]] = [:]
            for (text, list) in try read(PriorAttendanceFile.self, at: layout.priorAttendance)?.pupils ?? [:] {
                guard let upn = try? UPN(text) else {
                    throw .damaged(path: layout.priorAttendance.string, line: nil, field: "pupils", detail: "'\(TerminalText.visible(text))' is not a UPN")
                }
                years[upn] = list
            }
            return years
        }
    }

    /// Adds years that arrived with pupils; a year already held (the same year and
    /// school) is not added twice.
    public func addPriorAttendance(_ years: [UPN: [AttendanceYear]]) throws {
        try update(layout.priorAttendance, lock: "prior-attendance", empty: PriorAttendanceFile(pupils: [:])) { file in
            for (upn, list) in years {
                var held = file.pupils[upn.text] ?? []
                for year in list where !held.contains(where: { ($0.year, $0.lea, $0.estab) == (year.year, year.lea, year.estab) }) { held.append(year) }
                file.pupils[upn.text] = held.sorted { ($0.year, $0.lea, $0.estab) < ($1.year, $1.lea, $1.estab) }
            }
        }
    }
}
