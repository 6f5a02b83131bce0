/// Text from the school's data made safe to write to a terminal.
///
/// Names, notes, reasons and contacts come from imports and from other staff, so any of
/// them may hold an escape sequence that clears a lead's screen or moves the cursor to
/// hide a line, a newline that forges a row, or a bidirectional override that shows a
/// name backwards. Every line Rollcall writes for a person at a terminal goes through
/// `visible`: each such character is shown as a placeholder a person can read, and
/// nothing else changes. CSV and JSON keep the data exact.
public enum TerminalText {
    /// `text` with control characters (C0, DEL, C1) shown as Unicode's control pictures
    /// or `<U+XXXX>`, and bidirectional controls as `<U+XXXX>`.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsPlaceholder) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsPlaceholder(scalar) else {
                result.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F:
                // U+2400 CONTROL PICTURES: ␀ ... ␛ ... ␟, one column like the rest.
                result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F:
                result.append("\u{2421}")
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>".unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether `scalar` could change what a terminal shows other than by being shown.
    public static func needsPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Marks, embeddings, overrides and isolates that reorder what follows them.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
