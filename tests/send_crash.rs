//! Nothing lost, nothing twice: a `hark send` killed (`kill -9`) at each stage of a send
//! leaves its note whole on disk and a history row that says what the platform may
//! have. Killed before the message call (waiting its turn, uploading), the row reads
//! interrupted and a resend goes at once, once (asked again, it is refused). Killed once the message call began, it
//! reads unknown, and a resend is refused until the agent confirms it.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use rig::accounts::Install;
use rig::bins::built;
use rig::fakes::Fake;
use rig::fakes::whatsapp::{self, Whatsapp};
use rig::faults::{Fault, FaultProxy};
use rig::media::{opusinfo, sox_tone};
use rig::process::Daemon;
use rig::wait::until;
use serde_json::Value;

const TOKEN: &str = "EAAJ-crash-system-user-token-3f9a";
const NUMBER_ID: &str = "106540352242922";

struct Rig {
    fake: Arc<Fake<Whatsapp>>,
    proxy: FaultProxy,
    install: Install,
    wav: std::path::PathBuf,
}

fn rig() -> Rig {
    let mut state = Whatsapp::new(NUMBER_ID, TOKEN);
    for i in 0..6 {
        state.customer(&format!("4477009003{i:02}"), 1);
    }
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
    Rig {
        fake,
        proxy,
        install,
        wav,
    }
}

impl Rig {
    fn delivered(&self, to: &str) -> usize {
        self.fake
            .state()
            .delivered
            .iter()
            .filter(|d| d.to == to)
            .count()
    }

    fn row(&self, id: i64) -> Value {
        let run = self.install.hark(&["history", "--json", "--limit", "100"]);
        let history: Value = serde_json::from_str(&run.stdout).expect("history JSON");
        history["sends"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .cloned()
            .unwrap_or(Value::Null)
    }

    fn newest(&self) -> Value {
        let run = self.install.hark(&["history", "--json"]);
        let history: Value = serde_json::from_str(&run.stdout).expect("history JSON");
        history["sends"][0].clone()
    }

    /// Starts `hark send` to `to`, waits until its newest row reaches `stage` (and
    /// `state`), kills it with SIGKILL, and returns the row's id.
    fn kill_at(&self, to: &str, state: &str, stage: &str) -> i64 {
        let before = self.newest()["id"].as_i64().unwrap_or(0);
        let mut send = Daemon::spawn(
            "hark send",
            Command::new(built("hark"))
                .args(["send", "--profile", "Line", "--to", to])
                .arg(&self.wav)
                .envs(self.install.env())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        let id = until(
            Duration::from_secs(60),
            &format!("the send to reach {state}/{stage}"),
            || {
                let row = self.newest();
                (row["id"].as_i64() > Some(before)
                    && row["state"] == state
                    && row["stage"] == stage)
                    .then(|| row["id"].as_i64().unwrap())
            },
        );
        send.child().kill().unwrap();
        send.child().wait().unwrap();
        id
    }

    fn resend(&self, id: i64, force: bool) -> (i32, Value) {
        let id = id.to_string();
        let mut args = vec!["resend", id.as_str(), "--json"];
        if force {
            args.push("--force");
        }
        let run = self.install.hark(&args);
        let json = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("resend printed no JSON ({e}): {}", run.stderr));
        (run.code, json)
    }

    fn assert_note_whole(&self, row: &Value) {
        let note = std::path::PathBuf::from(row["note_path"].as_str().unwrap());
        assert!(
            note.starts_with(self.install.data_dir()),
            "{}",
            note.display()
        );
        let info = opusinfo(&note);
        assert!(
            info.contains("Playback length: 0m:02"),
            "the note is whole: {info}"
        );
    }
}

#[test]
fn killed_while_uploading_it_is_interrupted_and_a_resend_goes_once() {
    let r = rig();
    let to = "447700900300";
    r.proxy.fault("/media", Fault::Hold);
    let id = r.kill_at(to, "sending", "preparing");
    let row = r.row(id);
    assert_eq!(row["state"], "interrupted", "{row:#}");
    r.assert_note_whole(&row);
    let text = r.install.hark(&["history"]).stdout;
    assert!(text.contains("before the note went out"), "{text}");

    let (code, json) = r.resend(id, false);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(r.delivered(to), 1);

    // Sent again: the row says so and offers no second resend (one Resend sends once,
    // however often it is asked); a confirmed one goes.
    let again = json["sent"]["id"].as_i64().expect("the new send's id");
    let row = r.row(id);
    assert_eq!(row["resent_as"], again, "{row:#}");
    let text = r.install.hark(&["history"]).stdout;
    assert!(text.contains(&format!("sent again as #{again}")), "{text}");
    let (code, json) = r.resend(id, false);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(json["error"]["code"], "already_resent", "{json:#}");
    assert_eq!(r.delivered(to), 1, "no second copy");
    let (code, json) = r.resend(id, true);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(r.delivered(to), 2);
}

#[test]
fn killed_while_waiting_its_turn_it_is_interrupted() {
    let r = rig();
    let to = "447700900301";
    // WhatsApp paces notes to one person 6 s apart: the second send waits, queued.
    let first = r.install.send("Line", to, &r.wav, &[]);
    assert_eq!(first.0, 0, "{:#}", first.1);
    let id = r.kill_at(to, "queued", "queued");
    let row = r.row(id);
    assert_eq!(row["state"], "interrupted", "{row:#}");
    r.assert_note_whole(&row);
    assert_eq!(r.delivered(to), 1, "only the first note went out");
}

#[test]
fn killed_during_the_message_call_it_is_unknown_and_never_resent_unasked() {
    let r = rig();
    // The platform took it, and the answer never came back.
    let took = "447700900302";
    r.proxy.fault("/messages", Fault::SilenceAfterRequest);
    let id = r.kill_at(took, "sending", "message");
    until(
        Duration::from_secs(20),
        "the platform to have the note",
        || (r.delivered(took) == 1).then_some(()),
    );
    let row = r.row(id);
    assert_eq!(row["state"], "unknown", "{row:#}");
    r.assert_note_whole(&row);
    let text = r.install.hark(&["history"]).stdout;
    assert!(
        text.contains("the customer may have it") && text.contains("--force"),
        "{text}"
    );
    let (code, json) = r.resend(id, false);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(json["error"]["code"], "may_duplicate");
    assert_eq!(r.delivered(took), 1, "no second copy");

    // The request never reached it: still unknown to Hark, and sent only when the
    // agent, having checked the conversation, confirms.
    let lost = "447700900303";
    r.proxy.fault("/messages", Fault::Hold);
    let id = r.kill_at(lost, "sending", "message");
    assert_eq!(r.row(id)["state"], "unknown");
    let (code, _) = r.resend(id, false);
    assert_eq!(code, 1);
    assert_eq!(r.delivered(lost), 0);
    let (code, json) = r.resend(id, true);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(r.delivered(lost), 1);
}
