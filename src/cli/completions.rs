//! `salient completions` and `salient man`: shell completions and a man page,
//! generated from the same clap definitions that parse the command line, so
//! they never fall out of step with it.

use std::io::Write;

use clap::{Args as ClapArgs, CommandFactory, ValueEnum};

use super::Cli;

/// Print a shell completion script.
///
/// Examples:
///   salient completions bash > ~/.local/share/bash-completion/completions/salient
///   salient completions zsh > ~/.zfunc/_salient
///   salient completions fish > ~/.config/fish/completions/salient.fish
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Shells with completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
}

/// Print the man page (roff).
///
/// Examples:
///   salient man > salient.1 && man ./salient.1
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {}

pub fn run(args: Args) -> anyhow::Result<()> {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "salient", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(())
}

pub fn man(_: ManArgs) -> anyhow::Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_and_man_page_name_the_subcommands() {
        for shell in
            [clap_complete::Shell::Bash, clap_complete::Shell::Zsh, clap_complete::Shell::Fish]
        {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "salient", &mut out);
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains("summarize") && text.contains("--words"), "{shell}: {text}");
        }
        let mut out = Vec::new();
        clap_mangen::Man::new(Cli::command()).render(&mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
        assert!(page.contains("summarize"), "{page}");
    }
}
