//! Verification marks (catalog §0.1).

use serde::{Deserialize, Serialize};
use std::fmt;

/// How sure we are of a fact: [V] verified in a source text, [S] secondary,
/// [R] recalled or inferred, [X] unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Mark {
    V,
    S,
    R,
    X,
}

impl Mark {
    /// [V] and [S] may decide an adverse outcome; [R] and [X] may not.
    pub fn is_reliable(self) -> bool {
        matches!(self, Mark::V | Mark::S)
    }

    /// The weaker of two marks.
    pub fn weakest(self, other: Mark) -> Mark {
        self.max(other)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Mark::V => "已核实原文",
            Mark::S => "二手来源",
            Mark::R => "回忆/推定，未核实",
            Mark::X => "未知",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Mark::V => "verified in a source text",
            Mark::S => "secondary source",
            Mark::R => "recalled, unverified",
            Mark::X => "unknown",
        }
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{self:?}]")
    }
}
