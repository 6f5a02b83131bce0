import Foundation
import Testing
@testable import RollcallTUI

@Suite("Themes")
struct ThemeTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Themes").standardizedFileURL

    static func theme(_ name: String) throws -> Theme {
        try JSONDecoder().decode(Theme.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
    }

    @Test("every theme file reads and names itself", arguments: ["default", "light", "high-contrast", "colour-blind", "monochrome"])
    func themesRead(name: String) throws {
        let theme = try Self.theme(name)
        #expect(theme.name == name)
        // The cursor and the two kinds of absence must stand out from plain text.
        for role in [StyleRole.cursor, .unauthorised, .header] {
            #expect(theme.style(role) != Theme.Style(), "\(name) leaves \(role) plain")
        }
    }

    @Test func monochromeUsesNoColourAndTellsCategoriesApartByAttributes() throws {
        let theme = try Self.theme("monochrome")
        #expect(theme.roles.values.allSatisfy { $0.fg == nil && $0.bg == nil && $0.fg256 == nil && $0.bg256 == nil })
        let categories: [StyleRole] = [.present, .approvedActivity, .authorised, .unauthorised]
        #expect(Set(categories.map { theme.style($0).attributes }).count == 4)
    }

    /// A 256-colour sequence is ten bytes where an ANSI one is five: the default theme is
    /// the one tutors mark with over SSH, so it keeps to the eight the terminal has.
    @Test func theDefaultThemeUsesOnlyTheTerminalsOwnEightColours() throws {
        let theme = try Self.theme("default")
        #expect(theme.roles.values.allSatisfy { $0.fg256 == nil && $0.bg256 == nil })
        #expect(theme.roles.values.contains { $0.fg != nil })
    }

    @Test func theColourBlindThemeKeepsToTheOkabeItoPalette() throws {
        let okabeIto: Set<Int> = [16, 231, 250, 178, 74, 35, 221, 25, 166, 175]
        let theme = try Self.theme("colour-blind")
        let used = theme.roles.values.flatMap { [$0.fg256, $0.bg256].compactMap { $0 } }
        #expect(Set(used).isSubset(of: okabeIto))
    }

    /// The themes compiled into the binary are the files in `Themes/`, every one of them:
    /// run `scripts/embed-themes` after editing a file.
    @Test func theBuiltInThemesAreTheThemeFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".json") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltInThemes.json.keys))
        for file in files {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInThemes.json[String(file.dropLast(5))].map { $0 + "\n" } == text, "\(file): run scripts/embed-themes")
            _ = try JSONDecoder().decode(Theme.self, from: Data((BuiltInThemes.json[String(file.dropLast(5))] ?? "").utf8))
        }
    }

    @Test func anUnknownRoleIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Theme.self, from: Data(#"{"name": "x", "roles": {"presnt": {}}}"#.utf8))
        }
    }
}

@Suite("The README")
struct ReadmeKeysTests {
    static let readme = ThemeTests.directory.appendingPathComponent("../README.md")

    /// The README's key tables are generated from the screens' key tables. Run the suite
    /// with RECORD_README=1 to write them again after changing a key.
    @Test func theReadmesKeyTablesAreTheScreensKeyTables() throws {
        let readme = try String(contentsOf: ReadmeKeysTests.readme, encoding: .utf8)
        let generated = KeyGuide.regenerate(readme)
        if ProcessInfo.processInfo.environment["RECORD_README"] == "1", generated != readme {
            try generated.write(to: ReadmeKeysTests.readme, atomically: true, encoding: .utf8)
        }
        #expect(generated == readme, "the README's key tables differ from the screens': run the tests with RECORD_README=1")
        for screen in KeyGuide.screens {
            #expect(readme.contains("<!-- keys: \(screen.name) -->"), "the README has no key table for \(screen.name)")
        }
    }

    /// Kept from before the tables were generated: rows a person looks for are there, as written.
    @Test func theReadmeListsEveryRegisterKeyAsTheScreenDoes() throws {
        let readme = try String(contentsOf: ReadmeKeysTests.readme, encoding: .utf8)
        for binding in RegisterCommand.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label): \(binding.help)")
        }
        #expect(readme.contains("| `C1 C2 J1 Y1-7` | two-character codes: type both keys |"))
        #expect(readme.contains("| `/ \\ .` | present |"))
        for binding in DashboardCommand.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label)")
        }
        for binding in TableCommand.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label)")
        }
        for binding in HistoryCommand.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label)")
        }
    }
}
