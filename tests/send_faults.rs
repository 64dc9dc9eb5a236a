//! Never twice, never falsely "sent": `hark send` through a fault-injecting proxy in
//! front of each strict fake. For every fault at the call that creates the message
//! (and at the upload, where there is one), the outcome Hark reports must match what
//! the platform actually has, and a resend must never give the customer a second copy
//! unless the agent confirms it.
//!
//! Each platform's table ends by counting its cells, duplicates and false successes;
//! both of the last must be 0.

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rig::accounts::Install;
use rig::fakes::Fake;
use rig::faults::{Fault, FaultProxy};
use rig::media::sox_tone;
use serde_json::Value;

/// What a fault must lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Delivered once, and `hark send` says so with a receipt.
    Sent,
    /// Not delivered, and Hark says it failed (safe to send again).
    Failed,
    /// Hark cannot know: exit 7, `delivery_unknown`, history `unknown`.
    Unknown,
}

struct Subject {
    profile: &'static str,
    /// Part of the path of the call that creates the message.
    message_path: &'static str,
    /// Part of the path of the upload that comes before it, where there is one.
    upload_path: Option<&'static str>,
    /// The platform can be asked whether it has a note (a gateway's chat).
    can_be_asked: bool,
    recipients: Vec<String>,
    delivered: Box<dyn Fn(&str) -> usize>,
}

fn hark_json(install: &Install, env_timeout: bool, args: &[&str]) -> (i32, Value) {
    let mut env = install.env();
    if env_timeout {
        env.push(("HARK_HTTP_TIMEOUT_SECS".into(), "2".into()));
    }
    let run = rig::accounts::run(args, &env, None);
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?} printed no JSON ({e}):\n{}\n{}",
            run.stdout, run.stderr
        )
    });
    (run.code, json)
}

/// A server that counts the connections it gets and answers none: where a redirect
/// points.
fn elsewhere() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/stolen", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            seen.fetch_add(1, Ordering::SeqCst);
            drop(stream);
        }
    });
    (url, count)
}

/// Send `id`'s row in `hark history --json`.
fn history_row(install: &Install, id: i64) -> Value {
    let history = hark_json(install, false, &["history", "--json"]).1;
    history["sends"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("send #{id} is not in the history"))
        .clone()
}

#[derive(Default)]
struct Tally {
    cells: usize,
    duplicates: usize,
    false_successes: usize,
}

/// Runs every fault against `subject` through `proxy`, checking each outcome and the
/// resend that follows it.
fn run_table(install: &Install, proxy: &FaultProxy, subject: &Subject) -> Tally {
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);
    let (redirect_to, redirected) = elsewhere();
    let m = subject.message_path;
    let mut cells: Vec<(String, &str, Fault, Expect)> = vec![
        (
            "reset after the request".into(),
            m,
            Fault::ResetAfterRequest,
            Expect::Unknown,
        ),
        (
            "reset before the platform".into(),
            m,
            Fault::ResetBeforePlatform,
            Expect::Unknown,
        ),
        (
            "silence after the request".into(),
            m,
            Fault::SilenceAfterRequest,
            Expect::Unknown,
        ),
        (
            "unreadable 2xx".into(),
            m,
            Fault::Unreadable2xx,
            Expect::Unknown,
        ),
        (
            "2xx without its fields".into(),
            m,
            Fault::Empty2xxNotForwarded,
            Expect::Unknown,
        ),
        (
            "oversize answer".into(),
            m,
            Fault::Oversize,
            Expect::Unknown,
        ),
        (
            "302 redirect".into(),
            m,
            Fault::Redirect(302, redirect_to.clone()),
            Expect::Unknown,
        ),
        (
            "307 redirect".into(),
            m,
            Fault::Redirect(307, redirect_to.clone()),
            Expect::Failed,
        ),
        (
            "429 with Retry-After".into(),
            m,
            Fault::TooManyRequests(1),
            Expect::Sent,
        ),
    ];
    if let Some(u) = subject.upload_path {
        for (name, fault, expect) in [
            ("reset", Fault::ResetAfterRequest, Expect::Sent),
            ("unreadable 2xx", Fault::Unreadable2xx, Expect::Sent),
            (
                "2xx without its fields",
                Fault::Empty2xxNotForwarded,
                Expect::Sent,
            ),
            (
                "302 redirect",
                Fault::Redirect(302, redirect_to.clone()),
                Expect::Failed,
            ),
            (
                "429 with Retry-After",
                Fault::TooManyRequests(1),
                Expect::Sent,
            ),
        ] {
            cells.push((format!("upload: {name}"), u, fault, expect));
        }
    }
    let mut tally = Tally::default();
    for (i, (name, path, fault, expect)) in cells.into_iter().enumerate() {
        let to = &subject.recipients[i];
        let slow = fault == Fault::SilenceAfterRequest;
        proxy.fault(path, fault.clone());
        let file = wav.display().to_string();
        let (code, answer) = hark_json(
            install,
            slow,
            &[
                "send",
                "--profile",
                subject.profile,
                "--to",
                to,
                "--json",
                &file,
            ],
        );
        let delivered = (subject.delivered)(to);
        let cell = format!("{} / {name}", subject.profile);
        tally.cells += 1;
        if code == 0 && delivered == 0 {
            tally.false_successes += 1;
        }
        match expect {
            Expect::Sent => {
                assert_eq!(code, 0, "{cell}: {answer:#}");
                assert_eq!(delivered, 1, "{cell}");
            }
            Expect::Failed => {
                assert!(code == 5 || code == 6, "{cell}: exit {code}: {answer:#}");
                assert_eq!(answer["error"]["outcome"], "failed", "{cell}: {answer:#}");
                assert_eq!(delivered, 0, "{cell}");
            }
            Expect::Unknown => {
                assert_eq!(code, 7, "{cell}: {answer:#}");
                assert_eq!(
                    answer["error"]["code"], "delivery_unknown",
                    "{cell}: {answer:#}"
                );
                assert_eq!(answer["error"]["outcome"], "unknown", "{cell}");
                let remedy = answer["error"]["remedy"].as_str().unwrap_or_default();
                assert!(remedy.contains("may already have"), "{cell}: {remedy}");
            }
        }
        if code == 0 {
            continue;
        }
        let number = answer["error"]["send_id"]
            .as_i64()
            .unwrap_or_else(|| panic!("{cell}: no send id: {answer:#}"));
        let id = number.to_string();
        let row = history_row(install, number);
        let expected_state = if expect == Expect::Unknown {
            "unknown"
        } else {
            "failed"
        };
        assert_eq!(row["state"], expected_state, "{cell}: {row:#}");

        // Resend without confirming: a failed send goes again; an unknown one does not,
        // unless the platform says it does not have it.
        let (code, again) = hark_json(install, false, &["resend", &id, "--json"]);
        let after = (subject.delivered)(to);
        match expect {
            Expect::Failed => {
                assert_eq!(code, 0, "{cell}: resend: {again:#}");
                assert_eq!(after, 1, "{cell}: resent once");
            }
            Expect::Unknown if subject.can_be_asked && delivered == 0 => {
                // The gateway said the chat has no such note: it goes, once.
                assert_eq!(code, 0, "{cell}: resend: {again:#}");
                assert_eq!(after, 1, "{cell}");
            }
            Expect::Unknown => {
                assert_eq!(code, 1, "{cell}: resend: {again:#}");
                assert_eq!(again["error"]["code"], "may_duplicate", "{cell}: {again:#}");
                assert_eq!(after, delivered, "{cell}: nothing more went out");
                if subject.can_be_asked {
                    // The gateway had it: the history now says sent, with its id.
                    let row = history_row(install, number);
                    assert_eq!(row["state"], "sent", "{cell}: {row:#}");
                    assert!(row["message_id"].is_string(), "{cell}: {row:#}");
                }
                if delivered == 0 {
                    // Checked the conversation: not there. Confirmed, it goes once.
                    let (code, forced) =
                        hark_json(install, false, &["resend", &id, "--force", "--json"]);
                    assert_eq!(code, 0, "{cell}: resend --force: {forced:#}");
                    assert_eq!((subject.delivered)(to), 1, "{cell}");
                }
            }
            Expect::Sent => unreachable!(),
        }
        if (subject.delivered)(to) > 1 {
            tally.duplicates += 1;
        }
    }
    assert_eq!(
        redirected.load(Ordering::SeqCst),
        0,
        "a redirect was followed to another host"
    );
    tally
}

fn report(subject: &Subject, tally: &Tally) {
    eprintln!(
        "{}: {} fault cells, {} duplicates, {} false successes",
        subject.profile, tally.cells, tally.duplicates, tally.false_successes
    );
    assert_eq!(tally.duplicates, 0);
    assert_eq!(tally.false_successes, 0);
}

fn recipients(make: impl Fn(usize) -> String) -> Vec<String> {
    (0..16).map(make).collect()
}

fn count<S: rig::fakes::HasCommon + Send + 'static>(
    fake: &Arc<Fake<S>>,
    delivered: impl Fn(&S, &str) -> usize + 'static,
) -> Box<dyn Fn(&str) -> usize> {
    let fake = fake.clone();
    Box::new(move |to| delivered(&fake.state(), to))
}

#[test]
fn telegram_faults() {
    use rig::fakes::telegram::{self, Chat, Telegram};
    const TOKEN: &str = "7000001:AAHk-fault-bot-token-3f9a";
    let chats = recipients(|i| format!("77{i:02}"));
    let mut state = Telegram::new(TOKEN);
    for chat in &chats {
        state.chats.insert(chat.clone(), Chat::Started);
    }
    let fake = Arc::new(telegram::start(state));
    let proxy = FaultProxy::start(&fake.base);
    let install = Install::start();
    install.add_profile("telegram", "Bot", &["--api-base", &proxy.base], TOKEN);
    let subject = Subject {
        profile: "Bot",
        message_path: "/sendVoice",
        upload_path: None,
        can_be_asked: false,
        recipients: chats,
        delivered: count(&fake, |s: &Telegram, to| {
            s.delivered.iter().filter(|d| d.chat_id == to).count()
        }),
    };
    report(&subject, &run_table(&install, &proxy, &subject));
}

#[test]
fn whatsapp_faults() {
    use rig::fakes::whatsapp::{self, Whatsapp};
    const TOKEN: &str = "EAAJ-fault-system-user-token-3f9a";
    const NUMBER_ID: &str = "106540352242922";
    let numbers = recipients(|i| format!("4477009002{i:02}"));
    let mut state = Whatsapp::new(NUMBER_ID, TOKEN);
    for n in &numbers {
        state.customer(n, 1);
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
    let subject = Subject {
        profile: "Line",
        message_path: "/messages",
        upload_path: Some("/media"),
        can_be_asked: false,
        recipients: numbers,
        delivered: count(&fake, |s: &Whatsapp, to| {
            s.delivered.iter().filter(|d| d.to == to).count()
        }),
    };
    report(&subject, &run_table(&install, &proxy, &subject));
    // A refused or unreadable upload never led to a message call with no media.
    assert!(
        fake.state()
            .delivered
            .iter()
            .all(|d| !d.media_id.is_empty()),
        "a message went out without its media"
    );
}

#[test]
fn messenger_faults() {
    use rig::fakes::messenger::{self, Messenger};
    const TOKEN: &str = "EAAGm0PX4ZCps-fault-page-token-3f9a";
    const PAGE: &str = "1029384756";
    let users = recipients(|i| format!("24000000000001{i:02}"));
    let mut state = Messenger::new(PAGE, TOKEN);
    for u in &users {
        state.user(u, 1);
    }
    let fake = Arc::new(messenger::start(state));
    let proxy = FaultProxy::start(&fake.base);
    let install = Install::start();
    install.add_profile(
        "messenger",
        "Page",
        &[
            "--api-base",
            &proxy.base,
            "--page-id",
            PAGE,
            "--graph-version",
            "v25.0",
        ],
        TOKEN,
    );
    let subject = Subject {
        profile: "Page",
        message_path: "/messages",
        upload_path: None,
        can_be_asked: false,
        recipients: users,
        delivered: count(&fake, |s: &Messenger, to| {
            s.delivered.iter().filter(|d| d.psid == to).count()
        }),
    };
    report(&subject, &run_table(&install, &proxy, &subject));
}

#[test]
fn wechat_faults() {
    use rig::fakes::wechat::{self, Wechat};
    const APP_ID: &str = "wx5f3e0c1d2b4a6978";
    const SECRET: &str = "c0ffee0ddba11fault4app5ecret3f9a";
    let followers = recipients(|i| format!("oXyZ_fault_{i:02}_000000000000"));
    let mut state = Wechat::new(APP_ID, SECRET);
    for f in &followers {
        state.follower(f, 1);
    }
    let fake = Arc::new(wechat::start(state));
    let proxy = FaultProxy::start(&fake.base);
    let install = Install::start();
    install.add_profile(
        "wechat",
        "Service",
        &["--api-base", &proxy.base, "--app-id", APP_ID],
        SECRET,
    );
    let subject = Subject {
        profile: "Service",
        message_path: "/message/custom/send",
        upload_path: Some("/media/upload"),
        can_be_asked: false,
        recipients: followers,
        delivered: count(&fake, |s: &Wechat, to| {
            s.delivered.iter().filter(|d| d.touser == to).count()
        }),
    };
    report(&subject, &run_table(&install, &proxy, &subject));
}

#[test]
fn gateway_faults_and_the_gateway_is_asked_before_a_resend() {
    use rig::fakes::gateway::{self, Gateway};
    const KEY: &str = "waha-fault-api-key-5c1d9e3f9a";
    let numbers = recipients(|i| format!("1555010{i:02}"));
    let fake = Arc::new(gateway::start(Gateway::new(Some(KEY))));
    let proxy = FaultProxy::start(&fake.base);
    let install = Install::start();
    install.add_profile(
        "whatsapp-gateway",
        "Gateway",
        &["--api-base", &proxy.base],
        KEY,
    );
    let subject = Subject {
        profile: "Gateway",
        message_path: "/api/sendVoice",
        upload_path: None,
        can_be_asked: true,
        recipients: numbers.clone(),
        delivered: count(&fake, |s: &Gateway, to| {
            let chat = format!("{to}@c.us");
            s.delivered.iter().filter(|d| d.chat_id == chat).count()
        }),
    };
    report(&subject, &run_table(&install, &proxy, &subject));
    // The redirect never carried the API key anywhere: nothing reached the other host
    // (checked in the table), and the proxy saw the gateway asked for chats.
    assert!(
        proxy.log().iter().any(|p| p.path.contains("/chats/")),
        "the gateway was asked"
    );
}
