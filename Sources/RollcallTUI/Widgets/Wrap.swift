/// Text broken at spaces into lines that fit a width, for notes and sentences that a
/// narrow terminal would otherwise cut off mid-word.
public enum Wrap {
    public static func lines(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? (lines.isEmpty ? "" : indent) + word : current + " " + word
            if DisplayWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
