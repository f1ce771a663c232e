//! `municipality.code_invalid`, `municipality.check_digit`, `municipality.prefecture_mismatch`,
//! `municipality.unknown_code`, `municipality.name_mismatch`, `municipality.code_list_outdated`:
//! the 全国地方公共団体コード must be six digits naming a prefecture, end in the right check
//! digit, agree with the prefecture the plan names, and name in the national code list
//! ([`crate::codelist`]) the municipality the plan names. Where the list may be outdated for
//! the plan (it starts more than [`crate::codelist::CURRENT_FOR_FISCAL_YEARS`] fiscal years
//! after the list's, or ended before it), a disagreement with the list is a warning.

use crate::error::{Issue, IssueCode, Path};
use crate::model::{prefecture_name, MunicipalityCode as Code};
use crate::preview;
use crate::validate::{Context, Rule};

pub struct MunicipalityCode;

impl Rule for MunicipalityCode {
    fn name(&self) -> &'static str {
        "municipality_code"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[
            IssueCode::MunicipalityCodeInvalid,
            IssueCode::CheckDigit,
            IssueCode::PrefectureMismatch,
            IssueCode::UnknownMunicipalityCode,
            IssueCode::MunicipalityNameMismatch,
            IssueCode::CodeListOutdated,
        ]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let m = &cx.plan.municipality;
        let code_path = Path::root().key("municipality").key("code");
        let shown = preview(&m.code.0);
        let Some(d @ [d0, d1, d2, d3, d4, d5]) = m.code.digits() else {
            out.push(Issue::new(
                IssueCode::MunicipalityCodeInvalid,
                code_path,
                format!("municipality code `{shown}` must be six ascii digits"),
                format!("団体コード `{shown}` は半角数字6桁で書いてください"),
            ));
            return;
        };
        let Some(prefecture) = prefecture_name(d[0] * 10 + d[1]) else {
            out.push(Issue::new(
                IssueCode::MunicipalityCodeInvalid,
                code_path,
                format!(
                    "municipality code `{shown}` starts with `{d0}{d1}`, which is no prefecture (01 to 47)"
                ),
                format!("団体コード `{shown}` の先頭 `{d0}{d1}` は都道府県コード（01〜47）ではありません"),
            ));
            return;
        };
        let want = Code::expected_check_digit([d0, d1, d2, d3, d4]);
        if want != d5 {
            out.push(Issue::new(
                IssueCode::CheckDigit,
                code_path,
                format!("municipality code `{shown}` has check digit `{d5}`; its first five digits call for `{want}`"),
                format!("団体コード `{shown}` の検査数字は `{want}` のはずですが `{d5}` です"),
            ));
        }
        if want == d5 {
            check_list(cx, &m.code.0, prefecture, out);
        }
        if m.prefecture.ja.trim() != prefecture {
            let given = preview(&m.prefecture.ja);
            out.push(Issue::new(
                IssueCode::PrefectureMismatch,
                Path::root().key("municipality").key("prefecture").key("ja"),
                format!("prefecture `{given}` does not match code `{shown}`, which is in `{prefecture}`"),
                format!("都道府県 `{given}` が団体コード `{shown}`（{prefecture}）と一致しません"),
            ));
        }
    }
}

/// The code (whose check digit is right) and the name against the national code list.
fn check_list(cx: &Context<'_>, code: &str, prefecture: &str, out: &mut Vec<Issue>) {
    if crate::codelist::is_synthetic(code) || !crate::codelist::is_available() {
        return;
    }
    let m = &cx.plan.municipality;
    let period = &cx.plan.period;
    let list_year = crate::codelist::as_of_fiscal_year();
    let as_of = crate::codelist::as_of();
    let after = period.start_fiscal_year.0 > list_year + crate::codelist::CURRENT_FOR_FISCAL_YEARS;
    let before = period.end_fiscal_year.0 < list_year;
    let shown = preview(code);
    let (path, en, ja, strict_code) = match crate::codelist::name_of(code) {
        None => (
            Path::root().key("municipality").key("code"),
            format!("no municipality has code `{shown}` in the national code list (as of {as_of})"),
            format!("団体コード `{shown}` の団体は全国地方公共団体コード（{as_of}時点）にありません"),
            IssueCode::UnknownMunicipalityCode,
        ),
        Some(listed) if crate::codelist::names_match(&m.name.ja, listed, prefecture) => return,
        Some(listed) => {
            let given = preview(&m.name.ja);
            let digits = code.get(..2).unwrap_or_default();
            let (hint_en, hint_ja) = match crate::codelist::code_of(digits, &m.name.ja) {
                Some(other) => (
                    format!("; {given} is `{other}`"),
                    format!("。{given}は `{other}` です"),
                ),
                None => (String::new(), String::new()),
            };
            (
                Path::root().key("municipality").key("name").key("ja"),
                format!("code `{shown}` is {listed} in the national code list (as of {as_of}), not {given}{hint_en}"),
                format!("団体コード `{shown}` は全国地方公共団体コード（{as_of}時点）では{listed}で、{given}ではありません{hint_ja}"),
                IssueCode::MunicipalityNameMismatch,
            )
        }
    };
    if !(after || before) {
        out.push(Issue::new(strict_code, path, en, ja));
        return;
    }
    let (why_en, why_ja) = if after {
        (
            format!("the plan starts in fiscal {}, and the list may be outdated: if the municipality was created or renamed since, update the list (scripts/municipality-codes)", period.start_fiscal_year.0),
            format!("計画は{}年度からで、一覧が古い可能性があります。その後に設置・改称された団体なら一覧を更新してください（scripts/municipality-codes）", period.start_fiscal_year.0),
        )
    } else {
        (
            format!("the plan ended in fiscal {}, before the list's date: the municipality may have merged or been renamed since", period.end_fiscal_year.0),
            format!("計画は{}年度までで一覧より前のため、その後に合併・改称された可能性があります", period.end_fiscal_year.0),
        )
    };
    out.push(Issue::new(
        IssueCode::CodeListOutdated,
        path,
        format!("{en}; {why_en}"),
        format!("{ja}。{why_ja}"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn a_wrong_check_digit_is_reported_with_the_right_one() {
        let mut p = plan();
        p.municipality.code.0 = "402051".into();
        let issues = crate::validate(&p);
        assert_eq!(
            found(&p),
            expect(&[("municipality.check_digit", "/municipality/code")])
        );
        assert!(issues[0].message_en.contains("call for `2`"));
    }

    #[test]
    fn malformed_codes_and_unknown_prefectures_are_invalid() {
        for bad in ["40205", "４０２０５２", "482052", "002052"] {
            let mut p = plan();
            p.municipality.code.0 = bad.into();
            assert_eq!(
                found(&p),
                expect(&[("municipality.code_invalid", "/municipality/code")]),
                "{bad}"
            );
        }
    }

    /// The Iizuka plan moved to a period the code list (as of 2019) is current for.
    fn plan_of_the_lists_years() -> crate::model::Plan {
        let mut p = plan();
        p.period.start_fiscal_year.0 = 2019;
        p.period.end_fiscal_year.0 = 2021;
        p.period.phases.clear();
        p.period.mid_term_review_fiscal_year = None;
        p
    }

    #[test]
    #[cfg(feature = "municipality-codes")]
    fn a_code_no_municipality_has_is_an_error_while_the_list_is_current() {
        let mut p = plan_of_the_lists_years();
        p.municipality.code.0 = "409995".into();
        assert_eq!(
            found(&p),
            expect(&[("municipality.unknown_code", "/municipality/code")])
        );
        let issues = crate::validate(&p);
        assert!(
            issues[0].message_en.contains("`409995`"),
            "{}",
            issues[0].message_en
        );
        assert!(issues[0].message_ja.contains("全国地方公共団体コード"));
    }

    #[test]
    #[cfg(feature = "municipality-codes")]
    fn a_name_the_code_does_not_have_is_an_error_that_names_both_codes() {
        let mut p = plan_of_the_lists_years();
        p.municipality.name.ja = "千代田区".into();
        assert_eq!(
            found(&p),
            expect(&[("municipality.name_mismatch", "/municipality/name/ja")])
        );
        let issues = crate::validate(&p);
        assert!(
            issues[0].message_en.contains("`402052` is 飯塚市"),
            "{}",
            issues[0].message_en
        );
        // 千代田区 is in Tokyo, not in Fukuoka: no code of Fukuoka's is offered.
        assert!(
            !issues[0].message_en.contains("131016"),
            "{}",
            issues[0].message_en
        );
        p.municipality.name.ja = "福岡市".into();
        let issues = crate::validate(&p);
        assert!(
            issues[0].message_en.ends_with("福岡市 is `401307`"),
            "{}",
            issues[0].message_en
        );
        assert!(
            issues[0].message_ja.contains("福岡市は `401307` です"),
            "{}",
            issues[0].message_ja
        );
    }

    #[test]
    #[cfg(feature = "municipality-codes")]
    fn after_the_lists_years_a_disagreement_is_a_warning_that_says_the_list_may_be_outdated() {
        // Iizuka's plan starts in fiscal 2023, more than two years after the list's 2019.
        let mut p = plan();
        p.municipality.code.0 = "409995".into();
        assert_eq!(
            found(&p),
            expect(&[("municipality.code_list_outdated", "/municipality/code")])
        );
        let issues = crate::validate(&p);
        assert!(!issues[0].is_error());
        assert!(
            issues[0].message_en.contains("may be outdated"),
            "{}",
            issues[0].message_en
        );
        assert!(
            issues[0].message_ja.contains("一覧が古い可能性"),
            "{}",
            issues[0].message_ja
        );
        let mut p = plan();
        p.municipality.name.ja = "千代田区".into();
        assert_eq!(
            found(&p),
            expect(&[("municipality.code_list_outdated", "/municipality/name/ja")])
        );
    }

    #[test]
    #[cfg(feature = "municipality-codes")]
    fn before_the_lists_years_a_disagreement_is_a_warning_too() {
        let mut p = plan_of_the_lists_years();
        p.period.start_fiscal_year.0 = 2010;
        p.period.end_fiscal_year.0 = 2014;
        p.municipality.name.ja = "千代田区".into();
        let issues = crate::validate(&p);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code.as_str(), "municipality.code_list_outdated");
        assert!(
            issues[0].message_en.contains("merged or been renamed"),
            "{}",
            issues[0].message_en
        );
    }

    #[test]
    #[cfg(feature = "municipality-codes")]
    fn the_right_code_and_name_and_synthetic_codes_pass() {
        let mut p = plan_of_the_lists_years();
        assert_eq!(found(&p), expect(&[]));
        p.municipality.name.ja = "福岡県飯塚市".into();
        assert_eq!(found(&p), expect(&[]));
        // A synthetic code (municipality digits 900 to 909) is not looked up.
        p.municipality.code.0 = "409014".into();
        p.municipality.name.ja = "みどり野町（架空）".into();
        assert_eq!(found(&p), expect(&[]));
    }

    #[test]
    fn a_wrong_check_digit_is_not_looked_up_as_well() {
        let mut p = plan_of_the_lists_years();
        p.municipality.code.0 = "409990".into();
        assert_eq!(
            found(&p),
            expect(&[("municipality.check_digit", "/municipality/code")])
        );
    }

    #[test]
    fn the_prefecture_must_match_the_code() {
        let mut p = plan();
        p.municipality.prefecture.ja = "佐賀県".into();
        assert_eq!(
            found(&p),
            expect(&[("municipality.prefecture_mismatch", "/municipality/prefecture/ja")])
        );
    }
}
