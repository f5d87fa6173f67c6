//! `panelist import` against workbooks made to hurt it: zip bombs (a few
//! hundred kilobytes that inflate to hundreds of megabytes, whether their
//! parts declare it or lie), too many parts, a sheet slipped in before the
//! form's. Each is refused with a message that names the file and what to
//! do, or read as the form it is; nothing is saved from a refused one.

use std::io::Write as _;
use std::path::Path;

use flate2::Compression;
use flate2::write::DeflateEncoder;
use rust_xlsxwriter::Workbook;

use crate::common::ReviewDir;
use crate::forms::{
    FIRST, MARK, fill_xlsx, import, make_form, marks, num, output, review, text, write,
};
use panelist::form::{Cell, read_xlsx};

const MIB: usize = 1024 * 1024;

/// A raw deflate stream of `mib` MiB of zeros, a few hundred bytes a MiB:
/// one MiB deflated once, its second flush repeated (every back reference
/// in it is to zeros, which every copy follows), then the final block.
fn deflated_zeros(mib: usize) -> Vec<u8> {
    let zeros = vec![0u8; MIB];
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&zeros).expect("deflate");
    encoder.flush().expect("flush");
    let first = encoder.get_ref().len();
    encoder.write_all(&zeros).expect("deflate");
    encoder.flush().expect("flush");
    let bytes = encoder.get_ref().clone();
    let (head, again) = bytes.split_at(first);
    let mut stream = head.to_vec();
    for _ in 1..mib {
        stream.extend_from_slice(again);
    }
    // The final block: empty, fixed Huffman codes (BFINAL 1, BTYPE 01, EOB).
    stream.extend_from_slice(&[0x03, 0x00]);
    stream
}

/// A zip archive of deflated parts, each with the uncompressed size it
/// declares (in its local header and the central directory alike) and a
/// CRC of 0 (what the parts inflate to is refused before its end).
fn zip_of(parts: &[(&str, &[u8], u32)]) -> Vec<u8> {
    let parts: Vec<_> = parts.iter().map(|&(n, d, s)| (n, d, s, 0)).collect();
    zip_with_crc(&parts)
}

fn zip_with_crc(parts: &[(&str, &[u8], u32, u32)]) -> Vec<u8> {
    let mut zip = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, n: u16| v.extend_from_slice(&n.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    for (name, data, declared, crc) in parts {
        let offset = u32::try_from(zip.len()).expect("small");
        let (size, name_len) = (
            u32::try_from(data.len()).expect("small"),
            u16::try_from(name.len()).expect("short"),
        );
        le32(&mut zip, 0x0403_4b50);
        for n in [20, 0, 8, 0, 0] {
            le16(&mut zip, n);
        }
        for n in [*crc, size, *declared] {
            le32(&mut zip, n);
        }
        le16(&mut zip, name_len);
        le16(&mut zip, 0);
        zip.extend_from_slice(name.as_bytes());
        zip.extend_from_slice(data);
        le32(&mut central, 0x0201_4b50);
        for n in [20, 20, 0, 8, 0, 0] {
            le16(&mut central, n);
        }
        for n in [*crc, size, *declared] {
            le32(&mut central, n);
        }
        for n in [name_len, 0, 0, 0, 0] {
            le16(&mut central, n);
        }
        le32(&mut central, 0);
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (start, count) = (
        u32::try_from(zip.len()).expect("small"),
        u16::try_from(parts.len()).expect("few"),
    );
    let central_len = u32::try_from(central.len()).expect("small");
    zip.extend_from_slice(&central);
    le32(&mut zip, 0x0605_4b50);
    for n in [0, 0, count, count] {
        le16(&mut zip, n);
    }
    le32(&mut zip, central_len);
    le32(&mut zip, start);
    le16(&mut zip, 0);
    zip
}

/// Imports `bytes` as `name` into a review with a form made (and logged);
/// the command must fail with exit 1 and leave the panel file and the
/// forms log as they were. Returns what it said.
fn refused(name: &str, bytes: &[u8]) -> String {
    let dir = ReviewDir::new(review());
    make_form(&dir, "r1", "r1.xlsx", &[]);
    let log = std::fs::read(dir.scores().join("p.forms")).expect("the forms log");
    let path = write(&dir, name, bytes);
    let out = import(&dir, &[&path], &[]).code(1);
    assert!(!dir.panel_path("p").exists(), "nothing saved");
    assert_eq!(
        std::fs::read(dir.scores().join("p.forms")).expect("the forms log"),
        log,
        "the forms log unchanged"
    );
    output(&out)
}

#[test]
fn a_part_that_inflates_far_past_the_size_it_declares_is_refused() {
    let bomb = deflated_zeros(300);
    assert!(bomb.len() < MIB, "{} bytes", bomb.len());
    let zip = zip_of(&[("xl/worksheets/sheet1.xml", &bomb, 1000)]);
    let text = refused("bomb.xlsx", &zip);
    assert!(
        text.contains(
            "bomb.xlsx: the part xl/worksheets/sheet1.xml of the workbook cannot be read"
        ) && text.contains("make a new form with panelist form"),
        "{text}"
    );
}

#[test]
fn a_part_that_declares_more_than_a_form_holds_is_refused_before_inflating() {
    // Four gigabytes declared; three bytes of data.
    let zip = zip_of(&[("xl/sharedStrings.xml", &[0x03, 0x00], u32::MAX - 1)]);
    let text = refused("huge.xlsx", &zip);
    assert!(
        text.contains(
            "huge.xlsx: the part xl/sharedStrings.xml of the workbook inflates to more than 128 MiB"
        ) && text.contains("Make a new form with panelist form"),
        "{text}"
    );
}

#[test]
fn parts_within_their_limit_but_past_the_workbook_s_are_refused() {
    let part = deflated_zeros(100);
    let declared = u32::try_from(100 * MIB).expect("small");
    let zip = zip_of(&[
        ("xl/worksheets/sheet1.xml", &part, declared),
        ("xl/worksheets/sheet2.xml", &part, declared),
        ("xl/worksheets/sheet3.xml", &part, declared),
    ]);
    let text = refused("three.xlsx", &zip);
    assert!(
        text.contains("three.xlsx: the parts of the workbook inflate to more than 256 MiB in all"),
        "{text}"
    );
}

#[test]
fn a_workbook_of_more_parts_than_a_form_has_is_refused() {
    let names: Vec<String> = (0..1001).map(|i| format!("xl/{i}.xml")).collect();
    let parts: Vec<(&str, &[u8], u32)> = names
        .iter()
        .map(|n| (n.as_str(), &[0x03u8, 0x00][..], 0))
        .collect();
    let text = refused("parts.xlsx", &zip_of(&parts));
    assert!(
        text.contains("parts.xlsx: the workbook has 1001 parts, more than the 1000"),
        "{text}"
    );
}

/// The bombs' bytes are what they claim: zeros, as many as said, which
/// the zip reader itself inflates (so the tests above test the limits, not
/// a malformed archive).
#[test]
fn the_bombs_inflate_to_what_they_say() {
    let stream = deflated_zeros(3);
    let mut inflated = Vec::new();
    let mut decoder = flate2::write::DeflateDecoder::new(&mut inflated);
    decoder.write_all(&stream).expect("inflate");
    decoder.finish().expect("the final block");
    assert_eq!(inflated.len(), 3 * MIB);
    assert!(inflated.iter().all(|&b| b == 0));
    let mut crc = flate2::Crc::new();
    crc.update(&inflated);
    let declared = u32::try_from(3 * MIB).expect("small");
    let zip = zip_with_crc(&[("a.xml", &stream, declared, crc.sum())]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("an archive");
    let mut part = archive.by_index(0).expect("a part");
    let mut read = Vec::new();
    std::io::Read::read_to_end(&mut part, &mut read).expect("the part");
    assert_eq!(read, inflated);
}

/// A workbook of the form's identity and `sheets` (name, cells), in order.
fn workbook_of(form: &Path, sheets: &[(&str, &[Vec<Cell>])]) -> Vec<u8> {
    let (identity, _) = read_xlsx(&std::fs::read(form).expect("the form")).expect("a form");
    let mut workbook = Workbook::new();
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (
                    u32::try_from(r).expect("row"),
                    u16::try_from(c).expect("col"),
                );
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        sheet.write_string(r, c, t).expect("write");
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n).expect("write");
                    }
                }
            }
        }
    }
    let hidden = workbook.add_worksheet();
    hidden.set_name("panelist").expect("name");
    let values = [
        ("version", identity.version.to_string()),
        ("review", identity.review.clone()),
        ("panel", identity.panel.clone()),
        ("reviewer", identity.reviewer.clone()),
        ("rubric", identity.rubric.clone()),
        ("made", identity.made.to_string()),
    ];
    hidden.write_string(0, 0, "panelist-form").expect("write");
    for (i, (key, value)) in values.iter().enumerate() {
        let row = u32::try_from(i + 1).expect("row");
        hidden.write_string(row, 0, *key).expect("write");
        hidden.write_string(row, 1, value).expect("write");
    }
    workbook.save_to_buffer().expect("a workbook")
}

#[test]
fn a_sheet_added_before_the_form_s_does_not_hide_its_marks() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let filled = fill_xlsx(&form, &[(FIRST, MARK, num(2.5))], &[]);
    let (_, grid) = read_xlsx(&filled).expect("a form");
    let notes = vec![vec![text("to ask the chair")]];
    // The reviewer's own notes first, then the form's sheet.
    let bytes = workbook_of(&form, &[("My notes", &notes), ("Form", &grid.rows)]);
    let path = write(&dir, "notes-first.xlsx", &bytes);
    let out = import(&dir, &[&path], &[]).success();
    assert!(output(&out).contains("1 changes saved"), "{}", output(&out));
    assert_eq!(marks(&dir, "r1")[0].2, 2.5);
    // The form's sheet renamed beside another: which one is the form is
    // not guessed.
    let bytes = workbook_of(&form, &[("My notes", &notes), ("Scores", &grid.rows)]);
    let path = write(&dir, "renamed.xlsx", &bytes);
    let out = import(&dir, &[&path], &[]).code(1);
    assert!(
        output(&out).contains(
            "renamed.xlsx: the workbook has several sheets (\"My notes\", \"Scores\") and none is named Form"
        ),
        "{}",
        output(&out)
    );
    // Renamed and alone, it is the form.
    let bytes = workbook_of(&form, &[("Scores", &grid.rows)]);
    let (_, alone) = read_xlsx(&bytes).expect("a form");
    assert_eq!(alone.sheet.as_deref(), Some("Scores"));
}
