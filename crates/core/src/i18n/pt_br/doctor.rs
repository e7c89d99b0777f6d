use crate::i18n::Doctor;

pub static PT_BR: Doctor = Doctor {
    timeout: "Nenhuma resposta em {0} s.",

    migrate_not_object: "o texto JSON ainda não é um objeto: corrija o JSON antes de migrar",
    kind_renamed: "renomeado",
    kind_converted: "convertido",
    kind_added: "adicionado",
    kind_dropped: "removido",
    kind_warning: "aviso",

    patch_not_object:
        "o texto JSON ainda não é um objeto; corrija o JSON (ou escolha um modelo) antes de usar o formulário",
    patch_parent_not_object:
        "\"{0}\" não é um objeto no texto (está no formato do outro perfil?): corrija no editor, ou migre o payload",
    preset_basic: "Básico",
    preset_webhook: "Com webhook",
    preset_chatwoot: "Vindo do Chatwoot",

    url_empty: "Informe a URL base do servidor, por exemplo https://evolution.example.com",
    url_no_scheme: "A URL base precisa começar com http:// ou https://",
    url_no_host: "A URL base não tem nome de host depois do esquema",
    url_whitespace: "A URL base não pode conter espaços",
    url_query_or_fragment: "Deixe a query (?…) e o fragmento (#…) fora da URL base",
    key_empty: "Informe a chave global da API do servidor (AUTHENTICATION_API_KEY)",
    key_invalid:
        "A chave da API contém espaços ou caracteres que um cabeçalho HTTP não aceita; confira se não colou algo a mais",
};
