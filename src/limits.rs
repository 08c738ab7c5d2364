//! The numeric limits of what yekuo reads, in one place: the case parser,
//! the rulebook loader, the command line and the app take them from here,
//! and `tests/case_schema.rs` checks that docs/case.schema.json says the same.

use std::ops::RangeInclusive;

/// The years a case date may fall in. The calendar data covers less
/// (CAL-11 warns outside it); beyond this range a date is a typing mistake.
pub const CASE_YEARS: RangeInclusive<i32> = 1900..=2100;

/// Licence tiers: 1 (一级) to 5 (五级), the widest scale any version of the
/// licence rules used.
pub const LICENCE_TIERS: RangeInclusive<u8> = 1..=5;

/// Load grades of GB 50052: 1, 2 and 3.
pub const LOAD_GRADES: RangeInclusive<u8> = 1..=3;

/// The largest voltage (kV), capacity (kVA) or power (kW) a case may give.
/// Quantities must also be above zero. No connection comes near it; a larger
/// number is a typing mistake.
pub const MAX_QUANTITY: f64 = 1_000_000.0;

/// The most documents a case may list.
pub const MAX_DOCUMENTS: usize = 100;

/// The largest "due soon" span of a worklist (`yekuo due --within`, the
/// app's worklist): about a year and a half of working days.
pub const MAX_DUE_SOON_WORKING_DAYS: u32 = 366;

/// The largest amount (days, months, minutes …) a rule file may give.
pub const MAX_RULE_AMOUNT: u32 = 3660;

/// The first and last year of [`CASE_YEARS`], for messages.
pub fn case_years() -> (i32, i32) {
    (*CASE_YEARS.start(), *CASE_YEARS.end())
}
