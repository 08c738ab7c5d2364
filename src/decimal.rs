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

#[cfg(test)]
mod tests {
    use super::Decimal;

    /// `f64`'s own `Display` is the oracle: for every value with up to six
    /// decimals (as a case or rule writes them), the text is the same.
    #[test]
    fn writes_what_display_writes_for_short_decimals() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
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
    }
}
