//! A quantity (kilovolts, kilovolt-amperes, kilowatts) written as people
//! write it: `0.38`, `10`, `12.5`. Written from the value rounded to a
//! millionth, with integer arithmetic, rather than by `f64`'s `Display`,
//! whose shortest-representation algorithms (Grisu with a Dragon4
//! fallback, and the fixed-precision ones) were about 7 KB gzip of the
//! browser bundle (issue 16). Every quantity a case or rule gives has far
//! fewer than six decimals; `tests` checks the result equals `Display`'s
//! for all of them.

use std::fmt;

/// `Decimal(x)` displays `x` with at most six decimals and no trailing
/// zeros.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decimal(pub f64);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x.is_nan() {
            return f.write_str("NaN");
        }
        if x.is_infinite() {
            return f.write_str(if x > 0.0 { "inf" } else { "-inf" });
        }
        // Millionths, exact as an integer while below 2^53.
        let micro = (x.abs() * 1e6).round();
        if micro >= 9.0e15 {
            // Beyond any quantity the limits allow: whole units suffice.
            return write!(f, "{}", x.round() as i64);
        }
        let micro = micro as u64;
        if x < 0.0 && micro != 0 {
            f.write_str("-")?;
        }
        let (whole, mut frac) = (micro / 1_000_000, micro % 1_000_000);
        write!(f, "{whole}")?;
        if frac != 0 {
            let mut width = 6;
            while frac % 10 == 0 {
                frac /= 10;
                width -= 1;
            }
            write!(f, ".{frac:0width$}")?;
        }
        Ok(())
    }
}

/// Reads a quantity as people type it: digits with at most one decimal
/// point (`12`, `0.38`, `.5`, `10.`), nothing else (no sign, exponent,
/// `inf` or `NaN`: a form field for kilovolts needs none of them). The
/// value is what `str::parse::<f64>` gives for the same text, read
/// without its general algorithm, whose code and 11 KB table of powers of
/// five were about 14 KB gzip of each browser bundle (issue 16): the
/// significant digits, at most nineteen (enough to
/// fill a `u64`; later ones are past any quantity's precision and are
/// dropped), over a power of ten. Up to fifteen significant digits, which
/// every quantity a person types has, the one division is exact to the
/// last bit (both numbers are exact in an `f64` and IEEE division rounds
/// once), so the result equals `parse`'s (the test checks it).
pub fn parse(text: &str) -> Option<f64> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + frac.len() == 0 || !digits(whole) || !digits(frac) {
        return None;
    }
    // mantissa * 10^exp, with leading zeros skipped and at most 19 digits kept.
    let (mut mantissa, mut kept, mut exp) = (0u64, 0u32, 0i32);
    for (b, after_point) in whole
        .bytes()
        .map(|b| (b, false))
        .chain(frac.bytes().map(|b| (b, true)))
    {
        let d = u64::from(b - b'0');
        if kept < 19 && (kept > 0 || d != 0) {
            mantissa = mantissa * 10 + d;
            kept += 1;
            exp -= i32::from(after_point);
        } else if kept >= 19 && !after_point {
            exp += 1;
        } else if kept == 0 && after_point {
            exp -= 1;
        }
    }
    // Powers of ten exact in an f64 (10^22 is the last).
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let x = mantissa as f64;
    Some(match usize::try_from(-exp) {
        Ok(e) if e < POW10.len() => x / POW10[e],
        // Over 22 places after the point: a quantity this small is refused
        // by its range anyway; two steps keep it a number.
        Ok(e) => x / 1e22 / 10f64.powi((e - 22) as i32),
        // Over 19 digits before the point, likewise refused by its range.
        Err(_) => x * 10f64.powi(exp),
    })
}

#[cfg(test)]
mod tests {
    use super::{parse, Decimal};

    /// A fixed pseudo-random sweep (xorshift64), the same on every run.
    fn xorshift(seed: &mut u64) {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
    }

    /// `str::parse::<f64>` is the oracle: every plain decimal with up to
    /// fifteen significant digits reads to the same bits, and whatever is
    /// not digits with at most one point is refused.
    #[test]
    fn reads_what_std_parse_reads_for_plain_decimals() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            xorshift(&mut seed);
            let digits = (seed >> 4) % 1_000_000_000_000_000; // up to 15 digits
            let places = (seed % 17) as usize;
            let zeros = ((seed >> 60) % 3) as usize;
            let mut text = format!("{}{digits}", "0".repeat(zeros));
            if places > 0 {
                let at = text.len().saturating_sub(places);
                text.insert(at, '.');
            }
            let want: f64 = text.parse().unwrap();
            assert_eq!(
                parse(&text).map(f64::to_bits),
                Some(want.to_bits()),
                "{text}"
            );
        }
        for t in [
            "0",
            "0.38",
            "10",
            "10.",
            ".5",
            "110",
            "0.000001",
            "999999.999999",
            "007.50",
        ] {
            assert_eq!(parse(t), Some(t.parse::<f64>().unwrap()), "{t}");
        }
        for t in [
            "", ".", "1.2.3", "-1", "+1", "1e3", "inf", "NaN", "1 0", "1,5", "１0", "0x10",
        ] {
            assert_eq!(parse(t), None, "{t:?}");
        }
        // Past nineteen digits, many leading zeros, more than 22 places:
        // still the number, to within its precision. (Twenty nines would
        // overflow a u64 if a twentieth digit were kept; leading zeros
        // counted as digits would crowd out the significant ones; 23 and
        // more places go past the table of exact powers.)
        for long in [
            "123456789012345678901234.5",
            "9999999999999999999999999",
            "0000000000000000000000012.5",
            "0.0000000000000000000012345",
            "0.00000000000000000000001",
            "0.000000000000000000000000000000075",
        ] {
            let (got, want) = (parse(long).unwrap(), long.parse::<f64>().unwrap());
            assert!(
                (got / want - 1.0).abs() < 1e-15,
                "{long}: {got} against {want}"
            );
        }
    }

    /// `f64`'s own `Display` is the oracle: for every value with up to six
    /// decimals (as a case or rule writes them), the text is the same.
    #[test]
    fn writes_what_display_writes_for_short_decimals() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..200_000 {
            xorshift(&mut seed);
            let places = (seed % 7) as i32;
            let digits = (seed >> 8) % 10_000_000_000;
            let x = digits as f64 / 10f64.powi(places);
            for v in [x, -x] {
                assert_eq!(Decimal(v).to_string(), v.to_string(), "{digits}e-{places}");
            }
        }
        for v in [
            0.0,
            0.22,
            0.38,
            10.0,
            35.0,
            110.0,
            1000.0,
            0.000_001,
            999_999.999_999,
        ] {
            assert_eq!(Decimal(v).to_string(), v.to_string());
        }
        assert_eq!(Decimal(1e-9).to_string(), "0");
        assert_eq!(Decimal(f64::NAN).to_string(), "NaN");
        assert_eq!(
            Decimal(f64::INFINITY).to_string(),
            f64::INFINITY.to_string()
        );
        assert_eq!(
            Decimal(f64::NEG_INFINITY).to_string(),
            f64::NEG_INFINITY.to_string()
        );
    }
}
