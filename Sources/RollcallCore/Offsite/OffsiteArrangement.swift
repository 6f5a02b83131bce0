/// One line of the off-site log: a placement recorded, or ended early.
public enum OffsiteEvent: Hashable, Sendable {
    case added(OffsitePlacement)
    /// The placement's last day, when it ends before the day it was to end.
    case ended(placement: Int, lastDay: CalendarDate)
}

/// An off-site log line as the log holds it: numbered, with who wrote it and when.
public typealias OffsiteRecord = LoggedEvent<OffsiteEvent>

/// A placement with its end, as the off-site log tells it: what the register, the
/// follow-ups and `offsite list` read.
public struct OffsiteArrangement: Sendable {
    /// 1 for the log's first placement, then one more each placement: how staff name it.
    public let number: Int
    public let placement: OffsitePlacement
    public let by: Recorder
    /// The day it was ended on, when it ended early.
    public private(set) var ended: CalendarDate?

    /// The last day the pupil is expected there.
    public var lastDay: CalendarDate { min(placement.to, ended ?? placement.to) }

    /// Whether the pupil is expected there in `session`.
    public func expects(_ session: Session) -> Bool {
        session.date <= lastDay && placement.expects(session)
    }

    /// Every placement in the log, in the order recorded, each with its end.
    public static func all(_ log: [OffsiteRecord]) -> [OffsiteArrangement] {
        var arrangements: [OffsiteArrangement] = []
        var index: [Int: Int] = [:]
        for record in log {
            switch record.event {
            case let .added(placement):
                index[arrangements.count + 1] = arrangements.count
                arrangements.append(OffsiteArrangement(number: arrangements.count + 1, placement: placement, by: record.by))
            case let .ended(number, lastDay):
                guard let at = index[number] else { continue }
                arrangements[at].ended = lastDay
            }
        }
        return arrangements
    }

    /// Whether the placement may end on `date`: not already ended, and within its days.
    public func checkEnd(on date: CalendarDate) throws(OffsiteRefusal) {
        if let ended { throw .alreadyEnded(number, ended) }
        guard (placement.from...placement.to).contains(date) else { throw .endOutside(date, number, placement.from...placement.to) }
    }
}
