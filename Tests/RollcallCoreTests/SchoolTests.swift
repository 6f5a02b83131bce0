import Foundation
import Testing
@testable import RollcallCore

@Suite("School settings")
struct SchoolTests {
    @Test func aRegisterStaysOpenThirtyMinutesAtMost() throws {
        #expect(try School(name: "A", registerOpenMinutes: 30).registerOpenMinutes == 30)
        #expect(throws: SchoolError.registerOpenTooLong(31)) { try School(name: "A", registerOpenMinutes: 31) }
        #expect(throws: SchoolError.registerOpenTooLong(0)) { try School(name: "A", registerOpenMinutes: 0) }
        #expect(throws: SchoolError.noName) { try School(name: " ") }
    }

    @Test func theRegisterClosesItsOpenMinutesAfterRegistration() throws {
        var school = try School(name: "A", registerOpenMinutes: 20)
        #expect(school.registerCloses(.am) == 9 * 60) // 08:40 by default, plus 20
        school.afternoonRegistration = "13:05"
        #expect(school.registerCloses(.pm) == 13 * 60 + 25)
        school.morningRegistration = "25:00" // not a time: the default stands
        #expect(school.registerCloses(.am) == 9 * 60)
    }

    @Test func theSchoolsClockIsUKTime() {
        // 2025-07-01T08:30:00Z is 09:30 in British Summer Time; 2025-12-01T08:30:00Z is 08:30 GMT.
        #expect(School.minuteOfDay(Date(timeIntervalSince1970: 1_751_358_600)) == 9 * 60 + 30)
        #expect(School.minuteOfDay(Date(timeIntervalSince1970: 1_764_577_800)) == 8 * 60 + 30)
    }
}
