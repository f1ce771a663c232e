//! The crate's one error type, and the issues that validation reports.

use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document has at least one error-severity issue; `issues` holds all of them,
    /// warnings included.
    #[error("{}", summarize(.0, PLAN, crate::Lang::En))]
    Invalid(Vec<Issue>),
    /// A progress report has at least one error-severity issue; `issues` holds all of them,
    /// warnings included, at pointers into the report.
    #[error("{}", summarize(.0, REPORT, crate::Lang::En))]
    InvalidReport(Vec<Issue>),
    /// A Japanese era year could not be read or written.
    #[error("{0}")]
    Era(#[from] crate::era::EraError),
    /// A name that is no sector's code or label in the plan's help model (in an argument, not
    /// a document); the second field lists the sectors there are.
    #[error("unknown help sector `{0}`; expected one of {1}")]
    UnknownSector(String, String),
    /// A level id that is none of the plan's levels (in an argument, not a document); the
    /// second field lists the levels there are.
    #[error("unknown level `{0}`; the plan's levels are {1}")]
    UnknownLevel(String, String),
    /// A name that is no limit's (see [`crate::Limits::NAMES`]).
    #[error("{}", unknown_limit(.0, crate::Lang::En))]
    UnknownLimit(String),
    /// A workbook could not be written, such as a text longer than a cell holds: why, in
    /// English and in Japanese.
    #[error("the workbook could not be written: {en}")]
    Workbook {
        /// Why, in English.
        en: String,
        /// Why, in Japanese.
        ja: String,
    },
}

fn unknown_limit(name: &str, lang: crate::Lang) -> String {
    let names = crate::Limits::NAMES;
    let known = names.map(|n| format!("`{n}`")).join(", ");
    match (crate::suggest::closest(name, &names), lang) {
        (Some(s), crate::Lang::En) => {
            format!("unknown limit `{name}`, did you mean `{s}`? (known limits: {known})")
        }
        (None, crate::Lang::En) => format!("unknown limit `{name}`; known limits: {known}"),
        (Some(s), crate::Lang::Ja) => {
            format!("上限 `{name}` はありません。`{s}` のことですか？（使える上限: {known}）")
        }
        (None, crate::Lang::Ja) => format!("上限 `{name}` はありません（使える上限: {known}）"),
    }
}

pub(crate) fn sector_list() -> String {
    crate::model::HelpSector::ALL
        .iter()
        .map(|h| format!("`{}` ({})", h.code(), h.label_ja()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What an invalid document is, in English and Japanese: a plan or a progress report.
const PLAN: (&str, &str) = ("plan", "計画");
const REPORT: (&str, &str) = ("progress report", "評価報告");

/// The first error (as [`Issue::line`] writes it) and how many more, as the error's message
/// in `lang`.
fn summarize(issues: &[Issue], (noun, noun_ja): (&str, &str), lang: crate::Lang) -> String {
    use crate::Lang::{En, Ja};
    let mut errors = issues.iter().filter(|i| i.is_error());
    let Some(first) = errors.next() else {
        return match lang {
            En => format!("the {noun} is valid"),
            Ja => format!("{noun_ja}は有効です"),
        };
    };
    let (first, more) = (first.line(lang), errors.count());
    match (lang, more) {
        (En, 0) => format!("invalid {noun}: {first}"),
        (En, n) => format!("invalid {noun}: {first} (and {n} more)"),
        (Ja, 0) => format!("無効な{noun_ja}です: {first}"),
        (Ja, n) => format!("無効な{noun_ja}です: {first}（ほか{n}件）"),
    }
}

impl Error {
    /// The message in `lang`: what a command line or a binding shows a user in their language
    /// (the English one is also the error's `Display`).
    ///
    /// ```
    /// use welfare_plan::{Error, Lang};
    /// let e = Error::UnknownLevel("goals".into(), "`goal`, `target`".into());
    /// assert_eq!(e.message(Lang::Ja), "階層ID `goals` はありません（計画の階層ID: `goal`, `target`）");
    /// ```
    pub fn message(&self, lang: crate::Lang) -> String {
        if lang == crate::Lang::En {
            return self.to_string();
        }
        match self {
            Error::Invalid(issues) => summarize(issues, PLAN, lang),
            Error::InvalidReport(issues) => summarize(issues, REPORT, lang),
            Error::Era(e) => e.message(lang),
            Error::UnknownSector(name, known) => {
                format!("支え合いの区分 `{name}` はありません（使える区分: {known}）")
            }
            Error::UnknownLevel(name, known) => {
                format!("階層ID `{name}` はありません（計画の階層ID: {known}）")
            }
            Error::UnknownLimit(name) => unknown_limit(name, lang),
            Error::Workbook { ja, .. } => format!("ワークブックを書き出せません（{ja}）"),
        }
    }

    /// The issues, if this is an invalid-document error.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Error::Invalid(issues) | Error::InvalidReport(issues) => issues,
            _ => &[],
        }
    }
}

/// How serious an issue is: errors make a document invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document is invalid.
    Error,
    /// Worth a look; the document is still valid.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! issue_codes {
    ($( $variant:ident = $code:literal, $sev:ident, $desc:literal; )*) => {
        /// A stable issue code. Codes never change meaning; messages may improve. Translate
        /// and filter by code, never by message text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum IssueCode {
            $( #[doc = $desc] $variant, )*
        }

        impl IssueCode {
            /// Every code, in documentation order.
            pub const ALL: &'static [IssueCode] = &[$(IssueCode::$variant),*];

            /// The code as written in JSON, such as `reference.dangling`.
            pub fn as_str(self) -> &'static str {
                match self { $(IssueCode::$variant => $code,)* }
            }

            /// The severity every issue with this code has.
            pub fn severity(self) -> Severity {
                match self { $(IssueCode::$variant => Severity::$sev,)* }
            }

            /// What the code means, in one English sentence.
            pub fn description(self) -> &'static str {
                match self { $(IssueCode::$variant => $desc,)* }
            }

            /// The code for its text form.
            pub fn parse(s: &str) -> Option<IssueCode> {
                match s { $($code => Some(IssueCode::$variant),)* _ => None }
            }
        }
    };
}

issue_codes! {
    InputTooLarge = "input.too_large", Error, "The input is larger than the configured limit.";
    InputEmpty = "input.empty", Error, "The input is empty or only white space.";
    InvalidUtf8 = "json.invalid_utf8", Error, "The input is not UTF-8.";
    JsonSyntax = "json.syntax", Error, "The input is not JSON.";
    JsonTruncated = "json.truncated", Error, "The JSON ends before the document does.";
    TooDeep = "limit.too_deep", Error, "Arrays and objects nest deeper than the limit.";
    TextTooLong = "limit.text_too_long", Error, "A text is longer than the limit.";
    TooManyElements = "limit.too_many_elements", Error, "An array has more elements than the limit.";
    TooManyIssues = "limit.too_many_issues", Warning, "More issues were found than the limit; this one says how many were left out.";
    UnknownField = "schema.unknown_field", Error, "A field the format does not have (outside `extensions`).";
    MissingField = "schema.missing_field", Error, "A required field is absent.";
    WrongType = "schema.wrong_type", Error, "A value has the wrong JSON type.";
    InvalidValue = "schema.invalid_value", Error, "A value has the right type but is not allowed (an unknown code, a bad date, …).";
    DuplicateField = "schema.duplicate_field", Error, "The same field appears twice in one object.";
    UnsupportedVersion = "schema_version.unsupported", Error, "The document's `schema_version` is not one this library reads.";
    BlankText = "text.blank", Error, "A required text is empty or only white space.";
    InvalidId = "id.invalid", Error, "An id does not have the id format.";
    DuplicateId = "id.duplicate", Error, "Two parts of the plan have the same id.";
    DanglingReference = "reference.dangling", Error, "A reference names no part of the plan of the kind it should.";
    NumberingGap = "numbering.gap", Error, "Sibling numbers skip or go out of order.";
    NumberingDuplicate = "numbering.duplicate", Error, "Two siblings have the same number.";
    NumberingMissing = "numbering.missing", Error, "A node of a numbered level has no number.";
    StructureLevels = "structure.levels", Error, "The plan declares fewer than one or more than five levels, or two levels share an id.";
    StructureTooDeep = "structure.too_deep", Error, "A node sits deeper than the levels the plan declares.";
    PeriodReversed = "period.reversed", Error, "A period ends before it starts.";
    PeriodImplausible = "period.implausible", Error, "A plan period longer than is plausible.";
    FiscalYearOutOfRange = "fiscal_year.out_of_range", Error, "A fiscal year outside the years the format covers.";
    YearOutsidePeriod = "period.year_outside", Error, "A year that should lie in the plan period does not.";
    PhaseOverlap = "period.phase_overlap", Error, "Two phases of the plan period share a fiscal year.";
    MunicipalityCodeInvalid = "municipality.code_invalid", Error, "The municipality code is not six digits naming a prefecture.";
    CheckDigit = "municipality.check_digit", Error, "The municipality code's check digit is wrong.";
    PrefectureMismatch = "municipality.prefecture_mismatch", Error, "The prefecture does not match the municipality code.";
    UnknownMunicipalityCode = "municipality.unknown_code", Error, "No municipality has the code in the national code list (全国地方公共団体コード), which is current for the plan's period.";
    MunicipalityNameMismatch = "municipality.name_mismatch", Error, "The municipality's name is not the one the national code list gives its code, and the list is current for the plan's period.";
    CodeListOutdated = "municipality.code_list_outdated", Warning, "The municipality's code or name disagrees with the national code list, and the list may be outdated for the plan's period (the plan starts well after the list's date, or ended before it).";
    EmptyCollection = "collection.empty", Error, "A list that needs at least one element is empty.";
    HelpModelMismatch = "help_model.sectors_mismatch", Error, "The help model's sector definitions do not match its kind.";
    SectorNotInModel = "help_model.sector_not_in_model", Error, "A sector is used that the plan's help model does not have, or the plan has no help model.";
    SectorLabelMissing = "help_model.label_missing", Error, "A sector of a custom help model has no label.";
    IndicatorValueType = "indicator.value_type", Error, "An indicator's value is not of the indicator's value type.";
    DistrictCycle = "district.cycle", Error, "A district lies, through its parents, inside itself.";
    GradeDuplicate = "evaluation.grade_duplicate", Error, "Two grades of one scale share a code.";
    GradeUnknown = "evaluation.grade_unknown", Error, "A grade that the scale does not have.";
    ConditionValue = "evaluation.condition_value", Error, "A grading condition that needs a threshold (`achievement_at_least`) has none.";
    ReportDocument = "report.document", Error, "A progress report whose `document` is not `progress_report`.";
    PlanMismatch = "report.plan_mismatch", Error, "A progress report written for another plan, or for another version of the plan (its hash differs).";
    DuplicateEntry = "report.duplicate_entry", Error, "An indicator, a node, or a node's scale has two entries in one progress report.";
    MissingEntry = "report.missing_entry", Warning, "An indicator or an initiative has no entry in a progress report.";
    ReasonMissing = "report.reason_missing", Warning, "An indicator was not measured (`null`) and the report does not say why.";
    ChallengeUnaddressed = "coverage.challenge_unaddressed", Warning, "No initiative addresses a challenge.";
    InitiativeWithoutActor = "coverage.initiative_without_actor", Warning, "An initiative names no actor.";
    SheetUnreadable = "sheet.unreadable", Error, "The file is not a workbook (or CSV) that can be read: not a zip, a damaged sheet, a broken quote.";
    SheetTooLarge = "sheet.too_large", Error, "A workbook or CSV is larger than the limits: bytes packed or unpacked, rows, columns, cells, or characters in a cell.";
    MissingSheet = "sheet.missing_sheet", Error, "A sheet (or a CSV file) of the format is absent.";
    UnknownSheet = "sheet.unknown_sheet", Warning, "A sheet (or a CSV file) that is no table of the format; it was not read.";
    MissingColumn = "sheet.missing_column", Error, "A column of the table is absent from its sheet: neither its key nor its heading is in the header rows.";
    UnknownColumn = "sheet.unknown_column", Error, "A column whose key and heading name no column of the table (a renamed or misspelt heading); it was not read.";
    DuplicateColumn = "sheet.duplicate_column", Error, "Two columns of one sheet name the same column of the table.";
    StrayRow = "sheet.stray_row", Error, "A row that belongs nowhere: its owner's id names no row of the owner's sheet, or a second row on a one-row sheet.";
    SheetFormula = "sheet.formula", Error, "A formula where a value belongs; formulas are never evaluated.";
    SheetErrorValue = "sheet.error_value", Error, "An error value such as `#N/A` or `#REF!` in a cell.";
    SheetDate = "sheet.date", Error, "A date cell where a fiscal year, a number or a text belongs.";
    SheetMergedCell = "sheet.merged_cell", Error, "Merged cells in a table, where each cell holds its own value.";
    NotANumber = "sheet.not_a_number", Error, "A text, or a number that is not whole, where a number (or a whole number) belongs.";
    NotAFlag = "sheet.not_a_flag", Error, "A value other than `TRUE` or `FALSE` (or empty) in a yes-or-no column.";
    ExtensionsJson = "sheet.extensions_json", Error, "An extensions cell does not hold JSON text.";
    CsvEncoding = "csv.encoding", Error, "A CSV file that is neither UTF-8 nor Shift_JIS (CP932).";
    CsvEncodingRead = "csv.encoding_read", Warning, "A CSV file that is not UTF-8 was read as Shift_JIS (CP932); says so, so that the encoding is never guessed silently.";
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for IssueCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One step of a [`Path`]: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// An object key.
    Key(Cow<'static, str>),
    /// An array index.
    Index(usize),
}

impl PathSegment {
    /// Writes the segment as a JSON Pointer reference token, without its leading slash.
    pub(crate) fn write_token(&self, out: &mut impl fmt::Write) -> fmt::Result {
        match self {
            PathSegment::Key(k) => write_key_token(k, out),
            PathSegment::Index(i) => write!(out, "{i}"),
        }
    }
}

/// Writes an object key as a JSON Pointer reference token (RFC 6901: `~` as `~0`, `/` as
/// `~1`), in place: pointers are built for every issue and every key the locator passes, and
/// a key needs escaping only in rare documents.
pub(crate) fn write_key_token(key: &str, out: &mut impl fmt::Write) -> fmt::Result {
    let mut start = 0;
    for (i, c) in key.match_indices(['~', '/']) {
        out.write_str(key.get(start..i).unwrap_or_default())?;
        out.write_str(if c == "~" { "~0" } else { "~1" })?;
        start = i + c.len();
    }
    out.write_str(key.get(start..).unwrap_or_default())
}

impl From<&'static str> for PathSegment {
    fn from(k: &'static str) -> Self {
        PathSegment::Key(Cow::Borrowed(k))
    }
}

impl From<usize> for PathSegment {
    fn from(i: usize) -> Self {
        PathSegment::Index(i)
    }
}

/// Where in a document an issue is, written as a JSON Pointer (RFC 6901) such as
/// `/nodes/0/children/1/title/ja`; the empty pointer is the whole document.
///
/// ```
/// use welfare_plan::Path;
/// let p = Path::root().key("nodes").index(0).key("title");
/// assert_eq!(p.to_string(), "/nodes/0/title");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<PathSegment>);

impl Path {
    /// The whole document.
    pub fn root() -> Self {
        Path(Vec::new())
    }

    /// This path extended by an object key.
    pub fn key(mut self, k: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(PathSegment::Key(k.into()));
        self
    }

    /// This path extended by an array index.
    pub fn index(mut self, i: usize) -> Self {
        self.0.push(PathSegment::Index(i));
        self
    }

    /// The segments.
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for seg in &self.0 {
            f.write_str("/")?;
            seg.write_token(f)?;
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The stable code.
    pub code: IssueCode,
    /// Error or warning (always `code.severity()`).
    pub severity: Severity,
    /// Where, as a JSON Pointer.
    pub path: Path,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// What is wrong, in English: lowercase, concrete, values in backticks.
    pub message_en: String,
    /// The 1-based line in the source text, when the issue came from parsing text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The 1-based column (in characters) in the source text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The spreadsheet cell, such as `体系!H14`, when the document was read from a workbook or
    /// from CSV files ([`crate::sheet::import_plan_csv`]); the sheet's (or the file's) name,
    /// `!`, and the cell's A1 name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Issue {
    /// An issue with `code` at `path`.
    pub fn new(code: IssueCode, path: Path, message_en: String, message_ja: String) -> Self {
        Issue {
            code,
            severity: code.severity(),
            path,
            message_ja,
            message_en,
            line: None,
            column: None,
            cell: None,
        }
    }

    /// The issue for a value that has no JSON form at all (a cyclic object handed to a
    /// binding, a number JSON cannot write): the document is not JSON.
    pub fn unwritable(reason: &str) -> Self {
        let reason = preview(reason);
        Issue::new(
            IssueCode::JsonSyntax,
            Path::root(),
            format!("the value cannot be written as JSON: `{reason}`"),
            format!("値をJSONとして書き出せません（`{reason}`）"),
        )
    }

    /// Whether this issue makes the document invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The issue in one line in `lang`, without the file it is in: `error [text.blank] at
    /// /title/ja: …`, `エラー [text.blank] … (場所 /title/ja)`. The English one is the
    /// issue's `Display`.
    pub fn line(&self, lang: crate::Lang) -> String {
        let path = self.path.to_string();
        let at = if path.is_empty() { "/" } else { &path };
        match lang {
            crate::Lang::En => format!(
                "{} [{}] at {at}: {}",
                self.severity.as_str(),
                self.code,
                self.message_en
            ),
            crate::Lang::Ja => {
                let severity = if self.is_error() { "エラー" } else { "警告" };
                format!("{severity} [{}] {} (場所 {at})", self.code, self.message_ja)
            }
        }
    }

    /// The message in `lang`: every issue has both.
    pub fn message(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Ja => &self.message_ja,
            crate::Lang::En => &self.message_en,
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(crate::Lang::En))
    }
}

/// A value cut to a short preview (40 characters and `…`) for messages, so that a huge input
/// is never echoed back. Bindings quote their arguments through it too.
pub fn preview(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default()),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for &c in IssueCode::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert_eq!(IssueCode::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn previews_keep_short_values_and_cut_long_ones_at_40_characters() {
        assert_eq!(preview("abc"), "abc");
        assert_eq!(preview(&"あ".repeat(100)).chars().count(), 41);
        assert!(preview(&"x".repeat(100)).ends_with('…'));
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let p = Path::root().key("extensions").key(String::from("a/b~c"));
        assert_eq!(p.to_string(), "/extensions/a~1b~0c");
    }

    #[test]
    fn summary_counts_errors_not_warnings() {
        let e = Issue::new(IssueCode::BlankText, Path::root(), "blank".into(), "空".into());
        let w = Issue::new(
            IssueCode::InitiativeWithoutActor,
            Path::root(),
            "w".into(),
            "w".into(),
        );
        assert_eq!(w.line(crate::Lang::Ja), format!("警告 [{}] w (場所 /)", w.code));
        let err = Error::Invalid(vec![e.clone(), w, e]);
        assert_eq!(
            err.to_string(),
            "invalid plan: error [text.blank] at /: blank (and 1 more)"
        );
        assert_eq!(
            err.message(crate::Lang::Ja),
            "無効な計画です: エラー [text.blank] 空 (場所 /)（ほか1件）"
        );
        assert_eq!(err.message(crate::Lang::En), err.to_string());
        let Error::Invalid(issues) = err else {
            unreachable!()
        };
        let report = Error::InvalidReport(issues);
        assert_eq!(
            report.to_string(),
            "invalid progress report: error [text.blank] at /: blank (and 1 more)"
        );
        assert_eq!(
            report.message(crate::Lang::Ja),
            "無効な評価報告です: エラー [text.blank] 空 (場所 /)（ほか1件）"
        );
    }

    #[test]
    fn every_error_has_a_japanese_message() {
        let errors = [
            Error::Era(crate::era::fiscal_year_from_era("令和5年").unwrap_err()),
            Error::UnknownSector("x".into(), sector_list()),
            Error::UnknownLevel("x".into(), "`goal`".into()),
            Error::UnknownLimit("max_input".into()),
            Error::UnknownLimit("zzz".into()),
            Error::Workbook {
                en: "too many columns in `plan`".into(),
                ja: "`plan` の列が多すぎます".into(),
            },
            Error::Invalid(Vec::new()),
            Error::InvalidReport(Vec::new()),
        ];
        for e in errors {
            let ja = e.message(crate::Lang::Ja);
            assert_ne!(ja, e.to_string());
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "no kana in {ja}"
            );
        }
        assert_eq!(
            Error::UnknownLimit("max_dept".into()).message(crate::Lang::Ja),
            format!(
                "上限 `max_dept` はありません。`max_depth` のことですか？（使える上限: {}）",
                crate::Limits::NAMES.map(|n| format!("`{n}`")).join(", ")
            )
        );
    }
}
