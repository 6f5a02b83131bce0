import Foundation
import RollcallCore
import RollcallRecords
import RollcallStore
import Testing

/// What a school sends its trust carries no contact's details: tried as an attacker who
/// reads the whole database would, after a school whose contacts have names and numbers
/// found nowhere else publishes every kind of follow-up that names them at the school.
@Suite("The trust's database holds no contact")
struct TrustPrivacyTests {
    /// Every row of every table, as text: what `pg_dump --data-only` would show.
    static func everyRow(_ trust: TrustFixture) async throws -> String {
        let query = try await trust.postgres.superuser(["""
            SELECT string_agg(format('SELECT %L || '': '' || t::text FROM %I t', c.relname, c.relname), ' UNION ALL ')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
            """], database: trust.database)
        return try await trust.postgres.superuser([query[0]], database: trust.database).joined(separator: "\n")
    }

    @Test func noContactsNameRelationshipTelephoneOrAddressLeavesTheSchool() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let (store, url) = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        let today = TrustFixture.today
        let pupil = try #require(try store.pupils().first { $0.form == "7A" && $0.isOnRoll(on: today) })
        try store.updateContacts { contacts in
            contacts.removeAll { $0.upn == pupil.upn }
            contacts += [
                Contact(upn: pupil.upn, name: "Philomena Quackenbush", relationship: "Step-grandmother", phones: ["01632 960777"],
                        livesWithPupil: true, address: "17 Zanzibar Mews", emergencyPhone: "01632 960778"),
                Contact(upn: pupil.upn, name: "Bartholomew Snodgrass", relationship: "Allocated caseworker", role: .socialWorker,
                        phones: ["01632 960888"]),
            ]
        }
        // Ten unauthorised sessions in the fortnight before today (the penalty list), N this
        // morning (a call home and the worker to tell), a notice issued to the parent, and
        // the marks changed with a reason that names her.
        let calendar = try store.calendar()
        let fortnight = Array(calendar.sessions(in: CalendarDate(year: 2025, month: 11, day: 10)!...CalendarDate(year: 2025, month: 11, day: 19)!)
            .prefix(10))
        let staff = Recorder(login: "lead", name: "Asha Khan", role: .attendanceLead)
        try store.record(fortnight.map { MarkEntry(upn: pupil.upn, group: pupil.form, session: $0, mark: Mark(.otherUnauthorised)) }
            + [MarkEntry(upn: pupil.upn, group: pupil.form, session: Session(today, .am), mark: Mark(.reasonNotYetEstablished))],
            by: staff, at: Date(), reason: "Philomena Quackenbush rang from 01632 960777")
        _ = try store.log([try Intervention(upn: pupil.upn, date: CalendarDate(year: 2025, month: 11, day: 19)!, kind: .penaltyNoticeIssued,
                                            note: "Issued to Philomena Quackenbush", parent: "Philomena Quackenbush", sessions: fortnight)],
                          by: staff, at: Date())
        // At the school the lists name her and her number: the rules are working.
        let atSchool = try FollowUps.load(from: store, calendar: calendar, asOf: today).list().filter { $0.pupil.upn == pupil.upn }
        #expect(atSchool.contains { $0.rule == .firstDayCall && $0.detail.contains("01632 960777") })
        #expect(atSchool.contains { $0.rule == .tellSocialWorker && $0.detail.contains("Snodgrass") })
        #expect(atSchool.contains { $0.penalty?.notices.contains { $0.parent == "Philomena Quackenbush" } == true })

        #expect(try await trust.publish(store, as: url).status == 0)
        let everything = try await Self.everyRow(trust)
        for secret in ["Quackenbush", "Philomena", "Step-grandmother", "Zanzibar", "960777", "960778", "Snodgrass", "Bartholomew",
                       "caseworker", "960888"] {
            #expect(!everything.contains(secret), "the trust's database holds '\(secret)'")
        }
        for contact in try store.contacts() {
            for phone in contact.phones + [contact.emergencyPhone].compactMap({ $0 }) {
                #expect(!everything.contains(phone), "the trust's database holds a contact's telephone, \(phone)")
            }
        }
        // What the trust does see: the rule, the sessions, the support and the next step.
        #expect(everything.contains("N today (AM): call home"))
        #expect(everything.contains("N today (AM): tell the social worker"))
        #expect(everything.contains("parent 1"))
    }
}
