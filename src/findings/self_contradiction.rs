//! FL003 self-contradiction.

use std::collections::BTreeMap;

use super::context::{Fitting, measure_words};
use super::{Class, Code, Explanation, Finding, Severity};
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
