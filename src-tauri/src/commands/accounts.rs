//! Accounts: list, add, edit, verify, remove. Secrets come in once and never go back
//! out: the UI only ever sees them masked.

use std::collections::{BTreeMap, HashMap};

use hark_core::i18n::Words;
use hark_core::platform::Platform;
use hark_core::profile::{AccountStatus, NewProfile, ProfileView, Secret, Secrets};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::CommandError;
use crate::state::{Hark, blocking};

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: String,
    pub name: String,
    pub platform: Platform,
    pub platform_name: String,
    pub fields: Vec<AccountField>,
    pub status: AccountStatus,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountField {
    pub key: String,
    pub secret: bool,
    /// The value; a secret shows only as `••••3f9a`.
    pub value: Option<String>,
    pub is_default: bool,
}

/// What the account form sends.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountInput {
    pub platform: Platform,
    pub name: String,
    /// Non-secret fields by key (`page_id`, `api_base`, …).
    pub fields: HashMap<String, String>,
    /// Secrets by key; on an edit, only the ones being replaced.
    pub secrets: HashMap<String, String>,
}

fn view(v: ProfileView) -> Account {
    Account {
        id: v.id,
        name: v.name,
        platform: v.platform,
        platform_name: v.platform_name.into(),
        fields: v
            .fields
            .into_iter()
            .map(|f| AccountField {
                key: f.key.into(),
                secret: f.secret,
                value: f.value,
                is_default: f.is_default,
            })
            .collect(),
        status: v.status,
    }
}

fn parse(input: AccountInput) -> Result<(Platform, NewProfile), CommandError> {
    let platform = input.platform;
    let mut secrets = Secrets::default();
    for (key, value) in input.secrets {
        if !value.trim().is_empty() {
            secrets.insert(key, Secret::new(value.trim()));
        }
    }
    let fields: BTreeMap<String, String> = input
        .fields
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    Ok((
        platform,
        NewProfile {
            platform,
            name: input.name,
            fields,
            secrets,
        },
    ))
}

/// Every account, the sandbox first. Secrets are not read (the keychain may ask to be
/// unlocked); they show as `••••` here and masked in full on `account`.
#[tauri::command]
#[specta::specta]
pub async fn list_accounts(state: State<'_, Hark>) -> Result<Vec<Account>, CommandError> {
    let profiles = state.outbox()?.profiles().list()?;
    Ok(profiles
        .iter()
        .map(|p| view(ProfileView::new(p, None)))
        .collect())
}

/// One account, with its secrets masked as the keychain holds them (`••••3f9a`).
#[tauri::command]
#[specta::specta]
pub async fn account(state: State<'_, Hark>, id: String) -> Result<Account, CommandError> {
    let profiles = state.outbox()?.profiles();
    let profile = profiles.get(&id)?;
    let secrets = profiles.secrets(&profile).ok();
    Ok(view(ProfileView::new(&profile, secrets.as_ref())))
}

#[tauri::command]
#[specta::specta]
pub async fn add_account(
    state: State<'_, Hark>,
    input: AccountInput,
) -> Result<Account, CommandError> {
    let (_, new) = parse(input)?;
    let profile = state
        .outbox()?
        .profiles()
        .add(new)
        .map_err(CommandError::from_profile)?;
    Ok(view(ProfileView::new(&profile, None)))
}

/// Saves an edit: name and fields as given; secrets only where a new one was typed.
#[tauri::command]
#[specta::specta]
pub async fn update_account(
    state: State<'_, Hark>,
    id: String,
    input: AccountInput,
) -> Result<Account, CommandError> {
    let (_, edit) = parse(input)?;
    let profile = state
        .outbox()?
        .profiles()
        .update(&id, &edit.name, edit.fields, edit.secrets)
        .map_err(CommandError::from_profile)?;
    Ok(view(ProfileView::new(&profile, None)))
}

/// A cheap real call to the platform; "Verified as …" or the platform's error.
#[tauri::command]
#[specta::specta]
pub async fn verify_account(state: State<'_, Hark>, id: String) -> Result<String, CommandError> {
    let outbox = state.outbox()?.clone();
    blocking(move || {
        outbox
            .verify(&id)
            .map(|v| {
                crate::lang::say(&Words::new("account-verified-as").text("account", v.account))
            })
            .map_err(|e| CommandError::from_outbox(&e))
    })
    .await
}

/// Removes the account and its secrets from the keychain.
#[tauri::command]
#[specta::specta]
pub async fn remove_account(state: State<'_, Hark>, id: String) -> Result<(), CommandError> {
    state.outbox()?.profiles().remove(&id)?;
    Ok(())
}
