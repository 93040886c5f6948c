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
		assert_ok!(reg(TODAY));
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
