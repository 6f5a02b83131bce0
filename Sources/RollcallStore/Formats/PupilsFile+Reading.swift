import RollcallCore

extension Store.PupilsFile {
    /// Reads `pupils.json` without Foundation's decoder, which spends a tenth of a second
    /// on a 2,000-pupil school. nil when anything is not as Rollcall writes it (an unknown
    /// field, a bad value): the caller then decodes it the slow way, which names the problem.
    static func fastRead(_ bytes: [UInt8]) -> Store.PupilsFile? {
        var scanner = JSONScanner(bytes)
        var file = Store.PupilsFile(pupils: [])
        let read = scanner.object { scanner, name in
            switch name {
            case "leaversBefore":
                file.leaversBefore = scanner.plainString().flatMap { CalendarDate(utf8: $0) }
                return file.leaversBefore != nil
            case "pupils":
                return scanner.array { scanner in
                    guard let pupil = readPupil(&scanner) else { return false }
                    file.pupils.append(pupil)
                    return true
                }
            default:
                return false
            }
        }
        return read && scanner.isAtEnd ? file : nil
    }

    private static func readPupil(_ scanner: inout JSONScanner) -> Pupil? {
        var upn: UPN?, surname: String?, forename: String?, preferred: String?, birth: CalendarDate?, form: String?
        var sex: Sex?, sen = SENStatus.none, admission: CalendarDate?, leaving: CalendarDate?, yearGroup: Int?
        var fsm = false, eal = false, socialWorker = false, youthJustice = false, lookedAfter = false
        var formerForms: [String]?
        var address: String?, previousSchool: String?, deletionGround: DeletionGround?
        func date(_ scanner: inout JSONScanner, _ value: inout CalendarDate?) -> Bool {
            if scanner.takeNull() { return true }
            value = scanner.plainString().flatMap { CalendarDate(utf8: $0) }
            return value != nil
        }
        func text(_ scanner: inout JSONScanner, _ value: inout String?, nullable: Bool = false) -> Bool {
            if nullable, scanner.takeNull() { return true }
            value = scanner.string()
            return value != nil
        }
        func flag(_ scanner: inout JSONScanner, _ value: inout Bool) -> Bool {
            guard let read = scanner.boolean() else { return false }
            value = read
            return true
        }
        // Keys compared as bytes: seventeen a pupil, 34,000 in a school.
        var next = 0
        let read = scanner.rawObject { scanner, name in
            guard let position = PupilField.position(of: name, from: next) else { return false }
            next = position + 1
            switch PupilField.ordered[position].field {
            case .upn:
                upn = scanner.plainString().flatMap { UPN(utf8: $0) }
                return upn != nil
            case .surname: return text(&scanner, &surname)
            case .forename: return text(&scanner, &forename)
            case .preferredName: return text(&scanner, &preferred, nullable: true)
            case .address: return text(&scanner, &address, nullable: true)
            case .previousSchool: return text(&scanner, &previousSchool, nullable: true)
            case .deletionGround:
                if scanner.takeNull() { return true }
                deletionGround = scanner.string().flatMap(DeletionGround.init(rawValue:))
                return deletionGround != nil
            case .form: return text(&scanner, &form)
            case .formerForms:
                var forms: [String] = []
                guard scanner.array({ scanner in
                    guard let form = scanner.string() else { return false }
                    forms.append(form)
                    return true
                }) else { return false }
                formerForms = forms
                return true
            case .dateOfBirth: return date(&scanner, &birth)
            case .admissionDate: return date(&scanner, &admission)
            case .leavingDate: return date(&scanner, &leaving)
            case .sex:
                if scanner.takeNull() { return true }
                sex = scanner.string().flatMap(Sex.init(rawValue:))
                return sex != nil
            case .sen:
                guard let value = scanner.string().flatMap(SENStatus.init(rawValue:)) else { return false }
                sen = value
                return true
            case .yearGroup:
                yearGroup = scanner.integer()
                return yearGroup != nil
            case .fsm: return flag(&scanner, &fsm)
            case .eal: return flag(&scanner, &eal)
            case .hasSocialWorker: return flag(&scanner, &socialWorker)
            case .hasYouthJusticeWorker: return flag(&scanner, &youthJustice)
            case .isLookedAfter: return flag(&scanner, &lookedAfter)
            }
        }
        guard read, let upn, let surname, let forename, let birth, let yearGroup, let form else { return nil }
        return Pupil(upn: upn, surname: surname, forename: forename, preferredName: preferred, dateOfBirth: birth,
                     yearGroup: yearGroup, form: form, sex: sex, sen: sen, fsm: fsm, eal: eal, hasSocialWorker: socialWorker,
                     hasYouthJusticeWorker: youthJustice, isLookedAfter: lookedAfter, admissionDate: admission, leavingDate: leaving,
                     formerForms: formerForms, address: address, previousSchool: previousSchool, deletionGround: deletionGround)
    }
}

/// The fields of a pupil in `pupils.json`, in the order they are written (sorted).
private enum PupilField: String, CaseIterable {
    case address, admissionDate, dateOfBirth, deletionGround, eal, forename, form, formerForms, fsm, hasSocialWorker, hasYouthJusticeWorker
    case isLookedAfter, leavingDate, preferredName, previousSchool, sen, sex, surname, upn, yearGroup

    /// Every field with its name's bytes, in order.
    static let ordered: [(field: PupilField, name: [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// Where in `ordered` the field called `name` is, looked for from `start` on: as
    /// fields come sorted, the first or second tried is nearly always it.
    static func position(of name: ArraySlice<UInt8>, from start: Int) -> Int? {
        let ordered = PupilField.ordered
        for offset in 0..<ordered.count where ordered[(start + offset) % ordered.count].name.elementsEqual(name) {
            return (start + offset) % ordered.count
        }
        return nil
    }
}
