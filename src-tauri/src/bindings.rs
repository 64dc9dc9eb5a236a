//! The typed bridge to the UI: every command is registered here, and the TypeScript
//! bindings in `ui/src/lib/bindings.ts` are generated from it (and checked by a test).

use specta_typescript::Typescript;
use tauri_specta::{Builder, collect_commands};

use crate::commands;

/// Where the generated bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new().commands(collect_commands![
        commands::app_info::app_info,
        commands::platforms::platforms,
        commands::accounts::list_accounts,
        commands::accounts::account,
        commands::accounts::add_account,
        commands::accounts::update_account,
        commands::accounts::verify_account,
        commands::accounts::remove_account,
        commands::clips::import_clip,
        commands::links::import_link,
        commands::clips::choose_file,
        commands::clips::remake_clip,
        commands::clips::cancel_import,
        commands::clips::discard_clip,
        commands::drafts::unsent_drafts,
        commands::drafts::restore_draft,
        commands::drafts::discard_draft,
        commands::quit::quit,
        commands::opened::take_opened_files,
        commands::send::send_clip,
        commands::history::history,
        commands::history::resend,
        commands::history::check_send,
        commands::history::refresh_reached,
        commands::history::inbox,
        commands::contacts::recent_recipients,
        commands::contacts::check_recipient,
        commands::contacts::contacts,
        commands::contacts::save_contact,
        commands::contacts::remove_contact,
        commands::contacts::import_contacts,
        commands::contacts::choose_contacts_file,
        commands::record::start_recording,
        commands::record::pause_recording,
        commands::record::resume_recording,
        commands::record::stop_recording,
        commands::record::discard_recording,
        commands::settings::last_account,
        commands::settings::remember_account,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::settings::input_devices,
        commands::settings::test_input,
        commands::settings::stop_input_test,
    ])
}

pub fn typescript() -> Typescript {
    Typescript::default()
        .header("// Regenerate: HARK_UPDATE_BINDINGS=1 cargo test -p hark-app bindings\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// build.rs (which makes the permissions), the capability (which grants them) and
    /// the registered commands name the same commands.
    #[test]
    fn every_command_is_declared_and_granted_and_nothing_else() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let build = std::fs::read_to_string(root.join("build.rs")).unwrap();
        let capability: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("capabilities/main.json")).unwrap(),
        )
        .unwrap();
        let granted: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter(|p| !p.contains(':'))
            .filter_map(|p| p.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        // The names build.rs declares: the quoted words of its command list.
        let list = build
            .split("commands(&[")
            .nth(1)
            .and_then(|rest| rest.split("])").next())
            .expect("build.rs declares a command list");
        let declared: Vec<&str> = list.split('"').skip(1).step_by(2).collect();
        let mut names = declared.clone();
        names.sort();
        let mut granted_sorted: Vec<&str> = granted.iter().map(String::as_str).collect();
        granted_sorted.sort();
        assert_eq!(names, granted_sorted, "capabilities/main.json");
        let exported = std::fs::read_to_string(root.join(BINDINGS_PATH)).unwrap();
        let registered = exported.matches("__TAURI_INVOKE(\"").count()
            + exported.matches("__TAURI_INVOKE<").count();
        assert_eq!(
            registered,
            declared.len(),
            "registered commands vs build.rs"
        );
        for name in &declared {
            assert!(
                exported.contains(&format!("(\"{name}\"")),
                "bindings lack {name}"
            );
        }
    }

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
