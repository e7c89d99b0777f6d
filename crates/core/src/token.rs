//! Instance tokens.

/// Formats 16 random bytes as a version-4 UUID (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`, lowercase).
/// The caller supplies the randomness (the browser's `crypto.getRandomValues`).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX[(b >> 4) as usize]));
        out.push(char::from(HEX[(b & 0x0f) as usize]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The seed's token rule: non-empty, only ASCII letters, digits and hyphens.
pub fn is_valid_token(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_version_and_variant_bits() {
        let u = uuid_v4([0xff; 16]);
        assert_eq!(u, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let u = uuid_v4([0; 16]);
        assert_eq!(u, "00000000-0000-4000-8000-000000000000");
        assert!(is_valid_token(&u));
    }

    #[test]
    fn token_rule() {
        assert!(is_valid_token("Abc-123"));
        assert!(!is_valid_token(""));
        assert!(!is_valid_token("a b"));
        assert!(!is_valid_token("tøken"));
    }
}

/// Why a global API key cannot be sent as an `apikey` header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiKeyError {
    #[error("{}", self.msg())]
    Empty,
    #[error("{}", self.msg())]
    NotHeaderSafe,
}

impl ApiKeyError {
    /// What to fix (a message without arguments; rendered at the edge: `message`, `Display` in English).
    pub fn key(&self) -> crate::msg::Key {
        use crate::msg::keys::doctor;
        match self {
            ApiKeyError::Empty => doctor::key_empty,
            ApiKeyError::NotHeaderSafe => doctor::key_invalid,
        }
    }

    /// [`Self::key`] as a message.
    pub fn msg(&self) -> crate::msg::Msg {
        self.key().into()
    }
}

/// Checks a global API key before it is put in the `apikey` header (leading/trailing spaces count
/// as a mistake: they are never part of a key).
pub fn check_api_key(key: &str) -> Result<(), ApiKeyError> {
    if key.is_empty() {
        Err(ApiKeyError::Empty)
    } else if !key.bytes().all(|b| b.is_ascii_graphic()) {
        Err(ApiKeyError::NotHeaderSafe)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn api_keys_must_be_header_safe() {
        assert_eq!(check_api_key(""), Err(ApiKeyError::Empty));
        assert_eq!(check_api_key(" abc"), Err(ApiKeyError::NotHeaderSafe));
        assert_eq!(check_api_key("chave-çã"), Err(ApiKeyError::NotHeaderSafe));
        assert_eq!(check_api_key("B6D711FCDE4D4FD5936544120E713976"), Ok(()));
    }
}
