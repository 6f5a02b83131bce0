import PropertyBased
import Testing
@testable import RollcallCore

@Suite("Attendance figures")
struct AttendanceFiguresTests {
    func figures(_ counts: [(AttendanceCode?, Int)]) -> AttendanceFigures {
        var tally = AttendanceTally()
        for (code, count) in counts {
            for _ in 0..<count { tally.add(code) }
        }
        return AttendanceFigures(tally)
    }

    @Test func aMixedPupilWorkedByHand() {
        // 14 present, 2 late, 1 trip, 1 ill, 1 unexplained, 1 dual registered, 1 unmarked.
        let pupil = figures([
            (.presentAM, 7), (.presentPM, 7), (.late, 2), (.educationalVisit, 1), (.illness, 1),
            (.reasonNotYetEstablished, 1), (.dualRegistered, 1), (nil, 1),
        ])
        #expect(pupil.tally.present == 16)
        #expect(pupil.tally.attended == 17)
        #expect(pupil.possible == 19) // D and the unmarked session are not possible
        #expect(pupil.tally.authorisedAbsence == 1)
        #expect(pupil.tally.unauthorisedAbsence == 1)
        #expect(pupil.tally.notCounted == 1)
        #expect(pupil.tally.missing == 1)
        #expect(pupil.tally.late == 2)
        #expect(pupil.attendanceRate?.description == "89.5") // 17/19 = 89.47
        #expect(pupil.absenceRate?.description == "10.5") // 2/19 = 10.53
        #expect(pupil.authorisedRate?.description == "5.3") // 1/19 = 5.26
        #expect(pupil.isPersistentAbsentee)
        #expect(!pupil.isSevereAbsentee)
    }

    @Test func exactlyTenPercentIsPersistent() {
        let pupil = figures([(.presentAM, 342), (.illness, 38)]) // 38/380 = 10.0%
        #expect(pupil.absenceRate?.description == "10.0")
        #expect(pupil.isPersistentAbsentee)
    }

    @Test func nineNinePercentIsNotPersistent() {
        let pupil = figures([(.presentAM, 901), (.otherUnauthorised, 99)]) // 99/1000 = 9.9%
        #expect(pupil.absenceRate?.description == "9.9")
        #expect(!pupil.isPersistentAbsentee)
    }

    @Test func ratesThatRoundUpToTenAreStillNotPersistent() {
        // 199/2000 = 9.95%, published as 10.0 but below the threshold.
        let pupil = figures([(.presentAM, 1801), (.illness, 199)])
        #expect(pupil.absenceRate?.description == "10.0")
        #expect(!pupil.isPersistentAbsentee)
    }

    @Test func fiftyPercentIsSevereAndJustUnderIsNot() {
        #expect(figures([(.presentAM, 190), (.holidayNotGranted, 190)]).isSevereAbsentee)
        #expect(!figures([(.presentAM, 191), (.holidayNotGranted, 189)]).isSevereAbsentee)
    }

    @Test func noPossibleSessionsIsNeitherAndHasNoRates() {
        let pupil = figures([(.dualRegistered, 10), (.notCompulsorySchoolAge, 4), (nil, 2)])
        #expect(pupil.possible == 0)
        #expect(pupil.attendanceRate == nil && pupil.absenceRate == nil)
        #expect(!pupil.isPersistentAbsentee && !pupil.isSevereAbsentee)
    }

    @Test func approvedActivityCountsAsAttendance() {
        let pupil = figures([(.workExperience, 5), (.localAuthorityProvision, 5)])
        #expect(pupil.attendanceRate?.description == "100.0")
    }

    @Test func attendanceAndAbsenceRatesAlwaysMakeOneHundred() async {
        await propertyCheck(input: Gen<AttendanceCode>.case.array(of: 1...400)) { codes in
            var tally = AttendanceTally()
            codes.forEach { tally.add($0) }
            let pupil = AttendanceFigures(tally)
            guard let attendance = pupil.attendanceRate, let absence = pupil.absenceRate else {
                #expect(codes.allSatisfy { !$0.countsAsPossible })
                return
            }
            #expect(attendance.numerator + absence.numerator == pupil.possible)
            #expect(abs(attendance.value + absence.value - 100) < 1e-9)
            #expect(pupil.isPersistentAbsentee == (absence.value >= 10 - 1e-9))
        }
    }

    @Test func aPupilIsCountedOnlyOnSchoolSessionsWhileOnRoll() throws {
        let calendar = try calendar()
        // Admitted Wednesday 10 Sep 2025; the week of 8 Sep has 3 days on roll.
        let pupil = Pupil(
            upn: upn("B801200005001"), surname: "O'Brien", forename: "Siobhán",
            dateOfBirth: day("2013-05-01"), yearGroup: 7, form: "7A",
            admissionDate: day("2025-09-10"))
        let marks: [Session: AttendanceCode] = [
            am("2025-09-10"): .presentAM, pm("2025-09-10"): .presentPM,
            am("2025-09-11"): .illness, pm("2025-09-11"): .illness,
            am("2025-09-12"): .late,
            am("2025-09-08"): .presentAM, // before admission: ignored
        ]
        let tally = AttendanceTally(
            pupil: pupil, period: day("2025-09-08")...day("2025-09-14"), calendar: calendar
        ) { marks[$0] }
        #expect(tally.possible == 5)
        #expect(tally.missing == 1) // Friday afternoon was never marked
        #expect(tally.authorisedAbsence == 2)
        #expect(tally.late == 1)
    }

    @Test func aLeaverIsCountedUpToAndIncludingTheirLastDay() throws {
        let calendar = try calendar()
        // Deleted from roll on Wednesday 10 September: Monday to Wednesday count, 6 sessions.
        let pupil = Pupil(upn: upn("B801200005001"), surname: "Leaver", forename: "Lee",
                          dateOfBirth: day("2013-05-01"), yearGroup: 7, form: "7A", leavingDate: day("2025-09-10"))
        let tally = AttendanceTally(pupil: pupil, period: day("2025-09-08")...day("2025-09-12"), calendar: calendar) { _ in .presentAM }
        #expect(tally.possible == 6)
        #expect(pupil.isOnRoll(on: day("2025-09-10")) && !pupil.isOnRoll(on: day("2025-09-11")))
    }

    @Test func cohortRatesComeFromSummedCounts() {
        let regular = figures([(.presentAM, 18), (.illness, 2)]) // 10%: persistent
        let severe = figures([(.presentAM, 4), (.otherUnauthorised, 6)]) // 60%: severe
        let away = figures([(.dualRegistered, 20)]) // nothing possible
        let cohort = CohortFigures([regular, severe, away])
        #expect(cohort.pupils == 3)
        #expect(cohort.pupilsWithPossibleSessions == 2)
        #expect(cohort.tally.possible == 30)
        #expect(cohort.sessions.absenceRate?.description == "26.7") // 8/30
        #expect(cohort.persistentAbsentees == 2)
        #expect(cohort.severeAbsentees == 1)
        #expect(cohort.persistentAbsenceRate?.description == "100.0")
        #expect(cohort.severeAbsenceRate?.description == "50.0")
    }

    @Test func percentagesRoundHalfUpExactly() {
        #expect(Percentage(1, of: 8)?.description == "12.5")
        #expect(Percentage(1, of: 800)?.description == "0.1") // 0.125 -> 0.1
        #expect(Percentage(1, of: 400)?.description == "0.3") // 0.25 -> 0.3
        #expect(Percentage(2, of: 3)?.description == "66.7")
        #expect(Percentage(0, of: 5)?.description == "0.0")
        #expect(Percentage(1, of: 0) == nil)
        #expect(Percentage(1, of: 2) == Percentage(2, of: 4))
    }
}
