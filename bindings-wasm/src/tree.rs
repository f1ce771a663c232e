//! The plan's tree for JavaScript: every node with its place and its label, the initiatives
//! (filtered by sector and challenge), and the help model's sectors with their labels. Each
//! function reads the plan once and answers with the core's own walk, numbering and lookups;
//! JavaScript keeps the plan object and finds nodes in it by id or by path.

use js_sys::{Object, Reflect};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use welfare_plan::{Lang, NodeRef, Plan};

use crate::input::{load, type_error, LimitsArg};
use crate::output::{range_error, to_js, user_range_error, Label};

/// A node of the plan's tree: where it sits, its level and its label. The node itself is in
/// the plan object, at `path`.
///
/// ```js
/// const labels = new Map(outline(plan).map((n) => [n.id, n.label]));
/// labels.get("g1").ja; // "基本目標Ⅰ"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct NodeInfo {
    /// The node's id.
    pub id: String,
    /// Its JSON Pointer: `/nodes/0/children/1`, or `/districts/2/nodes/0` in a district's
    /// plan (地区別計画).
    pub path: String,
    /// Its level, from 0 at the top: an index into `plan.levels`.
    pub depth: u32,
    /// The id of its level, such as `goal` or `initiative`.
    pub level: String,
    /// Its label in the plan's numbering (基本目標Ⅰ, 活動目標1, (1), ①, 1-2); both texts are
    /// empty for an unnumbered node.
    pub label: Label,
    /// The id of the district whose plan holds the node; absent for the plan's own tree.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub district: Option<String>,
}

impl NodeInfo {
    fn new(plan: &Plan, r: &NodeRef<'_>) -> Self {
        let depth = r.at.depth();
        NodeInfo {
            id: r.node.id.to_string(),
            path: r.at.path().to_string(),
            depth: u32::try_from(depth).unwrap_or(u32::MAX),
            level: plan.level(depth).map(|l| l.id.to_string()).unwrap_or_default(),
            label: Label::from(plan.label(r.at)),
            district: r
                .at
                .district()
                .and_then(|d| plan.districts.get(d))
                .map(|d| d.id.to_string()),
        }
    }
}

/// The plan's help model in the plan's own terms: its heading and each sector's label.
///
/// ```js
/// const model = helpModelLabels(plan);
/// model?.heading.ja; // "自助・共助・公助"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct HelpModelLabels {
    /// The model's heading, such as `{ ja: "自助・共助・公助", en: "self-help, mutual help,
    /// public help" }`.
    pub heading: Label,
    /// The sectors, in the model's order.
    pub sectors: Vec<SectorLabel>,
}

/// A sector of the plan's help model and its label in the plan's terms (the plan's own label,
/// else the built-in one: 自助, 共助 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct SectorLabel {
    /// The sector's code, such as `mutual_help`, as participations and actors name it.
    pub sector: String,
    /// Its label, such as `{ ja: "共助", en: "mutual help" }`.
    pub label: Label,
}

/// Which initiatives `initiatives` returns: those that match every given field.
///
/// ```js
/// initiatives(plan, { sector: "共助", challenge: "c2" });
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Tsify)]
pub struct InitiativeFilter {
    /// A sector of the plan's help model, by code or by label (`mutual_help`, 共助, "mutual
    /// help"): initiatives in which some actor takes part in that sector.
    #[tsify(optional)]
    pub sector: Option<String>,
    /// A challenge's id: initiatives that address it.
    #[tsify(optional)]
    pub challenge: Option<String>,
}

impl InitiativeFilter {
    /// The field names, as the declaration spells them.
    const NAMES: [&'static str; 2] = ["sector", "challenge"];

    /// Reads a filter from nothing (`undefined`, `null`) or a plain object of strings; throws
    /// `TypeError` for an unknown field or a value that is not a string.
    fn from_js(value: Option<&JsValue>) -> Result<Self, JsValue> {
        let mut filter = InitiativeFilter::default();
        let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(filter);
        };
        let Some(object) = value.dyn_ref::<Object>().filter(|_| value.is_object()) else {
            return Err(type_error(
                "the filter must be an object such as `{ sector: \"共助\" }`",
            ));
        };
        for key in Object::keys(object).iter() {
            let name = key.as_string().unwrap_or_default();
            let v = Reflect::get(object, &key)?;
            if v.is_undefined() {
                continue;
            }
            let slot = match name.as_str() {
                "sector" => &mut filter.sector,
                "challenge" => &mut filter.challenge,
                _ => {
                    let known = Self::NAMES.map(|n| format!("`{n}`")).join(", ");
                    return Err(type_error(&format!(
                        "unknown filter `{}`; known filters: {known}",
                        welfare_plan::preview(&name)
                    )));
                }
            };
            *slot = Some(
                v.as_string()
                    .ok_or_else(|| type_error(&format!("filter `{name}` must be a string")))?,
            );
        }
        Ok(filter)
    }
}

#[wasm_bindgen]
extern "C" {
    /// The `filter` argument of `initiatives`, declared by [`InitiativeFilter`].
    #[wasm_bindgen(typescript_type = "InitiativeFilter")]
    pub type InitiativeFilterArg;
}

/// Every node of the plan, in document order (a parent before its children): the plan's own
/// tree, then each district's plan. Each comes with its path, level and label in the plan's
/// numbering, so that a page never numbers nodes itself. Throws `PlanError` for an invalid
/// plan; a 1.0 document is read as its 2.0 upgrade.
///
/// ```js
/// for (const n of outline(plan)) console.log("  ".repeat(n.depth) + n.label.ja);
/// ```
#[wasm_bindgen(unchecked_return_type = "NodeInfo[]")]
pub fn outline(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let plan = load(&plan, limits.as_deref())?;
    let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
    let nodes: Vec<NodeInfo> = plan
        .all_nodes()
        .chain(districts)
        .map(|r| NodeInfo::new(&plan, &r))
        .collect();
    to_js(&nodes)
}

/// The plan's initiatives (取り組み): the nodes of its initiative level, in document order,
/// narrowed by `filter`. A sector is resolved by the plan's help model, so a code or a label
/// both work; throws `RangeError` naming the plan's sectors for one it does not have, and for
/// a challenge id the plan does not have. Throws `PlanError` for an invalid plan.
///
/// ```js
/// initiatives(plan).length; // 19
/// initiatives(plan, { sector: "共助" }).map((i) => i.label.ja); // ["(1)", "(2)", …]
/// ```
#[wasm_bindgen(unchecked_return_type = "NodeInfo[]")]
pub fn initiatives(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    filter: Option<InitiativeFilterArg>,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let filter = InitiativeFilter::from_js(filter.as_deref())?;
    let plan = load(&plan, limits.as_deref())?;
    chosen(&plan, &filter)
}

/// The initiatives in which some actor takes part in `sector`: a code of the plan's help model
/// (`mutual_help`) or a sector's label (共助), as `initiatives(plan, { sector })` gives them.
/// Throws `RangeError` naming the plan's sectors for one it does not have; `PlanError` for an
/// invalid plan.
///
/// ```js
/// initiativesInSector(plan, "共助").map((i) => i.id); // the same as for "mutual_help"
/// ```
#[wasm_bindgen(js_name = initiativesInSector, unchecked_return_type = "NodeInfo[]")]
pub fn initiatives_in_sector(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    sector: String,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let filter = InitiativeFilter {
        sector: Some(sector),
        challenge: None,
    };
    let plan = load(&plan, limits.as_deref())?;
    chosen(&plan, &filter)
}

/// The initiatives that address the challenge with id `challengeId`, as
/// `initiatives(plan, { challenge })` gives them. Throws `RangeError` for a challenge the plan
/// does not have; `PlanError` for an invalid plan.
///
/// ```js
/// initiativesAddressing(plan, "c2").map((i) => i.label.ja);
/// ```
#[wasm_bindgen(js_name = initiativesAddressing, unchecked_return_type = "NodeInfo[]")]
pub fn initiatives_addressing(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    #[wasm_bindgen(js_name = challengeId)] challenge_id: String,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let filter = InitiativeFilter {
        sector: None,
        challenge: Some(challenge_id),
    };
    let plan = load(&plan, limits.as_deref())?;
    chosen(&plan, &filter)
}

/// The initiatives of `plan` that match `filter`, with the core's walk and lookups.
fn chosen(plan: &Plan, filter: &InitiativeFilter) -> Result<JsValue, JsValue> {
    let mut chosen: Vec<NodeRef<'_>> = match &filter.sector {
        Some(name) => {
            let code = plan.sector_code(name).map_err(user_range_error)?;
            plan.initiatives_in_sector(code).collect()
        }
        None => plan.initiatives().collect(),
    };
    if let Some(id) = &filter.challenge {
        if plan.challenge(id).is_none() {
            return Err(range_error(format!(
                "unknown challenge `{}`",
                welfare_plan::preview(id)
            )));
        }
        let addressing: Vec<_> = plan.initiatives_addressing(id).map(|r| r.at).collect();
        chosen.retain(|r| addressing.contains(&r.at));
    }
    let nodes: Vec<NodeInfo> = chosen.iter().map(|r| NodeInfo::new(plan, r)).collect();
    to_js(&nodes)
}

/// The nodes of the level with id `level` (such as `"goal"`, one of `plan.levels`), in document
/// order, each with its place and label as `outline` gives it. Throws `RangeError` naming the
/// plan's levels for a level it does not have; `PlanError` for an invalid plan.
///
/// ```js
/// nodesAtLevel(plan, "target").length; // 8
/// ```
#[wasm_bindgen(js_name = nodesAtLevel, unchecked_return_type = "NodeInfo[]")]
pub fn nodes_at_level(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    level: &str,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let plan = load(&plan, limits.as_deref())?;
    let depth = plan.level_depth(level).map_err(user_range_error)?;
    let nodes: Vec<NodeInfo> = plan
        .nodes_at_depth(depth)
        .map(|r| NodeInfo::new(&plan, &r))
        .collect();
    to_js(&nodes)
}

/// The code of the sector `name` means in this plan: a code of its help model, or a sector's
/// Japanese or English label (`sectorCode(plan, "共助") === "mutual_help"`). Throws
/// `RangeError` naming the plan's sectors; `PlanError` for an invalid plan.
///
/// ```js
/// sectorCode(plan, "公助"); // "public_help"
/// ```
#[wasm_bindgen(js_name = sectorCode)]
pub fn sector_code(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    name: &str,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    let plan = load(&plan, limits.as_deref())?;
    plan.sector_code(name)
        .map(str::to_owned)
        .map_err(user_range_error)
}

/// The plan's help model in its own terms: the heading (自助・共助・公助, or a custom model's
/// labels) and each sector's label, in the model's order; `null` for a plan without a help
/// model. Throws `PlanError` for an invalid plan.
///
/// ```js
/// for (const { sector, label } of helpModelLabels(plan)?.sectors ?? []) console.log(sector, label.ja);
/// ```
#[wasm_bindgen(js_name = helpModelLabels, unchecked_return_type = "HelpModelLabels | null")]
pub fn help_model_labels(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let plan = load(&plan, limits.as_deref())?;
    let labels = plan.help_model.as_ref().map(|m| HelpModelLabels {
        heading: Label::from((m.heading(Lang::Ja), m.heading(Lang::En))),
        sectors: m
            .sectors
            .iter()
            .map(|s| SectorLabel {
                sector: s.sector.to_string(),
                label: Label::from((s.label(Lang::Ja), s.label(Lang::En))),
            })
            .collect(),
    });
    to_js(&labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use welfare_plan::{iizuka, NodeAt};

    #[test]
    fn node_info_translates_the_cores_place_and_label() {
        let plan = iizuka::third_plan();
        let at = NodeAt::top(0).child(1).and_then(|t| t.child(2)).unwrap();
        let r = NodeRef {
            at,
            node: plan.node_at(at).unwrap(),
        };
        let v = serde_json::to_value(NodeInfo::new(&plan, &r)).unwrap();
        assert_eq!(v["path"], "/nodes/0/children/1/children/2");
        assert_eq!(v["depth"], 2);
        assert_eq!(v["level"], plan.levels[2].id.as_str());
        assert_eq!(v["label"]["ja"], plan.label(at).0);
        assert_eq!(v["id"], r.node.id.as_str());
        assert!(v.get("district").is_none());
    }

    #[test]
    fn the_declarations_name_the_fields_read_and_written() {
        let decl = <InitiativeFilter as Tsify>::DECL;
        for name in InitiativeFilter::NAMES {
            assert!(decl.contains(&format!("{name}?: string")), "{name} in {decl}");
        }
        assert_eq!(
            decl.matches("?: string").count(),
            InitiativeFilter::NAMES.len(),
            "{decl}"
        );
        let decl = <NodeInfo as Tsify>::DECL;
        assert!(decl.contains("label: Label;"), "{decl}");
        assert!(decl.contains("district?: string;"), "{decl}");
    }
}
