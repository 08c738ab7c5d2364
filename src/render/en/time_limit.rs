//! The time_limit family's findings in words.

use crate::render::Reader;
use crate::report::time_limit::{Caveat, Found};
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, _r: &Reader) -> String {
    match *d {}
}

pub(super) fn caveat(c: &Caveat, _r: &Reader) -> String {
    match *c {}
}
