import Testing
@testable import RollcallTUI

/// The one scroll every list and page shares.
@Suite("A viewport")
struct ViewportTests {
    @Test func revealingALineScrollsTheLeastAndNeverPastTheLastPage() {
        var viewport = Viewport()
        viewport.reveal(12, height: 10, count: 30)
        #expect(viewport.top == 3)
        viewport.reveal(5, height: 10, count: 30)
        #expect(viewport.top == 3)
        viewport.reveal(1, height: 10, count: 30)
        #expect(viewport.top == 1)
        viewport.reveal(29, height: 10, count: 30)
        #expect(viewport.top == 20)
        #expect(viewport.shown(height: 10, count: 30) == 20..<30)
        // The list shrinks (a filter): the last full page, not a screen of nothing.
        viewport.clamp(height: 10, count: 14)
        #expect(viewport.top == 4)
        viewport.clamp(height: 10, count: 3)
        #expect(viewport.top == 0)
    }

    @Test func scrollingStaysWithinWhatThereIs() {
        var viewport = Viewport()
        viewport.scroll(by: -5, height: 10, count: 25)
        #expect(viewport.top == 0)
        viewport.scroll(by: 10, height: 10, count: 25)
        #expect(viewport.top == 10 && viewport.hasMore(height: 10, count: 25))
        viewport.scroll(by: 10, height: 10, count: 25)
        #expect(viewport.top == 15 && !viewport.hasMore(height: 10, count: 25))
        viewport.jump(toEnd: false, height: 10, count: 25)
        #expect(viewport.top == 0)
    }

    @Test func aClickLandsOnTheLineDrawnThere() {
        var viewport = Viewport()
        viewport.reveal(14, height: 10, count: 16)
        #expect(viewport.top == 5)
        #expect(viewport.line(atRow: 0, height: 10, count: 16) == 5)
        #expect(viewport.line(atRow: 9, height: 10, count: 16) == 14)
        #expect(viewport.line(atRow: 10, height: 10, count: 16) == nil)
        #expect(viewport.line(atRow: -1, height: 10, count: 16) == nil)
        #expect(Viewport().line(atRow: 3, height: 10, count: 2) == nil)
    }

    @Test func centringKeepsTheChosenLineInTheMiddleUntilAnEndIsReached() {
        var viewport = Viewport()
        viewport.centre(20, height: 10, count: 40)
        #expect(viewport.top == 15)
        viewport.centre(2, height: 10, count: 40)
        #expect(viewport.top == 0)
        viewport.centre(38, height: 10, count: 40)
        #expect(viewport.top == 30)
    }
}
