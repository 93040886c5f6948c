//! The numbers of a country's family law that the runtime checks: ages, deadlines, the
//! country's time zone. Each runtime sets its own (`pallet_civil_events::Config::Law`); this
//! repository's runtime sets Uzbekistan's ([`FamilyLaw::UZBEKISTAN`]).

use crate::{Date, Sex};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The configurable numbers of the law. polkadot.js reads them as the constant
/// `api.consts.civilEvents.law`.
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
	Debug,
)]
pub struct FamilyLaw {
	/// The age from which one may marry.
	pub marriage_age: u16,
	/// Until a date, a different marriage age for women (`None`: the same law throughout):
	/// what a marriage enrolled from the paper archive is checked by.
	pub former_marriage_age_of_women: Option<FormerAge>,
	/// The lowest marriage age an exemption decision may set.
	pub exempt_marriage_age: u16,
	/// Whether a marriage is only between a man and a woman.
	pub marriage_of_man_and_woman: bool,
	/// The age from which one may change one's name on one's own application.
	pub name_change_age: u16,
	/// The age of an adult (adoptive parents must be adults).
	pub adult_age: u16,
	/// How many years older than the child an adoptive parent who is not married must be
	/// (spouses adopting together, and a step-parent, are exempt).
	pub adoption_age_gap: u16,
	/// The youngest a recorded parent may have been at the child's birth.
	pub min_parent_age: u16,
	/// A child born up to this many days after the father's death is still his.
	pub father_grace_days: u16,
	/// A birth is to be registered within this many months; later, it waits for approval.
	pub birth_deadline_months: u8,
	/// A death is to be registered within this many days; later, it waits for approval.
	pub death_deadline_days: u16,
	/// A marriage registers this many months after the application, at the earliest, unless
	/// the office shortens the wait for a reason the law names.
	pub marriage_waiting_months: u8,
	/// The country's time zone, in minutes east of UTC: "today" for the date rules is the date
	/// there.
	pub utc_offset_minutes: i16,
}

/// A marriage age that held until a date.
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
	Debug,
)]
pub struct FormerAge {
	/// The first day the current age held.
	pub until: Date,
	/// The age before it.
	pub age: u16,
}

impl FamilyLaw {
	/// The marriage age of a person of `sex` on `date`, by the law of that day.
	pub fn marriage_age_on(&self, sex: Sex, date: &Date) -> u16 {
		match self.former_marriage_age_of_women {
			Some(former) if sex == Sex::Female && *date < former.until => former.age,
			_ => self.marriage_age,
		}
	}

	/// The lowest marriage age of a person of `sex` on `date` with an exemption: the age of
	/// that day, lowered as far as an exemption may lower it (`marriage_age` to
	/// `exempt_marriage_age`).
	pub fn exempt_marriage_age_on(&self, sex: Sex, date: &Date) -> u16 {
		let lowering = self.marriage_age.saturating_sub(self.exempt_marriage_age);
		self.marriage_age_on(sex, date).saturating_sub(lowering)
	}

	/// The Family Code of the Republic of Uzbekistan and the rules of registry offices.
	pub const UZBEKISTAN: FamilyLaw = FamilyLaw {
		// Art. 15, as amended in 2019: 18 for both; the district khokim may lower it by at
		// most one year.
		marriage_age: 18,
		exempt_marriage_age: 17,
		// Until 1 September 2019, 17 for women (Presidential resolution No. 4296 of 22 April
		// 2019 raised it to 18): a paper marriage of a woman of 17, or of 16 with the khokim's
		// exemption, was lawful then.
		former_marriage_age_of_women: Some(FormerAge { until: Date::new(2019, 9, 1), age: 17 }),
		// Art. 2: the voluntary union of a man and a woman.
		marriage_of_man_and_woman: true,
		// From 16 on one's own application (the rules of registry offices).
		name_change_age: 16,
		// Art. 152: adoptive parents are adult citizens.
		adult_age: 18,
		// Fifteen years between a single adopter and the child (the Code's chapter on
		// adoption; the article number is not verified here).
		adoption_age_gap: 15,
		// No article found: a plausibility bound on the records (a parent at least 12 years
		// old at the birth), not a rule of the Code.
		min_parent_age: 12,
		// A child born within 300 days after the father's death is his (the Code's rule on
		// establishing descent; the article number is not verified here).
		father_grace_days: 300,
		// A birth within a month, a death within three days (the rules of registry offices;
		// no article of the Code).
		birth_deadline_months: 1,
		death_deadline_days: 3,
		// Art. 13: a marriage is registered a month after the application; for valid reasons
		// (pregnancy, the birth of a child, emancipation) the office may allow it sooner, in
		// special circumstances (a threat to life) the day of the application (the number and
		// wording to be confirmed: docs/architecture.md, *What a ministry lawyer should check*).
		marriage_waiting_months: 1,
		// Tashkent time, UTC+5 (no daylight saving).
		utc_offset_minutes: 300,
	};
}
