/// The pack's colours: the colour-blind theme's (`Themes/colour-blind.json`, the
/// Okabe-Ito set as xterm's 256 colours draw it), so blue and orange carry every
/// difference and nothing rests on red against green. Each colour is named by the
/// theme role it comes from; a test holds the two together.
enum PackPalette {
    /// The theme role and its xterm-256 index, for each use in the pack.
    static let attendance = (role: "present", xterm: 74)
    static let authorised = (role: "authorised", xterm: 25)
    static let unauthorised = (role: "unauthorised", xterm: 166)
    static let persistent = authorised
    static let severe = unauthorised
    static let morning = attendance
    static let afternoon = authorised

    /// Every colour above, for the test that checks them against the theme.
    static let all = [attendance, authorised, unauthorised]

    /// Text, axes and grid: greys, which read the same to every eye.
    static let ink = "#1a1a1a"
    static let grid = "#bdbdbd"
    static let marker = "#000000"

    /// `#rrggbb` of an xterm-256 colour: the 6×6×6 cube from 16, the grey ramp from 232.
    static func hex(xterm index: Int) -> String {
        let rgb: (Int, Int, Int)
        switch index {
        case 16...231:
            let levels = [0, 95, 135, 175, 215, 255], cube = index - 16
            rgb = (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
        case 232...255:
            let grey = 8 + (index - 232) * 10
            rgb = (grey, grey, grey)
        default:
            let basic = [(0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128), (0, 128, 128), (192, 192, 192),
                         (128, 128, 128), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            rgb = basic[max(0, min(15, index))]
        }
        return "#" + [rgb.0, rgb.1, rgb.2].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func fill(_ colour: (role: String, xterm: Int)) -> String { hex(xterm: colour.xterm) }
}
