import RollcallCore

/// The pack's sections in order, each a page of its own when printed: the headline
/// figures, the year week by week, persistent and severe absence by year group, absence
/// by reason, the cohort gaps, when in the week absence falls, support first, the roll.
/// Each chart has its table beside it, with the same numbers.
struct PackSections {
    let pack: TermlyPack
    let made: CalendarDate

    init(_ pack: TermlyPack, made: CalendarDate) {
        self.pack = pack
        self.made = made
    }

    var all: [Markup] {
        [headline(), weekly(), yearGroups(), reasons(), gaps(), weekdays(), support(), roll()]
    }

    private var days: String { "\(pack.period.days.lowerBound) to \(pack.period.days.upperBound)" }

    private func section(_ id: String, _ heading: String, level: String = "h2", _ body: (inout Markup) -> Void) -> Markup {
        var html = Markup()
        html.open("section", ["id": id])
        html.element(level, heading)
        body(&html)
        html.close("section")
        return html
    }

    private func note(_ text: String, into html: inout Markup) {
        html.element("p", ["class": "note"], text)
    }

    private func figure(_ chart: Markup, _ table: PackTable, into html: inout Markup) {
        html.open("figure")
        html.append(chart)
        html.close("figure")
        html.append(table.markup())
    }

    private func headline() -> Markup {
        section("headline", pack.schoolName, level: "h1") { html in
            html.element("p", "Attendance pack: \(pack.period.title), \(days). Made on \(made).")
            note("Figures are the school's, as 'rollcall report summary' gives them for the same days. No pupil is named; "
                 + "cohorts of fewer than \(CohortFigures.smallCohort) pupils are not shown. Persistent absence is missing "
                 + "\(AbsenceThreshold.persistent.label) of possible sessions, severe absence \(AbsenceThreshold.severe.label).", into: &html)
            let lastYear = pack.period.lastYear.map { "Same period last year (\($0.lowerBound) to \($0.upperBound))" } ?? "Same period last year"
            var table = PackTable(id: "headline", caption: "Headline figures", columns: ["Measure", "This period", lastYear])
            let rows = PackSections.headlineRows(pack.school)
            let before = pack.lastYear.map(PackSections.headlineRows)
            for (index, row) in rows.enumerated() {
                table.rows.append([row.measure, row.value, before?[index].value ?? "not in the store"])
            }
            html.append(table.markup())
        }
    }

    private static func headlineRows(_ figures: CohortFigures) -> [(measure: String, value: String)] {
        let sessions = figures.sessions
        return [
            ("Pupils", "\(figures.pupils)"),
            ("Possible sessions", "\(sessions.possible)"),
            ("Attendance %", PackTable.rate(sessions.attendanceRate)),
            ("Absence %", PackTable.rate(sessions.absenceRate)),
            ("Authorised absence %", PackTable.rate(sessions.authorisedRate)),
            ("Unauthorised absence %", PackTable.rate(sessions.unauthorisedRate)),
            ("Persistent absentees", "\(figures.persistentAbsentees)"),
            ("Persistent absence %", PackTable.rate(figures.persistentAbsenceRate)),
            ("Severe absentees", "\(figures.severeAbsentees)"),
            ("Severe absence %", PackTable.rate(figures.severeAbsenceRate)),
        ]
    }

    private func weekly() -> Markup {
        section("weekly", "Attendance week by week") { html in
            let weeks = pack.weeks.weeks
            var table = PackTable(id: "weekly", caption: "Attendance by school week", columns: ["Week beginning", "Possible sessions", "Attendance %", "Absence %"])
            for week in weeks {
                table.rows.append([week.week.monday.description, "\(week.figures.possible)", PackTable.rate(week.figures.attendanceRate),
                                   PackTable.rate(week.figures.absenceRate)])
            }
            let rates = weeks.compactMap { $0.figures.attendanceRate?.value }
            let floor = max(0, (((rates.min() ?? 90) - 2) / 5).rounded(.down) * 5)
            let dividers = pack.terms.compactMap { term in
                weeks.firstIndex { $0.week.days.contains(term.start) }.map { (index: $0, label: term.name) }
            }
            let school = pack.school.sessions.attendanceRate
            let chart = ColumnChart(
                id: "weekly-chart", title: "Attendance week by week",
                summary: "Attendance rate of each school week from \(weeks.first?.week.monday.description ?? "") to \(pack.period.days.upperBound), "
                    + "with the terms marked; the line is the school's \(PackTable.rate(school))% over the period.",
                categories: weeks.map { PackSections.shortDate($0.week.monday) },
                series: [.init(name: "Attendance", colour: PackPalette.attendance, values: weeks.map { $0.figures.attendanceRate?.value })],
                range: floor...100, reference: school.map { .init(label: "Period \($0.description)%", value: $0.value) },
                dividers: dividers, labelEvery: max(1, weeks.count / 12))
            figure(chart.svg(), table, into: &html)
        }
    }

    private func yearGroups() -> Markup {
        section("year-groups", "Persistent and severe absence by year group") { html in
            let cohorts = pack.byYearGroup.cohorts
            var table = PackTable(id: "year-groups", caption: "Persistent and severe absence by year group",
                                  columns: ["Year group", "Pupils", "Persistent absentees", "Persistent %", "Severe absentees", "Severe %"])
            for (name, figures) in cohorts {
                table.rows.append(figures.isSmall ? [name, PackTable.fewPupils] + Array(repeating: PackTable.suppressed, count: 4)
                    : [name, "\(figures.pupils)", "\(figures.persistentAbsentees)", PackTable.rate(figures.persistentAbsenceRate),
                       "\(figures.severeAbsentees)", PackTable.rate(figures.severeAbsenceRate)])
            }
            let shown = cohorts.map { $0.figures.isSmall ? nil : $0.figures }
            let persistent = shown.map { $0?.persistentAbsenceRate?.value }, severe = shown.map { $0?.severeAbsenceRate?.value }
            let chart = ColumnChart(
                id: "year-groups-chart", title: "Persistent and severe absence by year group",
                summary: "Share of each year group's pupils missing \(AbsenceThreshold.persistent.label) and \(AbsenceThreshold.severe.label) "
                    + "of possible sessions; the line is the school's persistent absence rate.",
                categories: cohorts.map(\.name),
                series: [.init(name: "Persistent \(AbsenceThreshold.persistent.label)", colour: PackPalette.persistent, values: persistent),
                         .init(name: "Severe \(AbsenceThreshold.severe.label)", colour: PackPalette.severe, values: severe)],
                range: 0...PackSections.ceiling(of: (persistent + severe).compactMap { $0 }),
                reference: pack.school.persistentAbsenceRate.map { .init(label: "School persistent \($0.description)%", value: $0.value) })
            figure(chart.svg(), table, into: &html)
        }
    }

    private func reasons() -> Markup {
        section("absence-reasons", "Absence by reason") { html in
            let codes = pack.absence.byCode
            let total = codes.reduce(0) { $0 + $1.sessions }
            var table = PackTable(id: "absence-reasons", caption: "Sessions of absence by code",
                                  columns: ["Code", "Reason", "Category", "Sessions", "Share of absence %"])
            for (code, sessions) in codes {
                table.rows.append([code.symbol, code.meaning, code.category.title, "\(sessions)", PackTable.rate(Percentage(sessions, of: total))])
            }
            guard total > 0 else {
                html.element("p", "No absence was recorded in this period.")
                return
            }
            let chart = BarChart(
                id: "absence-reasons-chart", title: "Absence by reason",
                summary: "Sessions of absence by attendance code, authorised codes in blue first, then unauthorised in orange; \(total) sessions in all.",
                bars: codes.map { code, sessions in
                    .init(label: PackSections.clipped("\(code.symbol)  \(code.meaning)", to: 38), value: Double(sessions),
                          text: "\(sessions) (\(PackTable.rate(Percentage(sessions, of: total)))%)",
                          colour: code.category == .authorisedAbsence ? PackPalette.authorised : PackPalette.unauthorised)
                })
            figure(chart.svg(), table, into: &html)
        }
    }

    private func gaps() -> Markup {
        section("gaps", "Gaps between cohorts") { html in
            note("Each cohort's absence against the school's (the dashed line). A cohort of fewer than \(CohortFigures.smallCohort) "
                 + "pupils is not shown.", into: &html)
            let school = pack.school
            for summary in pack.gaps {
                let id = "gap-\(summary.dimension.rawValue)"
                // A dimension's heading, chart and table stay on one page.
                html.open("div", ["class": "cohort"])
                html.element("h3", summary.dimension.title)
                var table = PackTable(id: id, caption: "Absence by cohort: \(summary.dimension.title)",
                                      columns: ["Cohort", "Pupils", "Attendance %", "Absence %", "Persistent absentees", "Persistent %"])
                for (name, figures) in summary.cohorts + [("School", school)] {
                    table.rows.append(figures.isSmall && name != "School"
                        ? [name, PackTable.fewPupils] + Array(repeating: PackTable.suppressed, count: 4)
                        : [name, "\(figures.pupils)", PackTable.rate(figures.sessions.attendanceRate), PackTable.rate(figures.sessions.absenceRate),
                           "\(figures.persistentAbsentees)", PackTable.rate(figures.persistentAbsenceRate)])
                }
                let chart = BarChart(
                    id: "\(id)-chart", title: "Absence by cohort: \(summary.dimension.title)",
                    summary: "Absence rate of each cohort, with the school's \(PackTable.rate(school.sessions.absenceRate))% marked.",
                    bars: summary.cohorts.map { name, figures in
                        let rate = figures.isSmall ? nil : figures.sessions.absenceRate
                        return .init(label: name, value: rate?.value,
                                     text: figures.isSmall ? "fewer than \(CohortFigures.smallCohort) pupils" : "\(PackTable.rate(rate))%",
                                     colour: PackPalette.authorised)
                    },
                    marker: school.sessions.absenceRate.map { .init(label: "School \($0.description)%", value: $0.value) })
                figure(chart.svg(), table, into: &html)
                html.close("div")
            }
        }
    }

    private func weekdays() -> Markup {
        section("weekdays", "When in the week absence falls") { html in
            let slots = pack.absence.byWeekday.slots
            var table = PackTable(id: "weekdays", caption: "Absence by weekday and session",
                                  columns: ["Session", "Possible sessions", "Absent", "Absence %"])
            for slot in slots {
                table.rows.append(["\(slot.weekday.rawValue.capitalized) \(slot.part.rawValue)", "\(slot.possible)", "\(slot.absent)",
                                   PackTable.rate(slot.absenceRate)])
            }
            let days = Weekday.allCases.prefix(5)
            func rates(_ part: Session.Part) -> [Double?] {
                days.map { day in slots.first { $0.weekday == day && $0.part == part }?.absenceRate?.value }
            }
            let school = pack.school.sessions.absenceRate
            let chart = ColumnChart(
                id: "weekdays-chart", title: "Absence by weekday and session",
                summary: "Absence rate of each morning and afternoon, Monday to Friday, against the school's \(PackTable.rate(school))%.",
                categories: days.map(\.shortName),
                series: [.init(name: "Morning", colour: PackPalette.morning, values: rates(.am)),
                         .init(name: "Afternoon", colour: PackPalette.afternoon, values: rates(.pm))],
                range: 0...PackSections.ceiling(of: (rates(.am) + rates(.pm)).compactMap { $0 }),
                reference: school.map { .init(label: "School \($0.description)%", value: $0.value) })
            figure(chart.svg(), table, into: &html)
        }
    }

    private func support() -> Markup {
        section("support", "Support first") { html in
            note("Pupils on each follow-up list on \(pack.period.days.upperBound), not yet acted on; and what was logged from "
                 + "\(pack.period.days.lowerBound) to \(pack.period.days.upperBound).", into: &html)
            var lists = PackTable(id: "follow-ups", caption: "Follow-up lists", columns: ["List", "What puts a pupil on it", "Pupils"])
            for (rule, pupils) in pack.followUps { lists.rows.append([rule.title, rule.rule, "\(pupils)"]) }
            html.append(lists.markup())
            var logged = PackTable(id: "interventions", caption: "Logged in the period", columns: ["Kind", "Entries"])
            for (kind, count) in pack.interventions { logged.rows.append([kind.title, "\(count)"]) }
            if pack.interventions.isEmpty { html.element("p", "Nothing was logged in this period.") } else { html.append(logged.markup()) }
            var notices = PackTable(id: "notices", caption: "Penalty notices in the period", columns: ["Penalty notices", "Number"])
            for kind in [InterventionKind.penaltyNoticeIssued, .penaltyNoticePaid, .penaltyNoticeWithdrawn, .decisionNotToIssue] {
                notices.rows.append([kind.title, "\(pack.logged(kind))"])
            }
            html.append(notices.markup())
            var leave = PackTable(id: "leave", caption: "Leave of absence asked for in the period",
                                  columns: ["Kind", "Code", "Requested", "Granted", "Refused", "Withdrawn", "To decide"])
            for row in pack.leave.rows {
                leave.rows.append([row.kind.title, row.kind.code.symbol, "\(row.requested)", "\(row.granted)", "\(row.refused)", "\(row.withdrawn)",
                                   "\(row.undecided)"])
            }
            if pack.leave.rows.isEmpty { html.element("p", "No leave of absence was asked for in this period.") } else { html.append(leave.markup()) }
            var taken = PackTable(id: "leave-taken", caption: "Leave refused and taken", columns: ["Sessions", "Number"])
            taken.rows = [["Sessions of refused leave missed without authority (G N O U)", "\(pack.leave.takenAfterRefusal)"]]
            html.append(taken.markup())
        }
    }

    private func roll() -> Markup {
        section("roll", "The roll") { html in
            note("Names entered (each starting day from \(pack.period.days.lowerBound) to \(pack.period.days.upperBound), a new "
                 + "intake among them) and deleted in the period, with the ground of each deletion.", into: &html)
            var roll = PackTable(id: "roll", caption: "Names entered and deleted", columns: ["Names", "Number"])
            roll.rows = [["Entered", "\(pack.roll.enteredCount)"], ["Deleted", "\(pack.roll.deletedCount)"]]
            html.append(roll.markup())
            var grounds = PackTable(id: "deletions", caption: "Deletions by ground (regulation 9)", columns: ["Ground", "Deletions"])
            for (ground, count) in pack.roll.deletionsByGround { grounds.rows.append(["\(ground.label) \(ground.title)", "\(count)"]) }
            if pack.roll.deletionsByGround.isEmpty { html.element("p", "No name was deleted in this period.") } else { html.append(grounds.markup()) }
        }
    }

    /// "3 Sep": a week's label under a column.
    static func shortDate(_ date: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.day) \(months[date.month - 1])"
    }

    /// The top of a rate axis: the next 10 up from the highest value, at least 10.
    static func ceiling(of values: [Double]) -> Double {
        max(10, ((values.max() ?? 0) / 10).rounded(.up) * 10)
    }

    static func clipped(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
