//! Any text through the figure reader and the extractors: no panic, and every value a
//! well-formed interval.
#![no_main]

use factlint::extract::quantity;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(q) = quantity::parse_phrase(text) {
        assert!(q.value.max.is_none_or(|max| q.value.min <= max));
    }
    let _ = factlint::date::Day::parse_iso(text);
    let _ = factlint::config::Config::parse("f.yaml", text);
});
