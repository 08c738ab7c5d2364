//! The in-browser checker: a yew app that runs the whole yekuo evaluator
//! locally. Nothing the user enters leaves the device.
//!
//! The modules without a browser in them (`draft`, `state`, `share`) build
//! and test natively; the view and its effects are compiled for wasm only.
#![forbid(unsafe_code)]

pub mod coverage;
pub mod draft;
pub mod draft_fields;
pub mod json_lite;
pub mod labels;
pub mod lang;
pub mod sections;
pub mod share;
pub mod state;
pub mod worklist;
pub mod worklist_text;

#[cfg(all(feature = "app", feature = "kiosk"))]
compile_error!("the `kiosk` feature builds the single-file kiosk copy, which has no full app: build it with --no-default-features --features kiosk");

#[cfg(all(target_arch = "wasm32", any(feature = "app", feature = "start")))]
mod view;
#[cfg(all(target_arch = "wasm32", any(feature = "app", feature = "start")))]
pub use view::{App, StartApp};
#[cfg(all(target_arch = "wasm32", feature = "app"))]
mod probe;

pub use yekuo::VERSION;
