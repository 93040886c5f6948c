//! Vital statistics: counted at write time, rolled up by jurisdiction.

use super::builders::*;

#[test]
fn districts_roll_up_into_regions_and_the_country() {
	build_and_execute(|| {
		new_child(10, d(2024, 6, 1), None, None);
		new_child(11, d(2024, 6, 2), None, None);
		new_child(12, d(2024, 5, 2), None, None);
		assert_ok!(birth(13)
			.by(SAM_REGISTRAR)
			.at(SA_SAM)
			.on(d(2024, 6, 3))
			.sex(Sex::Male)
			.register());
		let (a, b) = couple();
		marry(a, b, d(2024, 6, 10));
		let june = YearMonth::new(2024, 6);
		let may = YearMonth::new(2024, 5);
		let row = |month, kind, count| MonthlyCount { month, kind, count };
		assert_eq!(
			CivilEvents::statistics(0, Some(ActKind::Birth), may, june),
			Ok(vec![row(may, ActKind::Birth, 1), row(june, ActKind::Birth, 3)])
		);
		assert_eq!(
			CivilEvents::statistics(1, Some(ActKind::Birth), june, june),
			Ok(vec![row(june, ActKind::Birth, 2)])
		);
		assert_eq!(
			CivilEvents::statistics(SA_SAM, None, june, june),
			Ok(vec![row(june, ActKind::Birth, 1)])
		);
		assert_eq!(
			CivilEvents::statistics(TK_YUN, None, june, june),
			Ok(vec![row(june, ActKind::Birth, 2), row(june, ActKind::Marriage, 1)])
		);
		// Across a year boundary, with nothing in most months.
		assert_eq!(
			CivilEvents::statistics(
				0,
				Some(ActKind::Marriage),
				YearMonth::new(2023, 11),
				YearMonth::new(2025, 2)
			),
			Ok(vec![row(june, ActKind::Marriage, 1)])
		);
		// The storage holds one counter per kind, month and jurisdiction, each already
		// rolled up: Yunusobod's two births count for Tashkent (1) and the country (0) too.
		assert_eq!(count(ActKind::Birth, 2024, 6, TK_YUN), 2);
		assert_eq!(count(ActKind::Birth, 2024, 6, 1), 2);
		assert_eq!(count(ActKind::Birth, 2024, 6, 0), 3);
		assert_eq!(count(ActKind::Birth, 2024, 6, TK_CHI), 0);
	});
}

#[test]
fn a_revoked_act_leaves_every_counter_of_its_lineage() {
	build_and_execute(|| {
		let (a, b) = couple();
		marry(a, b, d(2024, 6, 10));
		let marriage = last_act();
		let lineage = [TK_YUN, 1, 0];
		for j in lineage {
			assert_eq!(count(ActKind::Marriage, 2024, 6, j), 1);
		}
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(marriage)));
		for j in lineage {
			assert_eq!(count(ActKind::Marriage, 2024, 6, j), 0);
		}
		// A zero counter is removed, not kept.
		assert_eq!(Statistics::<Test>::iter().filter(|(k, _)| k.0 == ActKind::Marriage).count(), 0);
	});
}

#[test]
fn statistics_errors() {
	build_and_execute(|| {
		let june = YearMonth::new(2024, 6);
		assert_eq!(
			CivilEvents::statistics(77, None, june, june),
			Err(StatisticsError::UnknownJurisdiction)
		);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(2024, 13), june),
			Err(StatisticsError::InvalidMonth)
		);
		assert_eq!(
			CivilEvents::statistics(0, None, june, YearMonth::new(2024, 5)),
			Err(StatisticsError::EmptyRange)
		);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(2000, 1), YearMonth::new(2010, 1)),
			Err(StatisticsError::RangeTooLong)
		);
		let ten_years = YearMonth::new(2000, 1).months_until(&YearMonth::new(2009, 12));
		assert_eq!(ten_years, MAX_STATISTICS_MONTHS);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(2000, 1), YearMonth::new(2009, 12)),
			Ok(vec![])
		);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(9999, 12), YearMonth::new(9999, 12)),
			Ok(vec![])
		);
	});
}

#[test]
fn late_registrations_count_once_approved() {
	build_and_execute(|| {
		assert_ok!(birth(11).on(d(2024, 1, 1)).sex(Sex::Male).register());
		assert_eq!(count(ActKind::Birth, 2024, 1, TK_YUN), 0);
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		assert_eq!(count(ActKind::Birth, 2024, 1, TK_YUN), 1);
	});
}
