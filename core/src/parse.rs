//! From bytes to a checked plan: size, encoding and JSON syntax first, then the shape (serde),
//! then the semantic rules, with every issue in one form and located in the source text.

use std::borrow::Cow;

use crate::error::{preview, Error, Issue, IssueCode, Path, PathSegment};
use crate::limits::{Limits, PARSER_MAX_DEPTH};
use crate::locate::{line_column, line_columns};
use crate::model::Plan;

/// The result of checking a document: the plan, when it had the right shape, and every issue
/// found (errors and warnings).
#[derive(Debug, Clone)]
pub struct Checked {
    /// The plan, if the document parsed; present even when semantic rules found errors, so
    /// that tools can still show it.
    pub plan: Option<Plan>,
    /// Every issue, in order: parse problems, then rule order.
    pub issues: Vec<Issue>,
}

impl Checked {
    /// True when no issue is an error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.plan.is_some() && !self.issues.iter().any(Issue::is_error)
    }

    /// The number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.issues.iter().filter(|i| i.is_error()).count();
        (errors, self.issues.len() - errors)
    }

    /// One line for people: `valid (no warnings)`, `valid (1 warning)`,
    /// `invalid (1 error, 2 warnings)`.
    ///
    /// ```
    /// let checked = welfare_plan::check(b"[]");
    /// assert_eq!(checked.summary(), "invalid (1 error, 0 warnings)");
    /// ```
    pub fn summary(&self) -> String {
        summary(self.is_valid(), &self.issues)
    }

    /// [`Checked::summary`] in `lang`: `無効（エラー 1件、警告 0件）` in Japanese.
    ///
    /// ```
    /// let checked = welfare_plan::check(b"[]");
    /// assert_eq!(checked.summary_in(welfare_plan::Lang::Ja), "無効（エラー 1件、警告 0件）");
    /// ```
    pub fn summary_in(&self, lang: crate::Lang) -> String {
        summary_in(self.is_valid(), &self.issues, lang)
    }

    /// The plan if valid, else [`Error::Invalid`] with every issue. Drops the warnings of a
    /// valid plan; [`Checked::into_plan_and_warnings`] keeps them.
    pub fn into_result(self) -> Result<Plan, Error> {
        self.into_plan_and_warnings().map(|(plan, _)| plan)
    }

    /// The plan and its warnings if valid, else [`Error::Invalid`] with every issue.
    ///
    /// ```
    /// let json = welfare_plan::iizuka::third_plan().to_canonical_json();
    /// let (plan, warnings) = welfare_plan::check(json.as_bytes()).into_plan_and_warnings()?;
    /// assert!(warnings.is_empty() && plan.nodes.len() == 3);
    /// # Ok::<(), welfare_plan::Error>(())
    /// ```
    pub fn into_plan_and_warnings(self) -> Result<(Plan, Vec<Issue>), Error> {
        match self.plan {
            Some(plan) if !self.issues.iter().any(Issue::is_error) => Ok((plan, self.issues)),
            _ => Err(Error::Invalid(self.issues)),
        }
    }
}

/// One line for people about a checked document (a plan or a progress report).
/// The summary line in `lang`.
pub(crate) fn summary_in(valid: bool, issues: &[Issue], lang: crate::Lang) -> String {
    if lang == crate::Lang::En {
        return summary(valid, issues);
    }
    let errors = issues.iter().filter(|i| i.is_error()).count();
    let warnings = issues.len() - errors;
    match (valid, warnings) {
        (true, 0) => "有効（警告なし）".to_owned(),
        (true, n) => format!("有効（警告 {n}件）"),
        (false, n) => format!("無効（エラー {errors}件、警告 {n}件）"),
    }
}

pub(crate) fn summary(valid: bool, issues: &[Issue]) -> String {
    let errors = issues.iter().filter(|i| i.is_error()).count();
    let warnings = issues.len() - errors;
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    match (valid, warnings) {
        (true, 0) => "valid (no warnings)".to_owned(),
        (true, n) => format!("valid ({})", plural(n, "warning")),
        (false, n) => format!("invalid ({}, {})", plural(errors, "error"), plural(n, "warning")),
    }
}

/// Checks a document given as bytes (UTF-8, an optional BOM) with the default [`Limits`].
///
/// ```
/// let json = welfare_plan::iizuka::third_plan().to_canonical_json();
/// assert!(welfare_plan::check(json.as_bytes()).is_valid());
/// let broken = welfare_plan::check(b"{\"schema_version\": \"1.0\", ");
/// assert_eq!(broken.issues[0].code.as_str(), "json.truncated");
/// ```
pub fn check(input: &[u8]) -> Checked {
    check_with(input, &Limits::default())
}

/// [`check`] with explicit limits.
pub fn check_with(input: &[u8], limits: &Limits) -> Checked {
    match text_of(input, limits, ("a plan", "計画")) {
        Ok(text) => check_text(text, limits),
        Err(issue) => failed(issue),
    }
}

/// `input` as text, if it is UTF-8. simdutf8's check (SIMD where the processor has it, the
/// standard library's elsewhere, as in WebAssembly) is the fast path: on Japanese text the
/// standard library's took a tenth of a whole native check. Only input that fails goes on to
/// the standard library's check, for the error's position.
fn utf8(input: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(input).or_else(|_| std::str::from_utf8(input))
}

/// The checks before any parsing, for every document type (`what` names it in the empty-input
/// message): the size limit, an optional BOM, UTF-8, and something besides white space.
pub(crate) fn text_of<'a>(input: &'a [u8], limits: &Limits, what: (&str, &str)) -> Result<&'a str, Issue> {
    if let Some(c) = too_large(input.len(), limits) {
        return Err(c.issues.into_iter().next().unwrap_or_else(|| empty(what)));
    }
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match utf8(input) {
        Ok(text) if text.trim().is_empty() => Err(empty(what)),
        Ok(text) => Ok(text),
        Err(e) => {
            let good = input.get(..e.valid_up_to()).unwrap_or_default();
            let (line, column) = line_column(std::str::from_utf8(good).unwrap_or_default(), good.len());
            let byte = input.get(e.valid_up_to()).copied().unwrap_or_default();
            let mut en =
                format!("the input is not UTF-8: byte `0x{byte:02x}` at line {line}, column {column}");
            let mut ja = format!("入力がUTF-8ではありません（{line}行{column}列のバイト `0x{byte:02x}`）");
            if looks_like_shift_jis(input) {
                en.push_str(
                    "; the file looks like it was saved as Shift_JIS (CP932): save it again as UTF-8",
                );
                ja.push_str(
                    "。Shift_JIS（CP932）で保存されたファイルのようです。UTF-8 で保存し直してください",
                );
            }
            Err(Issue {
                line: Some(line),
                column: Some(column),
                ..Issue::new(IssueCode::InvalidUtf8, Path::root(), en, ja)
            })
        }
    }
}

/// Whether `input`, which is not UTF-8, has the byte structure of Shift_JIS (CP932, as Windows
/// and Excel in Japan save text) and holds Japanese in it: every byte above 0x7F is a half-width
/// katakana (0xA1–0xDF) or the lead byte (0x81–0x9F, 0xE0–0xFC) of a pair whose second byte is
/// 0x40–0x7E or 0x80–0xFC, and some pair is hiragana or katakana (lead byte 0x82 or 0x83),
/// which Japanese text always has. Latin-1 or Windows-1252 text (where 0x82 and 0x83 are control
/// characters or rare signs) and EUC-JP (whose kana are 0xA4 and 0xA5 pairs) seldom do both, so
/// the hint is given only when it is likely right. The structure is checked by hand: `encoding_rs`'s decoder would bring every
/// encoding's tables into the WebAssembly module (measured: +140 KB gzipped).
fn looks_like_shift_jis(input: &[u8]) -> bool {
    let mut japanese = false;
    let mut bytes = input.iter();
    while let Some(&b) = bytes.next() {
        match b {
            0x00..=0x7F | 0xA1..=0xDF => {}
            0x81..=0x9F | 0xE0..=0xFC => match bytes.next() {
                Some(0x40..=0x7E | 0x80..=0xFC) => {
                    japanese |= matches!(b, 0x82 | 0x83);
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    japanese
}

/// The issue for an input that holds only white space.
fn empty((en, ja): (&str, &str)) -> Issue {
    Issue::new(
        IssueCode::InputEmpty,
        Path::root(),
        format!("the input is empty; expected {en} as a JSON object"),
        format!("入力が空です（{ja}のJSONオブジェクトが必要です）"),
    )
}

/// Reads a document from `reader` and checks it, keeping at most one byte more than
/// `max_input_bytes` in memory, so that a huge file or stream is refused (`input.too_large`)
/// without being held whole. The error is the reader's own (a missing file, a closed pipe).
///
/// ```
/// let limits = welfare_plan::Limits::default();
/// let checked = welfare_plan::check_reader(&b"[]"[..], &limits)?;
/// assert_eq!(checked.issues[0].code.as_str(), "schema.wrong_type");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn check_reader<R: std::io::Read>(reader: R, limits: &Limits) -> std::io::Result<Checked> {
    Ok(check_with(&read_limited(reader, limits)?, limits))
}

/// Reads all of `reader`, but at most one byte more than `max_input_bytes`: enough for any
/// check to refuse an input that is too large (`input.too_large`) without holding it whole.
/// For documents other than a plan (a progress report), read the same way.
pub fn read_limited<R: std::io::Read>(reader: R, limits: &Limits) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let cap = u64::try_from(limits.max_input_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut buf = Vec::new();
    reader.take(cap).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Checks a document already known to be text (a BOM is allowed), with explicit limits.
/// Skips the UTF-8 check that [`check_with`] does, for callers that hold a `str`.
pub fn check_str(input: &str, limits: &Limits) -> Checked {
    if let Some(c) = too_large(input.len(), limits) {
        return c;
    }
    check_text(input.strip_prefix('\u{feff}').unwrap_or(input), limits)
}

/// Parses and validates a document; `Ok` only when it has no errors (warnings allowed).
///
/// ```
/// let err = welfare_plan::load(b"[]").unwrap_err();
/// assert_eq!(err.issues()[0].code.as_str(), "schema.wrong_type");
/// ```
pub fn load(input: &[u8]) -> Result<Plan, Error> {
    check(input).into_result()
}

pub(crate) fn too_large(len: usize, limits: &Limits) -> Option<Checked> {
    (len > limits.max_input_bytes).then(|| {
        let max = limits.max_input_bytes;
        // One byte over is all that [`read_limited`] reads of a larger input: its true size is
        // not known, only that it is over.
        let (en, ja) = if len == max.saturating_add(1) {
            (
                format!("the input is more than {max} bytes, the limit"),
                format!("入力が大きすぎます（上限{max}バイトを超えています）"),
            )
        } else {
            (
                format!("the input is {len} bytes; the limit is {max}"),
                format!("入力が大きすぎます（{len}バイト、上限{max}バイト）"),
            )
        };
        failed(Issue::new(IssueCode::InputTooLarge, Path::root(), en, ja))
    })
}

fn failed(issue: Issue) -> Checked {
    Checked {
        plan: None,
        issues: vec![issue],
    }
}

fn check_text(text: &str, limits: &Limits) -> Checked {
    let mut checked = check_text_uncapped(text, limits);
    cap(&mut checked.issues, limits.max_issues);
    // The count is about the whole document: it sits where the document starts.
    if let Some(count) = checked
        .issues
        .last_mut()
        .filter(|i| i.code == IssueCode::TooManyIssues)
    {
        locate(text, std::slice::from_mut(count));
    }
    checked
}

/// Keeps the first `max` issues (at least one) and adds one that says how many were left out.
/// If only warnings would be kept, the first error takes the last place, so that a document
/// never looks valid because its errors were cut. Issues already counted (the error path
/// counts shape problems itself) are left as they are.
pub(crate) fn cap(issues: &mut Vec<Issue>, max: usize) {
    let max = max.max(1);
    let counted = issues.last().is_some_and(|i| i.code == IssueCode::TooManyIssues);
    if issues.len() <= max || counted {
        return;
    }
    let first_error = issues.iter().position(Issue::is_error);
    let dropped = issues.len() - max;
    if let Some(e) = first_error.filter(|&e| e >= max) {
        issues.swap(max - 1, e);
    }
    issues.truncate(max);
    issues.push(too_many_issues(dropped, max, false));
}

/// The issue that counts what the `max_issues` limit left out; `at_least` when the semantic
/// rules did not run, so more may be wrong than was counted.
pub(crate) fn too_many_issues(dropped: usize, max: usize, at_least: bool) -> Issue {
    let (en_more, ja_more) = if at_least {
        ("at least ", "少なくとも")
    } else {
        ("", "")
    };
    let are = if dropped == 1 && !at_least {
        "issue is"
    } else {
        "issues are"
    };
    Issue::new(
        IssueCode::TooManyIssues,
        Path::root(),
        format!("{en_more}{dropped} more {are} not shown; the limit is {max}"),
        format!("ほかに{ja_more}{dropped}件の問題があります（表示の上限は{max}件）"),
    )
}

fn check_text_uncapped(text: &str, limits: &Limits) -> Checked {
    check_document(text, limits, true)
}

/// Checks the 2.0 form of a 1.0 document (see [`crate::upgrade`]); its issues point into
/// `text`, the upgraded form, until the caller maps them back.
pub(crate) fn check_upgraded(text: &str, limits: &Limits) -> Checked {
    check_document(text, limits, false)
}

fn check_document(text: &str, limits: &Limits, may_upgrade: bool) -> Checked {
    if text.trim().is_empty() {
        return failed(empty(("a plan", "計画")));
    }
    let trail = crate::strict::Trail::default();
    match crate::strict::from_str::<Plan>(text, &trail) {
        Ok(plan) => {
            let mut issues = crate::validate::validate_parsed(&plan, limits, &trail.parsed());
            locate(text, &mut issues);
            Checked {
                plan: Some(plan),
                issues,
            }
        }
        Err(e) => {
            let first = structural_issue(crate::shape::Doc::Plan, text, trail.into_path(), &e);
            if e.classify() != serde_json::error::Category::Data {
                return failed(first);
            }
            // JSON, but not a 2.0 plan: read it as a tree, once, for the error path.
            let doc = match crate::shape::read(text) {
                Ok(doc) => doc,
                // Broken JSON further on (trailing text) matters more than the shape; nesting
                // too deep to read as a tree does not (a root array is still the problem).
                Err(e) if !e.to_string().starts_with("recursion limit") => {
                    return failed(structural_issue(crate::shape::Doc::Plan, text, Path::root(), &e))
                }
                Err(_) => return failed(first),
            };
            if may_upgrade && crate::upgrade::is_v1_shaped(&doc) {
                return crate::upgrade::check_v1(text, doc, limits);
            }
            every_problem(text, limits, first, doc)
        }
    }
}

/// The error path for a document that is JSON but not a plan: every shape problem (not only
/// the first, which the typed parse stopped at), then the semantic rules on what is left once
/// those parts are set aside (see [`crate::shape`]).
fn every_problem(text: &str, limits: &Limits, first: Issue, doc: crate::shape::Value<'_>) -> Checked {
    let max = limits.max_issues.max(1);
    let found = crate::shape::findings(&doc, max);
    if found.left_out() > 0 {
        // Far more shape problems than will be shown (a hostile document can hold millions):
        // only the first `max`, in the walk's order, were kept, worded and located; the rest
        // are counted, and the rules wait for a document whose shape is closer to right.
        let mut issues: Vec<Issue> = found.kept.iter().map(crate::shape::Finding::to_issue).collect();
        locate_in(text, &doc, &mut issues);
        sort_by_position(&mut issues);
        issues.push(too_many_issues(found.left_out(), max, true));
        return Checked { plan: None, issues };
    }
    let findings = found.kept;
    let mut issues: Vec<Issue> = findings.iter().map(crate::shape::Finding::to_issue).collect();
    let duplicate = first.code == IssueCode::DuplicateField;
    if duplicate {
        // The value kept only the last of each repeated key; the text has them all.
        issues.extend(duplicate_field_issues(text, &doc));
    }
    // The walk and the typed parse read the same types; should they ever disagree, the typed
    // parse's finding is still reported, and no repair is trusted.
    let covered = issues
        .iter()
        .any(|i| i.code == first.code && i.path == first.path);
    if !covered {
        issues.push(first);
    }
    // The shape problems come first, in the order of the text, then the rules' issues in rule
    // order.
    locate_in(text, &doc, &mut issues);
    sort_by_position(&mut issues);
    if covered || duplicate {
        issues.extend(rules_on_the_rest(text, limits, doc, &findings));
    }
    Checked { plan: None, issues }
}

/// Puts located issues in the order of the text. One function for every caller: each sort
/// with its own closure is another copy of the sort in the WebAssembly module.
pub(crate) fn sort_by_position(issues: &mut [Issue]) {
    issues.sort_by_key(|i| (i.line, i.column));
}

/// One located issue for every repeated key of `doc`, read from `text`.
pub(crate) fn duplicate_field_issues(text: &str, doc: &crate::shape::Value<'_>) -> Vec<Issue> {
    let duplicates = doc.repeated();
    let positions = line_columns(text, &duplicates.iter().map(|d| d.1).collect::<Vec<_>>());
    duplicates
        .into_iter()
        .zip(positions)
        .map(|((path, _), (line, column))| {
            let name = match path.segments().last() {
                Some(PathSegment::Key(k)) => preview(k),
                _ => String::new(),
            };
            let (en, ja) = crate::shape::Problem::DuplicateField { name }.messages();
            Issue {
                line: Some(line),
                column: Some(column),
                ..Issue::new(IssueCode::DuplicateField, path, en, ja)
            }
        })
        .collect()
}

/// The semantic rules' issues on `doc` with the findings' parts set aside, located, at the
/// pointers of the document as written; none when the parts cannot be set aside.
fn rules_on_the_rest(
    text: &str,
    limits: &Limits,
    doc: crate::shape::Value<'_>,
    findings: &[crate::shape::Finding],
) -> Vec<Issue> {
    let Some(mut repaired) = crate::shape::repair(doc, findings) else {
        return Vec::new();
    };
    let trail = crate::strict::Trail::default();
    // Natively, straight from the value: writing it out as text and parsing that again was a
    // fifth of the error path on a large plan with a problem in every part. (Borrowed, not
    // consumed: a dangling reference is checked against what was left out by looking at the
    // value, see `Repaired::is_consequence`.)
    #[cfg(not(target_arch = "wasm32"))]
    let plan = crate::strict::from_value::<Plan>(&repaired.value, &trail);
    // In WebAssembly, through text: deserializing from a `Value` compiles every type's
    // deserializer a second time (measured: +50 KB of gzipped module), for the error path.
    #[cfg(target_arch = "wasm32")]
    let plan = serde_json::to_string(&repaired.value)
        .and_then(|text| crate::strict::from_str::<Plan>(&text, &trail));
    let Ok(plan) = plan else {
        return Vec::new();
    };
    let mut issues = Vec::new();
    let mut originals = Vec::new();
    for issue in crate::validate::validate_parsed(&plan, limits, &trail.parsed()) {
        let original = repaired.original_path(&issue.path);
        if !repaired.is_consequence(&issue, &original) {
            issues.push(issue);
            originals.push(original);
        }
    }
    // The parts kept are where they were written: located at their paths in the repaired
    // tree, then named by their paths in the document as written.
    locate_in(text, &repaired.value, &mut issues);
    for (issue, original) in issues.iter_mut().zip(originals) {
        issue.path = original;
    }
    issues
}

/// Fills in line and column for issues found on the typed plan of `text`, in two passes over
/// the text whatever the number of issues: one reads where each value starts (as a tree, see
/// `shape::places`), one turns the offsets into lines and columns. A single issue (often the count of
/// what a limit left out, at the root) is found by reading along its path only.
pub(crate) fn locate(text: &str, issues: &mut [Issue]) {
    let todo = unlocated(issues);
    let tree = match todo.len() {
        0 => return,
        1 => None,
        _ => crate::shape::places(text),
    };
    let spots: Vec<crate::locate::Spot> = todo
        .iter()
        .filter_map(|&i| issues.get(i))
        .map(|x| match &tree {
            Some(doc) => doc.spot(x.path.segments()),
            None => crate::locate::spot(text, &x.path.to_string()),
        })
        .collect();
    place(text, issues, &todo, &spots);
}

/// [`locate`] on the error path, where the document has already been read as a tree (`doc`,
/// read from `text`).
pub(crate) fn locate_in(text: &str, doc: &crate::shape::Value<'_>, issues: &mut [Issue]) {
    let todo = unlocated(issues);
    let spots: Vec<crate::locate::Spot> = todo
        .iter()
        .filter_map(|&i| issues.get(i))
        .map(|x| doc.spot(x.path.segments()))
        .collect();
    place(text, issues, &todo, &spots);
}

/// The indices of the issues without a line yet.
fn unlocated(issues: &[Issue]) -> Vec<usize> {
    (0..issues.len())
        .filter(|&i| issues.get(i).is_some_and(|x| x.line.is_none()))
        .collect()
}

/// Gives each issue `todo[k]` the line and column of `spots[k]`, in one pass over the text.
fn place(text: &str, issues: &mut [Issue], todo: &[usize], spots: &[crate::locate::Spot]) {
    // An unknown field is shown at its key, which is what has to change; others at the value.
    let offsets: Vec<usize> = todo
        .iter()
        .zip(spots)
        .map(|(&i, spot)| match issues.get(i).map(|x| x.code) {
            Some(IssueCode::UnknownField) => spot.key.unwrap_or(spot.value),
            _ => spot.value,
        })
        .collect();
    for (&i, (line, column)) in todo.iter().zip(line_columns(text, &offsets)) {
        if let Some(issue) = issues.get_mut(i) {
            issue.line = Some(line);
            issue.column = Some(column);
        }
    }
}

/// Turns a serde error into an issue with a stable code, a typed path and both messages.
pub(crate) fn structural_issue(
    kind: crate::shape::Doc,
    text: &str,
    mut p: Path,
    e: &serde_json::Error,
) -> Issue {
    use serde_json::error::Category;
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is kept separately.
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let raw = full.strip_suffix(&suffix).unwrap_or(&full);
    let msg = shorten(raw);
    let (line, column) = char_position(text, e.line(), e.column());
    let (code, en, ja) = match e.classify() {
        Category::Eof => {
            let (where_en, where_ja) = cut_short(&msg);
            (
                IssueCode::JsonTruncated,
                format!("the JSON ends too early, at line {line}, column {column}{where_en}"),
                format!("JSONが途中で終わっています（{line}行{column}列{where_ja}）"),
            )
        }
        Category::Syntax | Category::Io if msg.starts_with("recursion limit exceeded") => (
            IssueCode::TooDeep,
            format!("arrays and objects nest more than {PARSER_MAX_DEPTH} levels deep, at line {line}, column {column}"),
            format!("配列やオブジェクトの入れ子が{PARSER_MAX_DEPTH}段を超えています（{line}行{column}列）"),
        ),
        Category::Syntax | Category::Io => {
            let (what_en, what_ja) = syntax_words(&msg);
            let sep = if what_ja.is_empty() { "" } else { "、" };
            (
                IssueCode::JsonSyntax,
                format!("the input is not valid JSON at line {line}, column {column}: {what_en}"),
                format!("JSONの構文が正しくありません（{line}行{column}列{sep}{what_ja}）"),
            )
        }
        // Classified on the whole message: shortening could cut a list of known fields.
        Category::Data => {
            let (code, en, ja) = data_issue(raw, &mut p);
            match code {
                // Said in the format's words, from the schema at the path, not serde's.
                IssueCode::WrongType | IssueCode::InvalidValue if !raw.starts_with("unknown variant") => {
                    let (en, ja) = crate::shape::wrong_type_message(kind, text, &p).unwrap_or((en, ja));
                    (code, en, ja)
                }
                _ => (code, en, ja),
            }
        }
    };
    Issue {
        line: Some(line),
        column: Some(column),
        ..Issue::new(code, p, en, ja)
    }
}

/// serde_json's description of a syntax error for the message: (English, Japanese). Its English
/// is kept (`trailing comma`, ``expected `,` or `}` ``) except where it is jargon; the Japanese
/// says the same, or nothing for a description not listed. The list is short because every
/// phrase adds to each WebAssembly module's size.
fn syntax_words(msg: &str) -> (&str, &'static str) {
    let ja = match msg {
        "expected ident" => {
            return (
                "a misspelt `true`, `false` or `null`",
                "`true`・`false`・`null` の綴りが違います",
            )
        }
        "trailing comma" => "閉じかっこの前に余分なカンマがあります",
        "trailing characters" => "文書の終わりの後に文字があります",
        "key must be a string" => "キーが二重引用符で囲まれていません",
        "expected value" => "値がありません",
        "expected `:`" => "`:` がありません",
        "expected `,` or `]`" => "`,` か `]` がありません",
        "expected `,` or `}`" => "`,` か `}` がありません",
        m if m.starts_with("control character") => "文字列の中に改行などの制御文字があります",
        _ => "",
    };
    (msg, ja)
}

/// Where a document that ends too early stops, from serde's end-of-input message ("EOF while
/// parsing an object"): (English, Japanese), each empty when the message says nothing known.
fn cut_short(msg: &str) -> (&'static str, &'static str) {
    match msg.strip_prefix("EOF while parsing ") {
        Some("an object") => (", inside an object", "、オブジェクトの途中"),
        Some("a list") => (", inside a list", "、配列の途中"),
        Some("a string") => (", inside a string", "、文字列の途中"),
        Some("a value") => (", where a value should follow", "、値が続くはずの所"),
        _ => ("", ""),
    }
}

/// Classifies serde's data errors by the fixed prefixes serde's `de::Error` constructors
/// write, and suggests the closest field or code for a misspelt one.
fn data_issue(msg: &str, path: &mut Path) -> (IssueCode, String, String) {
    use crate::shape::Problem;
    // Each known kind is worded by the shape module, as when the walk finds it.
    let mut field = |rest: &str| {
        let name = preview(rest.trim_end_matches('`'));
        // The trail ends at the object that has the field; name the field too.
        path.0.push(PathSegment::Key(Cow::Owned(name.clone())));
        name
    };
    let problem = if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (name, known) = split_expected(rest);
        Problem::UnknownField {
            name: field(name),
            known: known.into_iter().map(str::to_owned).collect(),
        }
    } else if let Some(rest) = msg.strip_prefix("missing field `") {
        Problem::MissingField { name: field(rest) }
    } else if let Some(rest) = msg.strip_prefix("duplicate field `") {
        Problem::DuplicateField { name: field(rest) }
    } else if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (name, known) = split_expected(rest);
        Problem::UnknownCode {
            code: preview(name),
            known: known.into_iter().map(str::to_owned).collect(),
        }
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        // Worded again from the schema by the caller when it can be.
        let rest = shorten(rest);
        return (
            IssueCode::WrongType,
            format!("wrong type: {rest}"),
            format!("値の型が正しくありません（{rest}）"),
        );
    } else {
        let msg = shorten(msg);
        return (
            IssueCode::InvalidValue,
            msg.clone(),
            format!("値が正しくありません（{msg}）"),
        );
    };
    let (en, ja) = problem.messages();
    (problem.code(), en, ja)
}

/// Splits "x`, expected one of `a`, `b`" into ("x", ["a", "b"]).
fn split_expected(rest: &str) -> (&str, Vec<&str>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let known = tail.split('`').skip(1).step_by(2).collect();
    (name, known)
}

/// Keeps messages short whatever the input held: serde quotes offending values in full.
fn shorten(msg: &str) -> String {
    const HEAD: usize = 160;
    const TAIL: usize = 80;
    if msg.chars().count() <= HEAD + TAIL {
        return msg.to_owned();
    }
    let head: String = msg.chars().take(HEAD).collect();
    let tail: String = msg
        .chars()
        .rev()
        .take(TAIL)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head}…{tail}")
}

/// serde_json counts columns in bytes; issues count characters.
fn char_position(text: &str, line: usize, byte_column: usize) -> (u32, u32) {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (start + byte_column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    line_column(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(input: &[u8]) -> Issue {
        check(input).issues.remove(0)
    }

    /// The first issue with `code` (a shape problem usually comes with others).
    fn find(input: &[u8], code: IssueCode) -> Issue {
        let issues = check(input).issues;
        issues
            .iter()
            .find(|i| i.code == code)
            .cloned()
            .unwrap_or_else(|| panic!("no {code} in {issues:#?}"))
    }

    #[test]
    fn a_misspelt_field_gets_a_suggestion_and_a_full_path() {
        let mut v: serde_json::Value = serde_json::from_str(crate::iizuka::THIRD_PLAN_JSON).unwrap();
        let goal = &mut v["nodes"][1];
        let t = goal.as_object_mut().unwrap().remove("title").unwrap();
        goal["titel"] = t;
        let i = find(v.to_string().as_bytes(), IssueCode::UnknownField);
        assert_eq!(i.code, IssueCode::UnknownField);
        assert_eq!(i.path.to_string(), "/nodes/1/titel");
        assert_eq!(i.message_en, "unknown field `titel`, did you mean `title`?");
    }

    #[test]
    fn a_key_repeated_inside_a_writing_that_a_later_one_replaced_is_reported_too() {
        // `title` is written twice; its first writing, which the second replaces, has `ja`
        // twice. Both repeats are problems of the text, each at its own place, and so is the
        // repeated `schema_version` before them, where the typed parse stops.
        let text = crate::iizuka::THIRD_PLAN_JSON
            .replacen(
                "\"schema_version\"",
                "\"schema_version\": \"2.0\", \"schema_version\"",
                1,
            )
            .replacen(
                "\"title\": {",
                "\"title\": {\"ja\": \"a\", \"ja\": \"b\"}, \"title\": {",
                1,
            );
        let first = text.find("\"title\": {").unwrap_or_default();
        let inner = first + "\"title\": {\"ja\": \"a\", ".len();
        let again = first + "\"title\": {\"ja\": \"a\", \"ja\": \"b\"}, ".len();
        let checked = crate::check(text.as_bytes());
        let found: Vec<(String, Option<u32>, Option<u32>)> = checked
            .issues
            .iter()
            .filter(|i| i.code == IssueCode::DuplicateField)
            .map(|i| (i.path.to_string(), i.line, i.column))
            .collect();
        let place = |offset: usize| {
            let (line, column) = line_column(&text, offset);
            (Some(line), Some(column))
        };
        let (l1, c1) = place(inner);
        let (l2, c2) = place(again);
        let version = place(text.find(", \"schema_version\"").unwrap_or_default() + 2);
        assert_eq!(
            found,
            vec![
                ("/schema_version".to_owned(), version.0, version.1),
                ("/title/ja".to_owned(), l1, c1),
                ("/title".to_owned(), l2, c2)
            ]
        );
    }

    #[test]
    fn an_unknown_field_among_many_known_ones_is_named_cleanly() {
        let i = find(br#"{"x": 1}"#, IssueCode::UnknownField);
        assert_eq!(i.path.to_string(), "/x");
        assert!(
            i.message_en
                .starts_with("unknown field `x`; known fields here: `$schema`, `actors`, `bases`, "),
            "{}",
            i.message_en
        );
        assert!(i.message_en.ends_with("`title`, `voices`"), "{}", i.message_en);
        let i = find(br#"{"schema_versoin": "1.0"}"#, IssueCode::UnknownField);
        assert_eq!(
            i.message_en,
            "unknown field `schema_versoin`, did you mean `schema_version`?"
        );
    }

    #[test]
    fn a_document_cut_short_says_where_it_stops_in_both_languages() {
        let i = find(br#"{"id": "x", "title": {"ja": "a""#, IssueCode::JsonTruncated);
        assert_eq!(
            i.message_en,
            "the JSON ends too early, at line 1, column 31, inside an object"
        );
        assert_eq!(
            i.message_ja,
            "JSONが途中で終わっています（1行31列、オブジェクトの途中）"
        );
        let i = find(br#"{"id": "x", "nodes": [1"#, IssueCode::JsonTruncated);
        assert!(i.message_en.ends_with(", inside a list"), "{}", i.message_en);
        let i = find(br#"{"id": "x"#, IssueCode::JsonTruncated);
        assert!(i.message_en.ends_with(", inside a string"), "{}", i.message_en);
        let i = find(br#"{"id":"#, IssueCode::JsonTruncated);
        assert!(i.message_ja.ends_with("、値が続くはずの所）"), "{}", i.message_ja);
    }

    #[test]
    fn a_syntax_error_is_described_in_both_languages() {
        let i = find(br#"{"id": "x",}"#, IssueCode::JsonSyntax);
        assert_eq!(
            i.message_en,
            "the input is not valid JSON at line 1, column 12: trailing comma"
        );
        assert_eq!(
            i.message_ja,
            "JSONの構文が正しくありません（1行12列、閉じかっこの前に余分なカンマがあります）"
        );
        let i = find(b"{\"id\": \"a\tb\"}", IssueCode::JsonSyntax);
        assert!(i.message_en.contains("control character"), "{}", i.message_en);
        assert!(i.message_ja.contains("制御文字"), "{}", i.message_ja);
        let i = find(br#"{"id": tru}"#, IssueCode::JsonSyntax);
        assert!(
            i.message_en.ends_with("a misspelt `true`, `false` or `null`"),
            "{}",
            i.message_en
        );
        // A missing colon or comma and a key without quotes have Japanese words too.
        let others: [&[u8]; 3] = [br#"{"id" "x"}"#, br#"{"id": 1 2}"#, br#"{1: 2}"#];
        for doc in others {
            let i = find(doc, IssueCode::JsonSyntax);
            assert!(i.message_ja.contains('、'), "{}", i.message_ja);
        }
    }

    #[test]
    fn a_huge_unknown_key_is_cut_to_a_preview() {
        let key = "k".repeat(100_000);
        let i = find(format!("{{\"{key}\": 1}}").as_bytes(), IssueCode::UnknownField);
        assert_eq!(i.code, IssueCode::UnknownField);
        assert!(i.path.to_string().len() < 100 && i.message_en.len() < 2000);
    }

    #[test]
    fn a_missing_field_is_named_in_the_path() {
        let mut v: serde_json::Value = serde_json::from_str(crate::iizuka::THIRD_PLAN_JSON).unwrap();
        v["nodes"][0]["children"][0]
            .as_object_mut()
            .unwrap()
            .remove("title");
        let i = first(v.to_string().as_bytes());
        assert_eq!(i.code, IssueCode::MissingField);
        assert_eq!(i.path.to_string(), "/nodes/0/children/0/title");
    }

    #[test]
    fn a_1_0_document_is_upgraded_and_its_issues_point_into_it_as_written() {
        let base = include_str!("../../tests/conformance/base/iizuka-3rd-1.0.json");
        let checked = check(base.as_bytes());
        assert_eq!(checked.issues, vec![]);
        let plan = checked.plan.unwrap();
        assert_eq!(plan.schema_version, "2.0");
        assert_eq!(plan.initiatives().count(), 19);
        assert_eq!(plan.label(crate::NodeAt::top(2)).0, "基本目標Ⅲ");
        // A wrong type deep inside, and a misspelt field: both at the 1.0 document's pointers,
        // with the line and column of the 1.0 text.
        let text = base.replacen(
            "\"number\": 2,\n              \"title\"",
            "\"number\": \"two\",\n              \"titel\"",
            1,
        );
        assert_ne!(text, base);
        let issues = check(text.as_bytes()).issues;
        let paths: Vec<String> = issues.iter().map(|i| i.path.to_string()).collect();
        assert!(
            paths
                .iter()
                .any(|p| p.starts_with("/goals/") && p.contains("/targets/") && p.ends_with("/number")),
            "{issues:#?}"
        );
        assert!(paths.iter().any(|p| p.ends_with("/titel")), "{issues:#?}");
        for i in &issues {
            let (line, column) = (i.line.unwrap(), i.column.unwrap());
            let at = text.lines().nth(line as usize - 1).unwrap();
            let rest: String = at.chars().skip(column as usize - 1).collect();
            assert!(
                rest.starts_with("\"two\"") || rest.starts_with("\"titel\"") || rest.starts_with('{'),
                "{i}: {rest}"
            );
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let i = first("{\"id\": \"あ\" x}".as_bytes());
        assert_eq!(i.code, IssueCode::JsonSyntax);
        assert_eq!((i.line, i.column), (Some(1), Some(12)));
    }

    #[test]
    fn deep_nesting_stops_at_the_parser_limit() {
        let mut s = String::from("{\"schema_version\":\"1.0\",\"extensions\":{\"x\":");
        s.push_str(&"[".repeat(200_000));
        let i = first(s.as_bytes());
        assert_eq!(i.code, IssueCode::TooDeep);
        assert!(i.path.to_string().starts_with("/extensions/x/0/0/"));
    }

    #[test]
    fn huge_values_are_not_echoed() {
        let big = "x".repeat(1_000_000);
        let checked = check(format!("{{\"schema_version\": 1, \"id\": \"{big}\"}}").as_bytes());
        assert!(checked.issues.iter().any(|i| i.code == IssueCode::WrongType));
        let checked = check(format!("{{\"edition\": \"{big}\"}}").as_bytes());
        assert!(checked.issues.iter().any(|i| i.code == IssueCode::WrongType));
        for i in &checked.issues {
            assert!(i.message_en.len() < 2000 && i.message_ja.len() < 2000, "{i}");
        }
    }

    #[test]
    fn the_cap_keeps_an_error_rather_than_only_warnings_and_counts_the_rest() {
        let warning = || {
            Issue::new(
                IssueCode::InitiativeWithoutActor,
                Path::root(),
                "w".into(),
                "w".into(),
            )
        };
        let error = Issue::new(IssueCode::BlankText, Path::root(), "e".into(), "e".into());
        let mut issues = vec![warning(), warning(), warning(), error.clone()];
        cap(&mut issues, 2);
        let codes: Vec<IssueCode> = issues.iter().map(|i| i.code).collect();
        assert_eq!(
            codes,
            [
                IssueCode::InitiativeWithoutActor,
                IssueCode::BlankText,
                IssueCode::TooManyIssues
            ]
        );
        assert_eq!(
            issues[2].message_en,
            "2 more issues are not shown; the limit is 2"
        );
        // Counted once: capping again changes nothing.
        let before = issues.clone();
        cap(&mut issues, 2);
        assert_eq!(issues, before);
        // Under the limit, nothing is cut.
        let mut few = vec![error];
        cap(&mut few, 2);
        assert_eq!(few.len(), 1);
    }

    #[test]
    fn shape_problems_past_max_issues_are_counted_not_kept() {
        let mut doc = serde_json::to_value(crate::iizuka::third_plan()).unwrap_or_default();
        doc["nodes"] = serde_json::json!(vec![7; 50]);
        let limits = Limits {
            max_issues: 10,
            ..Limits::default()
        };
        let text = doc.to_string();
        let checked = check_with(text.as_bytes(), &limits);
        let paths: Vec<String> = checked.issues.iter().map(|i| i.path.to_string()).collect();
        let mut want: Vec<String> = (0..10).map(|i| format!("/nodes/{i}")).collect();
        want.push(String::new());
        assert_eq!(paths, want);
        assert!(checked
            .issues
            .iter()
            .take(10)
            .all(|i| i.code == IssueCode::WrongType && i.line.is_some()));
        assert_eq!(
            checked.issues.last().map(|i| i.message_en.as_str()),
            Some("at least 40 more issues are not shown; the limit is 10")
        );
        // The walk keeps only what is shown.
        let found = crate::shape::read(&text).map(|doc| crate::shape::findings(&doc, 10));
        let counts = found.map(|f| (f.kept.len(), f.total, f.left_out())).ok();
        assert_eq!(counts, Some((10, 50, 40)));
    }

    #[test]
    fn a_bom_is_accepted_and_bad_utf8_is_located() {
        let json = crate::iizuka::third_plan().to_canonical_json();
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(json.as_bytes());
        assert!(check(&with_bom).is_valid());
        let i = first(b"{\n  \"a\": \"\xff\"}");
        assert_eq!(i.code, IssueCode::InvalidUtf8);
        assert_eq!((i.line, i.column), (Some(2), Some(9)));
    }

    #[test]
    fn a_plan_saved_as_shift_jis_gets_a_hint_in_both_languages() {
        let json = concat!(
            "{\n  \"schema_version\": \"2.0\",\n  \"title\": {\"ja\": \"第3期飯塚市地域福祉計画\"},\n",
            "  \"philosophy\": {\"statement\": {\"ja\": \"誰もが安心して暮らせるまち\"}}\n}\n"
        );
        let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(json);
        assert!(!unmappable);
        let i = first(&sjis);
        assert_eq!(i.code, IssueCode::InvalidUtf8);
        assert!(
            i.message_en
                .starts_with("the input is not UTF-8: byte `0x91` at line 3, column 20"),
            "{}",
            i.message_en
        );
        assert!(
            i.message_en
                .ends_with("saved as Shift_JIS (CP932): save it again as UTF-8"),
            "{}",
            i.message_en
        );
        assert!(
            i.message_ja
                .contains("Shift_JIS（CP932）で保存されたファイルのようです"),
            "{}",
            i.message_ja
        );
        // Bytes that are neither get no hint: Latin-1 text, EUC-JP text, a stray byte.
        let (euc, _, _) =
            encoding_rs::EUC_JP.encode("{\"title\": {\"ja\": \"第3期飯塚市地域福祉計画について\"}}");
        for other in [
            &b"{\"a\": \"caf\xe9\"}"[..],
            b"{\"a\": \"r\xe9union d'\xe9t\xe9\"}",
            &euc,
            b"{\n  \"a\": \"\xff\"}",
        ] {
            let i = first(other);
            assert_eq!(i.code, IssueCode::InvalidUtf8);
            assert!(
                !i.message_en.contains("Shift_JIS") && !i.message_ja.contains("Shift_JIS"),
                "{}",
                i.message_en
            );
        }
    }

    #[test]
    fn empty_and_oversized_inputs_are_refused_before_parsing() {
        assert_eq!(first(b"  \n").code, IssueCode::InputEmpty);
        assert_eq!(first(b"").code, IssueCode::InputEmpty);
        let small = Limits {
            max_input_bytes: 4,
            ..Limits::default()
        };
        assert_eq!(
            check_with(b"{\"a\":1}", &small).issues[0].code,
            IssueCode::InputTooLarge
        );
    }

    #[test]
    fn an_input_cut_at_the_limit_is_said_to_be_over_it_not_given_a_size() {
        let small = Limits {
            max_input_bytes: 4,
            ..Limits::default()
        };
        let input = b"{\"a\": 1, \"b\": 2}";
        let read = read_limited(&input[..], &small).unwrap_or_default();
        assert_eq!(read.len(), 5, "one byte over the limit is read");
        let cut = &check_with(&read, &small).issues[0];
        assert_eq!(cut.message_en, "the input is more than 4 bytes, the limit");
        assert_eq!(cut.message_ja, "入力が大きすぎます（上限4バイトを超えています）");
        // Given whole, its size is known and said.
        let whole = &check_with(input, &small).issues[0];
        assert_eq!(whole.message_en, "the input is 16 bytes; the limit is 4");
    }
}
