import Foundation

/// `~/.pgpass`, read as libpq reads it: lines of `host:port:database:user:password`, any
/// of the first four `*`, `\:` and `\\` escaped, the first match wins. A file others may
/// read is ignored, as libpq ignores it: a password in it is no longer a secret.
enum PasswordFile {
    static func lookup(_ path: String, for settings: DatabaseSettings) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? Int, mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let host = settings.host.hasPrefix("/") ? "localhost" : settings.host
        let wanted = [host, "\(settings.port)", settings.database, settings.user]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The fields of a line, split on unescaped colons.
    private static func split(_ line: String) -> [String] {
        var fields = [""], escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}
