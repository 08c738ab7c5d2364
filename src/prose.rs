//! The embedded data's prose: what explains a rule rather than decides it
//! (a provision's summary, a doubt, where it was seen, an instrument's note
//! on its dates) and a holiday notice's provenance (its title, links and
//! source). A finding carries it for the reader; no rule and no count of
//! working days reads it.
//!
//! A file read at run time owns its prose. The embedded rulebook and
//! calendar keep only a number into one baked table (`PROSE`, which
//! build.rs writes from data/), and the text is looked up when something
//! reads it. So a build that never shows prose never reaches the table, and
//! the linker leaves it out: the customer's start bundle, which says how
//! long and what to bring but never quotes a provision, is 12.7 KB gzip
//! smaller for it (issue 16: its wasm went from 208,438 to 195,720 bytes
//! gzip, before the calendar's notices were baked as prose too).
//!
//! Equality, ordering of output and serialisation all go by the text, so
//! baked data equals the same files read at run time (the tidy test).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// One sentence (or a few) of a rulebook's prose, in one language.
#[derive(Clone)]
pub struct Prose(Repr);

#[derive(Clone)]
enum Repr {
    /// Read from a rule file.
    Read(Arc<str>),
    /// Entry of the baked table: see [`baked`].
    Baked(u16),
}

impl Prose {
    /// Prose of the embedded rulebook: entry `index` of the baked table.
    pub(crate) const fn baked(index: u16) -> Prose {
        Prose(Repr::Baked(index))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Read(s) => s,
            Repr::Baked(i) => baked(*i),
        }
    }
}

// The embedded rulebook's prose, each distinct text once, in the order
// build.rs met them: `static PROSE: &[&str]`.
include!(concat!(env!("OUT_DIR"), "/baked_prose.rs"));

/// The baked table's entry. Only reading prose reaches it, which is what
/// keeps the table out of a bundle that reads none.
fn baked(index: u16) -> &'static str {
    PROSE[usize::from(index)]
}

impl Deref for Prose {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Prose {
    fn from(s: &str) -> Prose {
        Prose(Repr::Read(s.into()))
    }
}

impl PartialEq for Prose {
    fn eq(&self, other: &Prose) -> bool {
        match (&self.0, &other.0) {
            // build.rs writes each distinct text once, so equal entries are
            // equal texts and unequal entries unequal ones.
            (Repr::Baked(a), Repr::Baked(b)) => a == b,
            _ => self.as_str() == other.as_str(),
        }
    }
}

impl Eq for Prose {}

impl fmt::Debug for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Prose {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Prose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Prose, D::Error> {
        Arc::<str>::deserialize(d).map(|s| Prose(Repr::Read(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baked_and_read_prose_compare_by_text() {
        let baked = Prose::baked(0);
        let text = baked.as_str().to_string();
        assert!(!text.is_empty(), "the baked table's first entry is a text");
        assert_eq!(baked, Prose::from(text.as_str()));
        assert_ne!(Prose::from("甲"), Prose::from("乙"));
        assert_eq!(
            serde_json::to_string(&baked).unwrap(),
            serde_json::to_string(&text).unwrap()
        );
    }
}
