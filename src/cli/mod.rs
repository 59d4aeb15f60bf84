//! Command-line interface: one module per subcommand.

mod bench;
mod compare;
mod completions;
mod eval;
mod extract;
mod html;
mod methods;
mod options;
mod output;
mod paths;
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
    Methods(methods::Args),
    Extract(extract::Args),
    Completions(completions::Args),
    Man(completions::ManArgs),
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Summarize(args) => summarize::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Methods(args) => methods::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::man(args),
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
            eprintln!("salient: error: {}", usage_line(&e));
            ExitCode::from(2)
        }
    }
}

/// A usage error as one line, with the missing arguments or the closest valid
/// value that clap's multi-line rendering would show below it.
fn usage_line(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let missing = match (e.kind(), e.get(ContextKind::InvalidArg)) {
        (ErrorKind::MissingRequiredArgument, Some(ContextValue::Strings(args))) => {
            format!(" {}", args.join(", "))
        }
        _ => String::new(),
    };
    let hint = match e.get(ContextKind::SuggestedValue) {
        Some(ContextValue::String(s)) => format!("; did you mean '{s}'?"),
        Some(ContextValue::Strings(s)) if !s.is_empty() => format!("; did you mean '{}'?", s[0]),
        _ => String::new(),
    };
    format!("{first}{missing}{hint} (see --help)")
}

/// The error and its causes as one line. A cause whose text its parent
/// already shows (an OS error inside a path's message) is not repeated.
pub fn one_line(e: &anyhow::Error) -> String {
    let normal = |s: &str| {
        let s = s.to_lowercase();
        match s.find(" (os error") {
            Some(i) => s[..i].to_owned(),
            None => s,
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let text = cause.to_string().replace(['\n', '\r'], " ");
        if parts.last().is_some_and(|p| normal(p).contains(&normal(&text))) {
            continue;
        }
        parts.push(text);
    }
    parts.join(": ")
}

/// Whether the error is a closed output pipe (`salient ... | head`), which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_argument_is_named() {
        let e = Cli::try_parse_from(["salient", "bench"]).unwrap_err();
        let line = usage_line(&e);
        assert!(line.contains("<PATH>"), "{line}");
        assert!(!line.contains('\n'), "{line}");
    }
}
