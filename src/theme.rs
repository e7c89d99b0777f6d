//! The page's colour theme: what the select offers, what the device keeps and what
//! `<html data-theme>` says.

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
        // A search over `ALL`, not a `match` on the strings: smaller in the first load.
        Theme::ALL.into_iter().find(|t| t.id() == id).unwrap_or_default()
    }
}
