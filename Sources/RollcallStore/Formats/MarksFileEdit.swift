import RollcallCore
import SystemPackage

/// A marks file opened to change a few of its registers. The others stay the text they
/// were read as and are copied back unread, so saving a mark decodes and encodes one
/// register of the form's year (770 of them, 300 KB), not all of them.
///
/// A file that is not as Rollcall writes it is decoded whole, as before, so a damaged
/// file is refused with its line and field; so is one whose register being changed
/// cannot be read.
struct MarksFileEdit {
    let key: MarksFileKey
    private let path: FilePath
    private var bytes: [UInt8] = []
    /// Where each register not yet read is in `bytes`.
    private var places: [Session: Range<Int>] = [:]
    /// Registers read or changed.
    private var registers: [Session: Register] = [:]
    private var upns = MarksFile.KnownUPNs()

    init(key: MarksFileKey, path: FilePath, bytes: [UInt8]?) throws(StoreError) {
        self.key = key
        self.path = path
        guard let bytes else { return }
        if let places = MarksFile.places(bytes, key: key) {
            self.bytes = bytes
            self.places = places
        } else {
            registers = try MarksFile.decode(bytes, key: key, path: path).registers
        }
    }

    /// The register as it stands in this edit; an empty one if the file has none.
    mutating func register(for session: Session) throws(StoreError) -> Register {
        if let register = registers[session] { return register }
        guard let place = places[session] else { return Register(group: key.group, session: session) }
        var scanner = JSONScanner(bytes)
        scanner.position = place.lowerBound
        guard let register = MarksFile.register(&scanner, group: key.group, session: session, upns: &upns) else {
            // Not as Rollcall writes it: the decoder reads the file whole and names the problem.
            registers = try MarksFile.decode(bytes, key: key, path: path).registers
            places = [:]
            return registers[session] ?? Register(group: key.group, session: session)
        }
        places[session] = nil
        registers[session] = register
        return register
    }

    mutating func replace(_ register: Register) {
        places[register.session] = nil
        registers[register.session] = register
    }

    /// The whole file: registers read or changed encoded, the rest copied.
    func encoded() -> [UInt8] {
        var writer = MarksFile.Writer(key: key)
        for session in Set(places.keys).union(registers.keys).sorted() {
            if let place = places[session] {
                writer.append(session, text: bytes[place])
            } else if let register = registers[session] {
                writer.append(register)
            }
        }
        return writer.finish()
    }
}
