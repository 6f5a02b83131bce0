extension FollowUps {
    /// A request still to decide: due before its first session, and past due once that
    /// session is over (it can then only be refused).
    func toDecide(_ application: LeaveApplication, _ pupil: Pupil) -> FollowUp? {
        guard application.outcome == .undecided, let first = application.request.sessions.first else { return nil }
        let request = application.request
        let asked = "leave request \(application.number) (\(request.kind.rawValue), \(request.sessions.count) sessions from \(first)), "
            + "received \(request.received)"
        let due = first.date > asOf ? ": to decide before \(first)" : ": its first session is here or past, so it can only be refused"
        return FollowUp(pupil, .leaveToDecide, asked + " from \(request.applicant)" + due, shared: asked + due,
                        sessions: request.sessions, since: request.received)
    }

    /// Unauthorised absence during refused leave: the sessions to code G (or O), and what
    /// the penalty framework allows for them.
    func refusedTaken(_ application: LeaveApplication, _ pupil: Pupil, log: [InterventionRecord]) -> FollowUp? {
        let taken = application.takenAfterRefusal(asOf: asOf) { records.book.code(for: pupil.upn, at: $0) }
        guard !taken.isEmpty else { return nil }
        let uncoded = taken.filter { ![.holidayNotGranted, .otherUnauthorised].contains(records.book.code(for: pupil.upn, at: $0)) }
        let tied = log.sessionsTied(for: pupil.upn)
        let reachesThreshold = taken.count >= PenaltyThreshold.unauthorisedSessions
        let actedOn = taken.allSatisfy { tied[$0] != nil }
        let nextStep: String
        if !uncoded.isEmpty {
            nextStep = "code \(uncoded.count == taken.count ? "them" : "\(uncoded.count) of them") G (a holiday) or O"
        } else if !reachesThreshold {
            nextStep = "coded; under the national threshold of \(PenaltyThreshold.unauthorisedSessions) sessions, they count towards it"
        } else if actedOn {
            nextStep = "acted on: a notice or a decision covers these sessions"
        } else {
            nextStep = "\(taken.count) unauthorised sessions: consider a penalty notice, or record a decision not to issue with its reason"
        }
        let detail = "leave request \(application.number) was refused; absent \(taken.count) of its sessions from \(taken[0]): \(nextStep)"
        return FollowUp(pupil, .leaveRefusedTaken, detail, sessions: taken, since: taken[0].date,
                        isOpen: !uncoded.isEmpty || (reachesThreshold && !actedOn))
    }

    /// Sessions the pupil was expected off site with no mark: for a day gone, and for
    /// today once its afternoon register has closed.
    func unconfirmed(_ arrangement: OffsiteArrangement, _ pupil: Pupil) -> FollowUp? {
        let placement = arrangement.placement
        let last = min(arrangement.lastDay, dayOver ? asOf : asOf.advanced(by: -1))
        let first = max(placement.from, currentYearStart ?? placement.from)
        guard first <= last else { return nil }
        let missing = records.calendar.sessions(in: first...last).filter { session in
            arrangement.expects(session) && pupil.isOnRoll(on: session.date) && records.book.code(for: pupil.upn, at: session) == nil
        }
        guard let oldest = missing.first else { return nil }
        let at = "\(missing.count) session\(missing.count == 1 ? "" : "s") expected at \(placement.provider) "
            + "(\(placement.code.symbol), \(placement.pattern)) with no mark, the oldest \(oldest)"
        return FollowUp(pupil, .offsiteUnconfirmed, at + ": ask " + (placement.contact ?? "the provider"), shared: at + ": ask the provider",
                        sessions: missing, since: oldest.date)
    }
}
