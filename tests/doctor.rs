//! `hark doctor` against the real parts: a PulseAudio virtual microphone and
//! gnome-keyring's Secret Service, and against their absence.

use std::time::Duration;

use rig::keychain::Keychain;
use rig::process::run_with_limit;
use rig::pulse::{Signal, VirtualMic};
use serde_json::Value;

const LIMIT: Duration = Duration::from_secs(60);

fn doctor(env: rig::Env, data_dir: &std::path::Path, json: bool) -> (i32, String) {
    let (code, stdout, _) = hark(&["doctor"], env, data_dir, json);
    (code, stdout)
}

/// Runs `hark ARGS` (with `--json` if asked): exit status, stdout, stderr.
fn hark(
    args: &[&str],
    env: rig::Env,
    data_dir: &std::path::Path,
    json: bool,
) -> (i32, String, String) {
    let mut cmd = rig::bins::hark_command();
    cmd.args(args).envs(env).env("HARK_DATA_DIR", data_dir);
    if json {
        cmd.arg("--json");
    }
    let out = run_with_limit(&mut cmd, LIMIT);
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("utf-8 output"),
        String::from_utf8(out.stderr).expect("utf-8 errors"),
    )
}

/// Lines a sound library wrote on its own (ALSA's configuration complaints, JACK's).
fn library_noise(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("ALSA lib") || l.contains("Jack") || l.contains("jack"))
        .collect()
}

fn check<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {report:#}"))
}

#[test]
fn doctor_sees_the_virtual_microphone_and_an_unlocked_keychain() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let keychain = Keychain::start();
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().join("hark-data");
    let env = [mic.env(), keychain.env()].concat();

    let (code, stdout) = doctor(env, &data_dir, true);
    let report: Value = serde_json::from_str(&stdout).expect("doctor --json prints JSON");

    assert_eq!(code, 0, "every check passes: {report:#}");
    assert_eq!(report["ok"], true);
    let audio = check(&report, "audio");
    assert_eq!(audio["status"], "ok", "{audio:#}");
    assert!(
        audio["verdict"].as_str().unwrap().contains("48000 Hz"),
        "{audio:#}"
    );
    let devices = report["audio"]["devices"]
        .as_array()
        .expect("devices listed");
    let vmic = devices
        .iter()
        .find(|d| d["id"] == "pulseaudio:vmic")
        .unwrap_or_else(|| panic!("the virtual microphone is listed: {devices:#?}"));
    assert_eq!(vmic["is_default"], true);
    assert_eq!(vmic["default_format"]["sample_rate"], 48000);
    assert_eq!(report["audio"]["host"], "PulseAudio");

    assert_eq!(check(&report, "keychain")["status"], "ok");
    assert_eq!(check(&report, "data_dir")["status"], "ok");
    assert!(data_dir.is_dir(), "doctor creates the data folder");
    assert_eq!(report["data_dir"], data_dir.display().to_string());

    // The keychain probe leaves nothing behind.
    let (_, found) = keychain.secret_tool(&["search", "--all", "service", "hark"]);
    assert!(
        found.trim().is_empty(),
        "probe entries left behind: {found}"
    );
}

#[test]
fn doctor_in_plain_text_names_the_microphone_and_says_all_is_well() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let keychain = Keychain::start();
    let data = tempfile::tempdir().unwrap();
    let env = [mic.env(), keychain.env()].concat();

    let (code, stdout) = doctor(env.clone(), data.path(), false);

    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("✓ Microphone: Ready: \"Sine source at 440 Hz\""),
        "{stdout}"
    );
    assert!(stdout.contains("✓ Keychain: Ready"), "{stdout}");
    assert!(stdout.contains("✓ Data folder: Ready"), "{stdout}");
    assert!(stdout.contains("id: pulseaudio:vmic"), "{stdout}");
    assert!(stdout.contains("Everything Hark needs works."), "{stdout}");

    // The same in Chinese, the device's name as the sound system gives it.
    let zh = [env, vec![("HARK_LANG".into(), "zh-CN".into())]].concat();
    let (code, stdout) = doctor(zh, data.path(), false);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("✓ 麦克风：就绪：“Sine source at 440 Hz”以"),
        "{stdout}"
    );
    assert!(stdout.contains("✓ 钥匙串：就绪") && stdout.contains("✓ 数据文件夹：就绪"));
    assert!(stdout.contains("Hark 需要的一切都正常。"), "{stdout}");
}

#[test]
fn doctor_without_sound_server_or_keychain_says_what_to_do_and_does_not_hang() {
    let nowhere = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let missing = nowhere.path().join("missing");
    let env = vec![
        (
            "XDG_RUNTIME_DIR".into(),
            nowhere.path().display().to_string(),
        ),
        ("PULSE_SERVER".into(), format!("unix:{}", missing.display())),
        (
            "DBUS_SESSION_BUS_ADDRESS".into(),
            format!("unix:path={}", missing.display()),
        ),
    ];

    let (code, stdout) = doctor(env.clone(), data.path(), true);
    let report: Value = serde_json::from_str(&stdout).unwrap();

    assert_eq!(code, 1, "a failed check exits 1: {report:#}");
    assert_eq!(report["ok"], false);
    let audio = check(&report, "audio");
    assert_eq!(audio["status"], "problem");
    assert_eq!(audio["code"], "no_input_device");
    assert!(
        audio["verdict"]
            .as_str()
            .unwrap()
            .starts_with("No microphone found")
    );
    assert!(audio["remedy"].as_str().unwrap().contains("microphone"));
    let keychain = check(&report, "keychain");
    assert_eq!(keychain["code"], "keychain_unavailable");
    assert!(
        keychain["verdict"]
            .as_str()
            .unwrap()
            .starts_with("No keychain available")
    );
    assert!(
        keychain["remedy"]
            .as_str()
            .unwrap()
            .contains("Secret Service")
    );
    assert_eq!(check(&report, "data_dir")["status"], "ok");

    let (code, text, stderr) = hark(&["doctor"], env.clone(), data.path(), false);
    assert_eq!(code, 1);
    assert!(text.contains("✗ Microphone: No microphone found"), "{text}");
    assert!(text.contains("What to do: Plug in a headset"), "{text}");
    assert!(text.contains("(code: keychain_unavailable)"), "{text}");
    // Quiet: only Hark speaks, not the sound libraries under it.
    assert_eq!(library_noise(&stderr), Vec::<&str>::new(), "{stderr}");
    let (_, listed, stderr) = hark(&["devices"], env, data.path(), false);
    assert!(listed.contains("Input devices"), "{listed}");
    assert_eq!(library_noise(&stderr), Vec::<&str>::new(), "{stderr}");
}

#[test]
fn doctor_reports_a_data_folder_it_cannot_write() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"not a folder").unwrap();

    let (code, stdout) = doctor(vec![], &file.join("data"), true);
    let report: Value = serde_json::from_str(&stdout).unwrap();

    assert_eq!(code, 1);
    let data_dir = check(&report, "data_dir");
    assert_eq!(data_dir["code"], "data_dir_unavailable");
    assert!(
        data_dir["remedy"]
            .as_str()
            .unwrap()
            .contains("HARK_DATA_DIR")
    );
}
