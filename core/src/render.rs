//! The plan as a readable text tree, in Japanese or English: what `welfare-plan show` prints.

use std::fmt::Write;

use crate::era;
use crate::model::numbering::{challenge_label, goal_label, initiative_label, target_label};
use crate::model::{HelpSector, Initiative, Lang, Plan, Text};

/// Renders `plan` as an indented tree: title, period (era and Western years), philosophy,
/// help model, challenges, then goals → targets → initiatives with their actors by sector
/// and the challenges each addresses.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let text = welfare_plan::render::tree(&plan, welfare_plan::Lang::Ja);
/// assert!(text.contains("計画期間: 令和5年度～令和14年度（2023～2032年度）"));
/// ```
pub fn tree(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_tree(&mut out, plan, lang);
    out
}

fn write_tree(o: &mut String, p: &Plan, lang: Lang) -> std::fmt::Result {
    let t = |x: &Text| x.get(lang).to_owned();
    let ja = lang == Lang::Ja;
    let (start, end) = (p.period.start_fiscal_year.0, p.period.end_fiscal_year.0);
    writeln!(o, "{}", t(&p.title))?;
    let m = &p.municipality;
    if ja {
        writeln!(o, "{}{}（団体コード {}）", t(&m.prefecture), t(&m.name), m.code.0)?;
    } else {
        writeln!(o, "{}, {} (code {})", t(&m.name), t(&m.prefecture), m.code.0)?;
    }
    if ja {
        let s = era::era_label(start).unwrap_or_else(|_| format!("{start}年度"));
        let e = era::era_label(end).unwrap_or_else(|_| format!("{end}年度"));
        writeln!(o, "計画期間: {s}～{e}（{start}～{end}年度）")?;
    } else {
        let s = era::era_label_en(start).unwrap_or_else(|_| format!("FY{start}"));
        let e = era::era_label_en(end).unwrap_or_else(|_| format!("FY{end}"));
        writeln!(o, "Plan period: {s} to {e}")?;
    }
    if let Some(ym) = p.published {
        let when = if ja {
            era::month_label(i32::from(ym.year()), u32::from(ym.month())).unwrap_or_else(|_| ym.to_string())
        } else {
            ym.to_string()
        };
        let by: Vec<String> = p
            .publishers
            .iter()
            .map(|pb| match &pb.office {
                Some(of) => [&of.organization, &of.department, &of.division, &of.section]
                    .into_iter()
                    .flatten()
                    .map(&t)
                    .collect::<Vec<_>>()
                    .join(" "),
                None => t(&pb.name),
            })
            .collect();
        writeln!(
            o,
            "{}: {when}  {}",
            if ja { "発行" } else { "Published" },
            by.join(" / ")
        )?;
    }

    writeln!(o, "\n{}", if ja { "基本理念" } else { "Basic philosophy" })?;
    writeln!(o, "  {}", t(&p.philosophy.statement))?;
    if let Some(s) = &p.philosophy.subtitle {
        writeln!(o, "  {}", t(s))?;
    }

    writeln!(
        o,
        "\n{}",
        if ja {
            "自助・共助・公助"
        } else {
            "Help model"
        }
    )?;
    for s in &p.help_model.sectors {
        writeln!(o, "  {}: {}", sector_label(s.sector, lang), t(&s.definition))?;
    }

    writeln!(o, "\n{}", if ja { "課題" } else { "Challenges" })?;
    for c in &p.challenges {
        let (lj, le) = challenge_label(c.number);
        let label = if ja { lj } else { format!("{le}:") };
        writeln!(o, "  {label} {}", t(&c.title))?;
    }

    for g in &p.goals {
        let (lj, le) = goal_label(g.number);
        writeln!(o, "\n{} {}", if ja { lj } else { le }, t(&g.title))?;
        for tg in &g.targets {
            let (lj, le) = target_label(tg.number);
            writeln!(o, "  {} {}", if ja { lj } else { le }, t(&tg.title))?;
            for i in &tg.initiatives {
                let star = if i.priority {
                    if ja {
                        " ［重点］"
                    } else {
                        " [priority]"
                    }
                } else {
                    ""
                };
                writeln!(o, "    {} {}{star}", initiative_label(i.number), t(&i.title))?;
                write_initiative_details(o, p, i, lang)?;
            }
        }
    }
    Ok(())
}

fn write_initiative_details(o: &mut String, p: &Plan, i: &Initiative, lang: Lang) -> std::fmt::Result {
    let ja = lang == Lang::Ja;
    let mut by_sector: Vec<String> = Vec::new();
    for sector in HelpSector::ALL {
        let names: Vec<&str> = i
            .participants
            .iter()
            .filter(|part| part.sector == sector)
            .map(|part| {
                p.actor(part.actor.as_str())
                    .map_or(part.actor.as_str(), |a| a.name.get(lang))
            })
            .collect();
        if !names.is_empty() {
            let sep = if ja { "、" } else { ", " };
            by_sector.push(format!("{} {}", sector_label(sector, lang), names.join(sep)));
        }
    }
    if !by_sector.is_empty() {
        writeln!(
            o,
            "        {}: {}",
            if ja { "担い手" } else { "Actors" },
            by_sector.join(" / ")
        )?;
    }
    if !i.challenges.is_empty() {
        let labels: Vec<String> = i
            .challenges
            .iter()
            .map(|id| match p.challenge(id.as_str()) {
                Some(c) if ja => challenge_label(c.number).0,
                Some(c) => c.number.to_string(),
                None => id.to_string(),
            })
            .collect();
        let (head, sep) = if ja { ("課題", "") } else { ("Challenges", ", ") };
        writeln!(o, "        {head}: {}", labels.join(sep))?;
    }
    Ok(())
}

fn sector_label(s: HelpSector, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => s.label_ja(),
        Lang::En => s.label_en(),
    }
}
