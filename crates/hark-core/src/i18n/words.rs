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

    /// The same words with each text argument, however deep, passed through `edit`
    /// (to take a secret out of what a platform said).
    pub fn edit_text(mut self, edit: &impl Fn(&str) -> String) -> Words {
        for (_, arg) in &mut self.args {
            match arg {
                Arg::Text(text) => *text = edit(text),
                Arg::Words(words) => {
                    *words = std::mem::replace(words, Words::new("")).edit_text(edit)
                }
                Arg::Number(_) => {}
            }
        }
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

    /// Both parts with each text argument passed through `edit` (see `Words::edit_text`).
    pub fn edit_text(self, edit: &impl Fn(&str) -> String) -> Said {
        Said {
            message: self.message.edit_text(edit),
            remedy: self.remedy.edit_text(edit),
        }
    }

    /// The sentence in English: an error's `Display` (logs, and the problem's English).
    pub fn english(&self) -> String {
        super::Lang::En.say(&self.message)
    }
}
