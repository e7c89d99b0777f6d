//! Secrets in exports: every secret value of a payload (the fields either profile's table marks
//! secret) replaced by an environment placeholder `${VAR}` — the variable the table names; for
//! webhook headers one variable per header — so a file or a cURL command can be shared without the
//! secret, and filled from the environment where it runs.

use crate::fields::{Field, Profile, Ty};
use crate::json::quote;
use crate::lint::syntax::{self, Kind, Node};
use crate::lint::{apply_edits, Edit};

/// A text whose secrets were replaced, and the variables it now needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithEnv {
    pub text: String,
    /// Each variable once, in the order they appear in the text.
    pub vars: Vec<String>,
}

/// `${NAME}` with NAME in `A–Z 0–9 _`: a placeholder already.
pub fn is_env_placeholder(s: &str) -> bool {
    s.strip_prefix("${")
        .and_then(|r| r.strip_suffix('}'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
}

/// A header name as part of a variable name: `X-Api-Key` → `X_API_KEY`.
fn var_part(key: &str) -> String {
    key.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect()
}

/// One secret written in the text as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// The value's span (quotes included).
    pub span: crate::lint::Span,
    /// The field (a dotted path; for a header, `webhook.headers.NAME`).
    pub field: String,
    /// The environment variable to write instead.
    pub var: String,
}

/// Every non-empty secret string of a JSON object text (values that are already placeholders,
/// `${…}` or the seed's `[…]`, are not secrets); `None` when the text is not an object.
pub fn literal_secrets(text: &str) -> Option<Vec<Literal>> {
    literal_secrets_of(text, Profile::ALL.iter().flat_map(|p| p.secret_fields()))
}

/// [`literal_secrets`] for the secret fields of another table (a configuration route's:
/// `Endpoint::secret_fields`).
pub fn literal_secrets_of<'f>(text: &str, fields: impl IntoIterator<Item = &'f Field>) -> Option<Vec<Literal>> {
    let root = syntax::parse(text).root.filter(|r| r.members().is_some())?;
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut push = |v: &Node, field: String, var: String| {
        if matches!(&v.kind, Kind::String(s) if !s.is_empty() && !is_env_placeholder(s) && !crate::lint::is_placeholder(s))
        {
            out.push(Literal { span: v.span, field, var });
        }
    };
    for f in fields.into_iter().filter(|f| f.secret) {
        if seen.contains(&f.key) {
            continue;
        }
        seen.push(f.key);
        let (parent, key) = match f.key.split_once('.') {
            Some((p, k)) => match root.get(p).and_then(|m| m.value.as_ref()) {
                Some(parent) => (parent, k),
                None => continue,
            },
            None => (&root, f.key),
        };
        // Every copy of a duplicated key: the server keeps the last, the text holds them all.
        for m in parent.members().unwrap_or_default().iter().filter(|m| m.key == key) {
            let Some(v) = &m.value else { continue };
            if f.ty == Ty::Headers {
                for h in v.members().unwrap_or_default() {
                    if let Some(hv) = &h.value {
                        push(hv, format!("{}.{}", f.key, h.key), format!("{}_{}", f.env, var_part(&h.key)));
                    }
                }
            } else {
                push(v, f.key.to_owned(), f.env.to_owned());
            }
        }
    }
    out.sort_by_key(|l| l.span.start);
    Some(out)
}

/// The text with every secret (see [`literal_secrets`]) replaced by `"${VAR}"`; `None` when the
/// text is not a JSON object.
pub fn with_env_placeholders(text: &str) -> Option<WithEnv> {
    placeholders(text, literal_secrets(text)?)
}

/// [`with_env_placeholders`] for the secret fields of another table.
pub fn with_env_placeholders_of<'f>(text: &str, fields: impl IntoIterator<Item = &'f Field>) -> Option<WithEnv> {
    placeholders(text, literal_secrets_of(text, fields)?)
}

fn placeholders(text: &str, secrets: Vec<Literal>) -> Option<WithEnv> {
    let edits: Vec<Edit> = secrets.iter().map(|l| Edit::replace(l.span, quote(&format!("${{{}}}", l.var)))).collect();
    let mut vars: Vec<String> = Vec::new();
    for l in secrets {
        if !vars.contains(&l.var) {
            vars.push(l.var);
        }
    }
    let (text, _) = apply_edits(text, &edits);
    Some(WithEnv { text, vars })
}

/// A shell command that sends `body` like the page does: the global key is `$EVOLUTION_API_KEY`
/// and every `"${VAR}"` of the body (see [`with_env_placeholders`]) is filled from the environment
/// by the shell; the real values are never in it. A first comment line names the variables to set.
pub fn curl_command(url: &str, body: &str, vars: &[String]) -> String {
    let q = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut data = q(body);
    for var in vars {
        // Inside the single-quoted body: close the quotes, let the shell expand, open again.
        data = data.replace(&format!("${{{var}}}"), &format!("'\"${{{var}}}\"'"));
    }
    let mut all = vec!["EVOLUTION_API_KEY".to_owned()];
    all.extend(vars.iter().cloned());
    format!(
        "# export {} first\ncurl -X POST {} \\\n  -H 'Content-Type: application/json' \\\n  -H \"apikey: $EVOLUTION_API_KEY\" \\\n  --data-raw {}",
        all.iter().map(|v| format!("{v}=…")).collect::<Vec<_>>().join(" "),
        q(url),
        data
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_secret_becomes_its_variable() {
        let v2 = r#"{"instanceName": "a", "token": "T1", "chatwootToken": "C2", "proxyPassword": "P3",
            "wavoipToken": "", "webhook": {"url": "u", "headers": {"Authorization": "Bearer X", "x-api-key": "K"}},
            "pusher": {"key": "k", "secret": "S9"}, "token": "T0"}"#;
        let w = with_env_placeholders(v2).unwrap();
        for secret in ["T1", "C2", "P3", "Bearer X", "\"K\"", "S9", "T0"] {
            assert!(!w.text.contains(secret), "{secret} in {}", w.text);
        }
        let v: serde_json::Value = serde_json::from_str(&w.text).unwrap();
        assert_eq!(v["webhook"]["headers"]["x-api-key"], "${EVOLUTION_WEBHOOK_HEADER_X_API_KEY}");
        assert_eq!(v["pusher"]["secret"], "${EVOLUTION_PUSHER_SECRET}");
        assert_eq!(v["wavoipToken"], "", "an empty value holds no secret");
        assert_eq!(
            w.vars,
            [
                "EVOLUTION_INSTANCE_TOKEN",
                "EVOLUTION_CHATWOOT_TOKEN",
                "EVOLUTION_PROXY_PASSWORD",
                "EVOLUTION_WEBHOOK_HEADER_AUTHORIZATION",
                "EVOLUTION_WEBHOOK_HEADER_X_API_KEY",
                "EVOLUTION_PUSHER_SECRET",
            ]
        );
        // 1.x, with comments and formatting kept; placeholders stay as they are.
        let v1 = "{\n  // mine\n  \"instanceName\": \"a\",\n  \"token\": \"[token]\",\n  \"chatwoot_token\": \"${MY_CW}\",\n  \"proxy\": {\"host\": \"h\", \"password\": \"pw\"}\n}";
        let w = with_env_placeholders(v1).unwrap();
        assert_eq!(w.text, v1.replace("\"pw\"", "\"${EVOLUTION_PROXY_PASSWORD}\""));
        assert_eq!(w.vars, ["EVOLUTION_PROXY_PASSWORD"]);
        assert_eq!(with_env_placeholders("[1]"), None);
    }

    #[test]
    fn curl_fills_secrets_from_the_environment() {
        let w = with_env_placeholders(r#"{"instanceName": "it's", "token": "T1"}"#).unwrap();
        let c = curl_command("http://h/instance/create", &w.text, &w.vars);
        assert!(!c.contains("T1"));
        assert!(c.starts_with("# export EVOLUTION_API_KEY=… EVOLUTION_INSTANCE_TOKEN=… first\ncurl -X POST 'http://h/instance/create'"), "{c}");
        assert!(
            c.contains(r#"--data-raw '{"instanceName": "it'\''s", "token": "'"${EVOLUTION_INSTANCE_TOKEN}"'"}'"#),
            "{c}"
        );
        assert!(c.contains("-H \"apikey: $EVOLUTION_API_KEY\""));
    }

    #[test]
    fn a_configuration_body_uses_its_routes_secret_fields() {
        use crate::config::Endpoint;
        let hook = r#"{"webhook": {"enabled": true, "url": "https://h", "headers": {"authorization": "Bearer Z"}}}"#;
        let w = with_env_placeholders_of(hook, Endpoint::Webhook.secret_fields()).unwrap();
        assert!(!w.text.contains("Bearer Z"), "{}", w.text);
        assert_eq!(w.vars, ["EVOLUTION_WEBHOOK_HEADER_AUTHORIZATION"]);
        // A 1.x proxy nests its password; 2.x's is flat: both are found.
        let p1 = r#"{"enabled": true, "proxy": {"host": "h", "password": "pw1"}}"#;
        let p2 = r#"{"enabled": true, "host": "h", "password": "pw2"}"#;
        for p in [p1, p2] {
            let w = with_env_placeholders_of(p, Endpoint::Proxy.secret_fields()).unwrap();
            assert!(!w.text.contains("pw"), "{}", w.text);
            assert_eq!(w.vars, ["EVOLUTION_PROXY_PASSWORD"]);
        }
        // Chatwoot's `token` is a secret there; the create table's `token` rule does not apply.
        let cw = r#"{"enabled": true, "token": "cw-secret", "url": "https://c"}"#;
        let w = with_env_placeholders_of(cw, Endpoint::Chatwoot.secret_fields()).unwrap();
        assert_eq!(w.vars, ["EVOLUTION_CHATWOOT_TOKEN"]);
        // Settings hold no secret in 1.x and `wavoipToken` in 2.x.
        let s = r#"{"rejectCall": true, "wavoipToken": "wv"}"#;
        let w = with_env_placeholders_of(s, Endpoint::Settings.secret_fields()).unwrap();
        assert_eq!(w.vars, ["EVOLUTION_WAVOIP_TOKEN"]);
    }

    #[test]
    fn env_placeholders_are_recognised() {
        assert!(is_env_placeholder("${EVOLUTION_INSTANCE_TOKEN}"));
        assert!(!is_env_placeholder("${lower}"));
        assert!(!is_env_placeholder("${}"));
        assert!(!is_env_placeholder("$X"));
    }
}
