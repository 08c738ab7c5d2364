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

pub use rule_file::{Applies, Kind, Layer, Named, Need, Scope, Selector, Start, Unit};
pub use rule_id::RuleId;

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

            /// The value spelled `s` (its file spelling, not an alias).
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The value spelled `s` or known by the alias `s`.
            pub fn from_spelling(s: &str) -> Option<$name> {
                match s {
                    $($code $(| $alias)* => Some($name::$variant),)+
                    _ => None,
                }
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
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::from_spelling(&s).ok_or_else(|| {
                    <D::Error as serde::de::Error>::unknown_variant(&s, $name::SPELLINGS)
                })
            }
        }
    };
}
