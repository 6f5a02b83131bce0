/// Where a Common Transfer File goes: a school the DfE knows by its LAESTAB, a school
/// not yet known (the file goes to the "lost pupils" database), or one outside the
/// system (abroad, independent).
public enum CTFDestination: Hashable, Sendable {
    case school(laestab: String)
    case unknown
    case outside

    /// `8881234`, `unknown` or `outside`, as `--to` takes it; nil for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "unknown": self = .unknown
        case "outside": self = .outside
        default: self.init(code: text)
        }
    }

    /// The seven characters of `code` (a LAESTAB, `XXXXXXX` or `MMMMMMM`), as a file's
    /// name and the admission log write them; nil for anything else.
    public init?(code: String) {
        switch code {
        case "XXXXXXX": self = .unknown
        case "MMMMMMM": self = .outside
        default:
            guard School.isLAESTAB(code) else { return nil }
            self = .school(laestab: code)
        }
    }

    /// Whether `name` is a CTF's file name as `fileName` writes them:
    /// `LLLEEEE_CTF_DDDDDDD_nnn.xml`, the number three digits or more.
    public static func isFileName(_ name: String) -> Bool {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 4, School.isLAESTAB(String(parts[0])), parts[1] == "CTF", CTFDestination(code: String(parts[2])) != nil,
              parts[3].hasSuffix(".xml") else { return false }
        let number = parts[3].dropLast(4)
        return number.count >= 3 && number.utf8.allSatisfy { (48...57).contains($0) }
    }

    /// The seven characters the file's name and the admission log use.
    public var code: String {
        switch self {
        case let .school(laestab): laestab
        case .unknown: "XXXXXXX"
        case .outside: "MMMMMMM"
        }
    }

    /// The header's `LEA` and `Estab`.
    public var lea: String { String(code.prefix(3)) }
    public var estab: String { String(code.suffix(4)) }

    /// `LLLEEEE_CTF_DDDDDDD_nnn.xml`: the source, the destination, and the file's number
    /// among those written to that destination.
    public func fileName(from laestab: String, sequence: Int) -> String {
        "\(laestab)_CTF_\(code)_\(String(repeating: "0", count: max(0, 3 - String(sequence).count)))\(sequence).xml"
    }
}
