//! Every input a fuzz run ever crashed on, saved under
//! tests/fuzz/regressions/<target>/, replayed with plain `cargo test` against
//! the same properties the fuzz targets check (tests/fuzz/checks.rs).

#[path = "fuzz/checks.rs"]
mod checks;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/regressions")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|f| f.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        check(&std::fs::read(&path).unwrap());
        n += 1;
    }
    n
}

#[test]
fn saved_fuzz_crashes_stay_fixed() {
    replay("parse_case", checks::parse_case);
    replay("rulebook", checks::rulebook);
    replay("evaluate", checks::evaluate);
}

/// The checks themselves run on known inputs (the seeds the fuzzer starts
/// from), so a broken check cannot hide behind an empty regression folder.
#[test]
fn the_checks_accept_the_seed_inputs() {
    let s0 = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap();
    checks::parse_case(&s0);
    checks::evaluate(&[[7u8, 200].as_slice(), &s0].concat());
    let rule = yekuo::rulebook::EMBEDDED[3].1.as_bytes();
    checks::rulebook(&[[3u8].as_slice(), rule].concat());
    checks::rulebook(b"\x03[instrument]\nid = 1");
}
