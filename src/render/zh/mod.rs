//! Chinese.

mod conduct;
mod coverage;
mod documents;
mod licence;
mod load;
mod plan;
mod time_limit;

use super::{Language, Reader};
use crate::calendar::CoverageGap;
use crate::report::{conduct as co, coverage as cov, Finding, Outcome, Question, Step};
use crate::report::{documents as doc, licence as lic, load as ld, plan as pl, time_limit as tl};
use crate::Mark;
use chrono::NaiveDate;

pub(crate) struct Zh;

/// A case field named in parentheses, where the reader has a name for it
/// (the form's label, or the path for a clerk); nothing for a customer
/// without a label, whom the sentence already tells what to give.
pub(super) fn aside(r: &Reader, path: &str) -> String {
    r.field_if_known(path)
        .map(|f| format!("({f})"))
        .unwrap_or_default()
}

impl Language for Zh {
    fn outcome(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::Violation => "违规",
            Outcome::Overdue => "逾期",
            Outcome::Missing => "缺件",
            Outcome::Warning => "提示",
            Outcome::CannotDetermine => "无法判断",
            Outcome::NotCovered => "超出范围",
            Outcome::Ok => "符合",
            Outcome::NotApplicable => "不适用",
        }
    }

    fn step(&self, s: Step) -> &'static str {
        match s {
            Step::PlanAnswer => "供电方案答复",
            Step::DesignReview => "设计文件审核",
            Step::MidCheck => "中间检查",
            Step::CompletionInspection => "竣工检验",
            Step::PowerOn => "装表接电",
            Step::WholeProcess => "全过程",
        }
    }

    fn quote(&self, label: &str) -> String {
        format!("“{label}”")
    }

    fn unnamed_field(&self) -> &'static str {
        "相关信息"
    }

    fn question(&self, q: Question) -> String {
        match q {
            Question::OutageNoticeInTime => "停电通知是否及时".into(),
            Question::DesignReviewApplies => "是否需要设计审查和中间检查".into(),
            Question::LicenceRulesVersion => "适用哪一版许可证办法".into(),
            Question::ContractorLicensed => "施工单位是否具备许可证".into(),
            Question::TierSuffices => "许可证等级是否满足".into(),
            Question::TierRequired => "所需许可证等级".into(),
            Question::CategoryMatches => "许可证类别是否与所做工作一致".into(),
            Question::LicenceValid => "许可证是否在施工期间有效".into(),
            Question::PlanValid => "供电方案是否在有效期内".into(),
            Question::StepOnTime(s) => format!("{}是否按时", self.step(s)),
            Question::StepStart(s) => format!("{}的起算日", self.step(s)),
            Question::OutageReminderGiven => "停电前是否再次通知".into(),
        }
    }

    fn not_given(&self, q: Question, field: &str) -> String {
        format!("无法判断{}: 未填写{field}。", self.question(q))
    }

    fn calendar_gap(&self, gap: &CoverageGap) -> String {
        format!(
            "{} 至 {} 没有节假日安排数据(国务院尚未公布或超出内置数据)，这段时间只按周末计算，结果可能不准。",
            gap.from, gap.to
        )
    }

    fn unverified(&self, would_be: Outcome, mark: Mark, r: &Reader) -> String {
        if r.is_clerk() {
            format!(
                "(依据为未核实的数值 {mark}，仅作提示；若该数值成立则为\"{}\")",
                self.outcome(would_be)
            )
        } else {
            "(所依据的数值尚未核实，仅供参考)".into()
        }
    }

    fn dates_uncertain(
        &self,
        f: &Finding,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        r: &Reader,
    ) -> String {
        let which = match (from, until) {
            (Some(a), Some(b)) => format!("起始日期({a})和终止日期({b})均未核实"),
            (Some(a), None) => format!("起始日期({a})未核实"),
            (None, Some(b)) => format!("终止日期({b})未核实"),
            (None, None) => "日期未核实".into(),
        };
        match (&f.citation, r.is_clerk()) {
            (Some(c), true) => format!(
                "《{}》({})的{which}，在本案日期是否适用存疑。",
                c.title, c.version
            ),
            _ if until.is_some() && from.is_none() => {
                "这条规定适用到何时尚未核实，结果仅供参考。".into()
            }
            _ => "这条规定何时生效尚未核实，结果仅供参考。".into(),
        }
    }

    fn candidate_version(
        &self,
        f: &Finding,
        possible_from: NaiveDate,
        certain_from: NaiveDate,
        r: &Reader,
    ) -> String {
        match (&f.citation, r.is_clerk()) {
            (Some(c), true) => format!(
                "《{}》({})最迟自{certain_from}起施行，起始日期未知，最早可能为{possible_from}：{certain_from}之前同时列出旧版本的结果，依此版本得出的结论仅作提示。",
                c.title, c.version
            ),
            _ => format!(
                "这项规定的新版本最迟自{certain_from}起执行，具体从何时开始尚不确定，所以新旧两个版本的结果都列出，仅供参考。"
            ),
        }
    }

    fn missing_documents(&self, missing: &[doc::DocRef], r: &Reader) -> String {
        documents::missing(missing, r)
    }

    fn cite(&self, c: &crate::report::Citation) -> String {
        // yekuo's own conventions have neither versions nor articles.
        if c.layer == crate::vocab::Layer::Convention {
            return format!("《{}》", c.title);
        }
        let article = c.article.as_deref().unwrap_or("条文号未知");
        format!("《{}》({}) {article}", c.title, c.version)
    }

    fn documents(&self, d: &doc::Found, f: &Finding, r: &Reader) -> String {
        documents::found(d, f, r)
    }

    fn documents_caveat(&self, c: &doc::Caveat, r: &Reader) -> String {
        documents::caveat(c, r)
    }

    fn time_limit(&self, d: &tl::Found, f: &Finding, r: &Reader) -> String {
        time_limit::found(d, f, r)
    }

    fn time_limit_caveat(&self, c: &tl::Caveat, r: &Reader) -> String {
        time_limit::caveat(c, r)
    }

    fn plan(&self, d: &pl::Found, f: &Finding, r: &Reader) -> String {
        plan::found(d, f, r)
    }

    fn licence(&self, d: &lic::Found, f: &Finding, r: &Reader) -> String {
        licence::found(d, f, r)
    }

    fn load(&self, d: &ld::Found, f: &Finding, r: &Reader) -> String {
        load::found(d, f, r)
    }

    fn conduct(&self, d: &co::Found, f: &Finding, r: &Reader) -> String {
        conduct::found(d, f, r)
    }

    fn coverage(&self, d: &cov::Found, f: &Finding, r: &Reader) -> String {
        coverage::found(d, f, r)
    }
}
