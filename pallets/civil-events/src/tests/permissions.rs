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

/// The table of docs/architecture.md, *Who registers which act*: which kind of office may
/// register which kind of act, asked of the offices pallet exactly as a registration asks it,
/// for an officer of each kind of office, inside its jurisdiction and outside it.
#[test]
fn the_table_of_who_registers_which_act() {
	use civil_registry_primitives::{OfficerPermissions, PermissionError, Role};
	build_and_execute(|| {
		// (officer, the office's kind, a jurisdiction it serves, one it does not)
		let officers = [
			(REGISTRAR, "district registry", TK_YUN, TK_CHI),
			(TK_REGIONAL_REGISTRAR, "regional department", TK_CHI, SA_SAM),
			(WEDDING_REGISTRAR, "wedding house", TK_YUN, SA_SAM),
			(ARCHIVIST, "archive", SA_SAM, 42),
		];
		use ActKind::*;
		// Per kind of act: the kinds of office that register it.
		let table: [(ActKind, &[&str]); 8] = [
			(Birth, &["district registry", "regional department"]),
			(Death, &["district registry", "regional department"]),
			(Marriage, &["district registry", "regional department", "wedding house"]),
			(Divorce, &["district registry", "regional department"]),
			(Adoption, &["district registry", "regional department"]),
			(Paternity, &["district registry", "regional department"]),
			(NameChange, &["district registry", "regional department"]),
			(Enrollment, &["district registry", "regional department", "archive"]),
		];
		for (kind, offices) in table {
			for (who, office, inside, outside) in officers {
				let allowed = offices.contains(&office);
				let here = <Offices as OfficerPermissions<u64>>::authorize(
					&who,
					kind,
					inside,
					Role::Registrar,
				);
				assert_eq!(here.is_ok(), allowed, "{kind:?} by a {office}");
				if !allowed {
					assert_eq!(here.unwrap_err(), PermissionError::ActKindNotAllowed);
					continue;
				}
				let there = <Offices as OfficerPermissions<u64>>::authorize(
					&who,
					kind,
					outside,
					Role::Registrar,
				);
				assert!(
					matches!(
						there,
						Err(PermissionError::OutsideJurisdiction
							| PermissionError::UnknownJurisdiction)
					),
					"{kind:?} by a {office} outside its jurisdiction: {there:?}"
				);
			}
		}
	});
}
