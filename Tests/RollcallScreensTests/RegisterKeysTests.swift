import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

@Suite("Marking from the keyboard")
struct RegisterKeysTests {
    let nine = 9 * 60, halfPastNine = 9 * 60 + 30
    let monday = Session(day("2025-09-08"), .am)
    // Rows: 0 adams (already / by someone else), 1 O'Brien, 2 Ó Súilleabháin, 3 Wiśniewski.

    func keys(_ state: inout RegisterState, _ keys: [Key], minute: Int = 9 * 60) -> [Asked] {
        keys.flatMap { state.handle($0, minute: minute) }.asked
    }

    func save(_ pupil: Pupil, _ mark: Mark?, previous: Mark? = nil, reason: String? = nil, session: Session? = nil) -> Asked {
        .perform(.save(MarkChange(upn: pupil.upn, group: "7A", session: session ?? monday, mark: mark, previous: previous, reason: reason)))
    }

    @Test func typingACodeMarksThePupilAndMovesToTheNext() {
        var state = Form7A.register()
        #expect(keys(&state, [.character("/")]) == []) // Amy already has /: nothing to save
        #expect(state.cursor == 1)
        #expect(keys(&state, [.character("/"), .character("."), .character("N")]) == [
            save(Form7A.siobhan, Mark(.presentAM)), save(Form7A.zoe, Mark(.presentAM)),
            save(Form7A.lukasz, Mark(.reasonNotYetEstablished)),
        ])
        #expect(state.unmarkedCount == 0)
        #expect(state.cursor == 3) // stays on the last pupil
        #expect(state.rows[3].marks[0] == Mark(.reasonNotYetEstablished))
    }

    @Test func presentInTheAfternoonIsBackslash() {
        var state = Form7A.register(Session(day("2025-09-08"), .pm))
        #expect(keys(&state, [.character("/")]) == [save(Form7A.amy, Mark(.presentPM), session: Session(day("2025-09-08"), .pm))])
    }

    @Test func twoCharacterCodesTakeTwoKeys() {
        var state = Form7A.register()
        _ = keys(&state, [.down])
        #expect(keys(&state, [.character("C"), .character("2")]) == [save(Form7A.siobhan, Mark(.partTimeTimetable))])
        #expect(keys(&state, [.character("Y"), .character("5")]) == [save(Form7A.zoe, Mark(.criminalJusticeDetention))])
        // C alone is a code: the next key both finishes it and does its own work.
        #expect(keys(&state, [.character("C"), .up]) == [save(Form7A.lukasz, Mark(.exceptionalCircumstances))])
        #expect(state.cursor == 2)
    }

    @Test func withdrawnCodesAreRefusedWithTheirReplacement() {
        var state = Form7A.register()
        _ = keys(&state, [.down])
        #expect(keys(&state, [.character("J"), .character("x")]) == [])
        #expect(state.message == "'J' was withdrawn from the code set; use J1 (interview)")
        #expect(state.isError && state.cursor == 1)
        #expect(keys(&state, [.character("H")]) == [])
        #expect(state.message?.hasPrefix("'H' was withdrawn") == true)
        #expect(keys(&state, [.character("C"), .character("3")]) == [])
        #expect(state.message == "'C3' is not an attendance code of the 2024 code set")
    }

    @Test func lateAsksForMinutesWhileTheRegisterIsOpen() {
        var state = Form7A.register()
        _ = keys(&state, [.down])
        #expect(keys(&state, [.character("L"), .character("1"), .character("2")]) == [])
        #expect(state.mode == .minutesLate(TextField("12", limit: 3, accepts: .digits), afterClose: false))
        #expect(state.render().lines[23] == "O'Brien, Shiv late by how many minutes? 12_  (Enter marks L, Esc cancels)")
        #expect(keys(&state, [.enter]) == [save(Form7A.siobhan, Mark(.late, minutesLate: 12))])
    }

    @Test func afterTheRegisterClosesLateBecomesUUnlessKept() {
        var state = Form7A.register()
        _ = keys(&state, [.down])
        #expect(keys(&state, [.character("L"), .character("4"), .character("0")], minute: halfPastNine) == [])
        #expect(state.mode == .minutesLate(TextField("40", limit: 3, accepts: .digits), afterClose: true))
        #expect(state.render().lines[23].hasPrefix("Register closed at 09:10: Enter marks U, Tab keeps L."))
        #expect(keys(&state, [.enter], minute: halfPastNine) == [save(Form7A.siobhan, Mark(.arrivedAfterRegisterClosed, minutesLate: 40))])
        #expect(state.message == "The register had closed: marked U (arrived after the register closed)")
        #expect(keys(&state, [.character("L"), .character("5"), .tab, .enter], minute: halfPastNine) == [save(Form7A.zoe, Mark(.late, minutesLate: 5))])
    }

    @Test func changingSomeoneElsesMarkAsksWhyAndCanBeCancelled() {
        var state = Form7A.register()
        #expect(keys(&state, [.character("I")]) == [])
        #expect(state.mode == .reason(TextField(), change: PendingChange(row: 0, column: 0, mark: Mark(.illness))))
        #expect(keys(&state, [.enter]) == [])
        #expect(state.message == "A change to a saved mark needs a reason")
        #expect(keys(&state, "Dad phoned".map { .character($0) }) == [])
        #expect(state.render().lines[23] == "Why change adams, Amy from / to I? Dad phoned_")
        #expect(keys(&state, [.enter]) == [save(Form7A.amy, Mark(.illness), previous: Mark(.presentAM), reason: "Dad phoned")])
        #expect(state.rows[0].marks[0] == Mark(.illness))
        // Now it is this tutor's own change: a further correction is not asked about.
        #expect(keys(&state, [.up, .character("N")]) == [
            save(Form7A.amy, Mark(.reasonNotYetEstablished), previous: Mark(.illness), reason: RegisterState.correctionReason),
        ])
        var fresh = Form7A.register()
        #expect(keys(&fresh, [.character("N"), .escape]) == [])
        #expect(fresh.rows[0].marks[0] == Mark(.presentAM) && fresh.message == "Not changed")
    }

    @Test func aTutorCorrectsTheirOwnMarkWithoutBeingAsked() {
        var state = Form7A.register()
        _ = keys(&state, [.down, .character("/"), .character("k")])
        #expect(keys(&state, [.character("M")]) == [
            save(Form7A.siobhan, Mark(.medicalAppointment), previous: Mark(.presentAM), reason: RegisterState.correctionReason),
        ])
    }

    @Test func undoTakesBackTheLastChangeThenTheOneBefore() {
        var state = Form7A.register()
        _ = keys(&state, [.down, .character("/"), .up, .character("M")])
        #expect(keys(&state, [.character("u")]) == [
            save(Form7A.siobhan, Mark(.presentAM), previous: Mark(.medicalAppointment), reason: RegisterState.undoReason),
        ])
        #expect(keys(&state, [.character("u")]) == [
            save(Form7A.siobhan, nil, previous: Mark(.presentAM), reason: RegisterState.undoReason),
        ])
        #expect(state.rows[1].marks[0] == nil && state.cursor == 1)
        _ = keys(&state, [.character("u")])
        #expect(state.message == "Nothing to undo")
    }

    @Test func oneKeyMarksEveryUnmarkedPupilPresentAndOneUndoTakesItBack() {
        var state = Form7A.register()
        #expect(keys(&state, [.character("a")]) == [
            save(Form7A.siobhan, Mark(.presentAM)), save(Form7A.zoe, Mark(.presentAM)), save(Form7A.lukasz, Mark(.presentAM)),
        ])
        #expect(state.unmarkedCount == 0 && state.message == "Marked 3 present")
        #expect(keys(&state, [.character("u")]).count == 3)
        #expect(state.unmarkedCount == 3)
    }

    @Test func findJumpsToAPupilByPartOfTheirName() {
        var state = Form7A.register()
        _ = keys(&state, [.character("f"), .character("w"), .character("i"), .character("s")])
        #expect(state.cursor == 3 && state.mode == .finding(TextField("wis", limit: 100)))
        _ = keys(&state, [.backspace, .backspace, .backspace, .character("s"), .character("u"), .character("i")])
        #expect(state.cursor == 2)
        _ = keys(&state, [.enter])
        #expect(state.mode == .marking)
        _ = keys(&state, [.character("f"), .character("q")])
        #expect(state.message == "No pupil matches 'q'")
    }

    @Test func theCodePickerMarksWhatIsChosen() {
        var state = Form7A.register()
        _ = keys(&state, [.down, .enter])
        #expect(state.mode == .codePicker(index: 0))
        let index = state.pickerCodes.firstIndex(of: .educationalVisit) ?? 0
        #expect(keys(&state, Array(repeating: Key.down, count: index) + [.enter]) == [save(Form7A.siobhan, Mark(.educationalVisit))])
    }

    @Test func aFailedSaveIsPutBackAndExplained() {
        var state = Form7A.register()
        _ = keys(&state, [.down, .character("/")])
        let change = MarkChange(upn: Form7A.siobhan.upn, group: "7A", session: monday, mark: Mark(.presentAM), previous: nil, reason: nil)
        state.receive(Outcome(SchoolTask.save(change), message: "Not saved: the disk is full", isError: true))
        #expect(state.rows[1].marks[0] == nil && state.message == "Not saved: the disk is full" && state.isError)
    }

    @Test func movingStaysInsideTheListAndScrollsOnSmallTerminals() {
        var state = Form7A.register(size: Size(width: 80, height: 5)) // two rows of pupils show
        _ = keys(&state, [.end])
        #expect(state.cursor == 3 && state.top == 2)
        _ = keys(&state, [.character("g")])
        #expect(state.cursor == 0 && state.top == 0)
        _ = keys(&state, [.pageDown, .pageDown, .pageDown, .up, .up, .up, .up, .up])
        #expect(state.cursor == 0)
        _ = keys(&state, [.resize(Size(width: 100, height: 30))])
        #expect(state.size == Size(width: 100, height: 30))
        _ = keys(&state, [.click(x: 3, y: 4)])
        #expect(state.cursor == 2)
    }

    @Test func arrowsChooseAnotherSessionOfTheWeek() {
        var state = Form7A.register()
        _ = keys(&state, [.right, .down])
        #expect(state.session == Session(day("2025-09-08"), .pm))
        #expect(keys(&state, [.character("/")]) == [save(Form7A.siobhan, Mark(.presentPM), session: Session(day("2025-09-08"), .pm))])
        _ = keys(&state, [.left, .left, .left])
        #expect(state.column == 0)
    }

    @Test func escapeGoesBackAndQGoesAway() {
        var state = Form7A.register()
        #expect(keys(&state, [.escape]) == [.back])
        #expect(keys(&state, [.character("q")]) == [.quit])
        #expect(keys(&state, [.interrupt]) == [.quit])
    }
}

@Suite("The list of registers")
struct PickerTests {
    let groups = [Group(name: "8B", yearGroup: 8), Group(name: "7A", yearGroup: 7), Group(name: "10C", yearGroup: 10), Group(name: "7B", yearGroup: 7)]
    let sessions = Form7A.calendar.sessions(in: day("2025-09-01")...day("2025-09-12"))

    @Test func yourOwnFormsComeFirstThenByYear() {
        let picker = PickerState(schoolName: "Test Academy", groups: groups, ownForms: ["8B"], sessions: sessions,
                                 today: day("2025-09-08"), minute: 8 * 60, size: Size(width: 80, height: 24))
        #expect(picker.entries.map(\.group) == ["8B", "7A", "7B", "10C"])
        #expect(picker.render().lines[2] == "8B        8     your form")
        #expect(picker.render().lines[0] == "Test Academy · registers for Mon 8 Sep 2025 AM")
    }

    @Test func theCurrentSessionIsChosenAndEnterOpensIt() {
        var picker = PickerState(schoolName: "S", groups: groups, ownForms: [], sessions: sessions,
                                 today: day("2025-09-08"), minute: 13 * 60, size: Size(width: 80, height: 24))
        #expect(picker.session == Session(day("2025-09-08"), .pm))
        #expect(picker.handle(.down).isEmpty)
        #expect(picker.handle(.enter).asked == [.open(.register(group: "7B", session: Session(day("2025-09-08"), .pm)))])
        _ = picker.handle(.left)
        _ = picker.handle(.left)
        #expect(picker.session == Session(day("2025-09-05"), .pm))
        // Saturday: the last session before it.
        let weekend = PickerState(schoolName: "S", groups: groups, ownForms: [], sessions: sessions,
                                  today: day("2025-09-06"), minute: 10 * 60, size: Size(width: 80, height: 24))
        #expect(weekend.session == Session(day("2025-09-05"), .pm))
    }

    @Test func slashFindsAGroup() {
        var picker = PickerState(schoolName: "S", groups: groups, ownForms: [], sessions: sessions,
                                 today: day("2025-09-08"), minute: 9 * 60, size: Size(width: 80, height: 24))
        _ = picker.handle(.character("/"))
        _ = picker.handle(.character("1"))
        #expect(picker.shown.map(\.group) == ["10C"])
        #expect(picker.handle(.enter).asked == [.open(.register(group: "10C", session: Session(day("2025-09-08"), .am)))])
        #expect(picker.handle(.escape).isEmpty)
        #expect(picker.handle(.character("q")).asked == [.quit])
    }
}
