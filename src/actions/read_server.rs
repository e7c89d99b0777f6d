//! Reading the server: its version (`GET /`), remembered, the builder switched to its profile, and on
//! 2.4+ whether it is activated. Used by "Test connection" and by the first create to a server.

use evo_core::explain::{read_health, Health};
use evo_core::fields::Profile;
use evo_core::msg::Msg;
use evo_core::version::{read_licence_status, ServerVersion};
use leptos::prelude::*;

use crate::http::{Api, ApiError};
use crate::state::{Builder, Conn, KnownServer};

/// Why the server could not be read.
pub enum NotRead {
    /// No answer, or an error status.
    Api(ApiError),
    /// An answer, not from Evolution API.
    NotEvolution(Msg),
}

/// What the server said it runs.
pub struct ServerRead {
    pub version: String,
    pub profile: Profile,
    /// A 2.4+ server whose licence is not active (`GET /license/status`): its activation page.
    pub licence_url: Option<String>,
}

/// Reads the server's version (`GET /`), remembers it, and switches the builder to its profile; on
/// 2.4+ also whether it is activated. `Err` says why the server could not be read (the views word
/// it: `ui::errors::not_read`).
pub async fn read_server(conn: Conn, b: Builder, api: Api) -> Result<ServerRead, NotRead> {
    let reply = match api.health().await {
        Ok(r) | Err(ApiError::Answered(r)) => r,
        Err(e) => return Err(NotRead::Api(e)),
    };
    match read_health(reply.status, &reply.body) {
        Health::Evolution { version, v2, whatsapp_web } => {
            let profile = Profile::of_version(&version).unwrap_or(if v2 { Profile::V2 } else { Profile::V1 });
            let base = conn.base_url.get_untracked();
            conn.server.try_set(Some(KnownServer {
                base: base.clone(),
                version: version.clone(),
                profile,
                whatsapp_web,
            }));
            // A saved connection to this server shows the version just read.
            conn.edit_saved(|list| {
                for c in list.iter_mut().filter(|c| c.base_url == base) {
                    c.version = Some(version.clone());
                }
            });
            b.set_server_profile(profile, version.clone());
            let mut licence_url = None;
            if ServerVersion::parse(&version).is_some_and(ServerVersion::has_licence_gate) {
                let status = match api.licence_status().await {
                    Ok(r) => read_licence_status(r.status, &r.body),
                    Err(_) => None,
                };
                if status.is_none_or(|s| !s.is_active()) {
                    licence_url = Some(api.licence_register_url());
                }
            }
            Ok(ServerRead { version, profile, licence_url })
        }
        Health::NotEvolution(why) => Err(NotRead::NotEvolution(why)),
    }
}
