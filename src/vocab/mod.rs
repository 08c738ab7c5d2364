//! Closed vocabularies: an enum whose every value has one spelling, the
//! spelling of the case and rule files. [`closed_enum!`] writes the enum,
//! its `ALL` list, `as_str` and `parse`, and the serde `rename` of each
//! value from the same literal, so the code, the file format and the app's
//! lists cannot drift apart. A value may also accept aliases on input (the
//! Chinese names a case file may use), given as serde attributes.
//!
//! The vocabularies of the rule files live here too (`rule_id`,
//! `rule_file`), apart from the rulebook, so the typed findings of
//! `crate::report` can name them without importing the rulebook.

mod rule_file;
mod rule_id;

pub use rule_file::Test;
pub use rule_file::{Applies, Kind, Layer, Named, Need, Scope, Selector, Start, Unit};
pub use rule_id::RuleId;

/// Where `s` is in `spellings`: the lookup of every closed enum's
/// `from_spelling`, one loop rather than a `match` of every spelling per
/// enum (the 58 rule ids' `match` alone was 1.3 KB of code): 343 bytes gzip
/// of the first load (315,153 -> 314,810, issue 12). A few spellings per
/// enum, read when a file is loaded: a scan is as quick as a `match`.
#[doc(hidden)]
pub fn spelling_index(spellings: &[&str], s: &str) -> Option<usize> {
    spellings.iter().position(|sp| *sp == s)
}

/// `a == b`, usable in a constant: how baked data (`rulebook::baked`)
/// turns a file's word into its enum value while the crate compiles.
#[doc(hidden)]
pub const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Reads a word of a closed vocabulary as its index in the vocabulary's
/// spellings, refusing any other word with serde's "unknown variant"
/// message. One visitor for every closed enum. The word is refused inside
/// the deserializer's string read, so serde_json stamps the error at the
/// word itself: refused after the read (as a plain `Cow<str>` then a
/// lookup did), the error was stamped by the enclosing array only after it
/// had read on past the `,`, and a bad first element of an array was
/// reported as the second (`categories[1]` for `["x", "承装"]`).
#[doc(hidden)]
pub struct Spelling(pub &'static [&'static str]);

impl serde::de::Visitor<'_> for Spelling {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<usize, E> {
        spelling_index(self.0, s).ok_or_else(|| E::unknown_variant(s, self.0))
    }
}

/// `closed_enum! { #[derive(...)] pub enum Name { Variant = "code" | "alias", ... } }`
///
/// Serialization writes the code; deserialization takes the code or an
/// alias and refuses anything else with serde's own "unknown variant `x`,
/// expected one of …" (listing codes and aliases), so messages read as
/// before. Written by hand rather than derived: one small string lookup
/// per enum instead of serde's visitor machinery, which for the 58 rule ids
/// alone was about 4 KB of the browser bundle.
#[macro_export]
macro_rules! closed_enum {
    // The value an alias spells: `SPELLING_VALUES` repeats its variant.
    (@value_of $alias:literal $value:expr) => {
        $value
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal $(| $alias:literal)*
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every spelling a file may use: each code, then its aliases.
            pub const SPELLINGS: &'static [&'static str] = &[$($code, $($alias,)*)+];

            /// The value's spelling in case and rule files.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The value spelled `code`, evaluated while the crate compiles:
            /// baked data (build.rs) writes `Unit::baked("months")`, and a
            /// word that is not in the vocabulary stops the build there.
            pub const fn baked(code: &str) -> $name {
                let mut i = 0;
                while i < $name::ALL.len() {
                    if $crate::vocab::const_str_eq($name::ALL[i].as_str(), code) {
                        return $name::ALL[i];
                    }
                    i += 1;
                }
                panic!("a word of the baked data is not in its vocabulary")
            }

            /// The value of each of [`Self::SPELLINGS`], in the same order.
            const SPELLING_VALUES: &'static [$name] =
                &[$($name::$variant, $($crate::closed_enum!(@value_of $alias $name::$variant),)*)+];

            /// The value spelled `s` (its file spelling, not an alias).
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The value spelled `s` or known by the alias `s`.
            pub fn from_spelling(s: &str) -> Option<$name> {
                $crate::vocab::spelling_index($name::SPELLINGS, s).map(|i| $name::SPELLING_VALUES[i])
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str($crate::vocab::Spelling($name::SPELLINGS))
                    .map(|i| $name::SPELLING_VALUES[i])
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::closed_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Sample {
            Plain = "plain",
            Twice = "twice" | "两次" | "2x",
            Again = "again",
            Once = "once" | "一次",
        }
    }

    /// Every code and alias reads as the value it is declared for, also
    /// after a value with several aliases (`SPELLING_VALUES` stays in step
    /// with `SPELLINGS`); `parse` takes codes only.
    #[test]
    fn each_spelling_reads_as_its_value() {
        let expected = [
            ("plain", Sample::Plain),
            ("twice", Sample::Twice),
            ("两次", Sample::Twice),
            ("2x", Sample::Twice),
            ("again", Sample::Again),
            ("once", Sample::Once),
            ("一次", Sample::Once),
        ];
        for (s, v) in expected {
            assert_eq!(Sample::from_spelling(s), Some(v), "{s}");
        }
        assert_eq!(Sample::from_spelling("Plain"), None);
        assert_eq!(Sample::from_spelling(""), None);
        assert_eq!(Sample::parse("两次"), None);
        for v in Sample::ALL {
            assert_eq!(Sample::parse(v.as_str()), Some(*v));
        }
    }

    /// Baked data names a value by its code, read while compiling.
    #[test]
    fn a_baked_word_is_its_value() {
        const AGAIN: Sample = Sample::baked("again");
        const ONCE: Sample = Sample::baked("once");
        assert_eq!((AGAIN, ONCE), (Sample::Again, Sample::Once));
        assert!(super::const_str_eq("两次", "两次"));
        assert!(!super::const_str_eq("两次", "两"));
        assert!(!super::const_str_eq("once", "onca"));
    }
}
