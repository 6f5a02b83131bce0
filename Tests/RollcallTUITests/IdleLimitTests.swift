import Testing
@testable import RollcallTUI

/// The idle limit is the shell's rule, whichever app runs in it.
@Suite("The idle limit")
struct IdleLimitTests {
    @Test func overSSHASessionClosesAfterFifteenMinutesUnlessAskedOtherwise() {
        let ssh = ["SSH_CONNECTION": "192.0.2.7 50122 192.0.2.1 22"]
        #expect(IdleLimit.forSession(minutes: nil, environment: ssh)?.minutes == 15)
        #expect(IdleLimit.forSession(minutes: 5, environment: ssh)?.minutes == 5)
        // At the school's own terminal there is none unless asked for.
        #expect(IdleLimit.forSession(minutes: nil, environment: [:]) == nil)
        #expect(IdleLimit.forSession(minutes: nil, environment: ["SSH_CONNECTION": ""]) == nil)
        #expect(IdleLimit.forSession(minutes: 30, environment: [:])?.minutes == 30)
    }

    @Test func theFarewellSaysHowLongAndThatNothingIsLost() {
        #expect(IdleLimit(minutes: 1).farewell == "Closed after 1 minute without a key; everything saved is on disk.")
        #expect(IdleLimit(minutes: 15).farewell == "Closed after 15 minutes without a key; everything saved is on disk.")
    }
}
