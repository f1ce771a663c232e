//! Who publishes the plan, and the places and sub-plans it is organised by.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Text};

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
}

/// The kinds of body that publish regional welfare plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublisherKind {
    /// 市町村: the municipality (地域福祉計画).
    Municipality,
    /// 社会福祉協議会: the social welfare council (地域福祉活動計画).
    SocialWelfareCouncil,
}

impl PublisherKind {
    /// Every kind, in codelist order.
    pub const ALL: [PublisherKind; 2] = [PublisherKind::Municipality, PublisherKind::SocialWelfareCouncil];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PublisherKind::Municipality => ("municipality", "市町村", "municipality"),
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
}

/// A district (地区) that initiatives and bases can belong to, such as a まちづくり協議会 area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct District {
    /// The district's id.
    pub id: Id,
    /// Its name.
    pub name: Text,
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
}
