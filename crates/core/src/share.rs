//! The share link: the payload and its profile in the page's URL fragment,
//! `{page}#payload={percent-encoded text}&profile={v1|v2}`. One format, written by
//! [`ShareLink::encode`] and read by [`ShareLink::decode`], so links made by earlier pages still
//! open. Secrets never travel in a link: the only way to make one to share is [`ShareLink::new`],
//! which strips them (or refuses).

use crate::builder::{decode_fragment, encode_fragment, strip_secrets};
use crate::fields::Profile;

/// A payload to share, or one a link opened with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    payload: String,
    profile: Option<Profile>,
}

impl ShareLink {
    /// The link for `text` under `profile`, its secrets (tokens, passwords, keys) removed; `None`
    /// when they cannot be (a text that is not an object but mentions one).
    pub fn new(text: &str, profile: Profile) -> Option<ShareLink> {
        Some(ShareLink { payload: strip_secrets(text)?, profile: Some(profile) })
    }

    /// The payload text.
    pub fn payload(&self) -> &str {
        &self.payload
    }

    /// The payload's profile, when the link names one (`None`: an old or hand-made link).
    pub fn profile(&self) -> Option<Profile> {
        self.profile
    }

    /// The whole link: `page` (the page's address without its fragment) and the fragment.
    pub fn encode(&self, page: &str) -> String {
        let mut out = format!("{page}#payload={}", encode_fragment(&self.payload));
        if let Some(p) = self.profile {
            out.push_str("&profile=");
            out.push_str(p.id());
        }
        out
    }

    /// The link in a URL fragment (with or without its `#`): `None` when it carries no readable
    /// payload (the page then opens as if there were no link). The parts may come in any order;
    /// the last of a repeated one counts, an unknown profile is no profile.
    pub fn decode(fragment: &str) -> Option<ShareLink> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut payload = None;
        let mut profile = None;
        for part in fragment.split('&') {
            if let Some(p) = part.strip_prefix("payload=") {
                payload = decode_fragment(p);
            } else if let Some(p) = part.strip_prefix("profile=") {
                profile = Profile::parse(p);
            }
        }
        Some(ShareLink { payload: payload?, profile })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://admin.example/evo/";

    #[test]
    fn a_link_round_trips() {
        let text = "{\n  \"instanceName\": \"loja 1\",\n  \"qrcode\": true,\n  \"webhook\": {\"url\": \"https://h/w?a=1&b=2#x\"}\n}";
        let link = ShareLink::new(text, Profile::V2).unwrap();
        let url = link.encode(PAGE);
        let (page, fragment) = url.split_once('#').unwrap();
        assert_eq!(page, PAGE);
        assert!(fragment.ends_with("&profile=v2"), "{url}");
        assert_eq!(ShareLink::decode(fragment), Some(link.clone()));
        assert_eq!(ShareLink::decode(&format!("#{fragment}")), Some(link));
    }

    /// Links made by earlier pages (the format written by `ui/exports.rs` and read by `ui/app.rs`)
    /// still open, whatever the order of the parts.
    #[test]
    fn old_links_still_open() {
        let old = "payload=%7B%22instanceName%22%3A%22shop%22%7D&profile=v1";
        let l = ShareLink::decode(old).unwrap();
        assert_eq!((l.payload(), l.profile()), ("{\"instanceName\":\"shop\"}", Some(Profile::V1)));
        let l = ShareLink::decode("profile=v2&payload=%7B%7D").unwrap();
        assert_eq!((l.payload(), l.profile()), ("{}", Some(Profile::V2)));
        let l = ShareLink::decode("payload=%7B%7D").unwrap();
        assert_eq!(l.profile(), None, "no profile: the page's default");
        assert_eq!(ShareLink::decode("payload=%7B%7D&profile=v9").unwrap().profile(), None);
        assert_eq!(ShareLink::decode("profile=v1"), None, "no payload: no link");
        assert_eq!(ShareLink::decode("payload=%ZZ"), None, "not percent-encoding");
        assert_eq!(ShareLink::decode(""), None);
        // Exactly the bytes the page wrote before.
        assert_eq!(
            ShareLink::new("{\"instanceName\":\"shop\"}", Profile::V1).unwrap().encode("http://p/"),
            format!("http://p/#{old}")
        );
    }

    #[test]
    fn secrets_never_go_into_a_link() {
        let text = r#"{"instanceName": "shop", "token": "TOK-123", "chatwootToken": "CW-456", "webhook": {"url": "https://h"}}"#;
        for p in Profile::ALL {
            let link = ShareLink::new(text, p).unwrap();
            let url = link.encode(PAGE);
            assert!(!url.contains("TOK-123") && !url.contains("CW-456"), "{url}");
            assert!(!link.payload().contains("TOK-123") && !link.payload().contains("CW-456"));
            assert!(link.payload().contains("\"instanceName\""));
        }
        // A text that is not an object but mentions a secret is not shared at all.
        assert_eq!(ShareLink::new("token: TOK-123", Profile::V1), None);
    }
}
