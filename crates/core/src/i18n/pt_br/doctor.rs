use crate::i18n::Doctor;

pub static PT_BR: Doctor = Doctor { timeout: "Nenhuma resposta em {0} s." };
