import Foundation
import Testing
@testable import RollcallScreens
import RollcallTUI

/// The guides a person reads: the README and every guide under docs/.
enum Guides {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

    static var files: [URL] {
        let docs = root.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [root.appendingPathComponent("README.md")]
            + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    /// Every guide's text, one string.
    static func text() throws -> String {
        try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }
}

@Suite("The guides' key tables")
struct ReadmeKeysTests {
    /// The guides' key tables are generated from the screens' key tables. Run the suite
    /// with RECORD_KEYS=1 to write them again after changing a key.
    @Test func theGuidesKeyTablesAreTheScreensKeyTables() throws {
        for file in Guides.files {
            let guide = try String(contentsOf: file, encoding: .utf8)
            let generated = KeyGuide.regenerate(guide, screens: SchoolKeyGuide.screens)
            if ProcessInfo.processInfo.environment["RECORD_KEYS"] == "1", generated != guide {
                try generated.write(to: file, atomically: true, encoding: .utf8)
            }
            #expect(generated == guide, "\(file.lastPathComponent)'s key tables differ from the screens': run the tests with RECORD_KEYS=1")
        }
        let all = try Guides.text()
        for screen in SchoolKeyGuide.screens {
            #expect(all.contains("<!-- keys: \(screen.name) -->"), "no guide has a key table for \(screen.name)")
        }
    }

    /// Kept from before the tables were generated: rows a person looks for are there, as written.
    @Test func theReadmeListsEveryRegisterKeyAsTheScreenDoes() throws {
        let readme = try Guides.text()
        for binding in RegisterCommand.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label): \(binding.help)")
        }
        #expect(readme.contains("| `C1 C2 J1 Y1-7` | two-character codes: type both keys |"))
        #expect(readme.contains("| `/ \\ .` | present |"))
        for binding in DashboardCommand.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label)")
        }
        for binding in PupilList.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label)")
        }
        for binding in HistoryCommand.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "README lacks \(binding.label)")
        }
        // The roll's keys: D, and the deletion walk.
        for binding in RollState.keys.bindings {
            #expect(readme.contains("| `\(binding.label)` | \(binding.help) |"), "the guides lack the roll's \(binding.label)")
        }
        #expect(readme.contains("| `Esc` | stop: nothing is deleted |"))
    }
}
