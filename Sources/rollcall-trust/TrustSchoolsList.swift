import ArgumentParser
import RollcallExchange
import RollcallTrust

struct TrustSchoolsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "The trust's schools: URN, name, login, last publish and rows held.",
        discussion: "Example: rollcall trust schools --database postgres://admin@db/rollcall")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let schools = try await failing { try await TrustDatabase.with(try database.settings()) { try await TrustSchools.all(on: $0) } }
        var table = ReportTable(columns: ["urn", "name", "login", "published_at", "rows"])
        for school in schools {
            table.append([.text(school.urn), .text(school.name), .text(school.login), .optionalText(school.publishedAt), .integer(school.rows)])
        }
        print(table.render(format), terminator: "")
    }
}
