import Testing
@testable import RollcallCore

@Suite("Who may do what")
struct StaffListTests {
    let staff = StaffList(members: [
        StaffMember(login: "jsmith", name: "Jo Smith", role: .tutor, forms: ["7A"]),
        StaffMember(login: "akhan", name: "Asha Khan", role: .attendanceLead),
        StaffMember(login: "office", name: "Office", role: .office),
    ])
    let today = day("2025-09-08")

    @Test func withNoStaffListEveryoneMayDoEverything() throws {
        try StaffList().authorise(.importData, by: "anyone", today: today)
        try StaffList().authorise(.amend(group: "7A", session: am("2025-09-01")), by: "anyone", today: today)
        #expect(try StaffList().recorder(login: "anyone") == Recorder(login: "anyone"))
    }

    @Test func aLoginNotOnTheListIsRefused() {
        #expect(throws: PermissionError.notOnStaffList(login: "stranger")) {
            try staff.authorise(.review, by: "stranger", today: today)
        }
        #expect(throws: PermissionError.notOnStaffList(login: "stranger")) { try staff.recorder(login: "stranger") }
    }

    @Test func aTutorMarksTheirOwnFormToday() throws {
        try staff.authorise(.mark(group: "7A", session: am("2025-09-08")), by: "jsmith", today: today)
        try staff.authorise(.amend(group: "7A", session: pm("2025-09-08")), by: "jsmith", today: today)
        #expect(throws: PermissionError.notTheirForm(login: "jsmith", group: "7B")) {
            try staff.authorise(.mark(group: "7B", session: am("2025-09-08")), by: "jsmith", today: today)
        }
        #expect(throws: PermissionError.notToday(login: "jsmith", session: am("2025-09-09"))) {
            try staff.authorise(.mark(group: "7A", session: am("2025-09-09")), by: "jsmith", today: today)
        }
    }

    @Test func earlierDaysAndImportsNeedTheAttendanceRoles() throws {
        #expect(throws: PermissionError.self) {
            try staff.authorise(.amend(group: "7A", session: am("2025-09-05")), by: "jsmith", today: today)
        }
        #expect(throws: PermissionError.needsAttendanceRole(login: "jsmith", what: "Importing")) {
            try staff.authorise(.importData, by: "jsmith", today: today)
        }
        try staff.authorise(.amend(group: "7B", session: am("2025-09-05")), by: "akhan", today: today)
        try staff.authorise(.importData, by: "office", today: today)
        #expect(try staff.recorder(login: "akhan") == Recorder(login: "akhan", name: "Asha Khan", role: .attendanceLead))
    }
}
