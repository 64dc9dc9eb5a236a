//! `hark profile`: add, list, show, rename, remove and verify accounts.

use std::collections::BTreeMap;
use std::io::Write;

use hark_core::Problem;
use hark_core::clock;
use hark_core::i18n::{Surface, Words};
use hark_core::outbox::Outbox;
use hark_core::platform::Platform;
use hark_core::platform::credentials::{self, Field};
use hark_core::profile::model::{Invalid, token_mode};
use hark_core::profile::{AccountStatus, NewProfile, ProfileError, ProfileView};

use unicode_width::UnicodeWidthStr;

use super::secret_input;
use crate::exit::Exit;
use crate::failure::{Failure, OrReport, Ran, fail};
use crate::lang::{lang, listed, padded, say, say_id};

#[derive(clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(JsonArg),
    Show(NameArg),
    Rename {
        name: String,
        new_name: String,
    },
    Edit(EditArgs),
    Remove(NameArg),
    Verify(NameArg),
    SetSecret {
        name: String,
        #[arg(long)]
        key: Option<String>,
    },
    Fields {
        #[arg(value_parser = crate::lang::platform)]
        platform: Platform,
    },
}

#[derive(clap::Args)]
pub struct JsonArg {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct NameArg {
    name: String,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct AddArgs {
    #[arg(value_parser = crate::lang::platform)]
    platform: Platform,
    #[arg(long)]
    name: String,
    #[command(flatten)]
    fields: FieldFlags,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct EditArgs {
    name: String,
    #[arg(long)]
    new_name: Option<String>,
    #[command(flatten)]
    fields: FieldFlags,
    #[arg(long)]
    json: bool,
}

/// The non-secret fields, as flags (`hark profile fields PLATFORM` says which apply):
/// one `--kebab-key` per field key in the credentials table, so a field added there is
/// a flag here, with the table's label, default and choices in its help.
#[derive(Debug, Clone, Default)]
pub struct FieldFlags(BTreeMap<String, String>);

impl FieldFlags {
    /// The flags given, by field key (an empty value included).
    fn given(&self) -> BTreeMap<String, String> {
        self.0.clone()
    }
}

/// Every non-secret field key in the credentials table, in table order, with the
/// help its flag shows.
fn field_flags() -> Vec<(&'static str, String)> {
    let mut keys: Vec<&'static str> = Vec::new();
    let mut by_label: BTreeMap<&str, Vec<(String, Vec<String>)>> = BTreeMap::new();
    let mut extra: BTreeMap<&str, String> = BTreeMap::new();
    for platform in Platform::ALL {
        for f in credentials::fields(platform).iter().filter(|f| !f.secret) {
            if !keys.contains(&f.key) {
                keys.push(f.key);
            }
            let labels = by_label.entry(f.key).or_default();
            let name = say(&platform.name_words());
            let label = f.label(platform, lang());
            match labels.iter_mut().find(|(l, _)| *l == label) {
                Some((_, names)) => names.push(name),
                None => labels.push((label, vec![name])),
            }
            let note = extra.entry(f.key).or_default();
            if note.is_empty() {
                if !f.choices.is_empty() {
                    let one_of =
                        Words::new("cli-flag-one-of").text("choices", f.choices.join(", "));
                    note.push_str(&format!(" [{}]", say(&one_of)));
                }
                if let Some(default) = f.default {
                    let words = Words::new("cli-flag-default").text("value", default);
                    note.push_str(&format!(" [{}]", say(&words)));
                }
            }
        }
    }
    keys.into_iter()
        .map(|key| {
            let help = by_label[key]
                .iter()
                .map(|(label, names)| {
                    let words = Words::new("cli-flag-field")
                        .text("platforms", listed(names))
                        .text("label", label.clone());
                    say(&words)
                })
                .collect::<Vec<_>>()
                .join(&say_id("cli-flag-field-separator"));
            (key, format!("{help}{}", extra[key]))
        })
        .collect()
}

impl clap::FromArgMatches for FieldFlags {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut flags = FieldFlags::default();
        flags.update_from_arg_matches(matches)?;
        Ok(flags)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        for (key, _) in field_flags() {
            if let Some(value) = matches.get_one::<String>(key) {
                self.0.insert(key.to_owned(), value.clone());
            }
        }
        Ok(())
    }
}

impl clap::Args for FieldFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        field_flags().into_iter().fold(cmd, |cmd, (key, help)| {
            cmd.arg(
                clap::Arg::new(key)
                    .long(key.replace('_', "-"))
                    .value_name(key.to_ascii_uppercase())
                    .help(help),
            )
        })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// The outbox (Hark's database and the keychain).
fn open(json: bool) -> Result<Outbox, Failure> {
    Outbox::open_default().or_report(json)
}

pub fn run(command: Command) -> Ran {
    match command {
        Command::Add(args) => add(args),
        Command::List(a) => list(a.json),
        Command::Show(a) => show(&a.name, a.json),
        Command::Rename { name, new_name } => rename(&name, &new_name),
        Command::Edit(a) => edit(a),
        Command::Remove(a) => remove(&a.name, a.json),
        Command::Verify(a) => verify(&a.name, a.json),
        Command::SetSecret { name, key } => set_secret(&name, key.as_deref()),
        Command::Fields { platform } => fields(platform),
    }
}

/// The secret fields an account on `platform` with `fields` takes: required first.
fn secret_fields(
    platform: Platform,
    fields: &BTreeMap<String, String>,
) -> Vec<(&'static Field, bool)> {
    let mode = token_mode(platform, fields);
    let mut wanted: Vec<(&'static Field, bool)> = credentials::fields(platform)
        .iter()
        .filter(|f| f.secret && f.required.applies(mode))
        .map(|f| (f, f.required.needed(mode)))
        .collect();
    wanted.sort_by_key(|(_, needed)| !needed);
    wanted
}

fn add(args: AddArgs) -> Ran {
    if args.platform == Platform::Sandbox {
        let err = ProfileError::Invalid(Invalid::new(
            "platform",
            Words::new("profile-sandbox-needs-no-account"),
        ));
        return fail(&err, args.json);
    }
    let outbox = open(args.json)?;
    let fields = args.fields.given();
    let wanted = secret_fields(args.platform, &fields);
    let (specs, needed): (Vec<_>, Vec<_>) = wanted.into_iter().unzip();
    let secrets = secret_input::read(args.platform, &specs, &needed)?;
    let new = NewProfile {
        platform: args.platform,
        name: args.name.clone(),
        fields,
        secrets,
    };
    let profile = outbox.profiles().add(new).or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let view = ProfileView::new(&profile, None);
        writeln!(out, "{:#}", serde_json::json!({ "added": view }))?;
    } else {
        let added = Words::new("cli-profile-added")
            .text("name", profile.name.clone())
            .words("platform", profile.platform.name_words());
        writeln!(out, "{}", say(&added))?;
        let check = Words::new("cli-profile-check-with").text("name", profile.name.clone());
        writeln!(out, "{}", say(&check))?;
    }
    Ok(Exit::Ok)
}

fn list(json: bool) -> Ran {
    let outbox = open(json)?;
    let profiles = outbox.profiles().list().or_report(json)?;
    let mut out = std::io::stdout().lock();
    if json {
        let views: Vec<_> = profiles.iter().map(|p| ProfileView::new(p, None)).collect();
        writeln!(out, "{:#}", serde_json::json!({ "profiles": views }))?;
        return Ok(Exit::Ok);
    }
    if profiles.is_empty() {
        writeln!(out, "{}", say_id("cli-profile-none"))?;
        return Ok(Exit::Ok);
    }
    let width = profiles.iter().map(|p| p.name.width()).max().unwrap_or(0);
    for p in &profiles {
        let view = ProfileView::new(p, None);
        let status = match view.status {
            AccountStatus::Verified => "cli-profile-status-verified",
            AccountStatus::Attention => "cli-profile-status-attention",
            AccountStatus::Unchecked => "cli-profile-status-unchecked",
        };
        writeln!(
            out,
            "{}  {} {} {}",
            padded(&p.name, width),
            padded(&say(&p.platform.name_words()), 17),
            padded(&say_id(status), 18),
            p.id
        )?;
        if view.status == AccountStatus::Attention
            && let Some(check) = &p.check
        {
            let detail = check.said.as_ref().map_or(check.detail.clone(), say);
            writeln!(out, "{}  {detail}", " ".repeat(width))?;
        }
    }
    Ok(Exit::Ok)
}

fn show(name: &str, json: bool) -> Ran {
    let outbox = open(json)?;
    let profile = outbox.profiles().get(name).or_report(json)?;
    let secrets = outbox.profiles().secrets(&profile);
    let view = ProfileView::new(&profile, secrets.as_ref().ok());
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{:#}", serde_json::json!({ "profile": view }))?;
    } else {
        let title = Words::new("cli-profile-title")
            .text("name", view.name.clone())
            .words("platform", profile.platform.name_words())
            .text("id", view.id.clone());
        writeln!(out, "{}", say(&title))?;
        for f in &view.fields {
            let value = match (&f.value, f.missing) {
                (Some(value), _) => value.clone(),
                (None, true) => say_id("cli-profile-missing-secret"),
                (None, false) => say_id("cli-profile-not-set"),
            };
            let default = match f.is_default {
                true => format!("  {}", say_id("cli-profile-default")),
                false => String::new(),
            };
            let label = credentials::field(profile.platform, f.key).map_or_else(
                || f.label.clone(),
                |spec| spec.label(profile.platform, lang()),
            );
            writeln!(out, "  {} {value}{default}", padded(&label, 20))?;
        }
        let added = clock::local(&view.created_at, lang());
        writeln!(
            out,
            "  {} {added}",
            padded(&say_id("cli-profile-added-at"), 20)
        )?;
        if let Err(e) = &secrets {
            let why = Problem::said_in(e, lang(), Surface::Cli).message;
            let hidden = Words::new("cli-profile-secrets-not-shown").text("why", why);
            writeln!(out, "  {}", say(&hidden))?;
        }
    }
    Ok(Exit::Ok)
}

fn rename(name: &str, new_name: &str) -> Ran {
    let outbox = open(false)?;
    let p = outbox.profiles().rename(name, new_name).or_report(false)?;
    println!(
        "{}",
        say(&Words::new("cli-profile-renamed").text("name", p.name))
    );
    Ok(Exit::Ok)
}

fn edit(args: EditArgs) -> Ran {
    let outbox = open(args.json)?;
    let profiles = outbox.profiles();
    let profile = profiles.get(&args.name).or_report(args.json)?;
    let mut fields = profile.fields.clone();
    for (key, value) in args.fields.given() {
        if value.trim().is_empty() {
            fields.remove(&key);
        } else {
            fields.insert(key, value);
        }
    }
    let name = args.new_name.as_deref().unwrap_or(&profile.name);
    // A new address takes the account's secrets again (Hark sends them only where they
    // were given for): asked for as `add` asks, hidden or from standard input.
    let moved = ["api_base", "relay_url"]
        .iter()
        .any(|key| profile.fields.get(*key) != fields.get(*key));
    let secrets = if moved {
        let specs: Vec<_> = profile
            .secret_keys
            .iter()
            .filter_map(|key| hark_core::platform::credentials::field(profile.platform, key))
            .collect();
        let needed = vec![true; specs.len()];
        secret_input::read(profile.platform, &specs, &needed)?
    } else {
        Default::default()
    };
    let p = profiles
        .update(&profile.id, name, fields, secrets)
        .or_report(args.json)?;
    if args.json {
        let view = ProfileView::new(&p, None);
        println!("{:#}", serde_json::json!({ "edited": view }));
    } else {
        println!(
            "{}",
            say(&Words::new("cli-profile-saved").text("name", p.name))
        );
    }
    Ok(Exit::Ok)
}

fn remove(name: &str, json: bool) -> Ran {
    let outbox = open(json)?;
    let p = outbox.profiles().remove(name).or_report(json)?;
    if json {
        println!(
            "{:#}",
            serde_json::json!({ "removed": { "id": p.id, "name": p.name } })
        );
    } else {
        println!(
            "{}",
            say(&Words::new("cli-profile-removed").text("name", p.name))
        );
    }
    Ok(Exit::Ok)
}

fn verify(name: &str, json: bool) -> Ran {
    let outbox = open(json)?;
    let v = outbox.verify(name).or_report(json)?;
    if json {
        println!("{:#}", serde_json::json!({ "verified": v }));
    } else {
        println!(
            "{}",
            say(&Words::new("cli-profile-verified").text("account", v.account))
        );
    }
    Ok(Exit::Ok)
}

fn set_secret(name: &str, key: Option<&str>) -> Ran {
    let outbox = open(false)?;
    let profile = outbox.profiles().get(name).or_report(false)?;
    let wanted = secret_fields(profile.platform, &profile.fields);
    let field = match key {
        Some(k) => credentials::field(profile.platform, k).filter(|f| f.secret),
        None => wanted.first().map(|(f, _)| *f),
    };
    let Some(field) = field else {
        let names: Vec<_> = wanted.iter().map(|(f, _)| f.key).collect();
        let words = match names.is_empty() {
            true => Words::new("profile-no-secrets"),
            false => Words::new("profile-secrets-are").text("secrets", names.join(", ")),
        }
        .words("platform", profile.platform.name_words());
        let err = ProfileError::Invalid(Invalid::new(key.unwrap_or("key"), words));
        return fail(&err, false);
    };
    let secrets = secret_input::read(profile.platform, &[field], &[true])?;
    let Some(secret) = secrets.get(field.key) else {
        let words = Words::new("profile-no-secret-given").words(
            "label",
            Words::new(format!("field-{}-{}", profile.platform.id(), field.key)),
        );
        let err = ProfileError::Invalid(Invalid::new(field.key, words));
        return fail(&err, false);
    };
    let p = outbox
        .profiles()
        .set_secret(name, field.key, secret)
        .or_report(false)?;
    let stored = Words::new("cli-profile-secret-stored")
        .text("label", field.label(p.platform, lang()))
        .text("name", p.name);
    println!("{}", say(&stored));
    Ok(Exit::Ok)
}

fn fields(platform: Platform) -> Ran {
    let mut out = std::io::stdout().lock();
    let spec = credentials::fields(platform);
    let title = match spec.is_empty() {
        true => "cli-profile-no-fields",
        false => "cli-profile-fields",
    };
    let title = Words::new(title).words("platform", platform.name_words());
    writeln!(out, "{}", say(&title))?;
    for f in spec {
        let how = if f.secret {
            say_id("cli-field-secret")
        } else {
            format!("--{}", f.key.replace('_', "-"))
        };
        let when = match f.required {
            credentials::Required::Always => Words::new("cli-field-required"),
            credentials::Required::Optional => Words::new("cli-field-optional"),
            credentials::Required::WhenTokenMode(m) => {
                Words::new("cli-field-required-with-mode").text("mode", m)
            }
            credentials::Required::OptionalWhenTokenMode(m) => {
                Words::new("cli-field-optional-with-mode").text("mode", m)
            }
        };
        let label = f.label(platform, lang());
        writeln!(
            out,
            "  {} {} {}",
            padded(&how, 28),
            padded(&label, 18),
            say(&when)
        )?;
        writeln!(out, "      {}", f.help(platform, lang()))?;
    }
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, FromArgMatches};

    use super::*;

    /// `profile add` and `profile edit` take a flag for every non-secret field of the
    /// credentials table, and a given flag lands under its field's key.
    #[test]
    fn the_account_flags_are_the_credentials_table() {
        let cli = crate::Cli::command();
        let profile = cli.find_subcommand("profile").expect("profile");
        for name in ["add", "edit"] {
            let command = profile.find_subcommand(name).expect(name);
            let longs: Vec<String> = command
                .get_arguments()
                .filter_map(|a| a.get_long().map(str::to_owned))
                .collect();
            for platform in Platform::ALL {
                for f in credentials::fields(platform) {
                    let flag = f.key.replace('_', "-");
                    assert_eq!(
                        longs.contains(&flag),
                        !f.secret,
                        "{name}: --{flag} ({platform:?}); secrets are never flags"
                    );
                }
            }
        }

        let matches = crate::Cli::command()
            .try_get_matches_from([
                "hark",
                "profile",
                "add",
                "messenger",
                "--name",
                "Shop",
                "--page-id",
                "1234",
                "--graph-version",
                "",
            ])
            .expect("parses");
        let (_, profile) = matches.subcommand().unwrap();
        let (_, add) = profile.subcommand().unwrap();
        let flags = FieldFlags::from_arg_matches(add).unwrap();
        assert_eq!(
            flags.given(),
            BTreeMap::from([
                ("graph_version".to_owned(), String::new()),
                ("page_id".to_owned(), "1234".to_owned()),
            ])
        );
    }
}
