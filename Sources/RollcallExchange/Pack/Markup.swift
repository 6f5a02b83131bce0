import RollcallCore

/// XHTML written by hand, one element at a time: well-formed XML as well as HTML, so the
/// pack opens in any browser and a test can read it with an XML parser.
///
/// Text and attribute values come from the school's data (its name, term names), so
/// every one is escaped, and control characters, which XML forbids and a terminal would
/// act on, become U+FFFD.
struct Markup {
    private(set) var text = ""

    /// `<name>text</name>`, the text escaped: one XML element of a CTF or the census.
    static func textElement(_ name: String, _ text: String) -> String {
        "<\(name)>\(escaped(text))</\(name)>"
    }

    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(TerminalText.needsPlaceholder(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    private static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { " \($0.key)=\"\(escaped($0.value))\"" }.joined()
    }

    mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<\(tag)\(Markup.attributes(attributes))>"
    }

    mutating func close(_ tag: String) {
        text += "</\(tag)>\n"
    }

    /// An element holding only text.
    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: String) {
        text += "<\(tag)\(Markup.attributes(attributes))>\(Markup.escaped(content))</\(tag)>"
    }

    mutating func element(_ tag: String, _ content: String) {
        element(tag, [:], content)
    }

    /// An element with no content, closed as XML closes it.
    mutating func empty(_ tag: String, _ attributes: KeyValuePairs<String, String>) {
        text += "<\(tag)\(Markup.attributes(attributes))/>"
    }

    /// Markup already made (a chart), put in as it is.
    mutating func append(_ markup: Markup) {
        text += markup.text
    }

    /// Markup written out as it is: the doctype.
    mutating func raw(_ markup: String) {
        text += markup
    }

    mutating func newline() {
        text += "\n"
    }

    /// An SVG chart begun: its size, and the title and description a screen reader says
    /// for it. The caller draws into it and closes it.
    static func chart(id: String, title: String, summary: String, width: Double, height: Double) -> Markup {
        var svg = Markup()
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(Int(width)) \(Int(height))", "role": "img",
                         "aria-labelledby": "\(id)-title \(id)-desc", "class": "chart"])
        svg.element("title", ["id": "\(id)-title"], title)
        svg.element("desc", ["id": "\(id)-desc"], summary)
        svg.newline()
        return svg
    }

    /// A length or coordinate to one decimal place, as SVG reads it: `12.5`, `40`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
