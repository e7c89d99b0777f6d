//! The English catalogue (it declares the keys).

pub mod answers;
pub mod doctor;
pub mod lint;
pub mod lint_config;
pub mod lint_v2;

pub static TEXTS: super::Texts = super::Texts { lint: &lint::EN, doctor: &doctor::EN };
