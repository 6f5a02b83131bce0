import RollcallCore
import RollcallTUI

/// The questions of deleting a name, one at a time: which ground, the facts it rests on
/// (`DeletionGround.facts`), each condition to confirm (`confirmations`), then the
/// reason. The day is today: the register is never backdated.
public struct DeletionWalk: Sendable {
    enum Step: Equatable, Sendable {
        case ground
        case fact(Int)
        case confirmation(Int)
        case reason
    }

    /// What an answer leads to.
    public enum Next: Equatable, Sendable {
        case ask
        case stop(String)
        case done(Deletion)
    }

    public let pupil: Pupil
    public let today: CalendarDate
    var step: Step = .ground
    var ground: DeletionGround?
    var otherSchool: String?
    var noticeDate: CalendarDate?
    var leaveEnded: CalendarDate?
    var confirmed: [String] = []
    /// The answer being typed.
    public var field = TextField(limit: EntryLimits.longestText)
    /// A line above the question: the ground chosen, or why an answer was not taken.
    public private(set) var said: String?

    public init(pupil: Pupil, today: CalendarDate) {
        self.pupil = pupil
        self.today = today
    }

    /// The question now asked.
    public var question: String {
        switch step {
        case .ground: "Delete \(pupil.listName) from the admission register. Ground, a to o: "
        case let .fact(index): "\(ground?.facts[index].title.capitalisedFirst ?? "")" + (ground?.facts[index].isDate == true ? " (yyyy-mm-dd): " : ": ")
        case let .confirmation(index): "Confirm (y/n): \(ground?.confirmations[index].text ?? "")? "
        case .reason: "Reason, kept with the deletion: "
        }
    }

    /// Takes the typed answer and moves on.
    public mutating func answer() -> Next {
        let typed = field.trimmed
        field = TextField(limit: field.limit)
        switch step {
        case .ground:
            guard let chosen = DeletionGround(rawValue: typed.lowercased()) else {
                said = "'\(typed)' is not a ground: a letter from a to o"
                return .ask
            }
            ground = chosen
            said = "Ground \(chosen.label) \(chosen.title). Rollcall checks: \(chosen.checked)"
            step = chosen.facts.isEmpty ? .confirmation(0) : .fact(0)
        case let .fact(index):
            guard let ground else { return .stop("Nothing deleted") }
            let fact = ground.facts[index]
            if fact.isDate {
                guard let date = CalendarDate(typed) else {
                    said = "'\(typed)' is not a date like 2025-09-08"
                    return .ask
                }
                if fact == .noticeDate { noticeDate = date } else { leaveEnded = date }
            } else {
                guard !typed.isEmpty else {
                    said = "\(fact.title.capitalisedFirst) is needed for ground \(ground.label)"
                    return .ask
                }
                otherSchool = typed
            }
            step = index + 1 < ground.facts.count ? .fact(index + 1) : .confirmation(0)
        case let .confirmation(index):
            guard let ground else { return .stop("Nothing deleted") }
            guard typed.lowercased() == "y" else {
                return .stop("Nothing deleted: ground \(ground.label) needs that confirmed")
            }
            confirmed.append(ground.confirmations[index].key)
            step = index + 1 < ground.confirmations.count ? .confirmation(index + 1) : .reason
        case .reason:
            guard let ground else { return .stop("Nothing deleted") }
            do {
                return .done(try Deletion(upn: pupil.upn, ground: ground, date: today, reason: typed, otherSchool: otherSchool,
                                          noticeDate: noticeDate, leaveEnded: leaveEnded, confirmed: confirmed))
            } catch {
                said = error.description
                return .ask
            }
        }
        return .ask
    }
}

extension String {
    /// The text with its first letter a capital: a title at the start of a question.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
