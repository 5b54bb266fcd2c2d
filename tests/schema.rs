//! The JSON Schemas in `schema/` (for editors' YAML language servers) kept true to the
//! loader: every rulebook and configuration file shipped validates; the keys each schema
//! allows are the keys the loader allows; and on a table of small files the schema and
//! `factlint rules check` give the same verdict, accepted or rejected.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use jsonschema::Validator;
use serde_json::Value as Json;

const RULEBOOK_SCHEMA: &str = include_str!("../schema/rulebook.schema.json");
const CONFIG_SCHEMA: &str = include_str!("../schema/factlint.schema.json");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(text: &str) -> Json {
    let schema: Json = serde_json::from_str(text).expect("the schema is JSON");
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("the schema is not a valid draft 2020-12 schema: {e}");
    }
    schema
}

fn validator(schema: &Json) -> Validator {
    jsonschema::draft202012::new(schema).expect("the schema compiles")
}

/// YAML text as the JSON a YAML language server checks. Mirrors `src/yaml.rs`: empty
/// text is null, and mapping keys are text (`2015:` is the key "2015").
fn yaml_to_json(text: &str) -> Result<Json, String> {
    if text.trim().is_empty() {
        return Ok(Json::Null);
    }
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    Ok(convert(&value))
}

fn convert(value: &serde_yaml::Value) -> Json {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Json::Null,
        Y::Bool(b) => Json::Bool(*b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::from(i)
            } else if let Some(u) = n.as_u64() {
                Json::from(u)
            } else {
                let f = n.as_f64().expect("a YAML number is i64, u64 or f64");
                // `.inf` and `.nan` have no JSON form; factlint reads them as text.
                serde_json::Number::from_f64(f)
                    .map_or_else(|| Json::String(n.to_string()), Json::Number)
            }
        }
        Y::String(s) => Json::String(s.clone()),
        Y::Sequence(items) => Json::Array(items.iter().map(convert).collect()),
        Y::Mapping(map) => Json::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s.clone(),
                        Y::Number(n) => n.to_string(),
                        Y::Bool(b) => b.to_string(),
                        Y::Null => "null".to_string(),
                        _ => "?".to_string(),
                    };
                    (key, convert(v))
                })
                .collect(),
        ),
        Y::Tagged(tagged) => convert(&tagged.value),
    }
}

/// The schema's complaints about a YAML text, each with where it points.
fn complaints(validator: &Validator, text: &str) -> Vec<String> {
    match yaml_to_json(text) {
        Ok(instance) => validator
            .iter_errors(&instance)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect(),
        Err(e) => vec![format!("YAML syntax error: {e}")],
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Every YAML file below `dir`, as the loader reads a directory.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.expect("dir entry").path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
}

/// The `rules/` directory of every story in a folder of stories.
fn story_rules(stories: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(stories) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = entries.map(|e| e.expect("dir entry").path()).collect();
    dirs.sort();
    for dir in dirs {
        yaml_files(&dir.join("rules"), out);
    }
}

#[test]
fn every_shipped_rulebook_file_fits_the_schema() {
    let validator = validator(&schema(RULEBOOK_SCHEMA));
    let mut files = Vec::new();
    yaml_files(&root().join("rules"), &mut files);
    story_rules(&root().join("examples/rulebooks"), &mut files);
    files.push(root().join("src/starter/story.yaml"));
    let shipped = files.len();
    assert!(
        shipped >= 20,
        "found only {shipped} rulebook files: {files:#?}"
    );
    // Rulebooks new users wrote for real stories, where this checkout has them (beside it
    // in CI, as `shared/`); skipped where it does not.
    let mut seen = BTreeSet::new();
    for shared in [
        root().join("../shared/real-dev"),
        PathBuf::from("/work/shared/real-dev"),
    ] {
        if let Ok(dir) = shared.canonicalize()
            && seen.insert(dir.clone())
        {
            story_rules(&dir, &mut files);
        }
    }
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read rulebook file");
        for complaint in complaints(&validator, &text) {
            failures.push(format!("{}: {complaint}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rulebook files do not fit schema/rulebook.schema.json:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn the_starter_configuration_fits_the_schema() {
    let validator = validator(&schema(CONFIG_SCHEMA));
    let text = std::fs::read_to_string(root().join("src/starter/factlint.yaml")).expect("read");
    assert_eq!(complaints(&validator, &text), Vec::<String>::new());
    // The starter file leaves most settings commented out; the README's example has them
    // all.
    let readme = "rules: [rules/]\ninclude: [\"articles/**/*.md\"]\nexclude: [\"articles/drafts/**\"]\nseverity:\n  FL004: error\n  revised-figure: off\nfail_on: warning\npublished:\n  from: [front-matter, filename]\n  default: 2024-12-12\ntolerance: 0.1\n";
    assert_eq!(complaints(&validator, readme), Vec::<String>::new());
}

/// The string constants of `const NAME: &[&str] = &[...]` in a source file.
fn key_list(file: &str, name: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(file)).expect("read source");
    let pattern = format!(r#"(?s)const {name}: &\[&str\] = &\[(.*?)\];"#);
    let found = regex::Regex::new(&pattern)
        .expect("regex")
        .captures(&text)
        .unwrap_or_else(|| {
            panic!("`const {name}` is no longer in {file}: update this test to find the keys the loader allows")
        });
    regex::Regex::new(r#""([^"]*)""#)
        .expect("regex")
        .captures_iter(&found[1])
        .map(|c| c[1].to_string())
        .collect()
}

/// The keys a schema allows at a JSON pointer to a mapping's `properties`.
fn schema_keys(schema: &Json, pointer: &str) -> BTreeSet<String> {
    let properties = schema
        .pointer(pointer)
        .and_then(Json::as_object)
        .unwrap_or_else(|| panic!("no properties at {pointer}"));
    let mapping = schema
        .pointer(
            pointer
                .strip_suffix("/properties")
                .expect("a properties pointer"),
        )
        .expect("the mapping");
    assert_eq!(
        mapping.get("additionalProperties"),
        Some(&Json::Bool(false)),
        "{pointer}: the loader rejects unknown keys here, so must the schema"
    );
    properties.keys().cloned().collect()
}

#[test]
fn the_schemas_allow_the_keys_the_loader_allows() {
    let rulebook = schema(RULEBOOK_SCHEMA);
    let load = "src/rulebook/load.rs";
    let pairs = [
        ("TOP_KEYS", "/properties"),
        ("SOURCE_KEYS", "/$defs/source/properties"),
        ("ENTITY_KEYS", "/$defs/entity/properties"),
        ("EVENT_KEYS", "/$defs/event/properties"),
        ("MEASURE_KEYS", "/$defs/measure/properties"),
        ("REPORT_KEYS", "/$defs/revisedFigure/properties"),
        ("AGE_KEYS", "/$defs/ageFact/properties"),
        ("TITLE_KEYS", "/$defs/titleFact/properties"),
        ("DATE_KEYS", "/$defs/eventDate/properties"),
        ("CODE_KEYS", "/$defs/codeFact/properties"),
        ("DISPUTED_KEYS", "/$defs/sourcedDate/properties"),
    ];
    for (name, pointer) in pairs {
        assert_eq!(
            schema_keys(&rulebook, pointer),
            key_list(load, name),
            "{name} in {load} and {pointer} in schema/rulebook.schema.json differ"
        );
    }
    // A figure in `reported` takes every figure key but `as_of`.
    let mut reported = key_list(load, "REPORT_KEYS");
    reported.remove("as_of");
    assert_eq!(
        schema_keys(&rulebook, "/$defs/reportedFigure/properties"),
        reported
    );
    let mut lexicon: BTreeSet<String> = factlint::lexicon::EXTENSIBLE
        .iter()
        .map(|s| s.to_string())
        .collect();
    lexicon.insert("kinds".into());
    assert_eq!(schema_keys(&rulebook, "/$defs/lexicon/properties"), lexicon);
    let kinds: BTreeSet<String> = rulebook
        .pointer("/$defs/entity/properties/kind/enum")
        .and_then(Json::as_array)
        .expect("kind enum")
        .iter()
        .map(|k| k.as_str().expect("text").to_string())
        .collect();
    for kind in factlint::rulebook::EntityKind::NAMES {
        assert!(
            kinds.contains(kind),
            "entity kind `{kind}` is not in the schema"
        );
    }
    for (measure, _) in factlint::rulebook::BUILTIN_MEASURES {
        for facts in ["entityFacts", "eventFacts"] {
            let pointer = format!("/$defs/{facts}/properties/{measure}");
            assert!(rulebook.pointer(&pointer).is_some(), "no {pointer}");
        }
    }

    let config = schema(CONFIG_SCHEMA);
    assert_eq!(
        schema_keys(&config, "/properties"),
        key_list("src/config.rs", "KEYS")
    );
    let codes: BTreeSet<String> = factlint::findings::Code::ALL
        .iter()
        .flat_map(|c| [c.code().to_string(), c.name().to_string()])
        .collect();
    let listed: BTreeSet<String> = config
        .pointer("/properties/severity/properties")
        .and_then(Json::as_object)
        .expect("severity properties")
        .keys()
        .cloned()
        .collect();
    assert_eq!(listed, codes, "the finding codes in the config schema");
    let names = validator(
        config
            .pointer("/properties/severity/propertyNames")
            .expect("severity propertyNames"),
    );
    for code in &codes {
        for spelling in [code.clone(), code.to_lowercase(), code.to_uppercase()] {
            assert!(
                names.is_valid(&Json::String(spelling.clone())),
                "{spelling}"
            );
        }
    }
}

/// Every key of every mapping in a schema says what it is for.
fn undescribed(node: &Json, at: &str, out: &mut Vec<String>) {
    match node {
        Json::Object(map) => {
            if let Some(Json::Object(properties)) = map.get("properties") {
                for (key, value) in properties {
                    if value.is_object() && value.get("description").is_none() {
                        out.push(format!("{at}/properties/{key}"));
                    }
                }
            }
            for (key, value) in map {
                undescribed(value, &format!("{at}/{key}"), out);
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                undescribed(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_key_has_a_description() {
    for (name, text) in [
        ("rulebook.schema.json", RULEBOOK_SCHEMA),
        ("factlint.schema.json", CONFIG_SCHEMA),
    ] {
        let mut missing = Vec::new();
        undescribed(&schema(text), "", &mut missing);
        assert!(missing.is_empty(), "{name}: no description at {missing:#?}");
    }
}

/// `factlint rules check` on rulebook files, with a configuration file if given:
/// (exit code, what it printed).
fn rules_check(files: &[(String, &str)], config: Option<&str>) -> (i32, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).expect("mkdir");
    for (name, text) in files {
        std::fs::write(rules.join(name), text).expect("write rulebook file");
    }
    let mut command = Command::new(env!("CARGO_BIN_EXE_factlint"));
    command
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        // Outside a gate unless a test says so (see `in_a_gate`).
        .env_remove("CI")
        .env_remove("PRE_COMMIT")
        .env("COLUMNS", "200");
    command.args(["rules", "check", "--rules"]).arg(&rules);
    match config {
        Some(text) => {
            let path = dir.path().join("factlint.yaml");
            std::fs::write(&path, text).expect("write configuration");
            command.arg("--config").arg(path);
        }
        None => {
            command.arg("--no-config");
        }
    }
    let out = command.output().expect("factlint runs");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !printed.contains("panicked"),
        "factlint panicked:\n{printed}"
    );
    (out.status.code().unwrap_or(-1), printed)
}

/// Without the box drawing and line wrapping of the error renderer.
fn bare(text: &str) -> String {
    text.replace(['│', '·'], "")
        .split_whitespace()
        .collect::<String>()
}

/// Rulebook files the loader accepts, each showing a form the schema must allow.
const ACCEPTED: &[&str] = &[
    // Empty files, files of comments and empty sections.
    "",
    "# nothing yet\n",
    r#"
sources:
entities:
events:
lexicon:
"#,
    // Sources: a title alone (even empty), a mapping, an entry with nothing.
    r#"
sources:
  s-title: "Wire report"
  s-empty: ''
  s-none:
  s-full: {title: Police statement, url: https://example.org/a, publisher: {any: thing}, published: 2024-05, note: ~}
  2015: {title: A source whose id is a number, published: 2015}
"#,
    // Entities: text that YAML reads as a number, one alias as text, unchecked notes.
    r#"
entities:
  e-number: {name: 1917, kind: other}
  e-org:
    name: Org One
    kind: organization
    aliases: Org 1
    short: ~
    note: [a, {list: of things}]
  e-none:
"#,
    // A person's age both ways, a title both ways, an empty title.
    r#"
entities:
  p-one:
    name: Pat One
    kind: person
    died: 2024-12-11
    facts:
      age: {value: "58", as_of: 2024-12-11, sources: [s-ref], note: from the family}
      title: {value: minister, accept: cabinet minister}
  p-two:
    name: Pat Two
    kind: person
    born: 1966-03
    facts:
      title: ''
  p-three:
    name: Pat Three
    facts:
      age: {born: 1950}
      title: chief
      killed: 2
sources:
  s-ref: Ref
"#,
    // Events: dates as a day, a month, a year, a range; figures in every form. (`1e3` is
    // in block style: inside `{...}` factlint misreads a number YAML writes differently.)
    r#"
events:
  ev-day:
    date: {value: 2024-12-11, source: s-ev, note: local time}
    about: Ev Day
    place: ~
    note: {anything: 1}
    facts:
      killed: 3 to 6
      injured: {note: reported only as several}
  ev-month:
    date: 2023-03
    summary: 2023
    facts:
      killed:
        at_least: "three"
        at_most: 1e3
      injured: 0.5
  ev-range:
    date: {from: 2023, to: 2024-05-01}
    facts:
      killed:
        value: at least 84
        as_of: 2023-02-06T09:05
        reported: [5, {at_least: 2, source: s-ev}]
        revised_from:
          - {value: 3, as_of: "2023-02-06 9:5"}
          - about 2
        cues: [deaths]
        patterns: ~
      fighters:
        cues: fighters
        patterns: 'the {ordinal} wave of fighters'
      hostages: {value: 5, cues: [7]}
      age: {value: 4, cues: [years running]}
  ev-none:
  ev-year:
    date: 2015
    facts:
sources:
  s-ev: Ev source
"#,
    // Lexicon: one word as text, numbers, empty kinds.
    r#"
lexicon:
  group_nouns: helmsmen
  honorifics: [5, true]
  kinds:
    regatta:
    race: {words: ~, nouns: race, verbs: [capsized, gave way]}
"#,
];

#[test]
fn files_the_loader_accepts_fit_the_schema() {
    let validator = validator(&schema(RULEBOOK_SCHEMA));
    let files: Vec<(String, &str)> = ACCEPTED
        .iter()
        .enumerate()
        .map(|(i, text)| (format!("accepted-{i:02}.yaml"), *text))
        .collect();
    let (code, printed) = rules_check(&files, None);
    assert_eq!(
        code, 0,
        "the loader rejects a file it is meant to accept:\n{printed}"
    );
    for (name, text) in &files {
        let found = complaints(&validator, text);
        assert!(
            found.is_empty(),
            "{name} loads but the schema rejects it:\n{text}\n{found:#?}"
        );
    }
}

/// Rulebook files the loader rejects: (file, what the loader says, where the schema
/// complains).
const REJECTED: &[(&str, &str, &str)] = &[
    (
        "entities:\n  kh:\n    name: Khalil Haqqani\n    nmae: Khalil\n",
        "unknown key `nmae` in an entity",
        "/entities/kh",
    ),
    (
        "sources:\n  wire:\n    titel: Wire report\n",
        "unknown key `titel` in a source",
        "/sources/wire",
    ),
    (
        "events:\n  kabul:\n    date: 2024-12-11\n    summery: the bombing\n",
        "unknown key `summery` in an event",
        "/events/kabul",
    ),
    (
        "events:\n  kabul:\n    date: 2024-12-11\n    facts:\n      killed: {vaule: 3}\n",
        "unknown key `vaule` in a measured fact",
        "/events/kabul/facts/killed",
    ),
    (
        "events:\n  kabul:\n    date: 2024-12-11\n    facts:\n      kiled: 3\n",
        "unknown fact kind `kiled`",
        "/events/kabul/facts/kiled",
    ),
    (
        "events:\n  kabul:\n    date: 2024-12-11\n    facts:\n      killed: {value: 3, reported: [{value: 4, as_of: 2024-12-11}]}\n",
        "`as_of` dates a superseded figure",
        "/events/kabul/facts/killed/reported/0",
    ),
    (
        "events:\n  kabul:\n    date: {from: 2024-12-11, untill: 2024-12-12}\n",
        "unknown key `untill` in `date`",
        "/events/kabul/date",
    ),
    (
        "events:\n  kabul:\n    date: {from: 2024-12-11}\n",
        "a date needs either `value` or both `from` and `to`",
        "/events/kabul/date",
    ),
    (
        "events:\n  kabul:\n    facts:\n      date: 2024-12-11\n",
        "an event's date goes in its `date` key",
        "/events/kabul/facts/date",
    ),
    (
        "entities:\n  kh:\n    name: Khalil Haqqani\n    facts:\n      age: {value: 58}\n",
        "an age needs `value` with `as_of`, or `born`",
        "/entities/kh/facts/age",
    ),
    (
        "entities:\n  kh:\n    name: Khalil Haqqani\n    facts:\n      title: {value: minister, acept: [a]}\n",
        "unknown key `acept` in a `title` fact",
        "/entities/kh/facts/title",
    ),
    (
        "entities:\n  kh:\n    kind: person\n",
        "entity `kh` has no `name`",
        "/entities/kh",
    ),
    (
        "entities:\n  kh:\n    name: Khalil Haqqani\n    kind: minister\n",
        "unknown entity kind `minister`",
        "/entities/kh/kind",
    ),
    (
        "entites:\n  kh: {name: Khalil Haqqani}\n",
        "unknown key `entites` in the top level of a rulebook file",
        "",
    ),
    (
        "lexicon:\n  units: [knots]\n",
        "unknown key `units` in `lexicon`",
        "/lexicon",
    ),
    (
        "lexicon:\n  kinds:\n    regatta: {word: [regatta]}\n",
        "unknown key `word` in a kind",
        "/lexicon/kinds/regatta",
    ),
];

#[test]
fn files_the_loader_rejects_fail_the_schema() {
    let validator = validator(&schema(RULEBOOK_SCHEMA));
    for (text, message, pointer) in REJECTED {
        let found = complaints(&validator, text);
        assert!(
            !found.is_empty(),
            "the schema accepts a file the loader rejects ({message}):\n{text}"
        );
        assert!(
            found.iter().any(|c| c.starts_with(&format!("{pointer}: "))),
            "the schema rejects this file, but not at {pointer:?}:\n{text}\n{found:#?}"
        );
        let (code, printed) = rules_check(&[("story.yaml".into(), text)], None);
        assert_eq!(
            code, 2,
            "the loader does not reject this file:\n{text}\n{printed}"
        );
        assert!(
            bare(&printed).contains(&bare(message)),
            "the loader rejects this file, but not with {message:?}:\n{text}\n{printed}"
        );
    }
}

/// Configuration files the loader accepts, each showing a form the schema must allow.
const CONFIG_ACCEPTED: &[&str] = &[
    "",
    "rules: rules/\ninclude: ~\nexclude: [drafts/**, 2024]\n",
    "severity: {fl004: OFF, Revised-Figure: Warn, FL001: info, title: none}\nfail_on: INFO\n",
    "published: 2024-12-12\ntolerance: \"0.5\"\n",
    "published: {from: filename, default: 2024-12-12}\ntolerance: 0\n",
    "published: {from: ~}\n",
    // factlint ignores a `from` it cannot read as a list of words.
    "published: {from: {front-matter: yes}}\n",
];

/// Configuration files the loader rejects: (file, what the loader says).
const CONFIG_REJECTED: &[(&str, &str)] = &[
    ("rulez: [rules/]\n", "unknown setting `rulez`"),
    (
        "published: {form: [filename]}\n",
        "unknown key `form` in `published`",
    ),
    ("severity: {FL999: off}\n", "unknown finding code `FL999`"),
    ("severity: {FL004: loud}\n", "`loud` is not a severity"),
    ("fail_on: off\n", "`fail_on` must be error, warning or note"),
    (
        "published: {from: [Filename]}\n",
        "unknown publication-date source `Filename`",
    ),
    (
        "tolerance: 1\n",
        "`tolerance` must be a fraction between 0 and 1",
    ),
];

#[test]
fn the_configuration_schema_agrees_with_the_loader() {
    let validator = validator(&schema(CONFIG_SCHEMA));
    let rules = [("story.yaml".to_string(), "sources: {s: Wire}\n")];
    for text in CONFIG_ACCEPTED {
        let (code, printed) = rules_check(&rules, Some(text));
        assert_eq!(
            code, 0,
            "the loader rejects this configuration:\n{text}\n{printed}"
        );
        let found = complaints(&validator, text);
        assert!(
            found.is_empty(),
            "the schema rejects a configuration factlint accepts:\n{text}\n{found:#?}"
        );
    }
    for (text, message) in CONFIG_REJECTED {
        let found = complaints(&validator, text);
        assert!(
            !found.is_empty(),
            "the schema accepts a configuration the loader rejects ({message}):\n{text}"
        );
        let (code, printed) = rules_check(&rules, Some(text));
        assert_eq!(
            code, 2,
            "the loader does not reject this configuration:\n{text}\n{printed}"
        );
        assert!(
            bare(&printed).contains(&bare(message)),
            "the loader rejects this configuration, but not with {message:?}:\n{text}\n{printed}"
        );
    }
}
