//! `hark record`, `hark recover` and `hark devices` against the real PulseAudio
//! virtual microphone: the files pass the independent checkers, the tone keeps its
//! pitch, Enter and Ctrl-C keep the take, a `kill -9` mid-take is recovered, a take is
//! cleaned as it is made, and no sound server means a clear error, not a hang.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use rig::bins::hark;
use rig::media::{self, Scratch};
use rig::process::{Daemon, signal};
use rig::pulse::{Signal, VirtualMic};
use rig::recording::{record, recording_child, s, spool_is_empty, wait_for_spooled};
use rig::wait;

#[test]
fn a_recorded_tone_becomes_a_valid_note_for_each_format() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = Scratch::new();
    let data = dir.path("data");
    for (platform, name, rate) in [
        ("whatsapp", "tone.ogg", 48_000),
        ("wechat", "tone.amr", 8_000),
        ("messenger", "tone.m4a", 48_000),
    ] {
        let out = dir.path(name);
        let run = record(
            &mic,
            &data,
            &["--for", platform, "--seconds", "3", "-o", s(&out)],
        );
        assert_eq!(run.code, 0, "{platform}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains("Stopped after 0:03 as asked"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("from Sine source at 440 Hz"),
            "{}",
            run.stdout
        );
        let decoded = media::ffmpeg_decode(&out, rate);
        let secs = decoded.len() as f64 / rate as f64;
        let slack = if platform == "messenger" {
            0.020
        } else {
            0.001
        };
        assert!((secs - 3.0).abs() <= slack, "{platform}: {secs} s");
        let hz = media::tone_hz(&decoded, rate);
        assert!((hz - 440.0).abs() <= 5.0, "{platform}: {hz} Hz");
        assert!(
            spool_is_empty(&data),
            "{platform}: the spool of a saved take is removed"
        );
    }
    let info = media::opusinfo(&dir.path("tone.ogg"));
    assert!(info.contains("Playback length: 0m:03.000s"), "{info}");
    assert!(info.contains("Channels: 1"), "{info}");
}

#[test]
fn speech_from_the_virtual_speaker_is_recorded() {
    let mic = VirtualMic::start(Signal::Silence);
    let dir = Scratch::new();
    let speech = dir.path("speech.wav");
    media::speech(
        &speech,
        "Hello, your parcel is on its way. Have a lovely day.",
    );
    let _playing = mic.play(&speech);
    let out = dir.path("speech.ogg");
    let run = record(
        &mic,
        &dir.path("data"),
        &[
            "--for",
            "telegram",
            "--device",
            "pulseaudio:vspk.monitor",
            "--seconds",
            "3",
            "-o",
            s(&out),
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let probe = media::ffprobe(&out);
    assert_eq!(probe["streams"][0]["codec_name"], "opus");
    let decoded = media::ffmpeg_decode(&out, 48_000);
    let rms =
        (decoded.iter().map(|s| (*s as f64).powi(2)).sum::<f64>() / decoded.len() as f64).sqrt();
    assert!(
        20.0 * rms.log10() > -40.0,
        "speech was captured (RMS {:.1} dBFS)",
        20.0 * rms.log10()
    );
}

#[test]
fn a_take_killed_mid_sentence_is_recovered() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = Scratch::new();
    let data = dir.path("data");
    let mut child = Daemon::spawn(
        "hark record",
        rig::bins::hark_command()
            .args(["record", "--for", "whatsapp", "-o"])
            .arg(dir.path("never.ogg"))
            .envs(mic.env())
            .env("HARK_DATA_DIR", &data)
            .stdin(Stdio::piped()) // held open: the take goes on until killed
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    wait_for_spooled(&data, 2 * 48_000 * 2);
    signal(child.pid(), libc::SIGKILL);
    child.stop();

    let out = dir.path("recovered");
    std::fs::create_dir_all(&out).unwrap();
    let list = rig::process::run_with_limit(
        rig::bins::hark_command()
            .args(["recover", "--list"])
            .env("HARK_DATA_DIR", &data),
        Duration::from_secs(30),
    );
    assert!(
        String::from_utf8_lossy(&list.stdout).contains("for WhatsApp"),
        "listed"
    );
    let run = rig::process::run_with_limit(
        rig::bins::hark_command()
            .args(["recover", "-o", s(&out), "--json"])
            .env("HARK_DATA_DIR", &data),
        Duration::from_secs(30),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let restored: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let path = restored[0]["output"].as_str().expect("one take restored");
    let decoded = media::ffmpeg_decode(Path::new(path), 48_000);
    let secs = decoded.len() as f64 / 48_000.0;
    assert!(secs >= 1.5, "the take up to its last half-second: {secs} s");
    let hz = media::tone_hz(&decoded, 48_000);
    assert!((hz - 440.0).abs() <= 5.0, "{hz} Hz");
    assert!(spool_is_empty(&data), "the recovered spool is removed");
    let again = hark(&["recover"]);
    assert_eq!(again.code, 0);
}

#[test]
fn no_sound_server_is_a_clear_error_not_a_hang() {
    let dir = Scratch::new();
    let nowhere = dir.path("no-runtime");
    std::fs::create_dir_all(&nowhere).unwrap();
    let out = rig::process::run_with_limit(
        rig::bins::hark_command()
            .args([
                "record",
                "--for",
                "whatsapp",
                "--seconds",
                "2",
                "-o",
                "x.ogg",
            ])
            .env("XDG_RUNTIME_DIR", &nowhere)
            .env(
                "PULSE_SERVER",
                format!("unix:{}/missing", nowhere.display()),
            )
            .env("HARK_DATA_DIR", dir.path("data")),
        Duration::from_secs(30),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("No microphone found"), "{stderr}");
    assert!(stderr.contains("What to do:"), "{stderr}");
    assert!(spool_is_empty(&dir.path("data")), "nothing left behind");
}

#[test]
fn an_unknown_device_is_named_in_the_error() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = Scratch::new();
    let run = record(
        &mic,
        &dir.path("data"),
        &[
            "--for",
            "whatsapp",
            "--device",
            "Jabra 9000",
            "--seconds",
            "1",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("there is no input device called \"Jabra 9000\""),
        "{}",
        run.stderr
    );
    let run = record(
        &mic,
        &dir.path("data"),
        &[
            "--for",
            "whatsapp",
            "--device",
            "sine source",
            "--seconds",
            "1",
            "-o",
            s(&dir.path("n.ogg")),
        ],
    );
    assert_eq!(
        run.code, 0,
        "a part of the name picks the device: {}",
        run.stderr
    );
}

#[test]
fn devices_lists_the_virtual_microphone_as_default() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let out = rig::process::run_with_limit(
        rig::bins::hark_command()
            .args(["devices", "--json"])
            .envs(mic.env()),
        Duration::from_secs(30),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let devices = v["devices"].as_array().unwrap();
    let vmic = devices
        .iter()
        .find(|d| d["id"] == "pulseaudio:vmic")
        .expect("listed");
    assert_eq!(vmic["is_default"], true);
    assert_eq!(vmic["name"], "Sine source at 440 Hz");
    let supported = vmic["supported"]
        .as_array()
        .expect("supported formats listed");
    assert!(
        supported
            .iter()
            .any(|f| f["min_sample_rate"].as_u64() <= Some(8_000)
                && f["max_sample_rate"].as_u64() >= Some(48_000)),
        "{supported:?}"
    );
    assert!(devices.iter().any(|d| d["id"] == "pulseaudio:vspk.monitor"));
}

#[test]
fn a_recording_is_cleaned_while_it_is_made() {
    let mic = VirtualMic::start(Signal::Silence);
    let dir = Scratch::new();
    let speech = dir.path("speech.wav");
    media::speech(
        &speech,
        "Thanks for waiting. I have sent the replacement today.",
    );
    let quiet = dir.path("quiet.wav");
    media::sox(&speech, &quiet, &["vol", "0.1", "pad", "0.5", "0"]);
    let speech_secs = media::ffmpeg_decode(&speech, 48_000).len() as f64 / 48_000.0;
    let _playing = mic.play(&quiet);
    let out = dir.path("clean.ogg");
    // Record well past the end of the speech: the trailing silence must not be sent.
    let seconds = format!("{:.1}", speech_secs + 3.0);
    let run = record(
        &mic,
        &dir.path("data"),
        &[
            "--for",
            "whatsapp",
            "--device",
            "pulseaudio:vspk.monitor",
            "--seconds",
            &seconds,
            "-o",
            s(&out),
            "--json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let cleanup = &v["note"]["cleanup"];
    assert!(
        cleanup["trimmed_end_ms"].as_u64().unwrap() >= 2000,
        "{cleanup}"
    );
    let kept = v["note"]["duration_ms"].as_u64().unwrap() as f64 / 1000.0;
    assert!(
        kept < speech_secs + 1.0,
        "{kept} s kept of {speech_secs} s of speech"
    );
    let (lufs, peak) = media::loudness(&out);
    assert!((lufs - -16.0).abs() <= 2.0, "{lufs} LUFS");
    assert!(peak <= -1.0, "{peak} dBTP");
}

fn exits_cleanly_with_the_take(mut child: Daemon, out: &Path, data: &Path) {
    let status = wait::until(Duration::from_secs(20), "hark record to finish", || {
        child.child().try_wait().ok().flatten()
    });
    assert!(status.success(), "exit status {status}");
    let secs = media::ffmpeg_decode(out, 48_000).len() as f64 / 48_000.0;
    assert!(secs >= 1.0, "the take is kept: {secs} s");
    assert!(spool_is_empty(data), "the saved take's spool is removed");
}

#[test]
fn enter_stops_the_recording_and_keeps_the_take() {
    use std::io::Write;
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = Scratch::new();
    let (data, out) = (dir.path("data"), dir.path("enter.ogg"));
    let mut child = recording_child(&mic, &data, &out);
    child
        .child()
        .stdin
        .as_mut()
        .unwrap()
        .write_all(b"\n")
        .unwrap();
    exits_cleanly_with_the_take(child, &out, &data);
}

#[test]
fn ctrl_c_stops_the_recording_and_keeps_the_take() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = Scratch::new();
    let (data, out) = (dir.path("data"), dir.path("ctrl-c.ogg"));
    let child = recording_child(&mic, &data, &out);
    signal(child.pid(), libc::SIGINT);
    exits_cleanly_with_the_take(child, &out, &data);
}

#[test]
fn a_silent_take_warns_that_the_microphone_may_be_muted() {
    let mic = VirtualMic::start(Signal::Silence);
    let dir = Scratch::new();
    let out = dir.path("silent.ogg");
    let run = record(
        &mic,
        &dir.path("data"),
        &["--for", "whatsapp", "--seconds", "1", "-o", s(&out)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("nothing but silence was heard"),
        "{}",
        run.stdout
    );
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let run = record(
        &mic,
        &dir.path("data"),
        &["--for", "whatsapp", "--seconds", "1", "-o", s(&out)],
    );
    assert!(
        !run.stdout.contains("nothing but silence"),
        "{}",
        run.stdout
    );
}
