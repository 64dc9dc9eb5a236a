//! Bytes as lowercase hexadecimal (API keys, their hashes, ids made of random bytes).

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// `len` random bytes from the OS's random source, as hexadecimal.
pub fn random(len: usize) -> Result<String, getrandom::Error> {
    let mut raw = vec![0u8; len];
    getrandom::fill(&mut raw)?;
    Ok(hex(&raw))
}
