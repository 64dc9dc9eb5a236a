//! Each account's contacts, for the To field and the contacts dialog: find, save,
//! remove, and import (from the platform, or from a file dropped or chosen).

use hark_core::clock;
use hark_core::contacts::{AddError, Contact, Origin, parse_csv};
use hark_core::i18n::Words;
use hark_core::outbox::{Outbox, State};
use hark_core::platform::Listing;
use hark_core::platform::window::{self, Standing};
use hark_core::profile::Profile;
use serde::Serialize;
use tauri::ipc::Channel;

use crate::CommandError;
use crate::state::{Hark, blocking};

/// Where a contact came from, as the window says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ContactOrigin {
    Typed,
    Imported,
    Learned,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactView {
    /// The recipient as the platform knows it.
    pub id: String,
    /// `None` for someone sent to and not named yet.
    pub name: Option<String>,
    pub note: Option<String>,
    pub origin: ContactOrigin,
    /// When the platform says they last wrote (RFC 3339).
    pub last_heard_at: Option<String>,
}

pub fn contact_view(c: &Contact) -> ContactView {
    ContactView {
        id: c.platform_id.clone(),
        name: c.name.clone(),
        note: c.note.clone(),
        origin: match c.origin {
            Origin::Typed => ContactOrigin::Typed,
            Origin::Imported => ContactOrigin::Imported,
            Origin::Learned => ContactOrigin::Learned,
        },
        last_heard_at: c.last_heard_at.clone(),
    }
}

/// The outbox and the account `account_id`.
fn account(state: &Hark, account_id: &str) -> Result<(Outbox, Profile), CommandError> {
    let outbox = state.outbox()?.clone();
    let profile = outbox
        .profiles()
        .get(account_id)
        .map_err(CommandError::from)?;
    Ok((outbox, profile))
}

/// The account's contacts whose name or id holds `search` (case and accents aside),
/// or all of them, by name, for an empty `search`.
#[tauri::command]
#[specta::specta]
pub async fn contacts(
    state: tauri::State<'_, Hark>,
    account_id: String,
    search: String,
) -> Result<Vec<ContactView>, CommandError> {
    let (outbox, profile) = account(&state, &account_id)?;
    let found = if search.trim().is_empty() {
        outbox.contacts().list(&profile)
    } else {
        outbox.contacts().search(&profile, &search)
    }?;
    Ok(found.iter().map(contact_view).collect())
}

/// Saves a contact: a new one, or a new name (and note) for the one with this id. A
/// fault is shown next to its field (`name` or `id`).
#[tauri::command]
#[specta::specta]
pub async fn save_contact(
    state: tauri::State<'_, Hark>,
    account_id: String,
    id: String,
    name: String,
    note: Option<String>,
) -> Result<ContactView, CommandError> {
    let (outbox, profile) = account(&state, &account_id)?;
    let note = note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    match outbox.contacts().add(&profile, &name, &id, note) {
        Ok(c) => Ok(contact_view(&c)),
        Err(e @ AddError::Id(_)) => Err(CommandError::from(e).in_field("id")),
        Err(e @ AddError::Contact(_)) => Err(CommandError::from(e).in_field("name")),
        Err(e) => Err(CommandError::from(e)),
    }
}

/// Removes the contact with this id (the history keeps its sends, by id).
#[tauri::command]
#[specta::specta]
pub async fn remove_contact(
    state: tauri::State<'_, Hark>,
    account_id: String,
    id: String,
) -> Result<(), CommandError> {
    let (outbox, profile) = account(&state, &account_id)?;
    outbox.contacts().remove(&profile, &id)?;
    Ok(())
}

/// A recipient as the To field shows it: the id the platform gets, and the name the
/// agent knows them by, when they have one.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecipientView {
    pub id: String,
    pub name: Option<String>,
    /// Where the platform's reply window stands, where the platform has one and says
    /// when they last wrote; else nothing, rather than a guess.
    pub window: Option<WindowView>,
}

/// Where a customer stands in the reply window (`platform::window::Standing`).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "state"
)]
pub enum WindowView {
    Open {
        left_ms: f64,
    },
    /// Closed, but a person may still reply with the platform's tag until then.
    TagOnly {
        ago_ms: f64,
        tag_until: String,
    },
    Closed {
        ago_ms: f64,
    },
}

fn window_view(standing: Standing) -> WindowView {
    match standing {
        Standing::Open { left_ms } => WindowView::Open {
            left_ms: left_ms as f64,
        },
        Standing::TagOnly {
            ago_ms,
            tag_until_ms,
        } => WindowView::TagOnly {
            ago_ms: ago_ms as f64,
            tag_until: hark_core::clock::rfc3339(tag_until_ms),
        },
        Standing::Closed { ago_ms } => WindowView::Closed {
            ago_ms: ago_ms as f64,
        },
    }
}

/// The people this account sent to lately, newest first, for the To field: only
/// recipients a note reached (an id the platform refused is no suggestion), with their
/// names where they are contacts.
#[tauri::command]
#[specta::specta]
pub async fn recent_recipients(
    state: tauri::State<'_, Hark>,
    account_id: String,
) -> Result<Vec<RecipientView>, CommandError> {
    let outbox = state.outbox()?;
    let sends = outbox.history().list(200)?;
    let names = outbox.contacts().names(&account_id)?;
    let mut seen: Vec<RecipientView> = Vec::new();
    for s in sends
        .iter()
        .filter(|s| s.profile_id == account_id && s.state == State::Sent)
    {
        if !seen.iter().any(|r| r.id == s.recipient) {
            seen.push(RecipientView {
                id: s.recipient.clone(),
                name: names.get(&s.recipient).cloned(),
                window: None,
            });
        }
        if seen.len() == 6 {
            break;
        }
    }
    Ok(seen)
}

/// Who `to` is for the account: a contact's name or id, else an id as the platform
/// will get it (`+44 7700 900123` → `447700900123`); or what is wrong with it (a name
/// two contacts share, an id the platform could never take). For the To field, as it
/// is typed.
#[tauri::command]
#[specta::specta]
pub async fn check_recipient(
    state: tauri::State<'_, Hark>,
    account_id: String,
    to: String,
) -> Result<RecipientView, CommandError> {
    let (outbox, profile) = account(&state, &account_id)?;
    match outbox.contacts().resolve(&profile, &to)? {
        Some(c) => Ok(RecipientView {
            window: c
                .last_heard_ms
                .and_then(|at| window::standing(profile.platform, at, clock::now_ms()))
                .map(window_view),
            id: c.platform_id,
            name: c.name,
        }),
        None => Ok(RecipientView {
            id: hark_core::platform::recipient(profile.platform, &to)?,
            name: None,
            window: None,
        }),
    }
}

/// Where contacts are imported from.
#[derive(Debug, Clone, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "from")]
pub enum ContactSource {
    /// The people the platform says wrote to the account.
    Platform,
    /// A CSV file of names and ids, dropped on the window or chosen.
    File { path: String },
}

/// A row of a file that was left out, and why.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LeftOut {
    pub line: u32,
    pub why: String,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Rows left out (a file's), by line.
    pub left_out: Vec<LeftOut>,
}

/// Asks the person for a CSV file of contacts (the system's file dialog); the one
/// they pick may then be imported. `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn choose_contacts_file(
    app: tauri::AppHandle,
    state: tauri::State<'_, Hark>,
) -> Result<Option<String>, CommandError> {
    crate::chooser::choose_one(app, &state, "CSV", &["csv", "txt"]).await
}

/// Imports contacts into the account: repeatable (nothing twice; a name given in Hark
/// is kept). A file must be one the person dropped or chose. How many people the
/// platform listed so far goes to `on_progress`, page by page.
#[tauri::command]
#[specta::specta]
pub async fn import_contacts(
    state: tauri::State<'_, Hark>,
    account_id: String,
    source: ContactSource,
    on_progress: Channel<u32>,
) -> Result<ImportReport, CommandError> {
    if let ContactSource::File { path } = &source
        && !state.was_chosen(std::path::Path::new(path))
    {
        return Err(CommandError::shell(
            "file_not_chosen",
            Words::new("app-error-file-not-chosen"),
            Words::new("app-remedy-contacts-file-not-chosen"),
        ));
    }
    let (outbox, profile) = account(&state, &account_id)?;
    blocking(move || match source {
        ContactSource::Platform => from_platform(&outbox, &profile, &|n| {
            let _ = on_progress.send(n as u32);
        }),
        ContactSource::File { path } => from_file(&outbox, &profile, &path),
    })
    .await
}

/// The people the platform lists; `seen` hears how many were read so far.
fn from_platform(
    outbox: &Outbox,
    profile: &Profile,
    seen: &dyn Fn(usize),
) -> Result<ImportReport, CommandError> {
    let (listing, done) = outbox
        .import_people(&profile.id, seen)
        .map_err(|e| CommandError::from_outbox(&e))?;
    let platform = profile.platform.name_words();
    match listing {
        Listing::People(_) => Ok(report(&done, Vec::new())),
        Listing::WebhookSet => Err(CommandError::shell(
            "webhook_set",
            Words::new("app-error-webhook-set"),
            Words::new("app-remedy-webhook-set"),
        )),
        Listing::CannotAsk => Err(CommandError::shell(
            "cannot_list_people",
            Words::new("app-error-cannot-list-people").words("platform", platform),
            Words::new("app-remedy-cannot-list-people"),
        )),
    }
}

fn from_file(outbox: &Outbox, profile: &Profile, path: &str) -> Result<ImportReport, CommandError> {
    let text = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| String::from_utf8(bytes).map_err(|e| e.to_string()))
        .map_err(|detail| {
            CommandError::from(hark_core::contacts::ContactError::Unreadable {
                path: path.to_owned(),
                detail,
            })
        })?;
    let csv = parse_csv(&text);
    let done = outbox.contacts().import(profile, &csv.rows)?;
    let mut left_out: Vec<LeftOut> = csv
        .bad
        .iter()
        .chain(&done.bad)
        .map(|(line, why)| LeftOut {
            line: *line as u32,
            why: crate::lang::say(why),
        })
        .collect();
    left_out.sort_by_key(|l| l.line);
    Ok(report(&done, left_out))
}

fn report(done: &hark_core::contacts::Imported, left_out: Vec<LeftOut>) -> ImportReport {
    ImportReport {
        added: done.added as u32,
        updated: done.updated as u32,
        unchanged: done.unchanged as u32,
        left_out,
    }
}
