//! Creating an instance: what one press of "Create instance" does, from the payload's lint errors to
//! the server's answer. Typed only: the response card words an [`Outcome`] (`ui/response.rs`).

use evo_core::fields::Profile;
use evo_core::response::{decode, field_of_message, Decoded};
use leptos::prelude::*;

use crate::actions::read_server::read_server;
use crate::http::{Abort, Api, ApiError, HttpError, Refused, Reply};
use crate::lazy::{Task, Unavailable};
use crate::state::{Builder, Conn};

/// Why a create was not sent: nothing left the page.
#[derive(Debug, Clone, PartialEq)]
pub enum NotSent {
    /// The payload has this many errors.
    Errors(usize),
    /// The server runs the other generation: its version, the payload's profile and its own.
    OtherGeneration { version: String, payload: Profile, server: Profile },
    /// The base URL, the key, or mixed content.
    Refused(Refused),
    /// The code that sends could not be loaded.
    Unavailable(Unavailable),
}

/// What one press of "Create instance" ended in.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    NotSent(NotSent),
    /// An HTTP answer, with the instance name and profile that were sent; `renewed`: after a 201,
    /// the spent token was replaced by a fresh one in the payload.
    Answered {
        reply: Reply,
        name: String,
        profile: Profile,
        renewed: bool,
    },
    /// No HTTP answer.
    NoAnswer(HttpError),
}

impl Outcome {
    /// What a create call ended in, with the instance name and profile that were sent.
    pub fn of(result: Result<Reply, ApiError>, name: String, profile: Profile, renewed: bool) -> Outcome {
        match result {
            Ok(reply) | Err(ApiError::Answered(reply)) => Outcome::Answered { reply, name, profile, renewed },
            Err(ApiError::NotSent(why)) => Outcome::NotSent(NotSent::Refused(why)),
            Err(ApiError::NoAnswer(e)) => Outcome::NoAnswer(e),
        }
    }
}

/// What a server said it runs, as a create checks it against the payload's profile.
pub struct Runs {
    pub version: String,
    pub profile: Profile,
}

/// A create, as read from the page when "Create instance" was pressed.
pub struct Create {
    pub base: String,
    pub key: String,
    pub timeout: u32,
    pub body: String,
    pub name: String,
    pub token: String,
    pub profile: Profile,
    /// The user picked the profile (the select, a switch, a migration): it is respected. One the
    /// page assumed (default, draft, share link) yields to what the server says it runs.
    pub chosen: bool,
    pub known: Option<Runs>,
    pub controller: Option<Abort>,
    pub conn: Conn,
    pub b: Builder,
}

/// Sends a create unless the payload has `errors`; the sending code is loaded on first use
/// ([`send`]).
pub async fn run(errors: usize, req: Create) -> Outcome {
    if errors > 0 {
        return Outcome::NotSent(NotSent::Errors(errors));
    }
    match send(req).await {
        Ok(task) => task.await,
        Err(e) => Outcome::NotSent(NotSent::Unavailable(e)),
    }
}

/// Sends a create (reached only through [`send`]): base URL, mixed content and key are checked
/// before anything leaves the page; the first send to a server whose version is not known yet
/// reads it, and a payload of the other generation is stopped there, with the user's text untouched.
/// After a 400 the server's messages go next to the fields they are about; after a 201 the token is
/// spent and the payload gets a fresh one.
pub async fn create(r: Create) -> Outcome {
    let Create { base, key, timeout, body, name, token, profile, chosen, known, controller, conn, b } = r;
    let api = match Api::new(&base, &key).and_then(|api| api.check_key().map(|()| api)) {
        Ok(api) => api,
        Err(e) => return Outcome::of(Err(e), name, profile, false),
    };
    let server = match known {
        Some(k) => Some(k),
        None if chosen => None,
        None => read_server(conn, b, api.clone()).await.ok().map(|r| Runs { version: r.version, profile: r.profile }),
    };
    if let Some(runs) = server.filter(|r| r.profile != profile && !chosen) {
        return Outcome::NotSent(NotSent::OtherGeneration {
            version: runs.version,
            payload: profile,
            server: runs.profile,
        });
    }
    let reply = api.create(body, timeout, controller).await;
    let mut renewed = false;
    if let Ok(reply) | Err(ApiError::Answered(reply)) = &reply {
        match decode(reply.status, &reply.body) {
            Decoded::Error(e) if reply.status == 400 => {
                let mapped = e
                    .messages
                    .iter()
                    .filter_map(|m| field_of_message(profile, m).map(|f| (f.key, m.clone())))
                    .collect();
                b.server_errors.try_set(mapped);
            }
            Decoded::Created(_) if (200..300).contains(&reply.status) => {
                renewed = b.spend_token(&token, &name);
            }
            _ => {}
        }
    }
    Outcome::of(reply, name, profile, renewed)
}

crate::lazy::part! {
    /// A create sent and answered (the HTTP client, the server's version check, the answer's decoding).
    send(req: Create) -> Task<Outcome> {
        Box::pin(create(req))
    }
}
