//! Typed findings of PLAN and CAL-09: supply-plan validity and its extension.

use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Found {}
