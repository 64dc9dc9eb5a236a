//! Nothing is lost: a `hark send` killed while the platform holds the request leaves a
//! history row that reads as interrupted, and the note itself, whole, on disk.

use std::process::{Command, Stdio};
use std::time::Duration;

use rig::accounts::Install;
use rig::bins::built;
use rig::media::{opusinfo, sox_tone};
use rig::process::Daemon;
use rig::wait::until;
use serde_json::Value;

#[test]
fn a_send_killed_mid_request_is_kept_and_reads_as_interrupted() {
    // A platform that takes the request and never answers.
    let hang = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", hang.local_addr().unwrap());
    let holder = std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in hang.incoming().take(1) {
            held.push(stream);
            std::thread::sleep(Duration::from_secs(30));
        }
    });

    let install = Install::start();
    install.add_profile(
        "telegram",
        "Bot",
        &["--api-base", &base],
        "7000001:AAHk-crash-token-0001",
    );
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    let mut send = Daemon::spawn(
        "hark send",
        Command::new(built("hark"))
            .args([
                "send",
                "--profile",
                "Bot",
                "--to",
                "42",
                wav.to_str().unwrap(),
            ])
            .envs(install.env())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let history = || -> Value {
        let run = install.hark(&["history", "--json"]);
        serde_json::from_str(&run.stdout).expect("history JSON")
    };
    until(Duration::from_secs(20), "the send to be under way", || {
        (history()["sends"][0]["state"] == "sending").then_some(())
    });
    send.child().kill().unwrap();
    send.child().wait().unwrap();

    let row = history()["sends"][0].clone();
    assert_eq!(row["state"], "interrupted", "{row:#}");
    let note = std::path::PathBuf::from(row["note_path"].as_str().unwrap());
    assert!(note.starts_with(install.data_dir()), "{}", note.display());
    let info = opusinfo(&note);
    assert!(
        info.contains("Playback length: 0m:02"),
        "the note is whole: {info}"
    );
    let text = install.hark(&["history"]).stdout;
    assert!(
        text.contains("interrupted") && text.contains("the note is kept"),
        "{text}"
    );
    drop(holder);
}
