//! Typed findings of TL and CAL: working-day time limits of each step.

use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Found {}

/// A caveat particular to this family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Caveat {}
