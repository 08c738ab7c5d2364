//! The plan family's findings in words.

use crate::render::Reader;
use crate::report::plan::Found;
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, _r: &Reader) -> String {
    match *d {}
}
