//! A picture of a window as the X server shows it (`xwd`), saved as PNG.
//!
//! The app draws without WebKit's compositing mode (src-tauri/src/compositing.rs), and
//! in that mode WebKitWebDriver's screenshot never answers under this WebKitGTK: the
//! pictures are taken from the X server instead, which shows what a person sees.

use std::path::Path;
use std::process::Command;

/// Saves window `window` (an X window id; the whole screen when `None`) of `display`
/// as a PNG at `path`.
pub fn capture(display: &str, window: Option<&str>, path: &Path) {
    let mut xwd = Command::new("xwd");
    xwd.arg("-silent").env("DISPLAY", display);
    match window {
        Some(id) => xwd.args(["-id", id]),
        None => xwd.arg("-root"),
    };
    let out = xwd.output().expect("run xwd");
    assert!(
        out.status.success(),
        "xwd failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let image = decode(&out.stdout).unwrap_or_else(|why| panic!("xwd's picture: {why}"));
    let file = std::fs::File::create(path).expect("create the screenshot file");
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), image.width, image.height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&image.rgb))
        .expect("write the screenshot");
}

/// A picture as 8-bit RGB rows.
#[derive(Debug)]
pub struct Rgb {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

/// Reads an XWD file (X11 window dump, version 7) of a true-colour ZPixmap at 24 or 32
/// bits a pixel, as the X server of a test gives it.
pub fn decode(data: &[u8]) -> Result<Rgb, String> {
    let field = |i: usize| -> Result<u32, String> {
        data.get(i * 4..i * 4 + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| "cut short in its header".to_string())
    };
    let header_size = field(0)? as usize;
    if field(1)? != 7 {
        return Err(format!("version {}, not 7", field(1)?));
    }
    if field(2)? != 2 {
        return Err("not a ZPixmap".into());
    }
    let (width, height) = (field(4)?, field(5)?);
    let lsb_first = field(7)? == 0;
    let bits_per_pixel = field(11)?;
    let bytes_per_line = field(12)? as usize;
    let masks = [field(14)?, field(15)?, field(16)?];
    let colours = field(19)? as usize;
    if bits_per_pixel != 32 && bits_per_pixel != 24 {
        return Err(format!("{bits_per_pixel} bits a pixel"));
    }
    let step = bits_per_pixel as usize / 8;
    let pixels = header_size + colours * 12;
    let needed = pixels + bytes_per_line * height as usize;
    if data.len() < needed {
        return Err(format!("{} bytes, {needed} needed", data.len()));
    }
    let channel = |pixel: u32, mask: u32| -> u8 {
        if mask == 0 {
            return 0;
        }
        let shifted = (pixel & mask) >> mask.trailing_zeros();
        let max = mask >> mask.trailing_zeros();
        (shifted * 255 / max) as u8
    };
    let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
    for y in 0..height as usize {
        let row = &data[pixels + y * bytes_per_line..];
        for x in 0..width as usize {
            let p = &row[x * step..x * step + step];
            let mut b = [0u8; 4];
            b[..step].copy_from_slice(p);
            let pixel = if lsb_first {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b) >> (8 * (4 - step))
            };
            rgb.extend(masks.iter().map(|&m| channel(pixel, m)));
        }
    }
    Ok(Rgb { width, height, rgb })
}

#[cfg(test)]
mod tests {
    use super::decode;

    /// A 2×1 XWD as Xvfb writes one: 32 bits a pixel, least significant byte first.
    fn two_pixels() -> Vec<u8> {
        let name = b"w\0\0\0";
        let header_size = 100 + name.len() as u32;
        let fields: [u32; 25] = [
            header_size,
            7,
            2,
            24,
            2,
            1,
            0,
            0,
            32,
            0,
            32,
            32,
            8,
            4,
            0xff0000,
            0x00ff00,
            0x0000ff,
            8,
            256,
            1,
            2,
            1,
            0,
            0,
            0,
        ];
        let mut data: Vec<u8> = fields.iter().flat_map(|f| f.to_be_bytes()).collect();
        data.extend_from_slice(name);
        data.extend_from_slice(&[0; 12]); // one colour-map entry, unused
        data.extend_from_slice(&0x00102030u32.to_le_bytes());
        data.extend_from_slice(&0x00ff8000u32.to_le_bytes());
        data
    }

    #[test]
    fn a_true_colour_dump_reads_as_rgb() {
        let image = decode(&two_pixels()).expect("decodes");
        assert_eq!((image.width, image.height), (2, 1));
        assert_eq!(image.rgb, [0x10, 0x20, 0x30, 0xff, 0x80, 0x00]);
    }

    #[test]
    fn a_dump_cut_short_or_of_another_kind_is_refused() {
        let whole = two_pixels();
        assert!(decode(&whole[..whole.len() - 1]).is_err());
        assert!(decode(&whole[..40]).is_err());
        let mut xy = whole.clone();
        xy[11] = 1; // XYPixmap
        assert!(decode(&xy).is_err());
    }
}
