//! The catalogs, built into the program, and how a message becomes text.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang, Surface, Words};

/// A catalog file of `locales/`, built in.
macro_rules! file {
    ($lang:expr, $dir:literal, $name:literal) => {
        (
            $lang,
            $name,
            include_str!(concat!("../../../../locales/", $dir, "/", $name)),
        )
    };
}

/// Every catalog file: its language, its name and its text. The page reads the same
/// files (and the words of `app.ftl` only it says).
pub const FILES: &[(Lang, &str, &str)] = &[
    file!(Lang::En, "en", "errors.ftl"),
    file!(Lang::En, "en", "cli.ftl"),
    file!(Lang::En, "en", "app.ftl"),
    file!(Lang::En, "en", "help.ftl"),
    file!(Lang::ZhCn, "zh-CN", "errors.ftl"),
    file!(Lang::ZhCn, "zh-CN", "cli.ftl"),
    file!(Lang::ZhCn, "zh-CN", "app.ftl"),
    file!(Lang::ZhCn, "zh-CN", "help.ftl"),
];

/// One language's messages.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    /// The catalog of `lang`, built on first use.
    pub fn of(lang: Lang) -> &'static Catalog {
        static EN: OnceLock<Catalog> = OnceLock::new();
        static ZH_CN: OnceLock<Catalog> = OnceLock::new();
        let cell = match lang {
            Lang::En => &EN,
            Lang::ZhCn => &ZH_CN,
        };
        cell.get_or_init(|| Catalog::build(lang))
    }

    fn build(lang: Lang) -> Catalog {
        let id = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Text goes to terminals and plain labels: no bidi isolation marks.
        bundle.set_use_isolating(false);
        for (_, _, text) in FILES.iter().filter(|(l, _, _)| *l == lang) {
            // A file that does not parse in full keeps what does (the catalog tests
            // make sure every file parses).
            let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        Catalog { lang, bundle }
    }

    /// Whether the catalog has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Attribute `attribute` of message `id` (no arguments), when there is one: the
    /// parts of a message the page places itself (a field's label and help).
    pub fn part(&self, id: &str, attribute: &str) -> Option<String> {
        let pattern = self
            .bundle
            .get_message(id)?
            .get_attribute(attribute)?
            .value();
        let mut errors = vec![];
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// `words` as text: the message's value.
    pub fn say(&self, words: &Words) -> String {
        self.render(words, None)
    }

    /// `words` as text where `surface` reads it: the surface's attribute when the
    /// message has one, else its value.
    pub fn say_for(&self, surface: Surface, words: &Words) -> String {
        self.render(words, Some(surface))
    }

    fn render(&self, words: &Words, surface: Option<Surface>) -> String {
        let Some(message) = self.bundle.get_message(&words.id) else {
            // Not translated yet: English, and the id only if English lacks it too
            // (the catalog tests make sure it never does).
            return match self.lang {
                Lang::En => words.id.clone(),
                _ => Catalog::of(Lang::En).render(words, surface),
            };
        };
        let pattern = surface
            .and_then(|s| message.get_attribute(s.attribute()))
            .map(|a| a.value())
            .or_else(|| message.value())
            .or_else(|| message.attributes().next().map(|a| a.value()));
        let Some(pattern) = pattern else {
            return words.id.clone();
        };
        let mut args = FluentArgs::new();
        for (name, arg) in &words.args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Words(inner) => FluentValue::from(self.render(inner, surface)),
            };
            args.set(name.as_str(), value);
        }
        let mut errors = vec![];
        self.bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

impl Lang {
    /// `words` in this language.
    pub fn say(self, words: &Words) -> String {
        Catalog::of(self).say(words)
    }

    /// `words` in this language, as `surface` reads it.
    pub fn say_for(self, surface: Surface, words: &Words) -> String {
        Catalog::of(self).say_for(surface, words)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Each message of a language: its attributes and the variables each part uses.
    type Shape = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

    fn variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, into);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, into);
                for variant in variants {
                    variables(&variant.value, into);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, into),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, into)
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_variables(a, into);
                }
                for a in &arguments.named {
                    inline_variables(&a.value, into);
                }
            }
            _ => {}
        }
    }

    fn shape(lang: Lang) -> Shape {
        let mut shape = Shape::new();
        for (_, name, text) in FILES.iter().filter(|(l, _, _)| *l == lang) {
            let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, errors)| {
                panic!("{}/{name} does not parse: {errors:?}", lang.tag())
            });
            for entry in resource.body {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let mut parts = BTreeMap::new();
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables(value, &mut vars);
                }
                parts.insert(String::new(), vars);
                for attribute in &message.attributes {
                    let mut vars = BTreeSet::new();
                    variables(&attribute.value, &mut vars);
                    parts.insert(format!(".{}", attribute.id.name), vars);
                }
                let id = message.id.name.to_owned();
                assert!(
                    shape.insert(id.clone(), parts).is_none(),
                    "{}: {id} twice",
                    lang.tag()
                );
            }
        }
        shape
    }

    #[test]
    fn every_message_is_in_every_language_with_the_same_parameters() {
        let english = shape(Lang::En);
        assert!(!english.is_empty());
        for lang in Lang::ALL {
            let other = shape(lang);
            for (id, parts) in &english {
                let theirs = other
                    .get(id)
                    .unwrap_or_else(|| panic!("{} lacks {id}", lang.tag()));
                assert_eq!(
                    parts.keys().collect::<Vec<_>>(),
                    theirs.keys().collect::<Vec<_>>(),
                    "{} {id}: not the same attributes",
                    lang.tag()
                );
                let all = |p: &BTreeMap<String, BTreeSet<String>>| {
                    p.values().flatten().cloned().collect::<BTreeSet<_>>()
                };
                assert_eq!(
                    all(parts),
                    all(theirs),
                    "{} {id}: not the same parameters",
                    lang.tag()
                );
            }
            for id in other.keys() {
                assert!(
                    english.contains_key(id),
                    "{} has {id}, English not",
                    lang.tag()
                );
            }
        }
    }

    #[test]
    fn every_catalog_file_is_built_in() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        for lang in Lang::ALL {
            let dir = root.join(lang.tag());
            let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".ftl"))
                .collect();
            let built_in: BTreeSet<String> = FILES
                .iter()
                .filter(|(l, _, _)| *l == lang)
                .map(|(_, name, _)| (*name).to_owned())
                .collect();
            assert_eq!(on_disk, built_in, "{}", dir.display());
        }
    }

    #[test]
    fn a_message_is_said_with_its_arguments_and_its_surface() {
        let words = Words::new("error-network").words("platform", Words::new("platform-wechat"));
        assert_eq!(Lang::En.say(&words), "WeChat could not be reached.");
        assert_eq!(Lang::ZhCn.say(&words), "无法连接微信。");
        let remedy = Words::new("remedy-audio-too-long");
        assert!(
            Lang::En
                .say_for(Surface::Cli, &remedy)
                .contains("hark convert")
        );
        assert!(!Lang::En.say_for(Surface::App, &remedy).contains("hark"));
        assert_eq!(
            Lang::En.say(&Words::new("no-such-message")),
            "no-such-message"
        );
    }
}
