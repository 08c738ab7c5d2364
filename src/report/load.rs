//! Typed findings of LOAD: power sources by load grade.

use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Found {}
