import Foundation
import Testing
@testable import RollcallCore

/// A small school in the fixture calendar: every pupil present at every session from the
/// first day of term to `through`, except the marks given (nil: no mark at all).
func records(_ pupils: [Pupil], through last: String, except: [UPN: [Session: Mark?]] = [:]) throws -> SchoolRecords {
    let calendar = try calendar()
    var registers: [Register] = []
    for session in calendar.sessions(in: day("2025-09-03")...day(last)) {
        var marks: [UPN: Mark] = [:]
        for pupil in pupils where pupil.isOnRoll(on: session.date) {
            let given = except[pupil.upn]?[session]
            switch given {
            case .none: marks[pupil.upn] = Mark(.present(for: session.part))
            case .some(.none): break
            case let .some(.some(mark)): marks[pupil.upn] = mark
            }
        }
        registers.append(Register(group: "7A", session: session, marks: marks))
    }
    return SchoolRecords(calendar: calendar, pupils: pupils, book: AttendanceBook(registers: registers))
}

func pupil(_ body: String, _ surname: String, form: String = "7A", year: Int = 7, fsm: Bool = false, sen: SENStatus = .none,
           socialWorker: Bool = false) -> Pupil {
    Pupil(upn: (try? UPN(body: body))!, surname: surname, forename: "Test", dateOfBirth: day("2014-01-01"), yearGroup: year,
          form: form, sen: sen, fsm: fsm, hasSocialWorker: socialWorker)
}

func both(_ date: String, _ code: AttendanceCode) -> [Session: Mark?] {
    [am(date): Mark(code), pm(date): Mark(code)]
}

@Suite("What the attendance lead sees")
struct InsightsTests {
    let ann = pupil("938432125001", "Ann", fsm: true, sen: .support)
    let bob = pupil("938432125002", "Bob", socialWorker: true)
    let cat = pupil("938432125003", "Cat", form: "7B", fsm: true)
    let dan = pupil("938432125004", "Dan", form: "8A", year: 8)

    @Test func periodsFollowTheCalendarAndStopAtToday() throws {
        let calendar = try calendar()
        let wednesday = day("2025-11-19")
        func days(_ period: DashboardPeriod, _ date: CalendarDate = wednesday) -> String? {
            period.days(asOf: date, calendar: calendar).map { "\($0.lowerBound)...\($0.upperBound)" }
        }
        #expect(days(.thisWeek) == "2025-11-17...2025-11-19")
        #expect(days(.lastWeek) == "2025-11-10...2025-11-16")
        #expect(days(.thisHalfTerm) == "2025-11-03...2025-11-19")
        // Autumn 1 and Autumn 2 make the autumn term.
        #expect(days(.thisTerm) == "2025-09-03...2025-11-19")
        #expect(days(.thisYear) == "2025-09-03...2025-11-19")
        // In the October half term, "this half term" is the one just ended and last
        // week is the last week of school.
        let holiday = day("2025-10-29")
        #expect(days(.thisHalfTerm, holiday) == "2025-09-03...2025-10-24")
        #expect(days(.lastWeek, holiday) == "2025-10-20...2025-10-26")
        // In spring, the term starts in January.
        #expect(days(.thisTerm, day("2026-03-04")) == "2026-01-05...2026-03-04")
    }

    @Test func nIsListedOnceFiveSchoolDaysHavePassedSkippingHolidaysAndClosures() throws {
        let exceptions: [UPN: [Session: Mark?]] = [
            ann.upn: [am("2025-09-08"): Mark(.reasonNotYetEstablished), pm("2025-09-12"): Mark(.reasonNotYetEstablished)],
            bob.upn: [am("2025-10-24"): Mark(.reasonNotYetEstablished)],
        ]
        let school = try records([ann, bob], through: "2025-11-14", except: exceptions)
        // As of Mon 15 Sep: 9, 10, 11, 12, 15 Sep follow the 8th (5); only the 15th
        // follows Friday the 12th.
        let monday = UnresolvedN.list(school, asOf: day("2025-09-15"))
        #expect(monday.map(\.session) == [am("2025-09-08")])
        #expect(monday.map(\.schoolDaysSince) == [5])
        #expect(UnresolvedN.list(school, asOf: day("2025-09-18")).map(\.session) == [am("2025-09-08")])
        #expect(UnresolvedN.list(school, asOf: day("2025-09-19")).map(\.session) == [am("2025-09-08"), pm("2025-09-12")])
        // Fri 24 Oct, then half term, then the INSET day Mon 3 Nov: 4, 5, 6, 7 Nov are
        // only four school days; Mon 10 Nov makes five.
        #expect(!UnresolvedN.list(school, asOf: day("2025-11-07")).contains { $0.pupil == bob })
        let listed = UnresolvedN.list(school, asOf: day("2025-11-10")).filter { $0.pupil == bob }
        #expect(listed.map(\.schoolDaysSince) == [5])
    }

    @Test func theCallingListPutsPupilsWithASocialWorkerFirst() throws {
        let exceptions: [UPN: [Session: Mark?]] = [
            ann.upn: [am("2025-09-10"): Mark(.reasonNotYetEstablished)],
            bob.upn: [am("2025-09-10"): Mark(.reasonNotYetEstablished)],
            cat.upn: [am("2025-09-10"): Mark(.illness)],
            dan.upn: [pm("2025-09-10"): Mark(.reasonNotYetEstablished)],
        ]
        let school = try records([ann, bob, cat, dan], through: "2025-09-10", except: exceptions)
        #expect(CallingList.pupils(school, session: am("2025-09-10")).map(\.surname) == ["Bob", "Ann"])
        #expect(CallingList.pupils(school, session: pm("2025-09-10")).map(\.surname) == ["Dan"])
    }

    @Test func missingMarksNameTheRegistersNotTakenAndTheIncomplete() throws {
        let exceptions: [UPN: [Session: Mark?]] = [
            ann.upn: [am("2025-09-09"): .none],
            cat.upn: [am("2025-09-10"): .none, pm("2025-09-10"): .none],
        ]
        let school = try records([ann, bob, cat], through: "2025-09-10", except: exceptions)
        let missing = MissingMarks.list(school, days: day("2025-09-08")...day("2025-09-10"), upTo: am("2025-09-10"))
        // 7A had 2 on roll with Ann unmarked Tuesday morning; 7B's only pupil unmarked on
        // Wednesday morning is a register not taken. Wednesday afternoon is still to come.
        #expect(missing.map { "\($0.group) \($0.session) \($0.unmarked)/\($0.onRoll)" } == ["7A 2025-09-09 AM 1/2", "7B 2025-09-10 AM 1/1"])
        #expect(missing.map(\.isNotTaken) == [false, true])
    }

    @Test func aPupilWhoCrossesTheLineThisWeekIsFlaggedNew() throws {
        // Term to Fri 19 Sep: 26 sessions (Wed 3 Sep to Fri 5 Sep: 6, then 10 and 10).
        // Ann: 2 sessions ill in week 2 and 1 in week 3: 2 of 16 by Friday 12th (12.5%)
        // is already persistent. Bob: 1 in week 2 (1/16, 6.25%), then 2 in week 3:
        // 3 of 26 is 11.5%, persistent only now. Cat misses nothing.
        let exceptions: [UPN: [Session: Mark?]] = [
            ann.upn: both("2025-09-08", .illness).merging([am("2025-09-17"): Mark(.illness)]) { $1 },
            bob.upn: [am("2025-09-09"): Mark(.otherUnauthorised), am("2025-09-15"): Mark(.illness), pm("2025-09-15"): Mark(.illness)],
        ]
        let school = try records([ann, bob, cat], through: "2025-09-19", except: exceptions)
        let dashboard = Dashboard(school, today: day("2025-09-19"), minute: 10 * 60)
        let year = dashboard.figures(for: .thisYear)
        #expect(year.absentees.map(\.row.pupil.surname) == ["Bob", "Ann"])
        #expect(year.absentees.map(\.row.figures.absenceRate?.description) == ["11.5", "11.5"])
        #expect(year.absentees.map(\.isNewThisWeek) == [true, false])
        #expect(year.newlyPersistent == 1)
        #expect(year.school.persistentAbsentees == 2)
        #expect(year.school.persistentAbsenceRate?.description == "66.7")
        // 6 absences of 78 possible sessions: 92.3% attendance.
        #expect(year.school.sessions.attendanceRate?.description == "92.3")
        // This week alone there is nothing earlier to compare with.
        #expect(dashboard.figures(for: .thisWeek).absentees.allSatisfy { !$0.isNewThisWeek })
    }

    @Test func theTrendHasOneFigureForEachSchoolWeek() throws {
        let exceptions: [UPN: [Session: Mark?]] = [ann.upn: both("2025-09-08", .illness)]
        let school = try records([ann, bob], through: "2025-09-17", except: exceptions)
        let trend = WeeklyTrend(school, days: day("2025-09-03")...day("2025-09-17"))
        #expect(trend.weeks.map(\.week.monday) == [day("2025-09-01"), day("2025-09-08"), day("2025-09-15")])
        // Week 2: 2 absences in 20 sessions; week 3 to Wednesday: 6 sessions each.
        #expect(trend.weeks.map(\.figures.possible) == [12, 20, 12])
        #expect(trend.weeks.map(\.figures.attendanceRate?.description) == ["100.0", "90.0", "100.0"])
    }

    @Test func thePenaltyListHoldsThoseAtAndCloseToTheThreshold() throws {
        // Ann: 5 days of O (10 sessions); Bob: 3 days and an N morning (7); Cat: 6.
        var annMarks: [Session: Mark?] = [:], bobMarks: [Session: Mark?] = [:], catMarks: [Session: Mark?] = [:]
        for date in ["2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12"] { annMarks.merge(both(date, .otherUnauthorised)) { $1 } }
        for date in ["2025-09-15", "2025-09-16", "2025-09-17"] { bobMarks.merge(both(date, .holidayNotGranted)) { $1 } }
        bobMarks[am("2025-09-18")] = Mark(.reasonNotYetEstablished)
        for date in ["2025-09-15", "2025-09-16", "2025-09-17"] { catMarks.merge(both(date, .otherUnauthorised)) { $1 } }
        let school = try records([ann, bob, cat], through: "2025-09-19", except: [ann.upn: annMarks, bob.upn: bobMarks, cat.upn: catMarks])
        let dashboard = Dashboard(school, today: day("2025-09-19"), minute: 9 * 60)
        #expect(dashboard.penalty.map(\.pupil.surname) == ["Ann", "Bob"])
        #expect(dashboard.penalty.map(\.position.unauthorisedSessions) == [10, 7])
        #expect(dashboard.penalty.map(\.position.thresholdReached) == [true, false])
        #expect(dashboard.penalty.map(\.position.isClose) == [false, true])
        // The CLI's list is those at the threshold only.
        #expect(PupilPenalty.report(school.pupils, book: school.book, calendar: school.calendar, asOf: day("2025-09-19")).count == 1)
    }

    @Test func cohortsCrossedKeepTheNumberOfPupilsInEachCell() throws {
        let exceptions: [UPN: [Session: Mark?]] = [cat.upn: both("2025-09-04", .illness)]
        let school = try records([ann, bob, cat, dan], through: "2025-09-05", except: exceptions)
        let rows = PupilAttendance.report(school.pupils, book: school.book, calendar: school.calendar,
                                          period: day("2025-09-03")...day("2025-09-05"))
        let grid = CohortGrid(rows, by: .fsm, and: .sen)
        #expect(grid.cells.map { "\($0.first)/\($0.second) \($0.figures.pupils)" }
            == ["FSM/No SEN 1", "FSM/SEN support 1", "Not FSM/No SEN 2"])
        // Cat: 2 of 6 sessions missed.
        #expect(grid.cells[0].figures.sessions.absenceRate?.description == "33.3")
        #expect(grid.cells.allSatisfy { $0.figures.isSmall })
    }

    @Test func aPupilsHistoryTellsTheirStory() throws {
        let exceptions: [UPN: [Session: Mark?]] = [
            ann.upn: both("2025-09-08", .illness)
                .merging(both("2025-09-15", .otherUnauthorised)) { $1 }
                .merging([am("2025-09-10"): Mark(.late, minutesLate: 12), am("2025-09-11"): Mark(.late, minutesLate: 5),
                          pm("2025-09-12"): Mark(.arrivedAfterRegisterClosed), am("2025-09-17"): .none]) { $1 },
        ]
        let school = try records([ann, bob], through: "2025-09-17", except: exceptions)
        let recorder = Recorder(login: "jsmith")
        let amendments = [
            try Amendment(upn: ann.upn, group: "7A", session: am("2025-09-08"), original: .reasonNotYetEstablished,
                          amended: .illness, reason: "Mum phoned", at: Date(timeIntervalSince1970: 1_757_400_000), by: recorder),
            try Amendment(upn: bob.upn, group: "7A", session: am("2025-09-08"), original: .illness,
                          amended: .presentAM, reason: "Error", at: Date(timeIntervalSince1970: 1_757_400_100), by: recorder),
        ]
        let history = PupilHistory(ann, records: school, amendments: amendments, asOf: day("2025-09-17"))
        // 3 Sep to 17 Sep: 22 sessions, one unmarked (missing, not possible); absent 4
        // (I, I, O, O) plus the U: 5 of 21.
        #expect(history.year?.figures.possible == 21)
        #expect(history.year?.figures.tally.missing == 1)
        #expect(history.year?.figures.absenceRate?.description == "23.8")
        #expect(history.term?.name == "Autumn")
        // Afternoons present: 8 of 11; mornings: 6 (two late, two absent, one unmarked).
        #expect(history.codes.prefix(2).map { "\($0.code.symbol) \($0.sessions)" } == ["\\ 8", "/ 6"])
        #expect(history.codes.first { $0.code == .illness }?.sessions == 2)
        #expect(history.lateness == { var lateness = Lateness(); lateness.beforeClose = 2; lateness.afterClose = 1; lateness.minutes = 17; return lateness }())
        // Both Mondays missed (8th and 15th), mornings and afternoons: the earlier slot
        // of a tie is named.
        let most = try #require(history.pattern.mostMissed)
        #expect("\(most.weekday.shortName) \(most.part.rawValue) \(most.absent)/\(most.possible)" == "Mon AM 2/2")
        #expect(history.penalty?.unauthorisedSessions == 3)
        #expect(history.penalty?.unauthorised.map(\.session) == [pm("2025-09-12"), am("2025-09-15"), pm("2025-09-15")])
        #expect(history.amendments.map(\.reason) == ["Mum phoned"])
        #expect(history.sessions.first { $0.session == am("2025-09-17") }?.day == .missing)
        #expect(history.sessions.first { $0.session == pm("2025-09-18") }?.day == .future)
    }
}
