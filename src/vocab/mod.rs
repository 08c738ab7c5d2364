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

/// `closed_enum! { #[derive(...)] pub enum Name { Variant = "code", ... } }`
#[macro_export]
macro_rules! closed_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

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
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
