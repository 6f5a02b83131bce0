import Foundation
import RollcallCore
import SystemPackage

extension Store {
    struct ContactsFile: Codable {
        var contacts: [Contact]
    }

    /// Parents, carers and workers for every pupil who has any.
    public func contacts() throws(StoreError) -> [Contact] {
        try withStoreLock { () throws(StoreError) in
            guard let bytes = try DurableFile.read(layout.contacts) else { return [] }
            if let file = ContactsFile.fastRead(bytes) { return file.contacts }
            return try JSONFile.decode(ContactsFile.self, from: bytes, path: layout.contacts).contacts
        }
    }

    /// Changes the contacts under their lock: `change` sees them as they are on disk now.
    /// With `amending`, each pupil's parents are kept as the admission register holds
    /// them: a change to them is an amendment with its reason, in the same write.
    public func updateContacts(amending: Amending? = nil, _ change: (inout [Contact]) throws -> Void) throws {
        try updateAdmitting(layout.contacts, lock: "contacts", empty: ContactsFile(contacts: [])) { (file: inout ContactsFile) throws -> [AdmissionEvent] in
            let before = file.contacts
            try change(&file.contacts)
            file.contacts.sort { ($0.upn, $0.role.rawValue, $0.name) < ($1.upn, $1.role.rawValue, $1.name) }
            guard let amending else { return [] }
            return EntryField.parentAmendments(from: before, to: file.contacts, reason: amending.reason)
                .map { AdmissionEvent($0, by: amending.by, at: amending.at) }
        }
    }

    /// The interventions log, oldest first.
    public func interventions() throws(StoreError) -> [InterventionRecord] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.interventions).entries(ChainedLog.intervention) }
    }

    /// Adds interventions to the log, durably and in one append; returns them numbered.
    @discardableResult
    public func log(_ interventions: [Intervention], by recorder: Recorder, at instant: Date) throws(StoreError) -> [InterventionRecord] {
        let interventions = try parentsNamed(interventions)
        for intervention in interventions {
            for (field, text) in [("note", intervention.note), ("parent", intervention.parent ?? "")] {
                if let problem = field == "note" ? EntryLimits.textProblem(text) : EntryLimits.nameProblem(text) {
                    throw .amendmentRefused("\(field): \(problem)")
                }
            }
        }
        try checkNotices(interventions)
        return try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("interventions"), .exclusive)
            defer { lock.unlock() }
            // The log's last line gives the numbers: an append never reads the whole log.
            let first = try ChainedLog(path: layout.interventions).openForAppend()
                .append(interventions.map { InterventionLine.body(for: $0, by: recorder, at: instant) })
            return interventions.enumerated().map {
                InterventionRecord(number: first + $0.offset, intervention: $0.element, by: recorder, at: instant)
            }
        }
    }
}

extension Store {
    /// Each penalty notice issued to one of the pupil's parents on record, named as the
    /// contacts name them: the limit of notices per parent counts people, not spellings.
    private func parentsNamed(_ interventions: [Intervention]) throws(StoreError) -> [Intervention] {
        guard interventions.contains(where: { $0.kind == .penaltyNoticeIssued }) else { return interventions }
        let parents = Dictionary(grouping: try contacts().filter { $0.role == .parent }, by: \.upn)
        var named: [Intervention] = []
        for intervention in interventions {
            guard intervention.kind == .penaltyNoticeIssued, let typed = intervention.parent else {
                named.append(intervention)
                continue
            }
            do {
                named.append(intervention.issued(to: try ParentName.match(typed, among: parents[intervention.upn] ?? []).name))
            } catch {
                throw .amendmentRefused(error.description)
            }
        }
        return named
    }

    /// Refuses a notice, decision, payment or withdrawal that breaks a rule of the
    /// framework (`NoticeRules`), given the log and the pupil's marks as they are now.
    private func checkNotices(_ interventions: [Intervention]) throws(StoreError) {
        let kinds: Set<InterventionKind> = [.penaltyNoticeIssued, .decisionNotToIssue, .penaltyNoticePaid, .penaltyNoticeWithdrawn]
        let checked = interventions.filter { kinds.contains($0.kind) }
        guard !checked.isEmpty else { return }
        var log = try self.interventions()
        let sessions = checked.flatMap(\.sessions)
        let calendar = try self.calendar()
        var book = AttendanceBook(registers: [])
        if let first = sessions.min(), let last = sessions.max() {
            let years = Set(sessions.map { AcademicYear.name(containing: $0.date) }).sorted()
            book = try self.book(academicYears: years, within: first.date...last.date, minutesAndNotes: false)
        }
        for intervention in checked {
            do {
                try NoticeRules.check(intervention, log: log) { session in
                    calendar.isSchoolSession(session) ? book.code(for: intervention.upn, at: session) : nil
                }
            } catch {
                throw .amendmentRefused(error.description)
            }
            // A second notice in the same call counts the first.
            log.append(InterventionRecord(number: (log.last?.number ?? 0) + 1, intervention: intervention, by: Recorder(login: ""), at: Date()))
        }
    }
}

/// One line of the interventions log as JSON sees it.
struct InterventionLine: Decodable {
    let seq: Int
    let upn: String
    let date: String
    let kind: String
    let note: String
    let review_date: String?
    let parent: String?
    let sessions: [String]?
    let notice: Int?
    let about: String?
    let at: String
    let by: String
    let name: String?
    let role: String?

    static func body(for intervention: Intervention, by recorder: Recorder, at instant: Date) -> String {
        var fields = [
            "\"upn\":\(JSONText.string(intervention.upn.text))",
            "\"date\":\"\(intervention.date)\"",
            "\"kind\":\"\(intervention.kind.rawValue)\"",
            "\"note\":\(JSONText.string(intervention.note))",
        ]
        if let review = intervention.reviewDate { fields.append("\"review_date\":\"\(review)\"") }
        if let parent = intervention.parent { fields.append("\"parent\":\(JSONText.string(parent))") }
        if !intervention.sessions.isEmpty {
            fields.append("\"sessions\":[" + intervention.sessions.map { "\"\($0)\"" }.joined(separator: ",") + "]")
        }
        if let notice = intervention.notice { fields.append("\"notice\":\(notice)") }
        if let about = intervention.about { fields.append("\"about\":\"\(about.rawValue)\"") }
        return (fields + JSONText.stamp(by: recorder, at: instant)).joined(separator: ",")
    }
}

extension ChainedLog {
    /// Reads one line of the interventions log, naming the field that is wrong.
    static func intervention(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> InterventionRecord {
        let decoded = try decode(InterventionLine.self, line, number: number, path: path)
        func bad(_ field: String, _ value: String?) -> StoreError { invalid(field, value, line: number, path: path) }
        guard let upn = try? UPN(decoded.upn) else { throw bad("upn", decoded.upn) }
        guard let date = CalendarDate(decoded.date) else { throw bad("date", decoded.date) }
        guard let kind = InterventionKind(rawValue: decoded.kind) else { throw bad("kind", decoded.kind) }
        var review: CalendarDate?
        if let text = decoded.review_date {
            guard let parsed = CalendarDate(text) else { throw bad("review_date", text) }
            review = parsed
        }
        var sessions: [Session] = []
        for text in decoded.sessions ?? [] {
            guard let session = Session(text) else { throw bad("sessions", text) }
            sessions.append(session)
        }
        let stamp = try stamp(at: decoded.at, by: decoded.by, name: decoded.name, role: decoded.role, line: number, path: path)
        var about: LAReturnKind?
        if let text = decoded.about {
            guard let parsed = LAReturnKind(rawValue: text) else { throw bad("about", text) }
            about = parsed
        }
        do {
            let intervention = try Intervention(upn: upn, date: date, kind: kind, note: decoded.note, reviewDate: review,
                                                parent: decoded.parent, sessions: sessions, notice: decoded.notice, about: about)
            return InterventionRecord(number: decoded.seq, intervention: intervention, by: stamp.by, at: stamp.at)
        } catch {
            throw .damaged(path: path.string, line: number, field: "kind", detail: error.description)
        }
    }
}
