import RollcallCore

extension Store.ContactsFile {
    /// Reads `contacts.json` without Foundation's decoder, which spent a fifth of
    /// `report followups` on a 2,000-pupil school's 3,000 contacts. nil when anything is
    /// not as Rollcall writes it (an unknown field, a bad value): the caller then decodes
    /// it the slow way, which names the problem.
    static func fastRead(_ bytes: [UInt8]) -> Store.ContactsFile? {
        var scanner = JSONScanner(bytes)
        var contacts: [Contact] = []
        let read = scanner.object { scanner, name in
            guard name == "contacts" else { return false }
            return scanner.array { scanner in
                guard let contact = readContact(&scanner) else { return false }
                contacts.append(contact)
                return true
            }
        }
        return read && scanner.isAtEnd ? Store.ContactsFile(contacts: contacts) : nil
    }

    private static func readContact(_ scanner: inout JSONScanner) -> Contact? {
        var upn: UPN?, name: String?, relationship: String?, role: Contact.Role?, lives: Bool?
        var phones: [String] = [], address: String?, emergency: String?
        func optional(_ scanner: inout JSONScanner, _ value: inout String?) -> Bool {
            if scanner.takeNull() { return true }
            value = scanner.string()
            return value != nil
        }
        let read = scanner.object { scanner, key in
            switch key {
            case "upn":
                upn = scanner.plainString().flatMap { UPN(utf8: $0) }
                return upn != nil
            case "name": return optional(&scanner, &name) && name != nil
            case "relationship": return optional(&scanner, &relationship) && relationship != nil
            case "role":
                role = scanner.string().flatMap(Contact.Role.init(rawValue:))
                return role != nil
            case "phones":
                return scanner.array { scanner in
                    guard let phone = scanner.string() else { return false }
                    phones.append(phone)
                    return true
                }
            case "livesWithPupil":
                lives = scanner.boolean()
                return lives != nil
            case "address": return optional(&scanner, &address)
            case "emergencyPhone": return optional(&scanner, &emergency)
            default: return false
            }
        }
        guard read, let upn, let name, let relationship, let role, let lives else { return nil }
        return Contact(upn: upn, name: name, relationship: relationship, role: role, phones: phones, livesWithPupil: lives,
                       address: address, emergencyPhone: emergency)
    }
}
