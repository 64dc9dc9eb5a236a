//! `--help` in the reader's language: each command's and each argument's help is the
//! catalogs' `help-<command path>` and `help-<command path>-<argument>` (the path
//! without `hark`, `hark` itself for the top), and the frame clap draws around them
//! (headings, defaults, choices, the help and version flags) is the catalogs' too.

use clap::Command;
use hark_core::i18n::{Catalog, Lang, Words};

/// `cmd`, its subcommands and their arguments, speaking `lang`.
pub fn localized(mut cmd: Command, lang: Lang) -> Command {
    // Build first, so that the help and version flags clap adds exist to be reworded.
    cmd.build();
    speak(cmd, &[], lang)
}

fn speak(mut cmd: Command, path: &[&str], lang: Lang) -> Command {
    let catalog = Catalog::of(lang);
    let say = |words: Words| catalog.say(&words);
    let id = help_id(path);
    if catalog.has(&id) {
        cmd = cmd.about(say(Words::new(&id)));
    }
    if let Some(after) = catalog.part(&id, "after") {
        cmd = cmd.after_help(after);
    }
    let usage = say(Words::new("cli-help-usage"));
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage}{{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(say(Words::new("cli-help-commands")));
    let args: Vec<_> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for arg in args {
        // A global flag's help is the top command's; a flag many commands share
        // (`--json`) has one help unless a command says more.
        let own = match cmd
            .get_arguments()
            .any(|a| a.get_id() == &arg && a.is_global_set())
        {
            true => format!("help-hark-{arg}"),
            false => format!("{id}-{arg}"),
        };
        let shared = format!("help-any-{arg}");
        cmd = cmd.mut_arg(arg.clone(), |mut a| {
            let text = match arg.as_str() {
                "help" => Some(say(Words::new("cli-help-help"))),
                "version" => Some(say(Words::new("cli-help-version"))),
                _ if catalog.has(&own) => Some(say(Words::new(&own))),
                _ if catalog.has(&shared) => Some(say(Words::new(&shared))),
                // The account fields' flags speak the reader's language already.
                _ => a.get_help().map(|h| h.to_string()),
            };
            let mut notes = String::new();
            let defaults: Vec<_> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty()
                && !a.is_hide_default_value_set()
                && a.get_action().takes_values()
            {
                let words = Words::new("cli-flag-default").text("value", defaults.join(", "));
                notes.push_str(&format!(" [{}]", say(words)));
                a = a.hide_default_value(true);
            }
            let choices: Vec<_> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !choices.is_empty() && !a.is_hide_possible_values_set() {
                let words = Words::new("cli-flag-one-of").text("choices", choices.join(", "));
                notes.push_str(&format!(" [{}]", say(words)));
                a = a.hide_possible_values(true);
            }
            let heading = match a.is_positional() {
                true => "cli-help-arguments",
                false => "cli-help-options",
            };
            a = a.help_heading(say(Words::new(heading)));
            match text {
                Some(text) => a.help(format!("{text}{notes}")),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        let mut sub_path = path.to_vec();
        sub_path.push(&sub);
        let localized = speak(
            cmd.find_subcommand(&sub).expect("listed").clone(),
            &sub_path,
            lang,
        );
        cmd = cmd.mut_subcommand(&sub, |_| localized);
    }
    cmd
}

/// The catalog id of the help of the command at `path` (clap's own `help` command has
/// one help wherever it is, and the commands it names have theirs).
pub fn help_id(path: &[&str]) -> String {
    let named: Vec<&str> = path.iter().copied().filter(|c| *c != "help").collect();
    match (path, named.as_slice()) {
        ([.., "help"], _) => "cli-help-help-command".to_owned(),
        (_, []) => "help-hark".to_owned(),
        (_, named) => format!("help-{}", named.join("-")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use hark_core::i18n::{Catalog, Lang};

    use super::*;
    use crate::Cli;

    /// Each command and each argument, with the path of its command.
    fn walk(cmd: &Command, path: Vec<String>, seen: &mut Vec<(Vec<String>, Command)>) {
        seen.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            let mut deeper = path.clone();
            deeper.push(sub.get_name().to_owned());
            walk(sub, deeper, seen);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_each_language() {
        let fields: Vec<&str> = hark_core::platform::Platform::ALL
            .iter()
            .flat_map(|p| hark_core::platform::credentials::fields(*p))
            .map(|f| f.key)
            .collect();
        for lang in Lang::ALL {
            let catalog = Catalog::of(lang);
            let mut seen = vec![];
            walk(&localized(Cli::command(), lang), vec![], &mut seen);
            assert!(seen.len() > 20, "{} commands", seen.len());
            for (path, cmd) in &seen {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                let id = help_id(&path);
                assert!(catalog.has(&id), "{id} in {lang:?}");
                let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
                assert_eq!(about, catalog.say(&Words::new(&id)), "{id}");
                for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                    let name = arg.get_id().as_str();
                    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                    assert!(!help.trim().is_empty(), "{id} {name} in {lang:?}");
                    let heading = arg.get_help_heading().unwrap_or_default();
                    assert!(!heading.is_empty(), "{id} {name}: a heading in {lang:?}");
                    let known = ["help", "version", "subcommand"].contains(&name)
                        || fields.contains(&name)
                        || [
                            format!("{id}-{name}"),
                            format!("help-any-{name}"),
                            format!("help-hark-{name}"),
                        ]
                        .iter()
                        .any(|i| catalog.has(i));
                    assert!(known, "{id}-{name}: its help is in no catalog");
                }
            }
        }
    }

    #[test]
    fn the_help_speaks_chinese_around_and_inside() {
        let mut cmd = localized(Cli::command(), Lang::ZhCn);
        let top = cmd.render_help().to_string();
        assert!(top.contains("用法："), "{top}");
        assert!(top.contains("发送语音消息"), "{top}");
        assert!(top.contains("退出状态："), "{top}");
        for english in ["Usage", "Options", "Commands", "Print help", "Exit status"] {
            assert!(!top.contains(english), "{english} in:\n{top}");
        }
        let mut send = cmd.find_subcommand_mut("send").unwrap().clone();
        let send = send.render_help().to_string();
        assert!(send.contains("接收人"), "{send}");
        assert!(send.contains("[可选值：human-agent]"), "{send}");
        assert!(!send.contains("possible values"), "{send}");
        let mut history = cmd.find_subcommand_mut("history").unwrap().clone();
        let history = history.render_help().to_string();
        assert!(history.contains("[默认：50]"), "{history}");
    }

    #[test]
    fn the_help_in_english_is_the_catalogs() {
        let mut cmd = localized(Cli::command(), Lang::En);
        let top = cmd.render_help().to_string();
        assert!(top.contains("Usage: hark"), "{top}");
        assert!(top.contains("Exit status:\n  0  success"), "{top}");
        assert!(top.contains("  7  the outcome is unknown"), "{top}");
    }
}
