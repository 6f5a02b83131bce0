/// A mark the register asks to save: nil clears it; `previous` is what the screen showed
