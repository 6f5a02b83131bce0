import Foundation
import RollcallCore
import RollcallTUI

/// Finds the theme a user asks for. The themes Rollcall ships are compiled in
/// (`BuiltInThemes`), so a binary works wherever it is copied or installed; a school's
/// own theme files are read only from places someone chose: `$ROLLCALL_THEMES`, the
/// user's config folder (`$XDG_CONFIG_HOME/rollcall/themes`, by default
/// `~/.config/rollcall/themes`) and `share/rollcall/themes` of an installed binary's
/// prefix. Never the working directory or a folder above the binary, where anyone who
/// can write `/tmp` could plant one.
enum ThemeFiles {
    static var directories: [URL] {
        let environment = ProcessInfo.processInfo.environment
        var found: [URL] = []
        if let configured = environment["ROLLCALL_THEMES"], !configured.isEmpty {
            found.append(URL(fileURLWithPath: configured))
        }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            found.append(URL(fileURLWithPath: config).appendingPathComponent("rollcall/themes"))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            found.append(URL(fileURLWithPath: home).appendingPathComponent(".config/rollcall/themes"))
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        found.append(binary.appendingPathComponent("../share/rollcall/themes").standardizedFileURL)
        return found
    }

    /// A theme is asked for by name, never by path: `--theme ../../tmp/x` would read
    /// any JSON file on the server for a member of staff who reaches it only through the gate.
    static func checkName(_ name: String) throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw Failure("theme '\(TerminalText.visible(name))' is not a theme's name (letters, digits, - and _)")
        }
    }

    /// The named theme: a file of that name in one of `directories`, else the built-in
    /// one; `monochrome` when colour is off. An unknown name is an error that lists the
    /// themes there are.
    static func load(_ name: String) throws -> Theme {
        try checkName(name)
        for directory in directories {
            let file = directory.appendingPathComponent("\(name).json")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            do {
                return try JSONDecoder().decode(Theme.self, from: data)
            } catch {
                throw Failure("\(file.path): not a theme Rollcall can read (\(error))")
            }
        }
        if let text = BuiltInThemes.json[name] {
            return try JSONDecoder().decode(Theme.self, from: Data(text.utf8))
        }
        let files = directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        let known = Set(files + BuiltInThemes.json.keys).sorted()
        throw Failure("there is no theme called '\(name)'; the themes are \(known.joined(separator: ", "))")
    }
}
