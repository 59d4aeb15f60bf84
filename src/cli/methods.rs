//! `salient methods`: the ranking methods and their parameters.

use std::io::Write;

use clap::Args as ClapArgs;

use salient::rank::Method;

/// List the ranking methods with their parameters and defaults.
///
/// Parameters are set with `--param NAME=VALUE` on summarize, eval and compare.
///
/// Examples:
///
///   salient methods
///
///   salient methods --format json
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = MethodsFormat::Text)]
    pub format: MethodsFormat,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MethodsFormat {
    /// One line per method.
    Text,
    /// A JSON object: method name → parameters with defaults.
    Json,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        MethodsFormat::Json => {
            let all: serde_json::Map<String, serde_json::Value> = Method::ALL
                .iter()
                .map(|m| (m.name().to_owned(), m.parameters().into_iter().collect()))
                .collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
        MethodsFormat::Text => {
            for m in Method::ALL {
                let params: Vec<String> =
                    m.parameters().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
                let params = if params.is_empty() { "-".to_owned() } else { params.join(" ") };
                writeln!(out, "{:<10} {params}", m.name())?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
