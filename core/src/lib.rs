//! # welfare-plan
//!
//! Japanese municipalities' regional welfare plans (地域福祉計画) as typed, validated data.
//!
//! A plan is one JSON document (the exchange format, described by the JSON Schema in
//! `schemas/`): its municipality and period, basic philosophy (基本理念), help model
//! (such as 自助・共助・公助), challenges (課題), and the plan's own tree of one to five levels
//! (such as 基本目標 → 活動目標 → 具体的取り組み), with indicators, projects, districts and the
//! actors who carry them. Format 2.0 is written; 1.0 documents are read through an upgrade.
//! [`check`] parses and validates a document and reports every issue with a stable code, a
//! JSON Pointer, and messages in Japanese and English. Iizuka City's 3rd plan is built in.
//!
//! What you call:
//! - [`check`], [`check_with`], [`check_reader`]: a document's every issue, all at once (shape
//!   problems and the semantic rules on every part whose shape is right), within [`Limits`];
//!   [`Checked::into_plan_and_warnings`] and [`load`] give the plan when it is valid.
//! - [`validate`]: the semantic rules again, on a plan built in code.
//! - The model ([`Plan`], [`Level`], [`Node`], [`Indicator`] …); [`Plan::all_nodes`],
//!   [`Plan::nodes_at_level`], [`Plan::initiatives`] and [`Plan::label`] to walk the tree at
//!   any depth; [`Plan::part_index`] to find a part by id; [`Plan::to_canonical_json`] to
//!   write it (a 1.0 document read by [`check`] is written as 2.0: that is the upgrade).
//! - [`Issue`] with its [`IssueCode`], [`Severity`] and [`Path`]; [`Error`], the crate's one
//!   error type.
//! - [`era`] (令和5年度 ⇄ 2023), [`render`] (the readable tree), [`schema`] (the JSON Schema),
//!   [`records`] (rows for data frames), [`codelist`] (the national municipality code list), [`iizuka`] (the embedded plan), [`sheet`] (xlsx and
//!   CSV tables, and the open-data CSV).
//!
//! ```
//! let plan = welfare_plan::iizuka::third_plan();
//! let json = plan.to_canonical_json();
//! let checked = welfare_plan::check(json.as_bytes());
//! assert!(checked.is_valid());
//! assert_eq!(welfare_plan::era::era_label(plan.period.start_fiscal_year.0).unwrap(), "令和5年度");
//! ```
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

/// The national code list (全国地方公共団体コード) a plan's municipality is checked against.
pub mod codelist;
pub mod diff;
pub mod era;
mod error;
pub mod iizuka;
mod limits;
/// Where a JSON Pointer lies in a text. Not part of the API: public for the fuzz targets only.
#[doc(hidden)]
pub mod locate;
mod model;
mod parse;
pub mod publish;
pub mod records;
pub mod render;
pub mod report;
pub mod schema;
mod shape;
pub mod sheet;
mod strict;
mod suggest;
mod upgrade;
mod validate;

pub use error::preview;
pub use error::{Error, Issue, IssueCode, Path, PathSegment, Severity};
pub use limits::{Limits, PARSER_MAX_DEPTH};
pub use model::*;
pub use parse::{check, check_reader, check_str, check_with, load, read_limited, Checked};
pub use validate::{validate, validate_with};
