/// What the shell asks of the app behind the screens: building a screen from the
/// records, and the work screens ask for. Each app implements it over its own records;
/// tests implement it with a recording fake.
public protocol ScreenServices {
    /// Minutes after midnight as the screens should work now.
    var minute: Int { get }
    /// Builds a screen of `size` from the records; throws for an origin this app does
    /// not have or may not show.
    func open(_ origin: any ScreenOrigin, size: Size) throws -> any Screen
    /// Carries out the tasks one key asked for, in the order asked, and says how they
    /// went: one outcome for each task with something to say. The app may do several in
    /// one write (a whole form marked present is one fsync, not 30).
    func perform(_ tasks: [any ScreenTask]) -> [Outcome]
}
