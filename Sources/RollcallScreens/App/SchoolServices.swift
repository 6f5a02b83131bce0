import RollcallCore
import RollcallTUI

/// What a school's screens ask of the program behind them: the school's screens built
/// from the records, marks saved, and the other tasks done, as the login and under the
/// same rules as the commands. The program implements it over the store; tests with a
/// recording fake.
public protocol SchoolServices: ScreenServices {
    /// Builds one of the school's screens of `size` from the records.
    func build(_ screen: SchoolScreen, size: Size) throws -> any Screen
    /// Saves marks that share a reason, durably, in one write. Throws if none was saved.
    func save(_ changes: [MarkChange], reason: String?) throws
    /// Does a task other than a save; returns what to tell the person, if anything.
    func perform(_ task: SchoolTask) throws -> String?
    /// Writes a list's rows to a file; returns where.
    func export(_ rows: CSVExport) throws -> String
}

/// A screen the school's program does not have: another app's origin.
public struct NotASchoolScreen: Error, CustomStringConvertible {
    public let description = "that screen is not one of a school's"
}

extension SchoolServices {
    public func open(_ origin: any ScreenOrigin, size: Size) throws -> any Screen {
        guard let screen = origin as? SchoolScreen else { throw NotASchoolScreen() }
        return try build(screen, size: size)
    }

    /// Saves the marks one key made first, in one write for all that share a reason
    /// (marking a whole form present is one fsync, not 30), then does the other tasks in
    /// order. A save that works says nothing: the mark in its cell, drawn only once it
    /// is durable, is the confirmation, and a line saying so again would cost a slow link
    /// more than the mark.
    public func perform(_ tasks: [any ScreenTask]) -> [Outcome] {
        var batches: [(reason: String?, changes: [MarkChange])] = []
        for case let .save(change)? in tasks.map({ $0 as? SchoolTask }) {
            if let index = batches.firstIndex(where: { $0.reason == change.reason }) {
                batches[index].changes.append(change)
            } else {
                batches.append((change.reason, [change]))
            }
        }
        var outcomes = batches.flatMap { batch -> [Outcome] in
            do {
                try save(batch.changes, reason: batch.reason)
                return []
            } catch {
                return batch.changes.map { Outcome(SchoolTask.save($0), message: "Not saved: \(error)", isError: true) }
            }
        }
        for task in tasks {
            do {
                if let task = task as? SchoolTask {
                    if case .save = task { continue }
                    outcomes.append(Outcome(task, message: try perform(task), isError: false))
                } else if let rows = task as? CSVExport {
                    outcomes.append(Outcome(rows, message: try export(rows), isError: false))
                } else {
                    outcomes.append(Outcome(task, message: "\(task.failure): a school's screens cannot do that", isError: true))
                }
            } catch {
                outcomes.append(Outcome(task, message: "\(task.failure): \(error)", isError: true))
            }
        }
        return outcomes
    }
}
