import Foundation
import Testing

/// Education off site from the command line, on the small school: Tomás goes to a
/// college on Tuesdays, and a Tuesday nobody confirmed is followed up once the day is over.
@Suite("Education off site")
struct CLIOffsiteTests {
    let college = ["offsite", "add", "--upn", SmallSchool.tomas, "--provider", "Riverside College", "--code", "B", "--from", "2025-09-08",
                   "--to", "2025-12-16", "--days", "tue", "--contact", "Jan Lee 01632 960123"]

    /// Week two, Monday 8 to Friday 12 September, for Tomás: present every session but
    /// Tuesday's, which nobody has marked.
    static var weekTwo: String {
        var rows = ["upn,date,session,code"]
        for day in [8, 10, 11, 12] { for (part, code) in [("AM", "/"), ("PM", "\\")] { rows.append("\(SmallSchool.tomas),2025-09-\(String(format: "%02d", day)),\(part),\(code)") } }
        return rows.joined(separator: "\n")
    }

    @Test func anUnconfirmedTuesdayIsFollowedUpOnceTheDayIsOver() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let added = try await cli.run(college, today: "2025-09-05")
        #expect(added.output == "Recorded off-site placement 1 for Ó Súilleabháin, Tomás: Riverside College, B, Tue AM+PM, 2025-09-08 to 2025-12-16.\n",
                "\(added.errors)")
        #expect(try await cli.run(["import", "marks", try cli.file("week2.csv", Self.weekTwo)], today: "2025-09-12").status == 0)
        func unconfirmed(_ today: String, at time: String) async throws -> [[String: Any]] {
            try json(try await cli.run(["report", "followups", "--rule", "offsite-unconfirmed", "--format", "json"], today: today,
                                       environment: ["ROLLCALL_TIME": time]).output)
        }
        // Friday 12th: Tuesday 9th's two sessions, with whom to ask.
        let friday = try await unconfirmed("2025-09-12", at: "09:00")
        #expect(friday.map { $0["detail"] as? String } == ["2 sessions expected at Riverside College (B, Tue AM+PM) with no mark, "
                                                           + "the oldest 2025-09-09 AM: ask Jan Lee 01632 960123"])
        #expect(friday.first?["sessions"] as? [String] == ["2025-09-09 AM", "2025-09-09 PM"])
        // The trust sees the rule and the sessions, not Jan Lee's number.
        let shared = try await cli.run(["report", "followups", "--rule", "offsite-unconfirmed", "--shared"], today: "2025-09-12").output
        #expect(shared.contains("ask the provider") && !shared.contains("Jan Lee") && !shared.contains("960123"))
        // Tuesday 16th: at 13:40 the afternoon register (13:20, open 30 minutes) has not
        // closed, so today's sessions are not yet a question; at 15:30 they are.
        #expect(try await unconfirmed("2025-09-16", at: "13:40").first?["sessions"] as? [String] == ["2025-09-09 AM", "2025-09-09 PM"])
        #expect(try await unconfirmed("2025-09-16", at: "15:30").first?["sessions"] as? [String]
                == ["2025-09-09 AM", "2025-09-09 PM", "2025-09-16 AM", "2025-09-16 PM"])
        // The college confirms the 9th: marked B, it leaves the list.
        let marked = try await cli.run(["mark", "--date", "2025-09-09", "--session", "AM", "\(SmallSchool.tomas)=B"], today: "2025-09-16")
        #expect(marked.status == 0, "\(marked.errors)")
        #expect(try await cli.run(["mark", "--date", "2025-09-09", "--session", "PM", "\(SmallSchool.tomas)=B"], today: "2025-09-16").status == 0)
        #expect(try await unconfirmed("2025-09-16", at: "15:30").first?["sessions"] as? [String] == ["2025-09-16 AM", "2025-09-16 PM"])
        // Ended on the 10th: the 16th is no longer expected, and nothing is listed.
        #expect(try await cli.run(["offsite", "end", "1", "--date", "2025-09-10"], today: "2025-09-16").output
                == "Ended off-site placement 1: its last day is 2025-09-10.\n")
        #expect(try await unconfirmed("2025-09-16", at: "15:30").isEmpty)
        // A time that is not one is refused, never taken for the clock.
        let noTime = try await cli.run(["report", "followups", "--rule", "offsite-unconfirmed"], today: "2025-09-16", environment: ["ROLLCALL_TIME": "25:99"])
        #expect(noTime.errors == "Error: --time '25:99' is not a time like 08:45\n", "\(noTime.errors)")
        let list = try json(try await cli.run(["offsite", "list", "--format", "json"], today: "2025-09-16").output)
        #expect(list.first?["ended"] as? String == "2025-09-10" && list.first?["days"] as? [String] == ["Tue"])
        let twice = try await cli.run(["offsite", "end", "1", "--date", "2025-09-11"], today: "2025-09-16")
        #expect(twice.errors == "Error: placement 1 already ended on 2025-09-10\n")
    }

    @Test(arguments: [
        (["--code", "I"], "I is not a code of education off site: B, K (provision the local authority arranged), P, V or W; "
         + "remote education at home is absence, not off site"),
        (["--from", "2025-12-16", "--to", "2025-09-08"], "the placement would end (2025-09-08) before it begins (2025-12-16)"),
        (["--days", "sat"], "--days: 'sat' is not a school weekday like tue"),
    ])
    func aPlacementThatIsNotOneIsRefused(change: [String], says: String) async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        var arguments = college
        for index in stride(from: 0, to: change.count, by: 2) {
            let at = try #require(arguments.firstIndex(of: change[index]))
            arguments[at + 1] = change[index + 1]
        }
        let result = try await cli.run(arguments)
        #expect(result.errors == "Error: \(says)\n")
        #expect(try await cli.run(["offsite", "list"]).output.split(separator: "\n").count == 1)
    }
}
