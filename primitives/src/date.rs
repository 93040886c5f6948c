//! Calendar dates (proleptic Gregorian), validated, with the arithmetic the law rules need.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A calendar date. Ordered by `(year, month, day)`, so `<` means "earlier".
///
/// Only [`Date::is_valid`] dates are accepted on chain: month 1–12, a day that exists in that
/// month (29 February only in leap years), years 1800–9999. polkadot.js shows it as
/// `{ year, month, day }`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Date {
	/// The year, e.g. 2024.
	pub year: u16,
	/// The month, 1–12.
	pub month: u8,
	/// The day of the month, 1–31.
	pub day: u8,
}

/// The earliest year a date may have: no living person or archive record is older.
pub const MIN_YEAR: u16 = 1800;
/// The latest year a date may have.
pub const MAX_YEAR: u16 = 9999;

fn is_leap(year: u16) -> bool {
	(year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
	match month {
		1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
		4 | 6 | 9 | 11 => 30,
		2 if is_leap(year) => 29,
		2 => 28,
		_ => 0,
	}
}

impl Date {
	/// A date, without validation (see [`Date::is_valid`]).
	pub const fn new(year: u16, month: u8, day: u8) -> Self {
		Self { year, month, day }
	}

	/// Whether this is a real calendar date in the accepted range.
	pub fn is_valid(&self) -> bool {
		(MIN_YEAR..=MAX_YEAR).contains(&self.year)
			&& (1..=12).contains(&self.month)
			&& self.day >= 1
			&& self.day <= days_in_month(self.year, self.month)
	}

	/// Days since 1970-01-01 (negative before it). Exact for every valid date.
	// Every operand comes from a u16 or a u8, so no intermediate value comes near i64's
	// bounds: the arithmetic cannot overflow.
	#[allow(clippy::arithmetic_side_effects)]
	pub fn days_since_epoch(&self) -> i64 {
		// Howard Hinnant's days_from_civil.
		let y = i64::from(self.year) - i64::from(self.month <= 2);
		let era = y.div_euclid(400);
		let yoe = y - era * 400;
		let m = i64::from(self.month);
		let mp = if m > 2 { m - 3 } else { m + 9 };
		let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
		let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
		era * 146_097 + doe - 719_468
	}

	/// The date `days` after 1970-01-01. `None` outside the accepted years.
	// The only unbounded input is `days`, added with a check; after the division by the 400-year
	// era every intermediate value is smaller than `days` itself or than a 400-year era, so
	// nothing else can overflow.
	#[allow(clippy::arithmetic_side_effects)]
	pub fn from_days_since_epoch(days: i64) -> Option<Self> {
		// Howard Hinnant's civil_from_days.
		let z = days.checked_add(719_468)?;
		let era = z.div_euclid(146_097);
		let doe = z - era * 146_097;
		let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
		let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		let mp = (5 * doy + 2) / 153;
		let day = doy - (153 * mp + 2) / 5 + 1;
		let month = if mp < 10 { mp + 3 } else { mp - 9 };
		let year = yoe + era * 400 + i64::from(month <= 2);
		let date = Date::new(
			u16::try_from(year).ok()?,
			u8::try_from(month).ok()?,
			u8::try_from(day).ok()?,
		);
		date.is_valid().then_some(date)
	}

	/// The calendar date of a Unix timestamp in milliseconds (UTC).
	pub fn from_unix_millis(millis: u64) -> Option<Self> {
		Self::from_days_since_epoch(i64::try_from(millis / 86_400_000).ok()?)
	}

	/// The date `days` days later (or earlier, for negative `days`).
	pub fn add_days(&self, days: i64) -> Option<Self> {
		Self::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
	}

	/// The same day `months` months later; the last day of the month where that day does not
	/// exist (31 January + 1 month = 28 or 29 February).
	pub fn add_months(&self, months: u32) -> Option<Self> {
		let total = u32::from(self.month).checked_sub(1)?.checked_add(months)?;
		let year = u32::from(self.year).checked_add(total / 12)?;
		let year = u16::try_from(year).ok()?;
		let month = u8::try_from((total % 12).checked_add(1)?).ok()?;
		let day = self.day.min(days_in_month(year, month));
		let date = Date::new(year, month, day);
		date.is_valid().then_some(date)
	}

	/// Full years from `self` (a birth date) to `on`; 0 if `on` is earlier. A period counted
	/// in years ends on the same month and day of its last year, and on the last day of that
	/// month when the day does not exist in it (the Civil Code's rule on the end of a period,
	/// as [`Date::add_months`] applies it; article number not verified here): someone born on
	/// 29 February turns a year older on 28 February in common years — comes of age, may
	/// marry, may be adopted no longer, on that day.
	pub fn years_until(&self, on: &Date) -> u16 {
		if on < self {
			return 0;
		}
		let mut years = on.year.saturating_sub(self.year);
		let birthday = (self.month, self.day.min(days_in_month(on.year, self.month)));
		if (on.month, on.day) < birthday {
			years = years.saturating_sub(1);
		}
		years
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn validity() {
		assert!(Date::new(2024, 2, 29).is_valid());
		assert!(!Date::new(2023, 2, 29).is_valid());
		assert!(!Date::new(1900, 2, 29).is_valid());
		assert!(Date::new(2000, 2, 29).is_valid());
		assert!(!Date::new(2024, 4, 31).is_valid());
		assert!(!Date::new(2024, 13, 1).is_valid());
		assert!(!Date::new(2024, 0, 1).is_valid());
		assert!(!Date::new(2024, 1, 0).is_valid());
		assert!(!Date::new(1799, 12, 31).is_valid());
	}

	#[test]
	fn epoch_round_trip() {
		assert_eq!(Date::new(1970, 1, 1).days_since_epoch(), 0);
		assert_eq!(Date::new(2000, 3, 1).days_since_epoch(), 11_017);
		assert_eq!(Date::new(1969, 12, 31).days_since_epoch(), -1);
		let mut d = Date::new(1800, 1, 1);
		let mut n = d.days_since_epoch();
		while d.year < 2101 {
			assert_eq!(Date::from_days_since_epoch(n), Some(d));
			n += 1;
			d = Date::from_days_since_epoch(n).unwrap();
			assert!(d.is_valid());
		}
	}

	#[test]
	fn unix_millis() {
		// 2024-02-29T12:00:00Z
		assert_eq!(Date::from_unix_millis(1_709_208_000_000), Some(Date::new(2024, 2, 29)));
		assert_eq!(Date::from_unix_millis(0), Some(Date::new(1970, 1, 1)));
	}

	#[test]
	fn months_and_ages() {
		assert_eq!(Date::new(2024, 1, 31).add_months(1), Some(Date::new(2024, 2, 29)));
		assert_eq!(Date::new(2023, 12, 15).add_months(1), Some(Date::new(2024, 1, 15)));
		let born = Date::new(2006, 5, 10);
		assert_eq!(born.years_until(&Date::new(2024, 5, 9)), 17);
		assert_eq!(born.years_until(&Date::new(2024, 5, 10)), 18);
		assert_eq!(born.years_until(&Date::new(2000, 1, 1)), 0);
		let leap = Date::new(2004, 2, 29);
		assert_eq!(leap.years_until(&Date::new(2022, 2, 27)), 17);
		assert_eq!(leap.years_until(&Date::new(2022, 2, 28)), 18);
		assert_eq!(leap.years_until(&Date::new(2024, 2, 28)), 19);
		assert_eq!(leap.years_until(&Date::new(2024, 2, 29)), 20);
	}
}
