//! What other pallets ask: may this officer register this act here; the tree.

use super::*;

fn authorize(
	who: u64,
	kind: ActKind,
	j: u32,
	role: Role,
) -> Result<civil_registry_primitives::Authorization, PermissionError> {
	<Offices as OfficerPermissions<u64>>::authorize(&who, kind, j, role)
}

#[test]
fn registrar_acts_in_its_jurisdiction() {
	build_and_execute(|| {
		let auth = authorize(YUN_REGISTRAR, ActKind::Birth, TK_YUN, Role::Registrar).unwrap();
		assert_eq!(
			(auth.office, auth.role, auth.office_jurisdiction),
			(YUN_OFFICE, Role::Registrar, TK_YUN)
		);
		assert_eq!(
			authorize(YUN_REGISTRAR, ActKind::Birth, TK_CHI, Role::Registrar),
			Err(PermissionError::OutsideJurisdiction)
		);
		assert_eq!(
			authorize(YUN_REGISTRAR, ActKind::Birth, SA_SAM, Role::Registrar),
			Err(PermissionError::OutsideJurisdiction)
		);
		assert_eq!(
			authorize(YUN_REGISTRAR, ActKind::Birth, TK_YUN, Role::Head),
			Err(PermissionError::RoleTooLow)
		);
		assert!(authorize(YUN_HEAD, ActKind::Death, TK_YUN, Role::Head).is_ok());
	});
}

#[test]
fn a_region_covers_its_districts() {
	build_and_execute(|| {
		for j in [TK, TK_YUN, TK_CHI] {
			assert!(authorize(TK_HEAD, ActKind::Birth, j, Role::Registrar).is_ok());
		}
		assert_eq!(
			authorize(TK_HEAD, ActKind::Birth, SA_SAM, Role::Registrar),
			Err(PermissionError::OutsideJurisdiction)
		);
		assert_eq!(
			authorize(TK_HEAD, ActKind::Birth, UZ, Role::Registrar),
			Err(PermissionError::OutsideJurisdiction)
		);
	});
}

#[test]
fn office_kind_limits_the_acts() {
	build_and_execute(|| {
		assert_ok!(Offices::appoint_head(root(), WEDDING_HOUSE, 50));
		assert!(authorize(50, ActKind::Marriage, TK_YUN, Role::Registrar).is_ok());
		assert_eq!(
			authorize(50, ActKind::Birth, TK_YUN, Role::Registrar),
			Err(PermissionError::ActKindNotAllowed)
		);
	});
}

#[test]
fn inactive_office_and_strangers() {
	build_and_execute(|| {
		assert_eq!(
			authorize(NOBODY, ActKind::Birth, TK_YUN, Role::Registrar),
			Err(PermissionError::NotOfficer)
		);
		assert_eq!(
			authorize(SUDO, ActKind::Birth, TK_YUN, Role::Registrar),
			Err(PermissionError::NotOfficer)
		);
		assert_eq!(
			authorize(YUN_REGISTRAR, ActKind::Birth, 42, Role::Registrar),
			Err(PermissionError::UnknownJurisdiction)
		);
		assert_ok!(Offices::suspend_office(root(), YUN_OFFICE));
		assert_eq!(
			authorize(YUN_REGISTRAR, ActKind::Birth, TK_YUN, Role::Registrar),
			Err(PermissionError::OfficeNotActive)
		);
		assert_eq!(<Offices as OfficerPermissions<u64>>::officer(&YUN_REGISTRAR), None);
	});
}

#[test]
fn supervising_heads() {
	build_and_execute(|| {
		let sup =
			|who, office| <Offices as OfficerPermissions<u64>>::is_supervising_head(&who, office);
		assert!(sup(YUN_HEAD, YUN_OFFICE));
		assert!(sup(TK_HEAD, YUN_OFFICE));
		assert!(!sup(SA_HEAD, YUN_OFFICE));
		assert!(!sup(SAM_HEAD, YUN_OFFICE));
		assert!(!sup(YUN_REGISTRAR, YUN_OFFICE));
		assert!(!sup(YUN_HEAD, SAM_OFFICE));
	});
}

#[test]
fn jurisdiction_tree() {
	build_and_execute(|| {
		assert!(<Offices as JurisdictionTree>::contains(UZ, TK_YUN));
		assert!(<Offices as JurisdictionTree>::contains(TK_YUN, TK_YUN));
		assert!(!<Offices as JurisdictionTree>::contains(TK_YUN, TK));
		assert!(!<Offices as JurisdictionTree>::contains(UZ, 42));
		assert_eq!(<Offices as JurisdictionTree>::parent(TK_YUN), Some(TK));
		assert_eq!(<Offices as JurisdictionTree>::parent(UZ), None);
		assert!(<Offices as JurisdictionTree>::exists(SA));
		assert!(!<Offices as JurisdictionTree>::exists(42));
	});
}
