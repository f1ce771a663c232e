//! Japanese fiscal years and eras (年度・元号): 2023 ⇄ 令和5年度.
//!
//! A fiscal year (年度) runs from April to March and is named by the calendar year it starts
//! in. When an era changes during a fiscal year, documents name the year by the era that
//! holds most of it: fiscal 2019 (April 2019 – March 2020) is 令和元年度 although April 2019
//! was still 平成31年; fiscal 1988 is 昭和63年度, and fiscal 1926 is 大正15年度. The rule
//! that gives all of these is "the era in force at the fiscal year's midpoint, 1 October".

use std::fmt;

use crate::Lang;

/// A Japanese era (元号) that fiscal years can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Era {
    /// The name in Japanese, such as 令和.
    pub name_ja: &'static str,
    /// The romanised name, such as Reiwa.
    pub name_en: &'static str,
    /// The one-letter abbreviation, such as R.
    pub letter: char,
    /// The calendar year of the era's first year (元年).
    pub first_year: i32,
    /// The era's first day as (month, day) of `first_year`.
    pub first_day: (u32, u32),
}

/// The eras from 明治 on, oldest first. 明治 is taken to start on 1 January 1868, as the
/// proclamation of that year made it retroactive.
pub const ERAS: [Era; 5] = [
    Era {
        name_ja: "明治",
        name_en: "Meiji",
        letter: 'M',
        first_year: 1868,
        first_day: (1, 1),
    },
    Era {
        name_ja: "大正",
        name_en: "Taisho",
        letter: 'T',
        first_year: 1912,
        first_day: (7, 30),
    },
    Era {
        name_ja: "昭和",
        name_en: "Showa",
        letter: 'S',
        first_year: 1926,
        first_day: (12, 25),
    },
    Era {
        name_ja: "平成",
        name_en: "Heisei",
        letter: 'H',
        first_year: 1989,
        first_day: (1, 8),
    },
    Era {
        name_ja: "令和",
        name_en: "Reiwa",
        letter: 'R',
        first_year: 2019,
        first_day: (5, 1),
    },
];

/// The earliest fiscal year this module writes or reads.
pub const MIN_FISCAL_YEAR: i32 = 1868;
/// The latest fiscal year this module writes or reads.
pub const MAX_FISCAL_YEAR: i32 = 2200;

/// Why an era year could not be read or written: the input and the reason, which says what
/// is wrong in both languages (a clerk typing 令和5年 reads why in Japanese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraError {
    /// The input, cut to a short preview.
    pub input: String,
    /// What is wrong.
    pub reason: EraReason,
}

impl EraError {
    /// The error for `input` (quoted in messages cut to a short preview, so that a huge input is
    /// never echoed back): for a binding refusing a number it cannot pass, say.
    pub fn new(input: &str, reason: EraReason) -> Self {
        EraError {
            input: crate::preview(input),
            reason,
        }
    }

    /// The whole message in `lang` (the English one is also the error's `Display`).
    ///
    /// ```
    /// use welfare_plan::{era::fiscal_year_from_era, Lang};
    /// let e = fiscal_year_from_era("令和5年").unwrap_err();
    /// assert_eq!(
    ///     e.message(Lang::Ja),
    ///     "`令和5年` は扱える年度ではありません\
    ///      （「年」は暦年の書き方です。年度は「令和5年度」のように書いてください）"
    /// );
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let (input, month) = (&self.input, self.reason == EraReason::NotAMonth);
        match (lang, month) {
            (Lang::En, false) => format!(
                "`{input}` is not a fiscal year this library can handle: {}",
                self.reason.en()
            ),
            (Lang::En, true) => format!(
                "`{input}` is not a month this library can handle: {}",
                self.reason.en()
            ),
            (Lang::Ja, false) => format!("`{input}` は扱える年度ではありません（{}）", self.reason.ja()),
            (Lang::Ja, true) => format!("`{input}` は扱える年月ではありません（{}）", self.reason.ja()),
        }
    }
}

impl fmt::Display for EraError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EraError {}

/// What is wrong with a fiscal year or month that [`EraError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EraReason {
    /// A fiscal year outside [`MIN_FISCAL_YEAR`]..=[`MAX_FISCAL_YEAR`], however it is written
    /// (令和99999年度 too).
    OutOfRange,
    /// A month of a year outside those years, or not 1 to 12.
    NotAMonth,
    /// Nothing but white space.
    Empty,
    /// A calendar year (令和5年), not a fiscal year (令和5年度).
    CalendarYear,
    /// Neither an era name and a year nor a Western year.
    NoEra,
    /// A year that is neither digits (ASCII or full-width) nor 元, such as 令和五年度.
    NotDigits,
    /// Year 0 of the era with this Japanese name.
    YearZero(&'static str),
}

impl EraReason {
    /// The reason in English.
    pub fn en(self) -> String {
        match self {
            EraReason::OutOfRange => {
                format!("fiscal years from {MIN_FISCAL_YEAR} to {MAX_FISCAL_YEAR} are supported")
            }
            EraReason::NotAMonth => {
                format!("months 1 to 12 of the years {MIN_FISCAL_YEAR} to {MAX_FISCAL_YEAR} are supported")
            }
            EraReason::Empty => "it is empty".to_owned(),
            EraReason::CalendarYear => {
                "this names a calendar year (年); a fiscal year ends in 年度, as in 令和5年度".to_owned()
            }
            EraReason::NoEra => "expected an era name (明治, 大正, 昭和, 平成, 令和 or M, T, S, H, R) \
                                 and a year, or a Western year"
                .to_owned(),
            EraReason::NotDigits => "the year must be written in digits (1, 2 …) or as 元".to_owned(),
            EraReason::YearZero(era) => format!("{era} has no year 0"),
        }
    }

    /// The reason in Japanese.
    pub fn ja(self) -> String {
        match self {
            EraReason::OutOfRange => {
                format!("{MIN_FISCAL_YEAR}年度から{MAX_FISCAL_YEAR}年度までに対応しています")
            }
            EraReason::NotAMonth => {
                format!("{MIN_FISCAL_YEAR}年から{MAX_FISCAL_YEAR}年までの1月から12月に対応しています")
            }
            EraReason::Empty => "何も書かれていません".to_owned(),
            EraReason::CalendarYear => {
                "「年」は暦年の書き方です。年度は「令和5年度」のように書いてください".to_owned()
            }
            EraReason::NoEra => "元号（明治・大正・昭和・平成・令和、またはM・T・S・H・R）と年、\
                                 または西暦の年を書いてください"
                .to_owned(),
            EraReason::NotDigits => "年は算用数字（1、2…）か「元」で書いてください".to_owned(),
            EraReason::YearZero(era) => format!("{era}0年はありません"),
        }
    }
}

impl fmt::Display for EraReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

/// The era of fiscal year `fiscal_year` and the year within it (1 = 元年).
///
/// ```
/// let (era, year) = welfare_plan::era::era_of(2019).unwrap();
/// assert_eq!((era.name_ja, year), ("令和", 1));
/// ```
pub fn era_of(fiscal_year: i32) -> Result<(Era, i32), EraError> {
    if !(MIN_FISCAL_YEAR..=MAX_FISCAL_YEAR).contains(&fiscal_year) {
        return Err(EraError::new(&fiscal_year.to_string(), EraReason::OutOfRange));
    }
    let era = ERAS
        .iter()
        .rev()
        .find(|e| (e.first_year, e.first_day) <= (fiscal_year, (10, 1)))
        .copied()
        .unwrap_or(ERAS[0]);
    Ok((era, fiscal_year - era.first_year + 1))
}

/// The Japanese name of a fiscal year: 2023 → 令和5年度, 2019 → 令和元年度.
///
/// ```
/// assert_eq!(welfare_plan::era::era_label(2023).unwrap(), "令和5年度");
/// assert_eq!(welfare_plan::era::era_label(2019).unwrap(), "令和元年度");
/// ```
pub fn era_label(fiscal_year: i32) -> Result<String, EraError> {
    let (era, n) = era_of(fiscal_year)?;
    Ok(if n == 1 {
        format!("{}元年度", era.name_ja)
    } else {
        format!("{}{n}年度", era.name_ja)
    })
}

/// The English name of a fiscal year: 2023 → `FY2023 (Reiwa 5)`.
pub fn era_label_en(fiscal_year: i32) -> Result<String, EraError> {
    let (era, n) = era_of(fiscal_year)?;
    Ok(format!("FY{fiscal_year} ({} {n})", era.name_en))
}

/// The Japanese name of a calendar month: 2023-03 → 令和5年3月. The era is the one in force
/// on the month's first day.
///
/// ```
/// assert_eq!(welfare_plan::era::month_label(2023, 3).unwrap(), "令和5年3月");
/// assert_eq!(welfare_plan::era::month_label(2019, 4).unwrap(), "平成31年4月");
/// ```
pub fn month_label(year: i32, month: i32) -> Result<String, EraError> {
    // Signed, so that a negative month (a JavaScript number, say) is this module's to refuse.
    let (true, Ok(month @ 1..=12)) = (
        (MIN_FISCAL_YEAR..=MAX_FISCAL_YEAR).contains(&year),
        u32::try_from(month),
    ) else {
        return Err(EraError::new(&format!("{year}-{month:02}"), EraReason::NotAMonth));
    };
    let era = ERAS
        .iter()
        .rev()
        .find(|e| (e.first_year, e.first_day) <= (year, (month, 1)))
        .copied()
        .unwrap_or(ERAS[0]);
    let n = year - era.first_year + 1;
    Ok(if n == 1 {
        format!("{}元年{month}月", era.name_ja)
    } else {
        format!("{}{n}年{month}月", era.name_ja)
    })
}

/// Reads a fiscal year written in an era or in Western years, returning the Western year.
///
/// Accepts 令和5年度, 令和元年度, 平成31年度, full-width digits (令和５年度), short forms
/// (R5, H30, r5年度), romanised names (Reiwa 5), and Western forms (2023, 2023年度, FY2023).
/// Years past an era's end are read as the projected years that documents written before
/// the change used (平成32年度 is 2020).
///
/// ```
/// use welfare_plan::era::fiscal_year_from_era;
/// assert_eq!(fiscal_year_from_era("令和5年度").unwrap(), 2023);
/// assert_eq!(fiscal_year_from_era("平成31年度").unwrap(), 2019);
/// assert_eq!(fiscal_year_from_era("R5").unwrap(), 2023);
/// assert!(fiscal_year_from_era("令和5年").is_err());
/// ```
pub fn fiscal_year_from_era(input: &str) -> Result<i32, EraError> {
    read_fiscal_year(input).map(|(year, _)| year)
}

/// [`fiscal_year_from_era`], with the era the year was written in: `None` for a Western year
/// (2023, ２０２３, 2023年度, FY2023), so that a converter knows which way the user asked.
///
/// ```
/// use welfare_plan::era::read_fiscal_year;
/// assert_eq!(read_fiscal_year("R5").unwrap().1.map(|e| e.name_ja), Some("令和"));
/// assert_eq!(read_fiscal_year("FY2023").unwrap(), (2023, None));
/// ```
pub fn read_fiscal_year(input: &str) -> Result<(i32, Option<Era>), EraError> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            // Full-width ASCII (digits, letters) to half-width.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    if s.is_empty() {
        return Err(EraError::new(input, EraReason::Empty));
    }
    let body = match s.strip_suffix("年度") {
        Some(b) => b,
        None if s.ends_with('年') => return Err(EraError::new(input, EraReason::CalendarYear)),
        None => &s,
    };
    let (era, digits) = split_era(body).ok_or_else(|| EraError::new(input, EraReason::NoEra))?;
    let year = match digits {
        "元" => 1,
        // More than four digits is a year past any this module handles, not a misspelling.
        d if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) => match d.parse::<i32>() {
            Ok(n) if d.len() <= 4 => n,
            _ => return Err(EraError::new(input, EraReason::OutOfRange)),
        },
        _ => return Err(EraError::new(input, EraReason::NotDigits)),
    };
    let fiscal_year = match era {
        Some(era) if year == 0 => return Err(EraError::new(input, EraReason::YearZero(era.name_ja))),
        Some(era) => era.first_year + year - 1,
        None => year,
    };
    if !(MIN_FISCAL_YEAR..=MAX_FISCAL_YEAR).contains(&fiscal_year) {
        return Err(EraError::new(input, EraReason::OutOfRange));
    }
    Ok((fiscal_year, era))
}

/// Splits `R5` / `令和5` / `Reiwa5` / `FY2023` / `2023` into (era, digits).
fn split_era(s: &str) -> Option<(Option<Era>, &str)> {
    for era in ERAS {
        for prefix in [era.name_ja, era.name_en] {
            if let Some(rest) = strip_prefix_ignore_case(s, prefix) {
                return Some((Some(era), rest));
            }
        }
        if let Some(rest) = s
            .strip_prefix(era.letter)
            .or_else(|| s.strip_prefix(era.letter.to_ascii_lowercase()))
        {
            return Some((Some(era), rest));
        }
    }
    let western = strip_prefix_ignore_case(s, "FY").unwrap_or(s);
    (western.len() == 4 && western.bytes().all(|b| b.is_ascii_digit())).then_some((None, western))
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

impl fmt::Display for Era {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_ja)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_midpoint_rule_at_every_era_change() {
        assert_eq!(era_label(2023).unwrap(), "令和5年度");
        assert_eq!(era_label(2019).unwrap(), "令和元年度");
        assert_eq!(era_label(2018).unwrap(), "平成30年度");
        assert_eq!(era_label(1989).unwrap(), "平成元年度");
        assert_eq!(era_label(1988).unwrap(), "昭和63年度");
        assert_eq!(era_label(1926).unwrap(), "大正15年度");
        assert_eq!(era_label(1927).unwrap(), "昭和2年度");
        assert_eq!(era_label(1912).unwrap(), "大正元年度");
        assert_eq!(era_label(1868).unwrap(), "明治元年度");
    }

    #[test]
    fn every_supported_year_round_trips_through_its_label() {
        for y in MIN_FISCAL_YEAR..=MAX_FISCAL_YEAR {
            assert_eq!(fiscal_year_from_era(&era_label(y).unwrap()).unwrap(), y);
        }
    }

    #[test]
    fn written_forms_all_read_the_same_year() {
        for s in [
            "令和5年度",
            "令和５年度",
            "R5",
            "r5",
            "R5年度",
            "Ｒ５",
            "Reiwa 5",
            " 令和 5 年度 ",
            "2023",
            "2023年度",
            "FY2023",
            "ＦＹ２０２３",
        ] {
            assert_eq!(fiscal_year_from_era(s).unwrap(), 2023, "{s}");
            // Which way a converter goes: the era the year was written in, none for 2023.
            let written_in = read_fiscal_year(s).unwrap().1.map(|e| e.name_ja);
            let western = s
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || "２ＦF".contains(c));
            assert_eq!(written_in, (!western).then_some("令和"), "{s}");
        }
        assert_eq!(fiscal_year_from_era("令和元年度").unwrap(), 2019);
        assert_eq!(fiscal_year_from_era("平成31年度").unwrap(), 2019);
        assert_eq!(fiscal_year_from_era("H30").unwrap(), 2018);
        assert_eq!(fiscal_year_from_era("平成32年度").unwrap(), 2020);
        assert_eq!(fiscal_year_from_era("S64").unwrap(), 1989);
    }

    #[test]
    fn bad_forms_say_why_in_both_languages() {
        for (s, want) in [
            ("", EraReason::Empty),
            ("令和", EraReason::NotDigits),
            ("令和0年度", EraReason::YearZero("令和")),
            ("令和5年", EraReason::CalendarYear),
            ("X5", EraReason::NoEra),
            ("令和五年度", EraReason::NotDigits),
            ("20230", EraReason::NoEra),
            ("令和99999年度", EraReason::OutOfRange),
            ("平成-1年度", EraReason::NotDigits),
            ("令和200年度", EraReason::OutOfRange),
        ] {
            let e = fiscal_year_from_era(s).unwrap_err();
            assert_eq!(e.reason, want, "{s}");
            assert_eq!(
                e.message(Lang::En),
                format!(
                    "`{s}` is not a fiscal year this library can handle: {}",
                    want.en()
                )
            );
            assert_eq!(e.to_string(), e.message(Lang::En));
            assert_eq!(
                e.message(Lang::Ja),
                format!("`{s}` は扱える年度ではありません（{}）", want.ja())
            );
        }
        assert_eq!(
            fiscal_year_from_era("令和0年度").unwrap_err().message(Lang::Ja),
            "`令和0年度` は扱える年度ではありません（令和0年はありません）"
        );
        assert_eq!(month_label(2023, -1).unwrap_err().reason, EraReason::NotAMonth);
        let month = month_label(2023, 13).unwrap_err();
        assert_eq!(
            month.message(Lang::Ja),
            "`2023-13` は扱える年月ではありません（1868年から2200年までの1月から12月に対応しています）"
        );
        assert_eq!(
            month.to_string(),
            "`2023-13` is not a month this library can handle: months 1 to 12 of the years 1868 to 2200 are supported"
        );
        assert!(era_label(1867).is_err());
        assert!(era_label(2201).is_err());
    }

    #[test]
    fn english_label_names_the_era() {
        assert_eq!(era_label_en(2032).unwrap(), "FY2032 (Reiwa 14)");
    }
}
