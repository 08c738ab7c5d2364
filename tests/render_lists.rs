//! A list in a sentence: every item once, in the rulebook's order, with the
//! language's separator, and a clerk reads each item's code. The names and
//! codes are data/rules/documents.toml's (the catalog's document table); a
//! resident new connection needs D-ID and D-PROP (catalog DOC-02).

use chrono::NaiveDate;
use yekuo::render::{self, Audience, Lang, Reader};
use yekuo::report::{Detail, Report};

fn report() -> Report {
    let case = yekuo::case::parse_case(
        r#"{"format": "yekuo-case/1",
            "customer": {"category": "resident", "business": "new", "voltage_kv": 0.22},
            "utility": {"operator": "SGCC"}}"#,
    )
    .unwrap();
    let as_of = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    yekuo::eval::evaluate(yekuo::rulebook::Rulebook::embedded(), &case, as_of)
}

fn missing_documents(lang: Lang, audience: Audience) -> String {
    let report = report();
    let f = report
        .findings
        .iter()
        .find(|f| matches!(f.detail, Detail::Documents(_)) && f.rule.to_string() == "DOC-02")
        .expect("a DOC-02 finding");
    render::message(
        f,
        &Reader {
            audience,
            ..Reader::clerk(lang)
        },
    )
}

#[test]
fn missing_documents_are_listed_with_their_separator() {
    // Then, per document, the forms accepted from a household (catalog
    // §2.1: an individual's papers; the proofs of rights), in the
    // rulebook's order, and those refused.
    assert_eq!(
        missing_documents(Lang::En, Audience::Clerk),
        "Missing: Applicant's identity document (D-ID), Proof of rights to the premises (D-PROP). \
         Applicant's identity document: any one of resident identity card; household register; \
         passport; military ID; household-registration certificate from the police. \
         Not accepted: driving licence; work card; student card. \
         Proof of rights to the premises: any one of real-estate or house ownership certificate; \
         state or collective land-use certificate; registered purchase contract; \
         lease plus the owner's consent; without a title: certificate of the village or \
         residents' committee and the township."
    );
    assert!(missing_documents(Lang::En, Audience::Customer).starts_with(
        "Missing: Applicant's identity document, Proof of rights to the premises. \
         Applicant's identity document: any one of resident identity card; household register;"
    ));
    assert!(missing_documents(Lang::Zh, Audience::Customer)
        .contains("用电人有效身份证明可用其中任一: 居民身份证；户口簿；护照；军人证；公安户籍证明。不接受: 驾驶证；工作证；学生证。"));
    assert!(missing_documents(Lang::Zh, Audience::Clerk)
        .contains("用电人有效身份证明(D-ID)、用电地址物业权属证明(D-PROP)"));
    assert!(missing_documents(Lang::Zh, Audience::Customer)
        .contains("用电人有效身份证明、用电地址物业权属证明"));
}

/// The list of problems at the top of the results names what is missing in
/// one line: the outcome word before it says "missing", and the accepted
/// forms are in the finding it links to and in the one-time list.
#[test]
fn the_headline_of_missing_documents_names_them_only() {
    let report = report();
    let f = report
        .findings
        .iter()
        .find(|f| f.rule.to_string() == "DOC-02")
        .expect("a DOC-02 finding");
    for (lang, held_form) in [(Lang::Zh, "户口簿"), (Lang::En, "household register")] {
        let customer = Reader {
            audience: Audience::Customer,
            ..Reader::clerk(lang)
        };
        let line = render::headline(f, &customer);
        assert!(render::message(f, &customer).contains(held_form));
        assert!(!line.contains(held_form), "{line}");
        assert!(
            !line.starts_with("Missing") && !line.starts_with("缺少"),
            "{line}"
        );
    }
    assert_eq!(
        render::headline(f, &Reader::clerk(Lang::En)),
        "Applicant's identity document (D-ID), Proof of rights to the premises (D-PROP)."
    );
}
