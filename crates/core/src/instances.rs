//! The server's instances (`GET /instance/fetchInstances`) in one shape, whatever the generation:
//! 1.8.2 answers `[{"instance": {instanceName, instanceId, status, apikey, owner, profileName,
//! integration: {…}}}]` (one object when filtered by name), 2.x flat records `[{id, name,
//! connectionStatus, ownerJid, profileName, integration, number, token, createdAt, …}]`. Then the
//! list's counts per state, and filtering and sorting for the page.

use std::borrow::Borrow;

use serde_json::Value;

use crate::connection::ConnectionState;

/// One instance as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Instance {
    pub name: String,
    pub id: Option<String>,
    /// `open`, `connecting`, `close` (or whatever the server said; `unknown` when it said nothing).
    pub state: ConnectionState,
    /// The WhatsApp profile name, when connected.
    pub profile_name: Option<String>,
    /// The phone number (the owner's JID without `@s.whatsapp.net`), when connected.
    pub number: Option<String>,
    /// The channel (2.x; 1.8.2 says it only for the Business API).
    pub integration: Option<String>,
    /// When the instance was created (2.x).
    pub created_at: Option<String>,
    /// The instance's own key, when the server shows it.
    pub key: Option<String>,
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// `5511999999999@s.whatsapp.net` → `5511999999999`.
fn jid_number(jid: Option<String>) -> Option<String> {
    jid.map(|j| j.split(['@', ':']).next().unwrap_or_default().to_owned()).filter(|n| !n.is_empty())
}

fn state(s: Option<String>) -> ConnectionState {
    s.map_or(ConnectionState::Other("unknown".into()), |s| ConnectionState::parse(&s))
}

fn decode_one(v: &Value) -> Option<Instance> {
    if let Some(i) = v.get("instance").filter(|i| i.is_object()) {
        // 1.8.2
        let integration = i.get("integration");
        let name = text(i, "instanceName")?;
        return Some(Instance {
            name,
            id: text(i, "instanceId"),
            state: state(text(i, "status")),
            profile_name: text(i, "profileName").filter(|p| p != "not loaded"),
            number: jid_number(text(i, "owner")).or_else(|| integration.and_then(|g| text(g, "number"))),
            integration: integration.and_then(|g| text(g, "integration")),
            created_at: None,
            key: text(i, "apikey"),
        });
    }
    // 2.x
    Some(Instance {
        name: v.get("name").and_then(Value::as_str)?.to_owned(),
        id: text(v, "id"),
        state: state(text(v, "connectionStatus")),
        profile_name: text(v, "profileName"),
        number: jid_number(text(v, "ownerJid")).or_else(|| text(v, "number")),
        integration: text(v, "integration"),
        created_at: text(v, "createdAt"),
        key: text(v, "token"),
    })
}

/// Decodes a `fetchInstances` answer of either generation; `None` when it is not one.
pub fn decode_instances(body: &str) -> Option<Vec<Instance>> {
    let v: Value = serde_json::from_str(body).ok()?;
    match &v {
        Value::Array(items) => items.iter().map(decode_one).collect(),
        Value::Object(_) => decode_one(&v).map(|i| vec![i]),
        _ => None,
    }
}

/// Instances deleted from the page: their rows leave at once, and a list that still names them
/// (2.x lists a deleted instance for up to a second; a list asked for before the delete may arrive
/// after it) does not bring them back. Each name is kept out for [`Tombstones::KEEP_MS`]; a server
/// that still lists it after that really has it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tombstones(Vec<(String, f64)>);

impl Tombstones {
    pub const KEEP_MS: f64 = 30_000.0;

    /// `name` was deleted at `now_ms`.
    pub fn add(&mut self, name: &str, now_ms: f64) {
        self.0.retain(|(n, _)| n != name);
        self.0.push((name.to_owned(), now_ms));
    }

    /// Removes the deleted instances from `list` (forgetting those deleted more than `KEEP_MS`
    /// before `now_ms`); says whether a row was removed.
    pub fn apply<T: Borrow<Instance>>(&mut self, list: &mut Vec<T>, now_ms: f64) -> bool {
        self.0.retain(|&(_, at)| now_ms - at < Self::KEEP_MS);
        let before = list.len();
        list.retain(|i| !self.0.iter().any(|(n, _)| *n == i.borrow().name));
        list.len() != before
    }
}

/// How many instances are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub open: usize,
    pub connecting: usize,
    pub close: usize,
    pub other: usize,
}

pub fn counts<T: Borrow<Instance>>(list: &[T]) -> Counts {
    let mut c = Counts::default();
    for i in list {
        match i.borrow().state {
            ConnectionState::Open => c.open += 1,
            ConnectionState::Connecting => c.connecting += 1,
            ConnectionState::Close => c.close += 1,
            _ => c.other += 1,
        }
    }
    c
}

/// The state filter of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StateFilter {
    #[default]
    All,
    Open,
    Connecting,
    Close,
}

impl StateFilter {
    pub const ALL: [StateFilter; 4] =
        [StateFilter::All, StateFilter::Open, StateFilter::Connecting, StateFilter::Close];

    pub fn id(self) -> &'static str {
        match self {
            StateFilter::All => "all",
            StateFilter::Open => "open",
            StateFilter::Connecting => "connecting",
            StateFilter::Close => "close",
        }
    }

    pub fn parse(s: &str) -> StateFilter {
        StateFilter::ALL.into_iter().find(|f| f.id() == s).unwrap_or_default()
    }

    fn keeps(self, state: &ConnectionState) -> bool {
        match self {
            StateFilter::All => true,
            StateFilter::Open => *state == ConnectionState::Open,
            StateFilter::Connecting => *state == ConnectionState::Connecting,
            StateFilter::Close => *state == ConnectionState::Close,
        }
    }
}

/// The instances that match `text` (in the name, profile name or number, any case) and the state
/// filter, sorted by name (case-insensitive, then exact). `T`: an `Instance` or a shared handle to one.
pub fn filtered<'a, T: Borrow<Instance>>(list: &'a [T], text: &str, state: StateFilter) -> Vec<&'a T> {
    let needle = text.trim().to_lowercase();
    let hit = |i: &Instance| {
        needle.is_empty()
            || [Some(&i.name), i.profile_name.as_ref(), i.number.as_ref()]
                .into_iter()
                .flatten()
                .any(|s| s.to_lowercase().contains(&needle))
    };
    fn of<'b, T: Borrow<Instance>>(i: &&'b T) -> &'b Instance {
        (*i).borrow()
    }
    let mut out: Vec<&T> = list.iter().filter(|i| state.keeps(&of(i).state) && hit(of(i))).collect();
    out.sort_by_cached_key(|i| (of(i).name.to_lowercase(), of(i).name.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_generations_decode() {
        let v1 = r#"[{"instance": {"instanceName": "biz1", "instanceId": "f8", "profileName": "not loaded", "status": "open", "apikey": "biz-tok", "integration": {"integration": "WHATSAPP-BUSINESS", "number": "5511999999999"}}},
                     {"instance": {"instanceName": "shop", "status": "open", "owner": "5511888888888@s.whatsapp.net", "profileName": "Shop"}}]"#;
        let l = decode_instances(v1).unwrap();
        assert_eq!(l[0].profile_name, None, "\"not loaded\" is no name");
        assert_eq!(l[0].number.as_deref(), Some("5511999999999"));
        assert_eq!(l[0].integration.as_deref(), Some("WHATSAPP-BUSINESS"));
        assert_eq!(l[1].number.as_deref(), Some("5511888888888"));
        let one = decode_instances(r#"{"instance": {"instanceName": "a", "status": "close"}}"#).unwrap();
        assert_eq!(one[0].name, "a");
        let v2 = r#"[{"id": "b0", "name": "v2-min", "connectionStatus": "open", "ownerJid": "5511777777777@s.whatsapp.net", "profileName": "Min", "integration": "WHATSAPP-BAILEYS", "token": "T", "createdAt": "2026-11-26T03:42:43.752Z"}]"#;
        let l = decode_instances(v2).unwrap();
        assert_eq!(
            (l[0].state.as_str(), l[0].number.as_deref(), l[0].key.as_deref()),
            ("open", Some("5511777777777"), Some("T"))
        );
        assert_eq!(l[0].created_at.as_deref(), Some("2026-11-26T03:42:43.752Z"));
        assert_eq!(decode_instances("{\"status\": 404}"), None);
        assert_eq!(decode_instances("nope"), None);
    }

    #[test]
    fn a_deleted_instance_stays_out_of_late_lists_for_a_while() {
        let mk = |n: &str| Instance { name: n.into(), state: "close".into(), ..Default::default() };
        let mut t = Tombstones::default();
        let mut list = vec![mk("a"), mk("gone"), mk("b")];
        t.add("gone", 1_000.0);
        assert!(t.apply(&mut list, 1_000.0));
        assert_eq!(list.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        // A late list (the server still lists it, or was asked before the delete).
        let mut late = vec![mk("gone"), mk("a")];
        assert!(t.apply(&mut late, 2_500.0));
        assert_eq!(late.len(), 1);
        // Long after: the server that still lists it really has it.
        let mut later = vec![mk("gone")];
        assert!(!t.apply(&mut later, 1_000.0 + Tombstones::KEEP_MS));
        assert_eq!(later.len(), 1);
        assert_eq!(t, Tombstones::default());
    }

    #[test]
    fn counts_filter_and_sort() {
        let mk = |n: &str, s: &str, p: Option<&str>| Instance {
            name: n.into(),
            state: s.into(),
            profile_name: p.map(Into::into),
            ..Default::default()
        };
        let l = vec![
            mk("b", "open", Some("Loja")),
            mk("A", "close", None),
            mk("c", "connecting", None),
            mk("a2", "open", None),
        ];
        assert_eq!(counts(&l), Counts { open: 2, connecting: 1, close: 1, other: 0 });
        let names = |v: Vec<&Instance>| v.iter().map(|i| i.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(filtered(&l, "", StateFilter::All)), ["A", "a2", "b", "c"]);
        assert_eq!(names(filtered(&l, "", StateFilter::Open)), ["a2", "b"]);
        assert_eq!(names(filtered(&l, "LOJA", StateFilter::All)), ["b"]);
        assert_eq!(names(filtered(&l, "a", StateFilter::Close)), ["A"]);
        assert_eq!(StateFilter::parse("connecting"), StateFilter::Connecting);
    }
}
