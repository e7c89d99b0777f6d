use crate::i18n::Lint;

pub static PT_BR: Lint = Lint {
    not_object: "O payload precisa ser um objeto JSON { … }, não {0}.",
    profile_hint: "Este payload tem o formato de {0}, mas está sendo verificado como {1}: troque o perfil (ou migre o payload) para bater com o seu servidor.",
};
