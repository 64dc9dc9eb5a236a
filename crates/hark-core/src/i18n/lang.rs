//! Which language a person reads, and where.

use serde::{Deserialize, Serialize};

/// A language Hark speaks. Anything else reads English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// Where a sentence is read: its remedies differ (a command to type, or a control).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Cli,
    App,
}

impl Surface {
    /// The catalog attribute for this surface.
    pub fn attribute(self) -> &'static str {
        match self {
            Surface::Cli => "cli",
            Surface::App => "app",
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, as the catalogs' folders and the page name it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language of a tag as `tag()` writes it (`en`, `zh-CN`); `None` for another.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The language a locale name asks for (`zh_CN.UTF-8`, `zh-Hans`, `zh`, `en_GB`),
    /// or `None` for a name that asks for none (`C`, `POSIX`, empty).
    pub fn from_locale(name: &str) -> Option<Lang> {
        let name = name.trim();
        let base = name.split(['.', '@']).next().unwrap_or_default();
        if base.is_empty() || base == "C" || base == "POSIX" {
            return None;
        }
        let language = base.split(['_', '-']).next().unwrap_or_default();
        Some(if language.eq_ignore_ascii_case("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        })
    }

    /// The language the environment asks for: `HARK_LANG`, then the POSIX order
    /// (`LANGUAGE`'s first entry, `LC_ALL`, `LC_MESSAGES`, `LANG`); English when none
    /// says.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// `from_env` over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        let language = var("LANGUAGE")
            .and_then(|list| list.split(':').next().map(str::to_owned))
            .filter(|_| {
                // GNU gettext ignores LANGUAGE when the locale is C.
                let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|n| var(n).filter(|v| !v.is_empty()));
                locale.is_some_and(|l| Lang::from_locale(&l).is_some())
            });
        let chosen = var("HARK_LANG").into_iter().chain(language).chain(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|name| var(name)),
        );
        chosen
            .filter(|v| !v.trim().is_empty())
            .find_map(|v| Lang::from_locale(&v))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(vars: &[(&str, &str)]) -> Lang {
        Lang::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn locales_name_their_language() {
        for (name, lang) in [
            ("zh_CN.UTF-8", Some(Lang::ZhCn)),
            ("zh-Hans", Some(Lang::ZhCn)),
            ("zh", Some(Lang::ZhCn)),
            ("zh_TW.UTF-8", Some(Lang::ZhCn)),
            ("en_GB.UTF-8", Some(Lang::En)),
            ("de_DE@euro", Some(Lang::En)),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_locale(name), lang, "{name}");
        }
    }

    #[test]
    fn the_environment_is_read_in_its_order() {
        assert_eq!(from(&[]), Lang::En);
        assert_eq!(from(&[("LANG", "zh_CN.UTF-8")]), Lang::ZhCn);
        assert_eq!(
            from(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            from(&[("LC_ALL", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")]),
            Lang::ZhCn
        );
        assert_eq!(
            from(&[("LANG", "zh_CN.UTF-8"), ("HARK_LANG", "en")]),
            Lang::En
        );
        assert_eq!(from(&[("LANG", "C"), ("HARK_LANG", "zh-CN")]), Lang::ZhCn);
        assert_eq!(
            from(&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "zh_CN:en")]),
            Lang::ZhCn
        );
        assert_eq!(
            from(&[("LANG", "C"), ("LANGUAGE", "zh_CN")]),
            Lang::En,
            "LANGUAGE is ignored under the C locale"
        );
        assert_eq!(from(&[("HARK_LANG", ""), ("LANG", "zh_CN")]), Lang::ZhCn);
    }
}
