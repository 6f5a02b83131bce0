import Foundation
import RollcallCore
import SystemPackage

/// A group's registers for one academic year: the unit the store reads, locks and
/// rewrites when a mark is saved.
///
/// ```json
/// {
///   "schemaVersion": 1,
///   "group": "7A",
///   "academicYear": "2025-26",
///   "registers": {
///     "2025-09-03 AM": {"takenBy": "jsmith", "takenAt": "2025-09-03T08:41:07Z", "marks": {"B801200005001": "/", "P207000016049": {"code": "L", "minutesLate": 7}}}
///   }
/// }
/// ```
/// A mark is its code alone unless it has minutes late or a note.
struct MarksFile: Equatable {
    static let schemaVersion = 1

    let key: MarksFileKey
    var registers: [Session: Register]

    init(key: MarksFileKey, registers: [Session: Register] = [:]) {
        self.key = key
        self.registers = registers
    }

    func register(for session: Session) -> Register {
        registers[session] ?? Register(group: key.group, session: session)
    }

    /// The file's bytes, built as bytes, each pupil's key and each code written out once
    /// and copied after that.
    func encoded() -> [UInt8] {
        var writer = Writer(key: key)
        for session in registers.keys.sorted() {
            guard let register = registers[session] else { continue }
            writer.append(register)
        }
        return writer.finish()
    }

    /// Writes a marks file a register at a time, in session order; a register may also be
    /// copied as the text it was read as (`MarksFileEdit`).
    struct Writer {
        private var bytes: [UInt8] = []
        private var count = 0
        private var keys: [UPN: [UInt8]] = [:]
        private var codes: [AttendanceCode: [UInt8]] = [:]

        init(key: MarksFileKey) {
            bytes.reserveCapacity(1 << 16)
            append("{\n  \"schemaVersion\": \(MarksFile.schemaVersion),\n")
            append("  \"group\": \(JSONText.string(key.group)),\n")
            append("  \"academicYear\": \(JSONText.string(key.academicYear)),\n")
            append("  \"registers\": {")
        }

        private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

        /// A register's line up to its value, which follows on the same line.
        private mutating func startRegister(_ session: Session) {
            append(count == 0 ? "\n    \"" : ",\n    \"")
            append(session.description)
            append("\": ")
            count += 1
        }

        mutating func append(_ register: Register) {
            startRegister(register.session)
            append("{")
            if let takenBy = register.takenBy { append("\"takenBy\": \(JSONText.string(takenBy)), ") }
            if let takenAt = register.takenAt { append("\"takenAt\": \"\(JSONText.instant(takenAt))\", ") }
            append("\"marks\": {")
            for (position, (upn, mark)) in register.marks.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { append(", ") }
                if let known = keys[upn] {
                    bytes.append(contentsOf: known)
                } else {
                    let key = Array("\(JSONText.string(upn.text)): ".utf8)
                    keys[upn] = key
                    bytes.append(contentsOf: key)
                }
                if mark.minutesLate == nil && mark.note == nil {
                    if let known = codes[mark.code] {
                        bytes.append(contentsOf: known)
                    } else {
                        let code = Array(JSONText.string(mark.code.symbol).utf8)
                        codes[mark.code] = code
                        bytes.append(contentsOf: code)
                    }
                } else {
                    append(MarksFile.encode(mark))
                }
            }
            append("}}")
        }

        /// A register's value copied as it was read.
        mutating func append(_ session: Session, text: ArraySlice<UInt8>) {
            startRegister(session)
            bytes.append(contentsOf: text)
        }

        consuming func finish() -> [UInt8] {
            append(count == 0 ? "}\n}\n" : "\n  }\n}\n")
            return bytes
        }
    }

    static func encode(_ mark: Mark) -> String {
        if mark.minutesLate == nil && mark.note == nil { return JSONText.string(mark.code.symbol) }
        var fields = ["\"code\": \(JSONText.string(mark.code.symbol))"]
        if let minutes = mark.minutesLate { fields.append("\"minutesLate\": \(minutes)") }
        if let note = mark.note { fields.append("\"note\": \(JSONText.string(note))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func decode(_ bytes: [UInt8], key: MarksFileKey, path: FilePath) throws(StoreError) -> MarksFile {
        if let file = fastRead(bytes, key: key) { return file }
        // JSON allows a key twice and the decoder keeps the last: a pupil given twice in a
        // register could have two marks for one session, the one shown whichever came last.
        if let key = JSONScanner.duplicateKey(in: bytes) {
            let parts = key.split(separator: ".").map(String.init)
            let what = switch (parts.count, parts.first, parts.count > 2 ? parts[2] : nil) {
            case (4, "registers", "marks"): "pupil \(parts[3]) is given twice in the register of \(parts[1])"
            case (2, "registers", _): "the register of \(parts[1]) is given twice"
            default: "this key is given twice"
            }
            throw .damaged(path: path.string, line: nil, field: key,
                           detail: what + ": which mark stands cannot be known, so the file is not read; mend it from a backup")
        }
        let body = try JSONFile.decode(Body.self, from: bytes, path: path)
        guard body.schemaVersion <= schemaVersion else {
            throw .newerSchema(path: path.string, found: body.schemaVersion, supported: schemaVersion)
        }
        guard body.group == key.group, body.academicYear == key.academicYear else {
            throw .damaged(path: path.string, line: nil, field: "group",
                           detail: "holds \(body.group) \(body.academicYear), not \(key.group) \(key.academicYear)")
        }
        var registers: [Session: Register] = [:]
        for (session, stored) in body.registers {
            registers[session] = Register(
                group: key.group, session: session, marks: stored.marks,
                takenBy: stored.takenBy, takenAt: stored.takenAt)
        }
        return MarksFile(key: key, registers: registers)
    }

    /// The file as JSON sees it; sessions, UPNs and codes are checked as they are read.
    struct Body: Decodable {
        let schemaVersion: Int
        let group: String
        let academicYear: String
        let registers: [Session: StoredRegister]

        enum CodingKeys: String, CodingKey { case schemaVersion, group, academicYear, registers }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
            group = try container.decode(String.self, forKey: .group)
            academicYear = try container.decode(String.self, forKey: .academicYear)
            let byText = try container.decode([String: StoredRegister].self, forKey: .registers)
            var registers: [Session: StoredRegister] = [:]
            for (text, register) in byText {
                guard let session = Session(text) else {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: [CodingKeys.registers, AnyKey(text)],
                        debugDescription: "'\(text)' is not a session like '2025-09-03 AM'"))
                }
                registers[session] = register
            }
            self.registers = registers
        }
    }

    struct StoredRegister: Decodable {
        let takenBy: String?
        let takenAt: Date?
        let marks: [UPN: Mark]

        enum CodingKeys: String, CodingKey { case takenBy, takenAt, marks }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            takenBy = try container.decodeIfPresent(String.self, forKey: .takenBy)
            if let text = try container.decodeIfPresent(String.self, forKey: .takenAt) {
                guard let instant = JSONText.instant(parsing: text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .takenAt, in: container, debugDescription: "'\(text)' is not a time like 2025-09-03T08:41:07Z")
                }
                takenAt = instant
            } else {
                takenAt = nil
            }
            let byText = try container.decode([String: StoredMark].self, forKey: .marks)
            var marks: [UPN: Mark] = [:]
            for (text, stored) in byText {
                do {
                    marks[try UPN(text)] = stored.mark
                } catch {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: container.codingPath + [CodingKeys.marks, AnyKey(text)],
                        debugDescription: error.description))
                }
            }
            self.marks = marks
        }
    }

    /// A code alone, or an object with the code and its details.
    struct StoredMark: Decodable {
        let mark: Mark

        enum CodingKeys: String, CodingKey { case code, minutesLate, note }

        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let symbol = try? single.decode(String.self) {
                mark = Mark(try StoredMark.code(symbol, decoder.codingPath))
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let symbol = try container.decode(String.self, forKey: .code)
            mark = Mark(
                try StoredMark.code(symbol, container.codingPath + [CodingKeys.code]),
                minutesLate: try container.decodeIfPresent(Int.self, forKey: .minutesLate),
                note: try container.decodeIfPresent(String.self, forKey: .note))
        }

        static func code(_ symbol: String, _ path: [any CodingKey]) throws -> AttendanceCode {
            do {
                return try AttendanceCode.parse(symbol)
            } catch {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: error.description))
            }
        }
    }
}

/// A coding key made from text, for naming a dictionary entry in an error.
struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(_ text: String) { stringValue = text }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
