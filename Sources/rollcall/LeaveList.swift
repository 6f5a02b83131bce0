import ArgumentParser
import RollcallCore
import RollcallExchange

struct LeaveList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every request for leave with its kind, sessions, applicant, received date, outcome, who decided, when and why.",
        discussion: "Columns: \(Reports.leave([], pupils: [:]).columns.joined(separator: ", ")).")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this pupil.") var upn: String?
    @Flag(help: "Only requests still to decide.") var open = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try options.openToReview().store
        let only = try upn.map { try findPupil($0, in: store).upn }
        let applications = try store.leaveApplications().filter { (only == nil || $0.request.upn == only) && (!open || $0.outcome == .undecided) }
        let pupils = Dictionary(try store.pupils().map { ($0.upn, $0) }) { first, _ in first }
        print(Reports.leave(applications, pupils: pupils).render(format), terminator: "")
    }
}
