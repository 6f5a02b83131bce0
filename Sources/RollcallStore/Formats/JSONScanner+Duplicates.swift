extension JSONScanner {
    /// The path (`registers.2025-09-03 AM.marks.UPN`, `members`) of the first key that an
    /// object of this JSON text gives twice, at any depth; nil when every key is given once
    /// or the text is not JSON (which the decoder names). JSON allows a key twice and a
    /// decoder keeps the last, so a hand edit could hide a value behind another.
    static func duplicateKey(in bytes: [UInt8]) -> String? {
        var scanner = JSONScanner(bytes)
        var found: [String]?
        var path: [String] = []
        func value(_ scanner: inout JSONScanner) -> Bool {
            scanner.skipSpace()
            if scanner.atObjectStart {
                var keys: Set<String> = []
                return scanner.object { scanner, key in
                    guard keys.insert(key).inserted else {
                        found = path + [key]
                        return false
                    }
                    path.append(key)
                    defer { path.removeLast() }
                    return value(&scanner)
                }
            }
            if scanner.atArrayStart { return scanner.array { value(&$0) } }
            return scanner.skipValue()
        }
        _ = value(&scanner)
        return found?.joined(separator: ".")
    }
}
