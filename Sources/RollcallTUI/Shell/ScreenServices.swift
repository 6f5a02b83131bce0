/// What the shell asks of the program behind the screens: building a screen from the
/// records, and the work screens ask for. The program implements it over the store;
/// tests implement it with a recording fake.
public protocol ScreenServices {
    /// Minutes after midnight as the screens should work now.
    var minute: Int { get }
    /// Builds a screen of `size` from the records.
    func open(_ origin: ScreenOrigin, size: Size) throws -> any Screen
    /// Saves marks that share a reason, durably, in one write. Throws if none was saved.
    func save(_ changes: [MarkChange], reason: String?) throws
    /// Does a task other than a save; returns what to tell the person, if anything.
    func perform(_ task: ScreenTask) throws -> String?
}
