extension String {
    /// The text of `bytes` if they are UTF-8, nil if not; ASCII without the standard
    /// library's validator, which is a generic it does not specialise and which looks
    /// its types up at run time on every call: the store's readers and the CSV importer
    /// make millions of these strings, nearly all of them ASCII. Inlinable, so that each
    /// caller gets a version for its own kind of bytes.
    @inlinable
    public init?<Bytes: Collection<UInt8>>(utf8Bytes bytes: Bytes) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            self.init(decoding: bytes, as: UTF8.self)
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            self = text
        }
    }
}
