import Testing
@testable import RollcallCore

/// The fixture year as of Monday 10 November 2025: Autumn 1 ended Friday 24 October and
/// Monday 3 November was an INSET day, both in the past.
@Suite("The calendar's past is evidence")
struct CalendarAmendmentTests {
    let today = day("2025-11-10")

    func year(terms change: (inout [Term]) -> Void = { _ in }, closures changeClosures: (inout [Closure]) -> Void = { _ in }) throws -> AcademicYear {
        let fixture = try year2025_26()
        var terms = fixture.terms, closures = fixture.closures
        change(&terms)
        changeClosures(&closures)
        return try AcademicYear(name: fixture.name, terms: terms, closures: closures)
    }

    @Test func openingAPastInsetDayIsAChangeToThePast() throws {
        let opened = try year(closures: { $0.removeAll { $0.date == day("2025-11-03") } })
        #expect(CalendarAmendment.changesToThePast(from: try year2025_26(), to: opened, before: today) == ["2025-11-03: closed, now open AM+PM"])
    }

    @Test func renamingAPastClosureIsAChangeToThePast() throws {
        let renamed = try year(closures: { $0[0].reason = "Training" })
        #expect(CalendarAmendment.changesToThePast(from: try year2025_26(), to: renamed, before: today)
                == ["2025-11-03: closure AM+PM 'INSET', now AM+PM 'Training'"])
    }

    @Test func movingAPastTermsEndIsAChangeToThePast() throws {
        let shorter = try year(terms: { $0[0].end = day("2025-10-23") })
        #expect(CalendarAmendment.changesToThePast(from: try year2025_26(), to: shorter, before: today) == [
            "2025-10-23: a term boundary moved (none, now 'Autumn 1' ends)",
            "2025-10-24: open AM+PM, now closed",
            "2025-10-24: a term boundary moved ('Autumn 1' ends, now none)",
        ])
    }

    @Test func changingDaysToComeIsPlanningNotAnAmendment() throws {
        let planned = try year(terms: { $0[2].start = day("2026-01-06") }, closures: { $0[1].parts = [.am, .pm] })
        #expect(CalendarAmendment.changesToThePast(from: try year2025_26(), to: planned, before: today).isEmpty)
        // Today itself is not yet past: its registers are still being taken.
        let todayClosed = try year(closures: { $0.append(Closure(date: day("2025-11-10"), parts: [.pm], reason: "Heating")) })
        #expect(CalendarAmendment.changesToThePast(from: try year2025_26(), to: todayClosed, before: today).isEmpty)
    }
}
