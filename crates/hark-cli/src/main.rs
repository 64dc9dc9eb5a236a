//! `hark`: record, check and send voice notes from a terminal.

mod commands;
mod exit;
mod failure;
mod lang;

use clap::{CommandFactory, Parser, Subcommand};

use failure::Failure;

/// Send voice notes that arrive as real voice bubbles on WeChat, Messenger, WhatsApp
/// and Telegram.
#[derive(Parser)]
#[command(name = "hark", version, about, long_about = None)]
#[command(after_help = exit::HELP)]
struct Cli {
    /// Print what Hark does (requests, answers, timings; never a secret) on stderr.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check that this computer can record and keep secrets: microphone, keychain,
    /// data folder. Prints a verdict for each, and what to do about a problem.
    Doctor(commands::doctor::Args),
    /// Show what an audio file is (format, duration, size) and, with --for, whether it
    /// can be sent on a platform and what would be sent.
    Inspect(commands::inspect::Args),
    /// Make a platform's native voice note from any common audio file.
    Convert(commands::convert::Args),
    /// List the microphones (input devices) Hark can record from.
    Devices(commands::devices::Args),
    /// Record a voice note from the microphone, encoded as you speak.
    Record(commands::record::Args),
    /// Restore recordings that were interrupted (a crash, a power cut) up to their last
    /// half-second, as notes in this folder.
    Recover(commands::recover::Args),
    /// Manage accounts: add, list, show, rename, remove, verify.
    #[command(subcommand)]
    Profile(commands::profile::Command),
    /// Send a voice note (any audio file) through an account.
    Send(commands::send::Args),
    /// Send the note of an earlier send again (same account, same recipient).
    Resend(commands::send::ResendArgs),
    /// Every note sent or tried, with its receipt or error.
    History(commands::history::Args),
    /// What the sandbox account received.
    Inbox(commands::inbox::Args),
    /// Print a completion script for SHELL (e.g. `hark completions bash >
    /// /usr/share/bash-completion/completions/hark`).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `hark man > hark.1`; with --dir, write it and
    /// one page per subcommand (hark-send.1, hark-profile-add.1, …) into DIR.
    Man {
        /// The folder to write every page into.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    if cli.verbose {
        use tracing_subscriber::prelude::*;
        // Hark's own events only: they are written never to hold a secret, which a
        // dependency's debug output cannot promise.
        let only_hark = tracing_subscriber::filter::Targets::new()
            .with_target("hark_core", tracing::Level::DEBUG);
        tracing_subscriber::registry()
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(std::io::stderr)
                    .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
                    .with_target(false),
            )
            .with(only_hark)
            .init();
    }
    let result = match cli.command {
        Command::Doctor(args) => commands::doctor::run(args),
        Command::Inspect(args) => commands::inspect::run(args),
        Command::Convert(args) => commands::convert::run(args),
        Command::Devices(args) => commands::devices::run(args),
        Command::Record(args) => commands::record::run(args),
        Command::Recover(args) => commands::recover::run(args),
        Command::Profile(command) => commands::profile::run(command),
        Command::Send(args) => commands::send::run(args),
        Command::Resend(args) => commands::send::resend(args),
        Command::History(args) => commands::history::run(args),
        Command::Inbox(args) => commands::inbox::run(args),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "hark", &mut std::io::stdout());
            Ok(exit::Exit::Ok)
        }
        Command::Man { dir: None } => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout())
            .map(|()| exit::Exit::Ok)
            .map_err(Failure::from),
        Command::Man { dir: Some(dir) } => clap_mangen::generate_to(Cli::command(), &dir)
            .map(|()| exit::Exit::Ok)
            .map_err(|e| {
                Failure::from(anyhow::anyhow!(
                    "could not write the manual pages into {}: {e}",
                    dir.display()
                ))
            }),
    };
    match result {
        Ok(code) => code.into(),
        Err(Failure::Problem { problem, json }) => commands::report::problem(&problem, json).into(),
        Err(Failure::Output(err)) => {
            eprintln!("hark: {err:#}");
            exit::Exit::Failure.into()
        }
    }
}
