import Foundation
import RollcallCore
import RollcallStore

extension DemoSchool {
    /// A day when a third of the pupils on roll were away ill, both sessions: the dip a
    /// trust's days view is there to show (a sickness bug going round). Recorded as the
    /// office correcting the register, so each change is an amendment with its reason.
    public static func plantDip(on day: CalendarDate, in store: Store) throws {
        let away = try store.pupils().filter { $0.isOnRoll(on: day) }.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        try store.record(away.flatMap { pupil in
            [Session.Part.am, .pm].map { MarkEntry(upn: pupil.upn, group: pupil.form, session: Session(day, $0), mark: Mark(.illness)) }
        }, by: Recorder(login: "office", name: "Office", role: .office), at: Date(), reason: "Sickness bug: a third of the school away")
    }
}
