//! Who may register what, where: officers of active offices, within their jurisdiction and role.

use super::builders::*;

#[test]
fn officers_act_only_where_and_what_they_may() {
	build_and_execute(|| {
		let p = enroll(1, Sex::Male, d(1990, 1, 1));
		let register = |who, j| death(p).by(who).at(j).on(TODAY).document(h(0)).register();
		assert_noop!(register(NOBODY, TK_YUN), Error::<Test>::NotOfficer);
		// A registrar of Yunusobod outside its district.
		assert_noop!(register(REGISTRAR, TK_CHI), Error::<Test>::OutsideJurisdiction);
		// A registrar of Samarkand in Tashkent.
		assert_noop!(register(SAM_REGISTRAR, TK_YUN), Error::<Test>::OutsideJurisdiction);
		// A wedding house registers marriages only.
		assert_noop!(register(WEDDING_REGISTRAR, TK_YUN), Error::<Test>::ActKindNotAllowed);
		assert_noop!(register(REGISTRAR, 42), Error::<Test>::UnknownJurisdiction);
		assert_noop!(
			death(p).origin(RuntimeOrigin::none()).on(TODAY).document(h(0)).register(),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_dismissed_officer_cannot_register() {
	build_and_execute(|| {
		let p = enroll(1, Sex::Male, d(1990, 1, 1));
		assert_ok!(pallet_offices::Pallet::<Test>::dismiss_registrar(
			signed(HEAD),
			REGISTRAR,
			None
		));
		assert_noop!(death(p).on(TODAY).document(h(0)).register(), Error::<Test>::NotOfficer);
	});
}

#[test]
fn a_suspended_office_cannot_register() {
	build_and_execute(|| {
		let p = enroll(1, Sex::Male, d(1990, 1, 1));
		assert_ok!(pallet_offices::Pallet::<Test>::suspend_office(
			RuntimeOrigin::root(),
			YUN_OFFICE
		));
		assert_noop!(death(p).on(TODAY).document(h(0)).register(), Error::<Test>::OfficeNotActive);
	});
}

#[test]
fn an_act_pins_its_jurisdiction() {
	build_and_execute(|| {
		enroll(1, Sex::Male, d(1990, 1, 1));
		assert_noop!(
			pallet_offices::Pallet::<Test>::remove_jurisdiction(RuntimeOrigin::root(), TK_YUN),
			pallet_offices::Error::<Test>::JurisdictionInUse
		);
	});
}
