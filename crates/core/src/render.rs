//! Words at the edge: the one place a [`Msg`] becomes text in a language. The page and `evo-lint`
//! keep what the domain returns (diagnostics, notes) and render it when they show it, so a language
//! switch re-renders and never re-computes.

use crate::builder::{PatchError, Preset};
use crate::explain::{self, Explained, Explanation};
use crate::fields::{Field, FieldText, Profile};
use crate::i18n::{fill, Lang};
use crate::lint::Severity;
use crate::migrate::{MigrateError, NoteKind};
use crate::msg::{Arg, Key, Msg};
use crate::qr::{QrEncodeError, QrImageError};
use crate::response::{Decoded, LicenceGate};
use crate::token::ApiKeyError;
use crate::url::BaseUrlError;

/// `msg` in `lang`.
pub fn render(msg: &Msg, lang: Lang) -> String {
    let template = msg.key.template(lang);
    if msg.args.is_empty() {
        return template.to_owned();
    }
    let args: Vec<String> = msg.args.iter().map(|a| arg(a, lang)).collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    fill(template, &refs)
}

/// English, for logs, `Debug`-style output and tests (the faces render in their reader's language).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(self, Lang::En))
    }
}

/// A message without arguments in `lang`.
pub fn text(key: Key, lang: Lang) -> &'static str {
    key.template(lang)
}

/// A diagnostic's severity as people read it in `lang` (`Severity::as_str` is the stable id).
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    let t = lang.lint();
    match s {
        Severity::Error => t.severity_error,
        Severity::Warning => t.severity_warning,
        Severity::Info => t.severity_info,
    }
}

impl MigrateError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        render(&self.msg(), lang)
    }
}

impl std::fmt::Display for MigrateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// `message(lang)` of the errors whose words are a [`Msg`] (`msg()`); `Display` renders in English
/// through `Msg`'s own `Display`.
macro_rules! message_in {
    ($($ty:ty),* $(,)?) => {$(
        impl $ty {
            /// What went wrong, in `lang` (the `Display` text is the English one).
            pub fn message(&self, lang: Lang) -> String {
                render(&self.msg(), lang)
            }
        }
    )*};
}

message_in!(QrImageError, QrEncodeError, PatchError);

/// The same for the errors whose message has no argument (a `&'static str`, as before).
macro_rules! text_in {
    ($($ty:ty),* $(,)?) => {$(
        impl $ty {
            /// What to fix, in `lang` (the `Display` text is the English one).
            pub fn message(&self, lang: Lang) -> &'static str {
                text(self.key(), lang)
            }
        }
    )*};
}

text_in!(ApiKeyError, BaseUrlError);

impl Preset {
    /// The preset's name, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        text(self.name(), lang)
    }
}

impl Explained {
    /// The explanation in `lang`.
    pub fn render(&self, lang: Lang) -> Explanation {
        Explanation { tone: self.tone, text: render(&self.msg, lang) }
    }
}

/// [`explain::response`] in `lang`.
pub fn explain_response(status: u16, decoded: &Decoded, name: &str, lang: Lang) -> Explanation {
    explain::response(status, decoded, name).render(lang)
}

/// [`explain::licence`] in `lang`.
pub fn explain_licence(gate: &LicenceGate, lang: Lang) -> Explanation {
    explain::licence(gate).render(lang)
}

/// [`explain::no_response`] in `lang`.
pub fn explain_no_response(page_origin: &str, lang: Lang) -> Explanation {
    explain::no_response(page_origin).render(lang)
}

/// [`explain::timeout`] in `lang`.
pub fn explain_timeout(seconds: u32, lang: Lang) -> Explanation {
    explain::timeout(seconds).render(lang)
}

/// [`explain::aborted`] in `lang`.
pub fn explain_aborted(lang: Lang) -> Explanation {
    explain::aborted().render(lang)
}

/// [`explain::mixed`] in `lang`.
pub fn mixed_content(page_is_https: bool, api_is_https: bool, lang: Lang) -> Option<Explanation> {
    explain::mixed(page_is_https, api_is_https).map(|e| e.render(lang))
}

impl NoteKind {
    /// The kind as the page shows it, in `lang` ([`Self::as_str`] is the stable tag).
    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.doctor();
        match self {
            NoteKind::Renamed => t.kind_renamed,
            NoteKind::Converted => t.kind_converted,
            NoteKind::Added => t.kind_added,
            NoteKind::Dropped => t.kind_dropped,
            NoteKind::Warning => t.kind_warning,
        }
    }
}

/// A one-line description of each event (both generations), in `lang`, for the events checklist.
pub fn describe(event: &str, lang: Lang) -> &'static str {
    let t = lang.answers();
    match event {
        "APPLICATION_STARTUP" => t.ev_application_startup,
        "QRCODE_UPDATED" => t.ev_qrcode_updated,
        "MESSAGES_SET" => t.ev_messages_set,
        "MESSAGES_UPSERT" => t.ev_messages_upsert,
        "MESSAGES_UPDATE" => t.ev_messages_update,
        "MESSAGES_DELETE" => t.ev_messages_delete,
        "SEND_MESSAGE" => t.ev_send_message,
        "CONTACTS_SET" => t.ev_contacts_set,
        "CONTACTS_UPSERT" => t.ev_contacts_upsert,
        "CONTACTS_UPDATE" => t.ev_contacts_update,
        "PRESENCE_UPDATE" => t.ev_presence_update,
        "CHATS_SET" => t.ev_chats_set,
        "CHATS_UPSERT" => t.ev_chats_upsert,
        "CHATS_UPDATE" => t.ev_chats_update,
        "CHATS_DELETE" => t.ev_chats_delete,
        "GROUPS_UPSERT" => t.ev_groups_upsert,
        "GROUP_UPDATE" => t.ev_group_update,
        "GROUP_PARTICIPANTS_UPDATE" => t.ev_group_participants_update,
        "CONNECTION_UPDATE" => t.ev_connection_update,
        "LABELS_EDIT" => t.ev_labels_edit,
        "LABELS_ASSOCIATION" => t.ev_labels_association,
        "CALL" => t.ev_call,
        "NEW_JWT_TOKEN" => t.ev_new_jwt_token,
        "TYPEBOT_START" => t.ev_typebot_start,
        "TYPEBOT_CHANGE_STATUS" => t.ev_typebot_change_status,
        "CHAMA_AI_ACTION" => t.ev_chama_ai_action,
        "MESSAGES_EDITED" => t.ev_messages_edited,
        "SEND_MESSAGE_UPDATE" => t.ev_send_message_update,
        "REMOVE_INSTANCE" => t.ev_remove_instance,
        "LOGOUT_INSTANCE" => t.ev_logout_instance,
        "INSTANCE_CREATE" => t.ev_instance_create,
        "INSTANCE_DELETE" => t.ev_instance_delete,
        "STATUS_INSTANCE" => t.ev_status_instance,
        "MESSAGING_HISTORY_SET" => t.ev_messaging_history_set,
        _ => "",
    }
}

/// The texts of `profile`'s fields in `lang`, in table order: `field_texts(p, lang)[i]` belongs to
/// `p.fields()[i]`. Without the `embedded-pt` feature, pt-BR is the installed catalogue's
/// (`i18n::install_pt`), English before it is installed.
pub fn field_texts(profile: Profile, lang: Lang) -> &'static [FieldText] {
    match lang {
        Lang::En => profile.english_texts(),
        Lang::PtBr => crate::i18n::file::pt_fields(profile).unwrap_or(profile.english_texts()),
    }
}

/// The texts in `lang` of the field at `path` of `profile`, if it has it.
pub fn field_text_at(profile: Profile, path: &str, lang: Lang) -> Option<&'static FieldText> {
    field_texts(profile, lang).iter().find(|t| t.path == path)
}

/// `f`'s texts in `lang` (`profile` is the table it comes from; a configuration route's table
/// borrows the create table's texts by path). A field in neither keeps its own (English) texts.
pub fn field_text(f: &Field, profile: Profile, lang: Lang) -> FieldText {
    // Without `field_texts(profile, En)` for English, so that the page does not carry the
    // English tables (`EN_V1`, `EN_V2`).
    let translated = match lang {
        Lang::En => None,
        Lang::PtBr => crate::i18n::file::pt_fields(profile),
    };
    match translated {
        Some(rows) => rows.iter().find(|t| t.path == f.key).copied().unwrap_or(FieldText::of(f)),
        None => profile.field(f.key).map_or(FieldText::of(f), FieldText::of),
    }
}

/// The texts in `lang` of `f`, a row of `endpoint`'s table in `profile` (a configuration route's
/// own texts: its `token` is Chatwoot's, not the instance's). Create's rows go to [`field_text`]; a
/// row without a translation (or before the pt-BR catalogue is installed) keeps its English texts.
pub fn config_field_text(endpoint: crate::config::Endpoint, f: &Field, profile: Profile, lang: Lang) -> FieldText {
    if endpoint == crate::config::Endpoint::Create {
        return field_text(f, profile, lang);
    }
    let translated = match lang {
        Lang::En => None,
        Lang::PtBr => crate::config::TABLES
            .iter()
            .position(|t| t.0 == profile && t.1 == endpoint)
            .and_then(crate::i18n::file::pt_config_fields),
    };
    translated.and_then(|rows| rows.iter().find(|t| t.path == f.key).copied()).unwrap_or(FieldText::of(f))
}

/// A field's label in `lang`.
pub fn field_label(f: &Field, profile: Profile, lang: Lang) -> &'static str {
    field_text(f, profile, lang).label
}

/// The label as the form shows it in `lang`: `URL do webhook (webhook.url)`.
pub fn field_shown(f: &Field, profile: Profile, lang: Lang) -> String {
    format!("{} ({})", field_label(f, profile, lang), f.key)
}

fn arg(a: &Arg, lang: Lang) -> String {
    match a {
        Arg::Text(s) => s.to_string(),
        Arg::Nothing => String::new(),
        Arg::Num(n) => n.to_string(),
        Arg::Key(k) => k.template(lang).to_owned(),
        Arg::Msg(m) => render(m, lang),
        Arg::Join(items, sep) => items.join(sep.template(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::keys::lint;
    use crate::msg;
    use crate::msg::Arg;

    #[test]
    fn a_message_renders_its_arguments_in_each_language() {
        let m = msg!(lint::unknown_key_suggest, "webhookUrl", "webhook");
        assert_eq!(
            render(&m, Lang::En),
            "Unknown field \"webhookUrl\": the server silently ignores it. Did you mean \"webhook\"?"
        );
        let nested = msg!(lint::must_be_string_not, "token", lint::type_number);
        assert_eq!(render(&nested, Lang::En), "token must be a string, not a number.");
        #[cfg(feature = "embedded-pt")]
        assert_eq!(render(&nested, Lang::PtBr), "token precisa ser uma string, não um número.");
        assert_eq!(text(lint::fix_remove_it, Lang::En), "Remove it");
    }

    #[test]
    fn lists_join_with_the_languages_and() {
        let m = msg::Msg::new(lint::chatwoot_partial, vec![Arg::Join(vec!["a".into(), "b".into()], lint::and)]);
        assert!(render(&m, Lang::En).contains("; a and b missing"), "{}", render(&m, Lang::En));
    }
}
