//! The server's QR image: a PNG data URL like Evolution's (error correction H, margin 3 modules,
//! 4 px per module, dark colour #198754 on white).

use base64::Engine;
use evo_core::qr::QrMatrix;

pub const MARGIN: usize = 3;
pub const SCALE: usize = 4;
const DARK: [u8; 3] = [0x19, 0x87, 0x54];

/// Renders `code` as an RGB PNG file.
pub fn png(code: &str) -> Vec<u8> {
    let m = QrMatrix::encode_high(code).expect("sandbox pairing strings always fit in a QR code");
    let side = m.side(MARGIN) * SCALE;
    let mut pixels = Vec::with_capacity(side * side * 3);
    for py in 0..side {
        for px in 0..side {
            let (x, y) = ((px / SCALE).wrapping_sub(MARGIN), (py / SCALE).wrapping_sub(MARGIN));
            let dark = x < m.width() && y < m.width() && m.is_dark(x, y);
            pixels.extend_from_slice(if dark { &DARK } else { &[0xff, 0xff, 0xff] });
        }
    }
    let mut out = Vec::new();
    {
        let side = u32::try_from(side).expect("a QR image is small");
        let mut enc = png::Encoder::new(&mut out, side, side);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("writing to a Vec cannot fail");
        w.write_image_data(&pixels).expect("pixel buffer matches the header");
    }
    out
}

/// `data:image/png;base64,…` of [`png()`].
pub fn data_url(code: &str) -> String {
    format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png(code)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The PNG decodes, and a QR reader reads back exactly the code: the image is scannable.
    #[test]
    fn png_scans_back_to_the_code() {
        let code = crate::session::new_qr_code();
        let bytes = png(&code);
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        let (w, h) = (info.width as usize, info.height as usize);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
            let i = (y * w + x) * 3;
            ((u32::from(buf[i]) + u32::from(buf[i + 1]) + u32::from(buf[i + 2])) / 3) as u8
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, code);
        // Quiet zone: the top-left pixel is white; the first finder module is dark green.
        assert_eq!(&buf[0..3], &[0xff, 0xff, 0xff]);
        let i = (MARGIN * SCALE * w + MARGIN * SCALE) * 3;
        assert_eq!(&buf[i..i + 3], &DARK);
    }
}
