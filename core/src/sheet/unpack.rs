//! The zip of an .xlsx (feature `xlsx`): its declared sizes against the limit, so that a zip
//! bomb is refused before anything is inflated, then every entry inflated once in a bounded
//! stream, to check that it holds no more than it declares. The XML parts are kept for the
//! reader; everything else (images, printer settings) is only checked.

use std::io::{Cursor, Read};

use rustc_hash::FxHashMap;

use super::grid::SheetLimits;

/// Why a workbook is refused before it is read: (English, Japanese), and whether it is too
/// large (rather than unreadable).
pub(crate) type Refusal = (String, String, bool);

/// The detail (`what`) comes from the zip or XML reader, in English: the Japanese message says
/// what to do instead of repeating it.
pub(crate) fn unreadable(what: impl std::fmt::Display) -> Refusal {
    (
        format!("the file is not an xlsx workbook that can be read: {what}"),
        "xlsx形式のブックとして読めません（ファイルが壊れています）。表計算ソフトで開き、xlsx形式で保存し直してください"
            .to_owned(),
        false,
    )
}

/// The XML parts of a workbook, inflated, by name. Names are compared as Excel compares them:
/// without case, `\` read as `/`, without a leading `/`.
#[derive(Debug, Default)]
pub(crate) struct Parts(FxHashMap<String, Vec<u8>>);

impl Parts {
    fn key(name: &str) -> String {
        name.trim_start_matches(['/', '\\'])
            .replace('\\', "/")
            .to_ascii_lowercase()
    }

    /// The part called `name`, if the workbook has it.
    pub(crate) fn get(&self, name: &str) -> Option<&[u8]> {
        self.0.get(&Self::key(name)).map(Vec::as_slice)
    }
}

/// Opens the zip `bytes` and inflates its parts: see the module's doc.
pub(crate) fn unpack(bytes: &[u8], limits: SheetLimits) -> Result<Parts, Refusal> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| {
            (
                format!(
                    "the file is not an xlsx workbook that can be read: an xlsx file is a zip archive, and this one is not whole ({e}); it was cut short, or is a file of another kind"
                ),
                "xlsx形式のブックとして読めません。xlsxファイルはZIP形式ですが、このファイルは完全なZIPファイルではありません（途中で切れたか、別の形式のファイルです）"
                    .to_owned(),
                false,
            )
        })?;
    let mut declared = Vec::with_capacity(zip.len());
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(unreadable)?;
        total = total.saturating_add(entry.size());
        declared.push((entry.name().to_owned(), entry.size()));
    }
    let max = limits.bytes as u64;
    if total > max {
        return Err((
            format!("the workbook unpacks to {total} bytes, more than the limit of {max}"),
            format!("ブックを展開すると{total}バイトになり、上限の{max}バイトを超えます"),
            true,
        ));
    }
    let mut parts = Parts::default();
    for (i, (name, size)) in declared.into_iter().enumerate() {
        let file = zip.by_index(i).map_err(unreadable)?;
        // One byte more than declared is enough to know that the entry lies about its size.
        let mut bounded = file.take(size.saturating_add(1));
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".xml") || lower.ends_with(".rels") {
            let mut xml = Vec::with_capacity(usize::try_from(size).unwrap_or(0).min(limits.bytes));
            bounded.read_to_end(&mut xml).map_err(unreadable)?;
            parts.0.insert(Parts::key(&name), xml);
        } else {
            std::io::copy(&mut bounded, &mut std::io::sink()).map_err(unreadable)?;
        }
        if bounded.limit() == 0 {
            return Err((
                format!("`{name}` unpacks to more than the {size} bytes it declares"),
                format!("`{name}` が宣言した{size}バイトを超えて展開されます"),
                true,
            ));
        }
    }
    Ok(parts)
}
