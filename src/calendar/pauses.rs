//! Working-day deadlines that stand still while the customer holds things up
//! (CAL-10): the limit counts only working days outside every pause.
//!
//! Pauses come as the user typed them: in any order, overlapping, repeated,
//! starting before the clock starts. Two readings would be wrong: summing
//! each pause on its own counts an overlap twice, and a pause reached only
//! because an earlier one pushed the deadline out must still count. So the
//! pauses are merged into their union first, then taken in date order, each
//! one that begins on or before the deadline found so far pushing it out by
//! its working days.

use super::Calendar;
use chrono::NaiveDate;

/// A due date and how many working days of pauses pushed it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PausedDeadline {
    pub due: NaiveDate,
    pub paused_working_days: i64,
}

/// The `n`-th working day after `start` (not counted) that lies outside
/// every pause. A pause is `(from, to)`, both days included; one with `to`
/// before `from` is empty. `None` when the date leaves the calendar's range.
///
/// Time: O(p log p) for p pauses, whatever their length.
pub fn deadline(
    cal: &Calendar,
    start: NaiveDate,
    n: i64,
    pauses: impl IntoIterator<Item = (NaiveDate, NaiveDate)>,
) -> Option<PausedDeadline> {
    let first_counted = start.succ_opt()?;
    let mut due = cal.add_working_days(start, n)?;
    let mut paused = 0;
    for (from, to) in union(pauses, first_counted) {
        if from > due {
            break;
        }
        // Every earlier pause lies wholly before `from`, so the days not
        // paused before `from` are fewer than `n`: the deadline falls after
        // `to`, and this pause's working days all count.
        paused += cal.working_days_between(from.pred_opt()?, to);
        due = cal.add_working_days(start, n + paused)?;
    }
    Some(PausedDeadline {
        due,
        paused_working_days: paused,
    })
}

/// The pauses clipped to begin no earlier than `first`, merged where they
/// overlap or touch, in date order.
fn union(
    pauses: impl IntoIterator<Item = (NaiveDate, NaiveDate)>,
    first: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans: Vec<_> = pauses
        .into_iter()
        .map(|(from, to)| (from.max(first), to))
        .filter(|(from, to)| from <= to)
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(spans.len());
    for (from, to) in spans {
        match merged.last_mut() {
            Some(last) if from <= last.1.succ_opt().unwrap_or(last.1) => {
                last.1 = last.1.max(to);
            }
            _ => merged.push((from, to)),
        }
    }
    merged
}
