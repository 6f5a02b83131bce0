/// What a return to the local authority (regulation 13) is about: a name entered in the
/// admission register, or one deleted from it. An `la-return` intervention names one.
public enum LAReturnKind: String, CaseIterable, Sendable, Codable {
    case admission
    case deletion
}
