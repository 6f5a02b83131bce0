import ArgumentParser
import RollcallCore
import RollcallExchange

struct OffsiteList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every placement of education off site, with its provider, code, days and end.",
        discussion: "Columns: \(Reports.offsite([], pupils: [:]).columns.joined(separator: ", ")).")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this pupil.") var upn: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try options.openToReview().store
        let only = try upn.map { try findPupil($0, in: store).upn }
        let arrangements = try store.offsiteArrangements().filter { only == nil || $0.placement.upn == only }
        let pupils = Dictionary(try store.pupils().map { ($0.upn, $0) }) { first, _ in first }
        print(Reports.offsite(arrangements, pupils: pupils).render(format), terminator: "")
    }
}
