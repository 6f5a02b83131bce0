/// What may be written into a record: names, notes and reasons of a sensible length and
/// free of characters that would act on a terminal, a believable date of birth, minutes
/// late no longer than a session.
///
/// A register is read by people at terminals and produced as evidence, and every file
/// that feeds it (an MIS export, a tutor's note) can hold anything: a 10 MB name, a
/// newline that forges a line, an escape that clears a screen. Imports name what breaks
/// a limit with its line; the register screen and the commands refuse it.
public enum EntryLimits {
    public static let longestName = 100
    /// Notes on a mark, reasons for an amendment, notes on an intervention.
    public static let longestText = 1_000
    /// A session is a morning or an afternoon: nobody is more than four hours late to one.
    public static let longestMinutesLate = 240
    /// The ages a pupil on a school's roll can have on the day they are imported.
    public static let pupilAges = 2...25
    /// How much of a value an error quotes.
    public static let quotedLength = 40

    /// Why `text` cannot be a name (a pupil's, a contact's, a member of staff's), or nil.
    public static func nameProblem(_ text: String) -> String? {
        problem(text, longest: longestName)
    }

    /// Why `text` cannot be a note or a reason, or nil.
    public static func textProblem(_ text: String) -> String? {
        problem(text, longest: longestText)
    }

    /// Why a pupil born on `birth` cannot be on roll on `today`, or nil.
    public static func ageProblem(born birth: CalendarDate, on today: CalendarDate) -> String? {
        let age = Pupil.age(born: birth, on: today)
        return pupilAges.contains(age) ? nil : "a date of birth of \(birth) makes the pupil \(age) on \(today); a pupil is \(pupilAges.lowerBound) to \(pupilAges.upperBound)"
    }

    /// Why `minutes` cannot be how late a pupil was, or nil.
    public static func minutesLateProblem(_ minutes: Int) -> String? {
        (0...longestMinutesLate).contains(minutes) ? nil : "\(minutes) minutes late is more than a session (at most \(longestMinutesLate))"
    }

    /// The start of `text` as an error quotes it: short, and safe for a terminal.
    public static func quoted(_ text: String) -> String {
        let shown = TerminalText.visible(String(text.prefix(quotedLength)))
        return text.count > quotedLength ? "'\(shown)...' (\(text.count) characters)" : "'\(shown)'"
    }

    private static func problem(_ text: String, longest: Int) -> String? {
        if text.count > longest { return "\(quoted(text)) is longer than \(longest) characters" }
        if text.unicodeScalars.contains(where: TerminalText.needsPlaceholder) {
            return "\(quoted(text)) holds a control or direction-override character"
        }
        if let hidden = invisibleScalar(in: text) {
            let hex = String(hidden.value, radix: 16, uppercase: true)
            return "\(quoted(text)) holds an invisible character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)), "
                + "so it could look the same as another"
        }
        return nil
    }

    /// The first character of `text` that shows nothing: zero-width spaces and joiners,
    /// the byte-order mark, line and paragraph separators, tag characters, fillers, and a
    /// variation selector that follows no emoji. "Amy" and "Am\u{200B}y" look alike on
    /// every screen and letter but are two names, so two pupils (or two parents, on whom
    /// the penalty-notice count turns) could pass for one another.
    public static func invisibleScalar(in text: String) -> Unicode.Scalar? {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x00AD, 0x115F, 0x1160, 0x180E, 0x200B...0x200D, 0x2028, 0x2029, 0x2060...0x2064, 0x3164, 0xFEFF, 0xFFA0,
                 0xE0000...0xE007F:
                return scalar
            case 0xFE00...0xFE0F, 0xE0100...0xE01EF:
                // A variation selector chooses how an emoji is drawn; after anything else it shows nothing.
                guard let previous, previous.value > 0x7F, previous.properties.isEmoji else { return scalar }
            default:
                continue
            }
        }
        return nil
    }
}
