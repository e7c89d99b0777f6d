//! QR codes: checking the server's `qrcode.base64` image URL, and drawing `qrcode.code` locally.

use qrcode::{Color, EcLevel, QrCode};
use thiserror::Error;

use crate::msg::{keys::answers as a, Msg};

const PNG_PREFIX: &str = "data:image/png;base64,";
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// Why a `qrcode.base64` value is not shown as an image.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QrImageError {
    #[error("{}", self.msg())]
    NotDataUrl(String),
    #[error("{}", self.msg())]
    NotPng(String),
    #[error("{}", self.msg())]
    DoublePrefix,
    #[error("{}", self.msg())]
    NotBase64,
    #[error("{}", self.msg())]
    NotPngBytes,
}

impl QrImageError {
    /// Why the image is not shown, as a message (rendered at the edge: `message`, `Display` in English).
    pub fn msg(&self) -> Msg {
        match self {
            QrImageError::NotDataUrl(head) => crate::msg!(a::qr_not_data_url, head),
            QrImageError::NotPng(ty) => crate::msg!(a::qr_not_png, ty),
            QrImageError::DoublePrefix => a::qr_double_prefix.into(),
            QrImageError::NotBase64 => a::qr_not_base64.into(),
            QrImageError::NotPngBytes => a::qr_not_png_bytes.into(),
        }
    }
}

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Checks that `url` is a `data:image/png;base64,` URL whose payload is base64 of a PNG file.
/// Returns the URL unchanged when it may be used as an `<img src>`.
pub fn check_png_data_url(url: &str) -> Result<&str, QrImageError> {
    let Some(payload) = url.strip_prefix(PNG_PREFIX) else {
        let head: String = url.chars().take(24).collect();
        return Err(match url.get(..5) {
            Some(p) if p.eq_ignore_ascii_case("data:") => {
                QrImageError::NotPng(url[5..].split([';', ',']).next().unwrap_or("").to_owned())
            }
            _ => QrImageError::NotDataUrl(head),
        });
    };
    if payload.starts_with("data:") {
        return Err(QrImageError::DoublePrefix);
    }
    let body = payload.trim_end_matches('=');
    if payload.len() - body.len() > 2 || !body.bytes().all(|c| b64_value(c).is_some()) {
        return Err(QrImageError::NotBase64);
    }
    // Decode the first 12 characters (9 bytes) to look at the PNG signature.
    let head: Vec<u8> = body.bytes().take(12).filter_map(b64_value).collect();
    if head.len() < 12 {
        return Err(QrImageError::NotPngBytes);
    }
    let mut bytes = Vec::with_capacity(9);
    for chunk in head.chunks(4) {
        let n = chunk.iter().fold(0u32, |acc, &v| (acc << 6) | u32::from(v));
        bytes.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    if bytes[..8] != PNG_SIGNATURE {
        return Err(QrImageError::NotPngBytes);
    }
    Ok(url)
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QrEncodeError {
    #[error("{}", self.msg())]
    Empty,
    #[error("{}", self.msg())]
    TooLong(usize),
}

impl QrEncodeError {
    /// Why the code cannot be drawn, as a message (rendered at the edge: `message`, `Display` in English).
    pub fn msg(&self) -> Msg {
        match self {
            QrEncodeError::Empty => a::qr_text_empty.into(),
            QrEncodeError::TooLong(n) => crate::msg!(a::qr_text_too_long, *n),
        }
    }
}

/// A QR matrix: `width` × `width` modules, `true` = dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    width: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `text` (error correction M: any reader scans it as the same code the server drew).
    pub fn encode(text: &str) -> Result<Self, QrEncodeError> {
        Self::encode_with(text, EcLevel::M)
    }

    /// Encodes with the server's own error-correction level (H).
    pub fn encode_high(text: &str) -> Result<Self, QrEncodeError> {
        Self::encode_with(text, EcLevel::H)
    }

    fn encode_with(text: &str, ec: EcLevel) -> Result<Self, QrEncodeError> {
        if text.is_empty() {
            return Err(QrEncodeError::Empty);
        }
        let code =
            QrCode::with_error_correction_level(text.as_bytes(), ec).map_err(|_| QrEncodeError::TooLong(text.len()))?;
        Ok(QrMatrix { width: code.width(), dark: code.to_colors().into_iter().map(|c| c == Color::Dark).collect() })
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// An SVG path (`d` attribute) drawing the dark modules, offset by a `quiet` module margin.
    /// Horizontal runs are merged, so the path stays short.
    pub fn svg_path(&self, quiet: usize) -> String {
        let mut d = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.width && self.is_dark(x, y) {
                        x += 1;
                    }
                    d.push_str(&format!("M{} {}h{}v1h-{}z", start + quiet, y + quiet, x - start, x - start));
                } else {
                    x += 1;
                }
            }
        }
        d
    }

    /// The side of the drawing, in modules, with a `quiet` margin on each side.
    pub fn side(&self, quiet: usize) -> usize {
        self.width + 2 * quiet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A real 1x1 PNG, base64.
    const PNG_1X1: &str =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    #[test]
    fn accepts_png_data_urls_only() {
        let ok = format!("{PNG_PREFIX}{PNG_1X1}");
        assert_eq!(check_png_data_url(&ok), Ok(ok.as_str()));
        assert_eq!(
            check_png_data_url("https://evil.example/qr.png"),
            Err(QrImageError::NotDataUrl("https://evil.example/qr.".into()))
        );
        assert_eq!(
            check_png_data_url("javascript:alert(1)"),
            Err(QrImageError::NotDataUrl("javascript:alert(1)".into()))
        );
        assert_eq!(
            check_png_data_url("data:image/svg+xml;base64,PHN2Zz4="),
            Err(QrImageError::NotPng("image/svg+xml".into()))
        );
        assert_eq!(check_png_data_url("data:text/html,<script>"), Err(QrImageError::NotPng("text/html".into())));
        assert_eq!(check_png_data_url(&format!("{PNG_PREFIX}{ok}")), Err(QrImageError::DoublePrefix));
        assert_eq!(check_png_data_url(&format!("{PNG_PREFIX}iVBO\"><script>")), Err(QrImageError::NotBase64));
        assert_eq!(check_png_data_url(&format!("{PNG_PREFIX}R0lGODlhAQABAAAAACw=")), Err(QrImageError::NotPngBytes));
        assert_eq!(check_png_data_url(PNG_PREFIX), Err(QrImageError::NotPngBytes));
    }

    #[test]
    fn matrix_has_finder_patterns_and_path_covers_dark_modules() {
        let m = QrMatrix::encode("2@abc,def,ghi").unwrap();
        assert_eq!(m.width() % 4, 1, "QR widths are 17 + 4v");
        // Top-left finder pattern: dark border, light ring, dark core.
        assert!(m.is_dark(0, 0) && m.is_dark(6, 6) && !m.is_dark(1, 1) && m.is_dark(3, 3));
        let path = m.svg_path(4);
        let dark_count =
            (0..m.width()).flat_map(|y| (0..m.width()).map(move |x| (x, y))).filter(|&(x, y)| m.is_dark(x, y)).count();
        let covered: usize = path.split('h').skip(1).filter_map(|s| s.split('v').next()?.parse::<usize>().ok()).sum();
        assert_eq!(covered, dark_count);
        assert!(path.starts_with("M4 4h7"));
        assert_eq!(m.side(4), m.width() + 8);
        assert_eq!(QrMatrix::encode(""), Err(QrEncodeError::Empty));
        assert!(matches!(QrMatrix::encode(&"x".repeat(5000)), Err(QrEncodeError::TooLong(5000))));
    }
}
