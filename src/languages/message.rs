//! A text to be shown later, perhaps in another language than the request's: a form
//! problem, a notice for the next page (kept in the session), an e-mail. It names its key
//! and arguments; a `Lang` turns it into words.

use std::borrow::Cow;

use chrono::NaiveDateTime;
use fluent_templates::fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::Lang;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    key: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

impl Message {
    pub const fn new(key: &'static str) -> Message {
        Message {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, value: impl IntoArg) -> Message {
        self.args.push((Cow::Borrowed(name), value.into_arg()));
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
    /// A year or an identifier: the language's digits, never grouped.
    Digits(i64),
    /// A moment, written as `dates::long` writes it.
    Moment(NaiveDateTime),
    Key(Cow<'static, str>),
    /// A language, by its ISO 639-1 code: named by the CLDR in the message's language.
    Language(Cow<'static, str>),
    /// Another message, translated into the same language.
    Message(Box<Message>),
}

impl Arg {
    /// Another text, translated into the same language when the message is.
    pub fn key(key: &'static str) -> Arg {
        Arg::Key(Cow::Borrowed(key))
    }

    pub fn digits(number: impl Into<i64>) -> Arg {
        Arg::Digits(number.into())
    }

    pub(super) fn to_fluent(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(number) => FluentValue::from(*number),
            Arg::Digits(number) => FluentValue::from(lang.digits(number)),
            Arg::Moment(at) => FluentValue::from(crate::languages::dates::long(at, lang)),
            Arg::Key(key) => FluentValue::from(lang.t(key)),
            Arg::Language(code) => FluentValue::from(lang.language_name(code).to_owned()),
            Arg::Message(message) => FluentValue::from(lang.message(message)),
        }
    }
}

/// What can be an argument of a text: words or a number, also behind references (templates
/// hand over `&&String`).
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl IntoArg for Message {
    fn into_arg(self) -> Arg {
        Arg::Message(Box::new(self))
    }
}

impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_owned())
    }
}

impl IntoArg for String {
    fn into_arg(self) -> Arg {
        Arg::Text(self)
    }
}

impl<T: IntoArg + Clone> IntoArg for &T {
    fn into_arg(self) -> Arg {
        self.clone().into_arg()
    }
}

macro_rules! numbers {
    ($($number:ty),+) => {$(
        impl IntoArg for $number {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn into_arg(self) -> Arg {
                Arg::Number(self as f64)
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
