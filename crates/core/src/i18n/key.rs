//! A message's key: which catalogue part, which place in it, and how to reach the part's table in a
//! language. `catalog!` makes one per text (`i18n::keys::lint::unknown_key`); [`crate::msg`] builds
//! messages from them. It names no text, so naming a key loads none.

use super::Lang;

/// Where a message lives: its catalogue part, its place there, and the part's table accessor (a
/// static per key, made by `catalog!`; only the keys a binary names are in it).
pub struct KeyDef {
    table: fn(Lang) -> &'static [&'static str],
    index: u16,
    part: u8,
}

impl KeyDef {
    pub const fn new(part: u8, index: u16, table: fn(Lang) -> &'static [&'static str]) -> Self {
        KeyDef { table, index, part }
    }
}

/// A message of a catalogue part: one pointer (a call site stores one word). Two keys are equal
/// when they name the same message.
#[derive(Clone, Copy)]
pub struct Key(&'static KeyDef);

impl Key {
    /// The key of a message (`catalog!` makes them: `keys::lint::unknown_key`).
    pub const fn new(def: &'static KeyDef) -> Self {
        Key(def)
    }

    /// Its template in `lang` (`{0}`, `{1}`… for the arguments). For the renderer.
    pub(crate) fn template(self, lang: Lang) -> &'static str {
        (self.0.table)(lang)[usize::from(self.0.index)]
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        (self.0.part, self.0.index) == (other.0.part, other.0.index)
    }
}

impl Eq for Key {}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({}.{})", self.0.part, self.0.index)
    }
}
