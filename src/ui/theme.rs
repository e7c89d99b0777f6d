//! The page's colour theme: what the select offers, what the device keeps and what
//! `<html data-theme>` says.

use crate::i18n::Ui;

/// A colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// The system's light or dark preference (the default).
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// In the select's order.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored value, the select's value and `data-theme` (`system`, `light`, `dark`).
    pub fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme of `id`; anything else (nothing stored, an old or edited value) is the system's.
    pub fn parse(id: &str) -> Theme {
        Theme::ALL.into_iter().find(|t| t.id() == id).unwrap_or_default()
    }

    /// Its name in the select.
    pub fn label(self) -> fn(&'static Ui) -> &'static str {
        match self {
            Theme::System => |u| u.theme_system,
            Theme::Light => |u| u.theme_light,
            Theme::Dark => |u| u.theme_dark,
        }
    }
}
