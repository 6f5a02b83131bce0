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
