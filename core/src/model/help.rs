//! The help model: 自助・(互助・)共助・公助.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id, Text};

/// Who carries a piece of work, in the help model that Japanese welfare plans use.
///
/// The three-help model is 自助・共助・公助; the four-help model adds 互助 (informal help
/// between neighbours) and then uses 共助 for institutionalised, community-wide support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HelpSector {
    /// 自助: what residents do themselves.
    SelfHelp,
    /// 互助: informal help between neighbours and friends (four-help model only).
    ReciprocalHelp,
    /// 共助: support the community organises together.
    MutualHelp,
    /// 公助: services the public administration provides.
    PublicHelp,
}

impl HelpSector {
    /// Every sector, in the order plans list them.
    pub const ALL: [HelpSector; 4] = [
        HelpSector::SelfHelp,
        HelpSector::ReciprocalHelp,
        HelpSector::MutualHelp,
        HelpSector::PublicHelp,
    ];

    /// The built-in sector with code `code`, if it is one.
    pub fn from_code(code: &str) -> Option<HelpSector> {
        HelpSector::ALL.into_iter().find(|h| h.code() == code)
    }

    /// The code used in JSON, such as `self_help`.
    pub fn code(self) -> &'static str {
        match self {
            HelpSector::SelfHelp => "self_help",
            HelpSector::ReciprocalHelp => "reciprocal_help",
            HelpSector::MutualHelp => "mutual_help",
            HelpSector::PublicHelp => "public_help",
        }
    }

    /// The Japanese label: 自助, 互助, 共助 or 公助.
    pub fn label_ja(self) -> &'static str {
        match self {
            HelpSector::SelfHelp => "自助",
            HelpSector::ReciprocalHelp => "互助",
            HelpSector::MutualHelp => "共助",
            HelpSector::PublicHelp => "公助",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            HelpSector::SelfHelp => "self-help",
            HelpSector::ReciprocalHelp => "reciprocal help",
            HelpSector::MutualHelp => "mutual help",
            HelpSector::PublicHelp => "public help",
        }
    }

    /// Parses a code (`self_help`) or a Japanese label (`自助`).
    pub fn parse(s: &str) -> Option<HelpSector> {
        HelpSector::ALL
            .into_iter()
            .find(|h| h.code() == s || h.label_ja() == s)
    }

    /// [`HelpSector::parse`], with an error that names every sector for a name that is none:
    /// the one message every binding shows.
    ///
    /// ```
    /// use welfare_plan::HelpSector;
    /// assert_eq!(HelpSector::from_name("共助").unwrap(), HelpSector::MutualHelp);
    /// let e = HelpSector::from_name("kyojo").unwrap_err().to_string();
    /// assert!(e.starts_with("unknown help sector `kyojo`; expected one of `self_help` (自助), "));
    /// ```
    pub fn from_name(s: &str) -> Result<HelpSector, crate::Error> {
        HelpSector::parse(s)
            .ok_or_else(|| crate::Error::UnknownSector(crate::preview(s), crate::error::sector_list()))
    }
}

/// Which help model a plan declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HelpModelKind {
    /// 自助・共助・公助: self-help, mutual help and public help.
    ThreeHelp,
    /// 自助・互助・共助・公助: adds reciprocal help between neighbours (互助).
    FourHelp,
    /// The plan's own list of sectors, each with a code, a label and a definition.
    Custom,
}

impl HelpModelKind {
    /// Both kinds, in codelist order.
    pub const ALL: [HelpModelKind; 3] = [
        HelpModelKind::ThreeHelp,
        HelpModelKind::FourHelp,
        HelpModelKind::Custom,
    ];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            HelpModelKind::ThreeHelp => ("three_help", "自助・共助・公助", "three-help model"),
            HelpModelKind::FourHelp => ("four_help", "自助・互助・共助・公助", "four-help model"),
            HelpModelKind::Custom => ("custom", "計画独自の区分", "the plan's own sectors"),
        }
    }

    /// The built-in sectors this model has, in order (none for a custom model).
    pub fn sectors(self) -> &'static [HelpSector] {
        match self {
            HelpModelKind::ThreeHelp => &[
                HelpSector::SelfHelp,
                HelpSector::MutualHelp,
                HelpSector::PublicHelp,
            ],
            HelpModelKind::FourHelp => &HelpSector::ALL,
            HelpModelKind::Custom => &[],
        }
    }
}

/// The plan's help model (自助・共助・公助), with the plan's own definition of each sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpModel {
    /// Three-help, four-help, or the plan's own sectors.
    pub kind: HelpModelKind,
    /// One definition per sector of the model, in the model's order.
    pub sectors: Vec<SectorDefinition>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl HelpModel {
    /// Whether the model has a sector with code `code`.
    pub fn has(&self, code: &str) -> bool {
        match self.kind {
            HelpModelKind::Custom => self.sectors.iter().any(|s| s.sector.as_str() == code),
            kind => kind.sectors().iter().any(|h| h.code() == code),
        }
    }

    /// The sector with code `code`, as the plan defines it.
    pub fn sector(&self, code: &str) -> Option<&SectorDefinition> {
        self.sectors.iter().find(|s| s.sector.as_str() == code)
    }

    /// The model's heading in the plan's terms: 自助・共助・公助, or the custom sectors'
    /// labels joined the same way.
    pub fn heading(&self, lang: super::Lang) -> String {
        let labels: Vec<String> = self.sectors.iter().map(|s| s.label(lang)).collect();
        match lang {
            super::Lang::Ja => labels.join("・"),
            super::Lang::En => labels.join(", "),
        }
    }
}

/// What one sector means in this plan, in the plan's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectorDefinition {
    /// The sector's code: `self_help`, `reciprocal_help`, `mutual_help`, `public_help` in the
    /// built-in models, the plan's own code in a custom one.
    pub sector: Id,
    /// The sector's label, such as 地域の役割; required in a custom model, where no built-in
    /// label exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The plan's definition, such as 公助: 行政が行う公的なサービス.
    pub definition: Text,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl SectorDefinition {
    /// The label in `lang`: the plan's own, else the built-in sector's, else the code.
    pub fn label(&self, lang: super::Lang) -> String {
        if let Some(t) = &self.label {
            return t.get(lang).to_owned();
        }
        match (HelpSector::from_code(self.sector.as_str()), lang) {
            (Some(h), super::Lang::Ja) => h.label_ja().to_owned(),
            (Some(h), super::Lang::En) => h.label_en().to_owned(),
            (None, _) => self.sector.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_parse_back() {
        for h in HelpSector::ALL {
            assert_eq!(HelpSector::parse(h.code()), Some(h));
            assert_eq!(HelpSector::parse(h.label_ja()), Some(h));
        }
        assert_eq!(HelpSector::parse("self-help"), None);
    }

    #[test]
    fn three_help_model_has_no_reciprocal_help() {
        assert!(!HelpModelKind::ThreeHelp
            .sectors()
            .contains(&HelpSector::ReciprocalHelp));
        assert_eq!(HelpModelKind::FourHelp.sectors().len(), 4);
    }
}
