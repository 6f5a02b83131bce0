#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only reader of JSON bytes, for the one file Rollcall reads in bulk: a form's
/// marks for a year, 12,000 marks at a time. It says "not what I expected" by returning
/// nil and leaves reporting to `JSONFile`, which re-reads a file it could not take with
/// Foundation's decoder to name the line and field.
struct JSONScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Where the scanner is, in bytes: for copying a value's text unchanged, or for going
    /// back to read it again another way.
    var position: Int {
        get { index }
        set { index = newValue }
    }

    var isAtEnd: Bool {
        mutating get {
            skipSpace()
            return index == bytes.count
        }
    }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    /// Consumes `byte` (after any white space) if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func takeNull() -> Bool {
        take(word: JSONScanner.null)
    }

    /// Consumes a bare word (`null`, `true`, `false`) if it is next.
    private mutating func take(word: [UInt8]) -> Bool {
        skipSpace()
        guard bytes[index...].starts(with: word) else { return false }
        index += word.count
        return true
    }

    private static let null = Array("null".utf8), yes = Array("true".utf8), no = Array("false".utf8)

    /// Whether a string comes next.
    mutating func atString() -> Bool {
        skipSpace()
        return index < bytes.count && bytes[index] == UInt8(ascii: "\"")
    }

    /// The next string's raw bytes when it has no escapes: the common case, and cheap.
    /// nil (and the position is then undefined) if it has any: use `string()`.
    mutating func plainString() -> ArraySlice<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // The one loop every key and code goes through: without bounds checks per byte.
        let end = bytes.withUnsafeBufferPointer { buffer -> Int? in
            var position = start
            while position < buffer.count {
                let byte = buffer[position]
                if byte == UInt8(ascii: "\"") { return position }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                position += 1
            }
            return nil
        }
        guard let end else { return nil }
        index = end + 1
        return bytes[start..<end]
    }

    /// The next string when it is exactly `count` bytes with no quote among them: a
    /// pupil's codes in a digest. The closing quote is found with memchr, which is many
    /// times quicker than `plainString`'s byte loop over a year of codes; the caller
    /// checks the bytes it uses.
    mutating func string(ofLength count: Int) -> ArraySlice<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        guard bytes.count - start > count else { return nil }
        let quote = bytes.withUnsafeBufferPointer { buffer in
            memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\"")), count + 1).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer.baseAddress!) }
        }
        guard quote == start + count else { return nil }
        index = start + count + 1
        return bytes[start..<(start + count)]
    }

    /// Passes over an object whose contents are not needed, quickly: braces are counted
    /// outside strings, and nothing is read.
    mutating func skipObject() -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
        let start = index
        let end = bytes.withUnsafeBufferPointer { buffer -> Int? in
            var depth = 0, position = start, inString = false
            while position < buffer.count {
                let byte = buffer[position]
                if inString {
                    if byte == UInt8(ascii: "\\") { position += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return position }
                }
                position += 1
            }
            return nil
        }
        guard let end else { return false }
        index = end + 1
        return true
    }

    /// Passes over a string written exactly as Rollcall writes an instant,
    /// `"2025-09-03T08:41:07Z"`, checking that it is one (a real date, a time of day)
    /// without making anything: a register's `takenAt` when only its marks are wanted,
    /// 54,000 times a year. false, the position unchanged, for anything else; the caller
    /// then reads it in full (`instant()`), as the decoder would.
    mutating func skipPlainInstant() -> Bool {
        skipSpace()
        let start = index
        guard bytes.count - start >= 22 else { return false }
        let valid = bytes.withUnsafeBufferPointer { buffer -> Bool in
            func at(_ offset: Int) -> UInt8 { buffer[start + 1 + offset] }
            func number(_ offset: Int, _ count: Int) -> Int? {
                var value = 0
                for position in offset..<(offset + count) {
                    let digit = at(position) &- 48
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard buffer[start] == UInt8(ascii: "\""), buffer[start + 21] == UInt8(ascii: "\""),
                  at(4) == UInt8(ascii: "-"), at(7) == UInt8(ascii: "-"), at(10) == UInt8(ascii: "T"),
                  at(13) == UInt8(ascii: ":"), at(16) == UInt8(ascii: ":"), at(19) == UInt8(ascii: "Z"),
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hours = number(11, 2), let minutes = number(14, 2), let seconds = number(17, 2),
                  (1...12).contains(month), hours < 24, minutes < 60, seconds < 60 else { return false }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
            return (1...days).contains(day)
        }
        if valid { index = start + 22 }
        return valid
    }

    /// Passes over a string or null whose value is not needed.
    mutating func skipStringOrNull() -> Bool {
        if takeNull() { return true }
        skipSpace()
        let start = index
        if plainString() != nil { return true }
        index = start
        return string() != nil
    }

    /// A string of one or two ASCII characters, the shape of every attendance code, as
    /// a number (first byte, then second): `\\`, JSON's way of writing `\`, is read as it
    /// should be. nil for anything longer or otherwise escaped.
    mutating func shortASCII() -> UInt16? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var value: UInt16 = 0
        var count = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            var byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") else { return nil }
                index += 1
                byte = UInt8(ascii: "\\")
            }
            guard byte >= 0x20, byte < 0x80, count < 2 else { return nil }
            value = value << 8 | UInt16(byte)
            count += 1
            index += 1
        }
        guard index < bytes.count else { return nil }
        index += 1
        return value
    }

    /// The next string, escapes included.
    mutating func string() -> String? {
        skipSpace()
        let start = index
        if let plain = plainString() { return String(utf8Bytes: plain) }
        index = start
        guard take(UInt8(ascii: "\"")) else { return nil }
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        func flush() -> Bool {
            guard let text = String(validating: pending, as: UTF8.self) else { return false }
            scalars.append(contentsOf: text.unicodeScalars)
            pending.removeAll()
            return true
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return flush() ? String(scalars) : nil
            case UInt8(ascii: "\\"):
                guard flush(), index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(unit) {
                        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low),
                              let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else { return nil }
                        scalars.append(scalar)
                    } else {
                        guard let scalar = Unicode.Scalar(unit) else { return nil }
                        scalars.append(scalar)
                    }
                default: return nil
                }
            case 0..<0x20:
                return nil
            default:
                pending.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - index >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    /// A whole number (no fraction or exponent).
    mutating func integer() -> Int? {
        skipSpace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), index - start < 18 {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, index == bytes.count || !"0123456789.eE".utf8.contains(bytes[index]) else { return nil }
        return negative ? -value : value
    }

    mutating func boolean() -> Bool? {
        if take(word: JSONScanner.yes) { return true }
        if take(word: JSONScanner.no) { return false }
        return nil
    }

    /// Whether the next value is an object, or an array (after any space).
    var atObjectStart: Bool { index < bytes.count && bytes[index] == UInt8(ascii: "{") }
    var atArrayStart: Bool { index < bytes.count && bytes[index] == UInt8(ascii: "[") }

    /// Passes over any one value: an object, an array, a string, a number, true, false
    /// or null.
    mutating func skipValue() -> Bool {
        skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return skipObject()
        case UInt8(ascii: "["): return array { $0.skipValue() }
        case UInt8(ascii: "\""): return string() != nil
        default:
            // A number, true, false or null: up to the next delimiter or space.
            let start = index
            scan: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    break scan
                default:
                    index += 1
                }
            }
            return index > start
        }
    }

    /// Reads `[ value, ... ]`, calling `element` positioned at each value.
    mutating func array(_ element: (inout JSONScanner) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    /// Reads `{ "key": value, ... }` whose keys have no escapes, calling `member` with
    /// each key's bytes: no string is made, for the hundreds of thousands of UPN keys of
    /// a school's year.
    mutating func rawObject(_ member: (inout JSONScanner, ArraySlice<UInt8>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = plainString(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// Reads `{ "key": value, ... }`, calling `member` with each key positioned at its
    /// value; `member` returns false when the value is not what it expects.
    mutating func object(_ member: (inout JSONScanner, String) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }
}
