import Foundation
import RollcallTUI

/// Finds and reads theme files, wherever Rollcall is run from: `$ROLLCALL_THEMES`, a
/// `share/rollcall/themes` beside an installed binary, or the `Themes/` folder of the
/// source tree above the binary (`swift run`, tests), or of the working directory.
enum ThemeFiles {
    static var directories: [URL] {
        var found: [URL] = []
        if let configured = ProcessInfo.processInfo.environment["ROLLCALL_THEMES"], !configured.isEmpty {
            found.append(URL(fileURLWithPath: configured))
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        found.append(binary.appendingPathComponent("../share/rollcall/themes").standardizedFileURL)
        var directory = binary
        for _ in 0..<6 {
            found.append(directory.appendingPathComponent("Themes"))
            directory = directory.deletingLastPathComponent()
        }
        found.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Themes"))
        return found
    }

    /// The named theme; `monochrome` when colour is off. An unknown name is an error that
    /// lists the themes there are.
    static func load(_ name: String) throws -> Theme {
        for directory in directories {
            let file = directory.appendingPathComponent("\(name).json")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            do {
                return try JSONDecoder().decode(Theme.self, from: data)
            } catch {
                throw Failure("\(file.path): not a theme Rollcall can read (\(error))")
            }
        }
        if name == "monochrome" { return .plain }
        let known = Set(directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }).sorted()
        throw Failure("there is no theme called '\(name)'" + (known.isEmpty ? "" : "; the themes are \(known.joined(separator: ", "))"))
    }
}
