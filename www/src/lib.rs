//! The in-browser checker. Empty until the yew app lands (issue 3); it
//! depends on the core already so the workspace shape is the final one.
#![forbid(unsafe_code)]

pub use yekuo::VERSION;
