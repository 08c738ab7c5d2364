//! Whether the results must say that part of the case is outside what the
//! rulebook covers (issue 13, "coverage shown to the user"): the utility is
//! not State Grid, whose commitments make up much of the rulebook, or some
//! date or fact of the case is `not-covered`. The view words it and links
//! to the list of instruments (`view::results`); `docs/coverage.md` is the
//! same list for readers outside the app.

use yekuo::case::Operator;
use yekuo::report::{Outcome, Report};

/// What the notice at the top of the results says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outside {
    /// The case's utility when it is not State Grid: its own commitments
    /// are not in the rulebook, and State Grid's do not bind it.
    pub utility: Option<Operator>,
    /// How many `not-covered` findings the report has: dates before every
    /// instrument, facts no rule in force covers for this utility.
    pub unchecked: usize,
}

/// `None` when the whole case is within the rulebook.
pub fn outside(report: &Report, operator: Operator) -> Option<Outside> {
    let o = Outside {
        utility: (operator != Operator::Sgcc).then_some(operator),
        unchecked: report
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::NotCovered)
            .count(),
    };
    (o.utility.is_some() || o.unchecked > 0).then_some(o)
}
