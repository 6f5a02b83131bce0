/// A screen an app can build from its records, named in the app's own terms (an enum of
/// its screens). The framework only carries it: from the screen that asks for it to the
/// app's services that build it, and back to them when the records change.
public protocol ScreenOrigin: Hashable, Sendable {}

extension ScreenOrigin {
    /// Whether `other` names the same screen, whatever app's type it is.
    public func isSame(as other: (any ScreenOrigin)?) -> Bool {
        guard let other else { return false }
        return AnyHashable(self) == AnyHashable(other)
    }
}
