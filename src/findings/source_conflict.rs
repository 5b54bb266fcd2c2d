//! FL002 source-conflict.

use std::collections::BTreeMap;

use super::context::{At, Fitting, measure_words};
use super::{Class, Code, Explanation, Finding, Severity};
use crate::interval::Interval;
use crate::rulebook::{Expected, Fact};

/// FL002 in the registry of classes.
pub static CLASS: Class = Class {
    code: "FL002",
    name: "source-conflict",
    severity: Severity::Error,
    summary: "Two articles contradict each other on one fact",
    explanation: EXPLANATION,
};

/// What `factlint explain FL002` prints.
pub const EXPLANATION: Explanation = Explanation {
    what: "Two articles give values for the same fact that cannot both be true, although \
           each on its own fits the rulebook (which, for a disputed figure, holds a range).",
    why: "Readers compare reports. When a desk's own articles disagree, at least one is \
          wrong, and the rulebook does not yet say which.",
    example: "One report says \"Haqqani and two others were killed\" (3); another says \"at \
              least five people were killed\".",
    fix: "Decide which figure the desk stands behind, narrow the rule to it, and correct the \
          other article; or attribute each figure to its source in the text.",
};

/// The distinct values the claims of a fact give, each with the claims that give it:
/// the earliest-published article first, as [`by_value`] sorts them.
type Values<'a> = [(&'a Interval, &'a Vec<At>)];

/// Across articles: one finding for a fact whose claims, each fitting the rulebook,
/// give values that cannot all be true.
pub fn across_articles(fitting: &Fitting, findings: &mut Vec<Finding>) {
    let by_value = by_value(fitting);
    let values: Vec<(&Interval, &Vec<At>)> = by_value.iter().collect();
    if let Some(pair) = pair_to_show(fitting, &values)
        && let Some(f) = finding(fitting, &values, pair)
    {
        findings.push(f);
    }
}

/// The claims by the value they give. Within each value, the earliest-published
/// article comes first: it is the one the others are measured against.
fn by_value(fitting: &Fitting) -> BTreeMap<Interval, Vec<At>> {
    let docs = fitting.docs;
    let mut by_value: BTreeMap<Interval, Vec<At>> = BTreeMap::new();
    for &(d, m) in fitting.claims {
        if let Some(v) = fitting.value((d, m)) {
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
    by_value
}

/// The `reported` figure of the fact that `v` matches, by index.
fn reported(fact: &Fact, v: &Interval) -> Option<usize> {
    fact.reported.iter().position(|r| r.value.overlaps(v))
}

/// Whether two values each match a different `reported` figure: a dispute the
/// rulebook records.
fn recorded(fact: &Fact, a: &Interval, b: &Interval) -> bool {
    matches!((reported(fact, a), reported(fact, b)), (Some(x), Some(y)) if x != y)
}

/// The pair of values the finding shows, by index into `values`; `None` when there is
/// no disagreement to report.
fn pair_to_show(fitting: &Fitting, values: &Values) -> Option<(usize, usize)> {
    let fact = fitting.fact;
    // One finding per fact, for its most distant pair of values (or, where that
    // pair is a recorded dispute, a pair that is not): never one per pair, which
    // grows with the square of the values.
    let (ia, ib) = most_distant(
        values.iter().map(|(v, _)| **v),
        |a, b| recorded(fact, a, b),
        |v| reported(fact, v),
    )?;
    // Both values of the pair may come from one article (which contradicts itself,
    // reported above): then the pair of another value with either end, across two.
    let (ia, ib) = across(values, (ia, ib)).or_else(|| {
        (0..values.len()).find_map(|i| across(values, (i, ia)).or_else(|| across(values, (i, ib))))
    })?;
    // Against an archive, the disagreement to show is one of an article checked:
    // a checked value against the lowest-ending or the highest-starting value (one
    // of which it disagrees with, if it disagrees with any).
    if fitting.has_checked(values[ia].1) || fitting.has_checked(values[ib].1) {
        return Some((ia, ib));
    }
    let upper = |i: usize| values[i].0.max.unwrap_or(u64::MAX);
    let lo = (0..values.len()).min_by_key(|&i| upper(i))?;
    let hi = (0..values.len()).max_by_key(|&i| values[i].0.min)?;
    (0..values.len())
        .filter(|&i| fitting.has_checked(values[i].1))
        .find_map(|i| across(values, (i, lo)).or_else(|| across(values, (i, hi))))
}

/// The pair `(a, b)` when its values disagree and come from two articles at least.
fn across(values: &Values, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let (ca, cb) = (values[a].1, values[b].1);
    (a != b
        && !values[a].0.overlaps(values[b].0)
        && ca
            .first()
            .is_some_and(|(d0, _)| ca.iter().chain(cb.iter()).any(|(d, _)| d != d0)))
    .then_some((a, b))
}

/// The articles, in order and once each, that `claims` stand in.
fn doc_set(claims: &[At]) -> Vec<usize> {
    let mut ds: Vec<usize> = claims.iter().map(|(d, _)| *d).collect();
    ds.dedup();
    ds
}

/// FL002 for the pair of values `(ia, ib)`, in an article that gives one of them,
/// pointing at one that gives the other; `None` when no article checked gives one.
fn finding(fitting: &Fitting, values: &Values, (ia, ib): (usize, usize)) -> Option<Finding> {
    let (cx, fact, docs) = (fitting.cx, fitting.fact, fitting.docs);
    let what = measure_words(&fact.measure);
    let ((va, ca), (vb, cb)) = (values[ia], values[ib]);
    let recorded_dispute = recorded(fact, va, vb);
    let (da, db) = (doc_set(ca), doc_set(cb));
    // The value fewer articles give is the one to look at first; between
    // equals, the one first published later (the newer report).
    let first_published = |c: &[At]| c.first().and_then(|(d, _)| docs[*d].meta.published);
    let a_first = (da.len(), std::cmp::Reverse(first_published(ca)));
    let b_first = (db.len(), std::cmp::Reverse(first_published(cb)));
    // Against an archive, the finding stands in an article checked.
    let a_first = (!fitting.has_checked(ca), a_first);
    let b_first = (!fitting.has_checked(cb), b_first);
    let (pv, pc, pd, ov, oc) = if a_first <= b_first {
        (*va, ca, &da, *vb, cb)
    } else {
        (*vb, cb, &db, *va, ca)
    };
    let (primary, other) = pc
        .iter()
        .filter(|&&(d, _)| fitting.checked(d))
        .find_map(|&p| oc.iter().find(|(d, _)| *d != p.0).map(|&o| (p, o)))?;
    let mut f = cx.finding(
        Code::SourceConflict,
        fact,
        fitting.label(primary, format!("{what}: {pv}")),
        format!(
            "articles disagree on the number {what} in the {}: {pv} here, {ov} in {}",
            cx.subject_phrase(fact),
            docs[other.0].path
        ),
    );
    f.related
        .push(fitting.label(other, format!("{what}: {ov}")));
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
    if let Expected::Count(range) = fact.expected {
        f.notes.push(format!(
            "the rulebook allows {range}, so it cannot settle this"
        ));
    }
    f.notes.extend(all_values(values));
    cx.add_reports(fact, &mut f);
    if recorded_dispute {
        f.severity = Severity::Warning;
        f.notes.push(
            "each figure matches a different `reported` figure: the rulebook records this dispute"
                .into(),
        );
    }
    Some(f)
}

/// With more than two values, a note listing them all (the first eight) with how many
/// articles give each.
fn all_values(values: &Values) -> Option<String> {
    if values.len() <= 2 {
        return None;
    }
    let shown = 8;
    let mut listed: Vec<String> = values
        .iter()
        .take(shown)
        .map(|(v, c)| format!("{v} ({})", doc_set(c).len()))
        .collect();
    if values.len() > shown {
        listed.push(format!("and {} more", values.len() - shown));
    }
    Some(format!(
        "the articles give {} values in all (with how many articles give each): {}",
        values.len(),
        listed.join(", ")
    ))
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
