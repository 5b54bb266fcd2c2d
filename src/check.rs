//! From claims to findings.
//!
//! Each claim is compared with the rulebook's value for its fact; claims that fit the
//! rulebook are then compared with each other, within one article (self-contradiction)
//! and across articles (source conflict). Two values disagree exactly when their
//! intervals do not overlap. Vague words ("several", "dozens") never start a
//! disagreement between articles: they are too loose to contradict a figure.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::attribute::{self, Claim, Matcher};
use crate::document::Document;
use crate::extract::{self, Lexicon, Mention, MentionKind, MentionValue};
use crate::findings::context::{Context, Site, measure_words};
use crate::findings::{Code, FileRef, Finding, Label, Severity};
use crate::findings::{conflict, revised_figure, spelling, weekday_mismatch};
use crate::interval::Interval;
use crate::names::People;
use crate::rulebook::{Expected, Rulebook};

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

    /// What the finding classes read: the rulebook and its people.
    pub fn context(&self) -> Context<'_> {
        Context {
            book: &self.book,
            people: &self.people,
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
        let cx = self.context();
        let mut findings = Vec::new();
        // Claims that fit the rulebook, by fact: (document, mention).
        let mut fitting: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for (d, (mentions, claims)) in read.iter().enumerate() {
            weekday_mismatch::beside_date(d, &mentions[..], &mut findings);
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
                let stale =
                    revised_figure::stale_when_published(fact, mention, docs[d].meta.published);
                let site = Site {
                    d,
                    doc: &docs[d],
                    mention,
                    on: claim.on,
                };
                match conflict::against_rule(&cx, &site, fact) {
                    // Tied by the topic alone, a superseded figure may be one that stood
                    // when the article was written: not enough to warn of.
                    // Tied by the topic alone, a superseded figure may be one that stood
                    // when the article was written: not enough to warn of. Nor, where the
                    // rulebook splits the figure into parts (by state, by county), is a
                    // stale one: it may be a part's the sentence does not name.
                    Some(finding)
                        if finding.code == Code::RevisedFigure
                            && claim.via == attribute::Via::Topic
                            && (!stale || cx.has_parts(claim.fact)) => {}
                    // Stale when published, and not told as an earlier figure: stale
                    // even beside the current figure.
                    Some(finding) if finding.code == Code::RevisedFigure => {
                        revised.push((finding, stale && !mention.history))
                    }
                    // "Up from 38": an earlier figure the rulebook does not record
                    // contradicts nothing.
                    Some(finding) if mention.earlier && finding.code == Code::Conflict => {}
                    Some(finding) => {
                        findings.push(conflict::as_reported(&cx, finding, &site, fact))
                    }
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
            spelling::spellings(&cx, d, mentions, &names, &mut findings);
            // An article that also gives the current figure tells the old one as history
            // ("earlier reports of 100 deaths were revised to 84").
            findings.extend(revised_figure::not_told_as_history(revised, &current));
        }
        for (&fact, claims) in &fitting {
            let claims = without_reported_disputes(claims, &read);
            self.between_claims(&cx, fact, &claims, docs, &read, context, &mut findings);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup();
        Report { findings, read }
    }

    /// Self-contradictions within one article and conflicts between articles, among
    /// claims that each fit the rulebook.
    #[allow(clippy::too_many_arguments)]
    fn between_claims(
        &self,
        cx: &Context,
        fact: usize,
        claims: &[(usize, usize)],
        docs: &[Document],
        read: &[Read],
        context: &[bool],
        findings: &mut Vec<Finding>,
    ) {
        let fact_ref = &cx.book.facts[fact];
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
                let mut f = cx.finding(
                    Code::SelfContradiction,
                    fact_ref,
                    label((d, m2), format!("{what}: {v2}")),
                    format!(
                        "the article gives two figures for the number {what} in the {}: {v1} and {v2}",
                        cx.subject_phrase(fact_ref)
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
        let mut f = cx.finding(
            Code::SourceConflict,
            fact_ref,
            label(primary, format!("{what}: {pv}")),
            format!(
                "articles disagree on the number {what} in the {}: {pv} here, {ov} in {}",
                cx.subject_phrase(fact_ref),
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
        cx.add_reports(fact_ref, &mut f);
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
