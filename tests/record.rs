//! Recording against the real PulseAudio virtual microphone: the files pass the
//! independent checkers, the tone keeps its pitch, pauses leave no gap or click, a
//! cancelled take leaves nothing behind, the limit stops the take and keeps it, a
//! `kill -9` mid-take is recovered, and no sound server means a clear error, not a hang.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use hark_core::platform::Platform;
use hark_core::record::{EndReason, RecordOptions, Recording, State};
use rig::bins::hark;
use rig::media::{self, Scratch};
use rig::process::{Daemon, signal};
use rig::pulse::{Signal, VirtualMic};
use rig::wait;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `hark record` as a child with the rig's sound server, data folder and stdin closed.
fn record(mic: &VirtualMic, data: &Path, args: &[&str]) -> rig::bins::Run {
    let mut all = vec!["record"];
    all.extend_from_slice(args);
    let out = rig::process::run_with_limit(
        Command::new(rig::bins::built("hark"))
            .args(&all)
            .envs(mic.env())
            .env("HARK_DATA_DIR", data),
        Duration::from_secs(60),
    );
    rig::bins::Run {
        code: out.status.code().expect("not killed"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// For tests that drive the recorder in-process: point cpal at the rig's server.
/// Each test runs in its own process under nextest, before any other thread starts.
fn use_sound_server(mic: &VirtualMic) {
    for (k, v) in mic.env() {
        // SAFETY: called first thing in the test, while the process has one thread.
        unsafe { std::env::set_var(k, v) };
    }
}

/// Recording from the default input into `spool_dir`.
fn options(
    platform: Platform,
    max_duration: Option<Duration>,
    spool_dir: std::path::PathBuf,
    clean: bool,
) -> RecordOptions {
    RecordOptions {
        platform,
        device: None,
        max_duration,
        spool_dir,
        clean,
    }
}

fn spool_is_empty(data: &Path) -> bool {
    std::fs::read_dir(data.join("spool")).map_or(true, |mut d| d.next().is_none())
}

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
            run.stdout.contains("Stopped after 0:03.0 as asked"),
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
fn pause_and_resume_leave_no_gap_click_or_paused_time() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let started = std::time::Instant::now();
    let rec = Recording::start(options(Platform::Whatsapp, None, dir.path("spool"), false))
        .expect("recording starts");
    let reach = |secs: f64| {
        wait::until(Duration::from_secs(15), "recorded time", || {
            (rec.status().elapsed.as_secs_f64() >= secs).then_some(())
        })
    };
    let sleep_for = |d: Duration| {
        let t = std::time::Instant::now();
        wait::until(d + Duration::from_secs(1), "time to pass", || {
            (t.elapsed() >= d).then_some(())
        });
    };
    reach(1.0);
    rec.pause();
    wait::until(Duration::from_secs(5), "the pause", || {
        (rec.status().state == State::Paused).then_some(())
    });
    let at_pause = rec.status().elapsed;
    // The virtual source delivers in ~2 s bursts: pause long enough for audio to keep
    // arriving while paused. None of it may count.
    let paused = Duration::from_millis(4500);
    sleep_for(paused);
    assert_eq!(
        rec.status().elapsed,
        at_pause,
        "the timer holds while paused"
    );
    rec.resume();
    reach(at_pause.as_secs_f64() + 1.0);
    let recorded = rec.status().elapsed;
    let take = rec.stop().expect("a take");
    let wall = started.elapsed();
    let note = &take.note;
    assert!(
        (note.duration_ms as i64 - recorded.as_millis() as i64).abs() <= 1,
        "the note is exactly the unpaused audio: {} ms vs {recorded:?}",
        note.duration_ms
    );
    assert!(
        wall.as_secs_f64() - note.duration_ms as f64 / 1000.0 >= paused.as_secs_f64() - 2.1,
        "paused time is left out: {wall:?} of wall time, {} ms of note",
        note.duration_ms
    );

    let out = dir.path("paused.ogg");
    std::fs::write(&out, &note.bytes).unwrap();
    let decoded = media::ffmpeg_decode(&out, 48_000);
    assert!((decoded.len() as f64 / 48_000.0 - note.duration_ms as f64 / 1000.0).abs() < 0.001);
    // No click: the largest sample-to-sample step stays near a 440 Hz sine's own
    // (2π·440/48000·0.5 ≈ 0.03), well under what a hard cut would give (up to 1).
    let step = decoded
        .windows(2)
        .map(|w| (w[1] - w[0]).abs())
        .fold(0.0f32, f32::max);
    assert!(step < 0.1, "largest step {step}");
    take.saved();
}

#[test]
fn a_cancelled_take_leaves_no_files() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let spool = dir.path("spool");
    let rec = Recording::start(options(Platform::Wechat, None, spool.clone(), true)).unwrap();
    wait::until(Duration::from_secs(10), "some audio", || {
        (rec.status().elapsed >= Duration::from_millis(600)).then_some(())
    });
    assert!(
        std::fs::read_dir(&spool).unwrap().count() > 0,
        "the take is spooled"
    );
    rec.cancel();
    assert_eq!(
        std::fs::read_dir(&spool).unwrap().count(),
        0,
        "cancel deletes everything"
    );
}

#[test]
fn the_limit_stops_the_take_and_keeps_what_was_said() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let rec = Recording::start(RecordOptions {
        platform: Platform::Wechat,
        device: None,
        // A short test limit; the same mechanism enforces WeChat's 60 s.
        max_duration: Some(Duration::from_millis(1500)),
        spool_dir: dir.path("spool"),
        clean: false,
    })
    .unwrap();
    assert_eq!(rec.status().limit, Some(Duration::from_millis(1500)));
    wait::until(Duration::from_secs(10), "the take to end by itself", || {
        rec.ended().then_some(())
    });
    assert_eq!(rec.status().state, State::LimitReached);
    // The running size estimate tracks the note: AMR-NB is 1600 bytes a second.
    let estimate = rec.status().size_estimate;
    assert!(
        (2_200..=2_600).contains(&estimate),
        "size estimate {estimate} bytes for 1.5 s"
    );
    let take = rec.stop().unwrap();
    assert_eq!(take.ended_by, EndReason::LimitReached);
    assert_eq!(take.note.duration_ms, 1500, "exactly the limit, kept");
    assert_eq!(take.overruns, 0);
    take.saved();

    // Without a shorter limit, WeChat's own 60 s applies.
    let rec = Recording::start(options(
        Platform::Wechat,
        Some(Duration::from_secs(600)),
        dir.path("spool"),
        false,
    ))
    .unwrap();
    assert_eq!(rec.status().limit, Some(Duration::from_secs(60)));
    assert!(rec.limit_is_platforms());
    rec.cancel();
}

#[test]
fn a_take_killed_mid_sentence_is_recovered() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = Scratch::new();
    let data = dir.path("data");
    let mut child = Daemon::spawn(
        "hark record",
        Command::new(rig::bins::built("hark"))
            .args(["record", "--for", "whatsapp", "-o"])
            .arg(dir.path("never.ogg"))
            .envs(mic.env())
            .env("HARK_DATA_DIR", &data)
            .stdin(Stdio::piped()) // held open: the take goes on until killed
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let spool = data.join("spool");
    wait::until(Duration::from_secs(20), "two seconds on disk", || {
        let pcm = std::fs::read_dir(&spool)
            .ok()?
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "pcm"))?;
        (pcm.metadata().ok()?.len() >= 2 * 48_000 * 2).then_some(())
    });
    signal(child.pid(), libc::SIGKILL);
    child.stop();

    let out = dir.path("recovered");
    std::fs::create_dir_all(&out).unwrap();
    let list = rig::process::run_with_limit(
        Command::new(rig::bins::built("hark"))
            .args(["recover", "--list"])
            .env("HARK_DATA_DIR", &data),
        Duration::from_secs(30),
    );
    assert!(
        String::from_utf8_lossy(&list.stdout).contains("for whatsapp"),
        "listed"
    );
    let run = rig::process::run_with_limit(
        Command::new(rig::bins::built("hark"))
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
        Command::new(rig::bins::built("hark"))
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
        Command::new(rig::bins::built("hark"))
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
fn a_device_that_fails_mid_take_ends_it_and_keeps_what_was_captured() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let rec =
        Recording::start(options(Platform::Telegram, None, dir.path("spool"), false)).unwrap();
    wait::until(Duration::from_secs(10), "some audio", || {
        (rec.status().elapsed >= Duration::from_secs(1)).then_some(())
    });
    // The sound server goes away under the running stream, as when a USB headset is
    // unplugged or the audio service crashes.
    drop(mic);
    wait::until(Duration::from_secs(15), "the take to end by itself", || {
        rec.ended().then_some(())
    });
    assert_eq!(rec.status().state, State::DeviceFailed);
    let take = rec.stop().expect("the take is kept");
    assert_eq!(take.ended_by, EndReason::DeviceFailed);
    let err = take
        .device_error
        .as_ref()
        .expect("the device's error is reported");
    assert!(!hark_core::UserError::remedy(err).is_empty());
    assert!(
        take.note.duration_ms >= 1000,
        "{} ms kept",
        take.note.duration_ms
    );
    let out = dir.path("kept.ogg");
    std::fs::write(&out, &take.note.bytes).unwrap();
    assert!(media::opusinfo(&out).contains("Channels: 1"));
    take.saved();
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

/// Starts `hark record` with a pipe on stdin and waits until it has recorded a second.
fn recording_child(mic: &VirtualMic, data: &Path, out: &Path) -> Daemon {
    let child = Daemon::spawn(
        "hark record",
        Command::new(rig::bins::built("hark"))
            .args(["record", "--for", "whatsapp", "-o", s(out), "--no-clean"])
            .envs(mic.env())
            .env("HARK_DATA_DIR", data)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    let spool = data.join("spool");
    wait::until(Duration::from_secs(20), "a second on disk", || {
        let pcm = std::fs::read_dir(&spool)
            .ok()?
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "pcm"))?;
        (pcm.metadata().ok()?.len() >= 48_000 * 2).then_some(())
    });
    child
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

#[test]
fn a_device_that_stops_sending_sound_ends_the_take_and_keeps_it() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let rec =
        Recording::start(options(Platform::Telegram, None, dir.path("spool"), false)).unwrap();
    wait::until(Duration::from_secs(10), "some audio", || {
        (rec.status().elapsed >= Duration::from_secs(1)).then_some(())
    });
    // The server freezes: no audio, and no error either.
    mic.freeze();
    let frozen = std::time::Instant::now();
    wait::until(Duration::from_secs(10), "the stall to be noticed", || {
        rec.ended().then_some(())
    });
    assert!(
        frozen.elapsed() < Duration::from_secs(8),
        "noticed in {:?}",
        frozen.elapsed()
    );
    assert_eq!(rec.status().state, State::DeviceFailed);
    let take = rec
        .stop()
        .expect("the take is kept, and stopping does not hang");
    let err = take.device_error.as_ref().expect("a reason");
    assert!(err.to_string().contains("stopped sending sound"), "{err}");
    assert!(take.note.duration_ms >= 1000);
    take.saved();
    mic.thaw();
}
