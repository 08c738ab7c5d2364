//! DOC and NOTICE in Chinese.

use crate::render::Reader;
use crate::report::documents::{Caveat, DocRef, Form, Found};
use crate::report::Finding;
use std::fmt::Write;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    let summary = || f.citation.as_ref().map_or("", |c| &*c.summary_zh);
    match d {
        Found::List {
            missing,
            later,
            local,
        } => {
            if !missing.is_empty() {
                format!("缺少: {}。{}", names(missing, r), forms(missing))
            } else if !later.is_empty() {
                format!(
                    "可凭身份证\"一证受理\"，以下资料须后补: {}。",
                    names(later, r)
                )
            } else if !local.is_empty() {
                format!("必备资料齐全；部分地方另要求: {}。", names(local, r))
            } else {
                "申请资料齐全。".into()
            }
        }
        Found::LocalList { change_kind } => format!(
            "{}此类业务的资料清单以当地供电企业告知为准: {}",
            change_kind.as_deref().unwrap_or_default(),
            summary()
        ),
        Found::CompletionStage => format!("竣工阶段请备齐: {}", summary()),
        Found::DesignReview {
            voltage_kv,
            important,
            special_load,
            ..
        } => {
            let kv = crate::decimal::Decimal(*voltage_kv);
            if d.is_ordinary() {
                format!("{kv}千伏普通客户: 不需要设计文件审查和中间检查，请勿被要求提交设计审查资料。")
            } else {
                let kind = if *important {
                    "重要"
                } else if *special_load {
                    "特殊负荷"
                } else {
                    ""
                };
                let see = if r.is_clerk() { "(见 TL-03、TL-04)" } else { "" };
                format!("{kv}千伏{kind}客户: 须进行设计文件审核和中间检查{see}。")
            }
        }
        Found::MissingNotice {
            notified_in_writing,
            ..
        } => match notified_in_writing {
            Some(true) => "已书面一次性告知缺件。",
            Some(false) => "缺件未以书面形式一次性告知。",
            None => "您有权要求供电企业一次性书面告知全部缺件；本页的缺件清单可打印带去。",
        }
        .into(),
        Found::ClockStart { accepted } => match accepted {
            Some(a) => format!("申请已于 {a} 受理: 即使缺件，时限也已开始计算。"),
            None => "尚未受理: 时限尚未开始计算。请补齐缺件后申请受理。".into(),
        },
        Found::DefectNotice {
            notified_in_writing,
        } => match notified_in_writing {
            Some(true) => format!(
                "整改意见已书面一次性告知；整改期间的时间由客户承担{}。",
                if r.is_clerk() { "(CAL-10)" } else { "" }
            ),
            Some(false) => "发现缺陷但未书面一次性告知整改意见。".into(),
            None => "发现缺陷: 供电企业应书面一次性告知全部整改意见，整改后复验；整改时间不计入供电企业时限。".into(),
        },
        Found::StalledWithoutNotice => "已受理的申请被无故搁置或终止且未告知客户。".into(),
        Found::NoStallReported => "未发现已受理的申请被无故搁置或终止而不告知客户的情况。".into(),
    }
}

pub(super) fn caveat(c: &Caveat, r: &Reader) -> String {
    match c {
        Caveat::AlsoAskedLocally { local } => format!("部分地方另要求: {}。", names(local, r)),
    }
}

/// The documents missing, named only: the outcome word before it in the
/// list of problems already says they are missing (`crate::render::headline`).
pub(super) fn missing(docs: &[DocRef], r: &Reader) -> String {
    format!("{}。", names(docs, r))
}

/// For each document that has them, the forms accepted from this customer's
/// category and those known not to be: "用电人有效身份证明可用其中任一:
/// …。不接受: …。"
fn forms(docs: &[DocRef]) -> String {
    let mut out = String::new();
    for d in docs.iter().filter(|d| !d.accepted.is_empty()) {
        let list = |fs: &[Form]| crate::render::forms(fs, crate::render::Lang::Zh);
        let _ = write!(out, "{}可用其中任一: {}。", d.name_zh, list(&d.accepted));
        if !d.not_accepted.is_empty() {
            let _ = write!(out, "不接受: {}。", list(&d.not_accepted));
        }
    }
    out
}

/// Documents by name; a clerk also reads each code.
fn names(docs: &[DocRef], r: &Reader) -> String {
    let mut out = String::new();
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            out.push('、');
        }
        out.push_str(&d.name_zh);
        if r.is_clerk() {
            let _ = write!(out, "({})", d.code);
        }
    }
    out
}
