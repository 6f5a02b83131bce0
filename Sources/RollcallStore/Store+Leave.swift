import Foundation
import RollcallCore
import SystemPackage

extension Store {
    /// The leave log, oldest first.
    public func leaveLog() throws(StoreError) -> [LeaveRecord] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.leave).entries(ChainedLog.leave) }
    }

    /// Every request for leave, with its decision and withdrawal.
    public func leaveApplications() throws(StoreError) -> [LeaveApplication] {
        LeaveApplication.all(try leaveLog())
    }

    /// Adds a line to the leave log, durably, after `check` has passed on the requests as
    /// the log holds them under its lock (so two people cannot decide one request twice).
    /// Returns the number of the request the line is about: a new request's own.
    @discardableResult
    public func logLeave(_ event: LeaveEvent, by recorder: Recorder, at instant: Date,
                         check: ([LeaveApplication]) throws(LeaveRefusal) -> Void = { _ throws(LeaveRefusal) in }) throws(StoreError) -> Int {
        for (field, text) in LeaveLine.texts(event) {
            if let problem = field == "applicant" ? EntryLimits.nameProblem(text) : EntryLimits.textProblem(text) {
                throw .amendmentRefused("\(field): \(problem)")
            }
        }
        return try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("leave"), .exclusive)
            defer { lock.unlock() }
            let log = ChainedLog(path: layout.leave)
            let applications = LeaveApplication.all(try log.entries(ChainedLog.leave))
            if let number = event.request, !applications.contains(where: { $0.number == number }) {
                throw .amendmentRefused(LeaveRefusal.noSuchRequest(number).description)
            }
            do throws(LeaveRefusal) { try check(applications) } catch { throw .amendmentRefused(error.description) }
            try log.openForAppend().append([LeaveLine.body(for: event, by: recorder, at: instant)])
            return event.request ?? applications.count + 1
        }
    }
}

/// One line of the leave log as JSON sees it: `event` says which fields it has.
struct LeaveLine: Decodable {
    let seq: Int
    let event: String
    let request: Int?
    let upn: String?
    let kind: String?
    let sessions: [String]?
    let applicant: String?
    let received: String?
    let evidence: String?
    let note: String?
    let reason: String?
    let at: String
    let by: String
    let name: String?
    let role: String?

    /// The free text of an event, by field, for the store's limits.
    static func texts(_ event: LeaveEvent) -> [(String, String)] {
        switch event {
        case let .requested(request):
            [("applicant", request.applicant), ("note", request.note), ("evidence", request.evidence ?? "")]
        case let .granted(_, _, reason), let .refused(_, reason), let .withdrawn(_, reason):
            [("reason", reason)]
        }
    }

    static func body(for event: LeaveEvent, by recorder: Recorder, at instant: Date) -> String {
        func sessions(_ list: [Session]) -> String { "\"sessions\":[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        var fields: [String]
        switch event {
        case let .requested(request):
            fields = ["\"event\":\"requested\"", "\"upn\":\(JSONText.string(request.upn.text))", "\"kind\":\"\(request.kind.rawValue)\"",
                      sessions(request.sessions), "\"applicant\":\(JSONText.string(request.applicant))", "\"received\":\"\(request.received)\"",
                      "\"note\":\(JSONText.string(request.note))"]
            if let evidence = request.evidence { fields.append("\"evidence\":\(JSONText.string(evidence))") }
        case let .granted(number, granted, reason):
            fields = ["\"event\":\"granted\"", "\"request\":\(number)", sessions(granted), "\"reason\":\(JSONText.string(reason))"]
        case let .refused(number, reason):
            fields = ["\"event\":\"refused\"", "\"request\":\(number)", "\"reason\":\(JSONText.string(reason))"]
        case let .withdrawn(number, reason):
            fields = ["\"event\":\"withdrawn\"", "\"request\":\(number)", "\"reason\":\(JSONText.string(reason))"]
        }
        return (fields + JSONText.stamp(by: recorder, at: instant)).joined(separator: ",")
    }
}

extension ChainedLog {
    /// Reads one line of the leave log, naming the field that is wrong.
    static func leave(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> LeaveRecord {
        let decoded = try decode(LeaveLine.self, line, number: number, path: path)
        func bad(_ field: String, _ value: String?) -> StoreError { invalid(field, value, line: number, path: path) }
        var sessions: [Session] = []
        for text in decoded.sessions ?? [] {
            guard let session = Session(text) else { throw bad("sessions", text) }
            sessions.append(session)
        }
        let event: LeaveEvent
        switch decoded.event {
        case "requested":
            guard let text = decoded.upn, let upn = try? UPN(text) else { throw bad("upn", decoded.upn) }
            guard let kind = decoded.kind.flatMap(LeaveKind.init(rawValue:)) else { throw bad("kind", decoded.kind) }
            guard let received = decoded.received.flatMap(CalendarDate.init) else { throw bad("received", decoded.received) }
            guard let applicant = decoded.applicant else { throw bad("applicant", nil) }
            guard !sessions.isEmpty else { throw bad("sessions", nil) }
            event = .requested(LeaveRequest(upn: upn, kind: kind, sessions: sessions, applicant: applicant, received: received,
                                            evidence: decoded.evidence, note: decoded.note ?? ""))
        case "granted", "refused", "withdrawn":
            guard let request = decoded.request else { throw bad("request", nil) }
            guard let reason = decoded.reason else { throw bad("reason", nil) }
            switch decoded.event {
            case "granted":
                guard !sessions.isEmpty else { throw bad("sessions", nil) }
                event = .granted(request: request, sessions: sessions, reason: reason)
            case "refused": event = .refused(request: request, reason: reason)
            default: event = .withdrawn(request: request, reason: reason)
            }
        default:
            throw bad("event", decoded.event)
        }
        let stamp = try stamp(at: decoded.at, by: decoded.by, name: decoded.name, role: decoded.role, line: number, path: path)
        return LeaveRecord(number: decoded.seq, event: event, by: stamp.by, at: stamp.at)
    }
}
