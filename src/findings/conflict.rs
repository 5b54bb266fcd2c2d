//! FL001 conflict.

use super::Explanation;

pub const EXPLANATION: Explanation = Explanation {
    what: "The article states a figure, date or age that the rulebook contradicts (the \
           article's value and the rulebook's do not overlap at all), or gives a person a \
           title the rulebook records as someone else's.",
    why: "This is the error a reader or a correction notice will catch. The rulebook holds \
          what the desk has verified, with its sources.",
    example: "The rulebook holds `killed: 84` for the Peshawar mosque bombing; the article says \
              \"the bombing killed 61 people\".",
    fix: "Correct the article to the rulebook's value, or, if the article is right and the \
          rulebook is out of date, update the rule and its sources.",
};
