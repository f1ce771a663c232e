//! `municipality.code_invalid`, `municipality.check_digit`, `municipality.prefecture_mismatch`:
//! the 全国地方公共団体コード must be six digits naming a prefecture, end in the right check
//! digit, and agree with the prefecture the plan names.

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
