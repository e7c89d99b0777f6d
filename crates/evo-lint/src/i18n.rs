//! evo-lint's own texts (usage, summaries, the profile line, its errors), in English and in
//! Brazilian Portuguese; the lint messages and migration notes come from evo-core's catalogue.

use evo_core::i18n::Lang;

evo_core::catalog! {
    pub Cli(100, cli) {
        usage: "usage: evo-lint [--fix] [--format human|json|sarif] [--profile v1|v2|auto] [--endpoint ENDPOINT] [--migrate v1|v2] [--lang en|pt-BR] [FILE|-]...
       evo-lint --schema v1|v2 [--endpoint ENDPOINT]

Lints Evolution API `POST /instance/create` payloads (JSON, or JSON with the seed's // comments).
  --fix              apply every fix-it: rewrite each FILE in place; with -, print the fixed text
                     (with --migrate: write the migrated text in place instead, no fix-its applied)
  --format FORMAT    human (default): file:line:col: severity[code]: message, with the source line
                     json: one array of {file, line, column, end_line, end_column, severity, code, message, fixes}
                     sarif: SARIF 2.1.0 (columns in Unicode code points), rules, results and fixes
  --profile PROFILE  the server generation: v1 (1.x), v2 (2.x), or auto (default): from the payload's own
                     keys, v1 when they say nothing (human output names the profile on stderr)
  --endpoint ENDPOINT  the body: create (default: POST /instance/create) or a route after it: settings,
                     webhook, proxy, chatwoot, websocket, rabbitmq, sqs, nats, kafka, pusher; or auto: from the
                     body's shape (human output names it on stderr)
  --migrate TARGET   migrate each payload to v1 or v2 (from --profile, or from its shape; when the shape says
                     nothing, from the other profile): the migrated text on stdout, `note[kind] key: message`
                     lines and the report of the migrated text on stderr
  --lang LANG        the language of messages and notes: en or pt-BR; without it, from LC_ALL, LC_MESSAGES
                     or LANG (Portuguese gives pt-BR, anything else English). Codes never change.
  --schema PROFILE   print the JSON Schema (draft 2020-12) of a v1 or v2 payload and exit
  FILE               a payload file; - or nothing reads standard input
Exit status: 0 no errors, 1 errors found (with --migrate: in the migrated payload, linted as TARGET),
2 usage or I/O problem, or a payload to migrate that is not a JSON object.",
        unknown_option: "unknown option {0}",
        missing_value: "{0} needs a value",
        unexpected_value: "{0} takes no value",
        unknown_format: "unknown format {0} (human, json or sarif)",
        unknown_profile: "unknown profile {0} (v1, v2 or auto)",
        unknown_lang: "unknown language {0} (en or pt-BR)",
        target: "{0} needs v1 or v2, not {1}",
        schema_alone: "--schema prints the schema alone: it takes no FILE and no other option but --endpoint",
        unknown_endpoint: "unknown endpoint {0} (create, settings, webhook, proxy, chatwoot, websocket, rabbitmq, sqs, nats, kafka, pusher or auto)",
        endpoint_line: "{0}: endpoint {1} ({2})",
        endpoint_from_shape: "from the body's shape",
        endpoint_default: "the default: the body's shape says nothing",
        read_failed: "{0}: {1}",
        write_failed: "{0}: {1}",
        report_failed: "writing the report: {0}",
        profile_line: "{0}: profile {1} ({2})",
        profile_from_shape: "from the payload's shape",
        profile_migrating: "the payload's shape says nothing; migrating to {0}",
        profile_default: "the default: the payload's shape says nothing",
        already: "{0}: already {1}: nothing to migrate",
        not_utf8: "The file is not valid UTF-8 (first bad byte at offset {0}); JSON must be UTF-8.",
        /// {0} the field, {1} the environment variable.
        secret_in_file: "{0} holds a literal secret, and payload files end up in repositories and tickets: write \"${{1}}\" instead and fill it from the environment where the file is sent (e.g. envsubst).",
        /// {0} the file, {1} the offset of the first bad byte.
        not_utf8_untouched: "{0}: not valid UTF-8 (first bad byte at offset {1}), so it was not rewritten: nothing is written back that was not read exactly. Convert it to UTF-8 first (e.g. iconv -f latin1 -t utf-8).",
        summary: "{0}: {1} error(s), {2} warning(s), {3} note(s)",
        fix: "fix: {0}",
    }
}

pub static PT_BR: Cli = Cli {
    usage: "uso: evo-lint [--fix] [--format human|json|sarif] [--profile v1|v2|auto] [--endpoint ROTA] [--migrate v1|v2] [--lang en|pt-BR] [ARQUIVO|-]...
     evo-lint --schema v1|v2 [--endpoint ROTA]

Verifica payloads de `POST /instance/create` da Evolution API (JSON, ou JSON com os comentários // do seed).
  --fix              aplica todas as correções: reescreve cada ARQUIVO no lugar; com -, imprime o texto corrigido
                     (com --migrate: grava o texto migrado no lugar, sem aplicar correções)
  --format FORMATO   human (padrão): arquivo:linha:coluna: severidade[código]: mensagem, com a linha do código
                     json: um array de {file, line, column, end_line, end_column, severity, code, message, fixes}
                     sarif: SARIF 2.1.0 (colunas em code points Unicode), regras, resultados e correções
  --profile PERFIL   a geração do servidor: v1 (1.x), v2 (2.x), ou auto (padrão): pelas próprias chaves do
                     payload, v1 quando elas não dizem nada (a saída human informa o perfil no stderr)
  --endpoint ROTA    o corpo: create (padrão: POST /instance/create) ou uma rota depois dele: settings,
                     webhook, proxy, chatwoot, websocket, rabbitmq, sqs, nats, kafka, pusher; ou auto: pelo
                     formato do corpo (a saída human informa a rota no stderr)
  --migrate ALVO     migra cada payload para v1 ou v2 (a partir do --profile, ou do formato dele; quando o formato
                     não diz nada, a partir do outro perfil): o texto migrado no stdout, as linhas
                     `note[kind] chave: mensagem` e o relatório do texto migrado no stderr
  --lang IDIOMA      o idioma das mensagens e notas: en ou pt-BR; sem ele, vem de LC_ALL, LC_MESSAGES
                     ou LANG (português dá pt-BR, qualquer outro inglês). Os códigos nunca mudam.
  --schema PERFIL    imprime o JSON Schema (draft 2020-12) de um payload v1 ou v2 e sai
  ARQUIVO            um arquivo de payload; - ou nada lê da entrada padrão
Código de saída: 0 sem erros, 1 erros encontrados (com --migrate: no payload migrado, verificado como ALVO),
2 problema de uso ou de E/S, ou um payload a migrar que não é um objeto JSON.",
    unknown_option: "opção desconhecida {0}",
    missing_value: "{0} precisa de um valor",
    unexpected_value: "{0} não aceita valor",
    unknown_format: "formato desconhecido {0} (human, json ou sarif)",
    unknown_profile: "perfil desconhecido {0} (v1, v2 ou auto)",
    unknown_lang: "idioma desconhecido {0} (en ou pt-BR)",
    target: "{0} precisa de v1 ou v2, não {1}",
    schema_alone: "--schema imprime só o schema: não aceita ARQUIVO nem outra opção além de --endpoint",
    unknown_endpoint: "rota desconhecida {0} (create, settings, webhook, proxy, chatwoot, websocket, rabbitmq, sqs, nats, kafka, pusher ou auto)",
    endpoint_line: "{0}: rota {1} ({2})",
    endpoint_from_shape: "pelo formato do corpo",
    endpoint_default: "o padrão: o formato do corpo não diz nada",
    read_failed: "não foi possível ler {0}: {1}",
    write_failed: "não foi possível gravar {0}: {1}",
    report_failed: "erro ao escrever o relatório: {0}",
    profile_line: "{0}: perfil {1} ({2})",
    profile_from_shape: "pelo formato do payload",
    profile_migrating: "o formato do payload não diz nada; migrando para {0}",
    profile_default: "o padrão: o formato do payload não diz nada",
    already: "{0}: já está em {1}: nada a migrar",
    not_utf8: "O arquivo não é UTF-8 válido (primeiro byte inválido no offset {0}); JSON precisa ser UTF-8.",
    secret_in_file: "{0} guarda um segredo literal, e arquivos de payload acabam em repositórios e chamados: escreva \"${{1}}\" no lugar e preencha-o pelo ambiente onde o arquivo for enviado (por exemplo envsubst).",
    not_utf8_untouched: "{0}: não é UTF-8 válido (primeiro byte inválido no offset {1}), por isso não foi reescrito: nada é gravado de volta sem ter sido lido exatamente. Converta-o para UTF-8 antes (por exemplo iconv -f latin1 -t utf-8).",
    summary: "{0}: {1} erro(s), {2} aviso(s), {3} nota(s)",
    fix: "correção: {0}",
};

/// evo-lint's texts in `lang`.
/// `lang.cli()`: the accessor the keys of [`Cli`] read their texts through (`keys::not_utf8`…).
pub trait CliTexts {
    fn cli(self) -> &'static Cli;
}

impl CliTexts for Lang {
    fn cli(self) -> &'static Cli {
        texts(self)
    }
}

pub fn texts(lang: Lang) -> &'static Cli {
    match lang {
        Lang::En => &EN,
        Lang::PtBr => &PT_BR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same placeholders in both languages, for every key.
    #[test]
    fn placeholders_match() {
        let digits = |s: &str| {
            let mut v: Vec<u8> = s
                .as_bytes()
                .windows(3)
                .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
                .map(|w| w[1])
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for ((k, e), p) in Cli::KEYS.iter().zip(EN.values()).zip(PT_BR.values()) {
            assert_eq!(digits(e), digits(p), "{k}");
        }
    }
}
