//! A progress report's evaluation tables back into its JSON document, the mirror of
//! `report_tables.rs`: a row the division left blank is no entry; a filled one is, in the
//! sheet's order.

use serde_json::Value;

use crate::model::Plan;
use crate::report::{REPORT_DOCUMENT, REPORT_SCHEMA_VERSION};

use super::part::Part;
use super::plan_import::Tables;
use super::report_columns::GRADE_PREFIX;
use super::row::{Ctx, Row};
use super::tree_import::Groups;

/// Whether any of `columns` of the row holds something.
fn filled(row: Row<'_>, columns: &[&str]) -> bool {
    columns.iter().any(|c| !row.t.raw(row.i, c).is_empty())
}

/// The report's document rebuilt from `tables`, for `plan`'s scales.
pub(crate) fn report_document(tables: &Tables, plan: &Plan, ctx: &mut Ctx) -> Part {
    let head = tables.get("report");
    let mut root = Part::new(head.at(0, "id"));
    root.set("document", Some(Value::from(REPORT_DOCUMENT)), head.at(0, "id"));
    root.set(
        "schema_version",
        Some(Value::from(REPORT_SCHEMA_VERSION)),
        head.at(0, "id"),
    );
    if let Some(row) = Row::all(head).next() {
        row.take();
        root.text(ctx, row, "id", "id");
        let mut p = Part::new(row.at("plan"));
        p.text(ctx, row, "plan", "id");
        p.int(ctx, row, "plan_edition", "edition");
        p.text(ctx, row, "plan_hash", "hash");
        root.child("plan", p);
        root.int(ctx, row, "fiscal_year", "fiscal_year");
        root.bilingual(ctx, row, "evaluated_by", "evaluated_by", false);
        root.text(ctx, row, "evaluated_on", "evaluated_on");
        root.extensions(ctx, row, "extensions", "extensions");
    }
    let observed = [
        "value",
        "reason_ja",
        "reason_en",
        "note_ja",
        "note_en",
        "extensions",
    ];
    for r in Row::all(tables.get("observations")) {
        r.take();
        if !filled(r, &observed) {
            continue;
        }
        let mut x = Part::new(r.at("indicator"));
        x.text(ctx, r, "indicator", "indicator");
        let value = ctx.quantity(r, "value").unwrap_or(Value::Null);
        x.set("value", Some(value), r.at("value"));
        x.bilingual(ctx, r, "reason", "reason", false);
        x.bilingual(ctx, r, "note", "note", false);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("observations", x);
    }
    let scales: Vec<(String, String)> = plan
        .evaluation
        .iter()
        .flat_map(|e| &e.scales)
        .map(|s| (s.id.to_string(), format!("{GRADE_PREFIX}{}", s.id)))
        .collect();
    let mut entered: Vec<&str> = scales.iter().map(|s| s.1.as_str()).collect();
    entered.extend([
        "done_ja",
        "done_en",
        "remaining_ja",
        "remaining_en",
        "next_ja",
        "next_en",
        "extensions",
    ]);
    for r in Row::all(tables.get("node_reports")) {
        r.take();
        if !filled(r, &entered) {
            continue;
        }
        let mut x = Part::new(r.at("node"));
        x.text(ctx, r, "node", "node");
        for (scale, column) in &scales {
            if let Some(grade) = ctx.text(r, column) {
                let mut g = Part::new(r.at(column));
                g.set("scale", Some(Value::from(scale.clone())), r.at(column));
                g.set("grade", Some(Value::from(grade)), r.at(column));
                x.push("grades", g);
            }
        }
        x.bilingual(ctx, r, "done", "done", false);
        x.bilingual(ctx, r, "remaining", "remaining", false);
        x.bilingual(ctx, r, "next", "next", false);
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("nodes", x);
    }
    let mut about = Groups::new(tables.get("opinion_nodes"), &["opinion"]);
    for r in Row::all(tables.get("opinions")) {
        r.take();
        let mut x = Part::new(r.at("number"));
        x.bilingual(ctx, r, "opinion", "opinion", true);
        x.bilingual(ctx, r, "answer", "answer", false);
        for n in about.take(&r.id("number")) {
            x.push_id("nodes", n.id("node"), n.at("node"));
        }
        x.extensions(ctx, r, "extensions", "extensions");
        root.push("opinions", x);
    }
    root
}
