//! Dates: real calendar dates, never in the future, and none without the chain's clock.

use super::builders::*;

#[test]
fn invalid_and_future_dates() {
	build_and_execute(|| {
		let reg = |born| {
			enrollment(1, Sex::Male)
				.by(ARCHIVIST)
				.on(born)
				.document(h(0))
				.data_root(h(0))
				.register()
		};
		assert_noop!(reg(d(2023, 2, 29)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(2024, 13, 1)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(2024, 4, 31)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(1700, 1, 1)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(2024, 6, 16)), Error::<Test>::DateInFuture);
		assert_ok!(reg(GO_LIVE.add_days(-1).unwrap()));
		assert_noop!(
			birth(2)
				.on(d(2023, 2, 29))
				.document(h(0))
				.data_root(h(0))
				.sex(Sex::Male)
				.register(),
			Error::<Test>::InvalidDate
		);
	});
}

#[test]
fn no_clock_no_dates() {
	build_and_execute(|| {
		pallet_timestamp::Now::<Test>::put(0);
		assert_noop!(
			enrollment(1, Sex::Male)
				.by(ARCHIVIST)
				.on(d(1990, 1, 1))
				.document(h(0))
				.data_root(h(0))
				.register(),
			Error::<Test>::ClockUnavailable
		);
	});
}

#[test]
fn today_is_the_date_in_the_countrys_time_zone() {
	build_and_execute(|| {
		// 2024-06-15 18:59 UTC is 23:59 in Tashkent: the 16th is still in the future.
		pallet_timestamp::Now::<Test>::put(NOW_MILLIS + (6 * 60 + 59) * 60_000);
		assert_eq!(CivilEvents::today(), Ok(d(2024, 6, 15)));
		assert_noop!(birth(20).on(d(2024, 6, 16)).register(), Error::<Test>::DateInFuture);
		// 19:00 UTC is midnight in Tashkent: a child born in the first minutes of the 16th is
		// registered that day.
		pallet_timestamp::Now::<Test>::put(NOW_MILLIS + 7 * 60 * 60_000);
		assert_eq!(CivilEvents::today(), Ok(d(2024, 6, 16)));
		assert_ok!(birth(20).on(d(2024, 6, 16)).register());
		// With UTC as the country's time the same moment is still the 15th.
		Law::set(&civil_registry_primitives::FamilyLaw {
			utc_offset_minutes: 0,
			..civil_registry_primitives::FamilyLaw::UZBEKISTAN
		});
		assert_eq!(CivilEvents::today(), Ok(d(2024, 6, 15)));
	});
}
