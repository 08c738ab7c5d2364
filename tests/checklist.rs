//! The document checklist the app shows (catalog §2, DOC-02..05): what each
//! category and business must bring, with the conditional documents.

use chrono::NaiveDate;
use yekuo::case::parse_case;
use yekuo::eval::checklist;
use yekuo::rulebook::Rulebook;

fn docs(json: &str) -> Vec<(String, String, bool)> {
    let case = parse_case(json).expect("test case parses");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    checklist(Rulebook::embedded(), &case, today)
        .into_iter()
        .map(|i| {
            (
                i.document.code.to_string(),
                i.rule.as_str().to_string(),
                i.held,
            )
        })
        .collect()
}

fn codes(v: &[(String, String, bool)]) -> Vec<&str> {
    v.iter().map(|(d, _, _)| d.as_str()).collect()
}

#[test]
fn resident_increase_needs_id_and_account_number() {
    // DOC-03: ID and the existing account; proof of rights only when ownership is unclear.
    let v = docs(
        r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"增容"},"documents":["D-ACCT"]}"#,
    );
    assert_eq!(codes(&v), ["D-ID", "D-ACCT"]);
    assert!(v.iter().all(|(_, r, _)| r == "DOC-03"));
    assert_eq!(v.iter().map(|x| x.2).collect::<Vec<_>>(), [false, true]);

    let v = docs(
        r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"增容","ownership_unclear":true,"agent":true}}"#,
    );
    assert_eq!(codes(&v), ["D-ID", "D-ACCT", "D-PROP", "D-AGENT"]);
}

#[test]
fn high_voltage_new_lists_the_hv_documents_once() {
    // DOC-05: entity certificate, proof of rights, legal representative's ID,
    // equipment list, application form; security-load documents for important users.
    let v = docs(
        r#"{"format":"yekuo-case/1","customer":{"category":"高压","business":"新装","important":true}}"#,
    );
    let c = codes(&v);
    for need in ["D-ID", "D-PROP", "D-LRID", "D-EQUIP", "D-FORM", "D-SEC"] {
        assert!(c.contains(&need), "{need} missing from {c:?}");
    }
    assert!(
        !c.contains(&"D-AGENT"),
        "no agent, no power of attorney: {c:?}"
    );
    let mut sorted = c.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), c.len(), "a document listed twice: {c:?}");
}

#[test]
fn each_item_carries_the_names_of_its_own_document() {
    // Names and accepted forms come from data/rules/documents.toml (DOC-01).
    let case =
        parse_case(r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"增容"}}"#)
            .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let list = checklist(Rulebook::embedded(), &case, today);
    let id = list
        .iter()
        .find(|i| &*i.document.code == "D-ID")
        .expect("D-ID is asked for");
    assert_eq!(&*id.document.name_zh, "用电人有效身份证明");
    assert_eq!(&*id.document.name_en, "Applicant's identity document");
    assert_eq!(&*id.document.accepted[0].zh, "居民身份证");
    let acct = list
        .iter()
        .find(|i| &*i.document.code == "D-ACCT")
        .expect("D-ACCT is asked for");
    assert_ne!(acct.document.name_zh, id.document.name_zh);
}

/// The forms of D-ID accepted from a customer of `category`, in Chinese.
fn id_forms(category: &str) -> (Vec<String>, Vec<String>) {
    let case = parse_case(&format!(
        r#"{{"format":"yekuo-case/1","customer":{{"category":"{category}","business":"新装"}}}}"#
    ))
    .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let list = checklist(Rulebook::embedded(), &case, today);
    let id = list
        .iter()
        .find(|i| &*i.document.code == "D-ID")
        .unwrap_or_else(|| panic!("{category}: D-ID is asked for"));
    let zh = |fs: &[yekuo::report::documents::Form]| fs.iter().map(|f| f.zh.to_string()).collect();
    (zh(&id.document.accepted), zh(&id.document.not_accepted))
}

#[test]
fn a_household_is_offered_an_individuals_papers_only() {
    // Catalog §2.1 D-ID: individuals 居民身份证, alternatives 户口簿, 护照,
    // 军人证, 公安户籍证明; 驾驶证, 工作证, 学生证 are not accepted.
    let (accepted, refused) = id_forms("居民");
    assert_eq!(
        accepted,
        ["居民身份证", "户口簿", "护照", "军人证", "公安户籍证明"]
    );
    assert_eq!(refused, ["驾驶证", "工作证", "学生证"]);
    assert!(
        accepted
            .iter()
            .all(|a| !a.contains("营业执照") && !a.contains("社团")),
        "{accepted:?}"
    );
}

#[test]
fn an_entity_is_offered_the_entity_certificates() {
    // Catalog §2.1 D-ID: enterprises 营业执照 / 组织机构代码证, public
    // institutions their approval documents, 社团 社团法人执照.
    for category in ["低压非居民", "高压"] {
        let (accepted, refused) = id_forms(category);
        let all = accepted.join("|");
        for want in ["营业执照", "组织机构代码证", "批准文件", "社团法人执照"]
        {
            assert!(all.contains(want), "{category}: {want} not in {all}");
        }
        assert!(
            !all.contains("户口簿") && !all.contains("居民身份证"),
            "{category}: {all}"
        );
        assert!(refused.is_empty(), "{category}: {refused:?}");
    }
}
