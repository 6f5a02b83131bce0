import RollcallCore
import RollcallStore

extension Reports {
    /// One row per request for leave: what was asked, by whom and when, and what was
    /// decided, by whom, when and why.
    public static func leave(_ applications: [LeaveApplication], pupils: [UPN: Pupil]) -> ReportTable {
        var table = ReportTable(columns: [
            "number", "upn", "surname", "forename", "kind", "code", "first_session", "last_session", "sessions", "applicant", "received",
            "evidence", "note", "outcome", "granted_sessions", "decided_by", "decided_at", "reason", "withdrawn_at", "withdrawn_reason",
        ])
        for application in applications {
            let request = application.request, pupil = pupils[request.upn]
            table.append([
                .integer(application.number), .text(request.upn.text), .optionalText(pupil?.surname), .optionalText(pupil?.forename),
                .text(request.kind.rawValue), .text(request.kind.code.symbol), .optionalText(request.sessions.first?.description),
                .optionalText(request.sessions.last?.description), .integer(request.sessions.count), .text(request.applicant),
                .text(request.received.description), .optionalText(request.evidence), .text(request.note), .text(application.outcome.rawValue),
                .integer(application.decision?.granted.count ?? 0), .optionalText(application.decision?.by.login),
                .optionalText(application.decision.map { JSONText.instant($0.at) }), .optionalText(application.decision?.reason),
                .optionalText(application.withdrawal.map { JSONText.instant($0.at) }), .optionalText(application.withdrawal?.reason),
            ])
        }
        return table
    }

    /// One row per placement of education off site.
    public static func offsite(_ arrangements: [OffsiteArrangement], pupils: [UPN: Pupil]) -> ReportTable {
        var table = ReportTable(columns: ["number", "upn", "surname", "forename", "provider", "code", "from", "to", "days", "sessions", "contact",
                                          "ended", "recorded_by"])
        for arrangement in arrangements {
            let placement = arrangement.placement, pupil = pupils[placement.upn]
            table.append([
                .integer(arrangement.number), .text(placement.upn.text), .optionalText(pupil?.surname), .optionalText(pupil?.forename),
                .text(placement.provider), .text(placement.code.symbol), .text(placement.from.description), .text(placement.to.description),
                .list(Weekday.allCases.filter(placement.weekdays.contains).map(\.shortName)),
                .list(Session.Part.allCases.filter(placement.parts.contains).map(\.rawValue)), .optionalText(placement.contact),
                .optionalText(arrangement.ended?.description), .text(arrangement.by.login),
            ])
        }
        return table
    }
}
