//! `hark serve`, the local send API, called by a real HTTP client (curl) as helpdesks
//! and bots call it: sends by link (a real file server) and inline, with a stored
//! profile and with a `session`, each refusal's status and code, idempotent retries,
//! 50 requests at once against the strict Messenger fake (its rate limit), `kill -9`
//! with sends queued and one under way (a send stopped before its message call goes
//! once after the restart, its first row done with), and a session's secret found
//! nowhere after; a full disk is 503.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use rig::accounts::Install;
use rig::api_server::{Answer, ApiServer, curl};
use rig::fakes::messenger::{self, Messenger};
use rig::faults::{Fault, FaultProxy};
use rig::file_server::file_server;
use rig::media::{ffprobe, sox_tone};
use serde_json::{Value, json};

const LIMIT: Duration = Duration::from_secs(120);

fn key(install: &Install, name: &str) -> String {
    let made = install.hark(&["api-key", "create", name, "--json"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let made: Value = serde_json::from_str(&made.stdout).unwrap();
    made["key"].as_str().unwrap().to_owned()
}

fn post(
    server: &ApiServer,
    key: &str,
    body: &Value,
    query: &str,
    headers: &[(&str, &str)],
) -> Answer {
    curl(
        &server.base,
        "POST",
        &format!("/v1/send{query}"),
        Some(key),
        headers,
        Some(&body.to_string()),
    )
}

fn get(server: &ApiServer, key: &str, path: &str) -> Answer {
    curl(&server.base, "GET", path, Some(key), &[], None)
}

/// Polls a send until it has its outcome.
fn settled(server: &ApiServer, key: &str, id: &str) -> Value {
    rig::wait::until(LIMIT, &format!("send {id} to settle"), || {
        let now = get(server, key, &format!("/v1/sends/{id}"));
        assert_eq!(now.status, 200, "{}", now.text);
        matches!(
            now.json["status"].as_str(),
            Some("sent" | "failed" | "unknown")
        )
        .then_some(now.json)
    })
}

#[track_caller]
fn refused(answer: &Answer, status: u16, code: &str) -> String {
    assert_eq!(answer.status, status, "{}", answer.text);
    let error = &answer.json["error"];
    assert_eq!(error["code"], code, "{}", answer.text);
    assert!(
        error["remedy"].as_str().is_some_and(|r| !r.is_empty()),
        "{}",
        answer.text
    );
    error["message"].as_str().unwrap_or_default().to_owned()
}

fn inline(path: &Path) -> String {
    base64::engine::general_purpose::STANDARD.encode(std::fs::read(path).unwrap())
}

/// A one-shot web hook receiver: answers 200 to each POST and keeps its bodies.
fn receiver() -> (String, Arc<Mutex<Vec<Value>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let got = Arc::new(Mutex::new(Vec::new()));
    let kept = got.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer_hook(stream, &kept);
        }
    });
    (url, got)
}

/// Reads one POST to a web hook, keeps its JSON body and answers 200.
fn answer_hook(stream: std::net::TcpStream, kept: &Mutex<Vec<Value>>) {
    let mut reader = BufReader::new(stream);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    if let Ok(v) = serde_json::from_slice(&body) {
        kept.lock().unwrap().push(v);
    }
    let _ = reader
        .get_mut()
        .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
}

#[test]
fn the_api_sends_by_link_and_inline_and_says_why_it_will_not() {
    let install = Install::start();
    let key = key(&install, "helpdesk");
    let served = install.scratch("served");
    std::fs::create_dir_all(&served).unwrap();
    sox_tone(&served.join("reply.wav"), 44_100, 1, 2.0, 440.0, &[]);
    std::fs::write(served.join("notes.txt"), "Thanks for waiting.\n".repeat(50)).unwrap();
    // Larger than any note the sandbox takes from a link (sparse: nothing written).
    let big = std::fs::File::create(served.join("big.wav")).unwrap();
    big.set_len(hark_core::audio::link::size_cap(Some(hark_core::platform::Platform::Sandbox)) + 1)
        .unwrap();
    let (_files, files) = file_server(&served);
    let mut env = install.env();
    env.push(("HARK_HTTP_TIMEOUT_SECS".into(), "3".into()));
    let server = ApiServer::start(&env, &["-v"], &install.scratch("serve.log"));
    let (hook, called) = receiver();

    // By a signed link, waiting for the outcome, with a callback.
    let signed = format!("{files}/reply.wav?X-Amz-Signature=s3cr3t-signature");
    let by_link = post(
        &server,
        &key,
        &json!({"platform": "sandbox", "recipient": "customer-1", "profile": "Sandbox",
                "audio_url": signed, "callback_url": hook}),
        "?wait=60",
        &[],
    );
    assert_eq!(by_link.status, 200, "{}", by_link.text);
    let sent = &by_link.json;
    assert_eq!(sent["status"], "sent", "{sent:#}");
    assert_eq!(
        sent["audio_url"],
        format!("{files}/reply.wav"),
        "shown without its signature"
    );
    let note = Path::new(sent["receipt"]["delivered_to"].as_str().unwrap());
    assert_eq!(ffprobe(note)["streams"][0]["codec_name"], "opus");
    let id = sent["id"].as_str().unwrap().to_owned();
    let hooked = rig::wait::until(LIMIT, "the callback", || {
        called.lock().unwrap().first().cloned()
    });
    assert_eq!(
        (&hooked["id"], &hooked["status"]),
        (&json!(id), &json!("sent")),
        "{hooked:#}"
    );
    let recorded = rig::wait::until(LIMIT, "the callback's answer recorded", || {
        let now = get(&server, &key, &format!("/v1/sends/{id}")).json;
        (!now["callback"].is_null()).then_some(now)
    });
    assert_eq!(recorded["callback"]["status"], 200, "{recorded:#}");

    // Inline, answered at once; a retry with its Idempotency-Key gets it back.
    let wav = install.scratch("inline.wav");
    sox_tone(&wav, 48_000, 1, 1.0, 330.0, &[]);
    let body = json!({"platform": "sandbox", "recipient": "customer-2", "profile": "Sandbox",
                      "audio_base64": inline(&wav)});
    let first = post(&server, &key, &body, "", &[("Idempotency-Key", "order-7")]);
    assert_eq!(first.status, 202, "{}", first.text);
    assert_eq!(first.json["status"], "queued");
    let inline_id = first.json["id"].as_str().unwrap().to_owned();
    assert_eq!(settled(&server, &key, &inline_id)["status"], "sent");
    let retry = post(&server, &key, &body, "", &[("Idempotency-Key", "order-7")]);
    assert_eq!(
        (retry.status, &retry.json["id"]),
        (200, &json!(inline_id)),
        "{}",
        retry.text
    );
    assert_eq!(retry.json["status"], "sent");
    let other = json!({"platform": "sandbox", "recipient": "customer-3", "profile": "Sandbox",
                       "audio_base64": inline(&wav)});
    refused(
        &post(&server, &key, &other, "", &[("Idempotency-Key", "order-7")]),
        409,
        "idempotency_conflict",
    );
    let inbox = install.data_dir().join("sandbox-inbox");
    let notes: usize = ["customer-1", "customer-2"]
        .iter()
        .map(|c| {
            std::fs::read_dir(inbox.join(c))
                .unwrap()
                .filter(|f| {
                    f.as_ref()
                        .unwrap()
                        .path()
                        .extension()
                        .is_some_and(|e| e == "ogg")
                })
                .count()
        })
        .sum();
    assert_eq!(notes, 2, "each note went once");
    let kept = install.data_dir().join("api");
    assert_eq!(
        std::fs::read_dir(&kept).unwrap().count(),
        0,
        "inline audio goes once sent"
    );

    // Each refusal: its status and code.
    let tone = inline(&wav);
    let base = || {
        json!({"platform": "sandbox", "recipient": "customer-1", "profile": "Sandbox",
                         "audio_base64": tone})
    };
    let with = |change: Value| {
        let mut body = base();
        for (k, v) in change.as_object().unwrap() {
            if v.is_null() {
                body.as_object_mut().unwrap().remove(k);
            } else {
                body[k] = v.clone();
            }
        }
        body
    };
    let no_key = curl(
        &server.base,
        "POST",
        "/v1/send",
        None,
        &[],
        Some(&base().to_string()),
    );
    refused(&no_key, 401, "unauthorized");
    let wrong = format!("{}0", &key[..key.len() - 1]);
    refused(
        &post(&server, &wrong, &base(), "", &[]),
        401,
        "unauthorized",
    );
    let garbled = curl(
        &server.base,
        "POST",
        "/v1/send",
        Some(&key),
        &[],
        Some("{\"platform\":"),
    );
    refused(&garbled, 400, "invalid_request");
    let cases = [
        (json!({"recipent": "x"}), 400, "invalid_request"),
        (json!({"platform": "fax"}), 400, "invalid_request"),
        (
            json!({"audio_url": format!("{files}/reply.wav")}),
            400,
            "invalid_request",
        ),
        (json!({"audio_base64": null}), 400, "invalid_request"),
        (
            json!({"audio_base64": "not base64 at all!"}),
            400,
            "invalid_request",
        ),
        (
            json!({"audio_base64": null, "audio_url": "ftp://files/reply.wav"}),
            400,
            "invalid_request",
        ),
        (json!({"profile": "Nobody"}), 404, "profile_not_found"),
        (json!({"profile": null}), 400, "invalid_request"),
        (json!({"tag": "human_agent"}), 400, "invalid_request"),
        (json!({"recipient": "  "}), 422, "recipient_not_found"),
    ];
    for (change, status, code) in cases {
        let said = refused(
            &post(&server, &key, &with(change.clone()), "", &[]),
            status,
            code,
        );
        assert!(
            !said.contains(&tone[..40]),
            "the request's audio is not echoed: {said}"
        );
    }
    // Audio larger than the platform takes: WeChat's notes are short.
    let huge = "A".repeat(16 * 1024 * 1024);
    let wechat = json!({"platform": "wechat", "recipient": "oAbCdEfGhIjKlMnOp1234",
        "session": {"app_id": "wx0123456789abcdef", "token_mode": "access_token",
                    "access_token": "wechat-session-token"},
        "audio_base64": huge});
    refused(
        &post(&server, &key, &wechat, "", &[]),
        413,
        "audio_too_large",
    );

    // Links that cannot be used: the send fails, and says why in words.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/reply.wav", l.local_addr().unwrap())
    };
    for (link, why) in [
        (format!("{files}/missing.wav"), "nothing there"),
        (format!("{files}/notes.txt"), "text"),
        (format!("{files}/big.wav"), "larger than"),
        (closed, "reach"),
    ] {
        let failed = post(
            &server,
            &key,
            &with(json!({"audio_base64": null, "audio_url": link})),
            "?wait=60",
            &[],
        );
        let said = refused(&failed, 422, "audio_fetch_failed");
        assert!(said.contains(why), "{link}: {said}");
        assert_eq!(failed.json["status"], "failed", "{}", failed.text);
    }

    // The history has them, marked as the API's.
    let history = install.hark(&["history", "--json"]);
    let history: Value = serde_json::from_str(&history.stdout).unwrap();
    let from_api: Vec<_> = history["sends"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["api_send"].as_str())
        .collect();
    assert!(
        from_api.contains(&id.as_str()) && from_api.contains(&inline_id.as_str()),
        "{history:#}"
    );
    let text = install.hark(&["history"]).stdout;
    assert!(
        text.contains(&format!("sent through the local API as {id}")),
        "{text}"
    );
    assert!(!text.contains("s3cr3t-signature") && !history.to_string().contains("s3cr3t"));

    // Listing, and the document.
    let failed = get(&server, &key, "/v1/sends?status=failed");
    assert_eq!(
        failed.json["sends"].as_array().unwrap().len(),
        4,
        "{}",
        failed.text
    );
    refused(
        &get(&server, &key, "/v1/sends/snd_nothing"),
        404,
        "send_not_found",
    );
    let doc = curl(&server.base, "GET", "/openapi.json", None, &[], None);
    assert_eq!(doc.status, 200);
    assert!(
        doc.json["paths"]["/v1/send"]["post"].is_object(),
        "{}",
        doc.text
    );

    // A revoked key is refused from then on.
    let bot = self::key(&install, "bot");
    assert_eq!(get(&server, &bot, "/v1/sends").status, 200);
    assert_eq!(install.hark(&["api-key", "revoke", "bot"]).code, 0);
    refused(&get(&server, &bot, "/v1/sends"), 401, "unauthorized");
    // The log names requests, never their keys or links.
    let log = server.log();
    assert!(log.contains("POST /v1/send 202"), "{log}");
    for secret in [&key, &bot, "s3cr3t-signature"] {
        assert!(!log.contains(secret), "{log}");
    }
}

#[test]
fn a_full_queue_is_said_with_429() {
    let install = Install::start();
    let key = key(&install, "helpdesk");
    // A server that takes the connection and never answers: the first send waits.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let link = format!("http://{}/reply.wav", silent.local_addr().unwrap());
    let mut env = install.env();
    env.push(("HARK_HTTP_TIMEOUT_SECS".into(), "4".into()));
    let server = ApiServer::start(
        &env,
        &["--queue-limit", "1", "--workers", "1"],
        &install.scratch("serve.log"),
    );
    let body =
        json!({"platform": "sandbox", "recipient": "c", "profile": "Sandbox", "audio_url": link});
    let first = post(&server, &key, &body, "", &[]);
    assert_eq!(first.status, 202, "{}", first.text);
    let full = post(&server, &key, &body, "", &[]);
    refused(&full, 429, "queue_full");
    // A second server on the same data folder would take the first's sends for
    // abandoned ones: it does not start.
    let second = install.hark(&["serve", "--listen", "127.0.0.1:0"]);
    assert_ne!(second.code, 0);
    assert!(
        second.stderr.contains("Another `hark serve`"),
        "{}",
        second.stderr
    );
    let said = settled(&server, &key, first.json["id"].as_str().unwrap());
    assert_eq!(said["error"]["code"], "audio_fetch_failed", "{said:#}");
    drop(silent);
}

const PAGE: &str = "1029384756";
const PAGE_TOKEN: &str = "EAAGm0PX4ZCps-stored-page-token-3f9a";
const SESSION_PAGE: &str = "5566778899";
const SESSION_TOKEN: &str = "EAAJ-session-only-token-7c1e";

#[test]
fn a_session_and_a_stored_profile_send_and_the_session_token_is_kept_nowhere() {
    let mut state = Messenger::new(PAGE, PAGE_TOKEN);
    state.user("2400000000000001", 1);
    let stored = messenger::start(state);
    let mut state = Messenger::new(SESSION_PAGE, SESSION_TOKEN);
    state.user("2400000000000002", 1);
    let for_session = messenger::start(state);
    let install = Install::start();
    messenger::add_account(&install, &stored, "Acme Page");
    let key = key(&install, "bot");
    let server = ApiServer::start(&install.env(), &["-v"], &install.scratch("serve.log"));
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 44_100, 1, 2.0, 440.0, &[]);
    let audio = inline(&wav);
    let mut answers = Vec::new();

    let by_profile = post(
        &server,
        &key,
        &json!({"platform": "messenger", "recipient": "2400000000000001",
                "profile": "Acme Page", "audio_base64": audio, "tag": "human_agent"}),
        "?wait=60",
        &[],
    );
    assert_eq!(by_profile.status, 200, "{}", by_profile.text);
    assert_eq!(
        stored.state().delivered[0].tag.as_deref(),
        Some("HUMAN_AGENT")
    );
    answers.push(by_profile.text);

    let session = |token: &str| {
        json!({"platform": "messenger", "recipient": "2400000000000002", "audio_base64": audio,
               "session": {"page_id": SESSION_PAGE, "page_access_token": token,
                           "api_base": for_session.base}})
    };
    let by_session = post(&server, &key, &session(SESSION_TOKEN), "?wait=60", &[]);
    assert_eq!(by_session.status, 200, "{}", by_session.text);
    assert_eq!(by_session.json["profile"], Value::Null);
    {
        let s = for_session.state();
        assert_eq!(s.delivered.len(), 1);
        assert_eq!(s.delivered[0].content_type, "audio/mp4");
    }
    answers.push(by_session.text);
    let wrong = "EAAJ-wrong-session-token-0000";
    let refused_token = post(&server, &key, &session(wrong), "?wait=60", &[]);
    refused(&refused_token, 502, "invalid_token");
    answers.push(refused_token.text);
    answers.push(get(&server, &key, "/v1/sends").text);
    answers.push(install.hark(&["history", "--json"]).stdout);
    answers.push(install.hark(&["history"]).stdout);
    // The history cannot send a session's note again: it never had the credentials.
    for id in [&by_session.json["send_id"], &refused_token.json["send_id"]] {
        let resend = install.hark(&["resend", &id.to_string(), "--json"]);
        assert_eq!(resend.code, 2, "{}", resend.stdout);
        assert!(
            resend.stdout.contains("session_not_kept"),
            "{}",
            resend.stdout
        );
        answers.push(resend.stdout);
    }
    assert_eq!(for_session.state().delivered.len(), 1);
    drop(server);

    // Nowhere: not in an answer, the log, or any file of the data folder.
    let log = std::fs::read_to_string(install.scratch("serve.log")).unwrap();
    for secret in [SESSION_TOKEN, wrong] {
        for answer in &answers {
            assert!(!answer.contains(secret), "{answer}");
        }
        assert!(!log.contains(secret), "{log}");
        for file in files(&install.data_dir()) {
            let bytes = std::fs::read(&file).unwrap();
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{} holds the session's token",
                file.display()
            );
        }
    }
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            all.extend(files(&path));
        } else {
            all.push(path);
        }
    }
    all
}

fn fake_with_users(count: usize) -> (rig::fakes::Fake<Messenger>, Vec<String>) {
    let mut state = Messenger::new(PAGE, PAGE_TOKEN);
    let users: Vec<String> = (0..count).map(|i| format!("24000000000{i:05}")).collect();
    for u in &users {
        state.user(u, 1);
    }
    (messenger::start(state), users)
}

#[test]
fn fifty_requests_at_once_each_go_once_at_the_platforms_pace() {
    let (fake, users) = fake_with_users(50);
    let install = Install::start();
    messenger::add_account(&install, &fake, "Acme Page");
    let key = key(&install, "bot");
    let server = ApiServer::start(&install.env(), &[], &install.scratch("serve.log"));
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 44_100, 1, 1.0, 440.0, &[]);
    let audio = inline(&wav);
    let answers: Vec<Answer> = std::thread::scope(|scope| {
        let calls: Vec<_> = users
            .iter()
            .map(|user| {
                let body = json!({"platform": "messenger", "recipient": user,
                                  "profile": "Acme Page", "audio_base64": audio});
                let (server, key) = (&server, &key);
                scope.spawn(move || post(server, key, &body, "", &[]))
            })
            .collect();
        calls.into_iter().map(|c| c.join().unwrap()).collect()
    });
    let mut ids = HashSet::new();
    for a in &answers {
        assert_eq!(a.status, 202, "{}", a.text);
        ids.insert(a.json["id"].as_str().unwrap().to_owned());
    }
    assert_eq!(ids.len(), 50);
    for id in &ids {
        let done = settled(&server, &key, id);
        assert_eq!(done["status"], "sent", "{done:#}");
    }
    let state = fake.state();
    let got: HashSet<&str> = state.delivered.iter().map(|d| d.psid.as_str()).collect();
    assert_eq!((state.delivered.len(), got.len()), (50, 50), "each once");
    let mut at: Vec<i64> = state.delivered.iter().map(|d| d.at_ms).collect();
    at.sort();
    let closest = at.windows(2).map(|w| w[1] - w[0]).min().unwrap();
    assert!(
        closest >= 95,
        "Messenger's pace is 100 ms between sends: {closest} ms"
    );
}

/// Kills the server (`kill -9`) once the proxy holds `what` on its way (`Fault::Gate`).
fn kill_once_held(proxy: &FaultProxy, server: &mut ApiServer, what: &str) {
    rig::wait::until(LIMIT, &format!("{what} at the proxy"), || {
        proxy
            .log()
            .iter()
            .any(|p| p.fault == Some(Fault::Gate))
            .then_some(())
    });
    rig::process::signal(server.daemon.pid(), libc::SIGKILL);
    rig::wait::until(LIMIT, "the server to die", || {
        server.daemon.has_exited().then_some(())
    });
}

#[test]
fn queued_sends_survive_kill_9_and_each_goes_once() {
    let (fake, users) = fake_with_users(4);
    let proxy = FaultProxy::start(&fake.base);
    let install = Install::start();
    install.add_profile(
        "messenger",
        "Acme Page",
        &[
            "--api-base",
            &proxy.base,
            "--page-id",
            PAGE,
            "--graph-version",
            "v25.0",
        ],
        PAGE_TOKEN,
    );
    let key = key(&install, "bot");
    let log = install.scratch("serve.log");
    let mut server = ApiServer::start(&install.env(), &["--workers", "1"], &log);
    // The first message call is held on its way: under way when the server dies.
    proxy.fault("/messages", Fault::Gate);
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 44_100, 1, 1.0, 440.0, &[]);
    let audio = inline(&wav);
    let ids: Vec<String> = users
        .iter()
        .map(|u| {
            let body = json!({"platform": "messenger", "recipient": u,
                              "profile": "Acme Page", "audio_base64": audio});
            let a = post(&server, &key, &body, "", &[]);
            assert_eq!(a.status, 202, "{}", a.text);
            a.json["id"].as_str().unwrap().to_owned()
        })
        .collect();
    kill_once_held(&proxy, &mut server, "the first message call");
    // The platform gets the held call after all: the customer has that note.
    proxy.open_gate();
    rig::wait::until(LIMIT, "the held note at the platform", || {
        (fake.state().delivered.len() == 1).then_some(())
    });

    let server = ApiServer::start(&install.env(), &["--workers", "1"], &log);
    let outcomes: Vec<Value> = ids.iter().map(|id| settled(&server, &key, id)).collect();
    assert_eq!(outcomes[0]["status"], "unknown", "{:#}", outcomes[0]);
    assert_eq!(outcomes[0]["error"]["code"], "delivery_unknown");
    for o in &outcomes[1..] {
        assert_eq!(o["status"], "sent", "{o:#}");
    }
    // Give a second send every chance to happen: none does.
    std::thread::sleep(Duration::from_secs(2));
    let state = fake.state();
    let got: Vec<&str> = state.delivered.iter().map(|d| d.psid.as_str()).collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(
        got.iter().collect::<HashSet<_>>().len(),
        4,
        "none twice: {got:?}"
    );
}

#[test]
fn a_send_stopped_before_its_message_call_goes_once_and_its_first_row_offers_no_resend() {
    use rig::fakes::whatsapp::{self, Whatsapp};
    let customer = "447700900410";
    let mut state = Whatsapp::new("106540352242922", "EAAJ-api-restart-system-user-token-7c1d");
    state.customer(customer, 1);
    let fake = whatsapp::start(state);
    let proxy = FaultProxy::start(&fake.base);
    let install = Install::start();
    whatsapp::add_account(&install, &fake, &proxy.base, "Line");
    let key = key(&install, "bot");
    let log = install.scratch("serve.log");
    let mut server = ApiServer::start(&install.env(), &["--workers", "1"], &log);
    // The upload is held: the send is under way, its message call not begun.
    proxy.fault("/media", Fault::Gate);
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let body = json!({"platform": "whatsapp", "recipient": customer, "profile": "Line",
                      "audio_base64": inline(&wav)});
    let accepted = post(&server, &key, &body, "", &[]);
    assert_eq!(accepted.status, 202, "{}", accepted.text);
    let id = accepted.json["id"].as_str().unwrap().to_owned();
    kill_once_held(&proxy, &mut server, "the upload");
    proxy.open_gate();

    // After the restart it goes, once.
    let server = ApiServer::start(&install.env(), &["--workers", "1"], &log);
    let outcome = settled(&server, &key, &id);
    assert_eq!(outcome["status"], "sent", "{outcome:#}");
    // Settled means the platform answered; nothing else is left to go.
    for open in ["queued", "sending"] {
        let left = get(&server, &key, &format!("/v1/sends?status={open}"));
        assert_eq!(left.json["sends"], json!([]), "{}", left.text);
    }
    let delivered = fake.state().delivered.len();
    assert_eq!(delivered, 1, "none twice");

    // The history has the first try, done with (it names the send that went), and
    // the send itself: nothing there offers to send the note a second time.
    let history: Value =
        serde_json::from_str(&install.hark(&["history", "--json"]).stdout).expect("history");
    let rows = history["sends"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{history:#}");
    let (sent, first) = (&rows[0], &rows[1]);
    assert_eq!(sent["state"], "sent", "{sent:#}");
    assert_eq!(first["state"], "interrupted", "{first:#}");
    assert_eq!(first["resent_as"], sent["id"], "{first:#}");
    assert_eq!(first["api_send"], id.as_str());
    let resend = install.hark(&["resend", &first["id"].to_string(), "--json"]);
    assert_eq!(resend.code, 1, "{}", resend.stdout);
    assert!(
        resend.stdout.contains("already_resent"),
        "{}",
        resend.stdout
    );
    assert_eq!(fake.state().delivered.len(), 1, "none twice");
}

#[test]
fn a_callback_that_gets_no_answer_holds_up_no_other_send_and_goes_again_after_a_restart() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let install = Install::start();
    let key = key(&install, "bot");
    // A hook that takes each connection and never answers (Hark gives up on one after
    // three tries of ten seconds), until it is told to answer.
    let hook = TcpListener::bind("127.0.0.1:0").unwrap();
    let hook_url = format!("http://{}/hook", hook.local_addr().unwrap());
    let held = Arc::new(Mutex::new(Vec::new()));
    let answering = Arc::new(AtomicBool::new(false));
    let called = Arc::new(Mutex::new(Vec::new()));
    let (holding, answers, kept) = (held.clone(), answering.clone(), called.clone());
    std::thread::spawn(move || {
        for stream in hook.incoming().flatten() {
            if answers.load(Ordering::SeqCst) {
                answer_hook(stream, &kept);
            } else {
                holding.lock().unwrap().push(stream);
            }
        }
    });
    let mut server = ApiServer::start(
        &install.env(),
        &["--workers", "1"],
        &install.scratch("serve.log"),
    );
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let send = |to: &str, hook: Option<&str>| {
        let mut body = json!({"platform": "sandbox", "recipient": to, "profile": "Sandbox",
                              "audio_base64": inline(&wav)});
        if let Some(hook) = hook {
            body["callback_url"] = json!(hook);
        }
        let a = post(&server, &key, &body, "", &[]);
        assert_eq!(a.status, 202, "{}", a.text);
        a.json["id"].as_str().unwrap().to_owned()
    };
    let first = send("customer-1", Some(&hook_url));
    rig::wait::until(LIMIT, "the first send's callback at the hook", || {
        (!held.lock().unwrap().is_empty()).then_some(())
    });
    // With the one worker, the next send goes while that callback is still unanswered.
    let second = send("customer-2", None);
    assert_eq!(settled(&server, &key, &second)["status"], "sent");
    let now = get(&server, &key, &format!("/v1/sends/{first}")).json;
    assert_eq!(now["status"], "sent", "{now:#}");
    assert!(now["callback"].is_null(), "still being called: {now:#}");

    // The server stops with the callback unanswered; at its next start it goes again.
    rig::process::signal(server.daemon.pid(), libc::SIGKILL);
    rig::wait::until(LIMIT, "the server to die", || {
        server.daemon.has_exited().then_some(())
    });
    answering.store(true, Ordering::SeqCst);
    let server = ApiServer::start(
        &install.env(),
        &["--workers", "1"],
        &install.scratch("serve.log"),
    );
    let recorded = rig::wait::until(LIMIT, "the callback's answer recorded", || {
        let now = get(&server, &key, &format!("/v1/sends/{first}")).json;
        (!now["callback"].is_null()).then_some(now)
    });
    assert_eq!(recorded["callback"]["status"], 200, "{recorded:#}");
    let got = called.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (&got[0]["id"], &got[0]["status"]),
        (&json!(first), &json!("sent"))
    );
    assert_eq!(
        get(&server, &key, &format!("/v1/sends/{second}")).json["callback"],
        Value::Null,
        "a send without a callback URL is never called"
    );
}

#[test]
fn a_full_disk_is_503_disk_full_and_the_next_request_after_it_goes() {
    let install = Install::start();
    let disk = rig::small_disk::SmallDisk::mount(&install.data_dir(), "8m");
    let key = key(&install, "bot");
    let server = ApiServer::start(&install.env(), &[], &install.scratch("serve.log"));
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let body = json!({"platform": "sandbox", "recipient": "customer-1", "profile": "Sandbox",
                      "audio_base64": inline(&wav)});
    disk.fill();
    let full = post(&server, &key, &body, "", &[]);
    let said = refused(&full, 503, "disk_full");
    assert!(said.to_lowercase().contains("disk"), "{said}");
    // Nothing was queued (what was is still read, with the disk full), and once there
    // is room the same request goes.
    let listed = get(&server, &key, "/v1/sends");
    assert_eq!(listed.json["sends"], json!([]), "{}", listed.text);
    disk.empty();
    let room = post(&server, &key, &body, "", &[]);
    assert_eq!(room.status, 202, "{}", room.text);
    let id = room.json["id"].as_str().unwrap();
    assert_eq!(settled(&server, &key, id)["status"], "sent");
}
