import RollcallCore
import RollcallTUI

extension PupilHistoryState {
    typealias Line = [(text: String, role: StyleRole)]

    /// The page, line by line, laid out for the screen's width.
    func laidOut() -> [Line] {
        var lines: [Line] = []
        lines += about
        lines += contactLines
        lines.append([])
        lines += figures
        lines += earlierSchools
        lines.append([])
        lines += penalty
        lines += patterns
        lines.append([])
        lines += calendar
        lines.append([])
        lines += interventions
        lines.append([])
        lines += leave
        if !history.offsite.isEmpty {
            lines.append([])
            lines += offsite
        }
        lines.append([])
        lines += amendments
        return lines
    }

    private func rate(_ value: Percentage?) -> String { value.map { "\($0)%" } ?? "-" }

    private var about: [Line] {
        let pupil = history.pupil
        var facts = ["Born \(pupil.dateOfBirth)"]
        if let sex = pupil.sex { facts.append(sex.title) }
        facts.append(pupil.sen.title)
        if pupil.fsm { facts.append("FSM") }
        if pupil.eal { facts.append("EAL") }
        if let admitted = pupil.admissionDate { facts.append("on roll from \(admitted)") }
        if let left = pupil.leavingDate { facts.append("left \(left)") }
        var lines: [Line] = [[(facts.joined(separator: " · "), .normal)]]
        var flags: [String] = []
        if pupil.hasSocialWorker { flags.append("social worker") }
        if pupil.hasYouthJusticeWorker { flags.append("youth justice worker") }
        if pupil.isLookedAfter { flags.append("looked after") }
        if !flags.isEmpty { lines.append([("Has a " + flags.joined(separator: ", ") + ": tell them of unexplained absence", .warning)]) }
        return lines
    }

    private var figures: [Line] {
        func row(_ name: String, _ figures: AttendanceFigures) -> Line {
            let level = figures.isSevereAbsentee ? "severe" : figures.isPersistentAbsentee ? "persistent" : ""
            let text = name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + [String(figures.possible), rate(figures.attendanceRate), rate(figures.absenceRate),
                   rate(figures.authorisedRate), rate(figures.unauthorisedRate)].map { $0.leftPadded(to: 9) }.joined()
            return [(text, .normal), ("  " + level, figures.isSevereAbsentee ? .unauthorised : .warning)]
        }
        var lines: [Line] = [[(String(repeating: " ", count: 16) + ["Possible", "Attend", "Absent", "Auth", "Unauth"]
            .map { $0.leftPadded(to: 9) }.joined(), .dim)]]
        if let year = history.year { lines.append(row("Year \(year.name)", year.figures)) }
        if let term = history.term { lines.append(row("\(term.name) term", term.figures)) }
        lines.append(row("Last 4 weeks", history.recent))
        return lines
    }

    private var penalty: [Line] {
        guard let position = history.penalty else { return [] }
        let reached = position.thresholdReached
        let role: StyleRole = reached ? .unauthorised : position.isClose ? .warning : .normal
        var lines: [Line] = [[("Penalty: ", .dim),
                              ("\(position.unauthorisedSessions) unauthorised sessions", role),
                              (" in the \(PenaltyThreshold.window) from \(Clock.day(position.window.start))", .normal)]]
        lines.append([(reached ? "  Threshold reached: support first, then consider a notice." : "  10 reaches the threshold.", role)])
        let sessions = position.unauthorised.map { "\($0.session.date.day) \(Clock.months[$0.session.date.month - 1]) \($0.session.part.rawValue) \($0.code.symbol)" }
        lines += wrapped(sessions, indent: "  ", role: .unauthorised)
        lines.append([])
        return lines
    }

    private var patterns: [Line] {
        var lines: [Line] = []
        let lateness = history.lateness
        lines.append([("Late: ", .dim), ("\(lateness.beforeClose) before the register closed (L, \(lateness.minutes) minutes in all), "
                                         + "\(lateness.afterClose) after (U)", lateness.afterClose > 0 ? .warning : .normal)])
        if let most = history.pattern.mostMissed {
            lines.append([("Missed most: ", .dim), ("\(most.weekday.rawValue.capitalized) \(most.part == .am ? "mornings" : "afternoons"), "
                                                    + "\(most.absent) of \(most.possible) (\(rate(most.absenceRate)))", .warning)])
        } else {
            lines.append([("Missed most: ", .dim), ("no absence", .normal)])
        }
        lines.append([("          " + Weekday.allCases.prefix(5).map { $0.shortName.leftPadded(to: 7, with: " ") }.joined(), .dim)])
        for part in Session.Part.allCases {
            let slots = history.pattern.slots.filter { $0.part == part }
            lines.append([("  absent \(part.rawValue)", .dim)] + slots.map { slot in
                ("\(slot.absent)/\(slot.possible)".leftPadded(to: 7, with: " "), slot == history.pattern.mostMissed ? .warning : .normal)
            })
        }
        var codes: Line = [("Codes: ", .dim)]
        for entry in history.codes {
            codes.append((entry.code.symbol, StyleRole.of(entry.code)))
            codes.append((" \(entry.sessions)  ", .normal))
        }
        lines.append(codes)
        return lines
    }

    private var calendar: [Line] {
        guard let first = history.sessions.first?.session.date, let last = history.sessions.last?.session.date else {
            return [[("No school sessions in the calendar for this year.", .dim)]]
        }
        var days: [CalendarDate: [PupilHistory.Day]] = [:]
        for entry in history.sessions { days[entry.session.date, default: []].append(entry.day) }
        var lines: [Line] = [[("The year, AM and PM for each day:", .dim)]]
        var legend: Line = [], used = 0
        for entry in CategorySymbol.legend {
            if used + DisplayWidth.of(entry.text) > size.width {
                lines.append(legend)
                (legend, used) = ([], 0)
            }
            legend += [(entry.text, entry.role), ("  ", .normal)]
            used += DisplayWidth.of(entry.text) + 2
        }
        lines.append(legend)
        var header = String(repeating: " ", count: 7 + 62)
        for day in [1, 5, 10, 15, 20, 25, 30] {
            let x = header.index(header.startIndex, offsetBy: 7 + (day - 1) * 2)
            header.replaceSubrange(x..<header.index(x, offsetBy: String(day).count), with: String(day))
        }
        lines.append([(header, .dim)])
        var month = CalendarDate(year: first.year, month: first.month, day: 1) ?? first
        while month <= last {
            var line: Line = [(Clock.month(month) + " ", .dim)]
            var date = month
            while date.month == month.month {
                if let marks = days[date] {
                    let symbols = marks.map(CategorySymbol.of)
                    line += symbols.count == 2 ? symbols : symbols + [(" ", .normal)]
                } else {
                    line.append(("  ", .normal))
                }
                date = date.advanced(by: 1)
            }
            lines.append(line)
            month = date
        }
        return lines
    }

    private var contactLines: [Line] {
        history.contacts.map { contact in
            let lives = contact.livesWithPupil ? ", lives with the pupil" : ""
            return [("\(contact.relationship): ", .dim), ("\(contact.name)\(lives)  \(contact.phones.joined(separator: " / "))", .normal)]
        }
    }

    private var interventions: [Line] {
        var lines: [Line] = [[("Support and actions (\(history.interventions.count))", .dim)]]
        for record in history.interventions {
            let entry = record.intervention
            var extra = ""
            if let review = entry.reviewDate { extra += ", review \(review)" }
            if let parent = entry.parent { extra += ", to \(parent)" }
            if !entry.sessions.isEmpty { extra += ", \(entry.sessions.count) sessions" }
            lines.append([("\(entry.date)  ", .normal), (entry.kind.title, entry.kind.isSupport ? .present : .warning),
                          ("\(extra)  #\(record.number) by \(record.by.login)", .dim)])
            if !entry.note.isEmpty { lines += Wrap.lines(entry.note, width: size.width - 4).map { [("    " + $0, .normal)] } }
        }
        if history.interventions.isEmpty { lines.append([("None logged yet.", .dim)]) }
        return lines
    }

    /// The years at earlier schools, each its own line: they came by CTF and are never
    /// counted in this school's figures.
    private var earlierSchools: [Line] {
        history.earlierSchools.map { year in
            let rate = Percentage(year.attended, of: year.possible).map { "\($0)%" } ?? "-"
            return [("\(year.year)-\(String(year.year + 1).suffix(2)) at \(year.schoolName.isEmpty ? "\(year.lea)\(year.estab)" : year.schoolName): ", .dim),
                    ("\(rate), \(year.possible) possible", .normal), (" (before Rollcall)", .dim)]
        }
    }

    /// Each request for leave: what was asked, by whom, and what was decided, by whom and why.
    private var leave: [Line] {
        var lines: [Line] = [[("Leave (\(history.leave.count))", .dim)]]
        for application in history.leave {
            let request = application.request
            let span = request.sessions.first.map { first in "\(first) to \(request.sessions.last ?? first)" } ?? ""
            let outcome: (String, StyleRole)
            switch application.outcome {
            case .undecided: outcome = ("to decide", .warning)
            case .granted: outcome = ("granted \(application.grantedSessions.count) of \(request.sessions.count) (\(request.kind.code.symbol))", .present)
            case .refused: outcome = ("refused", .warning)
            case .withdrawn: outcome = ("withdrawn", .dim)
            }
            lines.append([("#\(application.number) \(request.kind.title), \(span)  ", .normal), outcome])
            lines += Wrap.lines("asked by \(request.applicant), received \(request.received)" + (request.evidence.map { "; evidence: \($0)" } ?? ""),
                                width: size.width - 4).map { [("    " + $0, .dim)] }
            if let decision = application.decision {
                lines += Wrap.lines("\(decision.by.login) on \(Clock.instant(decision.at)): \(decision.reason)", width: size.width - 4)
                    .map { [("    " + $0, .normal)] }
            }
            if let withdrawal = application.withdrawal {
                lines += Wrap.lines("withdrawn by \(withdrawal.by.login): \(withdrawal.reason)", width: size.width - 4).map { [("    " + $0, .dim)] }
            }
        }
        if history.leave.isEmpty { lines.append([("No request for leave.", .dim)]) }
        return lines
    }

    /// Each placement of education off site: where, which days, and whom to ask.
    private var offsite: [Line] {
        var lines: [Line] = [[("Off site (\(history.offsite.count))", .dim)]]
        for arrangement in history.offsite {
            let placement = arrangement.placement
            lines.append([("#\(arrangement.number) \(placement.provider)  ", .normal),
                          ("\(placement.code.symbol), \(placement.pattern), \(placement.from) to \(arrangement.lastDay)", .dim)])
            if let contact = placement.contact { lines.append([("    ask \(contact)", .dim)]) }
        }
        return lines
    }

    private var amendments: [Line] {
        var lines: [Line] = [[("Amendments (\(history.amendments.count))", .dim)]]
        for amendment in history.amendments {
            let change = "\(amendment.original.symbol) → \(amendment.amended?.symbol ?? "cleared")"
            lines.append([("\(amendment.session)  ", .normal), (change, .warning),
                          ("  by \(amendment.by.login) on \(Clock.instant(amendment.at))", .dim)])
            lines += Wrap.lines(amendment.reason, width: size.width - 4).map { [("    " + $0, .normal)] }
        }
        if history.amendments.isEmpty { lines.append([("None: every mark stands as first recorded.", .dim)]) }
        return lines
    }

    /// Items joined with commas across as many lines as the width needs.
    private func wrapped(_ items: [String], indent: String, role: StyleRole) -> [Line] {
        var lines: [Line] = []
        var current = indent
        for item in items {
            let piece = (current == indent ? "" : ", ") + item
            if DisplayWidth.of(current + piece) > size.width, current != indent {
                lines.append([(current + ",", role)])
                current = indent + item
            } else {
                current += piece
            }
        }
        if current != indent { lines.append([(current, role)]) }
        return lines
    }
}
