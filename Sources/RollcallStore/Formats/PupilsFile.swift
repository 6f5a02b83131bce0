import RollcallCore

extension Store {
    struct PupilsFile: Codable {
        /// Pupils who left before this day are in `leavers.json`, not here: a register or
        /// this year's report then reads this year's pupils, not six years of them. nil in
        /// a store written before leavers had their own file: everyone is here.
        var leaversBefore: CalendarDate?
        var pupils: [Pupil]
    }
}
