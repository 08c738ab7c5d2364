//! Typed findings of LIC: the contractor's licence against the work.

use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Found {}
