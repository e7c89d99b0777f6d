//! Os textos da página em português do Brasil (as mesmas chaves do inglês: uma a menos não compila).

pub mod ui;
pub mod ui_parts;
