extension String {
    /// The text right-aligned in `width` characters: a figure in a column, or a number
    /// with leading zeros (`with: "0"`). Text already as wide is left as it is.
    public func leftPadded(to width: Int, with pad: Character = " ") -> String {
        String(repeating: pad, count: max(0, width - count)) + self
    }
}
