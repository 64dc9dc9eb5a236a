fn main() {
    // Declaring the app's commands makes Tauri generate one permission per command
    // (`allow-app-info`, …), so capabilities/main.json can list exactly what the
    // window uses and nothing else is callable.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "platforms",
        "list_accounts",
        "account",
        "add_account",
        "update_account",
        "verify_account",
        "remove_account",
        "import_clip",
        "choose_file",
        "remake_clip",
        "cancel_import",
        "discard_clip",
        "unsent_drafts",
        "restore_draft",
        "discard_draft",
        "quit",
        "take_opened_files",
        "send_clip",
        "history",
        "resend",
        "check_send",
        "inbox",
        "recent_recipients",
        "check_recipient",
        "start_recording",
        "pause_recording",
        "resume_recording",
        "stop_recording",
        "discard_recording",
        "last_account",
        "remember_account",
        "get_settings",
        "save_settings",
        "input_devices",
        "test_input",
        "stop_input_test",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("failed to run tauri-build");
}
