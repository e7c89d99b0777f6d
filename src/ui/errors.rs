//! The API client's typed errors ([`crate::http`]) worded in the reader's language.

use evo_core::explain::{Explanation, Tone};
use evo_core::render::{explain_aborted, explain_licence, explain_no_response, explain_timeout, mixed_content};
use evo_core::response::{decode, Decoded};

use crate::actions::read_server::NotRead;
use crate::browser;
use crate::http::{ApiError, HttpError, Refused};
use crate::i18n::tfp;

/// Why a call was refused before anything left the page, in the reader's language.
pub fn refused(r: &Refused) -> String {
    let lang = crate::i18n::lang();
    match r {
        Refused::BaseUrl(e) => e.message(lang).into(),
        Refused::MixedContent => mixed_content(true, false, lang).map(|e| e.text).unwrap_or_default(),
        Refused::Key(e) => e.message(lang).into(),
    }
}

/// What the user reads for a call that got no answer or was not sent (an answer is explained
/// from its decoded body by `evo_core::render::explain_response`).
pub fn explain(e: &ApiError) -> Explanation {
    match e {
        ApiError::NotSent(why) => Explanation { tone: Tone::Error, text: tfp(|u| u.not_sent, &[&refused(why)]) },
        ApiError::NoAnswer(HttpError::Request(why)) => {
            Explanation { tone: Tone::Error, text: tfp(|u| u.request_refused, &[why]) }
        }
        ApiError::NoAnswer(HttpError::Network { .. }) => {
            explain_no_response(&browser::page_origin(), crate::i18n::lang())
        }
        ApiError::NoAnswer(HttpError::Timeout { seconds, .. }) => explain_timeout(*seconds, crate::i18n::lang()),
        ApiError::NoAnswer(HttpError::Aborted { .. }) => explain_aborted(crate::i18n::lang()),
        ApiError::NoAnswer(HttpError::Offline { .. }) => {
            Explanation { tone: Tone::Error, text: crate::i18n::lang().answers().offline.to_string() }
        }
        ApiError::Answered(reply) => match decode(reply.status, &reply.body) {
            Decoded::Licence(g) => explain_licence(&g, crate::i18n::lang()),
            Decoded::Error(e) if !e.messages.is_empty() => {
                Explanation { tone: Tone::Error, text: format!("{}: {}", reply.status, e.messages.join("; ")) }
            }
            _ => Explanation { tone: Tone::Error, text: tfp(|u| u.unexpected, &[&reply.status.to_string()]) },
        },
    }
}

/// Why the server could not be read, in the reader's language.
pub fn not_read(e: &NotRead) -> String {
    match e {
        NotRead::Api(e) => explain(e).text,
        NotRead::NotEvolution(why) => evo_core::render::render(why, crate::i18n::lang()),
    }
}
