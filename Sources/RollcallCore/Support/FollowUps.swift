/// Every follow-up list as of a day, from the marks, the contacts and the interventions
/// log. Each entry names its rule; an entry leaves its list when the log or the marks
/// show the duty done.
public struct FollowUps: Sendable {
    public let records: SchoolRecords
    public let contacts: [Contact]
    public let log: [InterventionRecord]
    public let asOf: CalendarDate
    /// The deletions that stand, by pupil: each needs its return to the local authority.
    public let deletions: [UPN: Deletion]
    /// Requests for leave of absence, with their decisions.
    public let leave: [LeaveApplication]
    /// Placements of education off site.
    public let offsite: [OffsiteArrangement]
    /// Whether the school day of `asOf` is over (its afternoon register closed): only
    /// then is one of its off-site sessions without a mark a question for the provider.
    public let dayOver: Bool
    /// The day each pupil's record was last sent on by CTF.
    public let ctfSent: [UPN: CalendarDate]
    private let contactsByPupil: [UPN: [Contact]]
    /// The school's most junior and most senior year groups, and the academic year of
    /// the day asked about: what the returns' exceptions turn on, worked out once.
    private let juniorYear: Int?, seniorYear: Int?, currentYear: AcademicYear?

    /// The open sessions of the day asked about, worked out once for every pupil's calls.
    private let todaysSessions: [Session]
    /// The school days of the academic year so far, worked out once for every pupil's illness.
    private let schoolDaysThisYear: [CalendarDate]

    /// The first day of the academic year of the day asked about: how far back the
    /// records, and so an off-site session's missing mark, reach.
    var currentYearStart: CalendarDate? { currentYear?.firstDay }

    /// What the penalty list and the unresolved N list hold as of the day: worked out
    /// here unless the caller (the dashboard) already has them.
    private let penaltyRows: [PupilPenalty]
    private let unresolved: [UnresolvedN]

    public init(_ records: SchoolRecords, contacts: [Contact], log: [InterventionRecord], asOf date: CalendarDate,
                deletions: [UPN: Deletion] = [:], leave: [LeaveApplication] = [], offsite: [OffsiteArrangement] = [], dayOver: Bool = true,
                ctfSent: [UPN: CalendarDate] = [:], penalty: [PupilPenalty]? = nil, unresolved: [UnresolvedN]? = nil) {
        self.ctfSent = ctfSent
        self.records = records
        self.deletions = deletions
        self.leave = leave
        self.offsite = offsite
        self.dayOver = dayOver
        contactsByPupil = Dictionary(grouping: contacts, by: \.upn)
        juniorYear = records.pupils.map(\.yearGroup).min()
        seniorYear = records.pupils.map(\.yearGroup).max()
        currentYear = records.calendar.academicYear(containing: date)
        todaysSessions = records.calendar.sessions(on: date)
        schoolDaysThisYear = records.calendar.yearSoFar(asOf: date).map(records.calendar.schoolDays(in:)) ?? []
        self.contacts = contacts
        self.log = log
        asOf = date
        penaltyRows = (penalty ?? PupilPenalty.report(records.pupils, book: records.book, calendar: records.calendar, asOf: date))
            .filter(\.position.thresholdReached)
        self.unresolved = unresolved ?? UnresolvedN.list(records, asOf: date)
    }

    /// Calendar days after a deletion within which the CTF is sent (the Education (Pupil
    /// Information) (England) Regulations 2005: 15 days, read as calendar days, the earlier).
    public static let ctfDays = 15

    /// `G N O U`, as the code set categorises them.
    static let unauthorised = Set(AttendanceCode.allCases.filter(\.isUnauthorised))
    /// The deletion ground's `G N O`: unauthorised absence, but not a late arrival.
    static let deletionCodes = unauthorised.subtracting([.arrivedAfterRegisterClosed])
    /// The same as masks, for the runs walked for every pupil.
    static let unauthorisedMask = CodeMask(unauthorised), deletionMask = CodeMask(deletionCodes), illness = CodeMask([.illness])

    /// Rule by rule, each by form then name.
    public func list() -> [FollowUp] {
        let byPupil = Dictionary(grouping: log, by: \.intervention.upn)
        // The pupils' places sorted, not the pupils: a pupil is a large value to move.
        let pupils = records.pupils.indices
            .sorted { (records.pupils[$0].form, records.pupils[$0].surname, records.pupils[$0].forename)
                < (records.pupils[$1].form, records.pupils[$1].surname, records.pupils[$1].forename) }
            .map { records.pupils[$0] }
        // The rules that look at each pupil alone, worked out pupil by pupil (each pupil
        // and their log looked at once for them all), kept by rule for the order below.
        var perPupil: [FollowUpRule: [FollowUp]] = [:]
        for pupil in pupils {
            let log = byPupil[pupil.upn] ?? [], row = records.book.row(of: pupil.upn)
            for rule in FollowUps.perPupilRules {
                if let entry = follow(rule, pupil, row: row, log: log) { perPupil[rule, default: []].append(entry) }
            }
        }
        var entries: [FollowUp] = []
        for rule in FollowUpRule.allCases {
            switch rule {
            case .resolveN:
                let unresolved = Dictionary(grouping: unresolved, by: \.pupil.upn)
                for pupil in pupils {
                    guard let marks = unresolved[pupil.upn] else { continue }
                    let sessions = marks.map(\.session)
                    entries.append(FollowUp(pupil, rule, "\(sessions.count) N still unresolved, the oldest \(sessions[0]) "
                                            + "(\(marks[0].schoolDaysSince) school days ago)", sessions: sessions, since: sessions[0].date))
                }
            case .penaltyThreshold:
                for row in penaltyRows {
                    entries.append(penalty(row, log: byPupil[row.pupil.upn] ?? []))
                }
            case .leaveToDecide, .leaveRefusedTaken:
                let byUPN = Dictionary(grouping: leave, by: \.request.upn)
                for pupil in pupils {
                    for application in byUPN[pupil.upn] ?? [] {
                        let entry = rule == .leaveToDecide ? toDecide(application, pupil)
                            : refusedTaken(application, pupil, log: byPupil[pupil.upn] ?? [])
                        if let entry { entries.append(entry) }
                    }
                }
            case .offsiteUnconfirmed:
                let byUPN = Dictionary(grouping: offsite, by: \.placement.upn)
                for pupil in pupils {
                    for arrangement in byUPN[pupil.upn] ?? [] {
                        if let entry = unconfirmed(arrangement, pupil) { entries.append(entry) }
                    }
                }
            default:
                entries += perPupil[rule] ?? []
            }
        }
        return entries
    }

    /// The rules `follow` answers, a pupil at a time.
    private static let perPupilRules = FollowUpRule.allCases.filter {
        ![.resolveN, .penaltyThreshold, .leaveToDecide, .leaveRefusedTaken, .offsiteUnconfirmed].contains($0)
    }

    /// Whether the log holds what clears `rule`, dated from `date` to the day asked about.
    private func cleared(_ rule: FollowUpRule, since date: CalendarDate, in log: [InterventionRecord]) -> Bool {
        log.contains { rule.clearedBy.contains($0.intervention.kind) && $0.intervention.date >= date && $0.intervention.date <= asOf }
    }

    /// `row`: the pupil's row of the book, looked up once for every rule.
    private func follow(_ rule: FollowUpRule, _ pupil: Pupil, row: AttendanceBook.Row?, log: [InterventionRecord]) -> FollowUp? {
        switch rule {
        case .firstDayCall, .tellSocialWorker:
            let today = todaysSessions.filter { row?.code(at: $0) == .reasonNotYetEstablished }
            guard !today.isEmpty, pupil.isOnRoll(on: asOf) else { return nil }
            let parts = today.map(\.part.rawValue).joined(separator: " and ")
            if rule == .firstDayCall {
                guard !cleared(rule, since: asOf, in: log) else { return nil }
                let phones = contacts.filter { $0.upn == pupil.upn && $0.role == .parent }
                    .map { "\($0.relationship) \($0.name) \($0.phones.joined(separator: " / "))" }
                return FollowUp(pupil, rule, "N today (\(parts)): call home" + (phones.isEmpty ? "" : ": " + phones.joined(separator: "; ")),
                                shared: "N today (\(parts)): call home", sessions: today)
            }
            let workers = contacts.filter { $0.upn == pupil.upn && $0.role != .parent }
            guard pupil.hasSocialWorker || pupil.hasYouthJusticeWorker || !workers.isEmpty,
                  !cleared(rule, since: asOf, in: log) else { return nil }
            let who = workers.isEmpty ? (pupil.hasSocialWorker ? "the social worker" : "the youth justice worker")
                : workers.map { "\($0.relationship) \($0.name) \($0.phones.joined(separator: " / "))" }.joined(separator: "; ")
            let role = pupil.hasSocialWorker || workers.contains { $0.role == .socialWorker } ? "the social worker" : "the youth justice worker"
            return FollowUp(pupil, rule, "N today (\(parts)): tell \(who)", shared: "N today (\(parts)): tell \(role)", sessions: today)
        case .notifyLAUnauthorised10:
            let run = AbsenceRun(pupil, row: row, codes: Self.unauthorisedMask, asOf: asOf, calendar: records.calendar)
            guard let reached = run.reached(10), !cleared(rule, since: reached, in: log) else { return nil }
            return FollowUp(pupil, rule, "\(run.count) school days in a row of unauthorised absence since \(run.days[0]): tell the local authority",
                            schoolDays: run.count, since: run.first)
        case .notifyLAIllness15:
            let run = AbsenceRun(pupil, row: row, codes: Self.illness, asOf: asOf, calendar: records.calendar)
            let total = AbsenceRun.days(pupil, row: row, codes: Self.illness, among: schoolDaysThisYear, calendar: records.calendar)
            let reached = [run.reached(15), total.count >= 15 ? total[14] : nil].compactMap { $0 }
            guard reached.contains(where: { !cleared(rule, since: $0, in: log) }) else { return nil }
            return FollowUp(pupil, rule, "ill \(run.count) school days in a row, \(total.count) this year: tell the local authority",
                            schoolDays: max(run.count, total.count), since: run.first ?? total.first)
        case .partTimeReview:
            guard let latest = PartTimeTimetable.latest(for: pupil.upn, in: log, asOf: asOf), let review = latest.intervention.reviewDate, review < asOf, pupil.isOnRoll(on: asOf) else { return nil }
            return FollowUp(pupil, rule, "part-time timetable agreed \(latest.intervention.date): its review was due \(review)", since: review)
        case .deletion20Days:
            let run = AbsenceRun(pupil, row: row, codes: Self.deletionMask, asOf: asOf, calendar: records.calendar)
            guard run.count >= 20 else { return nil }
            return FollowUp(pupil, rule, "\(run.count) school days in a row coded G/N/O since \(run.days[0]): a deletion ground "
                            + "(reg 9(1)) only once the school and the local authority have tried to find the pupil",
                            schoolDays: run.count, since: run.first)
        case .admissionDetails:
            let missing = AdmissionDetails.missing(pupil, contacts: contactsByPupil[pupil.upn] ?? [])
            guard pupil.isOnRoll(on: asOf), !missing.isEmpty else { return nil }
            let unnamed = AdmissionDetails.missing(pupil, contacts: contactsByPupil[pupil.upn] ?? [], naming: false)
            return FollowUp(pupil, rule, "the admission register lacks " + missing.joined(separator: ", "),
                            shared: "the admission register lacks " + unnamed.joined(separator: ", "))
        case .laReturnAdmission:
            guard let entered = pupil.admissionDate, let year = currentYear,
                  (year.firstDay...asOf).contains(entered), !returned(.admission, since: entered, in: log) else { return nil }
            // Not for the most junior year joining on the first day of the school year.
            if entered == year.firstDay, pupil.yearGroup == juniorYear { return nil }
            let due = entered.advanced(by: LAReturn.admissionDays)
            return FollowUp(pupil, rule, "entered \(entered): the return " + (due < asOf ? "was due by \(due): overdue" : "is due by \(due)"),
                            since: due)
        case .ctfDue:
            guard let deletion = deletions[pupil.upn], deletion.date <= asOf, !(ctfSent[pupil.upn].map { $0 >= deletion.date } ?? false) else { return nil }
            let due = deletion.date.advanced(by: FollowUps.ctfDays)
            return FollowUp(pupil, rule, "deleted on ground \(deletion.ground.label) from \(deletion.date): the CTF "
                            + (due < asOf ? "was due by \(due): overdue" : "is due by \(due)"), since: due)
        case .laReturnDeletion:
            guard let deletion = deletions[pupil.upn], let year = records.calendar.academicYear(containing: deletion.date),
                  !returned(.deletion, since: year.firstDay, in: log) else { return nil }
            // Not for the top year leaving at the end of the school year.
            if deletion.date >= year.lastDay, pupil.yearGroup == seniorYear { return nil }
            return FollowUp(pupil, rule, "deleted on ground \(deletion.ground.label) from \(deletion.date): the return "
                            + (deletion.date < asOf ? "was due by \(deletion.date): overdue" : "is due by \(deletion.date)"), since: deletion.date)
        case .resolveN, .penaltyThreshold, .leaveToDecide, .leaveRefusedTaken, .offsiteUnconfirmed:
            return nil
        }
    }

    /// Whether an `la-return` about `kind` is logged for the pupil from `date` on.
    private func returned(_ kind: LAReturnKind, since date: CalendarDate, in log: [InterventionRecord]) -> Bool {
        log.contains { $0.intervention.kind == .localAuthorityReturn && $0.intervention.about == kind && $0.intervention.date >= date }
    }

    /// Support first: the support logged, the sessions not yet acted on, and what the
    /// framework allows next.
    private func penalty(_ row: PupilPenalty, log: [InterventionRecord]) -> FollowUp {
        let position = row.position
        let tied = log.sessionsTied(for: row.pupil.upn)
        let open = position.unauthorised.filter { tied[$0.session] == nil }
        let from = min(records.calendar.academicYear(containing: asOf)?.firstDay ?? position.window.start, position.window.start)
        let support = log.filter { $0.intervention.kind.isSupport && $0.intervention.date >= from && $0.intervention.date <= asOf }
        let improveNotice = log.contains { $0.intervention.kind == .noticeToImprove && $0.intervention.date >= from && $0.intervention.date <= asOf }
        let notices = ParentNotices.count(for: row.pupil.upn, contacts: contactsByPupil[row.pupil.upn] ?? [], log: log, asOf: asOf)
        // Mostly a term-time holiday: the guidance does not offer support or a notice to
        // improve for that.
        let holiday = open.count(where: { $0.code == .holidayNotGranted }) * 2 >= max(1, open.count)
        let isOpen = open.count >= PenaltyThreshold.unauthorisedSessions
        let nextStep: String
        if !isOpen {
            nextStep = "acted on: a notice or a decision covers these sessions"
        } else if !notices.isEmpty, !notices.contains(where: \.furtherNoticeAllowed) {
            nextStep = "no further penalty notice allowed within 3 years: consider another legal route"
        } else if holiday {
            nextStep = "term-time holiday: support and a notice to improve are not for holidays; consider a penalty notice"
        } else if support.isEmpty {
            nextStep = "offer support first, then a notice to improve"
        } else if !improveNotice {
            nextStep = "notice to improve"
        } else {
            nextStep = "consider a penalty notice, or record a decision not to issue with its reason"
        }
        let evidence = support.isEmpty ? "support not yet evidenced"
            : "support: " + support.map { "\($0.intervention.kind.rawValue) \($0.intervention.date)" }.joined(separator: ", ")
        let detail = "\(position.unauthorisedSessions) unauthorised sessions since \(position.window.start); \(evidence); next: \(nextStep)"
        return FollowUp(row.pupil, .penaltyThreshold, detail, sessions: position.unauthorised.map(\.session), since: position.window.start,
                        penalty: PenaltyFollowUp(unauthorisedSessions: position.unauthorisedSessions, sessionsNotYetActedOn: open.count,
                                                 support: support, nextStep: nextStep, notices: notices),
                        isOpen: isOpen)
    }
}
