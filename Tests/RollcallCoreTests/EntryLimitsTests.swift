import Testing
@testable import RollcallCore

/// Text that reaches a screen: nothing that acts on a terminal, nothing invisible.
@Suite("Names, notes and the calendar's words are what they look like")
struct EntryLimitsTests {
    @Test(arguments: ["Am\u{200B}y", "Amy\u{200D}", "\u{FEFF}Amy", "Amy\u{2028}Smith", "Amy\u{2029}", "Amy\u{E0041}", "Amy\u{FE0F}",
                      "\u{FE0E}Amy", "Am\u{2060}y", "Am\u{00AD}y", "Amy\u{3164}"])
    func anInvisibleCharacterIsRefusedInANameAndANote(text: String) {
        #expect(EntryLimits.nameProblem(text)?.contains("holds an invisible character") == true)
        #expect(EntryLimits.textProblem(text)?.contains("holds an invisible character") == true)
    }

    @Test(arguments: ["Amy", "Siobhán", "Łukasz Kowalski", "Zoë O'Brien", "李小龙", "مريم", "Jo \u{2764}\u{FE0F} love"])
    func realNamesPass(text: String) {
        #expect(EntryLimits.nameProblem(text) == nil)
    }

    @Test func aTermNameOrAClosureReasonThatWouldActOnATerminalIsRefused() {
        #expect(throws: CalendarError.self) {
            try AcademicYear(name: "2025-26", terms: [Term(name: "Autumn\u{1B}[2J", start: day("2025-09-03"), end: day("2025-10-24"))])
        }
        do {
            _ = try AcademicYear(name: "2025-26", terms: [Term(name: "Autumn 1", start: day("2025-09-03"), end: day("2025-10-24"))],
                                 closures: [Closure(date: day("2025-10-06"), parts: [.am], reason: "INSET\u{202E}dlrow")])
            Issue.record("a closure reason with a direction override was accepted")
        } catch {
            #expect(error.description.hasPrefix("the reason for the closure on 2025-10-06 'INSET<U+202E>dlrow' holds a control or direction-override character"))
        }
    }
}
