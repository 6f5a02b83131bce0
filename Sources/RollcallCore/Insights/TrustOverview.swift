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
    }

    public let today: CalendarDate
    public let schools: [School]

    public init(today: CalendarDate, schools: [School]) {
        self.today = today
        self.schools = schools
    }
}
