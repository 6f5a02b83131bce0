import Foundation
import RollcallCore

extension Store {
    /// Why, by whom and when a part of the record kept as evidence changes (a pupil's
    /// parents, the calendar's past): what its amendment is logged with.
    public struct Amending: Sendable {
        public let reason: String
        public let by: Recorder
        public let at: Date

        public init(reason: String, by: Recorder, at: Date) {
            self.reason = reason
            self.by = by
            self.at = at
        }
    }
}
