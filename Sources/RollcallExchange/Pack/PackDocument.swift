import RollcallCore

/// The termly pack as one HTML file: no script, font or image fetched from anywhere
/// (inline SVG and CSS only), so it opens the same offline, in an email, or printed on
/// A4 with each section on its own page.
public enum PackDocument {
    /// The pack's markup. `made` is the day it was made, printed on the cover.
    public static func html(_ pack: TermlyPack, made: CalendarDate) -> String {
        var html = Markup()
        html.raw("<!DOCTYPE html>\n")
        html.open("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en-GB"])
        html.open("head")
        html.empty("meta", ["charset": "utf-8"])
        html.element("title", "\(pack.schoolName): attendance, \(pack.period.title)")
        html.element("style", style)
        html.close("head")
        html.open("body")
        for section in PackSections(pack, made: made).all {
            html.append(section)
        }
        html.close("body")
        html.close("html")
        return html.text
    }

    /// A4, each section starting a page, charts and tables never split.
    static let style = """
        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: system-ui, sans-serif; color: \(PackPalette.ink); max-width: 190mm; margin: 0 auto; font-size: 10.5pt; }
        section { break-before: page; page-break-before: always; }
        section:first-of-type { break-before: auto; page-break-before: auto; }
        h1 { font-size: 18pt; margin-bottom: 0; }
        h2 { font-size: 14pt; border-bottom: 1px solid \(PackPalette.grid); }
        figure, table, div.cohort { break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 0 0 8pt 0; }
        svg.chart { width: 100%; height: auto; }
        svg text.tick, svg .tick { font-size: 10px; fill: \(PackPalette.ink); }
        table { border-collapse: collapse; margin: 6pt 0 12pt 0; font-size: 9.5pt; }
        caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
        th, td { border-bottom: 1px solid \(PackPalette.grid); padding: 2pt 8pt 2pt 0; text-align: right; }
        th[scope=row], th.text, td.text { text-align: left; }
        p.note { font-size: 9pt; }
        """
}
