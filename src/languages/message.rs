//! A text to be shown later, perhaps in another language than the request's: a form
//! problem, a notice for the next page (kept in the session), an e-mail. It names its key
//! and arguments; a `Lang` turns it into words.

use std::borrow::Cow;

use fluent_templates::fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::Lang;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    key: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

impl Message {
    pub fn new(key: &'static str) -> Message {
        Message {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn args(&self) -> impl Iterator<Item = (&str, &Arg)> {
        self.args.iter().map(|(name, value)| (name.as_ref(), value))
    }
}

/// An argument of a text: words as they are (a name, a title), a number the language
/// writes its own way (and chooses plural forms by), or another text by its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    Text(String),
    Number(f64),
    Key(Cow<'static, str>),
}

impl Arg {
    /// Another text, translated into the same language when the message is.
    pub fn key(key: &'static str) -> Arg {
        Arg::Key(Cow::Borrowed(key))
    }

    pub(super) fn to_fluent(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(number) => FluentValue::from(*number),
            Arg::Key(key) => FluentValue::from(lang.t(key)),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

macro_rules! numbers {
    ($($number:ty),+) => {$(
        impl From<$number> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(number: $number) -> Arg {
                Arg::Number(number as f64)
            }
        }

        impl From<&$number> for Arg {
            fn from(number: &$number) -> Arg {
                Arg::from(*number)
            }
        }
    )+};
}

numbers!(i32, i64, u32, u64, usize, f64);

impl From<Message> for Vec<Message> {
    fn from(message: Message) -> Vec<Message> {
        vec![message]
    }
}
