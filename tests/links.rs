//! Audio from a link: `hark convert|inspect|send https://…`, against a real file server
//! (Python's http.server, plain and behind TLS with a test authority) on 127.0.0.1, and
//! each way a link can fail.

use std::net::TcpListener;
use std::path::Path;

use rig::accounts::run;
use rig::file_server::file_server;
use rig::media::{Scratch, ffprobe, sox_tone};
use serde_json::Value;

fn env_for(scratch: &Scratch) -> rig::Env {
    vec![
        (
            "HARK_DATA_DIR".into(),
            scratch.path("data").display().to_string(),
        ),
        // Links are fetched into the system's temporary folder: the test's own.
        ("TMPDIR".into(), scratch.path("tmp").display().to_string()),
        ("HARK_HTTP_TIMEOUT_SECS".into(), "2".into()),
    ]
}

fn json(out: &rig::bins::Run) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", out.stdout, out.stderr))
}

/// The error a `--json` command answered with: its code, exit status and message.
#[track_caller]
fn failed(out: &rig::bins::Run, exit: i32) -> String {
    let answer = json(out);
    let error = &answer["error"];
    assert_eq!(error["code"], "audio_fetch_failed", "{answer:#}");
    assert_eq!(out.code, exit, "{answer:#}");
    assert!(
        error["remedy"].as_str().is_some_and(|r| !r.is_empty()),
        "{answer:#}"
    );
    error["message"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn a_link_is_fetched_and_used_as_a_file_and_its_query_is_never_shown() {
    let scratch = Scratch::new();
    let served = scratch.path("served");
    std::fs::create_dir_all(&served).unwrap();
    std::fs::create_dir_all(scratch.path("tmp")).unwrap();
    sox_tone(&served.join("reply.wav"), 44_100, 2, 2.0, 440.0, &[]);
    let (_server, base) = file_server(&served);
    let env = env_for(&scratch);
    // A signed link, as storage services give them: the signature is a secret.
    let link = format!("{base}/reply.wav?X-Amz-Signature=s3cr3t-signature");

    let inspected = run(&["inspect", &link, "--for", "wechat"], &env, None);
    assert_eq!(inspected.code, 0, "{}", inspected.stderr);
    assert!(
        inspected.stdout.starts_with(&format!("{base}/reply.wav\n")),
        "{}",
        inspected.stdout
    );
    assert!(inspected.stdout.contains("AMR"), "{}", inspected.stdout);

    let note = scratch.path("reply.ogg");
    let converted = run(
        &[
            "convert",
            &link,
            "--for",
            "telegram",
            "-o",
            note.to_str().unwrap(),
        ],
        &env,
        None,
    );
    assert_eq!(converted.code, 0, "{}", converted.stderr);
    let probed = ffprobe(&note);
    assert_eq!(probed["streams"][0]["codec_name"], "opus", "{probed:#}");

    let sent = send_to_sandbox(&link, &env);
    assert_eq!(sent.code, 0, "{}", sent.stderr);
    let history = run(&["history", "--json"], &env, None);
    assert_eq!(history.code, 0, "{}", history.stderr);
    let row = &json(&history)["sends"][0];
    assert_eq!(row["source"], format!("{base}/reply.wav"), "{row:#}");

    // Nothing kept the signature, and nothing fetched was left behind.
    for out in [&inspected, &converted, &sent, &history] {
        assert!(!out.stdout.contains("s3cr3t") && !out.stderr.contains("s3cr3t"));
    }
    for entry in walk(&scratch.path("data")) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("s3cr3t"),
            "{} holds the link's signature",
            entry.display()
        );
    }
    assert_eq!(
        walk(&scratch.path("tmp")).len(),
        0,
        "fetched files are gone after use"
    );
}

#[test]
fn each_way_a_link_fails_is_audio_fetch_failed_with_the_reason() {
    let scratch = Scratch::new();
    let served = scratch.path("served");
    std::fs::create_dir_all(served.join("folder")).unwrap();
    std::fs::create_dir_all(scratch.path("tmp")).unwrap();
    std::fs::write(
        served.join("page.html"),
        "<!DOCTYPE html><html><body>Hi</body></html>",
    )
    .unwrap();
    // 70 seconds of 48 kHz stereo: more than any source of a 60-second WeChat note.
    sox_tone(&served.join("long.wav"), 48_000, 2, 70.0, 440.0, &[]);
    let (_server, base) = file_server(&served);
    let env = env_for(&scratch);
    let inspect = |link: &str| run(&["inspect", link, "--for", "wechat", "--json"], &env, None);

    let missing = failed(&inspect(&format!("{base}/gone.m4a")), 4);
    assert!(missing.contains("nothing there (404)"), "{missing}");

    let page = failed(&inspect(&format!("{base}/page.html")), 4);
    assert!(page.contains("not audio"), "{page}");

    let large = failed(&inspect(&format!("{base}/long.wav")), 4);
    assert!(large.contains("larger than"), "{large}");

    // http.server sends "/folder" on to "/folder/", an http address.
    let redirected = failed(&inspect(&format!("{base}/folder")), 4);
    assert!(redirected.contains("not https"), "{redirected}");

    let public = failed(&inspect("http://8.8.8.8/reply.m4a"), 4);
    assert!(public.contains("only https"), "{public}");

    // A server that takes the connection and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_at = format!("http://{}/reply.m4a", silent.local_addr().unwrap());
    let timed_out = failed(&inspect(&silent_at), 6);
    assert!(timed_out.contains("stopped sending"), "{timed_out}");

    // Nothing listening.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_at = format!("http://{}/reply.m4a", closed.local_addr().unwrap());
    drop(closed);
    let unreachable = failed(&inspect(&closed_at), 6);
    assert!(
        unreachable.contains("could not be reached"),
        "{unreachable}"
    );

    // The same reason from send, and nothing in the history.
    let sent = send_to_sandbox(&format!("{base}/page.html"), &env);
    failed(&sent, 4);
    let history = run(&["history", "--json"], &env, None);
    assert_eq!(json(&history)["sends"], serde_json::json!([]));
}

#[test]
fn a_link_over_https_is_fetched_and_its_certificate_and_redirects_are_checked() {
    let scratch = Scratch::new();
    let served = scratch.path("served");
    std::fs::create_dir_all(&served).unwrap();
    std::fs::create_dir_all(scratch.path("tmp")).unwrap();
    sox_tone(&served.join("reply.wav"), 44_100, 1, 2.0, 440.0, &[]);
    let (_plain, http_base) = file_server(&served);
    let (_tls, base, authority) =
        rig::file_server::https_file_server(&served, &scratch.path("certs"));
    let mut env = env_for(&scratch);
    let untrusted = env.clone();
    // The test's authority is the one the system trusts, as a company's own is.
    env.push(("SSL_CERT_FILE".into(), authority.display().to_string()));
    let inspect = |link: &str, env: &rig::Env| {
        run(&["inspect", link, "--for", "telegram", "--json"], env, None)
    };

    let fetched = inspect(&format!("{base}/reply.wav"), &env);
    assert_eq!(fetched.code, 0, "{}{}", fetched.stdout, fetched.stderr);
    assert_eq!(
        json(&fetched)["file"]["duration_ms"],
        2000,
        "{}",
        fetched.stdout
    );

    // Sent on from https to https: followed.
    let onward = format!("{base}/redirect?to={base}/reply.wav");
    let followed = inspect(&onward, &env);
    assert_eq!(followed.code, 0, "{}{}", followed.stdout, followed.stderr);

    // Sent on from https to http, even on this computer: refused.
    let down = format!("{base}/redirect?to={http_base}/reply.wav");
    let refused = failed(&inspect(&down, &env), 4);
    assert!(refused.contains("not https"), "{refused}");

    // A certificate the system does not trust: said, and nothing fetched.
    let distrusted = failed(&inspect(&format!("{base}/reply.wav"), &untrusted), 4);
    assert!(
        distrusted.contains("certificate is not one this computer trusts"),
        "{distrusted}"
    );
}

/// `hark send --profile sandbox --to anyone LINK --json`.
fn send_to_sandbox(link: &str, env: &rig::Env) -> rig::bins::Run {
    let args = [
        "send",
        "--profile",
        "sandbox",
        "--to",
        "anyone",
        link,
        "--json",
    ];
    run(&args, env, None)
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
