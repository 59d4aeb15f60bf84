//! Integration tests of the `salient` binary and library, by topic.

mod util;

mod compare;
mod corpus;
mod determinism;
mod errors;
mod eval;
mod properties;
mod reliability;
mod rouge155;
mod summarize;
