import RollcallCore

extension Store.PupilsFile {
    /// Reads `pupils.json` without Foundation's decoder, which spends a tenth of a second
    /// on a 2,000-pupil school. nil when anything is not as Rollcall writes it (an unknown
    /// field, a bad value): the caller then decodes it the slow way, which names the problem.
    static func fastRead(_ bytes: [UInt8]) -> [Pupil]? {
        var scanner = JSONScanner(bytes)
        var pupils: [Pupil] = []
        let read = scanner.object { scanner, name in
            guard name == "pupils" else { return false }
            return scanner.array { scanner in
                guard let pupil = readPupil(&scanner) else { return false }
                pupils.append(pupil)
                return true
            }
        }
        return read && scanner.isAtEnd ? pupils : nil
    }

    private static func readPupil(_ scanner: inout JSONScanner) -> Pupil? {
        var text: [String: String] = [:], flags: [String: Bool] = [:]
        var yearGroup: Int?
        let read = scanner.object { scanner, name in
            switch name {
            case "upn", "surname", "forename", "preferredName", "dateOfBirth", "form", "sex", "sen", "admissionDate", "leavingDate":
                if scanner.takeNull() { return true }
                text[name] = scanner.string()
                return text[name] != nil
            case "fsm", "eal", "hasSocialWorker", "hasYouthJusticeWorker", "isLookedAfter":
                flags[name] = scanner.boolean()
                return flags[name] != nil
            case "yearGroup":
                yearGroup = scanner.integer()
                return yearGroup != nil
            default:
                return false
            }
        }
        func date(_ name: String) -> CalendarDate?? {
            guard let value = text[name] else { return .some(nil) }
            return CalendarDate(value).map { .some($0) }
        }
        guard read, let upnText = text["upn"], let upn = try? UPN(upnText), let surname = text["surname"],
              let forename = text["forename"], let birth = text["dateOfBirth"].flatMap(CalendarDate.init),
              let yearGroup, let form = text["form"], let sen = SENStatus(rawValue: text["sen"] ?? "N"),
              let admission = date("admissionDate"), let leaving = date("leavingDate") else { return nil }
        var sex: Sex?
        if let value = text["sex"] {
            guard let parsed = Sex(rawValue: value) else { return nil }
            sex = parsed
        }
        return Pupil(upn: upn, surname: surname, forename: forename, preferredName: text["preferredName"], dateOfBirth: birth,
                     yearGroup: yearGroup, form: form, sex: sex, sen: sen, fsm: flags["fsm"] ?? false, eal: flags["eal"] ?? false,
                     hasSocialWorker: flags["hasSocialWorker"] ?? false, hasYouthJusticeWorker: flags["hasYouthJusticeWorker"] ?? false,
                     isLookedAfter: flags["isLookedAfter"] ?? false, admissionDate: admission, leavingDate: leaving)
    }
}
