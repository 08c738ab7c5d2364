//! Typed findings of DOC and NOTICE: application documents and the one-time notice.

use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Found {}

/// A caveat particular to this family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Caveat {}
