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
        default:
            guard text.utf8.count == 7, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
            self = .school(laestab: text)
        }
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
    var lea: String { String(code.prefix(3)) }
    var estab: String { String(code.suffix(4)) }

    /// `LLLEEEE_CTF_DDDDDDD_nnn.xml`: the source, the destination, and the file's number
    /// among those written to that destination.
    public func fileName(from laestab: String, sequence: Int) -> String {
        "\(laestab)_CTF_\(code)_\(String(repeating: "0", count: max(0, 3 - String(sequence).count)))\(sequence).xml"
    }
}
