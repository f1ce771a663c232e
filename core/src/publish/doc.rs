//! What a published document is made of, before it is HTML or Markdown: headings, paragraphs,
//! lists, label–value pairs, tables and charts, whose text is either our own words or text from
//! the plan.
//!
//! The plan is walked once, into these blocks; [`super::html`] and [`super::markdown`] only
//! write them out. So the two formats cannot drift apart in content, and there is exactly one
//! place in each writer where text from the data meets markup: every [`Inline::Data`] goes
//! through [`super::escape`] there, and no block can carry markup of its own.

use super::chart::Chart;

/// A run of text in a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    /// The library's own words (headings, labels, numbers we format).
    Word(String),
    /// Text from the plan. `ja` is set when an English page shows the Japanese original for
    /// want of a translation, so that the HTML can say `lang="ja"` and screen readers switch.
    Data { text: String, ja: bool },
    /// A link to a part of the same page, by the anchor of a heading.
    Anchor { to: String, text: Line },
    /// A link to a document elsewhere; written as a link only when [`super::escape::safe_url`]
    /// allows it, else as text.
    Url { url: String, text: Line },
    /// A sign for the eye (✓) that screen readers skip; `spoken` is what they read instead.
    Mark { shown: &'static str, spoken: String },
}

/// A line of text: runs side by side.
pub(crate) type Line = Vec<Inline>;

/// One part of the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A heading of `level` 1–6 with the anchor other parts link to; `toc` puts it in the table
    /// of contents.
    Heading {
        level: u8,
        anchor: String,
        text: Line,
        toc: bool,
    },
    /// A paragraph.
    Para(Line),
    /// A quotation (a resident's voice).
    Quote(Line),
    /// A bulleted list, one line per item.
    List(Vec<Line>),
    /// A nested list: each item with its depth, 0 at the top (the plan's outline, the
    /// districts' hierarchy).
    Outline(Vec<(usize, Line)>),
    /// A block others link to by `anchor`, where it is not a heading (a district's challenge).
    Anchored { anchor: String, block: Box<Block> },
    /// Where the table of contents goes, under this title (HTML; GitHub shows its own
    /// outline of a Markdown file).
    Contents(Line),
    /// Label–value pairs (現状値: 23.4%).
    Fields(Vec<(Line, Line)>),
    /// A table with a caption, column headings and a row heading for each row.
    Table(Table),
    /// A trend chart (HTML only; the Markdown has the table that follows it instead).
    Chart(Box<Chart>),
    /// A part that starts on a new page in print: a top-level goal.
    Part(Vec<Block>),
    /// Blocks kept on one page in print where they fit: a heading with its chart and table.
    Keep(Vec<Block>),
}

/// A table: every row has a heading cell (`<th scope="row">`) and one cell per column heading
/// after the first.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Table {
    /// What the table shows (`<caption>`).
    pub caption: Line,
    /// The column headings, the first over the row headings.
    pub head: Vec<Line>,
    /// The rows.
    pub rows: Vec<Row>,
    /// A class for the stylesheet (`matrix` centres its marks).
    pub class: &'static str,
}

/// A table row: its heading and its cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Row {
    /// The row's heading cell.
    pub head: Line,
    /// The other cells.
    pub cells: Vec<Line>,
}

/// Our own words as a line.
pub(crate) fn word(s: impl Into<String>) -> Inline {
    Inline::Word(s.into())
}

/// A heading.
pub(crate) fn heading(level: usize, anchor: impl Into<String>, text: Line, toc: bool) -> Block {
    Block::Heading {
        level: level.clamp(1, 6) as u8,
        anchor: anchor.into(),
        text,
        toc,
    }
}

/// The plain text of a line, marks as their spoken words: for ids, tests and chart labels.
pub(crate) fn plain(line: &[Inline]) -> String {
    let mut out = String::new();
    for i in line {
        match i {
            Inline::Word(s) | Inline::Data { text: s, .. } => out.push_str(s),
            Inline::Anchor { text, .. } | Inline::Url { text, .. } => out.push_str(&plain(text)),
            Inline::Mark { shown, .. } => out.push_str(shown),
        }
    }
    out
}
