//! `hark`: record, check and send voice notes from a terminal.

mod commands;
mod exit;

use clap::{Parser, Subcommand};

/// Send voice notes that arrive as real voice bubbles on WeChat, Messenger, WhatsApp
/// and Telegram.
#[derive(Parser)]
#[command(name = "hark", version, about, long_about = None)]
#[command(after_help = exit::HELP)]
struct Cli {
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
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Doctor(args) => commands::doctor::run(args),
        Command::Inspect(args) => commands::inspect::run(args),
        Command::Convert(args) => commands::convert::run(args),
        Command::Devices(args) => commands::devices::run(args),
        Command::Record(args) => commands::record::run(args),
        Command::Recover(args) => commands::recover::run(args),
    };
    match result {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("hark: {err:#}");
            exit::Exit::Failure.into()
        }
    }
}
