//! Who publishes the plan, and the places and sub-plans it is organised by.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Challenge, Extensions, FiscalYear, Id, Indicator, Node, Period, Quantity, Text};

/// A body that publishes the plan (策定主体). A joint plan (地域福祉計画・地域福祉活動計画)
/// has two: the municipality and its social welfare council.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// The publisher's id, which initiatives' `attributed_to` refers to.
    pub id: Id,
    /// What kind of body it is.
    pub kind: PublisherKind,
    /// Its name, such as 飯塚市.
    pub name: Text,
    /// The office that edited and issued the plan (編集・発行), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Office>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// The kinds of body that publish regional welfare plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublisherKind {
    /// 市町村: the municipality (地域福祉計画).
    Municipality,
    /// 行政区: a ward of a designated city, which may write its own plan (区計画).
    Ward,
    /// 社会福祉協議会: the social welfare council (地域福祉活動計画).
    SocialWelfareCouncil,
    /// その他: any other body.
    Other,
}

impl PublisherKind {
    /// Every kind, in codelist order.
    pub const ALL: [PublisherKind; 4] = [
        PublisherKind::Municipality,
        PublisherKind::Ward,
        PublisherKind::SocialWelfareCouncil,
        PublisherKind::Other,
    ];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PublisherKind::Municipality => ("municipality", "市町村", "municipality"),
            PublisherKind::Ward => ("ward", "行政区", "ward"),
            PublisherKind::Other => ("other", "その他", "other"),
            PublisherKind::SocialWelfareCouncil => (
                "social_welfare_council",
                "社会福祉協議会",
                "social welfare council",
            ),
        }
    }
}

/// An office inside a publishing body, from the top down: 飯塚市役所 福祉部
/// 社会・障がい者福祉課 社会福祉係.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The organisation, such as 飯塚市役所.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Text>,
    /// The department (部).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Text>,
    /// The division (課).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub division: Option<Text>,
    /// The section (係).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A sub-plan that the plan declares it contains (包含する計画), such as a
/// 成年後見制度利用促進基本計画 or a 再犯防止推進計画.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubPlan {
    /// The sub-plan's id, which initiatives refer to.
    pub id: Id,
    /// Its title.
    pub title: Text,
    /// The law or rule it is based on (根拠法), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<Text>,
    /// What it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Its own period, when it differs from the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Its own evaluation indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A district (地区) that nodes and bases can belong to, in a hierarchy such as 圏域 > 地区 >
/// 小学校区 > 自治会, with its figures and, for a 地区別計画, its own challenges and nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct District {
    /// The district's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// The district it lies in (id); none for a top-level district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// What the plan calls this layer of districts, such as 圏域, 地区 or 小学校区.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Text>,
    /// What the plan says of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Its figures by year, such as population or ageing rate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// The district's own challenges (地区の課題); their ids share the plan's namespace.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge>,
    /// The district's own plan (地区別計画): nodes named and numbered by the plan's levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<Node>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A figure of a district in a fiscal year, such as its population or ageing rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted, such as 人口 or 高齢化率.
    pub name: Text,
    /// The fiscal year (or the year the figure stands for).
    pub fiscal_year: FiscalYear,
    /// The value.
    pub value: Quantity,
    /// The unit, such as 人 or %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A base (拠点) where community welfare work happens, such as a 交流センター.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Base {
    /// The base's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// The district it serves (id); none for a city-wide base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<Id>,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}
