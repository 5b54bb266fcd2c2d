//! Any bytes, read as Markdown, HTML or plain text (the first byte picks), then checked
//! against the shipped rulebook: no panic, and every span inside the file on character
//! boundaries. The rulebook is built once for the whole run.
#![no_main]

use std::sync::OnceLock;

use factlint::Engine;
use factlint::document::{Document, Format};
use factlint::findings::FileRef;
use factlint::rulebook::{self, RuleFile};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let files = rulebook::EMBEDDED
            .iter()
            .map(|(name, text)| RuleFile { name: (*name).into(), text: (*text).into() })
            .collect();
        Engine::new(rulebook::load_sources(files).expect("shipped rulebook"), 0.1)
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format, so each input is read once.
    let Some((&pick, data)) = data.split_first() else { return };
    let format = [Format::Markdown, Format::Html, Format::Text][usize::from(pick % 3)];
    {
        let Ok(doc) = Document::parse("f", data.to_vec(), format, factlint::date::Day::from_ymd(2024, 12, 12)) else {
            return;
        };
        if doc.remap.is_none() {
            assert_eq!(doc.prose.len(), doc.text.len());
        }
        let report = engine().check(std::slice::from_ref(&doc));
        for (mentions, _) in &report.read {
            for m in mentions {
                assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
                assert!(m.span.start < m.span.end && m.span.end <= doc.text.len());
            }
        }
        for f in &report.findings {
            if let FileRef::Document(_) = f.primary.file {
                assert!(f.primary.span.end <= doc.text.len());
            }
        }
        let kept = factlint::suppress::apply(std::slice::from_ref(&doc), report.findings);
        let _ = kept.len();
    }
});
