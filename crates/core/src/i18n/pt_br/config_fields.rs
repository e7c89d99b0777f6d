//! Os textos dos campos das rotas de configuração (settings, webhook, proxy, Chatwoot, websocket,
//! rabbitmq, sqs, nats, kafka, pusher) em português do Brasil, uma tabela por rota e geração, na
//! ordem de `fields::CONFIG_TABLES`. A verificação no fim do arquivo roda na compilação: uma linha a menos,
//! a mais, fora de ordem, ou sem rótulo/ajuda/placeholder onde o inglês tem, não compila.

use crate::fields::CONFIG_TABLES as TABLES;
use crate::fields::{check_texts, FieldText as T};

const ON_CONNECT: &str = "Aplicado na próxima conexão ao WhatsApp.";
const PROXY_LIVE: &str = "true: o servidor testa o proxy na hora (400 Invalid proxy quando falha).";
const ONLY_WITH_PASSWORD: &str = "Usado só junto com a senha.";
const ONLY_WITH_USER: &str = "Usado só junto com o nome de usuário.";
const PORT_STRING: &str = "Uma string (\"3128\").";
const ACCOUNT_STRING: &str = "Uma string (\"1\").";
const AUTO_CREATE: &str =
    "Contata o Chatwoot durante a requisição (inalcançável → 500, o resto é salvo mesmo assim); nunca é salvo.";
const SINK_OFF_V1: &str = "Obrigatório. false salva a lista completa de eventos.";
const EVENTS_V1: &str = "Obrigatório quando ligado ([] = todos os 26).";
const EVENTS_V2: &str = "Obrigatório quando ligado ([] = todos os 31).";
const SINK_V2: &str = "Sem ele o servidor responde 201 e não faz nada.";
const FIRST_SET_FALSE: &str = "O primeiro set salva false quando omitido.";

const SETTINGS_V1: [T; 7] = [
    T::new("reject_call", "Rejeitar chamadas", "Chamadas recebidas são recusadas automaticamente."),
    T::new("msg_call", "Mensagem a quem liga", "Enviada a todo mundo que liga, rejeitando ou não. Omitida = apagada (o 1.8.2 substitui as configurações salvas)."),
    T::new("groups_ignore", "Ignorar mensagens de grupos", "O create do 1.8.2 deixou isto em true."),
    T::new("always_online", "Sempre online", ON_CONNECT),
    T::new("read_messages", "Marcar mensagens como lidas", ""),
    T::new("read_status", "Marcar status como vistos", ""),
    T::new("sync_full_history", "Sincronizar o histórico completo", ON_CONNECT),
];

const WEBHOOK_V1: [T; 5] = [
    T::new("enabled", "Webhook ligado", "Omitido = true. false apaga a URL e os eventos."),
    T::new(
        "url",
        "URL do webhook",
        "Obrigatória, também para desligar. Precisa de http:// ou https:// para ser entregue.",
    )
    .ph("https://example.com/your-webhook"),
    T::new("events", "Eventos", EVENTS_V1),
    T::new(
        "webhook_by_events",
        "Uma URL por evento",
        "Tipo não verificado: \"false\" é salvo e age como true. Omitido = some do que está salvo.",
    ),
    T::new("webhook_base64", "Mídia em base64", "Tipo não verificado. Omitido = some do que está salvo."),
];

const PROXY_V1: [T; 7] = [
    T::new("enabled", "Proxy ligado", PROXY_LIVE),
    T::new("proxy", "Proxy", "Obrigatório, também para desligar."),
    T::new("proxy.host", "Host do proxy", ""),
    T::new("proxy.port", "Porta do proxy", PORT_STRING).ph("3128"),
    T::new(
        "proxy.protocol",
        "Protocolo do proxy",
        "Só proxies http/https funcionam (o 1.8.2 usa um agente de proxy HTTPS).",
    ),
    T::new("proxy.username", "Usuário do proxy", ONLY_WITH_PASSWORD),
    T::new("proxy.password", "Senha do proxy", ONLY_WITH_USER),
];

const CHATWOOT_V1: [T; 15] = [
    T::new("enabled", "Chatwoot ligado", "false apaga o ID da conta, o token e a URL."),
    T::new("account_id", "ID da conta do Chatwoot", ACCOUNT_STRING).ph("1"),
    T::new("token", "Token de acesso do Chatwoot", ""),
    T::new("url", "URL do Chatwoot", "").ph("https://app.chatwoot.com"),
    T::new("sign_msg", "Assinar mensagens", ""),
    T::new("sign_delimiter", "Separador da assinatura", "String ou null."),
    T::new("reopen_conversation", "Reabrir conversas resolvidas", ""),
    T::new("conversation_pending", "Conversas novas começam pendentes", ""),
    T::new("name_inbox", "Nome da caixa de entrada", "Por padrão, o nome da instância."),
    T::new("import_contacts", "Importar contatos", ""),
    T::new("import_messages", "Importar mensagens", ""),
    T::new("merge_brazil_contacts", "Unir números brasileiros", ""),
    T::new("days_limit_import_messages", "Dias de histórico a importar", ""),
    T::new("auto_create", "Criar a caixa de entrada agora", AUTO_CREATE),
    T::new("number", "Número", "Lido, sem verificação de schema."),
];

const WEBSOCKET_V1: [T; 2] = [T::new("enabled", "Ligado", SINK_OFF_V1), T::new("events", "Eventos", EVENTS_V1)];
const RABBITMQ_V1: [T; 2] = WEBSOCKET_V1;
const SQS_V1: [T; 2] = WEBSOCKET_V1;

const SETTINGS_V2: [T; 8] = [
    T::new("rejectCall", "Rejeitar chamadas", "Chamadas recebidas são recusadas automaticamente."),
    T::new("msgCall", "Mensagem a quem liga", "Enviada a todo mundo que liga, rejeitando ou não. No máximo 100 caracteres. Omitida = mantida; \"\" apaga."),
    T::new("groupsIgnore", "Ignorar mensagens de grupos", ""),
    T::new("alwaysOnline", "Sempre online", ON_CONNECT),
    T::new("readMessages", "Marcar mensagens como lidas", ""),
    T::new("readStatus", "Marcar status como vistos", ""),
    T::new("syncFullHistory", "Sincronizar o histórico completo", ON_CONNECT),
    T::new("wavoipToken", "Token do Wavoip", "Numa instância que nunca conectou o servidor responde 500, embora o tenha salvo. Omitido = mantido; \"\" apaga."),
];

const WEBHOOK_V2: [T; 7] = [
    T::new("webhook", "Webhook", ""),
    T::new("webhook.enabled", "Webhook ligado", "false salva events: [] e mantém a URL e os cabeçalhos."),
    T::new(
        "webhook.url",
        "URL do webhook",
        "Precisa começar com http:// ou https://, senão é salva e nunca chamada. No máximo 500 caracteres.",
    )
    .ph("https://example.com/your-webhook"),
    T::new("webhook.events", "Eventos", "Obrigatório quando ligado ([] = todos os 31); sempre sobrescrito."),
    T::new(
        "webhook.headers",
        "Cabeçalhos",
        "Enviados em cada entrega. Omitido = mantido: envie o objeto inteiro para remover um.",
    ),
    T::new("webhook.byEvents", "Uma URL por evento", "Omitido = mantido."),
    T::new(
        "webhook.base64",
        "Mídia em base64",
        "Omitido = mantido; lido pela instância em execução na próxima conexão.",
    ),
];

const PROXY_V2: [T; 6] = [
    T::new("enabled", "Proxy ligado", PROXY_LIVE),
    T::new("host", "Host do proxy", "Obrigatório, também para desligar."),
    T::new("port", "Porta do proxy", PORT_STRING).ph("3128"),
    T::new("protocol", "Protocolo do proxy", "http ou socks."),
    T::new("username", "Usuário do proxy", ONLY_WITH_PASSWORD),
    T::new("password", "Senha do proxy", ONLY_WITH_USER),
];

const CHATWOOT_V2: [T; 18] = [
    T::new("enabled", "Chatwoot ligado", "false mantém os outros valores."),
    T::new("accountId", "ID da conta do Chatwoot", ACCOUNT_STRING).ph("1"),
    T::new("token", "Token de acesso do Chatwoot", ""),
    T::new("url", "URL do Chatwoot", "").ph("https://app.chatwoot.com"),
    T::new("signMsg", "Assinar mensagens", ""),
    T::new(
        "signDelimiter",
        "Separador da assinatura",
        "String ou null. Descartado pelo primeiro set: envie duas vezes.",
    ),
    T::new("reopenConversation", "Reabrir conversas resolvidas", ""),
    T::new("conversationPending", "Conversas novas começam pendentes", ""),
    T::new("nameInbox", "Nome da caixa de entrada", "Por padrão, o nome da instância."),
    T::new("importContacts", "Importar contatos", FIRST_SET_FALSE),
    T::new("importMessages", "Importar mensagens", FIRST_SET_FALSE),
    T::new("mergeBrazilContacts", "Unir números brasileiros", FIRST_SET_FALSE),
    T::new("daysLimitImportMessages", "Dias de histórico a importar", "Um número inteiro (7.5 é salvo como 7)."),
    T::new("autoCreate", "Criar a caixa de entrada agora", AUTO_CREATE),
    T::new("number", "Número", "Sem verificação de schema."),
    T::new("ignoreJids", "JIDs a ignorar", ""),
    T::new("organization", "Nome da organização", ""),
    T::new("logo", "URL do logotipo", ""),
];

/// A 2.x event sink (`{"<name>": {enabled, events}}`): the same rows under its own name.
const fn sink(name: &'static str, enabled: &'static str, events: &'static str) -> [T; 3] {
    [T::new(name, name, SINK_V2), T::new(enabled, "Ligado", "Obrigatório."), T::new(events, "Eventos", EVENTS_V2)]
}

const WEBSOCKET_V2: [T; 3] = sink("websocket", "websocket.enabled", "websocket.events");
const RABBITMQ_V2: [T; 3] = sink("rabbitmq", "rabbitmq.enabled", "rabbitmq.events");
const SQS_V2: [T; 3] = sink("sqs", "sqs.enabled", "sqs.events");
const NATS_V2: [T; 3] = sink("nats", "nats.enabled", "nats.events");
const KAFKA_V2: [T; 3] = sink("kafka", "kafka.enabled", "kafka.events");

const PUSHER_V2: [T; 8] = [
    T::new("pusher", "Pusher", ""),
    T::new("pusher.enabled", "Ligado", ""),
    T::new("pusher.appId", "ID do app", ""),
    T::new("pusher.key", "Chave", ""),
    T::new("pusher.secret", "Segredo", ""),
    T::new("pusher.cluster", "Cluster", ""),
    T::new("pusher.useTLS", "Usar TLS", ""),
    T::new("pusher.events", "Eventos", EVENTS_V2),
];

/// Row by row the tables of `fields::CONFIG_TABLES`, in its order.
const ROWS: [&[T]; TABLES.len()] = [
    &SETTINGS_V1,
    &WEBHOOK_V1,
    &PROXY_V1,
    &CHATWOOT_V1,
    &WEBSOCKET_V1,
    &RABBITMQ_V1,
    &SQS_V1,
    &SETTINGS_V2,
    &WEBHOOK_V2,
    &PROXY_V2,
    &CHATWOOT_V2,
    &WEBSOCKET_V2,
    &RABBITMQ_V2,
    &SQS_V2,
    &NATS_V2,
    &KAFKA_V2,
    &PUSHER_V2,
];

const _: () = {
    let mut i = 0;
    while i < TABLES.len() {
        check_texts(TABLES[i], ROWS[i]);
        i += 1;
    }
};

/// The pt-BR rows of `config::TABLES[i]`, for each `i`.
pub static TABLE_ROWS: [&[T]; TABLES.len()] = ROWS;
