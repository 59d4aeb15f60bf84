//! Command-line interface: one module per subcommand.

mod bench;
mod compare;
mod eval;
mod extract;
mod options;
mod output;
mod progress;
mod summarize;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Extractive summaries of news articles and whole corpora.
///
/// salient picks the sentences that best summarize each article and, across
/// several articles, the main facts once each, traced to their sources.
#[derive(Debug, Parser)]
#[command(name = "salient", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Summarize(summarize::Args),
    Eval(eval::Args),
    Compare(compare::Args),
    Bench(bench::Args),
    Extract(extract::Args),
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Summarize(args) => summarize::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Extract(args) => extract::run(args),
    }
}

/// Prints a command-line error as one line (help and version print in full).
pub fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        // `salient` alone: show what there is to run, but it ran nothing.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("salient: error: {first} (see --help)");
            ExitCode::from(2)
        }
    }
}

/// Whether the error is a closed output pipe (`salient ... | head`), which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
