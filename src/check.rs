//! From claims to findings.
//!
//! Each claim is compared with the rulebook's value for its fact; claims that fit the
//! rulebook are then compared with each other, within one article (self-contradiction)
//! and across articles (source conflict). Two values disagree exactly when their
//! intervals do not overlap. Vague words ("several", "dozens") never start a
//! disagreement between articles: they are too loose to contradict a figure.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::attribute::{self, Claim, Matcher};
use crate::date::{Day, DayRange, Weekday};
use crate::document::Document;
use crate::extract::{self, Lexicon, Mention, MentionKind, MentionValue};
use crate::findings::{Code, FileRef, Finding, Fix, Label, Severity};
use crate::interval::Interval;
use crate::names::{self, People, Spelling, TitleVerdict};
use crate::rulebook::{DecimalFit, Expected, Fact, Rulebook, Subject};

/// What reading one document gave: its mentions and the claims among them.
pub type Read = (Vec<Mention>, Vec<Claim>);

/// A rulebook compiled for checking: built once, used for every document.
pub struct Engine {
    pub book: Rulebook,
    pub lexicon: Lexicon,
    pub matcher: Matcher,
    pub people: People,
}

impl Engine {
    pub fn new(book: Rulebook, tolerance: f64) -> Engine {
        let lexicon = Lexicon::new(&book, tolerance);
        let matcher = Matcher::new(&book);
        let people = People::new(&book);
        Engine {
            book,
            lexicon,
            matcher,
            people,
        }
    }

    /// Mentions and claims of one document, with spans into its text.
    pub fn read(&self, doc: &Document) -> Read {
        let mut mentions = extract::extract(doc, &self.lexicon);
        let hits = self.matcher.hits(doc);
        mentions.extend(self.people.mentions(&self.book, doc, &hits));
        // Mentions stay grouped by sentence, figures first, as attribution expects.
        mentions.sort_by_key(|m| m.sentence);
        let claims = attribute::attribute(&self.book, &self.matcher, doc, &mentions, &hits);
        // Readers saw the prose in normal form; the rest of the pipeline sees the text.
        if let Some(map) = &doc.remap {
            for m in &mut mentions {
                m.map_spans(|s| map.span(s));
            }
        }
        (mentions, claims)
    }

    /// For each of a document's mentions (as [`Engine::read`] gave them, with their
    /// claims), why it was tied to its fact or left untied.
    pub fn why(&self, doc: &Document, mentions: &[Mention], claims: &[Claim]) -> Vec<String> {
        let hits = self.matcher.hits(doc);
        let Some(map) = &doc.remap else {
            return attribute::why(&self.book, &self.matcher, doc, mentions, &hits, claims);
        };
        let mut normal = mentions.to_vec();
        for m in &mut normal {
            m.map_spans(|s| map.normal_span(s));
        }
        attribute::why(&self.book, &self.matcher, doc, &normal, &hits, claims)
    }

    /// Like [`Engine::read`], keeping only the mentions checking looks at: those tied
    /// to a fact and dates written with a weekday. Memory then grows with the number
    /// of claims, not with the length of the text.
    pub fn read_for_check(&self, doc: &Document) -> Read {
        let (mentions, claims) = self.read(doc);
        let mut keep = vec![false; mentions.len()];
        for c in &claims {
            keep[c.mention] = true;
        }
        let mut new_index = vec![usize::MAX; mentions.len()];
        let mut kept = Vec::new();
        for (i, m) in mentions.into_iter().enumerate() {
            if keep[i] || (m.weekday.is_some() && !m.from_weekday) {
                new_index[i] = kept.len();
                kept.push(m);
            }
        }
        kept.shrink_to_fit();
        let claims = claims
            .into_iter()
            .map(|c| Claim {
                mention: new_index[c.mention],
                ..c
            })
            .collect();
        (kept, claims)
    }

    /// Checks documents together and returns their findings, sorted.
    pub fn check(&self, docs: &[Document]) -> Report {
        // Documents are read in parallel and gathered in order: the findings do not
        // depend on the number of threads.
        let read: Vec<Read> = docs.par_iter().map(|d| self.read(d)).collect();
        self.check_read(docs, read)
    }

    /// Checks documents already read (see [`Engine::read`]); `docs` may have been
    /// [shed](Document::shed) since.
    pub fn check_read(&self, docs: &[Document], read: Vec<Read>) -> Report {
        self.check_against(docs, read, &[])
    }

    /// As [`Engine::check_read`], where the documents marked in `context` were read only
    /// to compare the others with (an archive): a disagreement between articles is
    /// reported in an article checked, never in one of them alone. Their own findings
    /// are still returned; the caller leaves them out.
    pub fn check_against(&self, docs: &[Document], read: Vec<Read>, context: &[bool]) -> Report {
        let mut findings = Vec::new();
        // Claims that fit the rulebook, by fact: (document, mention).
        let mut fitting: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for (d, (mentions, claims)) in read.iter().enumerate() {
            weekday_beside_date(d, &mentions[..], &mut findings);
            let mut revised = Vec::new();
            let mut current = std::collections::BTreeSet::new();
            let mut names = Vec::new();
            for claim in claims {
                let mention = &mentions[claim.mention];
                let fact = &self.book.facts[claim.fact];
                if mention.kind == MentionKind::Name {
                    names.push((claim.fact, claim.mention));
                    continue;
                }
                // The rulebook dates its figures and this one was superseded before the
                // article was published: stale, however it was tied.
                let stale = docs[d].meta.published.is_some_and(|p| {
                    mention
                        .interval()
                        .is_some_and(|found| stale_on(fact, &found, p).is_some())
                });
                match self.against_rule(d, &docs[d], mention, fact, claim.on) {
                    // Tied by the topic alone, a superseded figure may be one that stood
                    // when the article was written: not enough to warn of.
                    // Tied by the topic alone, a superseded figure may be one that stood
                    // when the article was written: not enough to warn of. Nor, where the
                    // rulebook splits the figure into parts (by state, by county), is a
                    // stale one: it may be a part's the sentence does not name.
                    Some(finding)
                        if finding.code == Code::RevisedFigure
                            && claim.via == attribute::Via::Topic
                            && (!stale || self.has_parts(claim.fact)) => {}
                    // Stale when published, and not told as an earlier figure: stale
                    // even beside the current figure.
                    Some(finding) if finding.code == Code::RevisedFigure => {
                        revised.push((finding, stale && !mention.history))
                    }
                    // "Up from 38": an earlier figure the rulebook does not record
                    // contradicts nothing.
                    Some(finding) if mention.earlier && finding.code == Code::Conflict => {}
                    Some(finding) => findings
                        .push(self.as_reported(finding, d, &docs[d], mention, fact, claim.on)),
                    None if mention.interval().is_none() || mention.earlier => {}
                    // A claim tied only by the article's topic confirms; it is not
                    // evidence enough to hold against another article.
                    None if claim.via == attribute::Via::Topic => {
                        current.insert(fact.id.clone());
                    }
                    // A figure that stood when the article was written, since revised:
                    // right then, and no measure of other articles.
                    None if mention.interval().is_some_and(|found| {
                        fact.is_dated()
                            && !fact.expected.interval().is_some_and(|v| v.overlaps(&found))
                    }) => {}
                    None => {
                        current.insert(fact.id.clone());
                        fitting
                            .entry(claim.fact)
                            .or_default()
                            .push((d, claim.mention));
                    }
                }
            }
            self.spellings(d, mentions, &names, &mut findings);
            // An article that also gives the current figure tells the old one as history
            // ("earlier reports of 100 deaths were revised to 84").
            findings.extend(
                revised
                    .into_iter()
                    .filter(|(f, stale)| {
                        *stale || !f.fact.as_ref().is_some_and(|id| current.contains(id))
                    })
                    .map(|(f, _)| f),
            );
        }
        for (&fact, claims) in &fitting {
            let claims = without_reported_disputes(claims, &read);
            self.between_claims(fact, &claims, docs, &read, context, &mut findings);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup();
        Report { findings, read }
    }

    /// Whether the rulebook splits a fact into parts.
    fn has_parts(&self, fact: usize) -> bool {
        self.book.facts.iter().any(|f| f.part_of == Some(fact))
    }

    fn rule_label(&self, fact: &Fact) -> Label {
        Label {
            file: FileRef::Rule(fact.loc.file),
            span: fact.loc.span.clone(),
            message: "the rulebook's entry".into(),
        }
    }

    fn finding(&self, code: Code, fact: &Fact, primary: Label, message: String) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            message,
            fact: Some(fact.id.clone()),
            expected: None,
            found: None,
            primary,
            related: Vec::new(),
            rule: Some(self.rule_label(fact)),
            sources: self.book.source_titles(&fact.sources),
            notes: Vec::new(),
            fixes: Vec::new(),
        }
    }

    /// The subject as the messages name it after "the": a summary's own "the" dropped.
    fn subject_phrase(&self, fact: &Fact) -> String {
        let label = self.book.subject_label(fact.subject);
        match label
            .strip_prefix("the ")
            .or_else(|| label.strip_prefix("The "))
        {
            Some(rest) => rest.to_string(),
            None => label,
        }
    }

    /// FL005 for a figure the rulebook records as superseded (`old`), with the values
    /// compared and the earlier figure's note.
    fn superseded(
        &self,
        fact: &Fact,
        old: &crate::rulebook::Report,
        (expected, found): (String, String),
        label: Label,
        message: String,
    ) -> Finding {
        let mut f = self
            .finding(Code::RevisedFigure, fact, label, message)
            .with_values(expected, found);
        if let Some(note) = &old.note {
            f.notes.push(format!("earlier figure: {note}"));
        }
        f
    }

    /// Compares one claim with the rulebook; `None` when it fits (or cannot be checked).
    fn against_rule(
        &self,
        d: usize,
        doc: &Document,
        mention: &Mention,
        fact: &Fact,
        event_date: Option<DayRange>,
    ) -> Option<Finding> {
        let here = |message: String| Label {
            file: FileRef::Document(d),
            span: mention.span.clone(),
            message,
        };
        match (&fact.expected, &mention.value) {
            (Expected::Unknown, MentionValue::Number(found)) => {
                if mention.vague {
                    return None;
                }
                let what = measure_words(&fact.measure);
                let mut f = self.finding(
                    Code::Unsupported,
                    fact,
                    here(format!(
                        "{what}: {found}, with nothing in the rulebook to back it"
                    )),
                    format!(
                        "the rulebook holds no figure for the number {what} in the {}",
                        self.subject_phrase(fact)
                    ),
                );
                f.found = Some(found.describe());
                f.notes
                    .extend(fact.note.iter().map(|n| format!("rulebook note: {n}")));
                f.notes.push(format!(
                    "add `{}: {{value: ..., source: ...}}` under `{}` in the rulebook once the figure is verified",
                    fact.measure,
                    self.book.subject_id(fact.subject)
                ));
                Some(f)
            }
            (Expected::Count(expected), MentionValue::Number(found))
            | (
                Expected::Amount {
                    value: expected, ..
                },
                MentionValue::Amount { value: found, .. },
            ) => {
                // "Magnitude 6.4" of a 6.8 to 7.2 quake: figures with decimals are
                // compared as written, to the article's precision.
                // One the rulebook records as superseded is told as such below.
                let decimal = mention.figure.filter(|_| !mention.vague);
                let mut decimal_old = None;
                if let Some(x) = decimal
                    && let Some(fit) = fact.decimal_fit(x)
                {
                    match fit {
                        DecimalFit::Agrees => return None,
                        DecimalFit::Superseded(old) => decimal_old = Some(old),
                        DecimalFit::Differs => {}
                    }
                }
                if let Some(x) = decimal
                    && decimal_old.is_none()
                    && fact.decimal.is_some()
                {
                    let what = measure_words(&fact.measure);
                    let mut f = self.finding(
                        Code::Conflict,
                        fact,
                        here(format!("{what}: {x}")),
                        format!(
                            "the {what} in the {} is {} in the rulebook, but the article says {x}",
                            self.subject_phrase(fact),
                            fact.describe()
                        ),
                    )
                    .with_values(fact.describe(), x.to_string());
                    self.add_reports(fact, &mut f);
                    return Some(f);
                }
                if found.overlaps(expected) {
                    return None;
                }
                // "Several", "dozens", "hundreds": an impression, never an error; one that
                // misses by ten times or more ("hundreds of homes" of 16,000) is worth a
                // warning.
                let far = |a: &Interval, b: &Interval| {
                    b.max.is_some_and(|max| a.min > max.saturating_mul(10))
                };
                if mention.vague && !(far(expected, found) || far(found, expected)) {
                    return None;
                }
                let what = measure_words(&fact.measure);
                // Figures dated `as_of`: the one that stood when the article was published
                // is right then; one superseded by then is stale.
                let published = doc.meta.published;
                if let Some(p) = published
                    && let Some(standing) = standing_on(fact, p)
                {
                    if standing.iter().any(|v| v.overlaps(found)) {
                        return None;
                    }
                    if let Some((old, (next, to))) = stale_on(fact, found, p) {
                        return Some(self.superseded(
                            fact,
                            old,
                            (expected.describe(), found.describe()),
                            here(format!("{what}: {found}, a figure revised by {}", next.day.long())),
                            format!(
                                "superseded figure for the number {what} in the {}: {} was revised to {to} on {next}, before the article was published; the rulebook's figure is {}",
                                self.subject_phrase(fact),
                                old.value,
                                expected
                            ),
                        ));
                    }
                    // A figure the rulebook dates after the article: not yet known then.
                    if fact
                        .revised_from
                        .iter()
                        .any(|r| r.value.overlaps(found) && r.as_of.is_some_and(|a| a.day > p))
                    {
                        return None;
                    }
                }
                if let Some(old) =
                    decimal_old.or_else(|| fact.revised_from.iter().find(|r| r.value.overlaps(found)))
                {
                    // Figures with decimals are told as written.
                    let written = decimal_old
                        .and(decimal)
                        .map_or_else(|| found.describe(), |x| x.to_string());
                    let now = fact.describe();
                    let mut f = self.superseded(
                        fact,
                        old,
                        (now.clone(), written.clone()),
                        here(format!("{what}: {written}, a figure since revised to {now}")),
                        format!(
                            "superseded figure for the number {what} in the {}: {} was revised to {now}",
                            self.subject_phrase(fact),
                            old.describe(),
                        ),
                    );
                    let by = self.book.source_titles(&old.sources);
                    if !by.is_empty() {
                        f.notes
                            .push(format!("the earlier figure came from: {}", by.join("; ")));
                    }
                    return Some(f);
                }
                // Every source of the rulebook's figure came out after the article: the
                // figure was not known when it was written, so it may have been right
                // then (a toll that rose).
                let established = fact.as_of.map(|a| a.day).or_else(|| {
                    fact.sources
                        .iter()
                        .map(|&s| self.book.sources[s].published)
                        .collect::<Option<Vec<Day>>>()
                        .and_then(|days| days.into_iter().min())
                        .filter(|_| !fact.sources.is_empty())
                });
                if let (Some(published), Some(established)) = (doc.meta.published, established)
                    && published < established
                {
                    let f = self.finding(
                        Code::RevisedFigure,
                        fact,
                        here(format!("{what}: {found}, before the rulebook's figure was known")),
                        format!(
                            "the number {what} in the {} is {} in the rulebook, from sources published from {}; the article, published {}, says {}",
                            self.subject_phrase(fact),
                            expected,
                            established.long(),
                            published.long(),
                            found
                        ),
                    )
                    .with_values(expected.describe(), found.describe());
                    return Some(f);
                }
                // A rulebook figure with decimals is told as written.
                let (expected, found) = (
                    match fact.decimal {
                        Some(_) => fact.describe(),
                        None => expected.describe(),
                    },
                    found.describe(),
                );
                let mut f = self.finding(
                    Code::Conflict,
                    fact,
                    here(format!("{what}: {found}")),
                    format!(
                        "the number {what} in the {} is {} in the rulebook, but the article says {}",
                        self.subject_phrase(fact),
                        expected,
                        found
                    ),
                )
                .with_values(expected, found);
                self.add_reports(fact, &mut f);
                if mention.vague {
                    f.severity = Severity::Warning;
                    f.notes.push("a vague figure, ten times or more off the rulebook's".into());
                }
                Some(f)
            }
            (Expected::Date(expected), MentionValue::Date(found)) => {
                if found.overlaps(expected) {
                    return None;
                }
                let event = self.subject_phrase(fact);
                if mention.from_weekday {
                    let (weekday, _) = mention.weekday.clone()?;
                    let published = doc.meta.published?;
                    let f = self.finding(
                        Code::WeekdayMismatch,
                        fact,
                        here(format!("{} counted back from publication is {}", weekday.name(), found.from.long())),
                        format!(
                            "\"{}\" in an article published on {} means {}, but the {event} was on {}",
                            weekday.name(),
                            published.long(),
                            found.from.long(),
                            expected.describe()
                        ),
                    )
                    .with_values(expected.to_string(), found.to_string());
                    return Some(f);
                }
                // "February 20" with no year, of a day a year before the one publication
                // gives it: the year left out, not another day.
                let earlier = DayRange {
                    from: found.from.add_years(-1),
                    to: found.to.add_years(-1),
                };
                if mention.year_left_out
                    && earlier.overlaps(expected)
                    && let Some(published) = doc.meta.published
                {
                    let f = self.finding(
                        Code::YearLeftOut,
                        fact,
                        here(format!("no year: read as {}", found.describe())),
                        format!(
                            "a date written with no year, in an article published on {}, reads as {}, but the {event} was on {}",
                            published.long(),
                            found.describe(),
                            expected.describe()
                        ),
                    )
                    .with_values(expected.to_string(), found.to_string());
                    return Some(f);
                }
                let f = self.finding(
                    Code::Conflict,
                    fact,
                    here(format!("date: {}", found.describe())),
                    format!(
                        "the {event} was on {} according to the rulebook, but the article says {}",
                        expected.describe(),
                        found.describe()
                    ),
                )
                .with_values(expected.to_string(), found.to_string());
                Some(f)
            }
            (Expected::Date(expected), MentionValue::Weekday(weekday)) => self.weekday_name(
                fact,
                mention,
                d,
                *expected,
                *weekday,
                "the article has no publication date, so the weekday was checked against the event's date",
            ),
            (Expected::Birth(birth), MentionValue::Number(found)) => {
                let Subject::Entity(e) = fact.subject else {
                    return None;
                };
                let died = self.book.entities[e].died;
                let on = match (doc.meta.published, died) {
                    (Some(p), Some(d)) => p.min(d),
                    (Some(p), None) => p,
                    (None, Some(d)) => d,
                    (None, None) => return None,
                };
                let expected = age_on(*birth, on)?;
                // An age that fits only if a birthday fell in a sliver of the possible
                // birth days (one day after "32 as of 24 March", saying 33): as good as
                // wrong. A wider chance (a birth month known, a week in) is let pass.
                let sliver = (found.max == Some(found.min)
                    && expected.min != expected.max.unwrap_or(expected.min))
                .then(|| {
                    let span = birth.from.days_until(birth.to) + 1;
                    let days: Vec<Day> = (0..span)
                        .map(|k| birth.from.add_days(k))
                        .filter(|&b| on.years_since(b) == found.min as i32)
                        .collect();
                    let (first, last) = (*days.first()?, *days.last()?);
                    (days.len() as i32 * 50 <= span).then_some((first, last, days.len(), span))
                })
                .flatten();
                if found.overlaps(&expected) && sliver.is_none() {
                    return None;
                }
                // What the rulebook makes of the age, the sliver set aside.
                let expected = match sliver {
                    Some(_) if expected.min == found.min => {
                        Interval::between(
                            found.min.saturating_add(1),
                            expected.max.unwrap_or(found.min.saturating_add(1)),
                        )
                            .unwrap_or(expected)
                    }
                    Some(_) => Interval::between(expected.min, found.min.saturating_sub(1))
                        .unwrap_or(expected),
                    None => expected,
                };
                // An age told with an event ("X, 58, was killed in 2024") may be the age
                // at that event rather than at publication.
                if let Some(then) = event_date.filter(|d| d.from < on)
                    && let (Some(a), Some(b)) = (age_on(*birth, then.from), age_on(*birth, then.to))
                    && Interval::between(a.min, b.max.unwrap_or(b.min))
                        .is_some_and(|then| found.overlaps(&then))
                {
                    return None;
                }
                let person = &self.book.entities[e].name;
                let when = if died == Some(on) {
                    "at death"
                } else {
                    "on the publication date"
                };
                let mut f = self.finding(
                    Code::Conflict,
                    fact,
                    here(format!("age: {found}")),
                    format!(
                        "{person} was {expected} {when} ({}), but the article says {found}",
                        on.long()
                    ),
                )
                .with_values(expected.describe(), found.describe());
                if let Some((first, last, days, span)) = sliver {
                    let when = if first == last {
                        format!("born on {}", first.long())
                    } else {
                        format!("born between {} and {}", first.long(), last.long())
                    };
                    f.notes.push(format!(
                        "{found} only if {when}: {days} of the {span} possible birth days"
                    ));
                }
                Some(f)
            }
            (Expected::Title { value, .. }, MentionValue::Title(_)) => {
                let Subject::Entity(e) = fact.subject else {
                    return None;
                };
                self.title(fact, e, value, mention, (doc.meta.published, event_date), here)
            }
            (Expected::Code { value, accept }, MentionValue::Code(found)) => {
                if crate::rulebook::code_fits(found, value, accept) {
                    return None;
                }
                let what = measure_words(&fact.measure);
                let mut f = self.finding(
                    Code::Conflict,
                    fact,
                    here(format!("{what}: {found}")),
                    format!(
                        "the {what} of the {} is {} in the rulebook, but the article says {found}",
                        self.subject_phrase(fact),
                        fact.expected.describe()
                    ),
                )
                .with_values(value.clone(), found.clone());
                f.notes
                    .extend(fact.note.iter().map(|n| format!("rulebook note: {n}")));
                Some(f)
            }
            _ => None,
        }
    }

    /// A title written beside a person, against the titles of the rulebook.
    fn title(
        &self,
        fact: &Fact,
        person: usize,
        value: &str,
        mention: &Mention,
        (published, told): (Option<Day>, Option<DayRange>),
        here: impl Fn(String) -> Label,
    ) -> Option<Finding> {
        let MentionValue::Title(found) = &mention.value else {
            return None;
        };
        let found = found.as_str();
        let name = &self.book.entities[person].name;
        match self.people.title_verdict(person, found, published) {
            TitleVerdict::Fits | TitleVerdict::Unknown => None,
            // "President Carter signed the accords in 1978": a date of the term in the
            // sentence tells of the time the post was held.
            TitleVerdict::NotHeld { from, to, .. }
                if told.is_some_and(|r| {
                    from.is_none_or(|f| f <= r.to) && to.is_none_or(|t| r.from <= t)
                }) =>
            {
                None
            }
            TitleVerdict::NotHeld { post, from, to } => {
                let when = match (from, to) {
                    (_, Some(t)) if published.is_some_and(|p| p > t) => {
                        format!("held until {}", t.long())
                    }
                    (Some(f), _) => format!("held from {}", f.long()),
                    _ => "not held then".to_string(),
                };
                let mut f = self.finding(
                    Code::Title,
                    fact,
                    here(format!("a post {when}")),
                    format!(
                        "\"{found}\" is {name}'s post {when} in the rulebook, but the article gives it as held when it was published"
                    ),
                );
                f.notes.push(format!(
                    "write \"former {post}\", or give the time it was held"
                ));
                // "Former" put before the title is the fix ("Former" where it opens
                // its sentence).
                let word = if mention.opens_sentence {
                    "Former "
                } else {
                    "former "
                };
                let at = mention.span.start;
                f.fixes = vec![Fix {
                    span: at..at,
                    written: String::new(),
                    replacement: word.to_string(),
                }];
                f.expected = Some(format!("former {post}"));
                f.found = Some(found.to_string());
                Some(f)
            }
            TitleVerdict::StillHeld { post } => {
                let mut f = self.finding(
                    Code::Conflict,
                    fact,
                    here(format!("{name} still holds this post")),
                    format!(
                        "\"{found}\": by the rulebook, {name} held the post of {post} on the day the article was published, so it is not a former post"
                    ),
                );
                f.expected = Some(post);
                f.found = Some(found.to_string());
                Some(f)
            }
            TitleVerdict::HeldBy(holders) => {
                let who: Vec<&str> = holders
                    .iter()
                    .map(|&h| self.book.entities[h].name.as_str())
                    .collect();
                let who = who.join(" and ");
                let mut f = self.finding(
                    Code::Conflict,
                    fact,
                    here(format!("{who}'s title, not {name}'s")),
                    format!("\"{found}\" is {who}'s title in the rulebook; {name} is {value}"),
                );
                for &h in &holders {
                    if let Some(t) = self.book.fact(Subject::Entity(h), "title") {
                        let held = &self.book.facts[t];
                        f.related.push(Label {
                            file: FileRef::Rule(held.loc.file),
                            span: held.loc.span.clone(),
                            message: format!("{}'s title", self.book.entities[h].name),
                        });
                    }
                }
                f.expected = Some(value.to_string());
                f.found = Some(found.to_string());
                Some(f)
            }
            TitleVerdict::Misprint { closest, words } => {
                let mut f = self.finding(
                    Code::Title,
                    fact,
                    here(format!("did you mean \"{closest}\"?")),
                    format!(
                        "\"{found}\" is not a title the rulebook accepts for {name}; the closest accepted form is \"{closest}\""
                    ),
                );
                for (written, accepted) in &words {
                    f.notes.push(format!(
                        "\"{written}\" where the accepted form has \"{accepted}\""
                    ));
                }
                // The words that differ, each replaced where the title has it; else the
                // whole title, when it has as many words as the accepted form.
                let span = f.primary.span.clone();
                f.fixes = word_fixes(span.clone(), found, &words).unwrap_or_else(|| {
                    let count = |t: &str| t.split_whitespace().count();
                    Fix::respelling(span, found, &closest)
                        .filter(|_| count(found) == count(&closest))
                        .into_iter()
                        .collect()
                });
                f.expected = Some(closest);
                f.found = Some(found.to_string());
                Some(f)
            }
        }
    }

    /// The names of people in one article against their house spellings: for each
    /// person, one finding for an alias or for several spellings (FL007), and one for
    /// each spelling the rulebook does not know (FL009). `names` are (fact, mention).
    fn spellings(
        &self,
        d: usize,
        mentions: &[Mention],
        names: &[(usize, usize)],
        findings: &mut Vec<Finding>,
    ) {
        let mut by_fact: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &(fact, m) in names {
            by_fact.entry(fact).or_default().push(m);
        }
        let at = |m: usize, message: String| Label {
            file: FileRef::Document(d),
            span: mentions[m].span.clone(),
            message,
        };
        for (fact, mut list) in by_fact {
            let fact = &self.book.facts[fact];
            let Expected::Name { house, aliases } = &fact.expected else {
                continue;
            };
            list.sort_by_key(|&m| mentions[m].span.start);
            // Distinct spellings in order of first use: (folded, first mention, class).
            let mut known: Vec<(String, usize, Spelling)> = Vec::new();
            let mut unknown: Vec<(String, Vec<usize>)> = Vec::new();
            // Every use of each alias, for the fixes.
            let mut alias_uses: Vec<usize> = Vec::new();
            for m in list {
                let MentionValue::Name(written) = &mentions[m].value else {
                    continue;
                };
                let key = names::fold(written);
                let class = names::spelling(house, aliases, written);
                if class == Spelling::Alias {
                    alias_uses.push(m);
                }
                match class {
                    Spelling::Unknown => match unknown.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, uses)) => uses.push(m),
                        None => unknown.push((key, vec![m])),
                    },
                    class => {
                        if !known.iter().any(|(k, _, _)| *k == key) {
                            known.push((key, m, class));
                        }
                    }
                }
            }
            let written = |m: usize| match &mentions[m].value {
                MentionValue::Name(w) => w.clone(),
                _ => String::new(),
            };
            let house_fixes = |uses: &[usize]| -> Vec<Fix> {
                uses.iter()
                    .filter_map(|&m| Fix::respelling(mentions[m].span.clone(), &written(m), house))
                    .collect()
            };
            for (_, uses) in &unknown {
                let first = uses[0];
                let mut f = self.finding(
                    Code::UnknownSpelling,
                    fact,
                    at(first, format!("did you mean \"{house}\"?")),
                    format!(
                        "\"{}\" is not a spelling of {house} that the rulebook knows; the house spelling is \"{house}\"",
                        written(first)
                    ),
                );
                for &other in &uses[1..] {
                    f.related.push(at(other, "the same spelling".into()));
                }
                f.expected = Some(house.clone());
                f.found = Some(written(first));
                f.fixes = house_fixes(uses);
                f.notes.push(format!(
                    "if the desk accepts this spelling, add it to `aliases` under `{}`",
                    self.book.subject_id(fact.subject)
                ));
                findings.push(f);
            }
            let Some(&(_, primary, _)) = known.iter().find(|(_, _, c)| *c != Spelling::House)
            else {
                continue;
            };
            if known.len() >= 2 {
                let all: Vec<String> = known.iter().map(|(_, m, _)| written(*m)).collect();
                let mut f = self.finding(
                    Code::Spelling,
                    fact,
                    at(
                        primary,
                        format!("one of {} spellings of {house}", known.len()),
                    ),
                    format!(
                        "the article spells {house} {} ways: {}; the house spelling is \"{house}\"",
                        known.len(),
                        all.iter()
                            .map(|w| format!("\"{w}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                for (_, m, class) in &known {
                    if *m != primary {
                        let what = if *class == Spelling::House {
                            "the house spelling".to_string()
                        } else {
                            "another spelling".to_string()
                        };
                        f.related.push(at(*m, what));
                    }
                }
                f.expected = Some(house.clone());
                f.found = Some(all.join("; "));
                f.fixes = house_fixes(&alias_uses);
                findings.push(f);
            } else {
                let mut f = self
                    .finding(
                        Code::Spelling,
                        fact,
                        at(primary, format!("the house spelling is \"{house}\"")),
                        format!(
                            "\"{}\" is an alias; the house spelling of the name is \"{house}\"",
                            written(primary)
                        ),
                    )
                    .with_values(house.clone(), written(primary));
                f.fixes = house_fixes(&alias_uses);
                findings.push(f);
            }
        }
    }

    /// A weekday read on its own, checked against the weekday of the event's date.
    fn weekday_name(
        &self,
        fact: &Fact,
        mention: &Mention,
        d: usize,
        expected: DayRange,
        weekday: Weekday,
        why: &str,
    ) -> Option<Finding> {
        if !expected.is_day() || expected.from.weekday() == weekday {
            return None;
        }
        let at = mention
            .weekday
            .as_ref()
            .map_or(mention.span.clone(), |(_, at)| at.clone());
        let mut f = self
            .finding(
                Code::WeekdayMismatch,
                fact,
                Label {
                    file: FileRef::Document(d),
                    span: at,
                    message: format!("{} does not fit {}", weekday.name(), expected.from.long()),
                },
                format!(
                    "the {} was on {}, not a {}",
                    self.subject_phrase(fact),
                    expected.from.long(),
                    weekday.name()
                ),
            )
            .with_values(
                expected.from.weekday().name().to_string(),
                weekday.name().to_string(),
            );
        f.notes.push(why.to_string());
        Some(f)
    }

    /// A conflict with the accepted value where the article gives what one of the
    /// rulebook's `reported` values says: a warning naming who reported it, since the
    /// article follows a source the desk has on record.
    fn as_reported(
        &self,
        mut finding: Finding,
        d: usize,
        doc: &Document,
        mention: &Mention,
        fact: &Fact,
        on: Option<DayRange>,
    ) -> Finding {
        if finding.code != Code::Conflict || finding.severity != Severity::Error {
            return finding;
        }
        let alone = |expected: Expected| Fact {
            expected,
            reported: Vec::new(),
            revised_from: Vec::new(),
            disputed: Vec::new(),
            as_of: None,
            decimal: None,
            ..fact.clone()
        };
        let by_measure = fact.reported.iter().find_map(|r| {
            let expected = match &fact.expected {
                Expected::Amount { currency, .. } => Expected::Amount {
                    value: r.value,
                    currency: currency.clone(),
                },
                _ => Expected::Count(r.value),
            };
            let mut one = alone(expected);
            one.decimal = r.decimal;
            self.against_rule(d, doc, mention, &one, on)
                .is_none()
                .then(|| (r.value.describe(), r.sources.clone()))
        });
        let by_value = || {
            fact.disputed.iter().find_map(|r| {
                self.against_rule(d, doc, mention, &alone(r.expected.clone()), on)
                    .is_none()
                    .then(|| (r.written.clone(), r.sources.clone()))
            })
        };
        if let Some((value, sources)) = by_measure.or_else(by_value) {
            finding.severity = Severity::Warning;
            let by = self.book.source_titles(&sources);
            let by = if by.is_empty() {
                "a source the rulebook records".to_string()
            } else {
                by.join("; ")
            };
            finding.notes.insert(
                0,
                format!(
                    "the article gives what {by} reported ({value}); the rulebook accepts {}",
                    finding.expected.clone().unwrap_or_else(|| fact.describe())
                ),
            );
        } else {
            for r in &fact.disputed {
                let by = self.book.cited(&r.sources);
                finding.notes.push(format!("reported: {}{by}", r.written));
            }
        }
        finding
    }

    fn add_reports(&self, fact: &Fact, f: &mut Finding) {
        for report in &fact.reported {
            let by = self.book.cited(&report.sources);
            f.notes.push(format!("reported: {}{by}", report.value));
        }
        if let Some(note) = &fact.note {
            f.notes.push(format!("rulebook note: {note}"));
        }
    }

    /// Self-contradictions within one article and conflicts between articles, among
    /// claims that each fit the rulebook.
    fn between_claims(
        &self,
        fact: usize,
        claims: &[(usize, usize)],
        docs: &[Document],
        read: &[Read],
        context: &[bool],
        findings: &mut Vec<Finding>,
    ) {
        let fact_ref = &self.book.facts[fact];
        let checked = |d: usize| !context.get(d).copied().unwrap_or(false);
        let has_checked = |c: &[(usize, usize)]| c.iter().any(|&(d, _)| checked(d));
        let value = |(d, m): (usize, usize)| -> Option<Interval> {
            let mention = &read[d].0[m];
            // Ages depend on when they were written ("Ana Vell, 45," in 2015 and ", 50,"
            // in 2020 agree): they are checked against the rulebook only.
            // A rank inside a title ("the 39th president") is checked with the title.
            if mention.vague
                || mention.kind == crate::extract::MentionKind::Age
                || matches!(fact_ref.expected, Expected::Title { .. })
            {
                return None;
            }
            match &mention.value {
                MentionValue::Number(v) | MentionValue::Amount { value: v, .. } => Some(*v),
                _ => None,
            }
        };
        let label = |(d, m): (usize, usize), message: String| Label {
            file: FileRef::Document(d),
            span: read[d].0[m].span.clone(),
            message,
        };
        let what = measure_words(&fact_ref.measure);
        // Within one article: the first pair of disagreeing figures.
        let mut by_doc: BTreeMap<usize, Vec<(usize, Interval)>> = BTreeMap::new();
        for &(d, m) in claims {
            if let Some(v) = value((d, m)) {
                by_doc.entry(d).or_default().push((m, v));
            }
        }
        for (&d, list) in &by_doc {
            let pair = first_disagreement(list);
            if let Some((m1, v1, m2, v2)) = pair {
                let mut f = self.finding(
                    Code::SelfContradiction,
                    fact_ref,
                    label((d, m2), format!("{what}: {v2}")),
                    format!(
                        "the article gives two figures for the number {what} in the {}: {v1} and {v2}",
                        self.subject_phrase(fact_ref)
                    ),
                );
                f.related.push(label((d, m1), format!("earlier: {v1}")));
                f.expected = Some(v1.describe());
                f.found = Some(v2.describe());
                findings.push(f);
            }
        }
        // Across articles: one finding for each pair of disagreeing values.
        // Within each value, the earliest-published article comes first: it is the one
        // the others are measured against.
        let mut by_value: BTreeMap<Interval, Vec<(usize, usize)>> = BTreeMap::new();
        for &(d, m) in claims {
            if let Some(v) = value((d, m)) {
                by_value.entry(v).or_default().push((d, m));
            }
        }
        for list in by_value.values_mut() {
            list.sort_by_key(|&(d, m)| {
                (
                    docs[d].meta.published.is_none(),
                    docs[d].meta.published,
                    d,
                    m,
                )
            });
        }
        let values: Vec<(&Interval, &Vec<(usize, usize)>)> = by_value.iter().collect();
        // One finding per fact, for its most distant pair of values (or, where that
        // pair is a recorded dispute, a pair that is not): never one per pair, which
        // grows with the square of the values.
        let reported = |v: &Interval| fact_ref.reported.iter().position(|r| r.value.overlaps(v));
        let recorded = |a: &Interval, b: &Interval| matches!((reported(a), reported(b)), (Some(x), Some(y)) if x != y);
        let Some((ia, ib)) = most_distant(values.iter().map(|(v, _)| **v), recorded, reported)
        else {
            return;
        };
        let mut all_values: Vec<String> = Vec::new();
        if values.len() > 2 {
            let shown = 8;
            let mut listed: Vec<String> = values
                .iter()
                .take(shown)
                .map(|(v, c)| {
                    let mut ds: Vec<usize> = c.iter().map(|(d, _)| *d).collect();
                    ds.dedup();
                    format!("{v} ({})", ds.len())
                })
                .collect();
            if values.len() > shown {
                listed.push(format!("and {} more", values.len() - shown));
            }
            all_values.push(format!(
                "the articles give {} values in all (with how many articles give each): {}",
                values.len(),
                listed.join(", ")
            ));
        }
        // Both values of the pair may come from one article (which contradicts itself,
        // reported above): then the pair of another value with either end, across two.
        let across = |(a, b): (usize, usize)| {
            let (ca, cb) = (values[a].1, values[b].1);
            (a != b
                && !values[a].0.overlaps(values[b].0)
                && ca
                    .first()
                    .is_some_and(|(d0, _)| ca.iter().chain(cb.iter()).any(|(d, _)| d != d0)))
            .then_some((a, b))
        };
        let Some((ia, ib)) = across((ia, ib)).or_else(|| {
            (0..values.len()).find_map(|i| across((i, ia)).or_else(|| across((i, ib))))
        }) else {
            return;
        };
        // Against an archive, the disagreement to show is one of an article checked:
        // a checked value against the lowest-ending or the highest-starting value (one
        // of which it disagrees with, if it disagrees with any).
        let (ia, ib) = if has_checked(values[ia].1) || has_checked(values[ib].1) {
            (ia, ib)
        } else {
            let upper = |i: usize| values[i].0.max.unwrap_or(u64::MAX);
            let (Some(lo), Some(hi)) = (
                (0..values.len()).min_by_key(|&i| upper(i)),
                (0..values.len()).max_by_key(|&i| values[i].0.min),
            ) else {
                return;
            };
            let Some(pair) = (0..values.len())
                .filter(|&i| has_checked(values[i].1))
                .find_map(|i| across((i, lo)).or_else(|| across((i, hi))))
            else {
                return;
            };
            pair
        };
        let ((va, ca), (vb, cb)) = (values[ia], values[ib]);
        let recorded_dispute = recorded(va, vb);
        let doc_set = |c: &[(usize, usize)]| {
            let mut ds: Vec<usize> = c.iter().map(|(d, _)| *d).collect();
            ds.dedup();
            ds
        };
        let (da, db) = (doc_set(ca), doc_set(cb));
        // The value fewer articles give is the one to look at first; between
        // equals, the one first published later (the newer report).
        let first_published =
            |c: &[(usize, usize)]| c.first().and_then(|(d, _)| docs[*d].meta.published);
        let a_first = (da.len(), std::cmp::Reverse(first_published(ca)));
        let b_first = (db.len(), std::cmp::Reverse(first_published(cb)));
        // Against an archive, the finding stands in an article checked.
        let a_first = (!has_checked(ca), a_first);
        let b_first = (!has_checked(cb), b_first);
        let (pv, pc, pd, ov, oc) = if a_first <= b_first {
            (*va, ca, &da, *vb, cb)
        } else {
            (*vb, cb, &db, *va, ca)
        };
        let Some((primary, other)) = pc
            .iter()
            .filter(|&&(d, _)| checked(d))
            .find_map(|&p| oc.iter().find(|(d, _)| *d != p.0).map(|&o| (p, o)))
        else {
            return;
        };
        let mut f = self.finding(
            Code::SourceConflict,
            fact_ref,
            label(primary, format!("{what}: {pv}")),
            format!(
                "articles disagree on the number {what} in the {}: {pv} here, {ov} in {}",
                self.subject_phrase(fact_ref),
                docs[other.0].path
            ),
        );
        f.related.push(label(other, format!("{what}: {ov}")));
        f.expected = Some(ov.describe());
        f.found = Some(pv.describe());
        let more_here = pd.len().saturating_sub(1);
        let more_there = doc_set(oc).len().saturating_sub(1);
        if more_here + more_there > 0 {
            f.notes.push(format!(
                "{} more article(s) give {pv} and {} more give {ov}",
                more_here, more_there
            ));
        }
        if let Expected::Count(range) = fact_ref.expected {
            f.notes.push(format!(
                "the rulebook allows {range}, so it cannot settle this"
            ));
        }
        f.notes.extend(all_values);
        self.add_reports(fact_ref, &mut f);
        if recorded_dispute {
            f.severity = Severity::Warning;
            f.notes.push(
                        "each figure matches a different `reported` figure: the rulebook records this dispute".into(),
                    );
        }
        findings.push(f);
    }
}

/// The first pair of values in `list` that cannot both be true, the earlier first: the
/// first value that disagrees with any, and the first after it that it disagrees with.
/// Linear: a value disagrees with some other exactly when it lies wholly below the
/// largest lower bound or wholly above the smallest upper bound.
fn first_disagreement(list: &[(usize, Interval)]) -> Option<(usize, Interval, usize, Interval)> {
    let highest_min = list.iter().map(|(_, v)| v.min).max()?;
    let lowest_max = list.iter().filter_map(|(_, v)| v.max).min();
    let disagrees = |v: &Interval| {
        matches!(v.max, Some(max) if max < highest_min)
            || matches!(lowest_max, Some(low) if v.min > low)
    };
    let i = list.iter().position(|(_, v)| disagrees(v))?;
    let (m1, v1) = list[i];
    let (m2, v2) = *list[i + 1..].iter().find(|(_, v2)| !v1.overlaps(v2))?;
    Some((m1, v1, m2, v2))
}

/// The indexes of the two most distant values that cannot both be true, in linear time;
/// where that pair is `recorded` (a known dispute), a disagreeing pair that is not, if
/// there is one. `None` when every pair of values agrees.
fn most_distant(
    values: impl Iterator<Item = Interval>,
    recorded: impl Fn(&Interval, &Interval) -> bool,
    reported: impl Fn(&Interval) -> Option<usize>,
) -> Option<(usize, usize)> {
    let values: Vec<Interval> = values.collect();
    let upper = |v: &Interval| v.max.unwrap_or(u64::MAX);
    // The lowest-ending and the highest-starting value, overall and among the values
    // that match each reported figure.
    let extremes = |keep: &dyn Fn(usize) -> bool| -> Option<(usize, usize)> {
        let lo = (0..values.len())
            .filter(|&i| keep(i))
            .min_by_key(|&i| upper(&values[i]))?;
        let hi = (0..values.len())
            .filter(|&i| keep(i))
            .max_by_key(|&i| values[i].min)?;
        (!values[lo].overlaps(&values[hi])).then_some((lo, hi))
    };
    let (lo, hi) = extremes(&|_| true)?;
    if !recorded(&values[lo], &values[hi]) {
        return Some((lo, hi));
    }
    let plain = (0..values.len()).find_map(|i| {
        [lo, hi]
            .into_iter()
            .find(|&j| !values[i].overlaps(&values[j]) && !recorded(&values[i], &values[j]))
            .map(|j| (i.min(j), i.max(j)))
    });
    let reports: std::collections::BTreeSet<usize> = values.iter().filter_map(&reported).collect();
    plain
        .or_else(|| {
            reports
                .into_iter()
                .find_map(|r| extremes(&|i| reported(&values[i]) == Some(r)))
        })
        .or(Some((lo, hi)))
}

/// Drops claims from sentences that give two disagreeing values for the same fact
/// ("one account said three; another said at least five"): such a sentence reports a
/// dispute, it does not take a side, so it neither contradicts itself nor another
/// article.
fn without_reported_disputes(claims: &[(usize, usize)], read: &[Read]) -> Vec<(usize, usize)> {
    let mut by_sentence: BTreeMap<(usize, usize), Vec<Interval>> = BTreeMap::new();
    for &(d, m) in claims {
        let mention = &read[d].0[m];
        if let Some(v) = mention.interval().filter(|_| !mention.vague) {
            by_sentence
                .entry((d, mention.sentence))
                .or_default()
                .push(v);
        }
    }
    let disputed = |key: &(usize, usize)| {
        by_sentence.get(key).is_some_and(|values| {
            values
                .iter()
                .enumerate()
                .any(|(i, a)| values[i + 1..].iter().any(|b| !a.overlaps(b)))
        })
    };
    claims
        .iter()
        .copied()
        .filter(|&(d, m)| !disputed(&(d, read[d].0[m].sentence)))
        .collect()
}

/// A weekday written beside a date it does not fall on: "Thursday, December 11, 2024".
fn weekday_beside_date(d: usize, mentions: &[Mention], findings: &mut Vec<Finding>) {
    for mention in mentions {
        let (MentionValue::Date(range), Some((weekday, at))) = (&mention.value, &mention.weekday)
        else {
            continue;
        };
        if mention.from_weekday || !range.is_day() || range.from.weekday() == *weekday {
            continue;
        }
        findings.push(Finding {
            code: Code::WeekdayMismatch,
            severity: Code::WeekdayMismatch.default_severity(),
            message: format!(
                "{} was a {}, not a {}",
                range
                    .from
                    .long()
                    .split_once(' ')
                    .map_or("", |(_, rest)| rest),
                range.from.weekday().name(),
                weekday.name()
            ),
            fact: None,
            expected: Some(range.from.weekday().name().to_string()),
            found: Some(weekday.name().to_string()),
            primary: Label {
                file: FileRef::Document(d),
                span: at.clone(),
                message: format!("should be {}", range.from.weekday().name()),
            },
            related: Vec::new(),
            rule: None,
            sources: Vec::new(),
            notes: Vec::new(),
            fixes: Vec::new(),
        });
    }
}

/// The ages someone born in `birth` can be on `on`.
fn age_on(birth: DayRange, on: Day) -> Option<Interval> {
    let youngest = on.years_since(birth.to);
    let oldest = on.years_since(birth.from);
    if oldest < 0 {
        return None;
    }
    Interval::between(youngest.max(0) as u64, oldest as u64)
}

/// "killed" → "killed", "injured" → "injured", a named measure as written.
fn measure_words(measure: &str) -> String {
    measure.replace(['_', '.'], " ")
}

/// The result of a run: findings plus what was read, for reporters and inventories.
pub struct Report {
    pub findings: Vec<Finding>,
    pub read: Vec<Read>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// The figures of a fact that may have stood on a day, when the rulebook dates them
/// (`as_of`): the one dated last before the day, those dated that day (an article of
/// that day may come before or after them), and the current value once it may have
/// stood. `None` when no figure is dated.
fn standing_on(fact: &Fact, day: Day) -> Option<Vec<Interval>> {
    let current = fact.expected.interval()?;
    let mut dated: Vec<(crate::rulebook::Stood, Interval)> = fact
        .revised_from
        .iter()
        .filter_map(|r| r.as_of.map(|a| (a, r.value)))
        .collect();
    if dated.is_empty() && fact.as_of.is_none() {
        return None;
    }
    let last_revision = dated.iter().map(|(a, _)| a.day).max();
    if let Some(a) = fact.as_of {
        dated.push((a, current));
    }
    let mut standing: Vec<Interval> = dated
        .iter()
        .filter(|(a, _)| a.day == day)
        .map(|(_, v)| *v)
        .collect();
    if let Some((_, v)) = dated
        .iter()
        .filter(|(a, _)| a.day < day)
        .max_by_key(|(a, _)| *a)
    {
        standing.push(*v);
    }
    // An undated current value came after every dated revision.
    if fact.as_of.is_none() && last_revision.is_none_or(|last| day >= last) {
        standing.push(current);
    }
    Some(standing)
}

/// A dated superseded figure the found one agrees with, and the moment it was revised
/// (the next dated figure, or the current value's `as_of`), when that was before `day`.
/// An undated superseded figure counts as revised before any day.
fn stale_on<'f>(
    fact: &'f Fact,
    found: &Interval,
    day: Day,
) -> Option<(
    &'f crate::rulebook::Report,
    (crate::rulebook::Stood, Interval),
)> {
    let (report, since) = fact
        .revised_from
        .iter()
        .filter(|r| r.value.overlaps(found))
        .find_map(|r| r.as_of.map(|a| (r, a)))?;
    let current = fact.expected.interval()?;
    // The next dated figure; figures dated alike are not ordered among themselves, but
    // the current value comes after every revision dated as it is.
    let next = fact
        .revised_from
        .iter()
        .filter_map(|r| r.as_of.map(|a| (a, r.value)))
        .filter(|(a, _)| *a > since)
        .chain(fact.as_of.filter(|a| *a >= since).map(|a| (a, current)))
        .min_by_key(|(a, _)| *a)?;
    (next.0.day < day).then_some((report, next))
}

/// Fixes replacing each misprinted word of a title (`words`: as written, as accepted)
/// where the title, read at `span`, has it as a whole word; `None` when there are no
/// such words, or the title as read is not as long as its span in the article (so
/// offsets inside it are not the article's). Each fix is made only where the file
/// holds the word.
fn word_fixes(span: Range<usize>, written: &str, words: &[(String, String)]) -> Option<Vec<Fix>> {
    if words.is_empty() || written.len() != span.len() {
        return None;
    }
    let mut fixes = Vec::new();
    for (wrong, right) in words {
        let at = written.match_indices(wrong.as_str()).find(|&(i, _)| {
            let before = written[..i].chars().next_back();
            let after = written[i + wrong.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })?;
        let start = span.start + at.0;
        fixes.push(Fix {
            span: start..start + wrong.len(),
            written: wrong.clone(),
            replacement: right.clone(),
        });
    }
    Some(fixes)
}
