//! The plan, its evaluation and the changes between editions as documents people read: a
//! self-contained HTML page (inline CSS and SVG, print-ready) and GitHub-flavoured Markdown.

pub mod escape;
