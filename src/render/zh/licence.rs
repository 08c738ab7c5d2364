//! The licence family's findings in words.

use crate::render::Reader;
use crate::report::licence::Found;
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, _r: &Reader) -> String {
    match *d {}
}
