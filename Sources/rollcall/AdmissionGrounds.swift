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
            for confirmation in ground.confirmations {
                print("    --confirm \(confirmation.key): \(confirmation.text)")
            }
        }
    }
}
