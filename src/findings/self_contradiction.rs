//! FL003 self-contradiction.

use std::collections::BTreeMap;

use super::context::{Context, Fitting, measure_words};
use super::revised_figure::Superseded;
use super::{Class, Code, Explanation, FileRef, Finding, Label, Severity};
use crate::attribute::Claim;
use crate::extract::Mention;
use crate::interval::Interval;

/// FL003 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL003",
    name: "self-contradiction",
    severity: Severity::Error,
    summary: "One article gives two incompatible values for one fact",
    explanation: EXPLANATION,
};

/// What `factlint explain FL003` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "One article gives two values for the same fact that cannot both be true.",
    why: "An article that disagrees with itself loses the reader's trust whichever figure is \
          right.",
    example: "The summary says the minister was killed \"along with two others\" (3); a later \
              paragraph says \"at least five people died in the bombing\".",
    fix: "Use one figure throughout, or say in the text that reports differ and who gives \
          which figure.",
};

/// Within one article: the first pair of disagreeing figures among the claims of a
/// fact that each fit the rulebook.
pub fn within_articles(fitting: &Fitting, findings: &mut Vec<Finding>) {
    let fact = fitting.fact;
    let what = measure_words(&fact.measure);
    let mut by_doc: BTreeMap<usize, Vec<(usize, Interval)>> = BTreeMap::new();
    for &(d, m) in fitting.claims {
        if let Some(v) = fitting.value((d, m)) {
            by_doc.entry(d).or_default().push((m, v));
        }
    }
    for (&d, list) in &by_doc {
        let pair = first_disagreement(list);
        if let Some((m1, v1, m2, v2)) = pair {
            let mut f = fitting.cx.finding(
                Code::SelfContradiction,
                fact,
                fitting.label((d, m2), format!("{what}: {v2}")),
                format!(
                    "the article gives two figures for the number {what} in the {}: {v1} and {v2}",
                    fitting.cx.subject_phrase(fact)
                ),
            );
            f.related
                .push(fitting.label((d, m1), format!("earlier: {v1}")));
            f.expected = Some(v1.describe());
            f.found = Some(v2.describe());
            findings.push(f);
        }
    }
}

/// "Which killed 115 people" in the lead, "which killed at least 143" below, 115 a
/// figure the rulebook records as superseded: an article that gives an older figure
/// and the current one with the same cue word, tied by more than its topic, with no
/// word in the article that tells of a change ("has risen to", "stood at", "initially"), contradicts itself
/// (FL003, in place of the revised-figure warning). The revised-figure findings that
/// are not such a contradiction are returned.
pub fn superseded_beside_current(
    cx: &Context,
    d: usize,
    (mentions, claims): (&[Mention], &[Claim]),
    revised: Vec<Superseded>,
    current_at: &BTreeMap<usize, usize>,
    findings: &mut Vec<Finding>,
) -> Vec<Superseded> {
    let tells_change = |fact: usize| {
        claims
            .iter()
            .filter(|c| c.fact == fact)
            .any(|c| mentions[c.mention].changed || mentions[c.mention].history)
    };
    let label = |m: usize, message: String| Label {
        file: FileRef::Document(d),
        span: mentions[m].span.clone(),
        message,
    };
    let mut kept = Vec::new();
    for s in revised {
        let old = &mentions[s.mention];
        let (Some(&now), Some(v_old)) = (current_at.get(&s.fact), old.interval()) else {
            kept.push(s);
            continue;
        };
        let Some(v_now) = mentions[now].interval() else {
            kept.push(s);
            continue;
        };
        // The same cue word for both ("killed 115", "killed at least 143"): one count
        // told twice. Different words ("148 hospitalised", "151 injured") may count
        // different people.
        let same_cue = old.cue_words.is_some() && old.cue_words == mentions[now].cue_words;
        if s.stale || old.earlier || !same_cue || v_old.overlaps(&v_now) || tells_change(s.fact) {
            kept.push(s);
            continue;
        }
        let fact = &cx.book.facts[s.fact];
        let what = measure_words(&fact.measure);
        let ((m1, v1), (m2, v2)) = if s.mention < now {
            ((s.mention, v_old), (now, v_now))
        } else {
            ((now, v_now), (s.mention, v_old))
        };
        let mut f = cx.finding(
            Code::SelfContradiction,
            fact,
            label(m2, format!("{what}: {v2}")),
            format!(
                "the article gives two figures for the number {what} in the {}: {v1} and {v2}",
                cx.subject_phrase(fact)
            ),
        );
        f.related.push(label(m1, format!("earlier: {v1}")));
        f.notes.push(format!(
            "{v_old} is a superseded figure: the rulebook's is {}; say it was the earlier \
             figure, or give the current one throughout",
            fact.describe()
        ));
        f.expected = Some(v1.describe());
        f.found = Some(v2.describe());
        findings.push(f);
    }
    kept
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
