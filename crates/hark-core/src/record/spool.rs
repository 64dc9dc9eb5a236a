//! The crash-safe raw copy of a take, written as it is captured.
//!
//! Two files per take in `<data>/spool/`: `<id>.pcm`, mono 16-bit little-endian PCM at
//! the capture rate, flushed every half second; and `<id>.json`, written once at the
//! start, saying the rate, the platform and which process owns the take. After a crash
//! (even `kill -9`) the PCM holds everything up to its last flush, and `interrupted`
//! finds it because its owner is gone. A finished or cancelled take removes both.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::audio::encode::to_i16;
use crate::platform::Platform;

/// How often the spool reaches the disk: a crash loses at most this much.
pub const FLUSH_EVERY: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SpoolInfo {
    pub id: String,
    pub sample_rate: u32,
    pub platform: String,
    /// Seconds since the Unix epoch when the take started.
    pub started: u64,
    /// The process recording it; a take whose process is gone was interrupted.
    pub pid: u32,
    /// Whether the take was being cleaned up (recovery does the same).
    #[serde(default = "yes")]
    pub clean: bool,
}

fn yes() -> bool {
    true
}

pub struct Spool {
    rate: u32,
    pcm: BufWriter<File>,
    pcm_path: PathBuf,
    info_path: PathBuf,
    last_flush: Instant,
}

impl Spool {
    pub fn create(
        dir: &Path,
        rate: u32,
        platform: Platform,
        clean: bool,
    ) -> std::io::Result<Spool> {
        std::fs::create_dir_all(dir)?;
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let id = format!(
            "take-{}-{:06}",
            started.as_secs(),
            (started.subsec_micros() ^ std::process::id()) % 1_000_000
        );
        let info = SpoolInfo {
            id: id.clone(),
            sample_rate: rate,
            platform: platform.id().to_string(),
            started: started.as_secs(),
            pid: std::process::id(),
            clean,
        };
        let info_path = dir.join(format!("{id}.json"));
        crate::files::write_atomically(&info_path, &serde_json::to_vec_pretty(&info)?)?;
        let pcm_path = dir.join(format!("{id}.pcm"));
        let pcm = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&pcm_path)?;
        crate::files::sync_folder_of(&pcm_path)?;
        let pcm = BufWriter::with_capacity(64 * 1024, pcm);
        Ok(Spool {
            rate,
            pcm,
            pcm_path,
            info_path,
            last_flush: Instant::now(),
        })
    }

    /// Appends mono samples; reaches the disk at least every [`FLUSH_EVERY`].
    pub fn write(&mut self, mono: &[f32]) -> std::io::Result<()> {
        for &s in mono {
            self.pcm.write_all(&to_i16(s).to_le_bytes())?;
        }
        if self.last_flush.elapsed() >= FLUSH_EVERY {
            // To the disk itself, not only the system's cache: a power cut keeps all
            // but the last half-second.
            self.pcm.flush()?;
            self.pcm.get_ref().sync_data()?;
            self.last_flush = Instant::now();
        }
        Ok(())
    }

    /// Writes the whole take as a WAV file at `dest` (the raw take a note can be made
    /// again from), then removes the spool.
    pub fn into_wav(mut self, dest: &Path) -> std::io::Result<()> {
        self.pcm.flush()?;
        pcm_to_wav(&self.pcm_path, self.rate, dest)?;
        self.remove();
        Ok(())
    }

    /// Removes the spool (the take was saved or cancelled).
    pub fn remove(self) {
        let Spool {
            pcm,
            pcm_path,
            info_path,
            ..
        } = self;
        drop(pcm);
        let _ = std::fs::remove_file(pcm_path);
        let _ = std::fs::remove_file(info_path);
    }
}

/// A take whose recording process is gone.
#[derive(Debug, Clone, Serialize)]
pub struct Interrupted {
    pub info: SpoolInfo,
    pub duration_ms: u64,
    #[serde(skip)]
    pub pcm_path: PathBuf,
    #[serde(skip)]
    pub info_path: PathBuf,
}

impl Interrupted {
    /// The take's samples, up to the last whole sample on disk.
    pub fn samples(&self) -> std::io::Result<Vec<f32>> {
        let mut bytes = Vec::new();
        File::open(&self.pcm_path)?.read_to_end(&mut bytes)?;
        Ok(bytes
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]) as f32 / 32768.0)
            .collect())
    }

    /// Writes the take as a WAV file at `dest` (the spool stays until [`Self::remove`]).
    pub fn to_wav(&self, dest: &Path) -> std::io::Result<()> {
        pcm_to_wav(&self.pcm_path, self.info.sample_rate, dest)
    }

    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.pcm_path);
        let _ = std::fs::remove_file(&self.info_path);
    }
}

/// Copies mono 16-bit PCM into a WAV file, streaming (a long take is never held in
/// memory), written beside `dest` and renamed into place once it is on disk.
fn pcm_to_wav(pcm: &Path, rate: u32, dest: &Path) -> std::io::Result<()> {
    let mut input = File::open(pcm)?;
    // Up to the last whole sample, and no more than a WAV can say.
    let len = (input.metadata()?.len() & !1).min(u32::MAX as u64 - 36);
    let tmp = dest.with_file_name(format!(
        ".{}.{:08x}.part",
        dest.file_name().unwrap_or_default().to_string_lossy(),
        fastrand::u32(..)
    ));
    let mut write = || -> std::io::Result<()> {
        let mut out = BufWriter::new(
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?,
        );
        out.write_all(&wav_header(rate, len as u32))?;
        std::io::copy(&mut (&mut input).take(len), &mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, dest)?;
        crate::files::sync_folder_of(dest)
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// The 44-byte header of a mono 16-bit PCM WAV holding `data_len` bytes.
fn wav_header(rate: u32, data_len: u32) -> [u8; 44] {
    let mut h = [0u8; 44];
    h[0..4].copy_from_slice(b"RIFF");
    h[4..8].copy_from_slice(&(36 + data_len).to_le_bytes());
    h[8..16].copy_from_slice(b"WAVEfmt ");
    h[16..20].copy_from_slice(&16u32.to_le_bytes());
    h[20..22].copy_from_slice(&1u16.to_le_bytes()); // PCM
    h[22..24].copy_from_slice(&1u16.to_le_bytes()); // mono
    h[24..28].copy_from_slice(&rate.to_le_bytes());
    h[28..32].copy_from_slice(&(rate * 2).to_le_bytes());
    h[32..34].copy_from_slice(&2u16.to_le_bytes());
    h[34..36].copy_from_slice(&16u16.to_le_bytes());
    h[36..40].copy_from_slice(b"data");
    h[40..44].copy_from_slice(&data_len.to_le_bytes());
    h
}

/// Takes in `dir` whose owner process is no longer running, oldest first.
pub fn interrupted(dir: &Path) -> Vec<Interrupted> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Interrupted> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|info_path| {
            let info: SpoolInfo = serde_json::from_slice(&std::fs::read(&info_path).ok()?).ok()?;
            if process_alive(info.pid) && info.pid != std::process::id() {
                return None;
            }
            let pcm_path = info_path.with_extension("pcm");
            let bytes = std::fs::metadata(&pcm_path).map(|m| m.len()).unwrap_or(0);
            Some(Interrupted {
                duration_ms: bytes / 2 * 1000 / info.sample_rate.max(1) as u64,
                info,
                pcm_path,
                info_path,
            })
        })
        .collect();
    found.sort_by_key(|t| t.info.started);
    found
}

/// Whether process `pid` is still running (a zombie counts as gone).
#[cfg(unix)]
pub fn process_alive(pid: u32) -> bool {
    // A zombie still has a /proc entry; its state is 'Z'.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            !stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
        .unwrap_or(false)
}

#[cfg(not(unix))]
pub fn process_alive(_pid: u32) -> bool {
    // Without a cheap check, treat every spool as interrupted: recovering a live take
    // would only copy what is on disk so far.
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flushed_take_is_found_after_its_process_is_gone_and_removed_after() {
        let dir = tempfile::tempdir().unwrap();
        let mut spool = Spool::create(dir.path(), 16_000, Platform::Whatsapp, true).unwrap();
        spool.write(&vec![0.25; 16_000]).unwrap();
        spool.pcm.flush().unwrap();
        // Pretend the owner died: point the sidecar at a pid that is not running.
        let mut info: SpoolInfo =
            serde_json::from_slice(&std::fs::read(&spool.info_path).unwrap()).unwrap();
        info.pid = u32::MAX - 7;
        std::fs::write(&spool.info_path, serde_json::to_vec(&info).unwrap()).unwrap();

        let found = interrupted(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].duration_ms, 1000);
        assert_eq!(found[0].info.platform, "whatsapp");
        let samples = found[0].samples().unwrap();
        assert_eq!(samples.len(), 16_000);
        assert!((samples[0] - 0.25).abs() < 1e-3);
        // The raw take as a WAV file: every sample, as any reader sees it.
        let wav = dir.path().join("take.wav");
        found[0].to_wav(&wav).unwrap();
        let reader = hound::WavReader::open(&wav).unwrap();
        assert_eq!(
            (reader.spec().sample_rate, reader.spec().channels),
            (16_000, 1)
        );
        assert_eq!(reader.len(), 16_000);
        std::fs::remove_file(&wav).unwrap();
        found[0].remove();
        assert!(interrupted(dir.path()).is_empty());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        drop(spool);
    }

    #[test]
    fn a_take_whose_process_is_alive_is_not_interrupted() {
        let dir = tempfile::tempdir().unwrap();
        let spool = Spool::create(dir.path(), 8_000, Platform::Wechat, false).unwrap();
        let mut info: SpoolInfo =
            serde_json::from_slice(&std::fs::read(&spool.info_path).unwrap()).unwrap();
        info.pid = 1; // init is always running
        std::fs::write(&spool.info_path, serde_json::to_vec(&info).unwrap()).unwrap();
        assert!(interrupted(dir.path()).is_empty());
        spool.remove();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
