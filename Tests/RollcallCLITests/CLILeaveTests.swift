import Foundation
import Testing

/// Leave of absence from the command line, on the small school (autumn half term 27 to
/// 31 October), worked by hand: requested in advance by the right person, decided by an
/// authorised one, marked in advance, and refused leave taken followed up.
@Suite("Leave of absence")
struct CLILeaveTests {
    /// Siobhán lives with her mother; her father does not live with her. Łukasz lives with his mother.
    static let contacts = """
        upn,name,relationship,role,phone,phone2,lives_with_pupil
        \(SmallSchool.siobhan),Jo O'Brien,Mother,parent,07700 900123,,Y
        \(SmallSchool.siobhan),Pat O'Brien,Father,,07700 900456,,N
        \(SmallSchool.lukasz),Anna Kowalska,Mother,parent,0113 496 0000,,Y
        """

    func school() async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        #expect(try await cli.run(["import", "contacts", try cli.file("contacts.csv", Self.contacts)]).status == 0)
        return cli
    }

    /// Before the morning register on the day of the decision: nothing has begun.
    let early = ["ROLLCALL_TIME": "07:30"]

    @Test func aSixSessionGrantMarksEachSessionCInAdvance() async throws {
        let cli = try await school()
        defer { cli.remove() }
        // Monday 6 to Wednesday 8 October, whole days: 6 sessions. The name as typed, matched to the contact.
        let asked = try await cli.run(["leave", "request", "--upn", SmallSchool.siobhan, "--kind", "exceptional", "--from", "2025-10-06",
                                       "--to", "2025-10-08", "--applicant", "jo o'brien", "--received", "2025-09-10",
                                       "--note", "Grandmother's funeral in Cork"])
        #expect(asked.output == "Logged leave request 1 for O'Brien, Siobhán (\(SmallSchool.siobhan)): exceptional, 6 sessions from "
                + "2025-10-06 AM to 2025-10-08 PM, asked by Jo O'Brien, received 2025-09-10.\n", "\(asked.errors)")
        let open = try json(try await cli.run(["leave", "list", "--open", "--format", "json"]).output)
        #expect(open.map { $0["number"] as? Int } == [1])
        let toDecide = try json(try await cli.run(["report", "followups", "--rule", "leave-to-decide", "--format", "json"]).output)
        #expect(toDecide.map { $0["detail"] as? String } == ["leave request 1 (exceptional, 6 sessions from 2025-10-06 AM), received 2025-09-10 "
                                                             + "from Jo O'Brien: to decide before 2025-10-06 AM"])

        let granted = try await cli.run(["leave", "decide", "1", "--grant", "--reason", "A funeral abroad: exceptional"], environment: early)
        #expect(granted.output == "Granted leave request 1: 6 sessions marked C, 2025-10-06 AM to 2025-10-08 PM.\n", "\(granted.errors)")
        // The three days, as of the Thursday after: 6 possible, 6 authorised, 0 attended.
        let pupils = try json(try await cli.run(["report", "pupils", "--from", "2025-10-06", "--to", "2025-10-08", "--format", "json"],
                                                today: "2025-10-09").output)
        let siobhan = try #require(pupils.first { $0["upn"] as? String == SmallSchool.siobhan })
        #expect([siobhan["possible"], siobhan["authorised"], siobhan["attended"]].map { $0 as? Int } == [6, 6, 0])
        let list = try json(try await cli.run(["leave", "list", "--format", "json"]).output)
        #expect(list.first?["outcome"] as? String == "granted" && list.first?["granted_sessions"] as? Int == 6)
        #expect(list.first?["reason"] as? String == "A funeral abroad: exceptional" && list.first?["code"] as? String == "C")
        #expect(try await cli.run(["report", "followups", "--rule", "leave-to-decide"]).output.split(separator: "\n").count == 1)
        // The letter to the mother who asked.
        let letter = try await cli.run(["letter", "write", "leave-granted", "--upn", SmallSchool.siobhan, "--request", "1", "--to", "-"])
        #expect(letter.output.contains("Dear Jo O'Brien,"), "\(letter.errors)")
        #expect(letter.output.contains("for Siobhán to be absent from\n6 October 2025 (morning) to 8 October 2025 (afternoon) (exceptional circumstances)."))
        #expect(letter.output.contains("granted leave for 6 of the 6 sessions asked for, from\n6 October 2025 (morning) to 8 October 2025 (afternoon)."))
        let wrong = try await cli.run(["letter", "write", "leave-refused", "--upn", SmallSchool.siobhan, "--request", "1", "--to", "-"])
        #expect(wrong.errors == "Error: leave request 1 is granted, not refused: write leave-granted\n")
        // Decided once: a second decision, either way, is refused.
        let again = try await cli.run(["leave", "decide", "1", "--refuse", "--reason", "Changed my mind"], environment: early)
        #expect(again.status != 0 && again.errors.contains("leave request 1 was already granted: a decision stands"), "\(again.errors)")
    }

    @Test func aOneDayInterviewGrantedTheMorningOfAmendsAMarkAlreadyThere() async throws {
        let cli = try await school()
        defer { cli.remove() }
        // Monday 15 September: an interview for a place at a music school, asked by Łukasz's mother.
        #expect(try await cli.run(["leave", "request", "--upn", SmallSchool.lukasz, "--kind", "interview", "--from", "2025-09-15",
                                   "--to", "2025-09-15", "--applicant", "Anna Kowalska", "--received", "2025-09-12"]).status == 0)
        // Someone marked his morning present before the decision; it is 08:10, before the 08:40 register.
        let monday = "2025-09-15"
        #expect(try await cli.run(["mark", "--date", monday, "--session", "AM", "\(SmallSchool.lukasz)=/"], today: monday).status == 0)
        let granted = try await cli.run(["leave", "decide", "1", "--grant", "--reason", "Interview at the music school"], today: monday,
                                        environment: ["ROLLCALL_TIME": "08:10"])
        #expect(granted.output == "Granted leave request 1: 2 sessions marked J1, 2025-09-15 AM to 2025-09-15 PM (1 already marked, amended).\n",
                "\(granted.errors)")
        let audit = try await cli.run(["audit", "--upn", SmallSchool.lukasz, "--format", "csv"], today: monday).output
        #expect(audit.contains("leave request 1 granted: Interview at the music school"), "\(audit)")
        // At 08:50 the morning has begun: a grant then is retrospective.
        #expect(try await cli.run(["leave", "request", "--upn", SmallSchool.lukasz, "--kind", "interview", "--from", monday,
                                   "--to", "2025-09-16", "--applicant", "Anna Kowalska", "--received", "2025-09-12"], today: monday).status == 0)
        let late = try await cli.run(["leave", "decide", "2", "--grant", "--reason", "x"], today: monday, environment: ["ROLLCALL_TIME": "08:50"])
        #expect(late.errors.contains("2025-09-15 AM has begun: leave is decided before it is taken, never retrospectively"), "\(late.errors)")
        // Granting fewer sessions than asked: Tuesday afternoon alone.
        let part = try await cli.run(["leave", "decide", "2", "--grant", "--sessions", "2025-09-16 PM", "--reason", "The afternoon is enough"],
                                     today: monday, environment: ["ROLLCALL_TIME": "08:50"])
        #expect(part.output == "Granted leave request 2: 1 sessions marked J1, 2025-09-16 PM to 2025-09-16 PM.\n", "\(part.errors)")
    }

    @Test func aRefusedHolidayTakenIsFollowedUpUntilCodedAndActedOn() async throws {
        let cli = try await school()
        defer { cli.remove() }
        // A week in Spain, Monday 22 to Friday 26 September: 10 sessions.
        #expect(try await cli.run(["leave", "request", "--upn", SmallSchool.siobhan, "--kind", "exceptional", "--from", "2025-09-22",
                                   "--to", "2025-09-26", "--applicant", "Jo O'Brien", "--received", "2025-09-10"]).status == 0)
        let refused = try await cli.run(["leave", "decide", "1", "--refuse", "--reason", "A family holiday is not exceptional"])
        #expect(refused.output.hasPrefix("Refused leave request 1."), "\(refused.errors)")
        // She went: the office marked N all week.
        var rows = ["upn,date,session,code"]
        for day in 22...26 { for part in ["AM", "PM"] { rows.append("\(SmallSchool.siobhan),2025-09-\(day),\(part),N") } }
        #expect(try await cli.run(["import", "marks", try cli.file("week4.csv", rows.joined(separator: "\n"))], today: "2025-09-29").status == 0)
        func entry() async throws -> [String: Any]? {
            try json(try await cli.run(["report", "followups", "--rule", "leave-refused-taken", "--format", "json"], today: "2025-09-29").output).first
        }
        var taken = try #require(try await entry())
        #expect(taken["detail"] as? String == "leave request 1 was refused; absent 10 of its sessions from 2025-09-22 AM: code them G (a holiday) or O")
        #expect(taken["open"] as? Bool == true)
        // Coded G: 10 unauthorised sessions reach the national threshold.
        let coded = rows.map { $0.replacingOccurrences(of: ",N", with: ",G") }.joined(separator: "\n")
        #expect(try await cli.run(["import", "marks", try cli.file("g.csv", coded), "--reason", "Leave refused, taken"], today: "2025-09-29").status == 0)
        taken = try #require(try await entry())
        #expect((taken["detail"] as? String)?.hasSuffix("10 unauthorised sessions: consider a penalty notice, or record a decision not to issue "
                                                        + "with its reason") == true, "\(taken)")
        // A decision not to issue, for those sessions: acted on.
        let sessions = (22...26).flatMap { day in ["AM", "PM"].map { "2025-09-\(day) \($0)" } }.joined(separator: ",")
        let decided = try await cli.run(["intervention", "add", "decision-not-to-issue", "--upn", SmallSchool.siobhan, "--sessions", sessions,
                                         "--note", "First time; met the family"], today: "2025-09-29")
        #expect(decided.status == 0, "\(decided.errors)")
        taken = try #require(try await entry())
        #expect(taken["open"] as? Bool == false && (taken["detail"] as? String)?.hasSuffix("acted on: a notice or a decision covers these sessions") == true)
    }

    @Test(arguments: [
        // Received on the Friday, for the Thursday before: retrospective.
        (["--kind", "exceptional", "--from", "2025-09-11", "--to", "2025-09-11", "--applicant", "Jo O'Brien", "--received", "2025-09-12"],
         "received 2025-09-12, after the first session asked for (2025-09-11 AM): leave is never granted retrospectively"),
        (["--kind", "exceptional", "--from", "2025-10-06", "--to", "2025-10-06", "--applicant", "Jo O'Brien", "--received", "2025-09-13"],
         "--received 2025-09-13 is after today (2025-09-12)"),
        // Saturday of half term.
        (["--kind", "exceptional", "--from", "2025-10-25", "--to", "2025-11-04", "--applicant", "Jo O'Brien", "--received", "2025-09-10"],
         "2025-10-25 AM is not a school session: leave is asked for the pupil's school sessions"),
        (["--kind", "exceptional", "--from", "2025-10-06", "--to", "2025-10-06", "--applicant", "Pat O'Brien", "--received", "2025-09-10"],
         "'Pat O'Brien' is not a parent the pupil normally lives with: only such a parent may ask for leave for exceptional circumstances (regulation 11)"),
        (["--kind", "interview", "--from", "2025-10-06", "--to", "2025-10-06", "--applicant", "Mary Smith", "--received", "2025-09-10"],
         "'Mary Smith' is not a contact of the pupil on record ('Jo O'Brien', 'Pat O'Brien')"),
        (["--kind", "performance", "--from", "2025-10-06", "--to", "2025-10-06", "--applicant", "Jo O'Brien", "--received", "2025-09-10"],
         "leave for regulated performance needs --evidence: the local authority's licence (or exemption) for the performance"),
    ])
    func aRequestTheGuidanceDoesNotAllowIsRefusedNamingWhy(options: [String], says: String) async throws {
        let cli = try await school()
        defer { cli.remove() }
        let result = try await cli.run(["leave", "request", "--upn", SmallSchool.siobhan] + options)
        #expect(result.status != 0)
        #expect(result.errors == "Error: \(says)\n")
        #expect(try await cli.run(["leave", "list"]).output.split(separator: "\n").count == 1, "nothing logged")
    }

    @Test func anInterviewMayBeAskedForByAContactWhoIsNotAParentTheyLiveWith() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let asked = try await cli.run(["leave", "request", "--upn", SmallSchool.siobhan, "--kind", "interview", "--from", "2025-10-06",
                                       "--to", "2025-10-06", "--first-session", "PM", "--applicant", "Mr P O'Brien", "--received", "2025-09-10"])
        #expect(asked.output.contains(": interview, 1 sessions from 2025-10-06 PM to 2025-10-06 PM, asked by Pat O'Brien"), "\(asked.errors)")
    }

    /// September's requests in the pack: counted by kind and outcome, and the holiday
    /// taken after its refusal as 10 sessions; no child named.
    @Test func thePackCountsRequestsByKindAndOutcomeAndRefusedLeaveTaken() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let requests = [
            ["--upn", SmallSchool.siobhan, "--kind", "exceptional", "--from", "2025-09-22", "--to", "2025-09-26", "--applicant", "Jo O'Brien",
             "--received", "2025-09-10"],
            ["--upn", SmallSchool.lukasz, "--kind", "interview", "--from", "2025-10-06", "--to", "2025-10-06", "--applicant", "Anna Kowalska",
             "--received", "2025-09-15"],
            ["--upn", SmallSchool.lukasz, "--kind", "exam-study", "--from", "2025-10-13", "--to", "2025-10-13", "--applicant", "Anna Kowalska",
             "--received", "2025-09-20", "--note", "Music theory grade 5"],
        ]
        for request in requests { #expect(try await cli.run(["leave", "request"] + request, today: "2025-09-20").status == 0) }
        #expect(try await cli.run(["leave", "decide", "1", "--refuse", "--reason", "A holiday"], today: "2025-09-20").status == 0)
        #expect(try await cli.run(["leave", "decide", "2", "--grant", "--reason", "An interview"], today: "2025-09-20").status == 0)
        var rows = ["upn,date,session,code"]
        for day in 22...26 { for part in ["AM", "PM"] { rows.append("\(SmallSchool.siobhan),2025-09-\(day),\(part),G") } }
        #expect(try await cli.run(["import", "marks", try cli.file("g.csv", rows.joined(separator: "\n"))], today: "2025-09-29").status == 0)
        let pack = try await cli.run(["report", "pack", "--from", "2025-09-01", "--to", "2025-09-29", "--out", "-"], today: "2025-09-29")
        #expect(pack.status == 0, "\(pack.errors)")
        let html = try XHTML(pack.output)
        #expect(try html.rows("leave") == [
            ["Exceptional circumstances", "C", "1", "0", "1", "0", "0"],
            ["Interview", "J1", "1", "1", "0", "0", "0"],
            ["Exam study", "S", "1", "0", "0", "0", "1"],
        ])
        #expect(try html.rows("leave-taken") == [["Sessions of refused leave missed without authority (G N O U)", "10"]])
        #expect(!pack.output.contains("O'Brien") && !pack.output.contains("Kowalsk"))
    }

    /// The trip is cancelled after the grant: the advance marks go, as amendments with
    /// the withdrawal's reason, and the request is withdrawn; leave begun cannot be.
    @Test func aWithdrawnGrantClearsItsAdvanceMarks() async throws {
        let cli = try await school()
        defer { cli.remove() }
        #expect(try await cli.run(["leave", "request", "--upn", SmallSchool.siobhan, "--kind", "exceptional", "--from", "2025-10-06",
                                   "--to", "2025-10-07", "--applicant", "Jo O'Brien", "--received", "2025-09-10"]).status == 0)
        #expect(try await cli.run(["leave", "decide", "1", "--grant", "--reason", "A wedding abroad"], environment: early).status == 0)
        let withdrawn = try await cli.run(["leave", "withdraw", "1", "--reason", "Mum rang: the wedding is postponed"], environment: early)
        #expect(withdrawn.output == "Withdrew leave request 1; cleared the 4 sessions marked C in advance.\n", "\(withdrawn.errors)")
        let export = try await cli.run(["export", "marks", "--from", "2025-10-06", "--to", "2025-10-07"], today: "2025-10-08").output
        #expect(!export.contains(",C,"), "\(export)")
        let audit = try await cli.run(["audit", "--upn", SmallSchool.siobhan, "--format", "csv"]).output
        #expect(audit.split(whereSeparator: \.isNewline).count { $0.contains("leave request 1 withdrawn: Mum rang: the wedding is postponed") } == 4, "\(audit)")
        #expect(try json(try await cli.run(["leave", "list", "--format", "json"]).output).first?["outcome"] as? String == "withdrawn")
        let again = try await cli.run(["leave", "withdraw", "1", "--reason", "again"], environment: early)
        #expect(again.errors == "Error: leave request 1 was withdrawn\n")
    }

    /// What a careless or spiteful hand types reaches no terminal raw and no log.
    @Test func controlCharactersInWhatIsTypedAreRefused() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let note = try await cli.run(["leave", "request", "--upn", SmallSchool.siobhan, "--kind", "interview", "--from", "2025-10-06",
                                      "--to", "2025-10-06", "--applicant", "Jo O'Brien", "--received", "2025-09-10", "--note", "ok\u{1B}[2Jwiped"])
        #expect(note.status != 0 && note.errors.hasPrefix("Error: note:"), "\(note.errors)")
        #expect(!note.errors.contains("\u{1B}"))
        let provider = try await cli.run(["offsite", "add", "--upn", SmallSchool.tomas, "--provider", "College\u{7}\u{1B}]0;x", "--code", "B",
                                          "--from", "2025-09-15", "--to", "2025-09-30"])
        #expect(provider.status != 0 && provider.errors.hasPrefix("Error: provider:") && !provider.errors.contains("\u{1B}"), "\(provider.errors)")
        #expect(try await cli.run(["leave", "list"]).output.split(separator: "\n").count == 1)
    }
}
