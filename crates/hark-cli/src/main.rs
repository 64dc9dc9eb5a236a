//! `hark`: record, check and send voice notes from a terminal.

mod commands;
mod exit;
mod failure;
mod help;
mod input;
mod lang;
mod serve;
mod usage;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use hark_core::i18n::Words;

use failure::Failure;

// Every command's and argument's help is the catalogs' (`locales/*/help.ftl`), put in
// by `help::localized`.
#[derive(Parser)]
#[command(name = "hark", version)]
struct Cli {
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Doctor(commands::doctor::Args),
    Inspect(commands::inspect::Args),
    Convert(commands::convert::Args),
    Devices(commands::devices::Args),
    Record(commands::record::Args),
    Recover(commands::recover::Args),
    #[command(subcommand)]
    Profile(commands::profile::Command),
    #[command(subcommand)]
    Contact(commands::contact::Command),
    Send(commands::send::Args),
    Resend(commands::send::ResendArgs),
    History(commands::history::Args),
    Inbox(commands::inbox::Args),
    Serve(serve::Args),
    #[command(subcommand)]
    ApiKey(commands::api_key::Command),
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    Man {
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
}

/// The command line, speaking the reader's language.
fn command() -> clap::Command {
    help::localized(Cli::command(), lang::lang())
}

fn main() -> std::process::ExitCode {
    let matches = command()
        .try_get_matches()
        .unwrap_or_else(|e| usage::exit(e));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage::exit(e));
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
        Command::Contact(command) => commands::contact::run(command),
        Command::Send(args) => commands::send::run(args),
        Command::Resend(args) => commands::send::resend(args),
        Command::History(args) => commands::history::run(args),
        Command::Inbox(args) => commands::inbox::run(args),
        Command::Serve(args) => serve::run(args),
        Command::ApiKey(command) => commands::api_key::run(command),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut command(), "hark", &mut std::io::stdout());
            Ok(exit::Exit::Ok)
        }
        Command::Man { dir: None } => clap_mangen::Man::new(command())
            .render(&mut std::io::stdout())
            .map(|()| exit::Exit::Ok)
            .map_err(Failure::from),
        Command::Man { dir: Some(dir) } => clap_mangen::generate_to(command(), &dir)
            .map(|()| exit::Exit::Ok)
            .map_err(|e| {
                let words =
                    Words::new("cli-could-not-write-man").text("dir", dir.display().to_string());
                Failure::from(anyhow::anyhow!("{}: {e}", lang::say(&words)))
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
