//! Any text as a rulebook file: either a rulebook or located errors, never a panic, and
//! every error's span inside the file.
#![no_main]

use factlint::rulebook::{self, RuleFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let files = vec![RuleFile { name: "f.yaml".into(), text: text.into() }];
    match rulebook::load_sources(files) {
        Ok(book) => {
            let engine = factlint::Engine::new(book, 0.1);
            let doc = factlint::document::Document::parse(
                "a.md",
                b"Khalil Haqqani and two others were killed on Wednesday.".to_vec(),
                factlint::document::Format::Markdown,
                None,
            )
            .expect("fixed text parses");
            let _ = engine.check(std::slice::from_ref(&doc));
        }
        Err(errors) => {
            for e in errors.0 {
                assert!(e.span.start <= e.span.end && e.span.end <= text.len());
            }
        }
    }
});
