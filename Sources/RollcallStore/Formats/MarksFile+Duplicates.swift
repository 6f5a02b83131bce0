import RollcallCore

extension MarksFile {
    /// A register or a pupil's mark given twice in a marks file: JSON allows a key twice
    /// and a decoder keeps the last, so a pupil could have two marks for one session and
    /// the one shown be whichever came last. Found by walking the file's keys; nil when
    /// every key is given once (or the file is not shaped as a marks file, which the
    /// decoder names).
    static func duplicate(in bytes: [UInt8]) -> (session: String, upn: String?)? {
        var scanner = JSONScanner(bytes)
        var found: (session: String, upn: String?)?
        _ = scanner.object { scanner, name in
            guard name == "registers" else { return scanner.skipValue() }
            var sessions: Set<String> = []
            return scanner.object { scanner, session in
                guard sessions.insert(session).inserted else {
                    found = (session, nil)
                    return false
                }
                return scanner.object { scanner, field in
                    guard field == "marks" else { return scanner.skipValue() }
                    var upns: Set<String> = []
                    return scanner.object { scanner, upn in
                        guard upns.insert(upn).inserted else {
                            found = (session, upn)
                            return false
                        }
                        return scanner.skipValue()
                    }
                }
            }
        }
        return found
    }
}
