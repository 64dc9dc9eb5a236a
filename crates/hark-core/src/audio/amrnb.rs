//! A small safe wrapper over libopencore-amrnb (3GPP TS 26.073 AMR-NB).
//!
//! Frames are 20 ms: 160 samples of 16-bit mono PCM at 8 kHz. Encoded frames carry the
//! one-byte frame header of the RFC 4867 storage format, so they can be written to an
//! `#!AMR\n` file as they come.

use std::ffi::{c_int, c_short, c_uchar, c_void};

/// Samples in one 20 ms frame at 8 kHz.
pub const FRAME_SAMPLES: usize = 160;
/// Bytes of one MR122 frame including its header.
pub const MR122_FRAME_BYTES: usize = 32;
/// The storage-format magic.
pub const MAGIC: &[u8] = b"#!AMR\n";

const MR122: c_int = 7;

unsafe extern "C" {
    fn Encoder_Interface_init(dtx: c_int) -> *mut c_void;
    fn Encoder_Interface_exit(state: *mut c_void);
    fn Encoder_Interface_Encode(
        state: *mut c_void,
        mode: c_int,
        speech: *const c_short,
        out: *mut c_uchar,
        force_speech: c_int,
    ) -> c_int;
    fn Decoder_Interface_init() -> *mut c_void;
    fn Decoder_Interface_exit(state: *mut c_void);
    fn Decoder_Interface_Decode(
        state: *mut c_void,
        input: *const c_uchar,
        out: *mut c_short,
        bfi: c_int,
    );
}

/// An MR122 encoder with DTX off (so every frame is speech: comfort-noise frames
/// trip some decoders).
pub struct Encoder {
    state: *mut c_void,
}

// SAFETY: the state is owned exclusively by this value and only used through &mut self.
unsafe impl Send for Encoder {}

impl Encoder {
    pub fn new() -> Option<Encoder> {
        // SAFETY: plain constructor; a null return is handled.
        let state = unsafe { Encoder_Interface_init(0) };
        (!state.is_null()).then_some(Encoder { state })
    }

    /// Encodes one frame; returns the frame bytes (header included).
    pub fn encode(&mut self, frame: &[i16; FRAME_SAMPLES]) -> [u8; MR122_FRAME_BYTES] {
        // The library writes at most 32 bytes for MR122; leave headroom anyway.
        let mut out = [0u8; 64];
        // SAFETY: `frame` holds the 160 samples the codec reads; `out` is larger than
        // the largest frame it writes.
        let n = unsafe {
            Encoder_Interface_Encode(self.state, MR122, frame.as_ptr(), out.as_mut_ptr(), 0)
        };
        debug_assert_eq!(n as usize, MR122_FRAME_BYTES);
        let mut frame_bytes = [0u8; MR122_FRAME_BYTES];
        frame_bytes.copy_from_slice(&out[..MR122_FRAME_BYTES]);
        frame_bytes
    }
}

impl Drop for Encoder {
    fn drop(&mut self) {
        // SAFETY: state came from Encoder_Interface_init and is freed once.
        unsafe { Encoder_Interface_exit(self.state) }
    }
}

/// Bytes of a frame (header included) for the frame type in its header byte, or
/// `None` for a type that does not occur in storage-format files.
pub fn frame_bytes(header: u8) -> Option<usize> {
    // RFC 4867 §5.3: payload sizes of frame types 0..=8 (MR475..SID), 15 = NO_DATA.
    const PAYLOAD: [usize; 9] = [12, 13, 15, 17, 19, 20, 26, 31, 5];
    match (header >> 3) & 0x0F {
        t @ 0..=8 => Some(1 + PAYLOAD[t as usize]),
        15 => Some(1),
        _ => None,
    }
}

/// An AMR-NB decoder.
pub struct Decoder {
    state: *mut c_void,
}

// SAFETY: as for Encoder.
unsafe impl Send for Decoder {}

impl Decoder {
    pub fn new() -> Option<Decoder> {
        // SAFETY: plain constructor; a null return is handled.
        let state = unsafe { Decoder_Interface_init() };
        (!state.is_null()).then_some(Decoder { state })
    }

    /// Decodes one frame (header included) into 160 samples.
    pub fn decode(&mut self, frame: &[u8], out: &mut [i16; FRAME_SAMPLES]) {
        // The C decoder may read past a short frame: hand it a padded copy.
        let mut padded = [0u8; 64];
        let n = frame.len().min(padded.len());
        padded[..n].copy_from_slice(&frame[..n]);
        // SAFETY: `padded` is larger than any frame; `out` holds 160 samples.
        unsafe { Decoder_Interface_Decode(self.state, padded.as_ptr(), out.as_mut_ptr(), 0) }
    }
}

impl Drop for Decoder {
    fn drop(&mut self) {
        // SAFETY: state came from Decoder_Interface_init and is freed once.
        unsafe { Decoder_Interface_exit(self.state) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tone_survives_encode_and_decode() {
        let mut enc = Encoder::new().unwrap();
        let mut dec = Decoder::new().unwrap();
        let mut energy_in = 0.0f64;
        let mut energy_out = 0.0f64;
        for f in 0..50 {
            let mut frame = [0i16; FRAME_SAMPLES];
            for (i, s) in frame.iter_mut().enumerate() {
                let t = (f * FRAME_SAMPLES + i) as f64 / 8000.0;
                *s = (8000.0 * (2.0 * std::f64::consts::PI * 440.0 * t).sin()) as i16;
                energy_in += (*s as f64).powi(2);
            }
            let bytes = enc.encode(&frame);
            assert_eq!(
                frame_bytes(bytes[0]),
                Some(MR122_FRAME_BYTES),
                "an MR122 frame"
            );
            let mut out = [0i16; FRAME_SAMPLES];
            dec.decode(&bytes, &mut out);
            energy_out += out.iter().map(|&s| (s as f64).powi(2)).sum::<f64>();
        }
        let ratio = energy_out / energy_in;
        assert!((0.5..1.5).contains(&ratio), "energy ratio {ratio}");
    }
}
