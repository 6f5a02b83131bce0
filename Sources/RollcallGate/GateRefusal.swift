/// Why the gate will not run what a member of staff sent: one line, said to them over
/// SSH, that names what to do instead.
public struct GateRefusal: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
