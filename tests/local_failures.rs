//! Local failures are local: a full disk, a folder Hark cannot write, a history it
//! cannot update have codes of their own and exit 3, never the platform's refusal; a
//! note the platform accepted is reported sent with its receipt even when the history
//! could not record it, and the next start records it; `--json` always prints JSON.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use rig::accounts::Install;
use rig::db_lock::DbLock;
use rig::fakes::whatsapp::{self, Whatsapp};
use rig::faults::{Fault, FaultProxy};
use rig::media::sox_tone;
use rig::small_disk::SmallDisk;
use rig::wait::until;
use serde_json::Value;

fn json_of(run: &rig::bins::Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("no JSON on stdout ({e}):\n{}\n{}", run.stdout, run.stderr))
}

#[test]
fn a_full_disk_is_disk_full_and_exit_3_for_sending_and_converting() {
    let install = Install::start();
    let disk = SmallDisk::mount(&install.data_dir(), "6m");
    // A data folder that works, then a disk with no room left.
    let listed = install.hark(&["profile", "list", "--json"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);
    disk.fill();

    let file = wav.display().to_string();
    let sent = install.hark(&[
        "send",
        "--profile",
        "Sandbox",
        "--to",
        "Ada",
        "--json",
        &file,
    ]);
    let e = json_of(&sent);
    assert_eq!(e["error"]["code"], "disk_full", "{e:#}");
    assert_eq!(sent.code, 3, "{e:#}");
    assert!(
        e["error"]["remedy"]
            .as_str()
            .unwrap()
            .contains("Free some space"),
        "{e:#}"
    );

    // convert --json names the problem in JSON on stdout, whatever it is.
    let out = install.data_dir().join("note.ogg").display().to_string();
    let converted = install.hark(&["convert", "--for", "telegram", &file, "-o", &out, "--json"]);
    let e = json_of(&converted);
    assert_eq!(e["error"]["code"], "disk_full", "{e:#}");
    assert_eq!(converted.code, 3);
    let missing = install
        .scratch("no/such/folder/note.ogg")
        .display()
        .to_string();
    let converted = install.hark(&[
        "convert", "--for", "telegram", &file, "-o", &missing, "--json",
    ]);
    let e = json_of(&converted);
    assert_eq!(e["error"]["code"], "file_unwritable", "{e:#}");
    assert_eq!(converted.code, 3);
    let onto_itself = install.hark(&["convert", "--for", "telegram", &file, "-o", &file, "--json"]);
    assert_eq!(json_of(&onto_itself)["error"]["code"], "output_is_input");
    assert_eq!(onto_itself.code, 2);
}

#[test]
fn a_sandbox_inbox_that_cannot_be_written_is_a_local_failure() {
    let install = Install::start();
    assert_eq!(install.hark(&["profile", "list"]).code, 0);
    // Where the inbox folder should be, a file: no folder can be made there.
    std::fs::write(install.data_dir().join("sandbox-inbox"), b"not a folder").unwrap();
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);
    let file = wav.display().to_string();
    let sent = install.hark(&[
        "send",
        "--profile",
        "Sandbox",
        "--to",
        "Ada",
        "--json",
        &file,
    ]);
    let e = json_of(&sent);
    assert_eq!(e["error"]["code"], "folder_unwritable", "{e:#}");
    assert_eq!(
        sent.code, 3,
        "Hark's own failure, not the platform's: {e:#}"
    );
    assert!(
        !e["error"]["message"].as_str().unwrap().contains("platform"),
        "{e:#}"
    );
}

#[test]
fn a_delivered_note_is_reported_sent_when_the_history_cannot_record_it() {
    const TOKEN: &str = "EAAJ-local-system-user-token-3f9a";
    const NUMBER_ID: &str = "106540352242922";
    const TO: &str = "447700900400";
    let mut state = Whatsapp::new(NUMBER_ID, TOKEN);
    state.customer(TO, 1);
    let fake = Arc::new(whatsapp::start(state));
    let proxy = FaultProxy::start(&fake.base);
    let install = Install::start();
    install.add_profile(
        "whatsapp",
        "Line",
        &["--api-base", &proxy.base, "--phone-number-id", NUMBER_ID],
        TOKEN,
    );
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    // The message call is held a moment at the door; meanwhile another program takes
    // the database's write lock and keeps it past Hark's patience.
    proxy.fault("/messages", Fault::Delay(Duration::from_secs(2)));
    let send = Command::new(rig::bins::built("hark"))
        .args(["send", "--profile", "Line", "--to", TO, "--json"])
        .arg(&wav)
        .envs(install.env())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    until(
        Duration::from_secs(60),
        "the message call to reach the proxy",
        || {
            proxy
                .log()
                .iter()
                .any(|p| p.path.contains("/messages"))
                .then_some(())
        },
    );
    let locker = DbLock::hold(&install.data_dir().join("hark.db"));

    let out = send.wait_with_output().unwrap();
    drop(locker);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    let sent: Value = serde_json::from_str(&stdout).expect("a receipt");
    let message_id = sent["sent"]["receipt"]["message_id"].as_str().unwrap();
    assert!(
        sent["sent"]["unrecorded"].is_string(),
        "it says the history did not take it: {sent:#}"
    );
    assert_eq!(fake.state().delivered.len(), 1);

    // The next start records the kept receipt.
    let history: Value =
        serde_json::from_str(&install.hark(&["history", "--json"]).stdout).unwrap();
    let row = &history["sends"][0];
    assert_eq!(row["state"], "sent", "{row:#}");
    assert_eq!(row["message_id"], message_id);
    let kept = install.data_dir().join("outbox/receipts");
    assert_eq!(
        std::fs::read_dir(&kept).map(|d| d.count()).unwrap_or(0),
        0,
        "the kept receipt is gone once recorded"
    );
}
