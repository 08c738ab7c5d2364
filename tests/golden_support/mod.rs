//! Helpers shared by the golden harness.
use std::path::PathBuf;

#[allow(dead_code)] // each test binary that includes this uses part of it
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// `summarize` must tell the same story as the full report: the same
/// number of findings per outcome, and every finding that is not `ok` or
/// `not-applicable`, in order, with its rule, outcome, mark, instrument,
/// article and (for `cannot-determine`) the fields it names. Written here
/// from the report's side, apart from `yekuo::summary`, and returns what
/// differs.
#[allow(dead_code)] // each test binary that includes this uses part of it
pub fn summary_disagreements(
    report: &yekuo::report::Report,
    summary: &yekuo::summary::Summary,
) -> Vec<String> {
    use yekuo::report::Outcome;
    let mut out = Vec::new();
    let count = |o: Outcome| report.findings.iter().filter(|f| f.outcome == o).count() as u32;
    let c = &summary.counts;
    let pairs = [
        (Outcome::Violation, c.violation),
        (Outcome::Overdue, c.overdue),
        (Outcome::Missing, c.missing),
        (Outcome::Warning, c.warning),
        (Outcome::CannotDetermine, c.cannot_determine),
        (Outcome::Ok, c.ok),
        (Outcome::NotApplicable, c.not_applicable),
    ];
    for (o, n) in pairs {
        if count(o) != n {
            out.push(format!(
                "{}: report has {}, summary counts {n}",
                o.code(),
                count(o)
            ));
        }
    }
    if summary.adverse != report.has_adverse() || summary.as_of != report.as_of {
        out.push("adverse or as_of differs".into());
    }
    let expected: Vec<String> = report
        .findings
        .iter()
        .filter(|f| !matches!(f.outcome, Outcome::Ok | Outcome::NotApplicable))
        .map(|f| {
            let c = f.citation.as_ref();
            let fields: Vec<&str> = if f.outcome == Outcome::CannotDetermine {
                f.inputs.iter().map(|i| &**i).collect()
            } else {
                Vec::new()
            };
            format!(
                "{} {} {} {:?} {:?} {fields:?}",
                f.rule,
                f.outcome.code(),
                f.mark,
                c.map(|c| &*c.instrument),
                c.and_then(|c| c.article.as_deref())
            )
        })
        .collect();
    let got: Vec<String> = summary
        .findings
        .iter()
        .map(|b| {
            let fields: Vec<&str> = b.fields.iter().map(|i| &**i).collect();
            format!(
                "{} {} {} {:?} {:?} {fields:?}",
                b.rule,
                b.outcome.code(),
                b.mark,
                b.instrument.as_deref(),
                b.article.as_deref()
            )
        })
        .collect();
    if expected != got {
        out.push(format!(
            "findings differ:\n report  {expected:#?}\n summary {got:#?}"
        ));
    }
    out
}
