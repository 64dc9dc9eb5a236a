//! Desktop notifications, for what ends while the agent is looking elsewhere: a send
//! that finished or failed with the window hidden or behind another, and, once a run,
//! that closing the window left Hark working in the tray.

use std::sync::atomic::{AtomicBool, Ordering};

use hark_core::i18n::Words;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

use crate::CommandError;
use crate::lang::{say, say_id};

/// A send that ended: which note, to whom, through which account.
pub struct SendEnded<'a> {
    pub duration_ms: u64,
    pub account: &'a str,
    pub recipient: &'a str,
    /// Whether it was sent, and if not, why.
    pub result: Result<(), &'a CommandError>,
}

/// The words of a send's notification: its summary and its body.
pub fn send_words(ended: &SendEnded) -> (String, String) {
    let note = Words::new("notify-note")
        .text("duration", clock(ended.duration_ms))
        .text("recipient", ended.recipient)
        .text("account", ended.account);
    let (summary, body) = match ended.result {
        Ok(_) => ("notify-sent", Words::new("notify-sent-body")),
        Err(e) if e.code == "delivery_unknown" || e.code == "may_duplicate" => (
            "notify-unknown",
            Words::new("notify-unknown-body").text("why", e.message.clone()),
        ),
        Err(e) => (
            "notify-failed",
            Words::new("notify-failed-body").text("why", e.message.clone()),
        ),
    };
    (say_id(summary), say(&body.words("note", note)))
}

/// "m:ss", as the window shows durations.
fn clock(ms: u64) -> String {
    let secs = (ms + 500) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// Whether the agent is looking at Hark: its window shown and in front.
fn window_in_front(app: &AppHandle) -> bool {
    app.get_webview_window("main").is_some_and(|w| {
        w.is_visible().unwrap_or(false)
            && w.is_focused().unwrap_or(false)
            && !w.is_minimized().unwrap_or(false)
    })
}

/// Tells the outcome of a send on the desktop, unless the window is in front (where
/// the window itself shows it).
pub fn send_ended(app: &AppHandle, ended: &SendEnded) {
    if window_in_front(app) {
        return;
    }
    let (summary, body) = send_words(ended);
    show(app, &summary, &body);
}

/// Says, the first time in a run that the window closes with work under way, that
/// Hark goes on in the tray.
pub fn kept_in_tray(app: &AppHandle, recording: bool) {
    static SAID: AtomicBool = AtomicBool::new(false);
    if SAID.swap(true, Ordering::AcqRel) {
        return;
    }
    let body = match recording {
        true => "notify-still-recording",
        false => "notify-still-sending",
    };
    show(app, &say_id("notify-still-running"), &say_id(body));
}

fn show(app: &AppHandle, summary: &str, body: &str) {
    if let Err(err) = app
        .notification()
        .builder()
        .title(summary)
        .body(body)
        .show()
    {
        eprintln!("Hark: no desktop notification ({err}).");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(result: Result<(), &CommandError>) -> (String, String) {
        send_words(&SendEnded {
            duration_ms: 64_600,
            account: "Night bot",
            recipient: "4242",
            result,
        })
    }

    #[test]
    fn a_notification_names_the_note_the_customer_the_account_and_the_outcome() {
        let (summary, body) = words(Ok(()));
        assert_eq!(summary, "Voice note sent");
        assert_eq!(body, "The 1:05 note to 4242 (Night bot) was delivered.");

        let mut failed = CommandError::internal(&"");
        failed.code = "chat_not_found".into();
        failed.message = "Telegram has no such chat.".into();
        let (summary, body) = words(Err(&failed));
        assert_eq!(summary, "Voice note not sent");
        assert_eq!(
            body,
            "The 1:05 note to 4242 (Night bot) was not sent. Telegram has no such chat."
        );

        let mut unknown = failed.clone();
        unknown.code = "delivery_unknown".into();
        unknown.message = "The answer was lost.".into();
        let (summary, body) = words(Err(&unknown));
        assert_eq!(summary, "Voice note: delivery unknown");
        assert!(body.contains("may or may not have arrived"), "{body}");
        assert!(body.contains("before sending it again"), "{body}");
    }
}
