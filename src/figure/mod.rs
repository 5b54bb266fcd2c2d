//! Figures as words: numbers written in digits or words ([`number`]), the tokens they
//! are read from ([`tokens`]), and quantities with their qualifiers ("at least five",
//! "145 to 149": [`quantity`]). A leaf the rulebook's loader (for the values it is
//! given) and the extractor (for the figures articles state) both use.

pub mod number;
pub mod quantity;
pub mod tokens;
