//! A sentence not yet in a language: which message, and with what.

use serde::{Deserialize, Serialize};

/// A message of the catalog and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Words {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// Said as it is, in every language (a name, a path, a platform's own words).
    Text(String),
    /// A number: it picks the plural form and is formatted for the language.
    Number(f64),
    /// Another message, said in the same language first (a platform's name).
    Words(Words),
}

impl Words {
    pub fn new(id: impl Into<String>) -> Words {
        Words {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// With `name` set to `text`, said as it is.
    pub fn text(mut self, name: &str, text: impl Into<String>) -> Words {
        self.args.push((name.to_owned(), Arg::Text(text.into())));
        self
    }

    pub fn number(mut self, name: &str, n: impl Into<f64>) -> Words {
        self.args.push((name.to_owned(), Arg::Number(n.into())));
        self
    }

    /// With `name` set to another message, said in the same language.
    pub fn words(mut self, name: &str, words: Words) -> Words {
        self.args.push((name.to_owned(), Arg::Words(words)));
        self
    }
}

/// What a person is told of a problem: the sentence and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Said {
    pub message: Words,
    pub remedy: Words,
}

impl Said {
    pub fn new(message: Words, remedy: Words) -> Said {
        Said { message, remedy }
    }

    /// The sentence in English: an error's `Display` (logs, and the problem's English).
    pub fn english(&self) -> String {
        super::Lang::En.say(&self.message)
    }
}
