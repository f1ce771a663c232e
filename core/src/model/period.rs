//! The plan period (計画期間) in fiscal years, and the publication month.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

use super::{Extensions, Id, Text};

/// A Japanese fiscal year (年度), named by the calendar year it starts in: fiscal year 2023
/// runs from April 2023 to March 2024 and is 令和5年度.
///
/// Any integer that fits parses; the `fiscal_year.out_of_range` rule then rejects years outside
/// [`FiscalYear::MIN`]..=[`FiscalYear::MAX`], so that every bad year is reported at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// The first year the era tables cover (明治元年).
    pub const MIN: i32 = 1868;
    /// The last year the format accepts.
    pub const MAX: i32 = 2200;

    /// Whether the year lies in the supported range.
    pub fn in_range(self) -> bool {
        (Self::MIN..=Self::MAX).contains(&self.0)
    }
}

impl JsonSchema for FiscalYear {
    fn schema_name() -> Cow<'static, str> {
        "FiscalYear".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A Japanese fiscal year (年度), named by the calendar year it starts in: 2023 is 令和5年度 (April 2023 to March 2024).",
            "type": "integer",
            "minimum": FiscalYear::MIN,
            "maximum": FiscalYear::MAX,
            "examples": [2023]
        })
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A calendar month, written `YYYY-MM` in JSON: when a plan was published (発行年月).
///
/// ```
/// let ym: welfare_plan::YearMonth = "2023-03".parse().unwrap();
/// assert_eq!((ym.year(), ym.month()), (2023, 3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// A month of a year; `None` unless `month` is 1 to 12 and `year` has four digits.
    pub fn new(year: u16, month: u8) -> Option<Self> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }

    /// The calendar year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The fiscal year the month falls in (January to March belong to the previous one).
    pub fn fiscal_year(self) -> FiscalYear {
        let y = i32::from(self.year);
        FiscalYear(if self.month >= 4 { y } else { y - 1 })
    }
}

/// The reason a `YYYY-MM` string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearMonthError;

impl std::str::FromStr for YearMonth {
    type Err = YearMonthError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
        match b {
            [y @ .., b'-', m1, m2] if y.len() == 4 && digits(y) && digits(&[*m1, *m2]) => {
                let year = y.iter().fold(0u16, |a, d| a * 10 + u16::from(d - b'0'));
                YearMonth::new(year, (m1 - b'0') * 10 + (m2 - b'0')).ok_or(YearMonthError)
            }
            _ => Err(YearMonthError),
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = YearMonth;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year and month written YYYY-MM")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<YearMonth, E> {
                s.parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(s), &self))
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for YearMonth {
    fn schema_name() -> Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar month written YYYY-MM (年月), such as 2023-03 for 令和5年3月.",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "examples": ["2023-03"]
        })
    }
}

/// The plan period (計画期間): inclusive first and last fiscal years, optionally split into
/// phases (前期・後期) with a mid-term review (中間見直し).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first fiscal year of the plan (計画初年度).
    pub start_fiscal_year: FiscalYear,
    /// The last fiscal year of the plan, inclusive (最終年度).
    pub end_fiscal_year: FiscalYear,
    /// Phases the period is divided into, such as a first and a second half (前期・後期).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// The fiscal year of the mid-term review (中間見直し), if the plan sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mid_term_review_fiscal_year: Option<FiscalYear>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Period {
    /// Whether `year` falls within the period.
    pub fn contains(&self, year: FiscalYear) -> bool {
        (self.start_fiscal_year..=self.end_fiscal_year).contains(&year)
    }

    /// The number of fiscal years the period spans (0 when reversed).
    pub fn len_years(&self) -> i64 {
        (i64::from(self.end_fiscal_year.0) - i64::from(self.start_fiscal_year.0) + 1).max(0)
    }
}

/// A phase of the plan period (期), such as 前期 (first half) or 後期 (second half).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// The phase's id.
    pub id: Id,
    /// Its name, such as 前期.
    pub name: Text,
    /// Its first fiscal year.
    pub start_fiscal_year: FiscalYear,
    /// Its last fiscal year, inclusive.
    pub end_fiscal_year: FiscalYear,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A revised edition of the plan (改訂), such as the one after the mid-term review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// When the revision was published (発行年月).
    pub published: YearMonth,
    /// What was revised.
    pub description: Text,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_month_parses_only_valid_months() {
        assert_eq!(
            "2023-03".parse::<YearMonth>().map(|m| m.to_string()),
            Ok("2023-03".into())
        );
        for bad in [
            "2023-13",
            "2023-00",
            "2023-3",
            "23-03",
            "2023/03",
            "２０２３-03",
            "",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }

    #[test]
    fn march_belongs_to_the_previous_fiscal_year() {
        let march: YearMonth = "2023-03".parse().unwrap_or(YearMonth { year: 0, month: 0 });
        assert_eq!(march.fiscal_year(), FiscalYear(2022));
        let april: YearMonth = "2023-04".parse().unwrap_or(YearMonth { year: 0, month: 0 });
        assert_eq!(april.fiscal_year(), FiscalYear(2023));
    }
}
