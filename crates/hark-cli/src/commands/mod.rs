pub mod convert;
pub mod devices;
pub mod doctor;
pub mod inspect;
pub mod record;
pub mod recover;
mod report;

use std::path::Path;

/// Writes to a temporary file beside `path`, then renames: a reader never sees half a note.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_file_name(format!(
        ".{}.part",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
