import Foundation
import Testing

/// `rollcall report pack` on a demo school with last year's registers: every figure is
/// the one `rollcall report summary` and the other reports give for the same days, the
/// file fetches nothing, and no child is named in it.
@Suite("The termly pack")
struct CLIPackTests {
    /// Friday 12 December 2025: the autumn term so far, with last year's autumn to compare.
    let today = "2025-12-12"

    /// The demo school, made once per run and copied.
    func demo() async throws -> CLI {
        let cli = try CLI()
        try await StoreTemplate.copy("pack-demo", into: cli) { [today] template in
            let made = try await template.run(["demo", "--pupils", "140", "--years", "2", "--no-tui"], today: today)
            guard made.status == 0 else { throw SmallSchool.SetUpFailure(step: ["demo"], errors: made.errors) }
        }
        return cli
    }

    func pack(_ cli: CLI, _ arguments: [String] = ["--term", "Autumn"]) async throws -> (text: String, document: XHTML) {
        let result = try await cli.run(["report", "pack"] + arguments + ["--out", "-"], today: today)
        #expect(result.status == 0, "\(result.errors)")
        return (result.output, try XHTML(result.output))
    }

    func summary(_ cli: CLI, from: String, to: String, by: String = "year_group") async throws -> [[String: Any]] {
        try await json(cli.run(["report", "summary", "--from", from, "--to", to, "--by", by, "--format", "json"], today: today).output)
    }

    /// A rate as the pack writes it, from the JSON report's number.
    func rate(_ value: Any?) -> String {
        (value as? Double).map { String(format: "%.1f", $0) } ?? "–"
    }

    func count(_ value: Any?) -> String { "\(value as? Int ?? -1)" }

    func headline(_ row: [String: Any]) -> [String] {
        [count(row["pupils"]), count(row["possible"]), rate(row["attendance_rate"]), rate(row["absence_rate"]),
         rate(row["authorised_rate"]), rate(row["unauthorised_rate"]), count(row["persistent"]), rate(row["persistent_rate"]),
         count(row["severe"]), rate(row["severe_rate"])]
    }

    func school(_ rows: [[String: Any]]) throws -> [String: Any] {
        try #require(rows.first { $0.values.contains { $0 as? String == "School" } })
    }

    @Test func everyFigureIsTheOneTheReportsGive() async throws {
        let cli = try await demo()
        defer { cli.remove() }
        let (_, html) = try await pack(cli)
        // The autumn term of 2025-26 so far, and last year's cut at the same date.
        let headline = try html.rows("headline")
        let thisYear = try await school(summary(cli, from: "2025-09-03", to: today))
        #expect(headline.map { $0[1] } == self.headline(thisYear))
        let caption = try #require(html.element(id: "headline")?.all.first { $0.name == "th" && $0.content.hasPrefix("Same period last year") })
        #expect(caption.content == "Same period last year (2024-09-03 to 2024-12-12)")
        let lastYear = try await school(summary(cli, from: "2024-09-03", to: "2024-12-12"))
        #expect(headline.map { $0[2] } == self.headline(lastYear))
        #expect(Int(headline[1][2]) ?? 0 > 10_000, "last year's sessions are in the store")

        // Each week is that week's School row: 14 school weeks, the October half term not among them.
        let weeks = try html.rows("weekly")
        #expect(weeks.count == 14 && weeks.first?[0] == "2025-09-01" && weeks.last?[0] == "2025-12-08")
        for week in weeks {
            let monday = try #require(ISO8601DateFormatter.day(week[0]))
            let sunday = min(ISO8601DateFormatter.text(monday.addingTimeInterval(6 * 86_400)), today)
            let row = try await school(summary(cli, from: week[0], to: sunday))
            #expect(week[1...] == [count(row["possible"]), rate(row["attendance_rate"]), rate(row["absence_rate"])], "week of \(week[0])")
        }

        // Year groups, and the four cohort gaps, row by row.
        let years = try await summary(cli, from: "2025-09-03", to: today).filter { $0["year_group"] as? String != "School" }
        #expect(try html.rows("year-groups") == years.map { row in
            [row["year_group"] as? String ?? "", count(row["pupils"]), count(row["persistent"]), rate(row["persistent_rate"]),
             count(row["severe"]), rate(row["severe_rate"])]
        })
        for dimension in ["fsm", "sen", "eal", "sex"] {
            let rows = try await summary(cli, from: "2025-09-03", to: today, by: dimension)
            let expected = rows.map { row -> [String] in
                let name = row[dimension] as? String ?? ""
                if name != "School", row["pupils"] as? Int ?? 0 < 10 { return [name, "fewer than 10"] + Array(repeating: "suppressed", count: 4) }
                return [name, count(row["pupils"]), rate(row["attendance_rate"]), rate(row["absence_rate"]), count(row["persistent"]),
                        rate(row["persistent_rate"])]
            }
            #expect(try html.rows("gap-\(dimension)") == expected, "by \(dimension)")
        }

        // The codes add up to the authorised and unauthorised absence; the weekday slots
        // to the possible sessions and the absence.
        let reasons = try html.rows("absence-reasons")
        func sessions(_ category: String) async -> Int { reasons.filter { $0[2] == category }.reduce(0) { $0 + (Int($1[3]) ?? 0) } }
        #expect(await sessions("Authorised absence") == thisYear["authorised"] as? Int)
        #expect(await sessions("Unauthorised absence") == thisYear["unauthorised"] as? Int)
        let slots = try html.rows("weekdays")
        #expect(slots.count == 10 && slots.first?[0] == "Monday AM" && slots.last?[0] == "Friday PM")
        #expect(slots.reduce(0) { $0 + (Int($1[1]) ?? 0) } == thisYear["possible"] as? Int)
        #expect(slots.reduce(0) { $0 + (Int($1[2]) ?? 0) } == (thisYear["authorised"] as? Int ?? 0) + (thisYear["unauthorised"] as? Int ?? 0))

        // Support first: the follow-up lists as of the last day, and what was logged in the term.
        let followUps = try await json(cli.run(["report", "followups", "--as-of", today, "--format", "json"], today: today).output)
        let lists = try html.rows("follow-ups")
        #expect(lists.count == 15, "every follow-up list, one a rule")
        let firstDay = try #require(lists.first { $0[0] == "First-day call" })
        #expect(firstDay[2] == "\(Set(followUps.filter { $0["rule"] as? String == "first-day-call" && $0["open"] as? Bool == true }.map { $0["upn"] as? String }).count)")
        let penalty = try #require(lists.first { $0[0] == "Penalty threshold" })
        #expect(penalty[2] == "\(Set(followUps.filter { $0["rule"] as? String == "penalty-threshold" && $0["open"] as? Bool == true }.map { $0["upn"] as? String }).count)")
        let log = try await json(cli.run(["intervention", "list", "--format", "json"], today: today).output)
            .filter { ($0["date"] as? String ?? "") >= "2025-09-03" && ($0["date"] as? String ?? "") <= today }
        let letters = log.count { $0["kind"] as? String == "letter" }
        #expect(try html.rows("interventions").first { $0[0] == "Letter" }?[1] == (letters == 0 ? nil : "\(letters)"))
        #expect(try html.rows("interventions").reduce(0) { $0 + (Int($1[1]) ?? 0) } == log.count)
        let notices = try html.rows("notices")
        #expect(notices.map { $0[0] } == ["Penalty notice issued", "Penalty notice paid", "Penalty notice withdrawn", "Decision not to issue a notice"])
        #expect(notices[0][1] == "\(log.count { $0["kind"] as? String == "penalty-notice-issued" })")

        // The roll: names entered and deleted in the term, deletions by ground.
        let admissions = try await json(cli.run(["report", "admissions", "--from", "2025-09-03", "--to", today, "--format", "json"], today: today).output)
        #expect(try html.rows("roll") == [["Entered", "\(admissions.count { $0["event"] as? String == "entered" })"],
                                          ["Deleted", "\(admissions.count { $0["event"] as? String == "deleted" })"]])
        let grounds = try html.rows("deletions").map { String($0[0].prefix(3)) }
        #expect(grounds == ["(a)", "(f)", "(i)"])
    }

    @Test func thePackFetchesNothingAndNamesNoOne() async throws {
        let cli = try await demo()
        defer { cli.remove() }
        let (text, html) = try await pack(cli)
        #expect(html.root.name == "html" && html.root.attributes["xmlns"] == "http://www.w3.org/1999/xhtml")
        for needle in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "href=", "url(", "@import"] {
            #expect(!text.lowercased().contains(needle), "the pack holds \(needle)")
        }
        // The only addresses are the XML namespaces, which no browser fetches.
        let addresses = text.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
        #expect(addresses.allSatisfy { $0.hasPrefix("http://www.w3.org/1999/xhtml") || $0.hasPrefix("http://www.w3.org/2000/svg") })
        #expect(text.contains("@page") && text.contains("break-before: page"))

        // Every chart is an SVG that stands as XML on its own, titled and described.
        let charts = text.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(charts.count == 8)
        for chart in charts {
            let svg = try XHTML(chart)
            #expect(svg.root.name == "svg" && svg.root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(svg.root.children.first?.name == "title" && svg.root.children.dropFirst().first?.name == "desc")
            #expect(!(svg.root.first("title")?.content.isEmpty ?? true) && !(svg.root.first("desc")?.content.isEmpty ?? true))
        }

        // No pupil's name or UPN, in any form a person would write it.
        let pupils = try await json(cli.run(["report", "pupils", "--from", "2024-09-01", "--to", today, "--format", "json"], today: today).output)
        #expect(pupils.count > 140)
        for pupil in pupils {
            let upn = pupil["upn"] as? String ?? "", surname = pupil["surname"] as? String ?? "", forename = pupil["forename"] as? String ?? ""
            for written in [upn, "\(forename) \(surname)", "\(surname), \(forename)", "\(surname) \(forename)"] {
                #expect(!text.contains(written), "the pack names \(written)")
            }
        }
    }

    /// The colours are the colour-blind theme's, worked from its xterm-256 numbers here,
    /// with greys for ink and grid.
    @Test func theColoursAreTheColourBlindThemes() async throws {
        let cli = try await demo()
        defer { cli.remove() }
        let (text, _) = try await pack(cli)
        let themeFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Themes/colour-blind.json")
        let theme = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: themeFile)) as? [String: Any])
        let roles = try #require(theme["roles"] as? [String: [String: Any]])
        let cube = [0, 95, 135, 175, 215, 255]
        let themeColours = Set(roles.values.compactMap { $0["fg256"] as? Int }.filter { (16...231).contains($0) }.map { index -> String in
            let n = index - 16
            return String(format: "#%02x%02x%02x", cube[n / 36], cube[n / 6 % 6], cube[n % 6])
        })
        let used = Set(text.matches(of: /(?:fill|stroke)="(#[0-9a-f]{6})"/).map { String($0.output.1) })
        let greys = used.filter { colour in colour.dropFirst().chunks(of: 2).allSatisfy { $0 == colour.dropFirst().prefix(2) } }
        #expect(!used.isEmpty && used.subtracting(greys).isSubset(of: themeColours), "\(used.subtracting(greys).subtracting(themeColours))")
        // Blue and orange carry the differences: authorised (25) and unauthorised (166).
        #expect(used.isSuperset(of: ["#005faf", "#d75f00"]))
    }
}

extension Substring {
    func chunks(of size: Int) -> [Substring] {
        stride(from: 0, to: count, by: size).map { dropFirst($0).prefix(size) }
    }
}

extension ISO8601DateFormatter {
    static func day(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }

    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}

/// What a careless admin or a lead with a grudge could try with the pack's options.
@Suite("The termly pack: files and refusals")
struct CLIPackRefusalTests {
    @Test func thePackIsANewFileNeverOneWrittenOver() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let path = cli.directory.appendingPathComponent("autumn.html").path
        let written = try await cli.run(["report", "pack", "--term", "Autumn", "--out", path])
        #expect(written.status == 0)
        #expect(written.errors.contains("Wrote the pack for Autumn term 2025-26 (2025-09-01 to 2025-09-12) to \(path)"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try XHTML(first).element(id: "headline") != nil)

        let again = try await cli.run(["report", "pack", "--term", "Autumn", "--out", path])
        #expect(again.status != 0 && again.errors.contains("already exists: nothing is written over a file"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)

        // A link planted where the pack will go is not followed to the file it names.
        let target = try cli.file("passwords.txt", "precious\n")
        let link = cli.directory.appendingPathComponent("pack.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let followed = try await cli.run(["report", "pack", "--term", "Autumn", "--out", link])
        #expect(followed.status != 0 && followed.errors.contains("already exists"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n")
    }

    @Test func thePeriodIsATermOrDatesAndTheRefusalSaysWhich() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let both = try await cli.run(["report", "pack", "--term", "Autumn", "--from", "2025-09-01", "--out", "-"])
        #expect(both.status != 0 && both.errors.contains("give --term, or --from and --to, not both"))
        let unknown = try await cli.run(["report", "pack", "--term", "Michaelmas", "--out", "-"])
        #expect(unknown.errors.contains("2025-26 has no term 'Michaelmas'; its terms are Autumn 1, Autumn 2"))
        let yearAlone = try await cli.run(["report", "pack", "--year", "2025-26", "--out", "-"])
        #expect(yearAlone.errors.contains("--year goes with --term"))
        let later = try await cli.run(["report", "pack", "--term", "Autumn 2", "--out", "-"])
        #expect(later.errors.contains("Autumn 2 has not started: it starts on 2025-11-03"))
        let dates = try await cli.run(["report", "pack", "--from", "2025-09-01", "--to", "2025-09-05", "--out", "-"])
        #expect(try XHTML(dates.output).rows("headline").first == ["Pupils", "3", "not in the store"])
    }

    /// The school's name comes from an import: markup in it stays text.
    @Test func markupInTheSchoolsNameIsText() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let name = "St Mary & St John's <script>alert(\"x\")</script> Academy"
        #expect(try await cli.run(["init", "--school-name", name]).status == 0)
        try await cli.run(["import", "calendar", cli.file("calendar.json", SmallSchool.calendar)])
        let result = try await cli.run(["report", "pack", "--term", "Autumn", "--out", "-"])
        let html = try XHTML(result.output)
        #expect(html.root.first("h1")?.content == name)
        #expect(!result.output.contains("<script"))
    }

    @Test func overSSHThePackComesBackOnStandardOutput() async throws {
        let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("lead", "attendance_lead", [])])
        func gate(_ command: String) async throws -> CLI.Result {
            try await cli.run(["gate", "lead"], environment: ["ROLLCALL_TEST_NOW": "2025-09-12T08:30:00Z", "SSH_ORIGINAL_COMMAND": command])
        }
        let sent = try await gate("report pack --term Autumn")
        #expect(sent.status == 0, "\(sent.errors)")
        #expect(try XHTML(sent.output).element(id: "headline") != nil)
        for command in ["report pack --term Autumn --out /tmp/pack.html", "report pack --term Autumn --out=/tmp/pack.html"] {
            let refused = try await gate(command)
            #expect(refused.status != 0 && refused.errors.contains("the pack comes to you on standard output here"))
        }
        #expect(try await gate("report pack --term Autumn --out=-").status == 0)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pack.html"))
    }
}

/// `rollcall report tsm` against `rollcall report pupils` for the year so far.
@Suite("The targeting support meeting's list")
struct CLITSMTests {
    @Test func everyPupilAtOrNearTheLineAndNoOneElse() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let today = "2025-12-12"
        #expect(try await cli.run(["demo", "--pupils", "140", "--no-tui"], today: today).status == 0)
        let list = try await json(cli.run(["report", "tsm", "--format", "json"], today: today).output)
        let pupils = try await json(cli.run(["report", "pupils", "--format", "json"], today: today).output)
        let leavers = await Set(try json(cli.run(["report", "admissions", "--format", "json"], today: today).output)
            .filter { $0["event"] as? String == "deleted" }.compactMap { $0["upn"] as? String })
        // Absence of 8.0% to the line is "at risk"; a rate that rounds to 8.0 from below is not,
        // so the test reads the exact counts.
        func standing(_ row: [String: Any]) -> String? {
            let possible = row["possible"] as? Int ?? 0, absent = (row["authorised"] as? Int ?? 0) + (row["unauthorised"] as? Int ?? 0)
            guard possible > 0, !leavers.contains(row["upn"] as? String ?? "") else { return nil }
            return absent * 2 >= possible ? "severe" : absent * 10 >= possible ? "persistent" : absent * 100 >= possible * 8 ? "at-risk" : nil
        }
        let expected = Dictionary(uniqueKeysWithValues: pupils.compactMap { row in standing(row).map { (row["upn"] as? String ?? "", $0) } })
        #expect(!expected.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: list.map { ($0["upn"] as? String ?? "", $0["standing"] as? String ?? "") }) == expected)
        let order = ["severe", "persistent", "at-risk"]
        #expect(list.map { order.firstIndex(of: $0["standing"] as? String ?? "") ?? 9 } == list.map { order.firstIndex(of: $0["standing"] as? String ?? "") ?? 9 }.sorted())
        let byUPN = Dictionary(uniqueKeysWithValues: pupils.map { ($0["upn"] as? String ?? "", $0) })
        for row in list {
            let pupil = try #require(byUPN[row["upn"] as? String ?? ""])
            #expect(row["attendance_year"] as? Double == pupil["attendance_rate"] as? Double)
            #expect(["improving", "worsening", "steady"].contains(row["trend"] as? String ?? ""))
        }
        // Someone rings each family: the demo gives every pupil a parent with a number.
        #expect(list.allSatisfy { !($0["phone"] as? String ?? "").isEmpty })
    }
}
