//! The typed bridge to the UI: every command is registered here, and the TypeScript
//! bindings in `ui/src/lib/bindings.ts` are generated from it (and checked by a test).

use specta_typescript::Typescript;
use tauri_specta::{Builder, collect_commands};

use crate::commands;

/// Where the generated bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new().commands(collect_commands![commands::app_info::app_info])
}

pub fn typescript() -> Typescript {
    Typescript::default()
        .header("// Regenerate: HARK_UPDATE_BINDINGS=1 cargo test -p hark-app bindings\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_bindings_match_the_rust_commands() {
        let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        let tmp = tempfile::tempdir().unwrap();
        let fresh_path = tmp.path().join("bindings.ts");
        builder().export(typescript(), &fresh_path).unwrap();
        let fresh = std::fs::read_to_string(&fresh_path).unwrap();
        if std::env::var_os("HARK_UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh).unwrap();
        }
        let on_disk = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            on_disk == fresh,
            "ui/src/lib/bindings.ts is out of date with the Rust commands; regenerate it with \
             HARK_UPDATE_BINDINGS=1 cargo test -p hark-app bindings"
        );
    }
}
