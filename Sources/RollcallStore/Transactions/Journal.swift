/// The plan of a write that touches more than one file, made durable before any of it
/// is carried out.
///
/// Once the journal file exists the write has happened as far as anyone is concerned:
/// if the writer dies half-way, the next process to take the store lock finishes it
/// (`redo`). Until it exists, nothing visible has changed, and the temporary files the
/// writer left are swept away. So after a crash at any moment the store holds all of a
/// write or none of it.
struct Journal: Codable {
    struct Rename: Codable {
        /// Paths relative to the store root, so a store can be moved while one is pending.
        let from: String
        let to: String
    }

    let transaction: String
    let renames: [Rename]
    /// Audit bodies (`AuditEntry.body`) to append, in order.
    let audit: [String]
}
