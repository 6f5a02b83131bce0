/// A trust's schools side by side, for each period the dashboard offers: the first
/// screen a trust's attendance lead sees. Each school's figures are its own dashboard's
/// School row for the period, as the school's own days reckon it.
public struct TrustOverview: Sendable {
    public struct School: Sendable, Hashable {
        public let urn: String
        public let name: String
        /// When the school last published, in the school's time zone.
        public let publishedAt: String?
        /// Pupils at or over the penalty-notice threshold today.
        public let penaltyReached: Int
        /// Follow-ups still open, as of the school's last publish.
        public let followUpsOpen: Int
        /// The School row for each period; a period with no school days yet has none.
        public let figures: [DashboardPeriod: CohortFigures]

        public init(urn: String, name: String, publishedAt: String?, penaltyReached: Int, followUpsOpen: Int,
                    figures: [DashboardPeriod: CohortFigures]) {
            self.urn = urn
            self.name = name
            self.publishedAt = publishedAt
            self.penaltyReached = penaltyReached
            self.followUpsOpen = followUpsOpen
            self.figures = figures
        }

        /// The school's row as of `today`, from its records: what the school works out as
        /// it publishes, and what the trust works out from the published codes when the
        /// school has not published today.
        public init(urn: String, name: String, publishedAt: String?, records: SchoolRecords, today: CalendarDate, followUpsOpen: Int) {
            var figures: [DashboardPeriod: CohortFigures] = [:]
            for period in DashboardPeriod.allCases {
                guard let days = period.days(asOf: today, calendar: records.calendar) else { continue }
                figures[period] = CohortFigures(PupilAttendance.report(records.pupils, book: records.book, calendar: records.calendar,
                                                                        period: days).map(\.figures))
            }
            let penalty = PupilPenalty.report(records.pupils, book: records.book, calendar: records.calendar, asOf: today)
            self.init(urn: urn, name: name, publishedAt: publishedAt, penaltyReached: penalty.count, followUpsOpen: followUpsOpen, figures: figures)
        }
    }

    public let today: CalendarDate
    public let schools: [School]
    /// What could not be read, a line a school left out: one school's bad row breaks
    /// only that school.
    public let unreadable: [String]

    public init(today: CalendarDate, schools: [School], unreadable: [String] = []) {
        self.today = today
        self.schools = schools
        self.unreadable = unreadable
    }

    /// Pupils at the penalty threshold today, at every school.
    public var penaltyReached: Int { schools.reduce(0) { $0 + $1.penaltyReached } }

    /// Follow-ups still open, at every school as each last published.
    public var followUpsOpen: Int { schools.reduce(0) { $0 + $1.followUpsOpen } }

    /// The trust's own row for a period: every school's pupils as one cohort, persistent
    /// and severe absence counted per pupil, not averaged over schools.
    public func trust(_ period: DashboardPeriod) -> CohortFigures {
        CohortFigures(merging: schools.compactMap { $0.figures[period] })
    }
}
