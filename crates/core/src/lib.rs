//! The Evolution API domain, free of any web dependency.
//!
//! Everything the admin page knows about Evolution lives here as plain Rust, so it is tested with
//! `cargo test` on the host: the create payload, base-URL handling, response decoding and the
//! explanations of failures, the QR code checks and the QR matrix rendered as SVG.

pub mod builder;
pub mod config;
pub mod connection;
pub mod events;
pub mod explain;
pub mod fields;
pub mod i18n;
pub mod instances;
pub mod json;
pub mod lint;
pub mod migrate;
pub mod msg;
mod own;
pub mod qr;
pub mod render;
pub mod response;
pub mod schema;
pub mod secrets;
pub mod session;
pub mod share;
pub mod token;
pub mod url;
pub mod version;

/// Pretty-prints `text` when it is JSON (keeping the server's key order); otherwise returns it as is.
pub fn pretty_json(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_else(|_| text.to_owned()),
        Err(_) => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pretty_json_keeps_order_and_passes_non_json_through() {
        assert_eq!(super::pretty_json(r#"{"z":1,"a":[true]}"#), "{\n  \"z\": 1,\n  \"a\": [\n    true\n  ]\n}");
        assert_eq!(super::pretty_json("<html>oops"), "<html>oops");
        assert_eq!(super::pretty_json(""), "");
    }
}
