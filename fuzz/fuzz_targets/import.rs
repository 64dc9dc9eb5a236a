//! Any bytes, given to Hark as an audio file to import: sniffing, decoding, and making
//! the note for one platform (the first byte chooses which, and whether to clean up).
//! Whatever the bytes, Hark returns a note or an error; it never panics.

#![no_main]

use hark_core::audio::convert::{ConvertOptions, convert};
use hark_core::platform::Platform;
use libfuzzer_sys::fuzz_target;

const PLATFORMS: [Platform; 3] = [Platform::Telegram, Platform::Messenger, Platform::Wechat];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, file)) = data.split_first() else {
        return;
    };
    let path = std::env::temp_dir().join(format!("hark-fuzz-{}.bin", std::process::id()));
    std::fs::write(&path, file).expect("the fuzzer's scratch file can be written");
    let platform = PLATFORMS[(choice & 0x7f) as usize % PLATFORMS.len()];
    let options = ConvertOptions {
        clean: choice & 0x80 != 0,
        trim_to_limit: true,
    };
    let _ = convert(&path, platform, options);
});
