//! yekuo — 业扩报装自助预检.
//!
//! The rule evaluator behind the yekuo command line and browser app. It never
//! reads the clock, the network or the file system: "today" is an argument and
//! all data arrives as text.
#![forbid(unsafe_code)]

pub mod calendar;

/// The crate version, shown in reports so a printout says what produced it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod case;
pub mod day;
pub mod decimal;
pub mod eval;
pub mod halfwidth;
pub mod json_path;
pub mod limits;
mod mark;
pub mod prose;
pub mod render;
pub mod report;
pub mod rulebook;
pub mod summary;
pub mod text_bytes;
pub mod vocab;
pub use mark::Mark;
