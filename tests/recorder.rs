//! The recorder in-process (`hark_core::record::Recording`) against the real PulseAudio
//! virtual microphone: pauses leave no gap or click, a cancelled take leaves nothing
//! behind, the limit stops the take and keeps it, and a device that fails or stalls
//! ends the take with what was captured.

use std::time::Duration;

use hark_core::platform::Platform;
use hark_core::record::{EndReason, RecordOptions, Recording, State};
use rig::media::{self, Scratch};
use rig::pulse::{Signal, VirtualMic};
use rig::recording::{options, use_sound_server};
use rig::wait;

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
    // Audio that arrived between the last status and stop is kept too (stop drains
    // what the device delivered): at most one ~2 s burst of the virtual source.
    let extra = note.duration_ms as i64 - recorded.as_millis() as i64;
    assert!(
        (-1..=2100).contains(&extra),
        "the note is the unpaused audio: {} ms vs {recorded:?} counted before stop",
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

/// A Telegram take from the default input with a second of audio in it.
fn a_second_recorded(dir: &Scratch) -> Recording {
    let rec =
        Recording::start(options(Platform::Telegram, None, dir.path("spool"), false)).unwrap();
    wait::until(Duration::from_secs(10), "some audio", || {
        (rec.status().elapsed >= Duration::from_secs(1)).then_some(())
    });
    rec
}

#[test]
fn a_device_that_fails_mid_take_ends_it_and_keeps_what_was_captured() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let rec = a_second_recorded(&dir);
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
fn a_device_that_stops_sending_sound_ends_the_take_and_keeps_it() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let rec = a_second_recorded(&dir);
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

/// This process's threads, by name.
fn thread_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir("/proc/self/task")
        .expect("/proc/self/task")
        .flatten()
        .map(|t| {
            std::fs::read_to_string(t.path().join("comm"))
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn take_after_take_leaves_no_thread_behind() {
    // An agent records all day in one process. Each take opens the microphone and
    // closes it; the sound server's client must not be left behind each time (it
    // was: a thread and about 1 MB a take).
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    use_sound_server(&mic);
    let dir = Scratch::new();
    let take = || {
        let rec = Recording::start(options(Platform::Whatsapp, None, dir.path("spool"), false))
            .expect("recording starts");
        wait::until(Duration::from_secs(15), "audio from the microphone", || {
            (rec.status().elapsed > Duration::ZERO).then_some(())
        });
        rec.stop().expect("a take").saved();
    };
    // The first take makes what every take shares.
    take();
    let after_first = thread_names();
    for _ in 0..3 {
        take();
    }
    // A closed stream's thread may take a moment to end.
    let what = format!("no more threads than after the first take, {after_first:?}");
    wait::until(Duration::from_secs(10), &what, || {
        let now = thread_names();
        if now.len() > after_first.len() {
            eprintln!("threads now: {now:?}");
        }
        (now.len() <= after_first.len()).then_some(())
    });
}
