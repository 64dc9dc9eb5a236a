//! Every screen, checked by axe-core in the real window, in the light and the dark
//! theme, at 1280×800 and at the smallest window (960×600): no serious or critical
//! violation, contrast included. The screenshots taken on the way are docs/screens.md's
//! (`target/e2e/screen-*.png`). The same screens in Simplified Chinese (a Chinese
//! locale) also say nothing in English but names, ids, codes and the platform's words.

use rig::accounts::run;
use rig::desktop::page::{
    LIMIT, axe, click, click_enabled, close_window, drop_file, gone, key, text_when, type_into,
    wait_for,
};
use rig::desktop::{AppSession, E2E_DROP_ENV, kill_app};
use rig::fakes::telegram::{self, Chat, Telegram};
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::pulse::{Signal, VirtualMic};
use rig::wait::until_async;
use thirtyfour::WebDriver;

const BOT_TOKEN: &str = "7000001:AAHk-a11y-bot-token-0001";
/// A long id and a long name: the layout must hold them.
const LONG_ID: &str = "oXyZ_4Fh9a0LONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONGLONG123";
const LONG_NAME: &str = "Acme Customer Support — Northern Europe Night Shift Team Bot";

/// The language a run of the screens is in.
#[derive(Clone, Copy, PartialEq)]
enum Lang {
    English,
    Chinese,
}

/// Words of the window that may stay as they are besides those Hark says the same in
/// every language.
const NOT_TRANSLATED: &[&str] = &[
    // A sample company in a placeholder; the language list names each in its own words.
    "Acme", "English",
];

/// Words of the page that read as English, but for `data` (names and ids the test
/// typed), `NOT_TRANSLATED` and what Hark says the same in every language.
async fn english_on(driver: &WebDriver, data: &[&str]) -> Vec<String> {
    // What a person reads or hears: the text (codes, keys and the platform's own
    // words aside) and the labels, placeholders and titles of controls; not the names
    // of the microphones.
    let text = driver
        .execute(
            "const root = document.body.cloneNode(true);\
             root.querySelectorAll('code, kbd, .raw, script, style, #settings-device option, #app-version')\
               .forEach((e) => e.remove());\
             const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);\
             let text = '';\
             while (walk.nextNode()) text += walk.currentNode.nodeValue + '\\n';\
             for (const e of document.querySelectorAll('[aria-label], [placeholder], [title], [aria-valuetext]'))\
               for (const a of ['aria-label', 'placeholder', 'title', 'aria-valuetext'])\
                 if (e.getAttribute(a)) text += '\\n' + e.getAttribute(a);\
             return text;",
            vec![],
        )
        .await
        .expect("read the page's words");
    let mut text = text.json().as_str().unwrap_or_default().to_owned();
    for d in data {
        text = text.replace(d, " ");
    }
    let mut english: Vec<String> = text
        .split(|c: char| {
            !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' || c == ':' || c == '/')
        })
        .filter(|w| !w.contains("://") && !w.contains('/') && !w.contains('.'))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == ':'))
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3)
        // Ids and sizes (a message id, "v25.0") are not words.
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !NOT_TRANSLATED.contains(w) && !rig::words::SAME_IN_EVERY_LANGUAGE.contains(w))
        .map(str::to_owned)
        .collect();
    english.sort();
    english.dedup();
    english
}

/// Checks the page as it is now in both themes and both sizes; returns the problems.
async fn check(session: &AppSession, lang: Lang, screen: &str, problems: &mut Vec<String>) {
    let driver = &session.driver;
    let screen = &match lang {
        Lang::English => screen.to_owned(),
        Lang::Chinese => {
            let english = english_on(driver, DATA).await;
            if !english.is_empty() {
                problems.push(format!("{screen} in Chinese says in English: {english:?}"));
            }
            format!("zh-CN-{screen}")
        }
    };
    for (w, h) in [(1280, 800), (960, 600)] {
        resize(driver, w, h).await;
        for theme in ["light", "dark"] {
            driver
                .execute(
                    "document.documentElement.dataset.theme = arguments[0];",
                    vec![serde_json::json!(theme)],
                )
                .await
                .expect("set the theme");
            for v in axe(driver).await {
                if matches!(v.impact.as_deref(), Some("serious" | "critical")) {
                    problems.push(format!(
                        "{screen} ({theme}, {w}×{h}): {} [{}] {}: {}",
                        v.id,
                        v.impact.unwrap_or_default(),
                        v.help,
                        v.targets.join(", ")
                    ));
                }
            }
            // Nothing may be cut off sideways: no control is wider than the window.
            let overflow = driver
                .execute(
                    "return [...document.querySelectorAll('button, input, select, [role=status], [role=alert], li')]\
                       .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1); })\
                       .map((e) => e.id || e.className || e.tagName);",
                    vec![],
                )
                .await
                .expect("measure the layout");
            let out: Vec<String> =
                serde_json::from_value(overflow.json().clone()).unwrap_or_default();
            if !out.is_empty() {
                problems.push(format!(
                    "{screen} ({theme}, {w}×{h}): beyond the window: {out:?}"
                ));
            }
            session
                .screenshot(&format!("screen-{screen}-{theme}-{w}x{h}"))
                .await;
        }
    }
    resize(driver, 1280, 800).await;
}

/// Sets the window's inner size (the app allows the page to in end-to-end tests).
async fn resize(driver: &WebDriver, w: u32, h: u32) {
    driver
        .execute(
            "window.__TAURI_INTERNALS__.invoke('plugin:window|set_size', \
               { label: 'main', value: { Logical: { width: arguments[0], height: arguments[1] } } });",
            vec![serde_json::json!(w), serde_json::json!(h)],
        )
        .await
        .expect("resize the window");
    rig::wait::until_async(
        rig::desktop::page::LIMIT,
        "the window to take its size",
        || async {
            let size = driver
                .execute("return [innerWidth, innerHeight];", vec![])
                .await
                .ok()?;
            let v = size.json();
            (v[0].as_u64()? == w as u64 && v[1].as_u64()? == h as u64).then_some(())
        },
    )
    .await;
}

/// What the test types or the machine names, which stays as it is in any language.
const DATA: &[&str] = &[
    LONG_ID,
    LONG_NAME,
    "Sandbox",
    "Support line",
    "6161",
    "reply.wav",
];

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_in_both_themes_at_both_sizes() {
    every_screen(Lang::English).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_chinese_says_nothing_in_english_and_passes_axe() {
    every_screen(Lang::Chinese).await;
}

async fn every_screen(lang: Lang) {
    let mut bot = Telegram::new(BOT_TOKEN);
    bot.chats.insert("6161".into(), Chat::NoVoice);
    let bot = telegram::start(bot);
    let keychain = Keychain::start();
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut env = keychain.env();
    env.extend(mic.env());
    env.push(("HARK_DATA_DIR".into(), data.display().to_string()));
    env.push((E2E_DROP_ENV.into(), "1".into()));
    if lang == Lang::Chinese {
        env.push(("LANG".into(), "zh_CN.UTF-8".into()));
    }
    let added = run(
        &[
            "profile",
            "add",
            "telegram",
            "--name",
            LONG_NAME,
            "--api-base",
            &bot.base,
        ],
        &env,
        Some(BOT_TOKEN),
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let wav = dir.path().join("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);
    let mut problems = Vec::new();

    let session = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    let driver = &session.driver;
    click(driver, "nav button[data-account='Sandbox']").await;
    wait_for(driver, "#record:not([disabled])").await;
    check(&session, lang, "start", &mut problems).await;

    // Recording, then the preview with a long recipient.
    type_into(driver, "input#to", LONG_ID).await;
    click_enabled(driver, "#record").await;
    text_when(driver, "#timer", |t| !t.starts_with("0:00")).await;
    check(&session, lang, "recording", &mut problems).await;
    click(driver, "#stop").await;
    wait_for(driver, "#preview").await;
    check(&session, lang, "preview", &mut problems).await;
    click(driver, "#discard").await;
    wait_for(driver, "#discard-question").await;
    check(&session, lang, "discard-question", &mut problems).await;
    key(driver, "\u{e00c}").await;
    gone(driver, "#discard-question").await;
    // Closing with the note unsent asks first.
    close_window(driver).await;
    wait_for(driver, "#quit-question").await;
    check(&session, lang, "quit-question", &mut problems).await;
    key(driver, "\u{e00c}").await;
    gone(driver, "#quit-question").await;

    // Sent, and the sandbox inbox.
    click_enabled(driver, "#send").await;
    text_when(driver, "#send-result", |t| t.contains(LONG_ID)).await;
    check(&session, lang, "sent", &mut problems).await;
    click(driver, "#open-inbox").await;
    wait_for(driver, "dialog#inbox[open] li").await;
    check(&session, lang, "inbox", &mut problems).await;
    key(driver, "\u{e00c}").await;
    gone(driver, "dialog#inbox").await;

    // The contacts (the one just sent to, not named yet), and the To field's matches.
    click(driver, "#open-contacts").await;
    wait_for(driver, "dialog#contacts[open] #contacts-list li").await;
    check(&session, lang, "contacts", &mut problems).await;
    key(driver, "\u{e00c}").await;
    gone(driver, "dialog#contacts").await;
    // Audio from a link, with what is wrong with one said in its field.
    click(driver, "#paste-link").await;
    wait_for(driver, "dialog#link-dialog[open]").await;
    type_into(driver, "#link-url", "reply.wav").await;
    key(driver, "\u{e007}").await;
    wait_for(driver, "#link-problem").await;
    check(&session, lang, "link-dialog", &mut problems).await;
    key(driver, "\u{e00c}").await;
    gone(driver, "dialog#link-dialog").await;
    type_into(driver, "input#to", "oXyZ_4Fh").await;
    wait_for(driver, "#to-matches:not([hidden]) #to-match-0").await;
    check(&session, lang, "to-matches", &mut problems).await;
    key(driver, "\u{e00c}").await;
    wait_for(driver, "#to-matches[hidden]").await;

    // A refusal with its fix (a long account name in the rail).
    click(driver, &format!("nav button[data-account='{LONG_NAME}']")).await;
    type_into(driver, "input#to", "6161").await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    click_enabled(driver, "#send").await;
    wait_for(driver, "#send-fix").await;
    check(&session, lang, "send-error", &mut problems).await;

    // The dialogs.
    click(driver, "#add-account").await;
    wait_for(driver, "dialog#account-form[open]").await;
    check(&session, lang, "account-form", &mut problems).await;
    // Saved with a required field empty: the error stands next to that field, which
    // has the focus and is in view, even in the smallest window.
    resize(driver, 960, 600).await;
    type_into(driver, "#account-name", "Support line").await;
    click(driver, "#account-save").await;
    let error = text_when(driver, "dialog#account-form .field-error", |t| {
        !t.is_empty()
    })
    .await;
    let at_fault = until_async(LIMIT, "the field at fault to have the focus", || async {
        let v = driver
            .execute(
                "const a = document.activeElement; const r = a.getBoundingClientRect(); \
                 return a.getAttribute('aria-invalid') === 'true' && r.top >= 0 && r.bottom <= innerHeight \
                   ? a.id : null;",
                vec![],
            )
            .await
            .ok()?;
        v.json().as_str().map(str::to_string)
    })
    .await;
    assert!(at_fault.starts_with("field-"), "{at_fault}: {error}");
    assert!(!error.contains("--") && !error.contains("hark "), "{error}");
    check(&session, lang, "account-form-error", &mut problems).await;
    key(driver, "\u{e00c}").await;
    gone(driver, "dialog#account-form").await;
    click(driver, "#open-settings").await;
    wait_for(driver, "dialog#settings[open]").await;
    check(&session, lang, "settings", &mut problems).await;
    key(driver, "\u{e00c}").await;
    gone(driver, "dialog#settings").await;

    // A note left unsent when Hark stopped, offered at the next start.
    click(driver, "#discard").await;
    key(driver, "\u{e007}").await;
    gone(driver, "#preview").await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    kill_app(&data);
    session.quit().await;
    let session = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    wait_for(&session.driver, "#recovered").await;
    check(&session, lang, "recovered", &mut problems).await;
    session.quit().await;

    assert!(
        problems.is_empty(),
        "{} accessibility or layout problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
