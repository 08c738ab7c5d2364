//! The customer's words for `eval::contractor_check` (issue 14): may this
//! contractor do my works? One headline, then a sentence per check (licence,
//! tier against the supply voltage, category, validity, conversion to the
//! revised tiers). No rule codes, marks or field paths; an unverified value
//! is said to be unverified, never stated as the law.

use super::answer::{date, sureness};
use super::Lang;
use crate::case::Activity;
use crate::eval::{ContractorAnswer, Required, Verdict};
use crate::report::licence::{Conversion, Found, TierCheck, TierNotInVersion};
use crate::report::{Detail, Finding, Outcome, Question};

/// The answer in one line.
pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Yes, Lang::Zh) => "可以: 按您填写的信息，这张许可证能承接您的工程。",
        (Verdict::Yes, Lang::En) => "Yes: from what you entered, this licence covers your works.",
        (Verdict::ProbablyYes, Lang::Zh) => "看来可以，但还不能确定: 请看下面的说明。",
        (Verdict::ProbablyYes, Lang::En) => "Probably yes, but not certain: see the notes below.",
        (Verdict::NeedMore, Lang::Zh) => "还不能判断: 请对照证书，看下面还需要什么。",
        (Verdict::NeedMore, Lang::En) => "Not possible to say yet: see below what is still needed.",
        (Verdict::ProbablyNot, Lang::Zh) => {
            "可能不行: 按目前掌握的(未核实的)资料，这张许可证不够。"
        }
        (Verdict::ProbablyNot, Lang::En) => {
            "Probably not: on the information available (not verified), this licence falls short."
        }
        (Verdict::No, Lang::Zh) => "不可以: 按您填写的信息，对方不能承接您的工程。",
        (Verdict::No, Lang::En) => "No: from what you entered, they may not do your works.",
    }
}

/// The supply the works are for: "低压(220 伏或 380 伏)", "110 千伏".
pub fn voltage(a: &ContractorAnswer, lang: Lang) -> Option<String> {
    // Written by `Decimal`: float formatting stays out of the bundle.
    let kv = crate::decimal::Decimal(a.voltage_kv?);
    Some(match (a.low_voltage, lang) {
        (true, Lang::Zh) => "低压(220 伏或 380 伏)".into(),
        (true, Lang::En) => "low voltage (220 V or 380 V)".into(),
        (false, Lang::Zh) => format!("{kv} 千伏"),
        (false, Lang::En) => format!("{kv} kV"),
    })
}

fn tier(t: u8, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}级",
            ["一", "二", "三", "四", "五"]
                .get(usize::from(t).wrapping_sub(1))
                .copied()
                .unwrap_or("?")
        ),
        Lang::En => format!("tier {t}"),
    }
}

/// "110 千伏的工程，需要二级或更高等级的许可证(一级最高)。另有资料说三级即可。"
pub fn required(r: &Required, a: &ContractorAnswer, lang: Lang) -> String {
    let v = voltage(a, lang).unwrap_or_default();
    let mut s = match (r.tier, lang) {
        (Some(1), Lang::Zh) => format!("{v}的工程，需要一级许可证"),
        (Some(1), Lang::En) => format!("Works at {v} need a tier 1 licence"),
        (Some(t), Lang::Zh) => format!(
            "{v}的工程，需要{}或更高等级的许可证(一级最高)",
            tier(t, lang)
        ),
        (Some(t), Lang::En) => format!(
            "Works at {v} need a {} licence or higher (tier 1 is the highest)",
            tier(t, lang)
        ),
        (None, Lang::Zh) => format!("{v}超出所列各级许可证的范围"),
        (None, Lang::En) => format!("{v} is beyond every tier listed"),
    };
    s.push_str(match lang {
        Lang::Zh => "。",
        Lang::En => ".",
    });
    if let Some(o) = r.other_tier {
        s.push_str(&match lang {
            Lang::Zh => format!("另有资料说{}即可。", tier(o, lang)),
            Lang::En => format!(" Another source says {} is enough.", tier(o, lang)),
        });
    }
    s
}

/// Where [`required`] comes from: "依据《…》 · 未核实，仅供参考".
pub fn required_basis(r: &Required, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("依据《{}》 · {}", r.citation.title, sureness(r.mark, lang)),
        Lang::En => format!(
            "Basis: {} · {}",
            r.citation.title_en,
            sureness(r.mark, lang)
        ),
    }
}

/// Said once when a tier rests on caps not seen in a text.
pub fn unverified_caps(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "现行许可证办法的正式文本尚未见到: 各级能承接多高电压的工程，来自二手资料，且说法不一。以上只供参考，请向发证机关核实。",
        Lang::En => "The official text of the licence measures now in force has not been seen: how high a voltage each tier may work on comes from secondary sources, which disagree. Take this as guidance only and check with the issuing authority.",
    }
}

/// One sentence per check, in the order the checks run. A high-voltage
/// customer who has not given the voltage is asked it first (LIC-02 asks it
/// only once the tier is known), unless no licence is held at all.
pub fn lines(a: &ContractorAnswer, lang: Lang) -> Vec<String> {
    let unlicensed = a
        .findings
        .iter()
        .any(|f| matches!(f.detail, Detail::Licence(Found::Unlicensed { .. })));
    let mut out = Vec::with_capacity(a.findings.len() + 1);
    if a.voltage_kv.is_none() && !unlicensed {
        out.push(voltage_question(lang));
    }
    for f in &a.findings {
        if let Some(l) = line(f, a, lang) {
            out.push(l);
        }
    }
    out
}

fn voltage_question(lang: Lang) -> String {
    match lang {
        Lang::Zh => "请选择您的供电电压，才能知道需要哪一级许可证。".into(),
        Lang::En => "Choose your supply voltage to see which tier is needed.".into(),
    }
}

fn line(f: &Finding, a: &ContractorAnswer, lang: Lang) -> Option<String> {
    Some(match &f.detail {
        Detail::Licence(Found::Unlicensed { .. }) => match lang {
            Lang::Zh => "没有承装(修、试)电力设施许可证，就不能承接您的用电工程施工: 请另选持证的单位。".into(),
            Lang::En => "Without a licence to install, repair and test power facilities, a contractor may not do the works for your supply: choose a licensed one.".into(),
        },
        Detail::Licence(Found::Tier(t)) => tier_line(t, f, a, lang),
        Detail::Licence(Found::TierNotInVersion(t)) => not_in_version(t, lang),
        Detail::Licence(Found::Conversion(c)) => conversion(c, lang),
        Detail::Licence(Found::Categories { lacking, categories, .. }) => {
            let held = activities(categories, lang);
            match (lacking.is_empty(), lang) {
                (true, Lang::Zh) => format!("许可类别有{held}，可以做您工程的施工安装。"),
                (true, Lang::En) => format!("Its categories ({held}) cover installing your works."),
                (false, Lang::Zh) => format!("施工安装需要“承装”类别，这张证书只有{held}。"),
                (false, Lang::En) => format!("Installing needs the “install” category; this licence has only {held}."),
            }
        }
        Detail::Licence(Found::Validity(v)) => {
            let u = date(v.valid_until, lang);
            match (v.covers_work(), lang) {
                (true, Lang::Zh) => format!("证书有效期到 {u}，今天有效；整个施工期间都要在有效期内。"),
                (true, Lang::En) => format!("The licence is valid until {u}: valid today. It must stay valid for the whole of the works."),
                (false, Lang::Zh) => format!("证书已于 {u} 到期，不能再用来承接工程。"),
                (false, Lang::En) => format!("The licence expired on {u}: it no longer allows any works."),
            }
        }
        Detail::NotGiven { question, .. } => match (question, lang) {
            (Question::TierSuffices, Lang::Zh) => "许可证等级: 请看证书上写的等级。".into(),
            (Question::TierSuffices, Lang::En) => "Tier: see the tier written on the licence.".into(),
            // Asked first, by `lines`.
            (Question::TierRequired, _) => return None,
            (Question::CategoryMatches, Lang::Zh) => "许可类别: 请看证书上的类别，施工安装需要“承装”。".into(),
            (Question::CategoryMatches, Lang::En) => "Categories: see those on the licence; installing needs “install”.".into(),
            (Question::LicenceValid, Lang::Zh) => "有效期: 请看证书上的有效期，整个施工期间都要有效。".into(),
            (Question::LicenceValid, Lang::En) => "Validity: see the date on the licence; it must be valid for the whole of the works.".into(),
            _ => return None,
        },
        _ => return None,
    })
}

fn tier_line(t: &TierCheck, f: &Finding, a: &ContractorAnswer, lang: Lang) -> String {
    let held = tier(t.tier_held, lang);
    let v = voltage(a, lang).unwrap_or_default();
    let sure = f.outcome != Outcome::Warning;
    let mut s = match (t.sufficient, t.tier_required, lang) {
        (true, _, Lang::Zh) => format!("{held}许可证可以承接{v}的工程"),
        (true, _, Lang::En) => format!("A {held} licence may do works at {v}"),
        (false, Some(r), Lang::Zh) => {
            format!("{v}的工程至少需要{}许可证，{held}不够", tier(r, lang))
        }
        (false, Some(r), Lang::En) => format!(
            "Works at {v} need at least {}: {held} is not enough",
            tier(r, lang)
        ),
        (false, None, Lang::Zh) => format!("{v}超出所列各级许可证的范围"),
        (false, None, Lang::En) => format!("{v} is beyond every tier listed"),
    };
    if !sure {
        s.push_str(match lang {
            Lang::Zh => "(按未核实的资料)",
            Lang::En => " (on unverified information)",
        });
    }
    s.push_str(match lang {
        Lang::Zh => "。",
        Lang::En => ".",
    });
    if let Some(o) = t.doubt.as_ref().and_then(|d| d.other_reading) {
        if o.sufficient != t.sufficient {
            let cap = crate::decimal::Decimal(o.tier_held_max_kv);
            s.push_str(&match (o.sufficient, lang) {
                (true, Lang::Zh) => format!("另有资料说{held}可以做到 {cap} 千伏，按那份资料就够了。"),
                (true, Lang::En) => format!(" Another source says {held} goes up to {cap} kV, which would be enough."),
                (false, Lang::Zh) => format!("另有资料说{held}只能做到 {cap} 千伏，按那份资料就不够。"),
                (false, Lang::En) => format!(" Another source says {held} goes only up to {cap} kV, which would not be enough."),
            });
        }
    }
    s
}

fn not_in_version(t: &TierNotInVersion, lang: Lang) -> String {
    let held = tier(t.tier_held, lang);
    let from = t.version.in_force_from.map(|d| date(d, lang));
    match (from, lang) {
        (Some(d), Lang::Zh) => format!("据报道，{d}起施行的新版许可证办法只设一至三级，没有{held}: 这是旧证，应换发新证，能做多高电压的工程以新证为准。请对方出示新证。"),
        (None, Lang::Zh) => format!("据报道，新版许可证办法只设一至三级，没有{held}: 这是旧证，应换发新证，能做多高电压的工程以新证为准。请对方出示新证。"),
        (Some(d), Lang::En) => format!("Reportedly, the revised licence measures in force from {d} have tiers 1 to 3 only, so {held} is an old certificate: it must be exchanged for a new one, whose tier decides what voltage it may work on. Ask to see the new certificate."),
        (None, Lang::En) => format!("Reportedly, the revised licence measures have tiers 1 to 3 only, so {held} is an old certificate: it must be exchanged for a new one, whose tier decides what voltage it may work on. Ask to see the new certificate."),
    }
}

fn conversion(c: &Conversion, lang: Lang) -> String {
    let by = date(c.convert_by, lang);
    let from = c.version.in_force_from.map(|d| date(d, lang));
    let mut s = match (c.certain, from, lang) {
        (true, _, Lang::Zh) => format!("据报道，旧证的换证期限是 {by}"),
        (true, _, Lang::En) => format!("Reportedly, old certificates had to be exchanged by {by}"),
        (false, Some(d), Lang::Zh) => format!("如果这张证书是 {d} 之前按旧的五级制发的，应换发新证(据报道期限是 {by})，请看证书上的发证日期"),
        (false, None, Lang::Zh) => format!("如果这张证书是按旧的五级制发的，应换发新证(据报道期限是 {by})，请看证书上的发证日期"),
        (false, Some(d), Lang::En) => format!("If this certificate was issued before {d} under the old five-tier system, it must be exchanged for a new one (reportedly by {by}): look at its date of issue"),
        (false, None, Lang::En) => format!("If this certificate was issued under the old five-tier system, it must be exchanged for a new one (reportedly by {by}): look at its date of issue"),
    };
    s.push_str(match (c.certain && c.past_deadline(), lang) {
        (true, Lang::Zh) => "，已经过了。",
        (true, Lang::En) => ", which has passed.",
        (false, Lang::Zh) => "。",
        (false, Lang::En) => ".",
    });
    s
}

fn activities(v: &[Activity], lang: Lang) -> String {
    let names: Vec<&str> = v
        .iter()
        .map(|a| match (a, lang) {
            (Activity::Install, Lang::Zh) => "“承装”",
            (Activity::Repair, Lang::Zh) => "“承修”",
            (Activity::Test, Lang::Zh) => "“承试”",
            (Activity::Install, Lang::En) => "“install”",
            (Activity::Repair, Lang::En) => "“repair”",
            (Activity::Test, Lang::En) => "“test”",
        })
        .collect();
    names.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}
