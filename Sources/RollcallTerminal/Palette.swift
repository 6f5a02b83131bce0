import CNCurses
import RollcallTUI

/// A theme turned into curses attributes and colour pairs, one pair per role.
struct Palette {
    private var entries: [StyleRole: (attr_t, Int16)] = [:]

    init(theme: Theme, colour: Bool, colours: Int) {
        for (index, role) in StyleRole.allCases.enumerated() {
            var style = theme.style(role)
            if !colour { style = style.withoutColour }
            var attributes = rc_a_normal()
            for attribute in style.attributes {
                switch attribute {
                case .bold: attributes |= rc_a_bold()
                case .reverse: attributes |= rc_a_reverse()
                case .underline: attributes |= rc_a_underline()
                case .dim: attributes |= rc_a_dim()
                }
            }
            var pair: Int16 = 0
            if colour, style.fg != nil || style.bg != nil || style.fg256 != nil || style.bg256 != nil {
                pair = Int16(index + 1)
                let rich = colours >= 256
                let foreground = (rich ? style.fg256 : nil) ?? style.fg?.number ?? -1
                let background = (rich ? style.bg256 : nil) ?? style.bg?.number ?? -1
                init_pair(pair, Int16(foreground), Int16(background))
            }
            entries[role] = (attributes, pair)
        }
    }

    func attributes(for role: StyleRole) -> (attr_t, Int16) {
        entries[role] ?? (rc_a_normal(), 0)
    }
}
