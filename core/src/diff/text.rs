//! The diff as plain text: a heading naming both documents, then one line per change with a
//! line per changed field below it. What `welfare-plan diff` prints.

use std::fmt::Write;

use super::fields::{Field, FieldChange, Value};
use super::types::{Change, ChangeKind, Diff, Matched, PartKind, PartRef, Side};
use crate::model::Lang;

pub(super) fn render(diff: &Diff, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let mut out = String::new();
    let doc = |d: &super::types::Document| match d.edition {
        Some(e) if ja => format!("{}（第{e}期, {}）", d.title.get(lang), d.id),
        Some(e) => format!("{} (edition {e}, {})", d.title.get(lang), d.id),
        None if ja => format!("{}（{}）", d.title.get(lang), d.id),
        None => format!("{} ({})", d.title.get(lang), d.id),
    };
    let (old, new) = if ja { ("旧", "新") } else { ("Old", "New") };
    let _ = writeln!(out, "{old}: {}", doc(&diff.old));
    let _ = writeln!(out, "{new}: {}", doc(&diff.new));
    if diff.is_empty() {
        out.push_str(if ja {
            "変更はありません。\n"
        } else {
            "No changes.\n"
        });
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        if ja {
            format!("変更 {}件", diff.changes.len())
        } else {
            count(diff.changes.len())
        }
    );
    for c in &diff.changes {
        line(&mut out, c, lang);
    }
    out
}

/// `1 change`, `2 changes`.
pub(super) fn count(n: usize) -> String {
    if n == 1 {
        "1 change".to_owned()
    } else {
        format!("{n} changes")
    }
}

/// `[文言修正] 計画の体系: g1 基本目標Ⅰ 旧の題 → g1 基本目標Ⅰ 新の題`, how the sides were
/// paired unless by id (`（推定・類似度 0.83）`), then the parents and the fields.
fn line(out: &mut String, c: &Change, lang: Lang) {
    let ja = lang == Lang::Ja;
    let pick = |l: (&str, &str, &str)| if ja { l.1.to_owned() } else { l.2.to_owned() };
    let sides = |s: &[Side]| s.iter().map(|s| side(s, lang)).collect::<Vec<_>>().join(" + ");
    let (old, new) = (sides(&c.old), sides(&c.new));
    let body = match c.kind {
        ChangeKind::Added => new,
        ChangeKind::Removed => old,
        _ if old == new => new,
        _ => format!("{old} → {new}"),
    };
    let how = c.matched.filter(|m| *m != Matched::Id).map(|m| match m {
        Matched::Similarity { similarity } if ja => format!("（推定・類似度 {similarity:.2}）"),
        Matched::Similarity { similarity } => format!(" (guess, similarity {similarity:.2})"),
        other if ja => format!("（{}）", pick(other.labels())),
        other => format!(" ({})", pick(other.labels())),
    });
    let _ = writeln!(
        out,
        "[{}] {}: {body}{}",
        pick(c.kind.labels()),
        pick(c.part.labels()),
        how.unwrap_or_default()
    );
    let one_sided_node =
        matches!(c.kind, ChangeKind::Added | ChangeKind::Removed) && c.part == PartKind::Node;
    if c.kind == ChangeKind::Moved || one_sided_node {
        let parent = |s: Option<&Side>| {
            s.and_then(|s| s.parent.as_ref().or(s.district.as_ref()))
                .map_or_else(
                    || {
                        if ja {
                            "（最上位）".to_owned()
                        } else {
                            "(top)".to_owned()
                        }
                    },
                    |p| parent_ref(p, lang),
                )
        };
        let what = if ja { "位置" } else { "under" };
        let _ = match c.kind {
            ChangeKind::Moved => writeln!(
                out,
                "    {what}: {} → {}",
                parent(c.old.first()),
                parent(c.new.first())
            ),
            ChangeKind::Added => writeln!(out, "    {what}: {}", parent(c.new.first())),
            _ => writeln!(out, "    {what}: {}", parent(c.old.first())),
        };
    }
    // The titles stand in the change's line already.
    for f in c
        .fields
        .iter()
        .filter(|f| !matches!(f.field, Field::Title | Field::Name | Field::Opinion))
    {
        field(out, f, lang, c.old.is_empty() || c.new.is_empty());
    }
    for s in c.old.iter().chain(&c.new) {
        subtree(out, &s.children, lang, 2);
    }
}

fn side(s: &Side, lang: Lang) -> String {
    let id = s.id.as_ref().map(|i| format!("{i} "));
    format!("{}{}", id.unwrap_or_default(), s.heading(lang))
        .trim_end()
        .to_owned()
}

fn parent_ref(p: &PartRef, lang: Lang) -> String {
    format!("{} {}", p.id, p.heading(lang))
}

/// A changed field: `old → new`, or its one value for an added or removed part.
fn field(out: &mut String, f: &FieldChange, lang: Lang, one_sided: bool) {
    let ja = lang == Lang::Ja;
    let (_, name_ja, name_en) = f.field.labels();
    let name = if ja { name_ja } else { name_en };
    let scale = f.scale.as_ref().map(|s| format!(" ({s})")).unwrap_or_default();
    let none = if ja { "（なし）" } else { "(none)" };
    let value = |v: &Option<Value>| v.as_ref().map_or_else(|| none.to_owned(), |v| v.display(lang));
    let _ = match (&f.old, &f.new) {
        (None, Some(one)) | (Some(one), None) if one_sided => {
            writeln!(out, "    {name}{scale}: {}", one.display(lang))
        }
        _ => writeln!(out, "    {name}{scale}: {} → {}", value(&f.old), value(&f.new)),
    };
}

fn subtree(out: &mut String, children: &[Side], lang: Lang, depth: usize) {
    for c in children {
        let _ = writeln!(out, "{}- {}", "    ".repeat(depth - 1), side(c, lang));
        subtree(out, &c.children, lang, depth + 1);
    }
}
