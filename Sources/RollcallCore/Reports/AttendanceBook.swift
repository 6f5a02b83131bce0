/// Every mark of a set of registers, looked up by pupil and session: what figures are
/// computed from. A pupil who moved form keeps all their marks in one place here.
///
/// Stored as one byte per pupil per session (the code's number, 0 for no mark) in a
/// single array, a row per pupil and a column per half day from `origin`: a year of a
/// 2,000-pupil school is under 1.5 MB, and reading a pupil's year is a walk along a row,
/// not 385 dictionary look-ups. The rare mark with minutes late or a note keeps them
/// beside the array.
public struct AttendanceBook: Sendable {
    /// The session ordinal of column 0.
    private let origin: Int
    /// Columns per row: every half day of the span.
    private let width: Int
    private var rows: [UPN: Int] = [:]
    private var cells: [UInt8] = []
    private var details: [Int: Mark] = [:]

    /// An empty book for marks in `span`; marks outside it are not kept.
    public init(span: ClosedRange<CalendarDate>) {
        origin = Session(span.lowerBound, .am).ordinal
        width = max(0, Session(span.upperBound, .pm).ordinal - origin + 1)
    }

    public init(registers: some Sequence<Register>) {
        let registers = Array(registers)
        let dates = registers.map(\.session.date)
        guard let first = dates.min(), let last = dates.max() else {
            self.init(span: CalendarDate(dayNumber: 0)...CalendarDate(dayNumber: 0))
            return
        }
        self.init(span: first...last)
        for register in registers {
            for (upn, mark) in register.marks { record(mark, for: upn, at: register.session) }
        }
    }

    /// The number of a pupil's row, made on first use.
    public mutating func rowNumber(for upn: UPN) -> Int {
        if let row = rows[upn] { return row }
        let row = rows.count
        rows[upn] = row
        // A zeroed array copied in: appending repeatElement goes a byte at a time.
        cells.append(contentsOf: [UInt8](repeating: 0, count: width))
        return row
    }

    /// Records a mark by row and column: the loader's fast path, with the code as its
    /// number (`AttendanceCode.number`).
    public mutating func record(code number: UInt8, row: Int, session: Session) {
        let column = session.ordinal - origin
        guard column >= 0, column < width else { return }
        cells[row * width + column] = number
    }

    public mutating func record(_ mark: Mark, for upn: UPN, at session: Session) {
        record(mark, row: rowNumber(for: upn), session: session)
    }

    public mutating func record(_ mark: Mark, row: Int, session: Session) {
        let column = session.ordinal - origin
        guard column >= 0, column < width else { return }
        let cell = row * width + column
        cells[cell] = mark.code.number
        if mark.minutesLate != nil || mark.note != nil { details[cell] = mark } else { details[cell] = nil }
    }

    /// Every pupil with a row, each with their code numbers, a column per half day from
    /// the first of the book's span: what a store copies out to keep a year's codes compactly.
    public var codeRows: [(upn: UPN, codes: ArraySlice<UInt8>)] {
        rows.sorted { $0.value < $1.value }.map { ($0.key, cells[($0.value * width)..<($0.value * width + width)]) }
    }

    /// The marks that carry minutes late or a note, which code numbers alone do not hold.
    public var detailedMarks: [(upn: UPN, session: Session, mark: Mark)] {
        let upns = Dictionary(uniqueKeysWithValues: rows.map { ($0.value, $0.key) })
        return details.keys.sorted().compactMap { cell in
            guard let upn = upns[cell / width], let mark = details[cell] else { return nil }
            return (upn, Session(ordinal: origin + cell % width), mark)
        }
    }

    /// Records a run of code numbers into a row, the first at `session`: how a store
    /// reads back what `codeRows` gave it. A 0 (no mark) leaves the cell as it was, so
    /// rows from several files (a pupil who moved form) add up.
    public mutating func record(codes: ArraySlice<UInt8>, row: Int, from session: Session) {
        // The columns of the row that the codes reach, found once: then a plain loop
        // over bytes, a year of a school's codes going through it.
        let first = session.ordinal - origin
        let lower = max(0, first), upper = min(width, first + codes.count)
        guard lower < upper else { return }
        let columns = lower..<upper
        let start = row * width
        codes.withUnsafeBufferPointer { codes in
            cells.withUnsafeMutableBufferPointer { cells in
                for column in columns where codes[column - first] != 0 {
                    cells[start + column] = codes[column - first]
                }
            }
        }
    }

    /// One pupil's marks, for reading many sessions without looking the pupil up each time.
    /// It holds the book's codes and where the row lies in them, not the book: a row is
    /// copied for every session a school-wide figure reads, and the book is four
    /// references to count each time.
    public struct Row: Sendable {
        fileprivate let cells: [UInt8]
        fileprivate let origin: Int
        fileprivate let width: Int
        fileprivate let start: Int

        public func code(at session: Session) -> AttendanceCode? {
            AttendanceCode.numbered(number(at: session))
        }

        /// The code's number at `session` as the book holds it, 0 for none: for a
        /// `CodeMask`, which tests it without making the code.
        public func number(at session: Session) -> UInt8 {
            let column = session.ordinal - origin
            guard column >= 0, column < width else { return 0 }
            return cells[start + column]
        }
    }

    /// The pupil's row, or nil when they have no mark at all.
    public func row(of upn: UPN) -> Row? {
        rows[upn].map { Row(cells: cells, origin: origin, width: width, start: $0 * width) }
    }

    public func mark(for upn: UPN, at session: Session) -> Mark? {
        guard let row = rows[upn] else { return nil }
        let column = session.ordinal - origin
        guard column >= 0, column < width else { return nil }
        let cell = row * width + column
        if let detailed = details[cell] { return detailed }
        return AttendanceCode.numbered(cells[cell]).map { Mark($0) }
    }

    public func code(for upn: UPN, at session: Session) -> AttendanceCode? {
        row(of: upn)?.code(at: session)
    }

    /// The pupil's marks, oldest first.
    public func marks(for upn: UPN) -> [(session: Session, mark: Mark)] {
        guard let row = rows[upn] else { return [] }
        var marks: [(session: Session, mark: Mark)] = []
        for column in 0..<width {
            let cell = row * width + column
            guard let code = AttendanceCode.numbered(cells[cell]) else { continue }
            marks.append((Session(ordinal: origin + column), details[cell] ?? Mark(code)))
        }
        return marks
    }

    /// The sessions the pupil has a given code for, oldest first.
    public func sessions(of upn: UPN, coded code: AttendanceCode) -> [Session] {
        guard let row = rows[upn] else { return [] }
        let number = code.number
        return (0..<width).compactMap { cells[row * width + $0] == number ? Session(ordinal: origin + $0) : nil }
    }

    /// Whether the pupil has any mark on a day of the period.
    public func hasMark(for upn: UPN, in period: ClosedRange<CalendarDate>) -> Bool {
        guard let row = rows[upn] else { return false }
        let first = max(0, Session(period.lowerBound, .am).ordinal - origin)
        let last = min(width - 1, Session(period.upperBound, .pm).ordinal - origin)
        guard first <= last else { return false }
        return cells[(row * width + first)...(row * width + last)].contains { $0 != 0 }
    }
}
