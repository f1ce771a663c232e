//! The municipality a plan belongs to, and its local government code.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::{Extensions, Text};

/// The municipality (市町村) that adopts the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// The 6-digit local government code (全国地方公共団体コード), check digit included.
    pub code: MunicipalityCode,
    /// The municipality's name, such as 飯塚市.
    pub name: Text,
    /// The prefecture (都道府県) it lies in; must agree with the code's first two digits.
    pub prefecture: Text,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A 全国地方公共団体コード such as `402052` (Iizuka): two digits of prefecture, three of
/// municipality, one check digit. The shape and the check digit are checked by rules
/// (`municipality.code_invalid`, `municipality.check_digit`), not while parsing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MunicipalityCode(pub String);

impl MunicipalityCode {
    /// The six digits, if the code has that shape.
    pub fn digits(&self) -> Option<[u8; 6]> {
        let b: &[u8; 6] = self.0.as_bytes().try_into().ok()?;
        b.iter().all(u8::is_ascii_digit).then(|| b.map(|d| d - b'0'))
    }

    /// The check digit the first five digits call for: weights 6, 5, 4, 3, 2; r = sum mod 11;
    /// check digit = (11 − r) mod 10.
    ///
    /// ```
    /// use welfare_plan::MunicipalityCode;
    /// assert_eq!(MunicipalityCode::expected_check_digit([4, 0, 2, 0, 5]), 2); // 飯塚市 402052
    /// ```
    pub fn expected_check_digit(first_five: [u8; 5]) -> u8 {
        let sum: u32 = first_five
            .iter()
            .zip([6u32, 5, 4, 3, 2])
            .map(|(&d, w)| u32::from(d) * w)
            .sum();
        ((11 - sum % 11) % 10) as u8
    }

    /// The prefecture number (01 北海道 … 47 沖縄県), if the code has the right shape.
    pub fn prefecture_number(&self) -> Option<u8> {
        self.digits().map(|d| d[0] * 10 + d[1])
    }
}

impl JsonSchema for MunicipalityCode {
    fn schema_name() -> Cow<'static, str> {
        "MunicipalityCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The 6-digit local government code (全国地方公共団体コード) with its check digit. The library also verifies the check digit and the prefecture.",
            "type": "string",
            "pattern": "^[0-9]{6}$",
            "examples": ["402052"]
        })
    }
}

/// The 47 prefectures in code order (01 北海道 … 47 沖縄県), Japanese and English.
pub const PREFECTURES: [(&str, &str); 47] = [
    ("北海道", "Hokkaido"),
    ("青森県", "Aomori"),
    ("岩手県", "Iwate"),
    ("宮城県", "Miyagi"),
    ("秋田県", "Akita"),
    ("山形県", "Yamagata"),
    ("福島県", "Fukushima"),
    ("茨城県", "Ibaraki"),
    ("栃木県", "Tochigi"),
    ("群馬県", "Gunma"),
    ("埼玉県", "Saitama"),
    ("千葉県", "Chiba"),
    ("東京都", "Tokyo"),
    ("神奈川県", "Kanagawa"),
    ("新潟県", "Niigata"),
    ("富山県", "Toyama"),
    ("石川県", "Ishikawa"),
    ("福井県", "Fukui"),
    ("山梨県", "Yamanashi"),
    ("長野県", "Nagano"),
    ("岐阜県", "Gifu"),
    ("静岡県", "Shizuoka"),
    ("愛知県", "Aichi"),
    ("三重県", "Mie"),
    ("滋賀県", "Shiga"),
    ("京都府", "Kyoto"),
    ("大阪府", "Osaka"),
    ("兵庫県", "Hyogo"),
    ("奈良県", "Nara"),
    ("和歌山県", "Wakayama"),
    ("鳥取県", "Tottori"),
    ("島根県", "Shimane"),
    ("岡山県", "Okayama"),
    ("広島県", "Hiroshima"),
    ("山口県", "Yamaguchi"),
    ("徳島県", "Tokushima"),
    ("香川県", "Kagawa"),
    ("愛媛県", "Ehime"),
    ("高知県", "Kochi"),
    ("福岡県", "Fukuoka"),
    ("佐賀県", "Saga"),
    ("長崎県", "Nagasaki"),
    ("熊本県", "Kumamoto"),
    ("大分県", "Oita"),
    ("宮崎県", "Miyazaki"),
    ("鹿児島県", "Kagoshima"),
    ("沖縄県", "Okinawa"),
];

/// The Japanese name of prefecture `number` (1 to 47).
pub fn prefecture_name(number: u8) -> Option<&'static str> {
    PREFECTURES.get(usize::from(number).checked_sub(1)?).map(|p| p.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iizuka_code_has_a_valid_check_digit_and_lies_in_fukuoka() {
        let code = MunicipalityCode("402052".into());
        let d = code.digits().unwrap();
        assert_eq!(
            MunicipalityCode::expected_check_digit([d[0], d[1], d[2], d[3], d[4]]),
            d[5]
        );
        assert_eq!(code.prefecture_number().and_then(prefecture_name), Some("福岡県"));
    }

    #[test]
    fn known_codes_check_out() {
        // 札幌市 011002, 千代田区 131016, 那覇市 472018
        for c in ["011002", "131016", "472018"] {
            let d = MunicipalityCode(c.into()).digits().unwrap();
            assert_eq!(
                MunicipalityCode::expected_check_digit([d[0], d[1], d[2], d[3], d[4]]),
                d[5],
                "{c}"
            );
        }
    }

    #[test]
    fn wrong_shapes_have_no_digits() {
        for c in ["40205", "4020521", "40205x", "４０２０５２"] {
            assert!(MunicipalityCode(c.into()).digits().is_none(), "{c}");
        }
    }
}
