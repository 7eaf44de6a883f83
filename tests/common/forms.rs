//! Forms as a browser reads them off a page: what it would send, and what each control offers.

use scraper::{ElementRef, Html};

use super::selector;

/// A form of a page.
#[derive(Debug, Clone)]
pub struct PageForm {
    pub action: String,
    /// `enctype="multipart/form-data"`: sent as a multipart body.
    pub multipart: bool,
    pub controls: Vec<Control>,
}

/// One named control of a form.
#[derive(Debug, Clone)]
pub struct Control {
    pub name: String,
    /// What a browser sends for it as the page left it: a text's value, a ticked box, the
    /// selected option; nothing for an unticked box, a button or a file input.
    pub sent: Option<String>,
    /// The values it offers to choose from: options, the value of a box or a button.
    pub offered: Vec<String>,
}

impl PageForm {
    /// The fields a browser would send if the form were submitted without a button.
    pub fn filled(&self) -> Vec<(String, String)> {
        self.controls
            .iter()
            .filter_map(|control| Some((control.name.clone(), control.sent.clone()?)))
            .collect()
    }

    /// Every value offered under `name` (the options of a select, a group of boxes).
    pub fn offered(&self, name: &str) -> Vec<String> {
        self.controls
            .iter()
            .filter(|control| control.name == name)
            .flat_map(|control| control.offered.iter().cloned())
            .collect()
    }
}

/// Every form of a page that posts.
pub fn forms(html: &Html) -> Vec<PageForm> {
    html.select(&selector("form[method=post]"))
        .map(|form| PageForm {
            action: form.value().attr("action").unwrap_or_default().to_owned(),
            multipart: form.value().attr("enctype") == Some("multipart/form-data"),
            controls: form
                .select(&selector(
                    "input[name], select[name], textarea[name], button[name]",
                ))
                .map(control)
                .collect(),
        })
        .collect()
}

/// The form of a page that posts to `action`.
pub fn form(html: &Html, action: &str) -> PageForm {
    forms(html)
        .into_iter()
        .find(|form| form.action == action)
        .unwrap_or_else(|| panic!("no form posts to {action}"))
}

fn control(element: ElementRef) -> Control {
    let attr = |name: &str| element.value().attr(name).map(str::to_owned);
    let name = attr("name").unwrap_or_default();
    match element.value().name() {
        "textarea" => Control {
            name,
            sent: Some(element.text().collect()),
            offered: Vec::new(),
        },
        "select" => {
            let options: Vec<(String, bool)> = element
                .select(&selector("option"))
                .map(|option| {
                    (
                        option
                            .value()
                            .attr("value")
                            .map_or_else(|| option.text().collect(), str::to_owned),
                        option.value().attr("selected").is_some(),
                    )
                })
                .collect();
            let sent = options
                .iter()
                .find(|(_, selected)| *selected)
                .or(options.first())
                .map(|(value, _)| value.clone());
            Control {
                name,
                sent,
                offered: options.into_iter().map(|(value, _)| value).collect(),
            }
        }
        "button" => Control {
            name,
            sent: None,
            offered: vec![attr("value").unwrap_or_default()],
        },
        _ => {
            let value = attr("value");
            match attr("type").as_deref().unwrap_or("text") {
                "checkbox" | "radio" => Control {
                    name,
                    sent: attr("checked").and(value.clone().or(Some("on".to_owned()))),
                    offered: vec![value.unwrap_or_else(|| "on".to_owned())],
                },
                "submit" => Control {
                    name,
                    sent: None,
                    offered: vec![value.unwrap_or_default()],
                },
                "file" => Control {
                    name,
                    sent: None,
                    offered: Vec::new(),
                },
                _ => Control {
                    name,
                    sent: Some(value.unwrap_or_default()),
                    offered: Vec::new(),
                },
            }
        }
    }
}

/// `fields` with every value of `name` replaced by `values`.
pub fn replaced(fields: &[(String, String)], name: &str, values: &[&str]) -> Vec<(String, String)> {
    fields
        .iter()
        .filter(|(field, _)| field != name)
        .cloned()
        .chain(
            values
                .iter()
                .map(|value| (name.to_owned(), (*value).to_owned())),
        )
        .collect()
}

/// Borrowed pairs, as `Browser::post_raw` takes them.
pub fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect()
}
