import Foundation
import RollcallCore
import RollcallStore

extension DemoSchool {
    /// What a lead finds about leave and education off site on a morning at the demo
    /// school: a request still to decide, a holiday refused and taken (marked G), an
    /// interview granted, and a pupil at a college on Tuesdays whose last Tuesday no one
    /// has confirmed. Written only for today's year, after its marks; on a day near either
    /// end of the year, only what fits in it.
    func writeLeaveAndOffsite(to store: Store, today: CalendarDate) throws {
        let calendar = try SchoolCalendar(years: [year])
        let mothers = Dictionary(contacts.filter { $0.relationship == "Mother" }.map { ($0.upn, $0.name) }) { first, _ in first }
        let deleted = Set(deletions.map(\.upn))
        let settled = pupils.filter { pupil in
            pupil.leavingDate == nil && (pupil.admissionDate.map { $0 <= year.firstDay } ?? true) && mothers[pupil.upn] != nil && !deleted.contains(pupil.upn)
        }
        guard settled.count >= 4 else { return }
        let lead = Recorder(login: "demo-lead", name: "Demo Attendance Lead", role: .attendanceLead)
        let office = Recorder(login: "demo-office", name: "Demo Office", role: .office)
        let made = Date(timeIntervalSince1970: Double(today.dayNumber) * 86_400 + 8 * 3_600)
        func ask(_ pupil: Pupil, _ kind: LeaveKind, _ sessions: [Session], received: CalendarDate, note: String) throws -> Int {
            try store.logLeave(.requested(LeaveRequest(upn: pupil.upn, kind: kind, sessions: sessions, applicant: mothers[pupil.upn] ?? "",
                                                       received: received, note: note)), by: office, at: made)
        }
        func sessions(_ from: CalendarDate, _ to: CalendarDate) -> [Session] { from <= to ? calendar.sessions(in: from...to) : [] }
        let ahead = sessions(today.advanced(by: 7), year.lastDay)
        if ahead.count >= 6 {
            // Three days from a week on, asked two days ago.
            _ = try ask(settled[0], .exceptional, Array(ahead.prefix(6)), received: today.advanced(by: -2), note: "A family wedding abroad")
            // An interview a week on, granted: its two sessions marked J1 in advance.
            let interview = Array(ahead.prefix(2))
            let number = try ask(settled[2], .interview, interview, received: today.advanced(by: -5), note: "Sixth-form interview")
            try store.record(interview.map { MarkEntry(upn: settled[2].upn, group: settled[2].form, session: $0, mark: Mark(.interview)) },
                             by: lead, at: made, reason: "leave request \(number) granted: an interview for a sixth-form place")
            try store.logLeave(.granted(request: number, sessions: interview, reason: "An interview for a sixth-form place"), by: lead, at: made)
        }
        // The school week two weeks ago, asked for a month before it, refused, and taken.
        if let week = calendar.schoolWeeks(endingWith: today.advanced(by: -14), count: 1).first {
            let holiday = calendar.sessions(in: week.monday...week.monday.advanced(by: 4))
            if let first = holiday.first, first.date >= year.firstDay.advanced(by: 28) {
                let number = try ask(settled[1], .exceptional, holiday, received: first.date.advanced(by: -28), note: "A week in Spain")
                try store.logLeave(.refused(request: number, reason: "A family holiday is not exceptional"), by: lead, at: made)
                try store.record(holiday.map { MarkEntry(upn: settled[1].upn, group: settled[1].form, session: $0, mark: Mark(.holidayNotGranted)) },
                                 by: office, at: made, reason: "Leave refused, taken: the family went to Spain")
            }
        }
        // Tuesdays at Riverside College since term began: each confirmed B, but the last.
        let placement = try OffsitePlacement(upn: settled[3].upn, provider: "Riverside College", code: .otherApprovedActivity, from: year.firstDay,
                                             to: year.lastDay, weekdays: [.tuesday], contact: "Jan Lee 01632 960123")
        try store.logOffsite(.added(placement), by: lead, at: made)
        let tuesdays = sessions(year.firstDay, today.advanced(by: -1)).filter(placement.expects)
        let last = tuesdays.last?.date
        try store.record(tuesdays.map { MarkEntry(upn: settled[3].upn, group: settled[3].form, session: $0,
                                                  mark: $0.date == last ? nil : Mark(.otherApprovedActivity)) },
                         by: office, at: made, reason: "Riverside College's weekly confirmation")
    }
}
