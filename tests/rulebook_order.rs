//! A rulebook lists its instruments by the day they came into force, then
//! by id, whatever order its files come in: the embedded one (read from
//! build.rs's JSON) and one read from the same TOML files in reverse.

use yekuo::rulebook::{Rulebook, EMBEDDED};

fn order(book: &Rulebook) -> Vec<(chrono::NaiveDate, String)> {
    book.entries
        .iter()
        .map(|e| (e.instrument.from, e.instrument.id.to_string()))
        .collect()
}

#[test]
fn instruments_are_in_force_order_whatever_the_file_order() {
    let embedded = order(Rulebook::embedded());
    let mut sorted = embedded.clone();
    sorted.sort();
    assert_eq!(embedded, sorted);
    assert!(embedded.len() > 5, "every instrument file is read");

    let reversed = EMBEDDED
        .iter()
        .rev()
        .map(|(f, t)| (f.to_string(), t.to_string()));
    assert_eq!(order(&Rulebook::from_files(reversed).unwrap()), sorted);
}
