//! Hark in the reader's language: English and Simplified Chinese.
//!
//! Every sentence lives once, in a Fluent catalog per language (`locales/<lang>/*.ftl`
//! at the top of the repository), which the core, the CLI and the app's page all read.
//! Code says *which* sentence and with what (`Words`: a message id and its arguments);
//! `Lang::say` makes it text. A sentence that differs by where it is read (a remedy
//! that names a `hark` command on the command line and a button in the window) has a
//! `.cli` and an `.app` attribute, chosen by `Surface`.

mod catalog;
mod lang;
mod words;

pub use catalog::{Catalog, FILES};
pub use lang::{Lang, Surface};
pub use words::{Arg, Said, Words};
