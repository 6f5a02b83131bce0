import ArgumentParser
import RollcallCore

struct AdmissionGrounds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grounds",
        abstract: "The grounds of deletion, (a) to (o): what Rollcall checks and what must be confirmed (--confirm KEY).")

    func run() {
        for ground in DeletionGround.allCases {
            print("\(ground.label) \(ground.title)")
            print("    checked: \(ground.checked)")
            print("    " + (ground.canBeLinedUp ? "may be lined up for a later day (--date): its fact is known ahead"
                                               : "made on or after the day its fact happened, never lined up for a later day"))
            for confirmation in ground.confirmations {
                print("    --confirm \(confirmation.key): \(confirmation.text)")
            }
        }
    }
}
