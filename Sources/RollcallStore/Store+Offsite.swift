import Foundation
import RollcallCore
import SystemPackage

extension Store {
    /// The off-site log, oldest first.
    public func offsiteLog() throws(StoreError) -> [OffsiteRecord] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.offsite).entries(ChainedLog.offsite) }
    }

    /// Every placement of education off site, with its end.
    public func offsiteArrangements() throws(StoreError) -> [OffsiteArrangement] {
        OffsiteArrangement.all(try offsiteLog())
    }

    /// Adds a line to the off-site log, durably; an end is checked under the log's lock
    /// against the placement as the log holds it. Returns the number of the placement the
    /// line is about: a new placement's own.
    @discardableResult
    public func logOffsite(_ event: OffsiteEvent, by recorder: Recorder, at instant: Date) throws(StoreError) -> Int {
        if case let .added(placement) = event {
            for (field, text) in [("provider", placement.provider), ("contact", placement.contact ?? "")] {
                if let problem = EntryLimits.textProblem(text) { throw .amendmentRefused("\(field): \(problem)") }
            }
        }
        return try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("offsite"), .exclusive)
            defer { lock.unlock() }
            let log = ChainedLog(path: layout.offsite)
            let arrangements = OffsiteArrangement.all(try log.entries(ChainedLog.offsite))
            var number = arrangements.count + 1
            if case let .ended(placement, lastDay) = event {
                guard let arrangement = arrangements.first(where: { $0.number == placement }) else {
                    throw .amendmentRefused(OffsiteRefusal.noSuchPlacement(placement).description)
                }
                do throws(OffsiteRefusal) { try arrangement.checkEnd(on: lastDay) } catch { throw .amendmentRefused(error.description) }
                number = placement
            }
            try log.openForAppend().append([OffsiteLine.body(for: event, by: recorder, at: instant)])
            return number
        }
    }
}

/// One line of the off-site log as JSON sees it: `event` says which fields it has.
struct OffsiteLine: Decodable {
    let seq: Int
    let event: String
    let placement: Int?
    let upn: String?
    let provider: String?
    let code: String?
    let from: String?
    let to: String?
    let weekdays: [String]?
    let sessions: [String]?
    let contact: String?
    let last_day: String?
    let at: String
    let by: String
    let name: String?
    let role: String?

    static func body(for event: OffsiteEvent, by recorder: Recorder, at instant: Date) -> String {
        var fields: [String]
        switch event {
        case let .added(placement):
            fields = ["\"event\":\"added\"", "\"upn\":\(JSONText.string(placement.upn.text))", "\"provider\":\(JSONText.string(placement.provider))",
                      "\"code\":\"\(placement.code.symbol)\"", "\"from\":\"\(placement.from)\"", "\"to\":\"\(placement.to)\"",
                      "\"weekdays\":[" + Weekday.allCases.filter(placement.weekdays.contains).map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]",
                      "\"sessions\":[" + Session.Part.allCases.filter(placement.parts.contains).map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"]
            if let contact = placement.contact { fields.append("\"contact\":\(JSONText.string(contact))") }
        case let .ended(number, lastDay):
            fields = ["\"event\":\"ended\"", "\"placement\":\(number)", "\"last_day\":\"\(lastDay)\""]
        }
        return (fields + JSONText.stamp(by: recorder, at: instant)).joined(separator: ",")
    }
}

extension ChainedLog {
    /// Reads one line of the off-site log, naming the field that is wrong.
    static func offsite(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> OffsiteRecord {
        let decoded = try decode(OffsiteLine.self, line, number: number, path: path)
        func bad(_ field: String, _ value: String?) -> StoreError { invalid(field, value, line: number, path: path) }
        let event: OffsiteEvent
        switch decoded.event {
        case "added":
            guard let text = decoded.upn, let upn = try? UPN(text) else { throw bad("upn", decoded.upn) }
            guard let code = decoded.code.flatMap(AttendanceCode.init(rawValue:)) else { throw bad("code", decoded.code) }
            guard let from = decoded.from.flatMap(CalendarDate.init) else { throw bad("from", decoded.from) }
            guard let to = decoded.to.flatMap(CalendarDate.init) else { throw bad("to", decoded.to) }
            var weekdays: Set<Weekday> = [], parts: Set<Session.Part> = []
            for text in decoded.weekdays ?? [] {
                guard let day = Weekday(rawValue: text) else { throw bad("weekdays", text) }
                weekdays.insert(day)
            }
            for text in decoded.sessions ?? [] {
                guard let part = Session.Part(rawValue: text) else { throw bad("sessions", text) }
                parts.insert(part)
            }
            do {
                event = .added(try OffsitePlacement(upn: upn, provider: decoded.provider ?? "", code: code, from: from, to: to,
                                                    weekdays: weekdays, parts: parts, contact: decoded.contact))
            } catch {
                throw .damaged(path: path.string, line: number, field: "event", detail: error.description)
            }
        case "ended":
            guard let placement = decoded.placement else { throw bad("placement", nil) }
            guard let lastDay = decoded.last_day.flatMap(CalendarDate.init) else { throw bad("last_day", decoded.last_day) }
            event = .ended(placement: placement, lastDay: lastDay)
        default:
            throw bad("event", decoded.event)
        }
        let stamp = try stamp(at: decoded.at, by: decoded.by, name: decoded.name, role: decoded.role, line: number, path: path)
        return OffsiteRecord(number: decoded.seq, event: event, by: stamp.by, at: stamp.at)
    }
}
