//! Integration tests of the `salient` binary and library, by topic.

mod util;

mod bulk;
mod compare;
mod corpus;
mod determinism;
mod errors;
mod eval;
mod extract;
mod html_report;
mod properties;
mod reliability;
mod rouge155;
mod segmentation;
mod summarize;
