//! The create payload the basic form builds, and its exact JSON text.

use serde::Serialize;

/// The seed's "basic" create payload: `instanceName`, `token`, `qrcode`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct BasicPayload {
    #[serde(rename = "instanceName")]
    pub instance_name: String,
    /// Omitted from the JSON when empty (the server then makes its own token).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub token: String,
    pub qrcode: bool,
}

impl BasicPayload {
    /// The exact body that is sent and previewed: pretty-printed JSON, keys in the seed's order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a struct of strings and bools always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_in_seed_order() {
        let p = BasicPayload { instance_name: "shop".into(), token: "T-1".into(), qrcode: true };
        assert_eq!(p.to_json(), "{\n  \"instanceName\": \"shop\",\n  \"token\": \"T-1\",\n  \"qrcode\": true\n}");
    }

    #[test]
    fn empty_token_is_left_out_and_strings_are_escaped() {
        let p = BasicPayload { instance_name: "a\"b</script>".into(), token: String::new(), qrcode: false };
        let v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        assert_eq!(v, serde_json::json!({"instanceName": "a\"b</script>", "qrcode": false}));
    }
}
