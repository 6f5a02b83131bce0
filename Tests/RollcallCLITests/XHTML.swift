import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XHTML or SVG document read with an XML parser: a test's proof that the markup is
/// well-formed, and a way to find a table by id and read its cells.
final class XHTML {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// This element and every one inside it, in document order.
        var all: [Element] { [self] + children.flatMap(\.all) }

        /// The text of the element and everything inside it.
        var content: String { text + children.map(\.content).joined() }

        func first(_ name: String) -> Element? { all.first { $0.name == name } }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let root: Element

    init(_ text: String) throws {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Malformed(description: "not well-formed XML at line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        self.root = root
    }

    func element(id: String) -> Element? { root.all.first { $0.attributes["id"] == id } }

    /// The body rows of the table with `id`, each as its cells' text.
    func rows(_ id: String) throws -> [[String]] {
        guard let table = element(id: id), let body = table.first("tbody") else { throw Malformed(description: "no table \(id)") }
        return body.children.filter { $0.name == "tr" }.map { row in row.children.map { $0.content.trimmingCharacters(in: .whitespacesAndNewlines) } }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = Element(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let current = stack.last else { return }
            // Text after a child belongs after it: kept as a text-only child so `content` keeps the order.
            if current.children.isEmpty { current.text += string } else {
                let run = Element(name: "#text", attributes: [:])
                run.text = string
                current.children.append(run)
            }
        }
    }
}
