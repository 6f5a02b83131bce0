/// The plan of a write that touches more than one file, made durable before any of it
/// is carried out.
///
/// Once the journal file exists the write has happened as far as anyone is concerned:
/// if the writer dies half-way, the next process to take the store lock finishes it
/// (`redo`). Until it exists, nothing visible has changed, and the temporary files the
/// writer left are swept away. So after a crash at any moment the store holds all of a
/// write or none of it.
///
/// Every process obeys a journal it finds, so a journal is checked before anything in
/// it is done (`Journal+Validation`): it may name only files the store writes, and its
/// audit entries are records that are made into lines again, never text appended as is.
struct Journal: Codable {
    struct Rename: Codable {
        /// Paths relative to the store root, so a store can be moved while one is pending.
        let from: String
        let to: String
    }

    let transaction: String
    let renames: [Rename]
    /// Amendments to append to the audit, in order.
    let audit: [AuditRecord]
    /// Changes to append to the admission register's log, in order; absent from journals
    /// written before there was one.
    var admissions: [AdmissionRecord]? = nil
}
