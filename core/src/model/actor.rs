//! Actors (担い手): who carries the plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id, Text};

/// Someone who carries the plan: residents, neighbourhood associations, the social welfare
/// council, the city … (地域福祉の担い手).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The actor's id, which initiatives refer to.
    pub id: Id,
    /// What kind of body this is.
    pub kind: ActorKind,
    /// Its name in the plan, such as 自治会.
    pub name: Text,
    /// The help sector it usually acts in (a code of the plan's help model); a participation
    /// may place it in another. None when the plan has no help model or does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Id>,
    /// The publisher that is the same body (id), such as the social welfare council of a
    /// joint plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Id>,
    /// What the plan says of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// The kinds of body that regional welfare plans name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// 市民・住民: residents.
    Resident,
    /// 自治会・町内会: neighbourhood associations.
    NeighborhoodAssociation,
    /// まちづくり協議会: district community councils.
    CommunityCouncil,
    /// 社会福祉協議会 (社協): the social welfare council.
    SocialWelfareCouncil,
    /// 民生委員・児童委員: commissioned welfare and child volunteers.
    WelfareCommissioner,
    /// ボランティア・NPO: volunteers and non-profit organisations.
    VolunteerNpo,
    /// 福祉事業所: welfare service providers.
    WelfareProvider,
    /// 事業所・企業: businesses.
    Business,
    /// 市民団体: civic groups.
    CivicGroup,
    /// 関係団体・関係機関: related organisations and agencies.
    RelatedOrganization,
    /// 市町村・行政: the municipality itself.
    Municipality,
    /// その他: anything else.
    Other,
}

impl ActorKind {
    /// Every kind, in codelist order.
    pub const ALL: [ActorKind; 12] = [
        ActorKind::Resident,
        ActorKind::NeighborhoodAssociation,
        ActorKind::CommunityCouncil,
        ActorKind::SocialWelfareCouncil,
        ActorKind::WelfareCommissioner,
        ActorKind::VolunteerNpo,
        ActorKind::WelfareProvider,
        ActorKind::Business,
        ActorKind::CivicGroup,
        ActorKind::RelatedOrganization,
        ActorKind::Municipality,
        ActorKind::Other,
    ];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ActorKind::Resident => ("resident", "市民・住民", "residents"),
            ActorKind::NeighborhoodAssociation => (
                "neighborhood_association",
                "自治会・町内会",
                "neighbourhood associations",
            ),
            ActorKind::CommunityCouncil => ("community_council", "まちづくり協議会", "community councils"),
            ActorKind::SocialWelfareCouncil => (
                "social_welfare_council",
                "社会福祉協議会",
                "social welfare council",
            ),
            ActorKind::WelfareCommissioner => (
                "welfare_commissioner",
                "民生委員・児童委員",
                "welfare and child commissioners",
            ),
            ActorKind::VolunteerNpo => ("volunteer_npo", "ボランティア・NPO", "volunteers and NPOs"),
            ActorKind::WelfareProvider => ("welfare_provider", "福祉事業所", "welfare service providers"),
            ActorKind::Business => ("business", "事業所・企業", "businesses"),
            ActorKind::CivicGroup => ("civic_group", "市民団体", "civic groups"),
            ActorKind::RelatedOrganization => (
                "related_organization",
                "関係団体・関係機関",
                "related organisations",
            ),
            ActorKind::Municipality => ("municipality", "市町村・行政", "the municipality"),
            ActorKind::Other => ("other", "その他", "other"),
        }
    }
}
