//! Dates: real calendar dates, never in the future, and none without the chain's clock.

use super::*;

#[test]
fn invalid_and_future_dates() {
	build_and_execute(|| {
		let reg = |born| {
			CivilEvents::enroll_person(signed(ARCHIVIST), TK_YUN, born, h(1), h(0), Sex::Male, h(0))
		};
		assert_noop!(reg(d(2023, 2, 29)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(2024, 13, 1)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(2024, 4, 31)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(1700, 1, 1)), Error::<Test>::InvalidDate);
		assert_noop!(reg(d(2024, 6, 16)), Error::<Test>::DateInFuture);
		assert_ok!(reg(TODAY));
		assert_noop!(
			CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2023, 2, 29),
				h(2),
				h(0),
				Sex::Male,
				None,
				None,
				h(0)
			),
			Error::<Test>::InvalidDate
		);
	});
}

#[test]
fn no_clock_no_dates() {
	build_and_execute(|| {
		pallet_timestamp::Now::<Test>::put(0);
		assert_noop!(
			CivilEvents::enroll_person(
				signed(ARCHIVIST),
				TK_YUN,
				d(1990, 1, 1),
				h(1),
				h(0),
				Sex::Male,
				h(0)
			),
			Error::<Test>::ClockUnavailable
		);
	});
}
