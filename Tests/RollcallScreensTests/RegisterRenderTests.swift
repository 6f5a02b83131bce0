import Foundation
import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

@Suite("The register as drawn")
struct RegisterRenderTests {
    /// A line of the register: the name padded to the week's column (31), the ten
    /// session cells three wide, then the rate right-aligned in six from column 61.
    func line(_ name: String, _ cells: [String], _ rate: String, _ flags: String = "") -> String {
        let week = cells.map { $0.padding(toLength: 3, withPad: " ", startingAt: 0) }.joined()
        let text = name + String(repeating: " ", count: 31 - name.count) + week
            + String(repeating: " ", count: 6 - rate.count) + rate + (flags.isEmpty ? "" : " " + flags)
        return String(text.reversed().drop { $0 == " " }.reversed())
    }

    let unmarked = Array(repeating: "·", count: 10)

    @Test func anEightyByTwentyFourRegisterShowsEveryPartExactly() {
        let lines = Form7A.register().render().lines
        #expect(lines[0] == "Test Academy · 7A · Mon 8 Sep 2025 AM · closes 09:10")
        #expect(lines[1] == "3 unmarked of 4" + String(repeating: " ", count: 16) + "Mo pm Tu pm We pm Th pm Fr pm  Year% Flags")
        // Filed as a person files them; the leaver and the pupil of 7B are not here.
        #expect(lines[2] == line("adams, Amy", ["/"] + unmarked.dropFirst(), "100.0%"))
        #expect(lines[3] == line("O'Brien, Shiv", unmarked, "100.0%"))
        #expect(lines[4] == line("Ó Súilleabháin, Zoë", unmarked, "80.0%", "SW EHC"))
        #expect(lines[5] == line("Wiśniewski, Łukasz", unmarked, "100.0%"))
        #expect(lines[6...22].allSatisfy { $0.isEmpty })
        #expect(lines[23] == "/ present  Enter codes  a all present  u undo  f find  i history  ? help  q quit")
    }

    /// PT is Core's part-time timetable rule: what the interventions log says.
    @Test func ptShowsWhileTheLogHasAPartTimeTimetableAndGoesWhenItEnds() throws {
        func logged(_ kinds: [(String, InterventionKind, String?)]) throws -> [InterventionRecord] {
            try kinds.enumerated().map { index, entry in
                InterventionRecord(number: index + 1, intervention: try Intervention(upn: Form7A.lukasz.upn, date: day(entry.0), kind: entry.1,
                                                                                      reviewDate: entry.2.map(day)),
                                   by: Recorder(login: "lead"), at: Date(timeIntervalSince1970: 0))
            }
        }
        let agreed = try logged([("2025-09-04", .partTimeTimetable, "2025-10-04")])
        #expect(Form7A.register(log: agreed).render().lines[5] == line("Wiśniewski, Łukasz", unmarked, "100.0%", "PT"))
        let ended = try logged([("2025-09-04", .partTimeTimetable, "2025-10-04"), ("2025-09-05", .partTimeEnded, nil)])
        #expect(Form7A.register(log: ended).render().lines[5] == line("Wiśniewski, Łukasz", unmarked, "100.0%"))
    }

    @Test func rolesMarkTheCursorTheSessionAndEachCategory() throws {
        var state = Form7A.register(Session(day("2025-09-05"), .am))
        let buffer = state.render()
        // Friday 5 September: the week of 1 September, with Friday as the chosen column.
        #expect(buffer.lines[1].hasSuffix("Mo pm Tu pm We pm Th pm Fr pm  Year% Flags"))
        let friday = 31 + 8 * 3
        #expect(buffer[friday, 1].role == .selection)
        #expect(buffer[31, 1].role == .dim)
        #expect(buffer[0, 2].role == .cursor && buffer[friday, 2].role == .cursor)
        #expect(buffer[0, 3].role == .normal)
        // Gwen leaves on Friday, so is still on this register (row 3); Zoë (row 5) was
        // ill on Monday and present on Friday; Łukasz (row 6) late on Tuesday morning.
        #expect(buffer.lines[3].hasPrefix("Gone, Gwen"))
        #expect(buffer[31, 5].text == "I" && buffer[31, 5].role == .authorised)
        #expect(buffer[friday, 5].text == "/" && buffer[friday, 5].role == .present)
        #expect(buffer[34, 5].text == "I")
        #expect(buffer[37, 6].text == "L" && buffer[37, 6].role == .late)
        #expect(buffer[68, 5].role == .warning && buffer[68, 5].text == "S")
        _ = state.handle(.down, minute: 600)
        #expect(state.render()[0, 3].role == .cursor)
    }

    @Test func aWideTerminalGivesNamesMoreRoom() {
        let lines = Form7A.register(size: Size(width: 120, height: 30)).render().lines
        #expect(lines[2].hasPrefix("adams, Amy" + String(repeating: " ", count: 61) + "/  ·"))
        #expect(lines[29].hasPrefix("/ present"))
    }

    @Test func aTerminalTooSmallSaysSoInsteadOfDrawingGarbage() {
        let lines = Form7A.register(size: Size(width: 50, height: 20)).render().lines
        #expect(lines[0] == "Terminal too small: 60x10 needed, this is 50x20")
        #expect(lines[1...].allSatisfy { $0.isEmpty })
    }

    @Test func theHelpOverlayListsEveryKeyFromTheKeyTable() {
        var state = Form7A.register()
        _ = state.handle(.character("?"), minute: 0)
        let screen = state.render().lines.joined(separator: "\n")
        for binding in RegisterCommand.keys.bindings {
            #expect(screen.contains(binding.help), "help is missing '\(binding.help)'")
        }
        #expect(screen.contains("┌─ Keys in the register"))
        #expect(screen.contains("C1 C2 J1 Y1-7  two-character codes: type both keys"))
        _ = state.handle(.character("x"), minute: 0)
        #expect(state.mode == .marking)
    }

    @Test func theCodePickerShowsCodesByCategoryWithTheirMeaning() {
        var state = Form7A.register()
        _ = state.handle(.enter, minute: 0)
        let screen = state.render().lines.joined(separator: "\n")
        #expect(screen.contains("── Present"))
        #expect(screen.contains("/   Present (morning session)"))
        #expect(!screen.contains("Present (afternoon session)"))
        #expect(state.render().lines.contains { $0.contains("Codes (Enter marks, Esc closes)") })
    }
}
