//! O catálogo em português do Brasil: as mesmas chaves do inglês (uma chave a menos não compila).

pub mod answers;
pub mod config_fields;
pub mod doctor;
pub mod fields;
pub mod lint;
pub mod lint_config;
pub mod lint_v2;

pub static TEXTS: super::Texts = super::Texts { lint: &lint::PT_BR, doctor: &doctor::PT_BR };
