//! An xlsx workbook is a zip archive, and a file of a few kilobytes can
//! inflate to gigabytes (a zip bomb). Before calamine reads a workbook,
//! every part is checked here: the sizes the archive declares first, then
//! what each part really inflates to, counted as it inflates (into nothing,
//! never into memory), since an archive may declare anything. No part past
//! [`MAX_PART_BYTES`], no workbook past [`MAX_INFLATED_BYTES`] in all.

use std::io::{Cursor, Read};

use crate::t;

/// The most one part of a workbook may inflate to. The sheet of a form of
/// [`super::grid::MAX_ROWS`] rows is about 61 MiB as `form` writes it and
/// about 100 MiB as LibreOffice saves it again.
pub const MAX_PART_BYTES: u64 = 128 * 1024 * 1024;

/// The most all parts of a workbook may inflate to together.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// The largest workbook read: a form of [`super::grid::MAX_ROWS`] rows is
/// under 4 MiB. The zip reader holds every part's entry of the central
/// directory before it can be counted: an archive of a million empty parts
/// takes it about 4 bytes of memory a byte of file.
pub const MAX_XLSX_BYTES: usize = 32 * 1024 * 1024;

/// The most parts a workbook may have: a form has eleven, one saved again
/// by a spreadsheet program a few more.
pub const MAX_PARTS: usize = 1_000;

const MIB: u64 = 1024 * 1024;

/// `Ok` when every part of the archive `bytes` inflates within the limits;
/// else why not, in words for the user (the part, the limit, what to do).
pub fn check_archive(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() > MAX_XLSX_BYTES {
        return Err(t!("form-too-large", mib = MAX_XLSX_BYTES / 1024 / 1024));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| t!("form-not-xlsx", error = e.to_string()))?;
    if archive.len() > MAX_PARTS {
        return Err(t!("form-zip-parts", parts = archive.len(), max = MAX_PARTS));
    }
    let mut names = Vec::with_capacity(archive.len());
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let part = archive
            .by_index_data(i)
            .map_err(|e| t!("form-not-xlsx", error = e.to_string()))?;
        let name = part.name().unwrap_or_default().to_string();
        within(&name, part.size(), MAX_PART_BYTES)?;
        declared = declared.saturating_add(part.size());
        within_total(declared)?;
        names.push(name);
    }
    let mut inflated: u64 = 0;
    for (i, name) in names.iter().enumerate() {
        let unreadable = |e: &dyn std::fmt::Display| {
            t!(
                "form-zip-part-unreadable",
                part = name.as_str(),
                error = e.to_string()
            )
        };
        let part = archive.by_index(i).map_err(|e| unreadable(&e))?;
        let left = MAX_INFLATED_BYTES.saturating_sub(inflated);
        let size = inflated_size(part, MAX_PART_BYTES.min(left) + 1).map_err(|e| unreadable(&e))?;
        within(name, size, MAX_PART_BYTES)?;
        inflated = inflated.saturating_add(size);
        within_total(inflated)?;
    }
    Ok(())
}

/// The bytes `reader` gives, read into nothing, up to `at_most`.
fn inflated_size(reader: impl Read, at_most: u64) -> std::io::Result<u64> {
    std::io::copy(&mut reader.take(at_most), &mut std::io::sink())
}

fn within(part: &str, size: u64, limit: u64) -> Result<(), String> {
    if size > limit {
        return Err(t!(
            "form-zip-part-too-large",
            part = part,
            mib = limit / MIB
        ));
    }
    Ok(())
}

fn within_total(size: u64) -> Result<(), String> {
    if size > MAX_INFLATED_BYTES {
        return Err(t!("form-zip-too-large", mib = MAX_INFLATED_BYTES / MIB));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    /// A reader that gives zeros without end: a part that lies about its size.
    struct Zeros;

    impl Read for Zeros {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(0);
            Ok(buf.len())
        }
    }

    #[test]
    fn inflating_stops_one_byte_past_the_limit_whatever_the_part_declares() {
        let size = inflated_size(Zeros, 1 << 20).expect("zeros");
        assert_eq!(size, 1 << 20, "read no further than asked");
        let err = within(
            "xl/worksheets/sheet1.xml",
            MAX_PART_BYTES + 1,
            MAX_PART_BYTES,
        )
        .expect_err("past the limit");
        assert!(
            err.contains("xl/worksheets/sheet1.xml") && err.contains("128 MiB"),
            "{err}"
        );
        assert!(within("a", MAX_PART_BYTES, MAX_PART_BYTES).is_ok());
        assert!(within_total(MAX_INFLATED_BYTES).is_ok());
        assert!(within_total(MAX_INFLATED_BYTES + 1).is_err());
    }
}
