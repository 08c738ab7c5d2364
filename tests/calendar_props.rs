//! Round-trip and monotonicity properties of the calendar: swept over every
//! day around the covered years (so the coverage edges are crossed), and
//! drawn by proptest from the whole case range 1900–2100 with long spans;
//! then the located errors of the calendar data loader.

use chrono::{Datelike, NaiveDate, Weekday};
use yekuo::calendar::{Calendar, CoverageGap};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn days(from: &str, to: &str) -> impl Iterator<Item = NaiveDate> {
    let end = d(to);
    d(from).iter_days().take_while(move |x| *x <= end)
}

#[test]
fn add_then_count_gives_n_back_and_is_monotone() {
    let cal = Calendar::national();
    for start in days("2003-06-01", "2027-06-30") {
        let mut prev = start;
        for n in 1..=40 {
            let w = cal.add_working_days(start, n).unwrap();
            assert!(
                cal.is_working_day(w),
                "{start}+{n} = {w} is not a working day"
            );
            assert!(w > prev, "{start}+{n}: not increasing");
            assert_eq!(cal.working_days_between(start, w), n, "{start}+{n}");
            // The day before the answer is still n-1 working days away.
            assert_eq!(
                cal.working_days_between(start, w.pred_opt().unwrap()),
                n - 1
            );
            prev = w;
        }
        // Backwards from the n-th working day lands on start (if it is a
        // working day) or on the last working day before it.
        let w = cal.add_working_days(start, 10).unwrap();
        let back = cal.add_working_days(w, -10).unwrap();
        assert_eq!(
            back,
            cal.working_day_on_or_before(start).unwrap(),
            "{start}"
        );
        assert_eq!(cal.working_days_between(w, start), -10);
    }
}

#[test]
fn outside_the_data_only_weekends_are_rest_days() {
    let cal = Calendar::national();
    for day in days("2027-01-01", "2027-12-31").chain(days("2003-01-01", "2003-12-31")) {
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        assert_eq!(cal.is_working_day(day), !weekend, "{day}");
    }
    // 2027-01-01 is a Friday: with no 2027 notice it counts as a working day.
    assert_eq!(
        cal.add_working_days(d("2026-12-31"), 1),
        Some(d("2027-01-01"))
    );
}

#[test]
fn coverage_gap_names_the_uncovered_part() {
    let cal = Calendar::national();
    assert_eq!(cal.coverage(), (d("2004-01-01"), d("2026-12-31")));
    assert_eq!(cal.gap(d("2010-01-01"), d("2026-12-31")), None);
    assert_eq!(
        cal.gap(d("2026-12-20"), d("2027-01-15")),
        Some(CoverageGap {
            from: d("2027-01-01"),
            to: d("2027-01-15")
        })
    );
    // Ranges starting or ending exactly on the coverage edge.
    assert_eq!(
        cal.gap(d("2004-01-01"), d("2027-01-15")),
        Some(CoverageGap {
            from: d("2027-01-01"),
            to: d("2027-01-15")
        })
    );
    assert_eq!(
        cal.gap(d("2003-12-30"), d("2026-12-31")),
        Some(CoverageGap {
            from: d("2003-12-30"),
            to: d("2003-12-31")
        })
    );
    assert_eq!(
        cal.gap(d("2003-12-30"), d("2004-02-01")),
        Some(CoverageGap {
            from: d("2003-12-30"),
            to: d("2003-12-31")
        })
    );
}

#[test]
fn zero_days_and_the_next_working_day() {
    // catalog §11 item 1: 2010-06-15 (端午) is a holiday and day 1 after it
    // is 2010-06-17; adding zero working days moves nothing.
    let cal = Calendar::national();
    for day in ["2010-06-15", "2010-06-17", "2010-06-19"] {
        assert_eq!(cal.add_working_days(d(day), 0), Some(d(day)));
    }
    assert_eq!(
        cal.working_day_on_or_after(d("2010-06-15")),
        Some(d("2010-06-17"))
    );
    assert_eq!(
        cal.working_day_on_or_after(d("2010-06-17")),
        Some(d("2010-06-17"))
    );
}

#[test]
fn special_days_between_excludes_the_start_and_includes_the_end() {
    let cal = Calendar::national();
    let crossed: Vec<_> = cal
        .special_days_between(d("2010-06-15"), d("2010-06-26"))
        .iter()
        .map(|s| s.date)
        .collect();
    assert_eq!(crossed, vec![d("2010-06-16")]);
    let s = cal.special_day(d("2011-12-31")).unwrap();
    assert_eq!(
        s.notice_year, 2012,
        "CAL-12: late December comes from next year's notice"
    );
}

#[test]
fn extreme_dates_do_not_panic() {
    let cal = Calendar::national();
    assert_eq!(cal.add_working_days(NaiveDate::MAX, 1), None);
    assert!(cal.add_working_days(d("1900-01-01"), 100_000).is_some());
    let _ = cal.working_days_between(d("1900-01-01"), d("2100-12-31"));
}

fn load_err(text: &str) -> String {
    Calendar::from_toml(text).unwrap_err().to_string()
}

#[test]
fn calendar_data_errors_say_where_and_what() {
    let head = "names = ['春节: Spring Festival', '端午节: Dragon Boat Festival', \
                \"元旦: New Year's Day\", '长假: Long holiday', '年末: Year end']\n\
                [coverage]\nfirst_year = 2010\nlast_year = 2010\n";
    // Every holiday name needs its English name (issue 14: no Chinese on the
    // English page).
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\noff=['2010-10-01 国庆节']\n"
    ));
    assert!(
        e.contains("off[0]") && e.contains("国庆节") && e.contains("no English name"),
        "{e}"
    );
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\noff=['2010-02-30 春节']\n"
    ));
    assert!(
        e.contains("notice 2010, off[0]") && e.contains("2010-02-30"),
        "{e}"
    );
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\nwork=['2010-06-14 端午节']\n"
    ));
    assert!(e.contains("work[0]") && e.contains("weekday"), "{e}");
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\noff=['2010-06-14 端午节','2010-06-14..2010-06-16 端午节']\n"
    ));
    assert!(e.contains("listed twice"), "{e}");
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\ncolour='red'\n"
    ));
    assert!(e.contains("colour"), "{e}");
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2011\ntitle='t'\nsource='s'\n"
    ));
    assert!(e.contains("outside the coverage"), "{e}");
    let e = load_err("[coverage]\nfirst_year = 2011\nlast_year = 2010\n");
    assert!(e.contains("before first_year"), "{e}");
    // An entry two years before its notice, then one in the December before
    // the notice (allowed by CAL-12) but before the coverage starts.
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\noff=['2008-06-02 端午节']\n"
    ));
    assert!(e.contains("off[0]") && e.contains("notice's year"), "{e}");
    let e = load_err(&format!(
        "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\noff=['2009-12-31 元旦']\n"
    ));
    assert!(
        e.contains("off[0]") && e.contains("outside the coverage"),
        "{e}"
    );
    // Runs: 31 days apart is accepted, longer is refused; the last covered
    // day may be listed.
    let ok = |entries: &str| {
        Calendar::from_toml(&format!(
            "{head}[[notice]]\nyear=2010\ntitle='t'\nsource='s'\noff=[{entries}]\n"
        ))
    };
    assert!(ok("'2010-07-01..2010-08-01 长假'").is_ok());
    assert!(ok("'2010-12-31 年末'").is_ok());
    let e = ok("'2010-07-01..2010-08-10 长假'").unwrap_err().to_string();
    assert!(e.contains("31 days"), "{e}");
}

/// Every covered year comes from its State Council notice (catalog §10:
/// one 国务院办公厅 notice per year), and the calendar says which.
#[test]
fn every_covered_year_names_its_notice() {
    let cal = Calendar::national();
    let (first, last) = cal.coverage();
    let years: Vec<i32> = cal.notices().iter().map(|n| n.year).collect();
    assert_eq!(years, (first.year()..=last.year()).collect::<Vec<_>>());
    for n in cal.notices() {
        assert!(n.title.contains("国务院办公厅"), "{}: {}", n.year, n.title);
        assert!(
            n.title.contains(&n.year.to_string()),
            "{}: {}",
            n.year,
            n.title
        );
    }
}

/// Any day a case may carry (1900–2100), as a chrono day number.
fn any_case_day() -> impl proptest::strategy::Strategy<Value = NaiveDate> {
    use proptest::strategy::Strategy;
    let first = d("1900-01-01").num_days_from_ce();
    let last = d("2100-12-31").num_days_from_ce();
    (first..=last).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

proptest::proptest! {
    // The sweep above covers every start near the data with short spans;
    // these draw starts from the whole case range and spans of years, in
    // both directions, so the rank/select arithmetic meets large offsets.
    #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

    #[test]
    fn adding_and_counting_agree_anywhere(start in any_case_day(), n in -4000i64..=4000) {
        let cal = Calendar::national();
        let w = cal.add_working_days(start, n).unwrap();
        let next = cal.add_working_days(start, n + 1).unwrap();
        proptest::prop_assert!(next > w, "{start} {n}: {w} then {next}");
        if n > 0 {
            proptest::prop_assert!(cal.is_working_day(w));
            proptest::prop_assert_eq!(cal.working_days_between(start, w), n);
            proptest::prop_assert_eq!(cal.working_days_between(start, w.pred_opt().unwrap()), n - 1);
        } else if n < 0 {
            proptest::prop_assert!(cal.is_working_day(w));
            // Backwards the start is not counted either: the working days
            // in [w, start) are exactly -n.
            let before = |x: NaiveDate| x.pred_opt().unwrap();
            proptest::prop_assert_eq!(cal.working_days_between(before(w), before(start)), -n);
        } else {
            proptest::prop_assert_eq!(w, start);
        }
    }

    #[test]
    fn counting_is_additive_antisymmetric_and_matches_day_by_day(
        a in any_case_day(), span1 in 0i64..1500, span2 in 0i64..1500
    ) {
        let cal = Calendar::national();
        let b = a + chrono::Duration::days(span1);
        let c = b + chrono::Duration::days(span2);
        let ab = cal.working_days_between(a, b);
        proptest::prop_assert_eq!(ab + cal.working_days_between(b, c), cal.working_days_between(a, c));
        proptest::prop_assert_eq!(cal.working_days_between(b, a), -ab);
        // The O(1) count against walking the days one by one.
        let walked = a.iter_days().skip(1).take_while(|x| *x <= b).filter(|x| cal.is_working_day(*x)).count();
        proptest::prop_assert_eq!(ab, walked as i64);
    }
}
