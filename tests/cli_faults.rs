//! The command line under faults it does not control (issue 11): output
//! that cannot be written, readers that hang up, inputs that never end or
//! are not text. Each run is checked for its exit code, a located message in
//! Chinese and English, no panic, and that output already computed is kept.
#![cfg(unix)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const S0: &str = "examples/s0-case1-110kv.json";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_yekuo"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s0_line() -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(S0)).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    serde_json::to_string(&v).unwrap()
}

/// `yekuo check --batch PATH` as of the S0 case's date.
fn batch(path: &Path) -> (i32, String, String) {
    run(&[
        "check",
        "--batch",
        path.to_str().unwrap(),
        "--as-of",
        "2010-07-01",
    ])
}

fn assert_no_panic(err: &str) {
    assert!(!err.contains("panicked"), "a panic: {err}");
}

#[test]
fn a_full_disk_is_reported_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [
        &["calendar", "count", "2010-01-01", "2010-02-01"][..],
        &["check", S0, "--as-of", "2010-07-01"][..],
        &["rules"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bin().args(args).stdout(full).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("无法写出结果") && err.contains("cannot write the output"),
            "{err}"
        );
        assert_no_panic(&err);
    }
}

#[test]
fn a_reader_that_hangs_up_ends_the_run_quietly() {
    // A report far larger than a pipe's buffer, so the writer meets the
    // closed pipe whatever the timing.
    let dir = scratch("hangup");
    let mut v: serde_json::Value = serde_json::from_str(&s0_line()).unwrap();
    let c = v["contractors"][0].clone();
    v["contractors"] = serde_json::Value::Array(vec![c; 2000]);
    let case = dir.join("big.json");
    std::fs::write(&case, serde_json::to_string(&v).unwrap()).unwrap();
    let mut child = bin()
        .args([
            "check",
            case.to_str().unwrap(),
            "--as-of",
            "2010-07-01",
            "--format",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe's read end is dropped here, as `| head -c1` does.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(&err);
    assert!(
        err.is_empty(),
        "nothing to say to a reader that left: {err}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the case's own verdict (adverse)"
    );
}

#[test]
fn a_fifo_is_read_like_a_file() {
    let dir = scratch("fifo");
    let fifo = dir.join("case.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        let text = s0_line();
        std::thread::spawn(move || {
            std::fs::OpenOptions::new()
                .write(true)
                .open(fifo)
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
        })
    };
    let (code, out, err) = run(&[
        "check",
        fifo.to_str().unwrap(),
        "--as-of",
        "2010-07-01",
        "--lang",
        "en",
    ]);
    writer.join().unwrap();
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("LIC-02"), "{out}");
}

#[test]
fn endless_or_huge_input_is_refused_at_the_cap_not_after_reading_it() {
    let dir = scratch("huge");
    let sparse = dir.join("sparse.json");
    // 2 GB that take no disk: refused by the size it declares.
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    for path in [sparse.to_str().unwrap(), "/dev/zero"] {
        if !Path::new(path).exists() {
            continue;
        }
        let (code, out, err) = run(&["check", path]);
        assert_eq!(code, 2, "{path}: {err}");
        assert!(out.is_empty());
        assert!(
            err.contains(path)
                && err.contains("文件过大")
                && err.contains("too large")
                && err.contains("1048576"),
            "{err}"
        );
    }
}

#[test]
fn a_batch_skips_lines_that_are_not_utf8_too_long_or_marked_and_keeps_going() {
    let dir = scratch("batch-bytes");
    let good = s0_line();
    let mut gbk_line = good.clone().into_bytes();
    // A name in GBK: "居民" is BE D3 C3 F1 (Python's gbk codec).
    let at = gbk_line.iter().position(|&b| b == b'"').unwrap() + 1;
    gbk_line.splice(at..at, *b"\xBE\xD3\xC3\xF1");
    let mut input = Vec::new();
    input.extend_from_slice(b"\xEF\xBB\xBF"); // a BOM on line 1
    input.extend_from_slice(good.as_bytes());
    input.push(b'\n');
    input.extend_from_slice(&gbk_line); // line 2
    input.push(b'\n');
    input.extend_from_slice(b"{\"a\":\"\xFF\"}\n"); // line 3: not UTF-8, not GBK
    input.extend(std::iter::repeat_n(b' ', (1 << 20) + 10)); // line 4: too long
    input.extend_from_slice(b"{}\n");
    input.extend_from_slice(good.as_bytes()); // line 5, no final newline
    let path = dir.join("cases.jsonl");
    std::fs::write(&path, &input).unwrap();
    let (code, out, err) = batch(&path);
    assert_no_panic(&err);
    assert_eq!(code, 2, "a bad line gives 2: {err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let numbers: Vec<u64> = lines.iter().map(|v| v["line"].as_u64().unwrap()).collect();
    assert_eq!(
        numbers,
        [1, 5],
        "the BOM line and the last line are read: {err}"
    );
    let p = path.to_str().unwrap();
    for (n, zh, en) in [
        (2, "GBK", "GBK"),
        (3, "不是 UTF-8", "not UTF-8"),
        (4, "该行过长", "at most 1048576"),
    ] {
        let msg = err
            .lines()
            .find(|l| l.starts_with(&format!("{p}:{n}:")))
            .unwrap_or_else(|| panic!("line {n} not reported: {err}"));
        assert!(msg.contains(zh) && msg.contains(en), "{msg}");
    }
}

#[test]
fn a_batch_that_stops_reading_keeps_the_results_it_wrote() {
    // Two good lines, then 70 MB of zeros with no line break (a sparse tail,
    // as a disk image would have): the batch gives up on the tail, says so,
    // and the two results are on stdout.
    let dir = scratch("batch-tail");
    let path = dir.join("cases.jsonl");
    let head = format!("{0}\n{0}\n", s0_line());
    std::fs::write(&path, &head).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(head.len() as u64 + (70 << 20)).unwrap();
    let (code, out, err) = batch(&path);
    assert_no_panic(&err);
    assert_eq!(code, 2, "{err}");
    assert_eq!(out.lines().count(), 2, "{err}");
    assert!(
        err.contains(":3:") && err.contains("读取中断") && err.contains("reading stopped"),
        "{err}"
    );
}

#[test]
fn a_bom_is_not_an_error_and_gbk_or_utf16_are_named_with_their_place() {
    let dir = scratch("encodings");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(S0)).unwrap();
    let bom = dir.join("bom.json");
    std::fs::write(&bom, [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()).unwrap();
    let (code, _, err) = run(&["check", bom.to_str().unwrap(), "--as-of", "2010-07-01"]);
    assert_eq!(code, 1, "{err}");

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let u16_path = dir.join("utf16.json");
    std::fs::write(&u16_path, utf16).unwrap();
    let (code, _, err) = run(&["check", u16_path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("UTF-16") && err.contains("另存") && err.contains("save it as UTF-8"),
        "{err}"
    );

    // One GBK name on line 3 of a pretty-printed file.
    let gbk = dir.join("gbk.json");
    std::fs::write(
        &gbk,
        b"{\n  \"format\": \"yekuo-case/1\",\n  \"title\": \"\xBE\xD3\xC3\xF1\"\n}".as_slice(),
    )
    .unwrap();
    let (code, _, err) = run(&["check", gbk.to_str().unwrap()]);
    assert_eq!(code, 2);
    // `  "title": "` is 12 characters: the first GBK byte is column 13.
    assert!(
        err.contains("第 3 行第 13 列") && err.contains("line 3, column 13") && err.contains("GBK"),
        "{err}"
    );
}

#[test]
fn asking_for_help_is_not_an_error() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["check", "--help"],
        &["calendar", "-h"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        assert!(
            out.contains("usage:") && out.contains("yekuo check"),
            "{args:?}"
        );
    }
    let (code, _, err) = run(&["check", S0, "--batch", S0]);
    assert_eq!(code, 2);
    assert!(
        err.contains("not both") && err.contains("不要同时给"),
        "{err}"
    );
}

#[test]
fn dates_outside_1900_to_2100_are_refused_in_and_out() {
    let (code, _, err) = run(&["check", S0, "--as-of", "0001-01-01"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--as-of") && err.contains("1900") && err.contains("2100"),
        "{err}"
    );
    // 2100-12-31 is a Friday: five working days later is in 2101.
    let (code, out, err) = run(&["calendar", "add", "2100-12-31", "5"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("2100"), "{err}");
    let (code, _, err) = run(&["calendar", "count", "9999-12-30", "9999-12-31"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn an_as_of_before_the_case_is_pointed_out() {
    let (_, out, err) = run(&["check", S0, "--as-of", "2000-01-01", "--lang", "en"]);
    assert!(
        err.contains("before the case's first date") && err.contains("早于"),
        "{err}"
    );
    assert!(!out.contains("due in 5"), "{out}");
}

#[test]
fn a_rules_folder_without_rule_files_is_an_error() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/rules");
    let empty = scratch("rules-empty");
    let only_docs = scratch("rules-docs");
    std::fs::copy(
        data.join("documents.toml"),
        only_docs.join("documents.toml"),
    )
    .unwrap();
    let renamed = scratch("rules-renamed");
    for e in std::fs::read_dir(&data).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            let name = p
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .replace(".toml", ".toml.bak");
            std::fs::copy(&p, renamed.join(name)).unwrap();
        }
    }
    for dir in [&empty, &only_docs, &renamed] {
        let (code, out, err) = run(&[
            "check",
            S0,
            "--as-of",
            "2010-07-01",
            "--rules",
            dir.to_str().unwrap(),
        ]);
        assert_eq!((code, out.as_str()), (2, ""), "{dir:?}: {err}");
        assert!(
            err.contains("rulebook")
                && (err.contains("no instrument files") || err.contains("documents.toml")),
            "{err}"
        );
    }
    // A rule file that is a link to an endless device is refused at the cap.
    let linked = scratch("rules-zero");
    for e in std::fs::read_dir(&data).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, linked.join(p.file_name().unwrap())).unwrap();
    }
    if std::os::unix::fs::symlink("/dev/zero", linked.join("zero.toml")).is_ok() {
        let (code, _, err) = run(&["rules", "--rules", linked.to_str().unwrap()]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("zero.toml") && err.contains("too large"),
            "{err}"
        );
    }
}
