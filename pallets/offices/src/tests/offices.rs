//! Offices: registered, suspended, reopened and closed, by governance and regional heads.

use super::*;

#[test]
fn governance_registers_any_office() {
	build_and_execute(|| {
		assert_ok!(Offices::register_office(
			root(),
			OfficeKind::RegionalDepartment,
			UZ,
			b"Ministry".to_vec()
		));
		assert_eq!(
			last_event(),
			Event::OfficeRegistered {
				office: 6,
				kind: OfficeKind::RegionalDepartment,
				jurisdiction: UZ,
				registered_by: None
			}
		);
		// The test country has six offices (0..=5): this is the seventh.
		let office = OfficesStorage::<Test>::get(6).unwrap();
		assert_eq!(
			(office.status, office.head, office.registrars),
			(OfficeStatus::Active, None, 0)
		);
		// The archive serves the country too.
		assert_eq!(Jurisdictions::<Test>::get(UZ).unwrap().offices, 2);
	});
}

#[test]
fn regional_head_registers_inside_its_region() {
	build_and_execute(|| {
		assert_ok!(Offices::register_office(
			signed(TK_HEAD),
			OfficeKind::DistrictRegistry,
			TK_CHI,
			b"Chilonzor ZAGS".to_vec()
		));
		assert_eq!(
			last_event(),
			Event::OfficeRegistered {
				office: 6,
				kind: OfficeKind::DistrictRegistry,
				jurisdiction: TK_CHI,
				registered_by: Some(TK_HEAD)
			}
		);
	});
}

#[test]
fn register_errors() {
	build_and_execute(|| {
		let reg = |o, k, j| Offices::register_office(o, k, j, b"Office".to_vec());
		assert_noop!(
			reg(signed(NOBODY), OfficeKind::DistrictRegistry, TK_CHI),
			DispatchError::BadOrigin
		);
		assert_noop!(
			reg(signed(YUN_REGISTRAR), OfficeKind::DistrictRegistry, TK_CHI),
			DispatchError::BadOrigin
		);
		// A district head is not a regional head.
		assert_noop!(
			reg(signed(YUN_HEAD), OfficeKind::DistrictRegistry, TK_YUN),
			Error::<Test>::NotRegionalHead
		);
		// A regional head outside its region.
		assert_noop!(
			reg(signed(TK_HEAD), OfficeKind::DistrictRegistry, SA_SAM),
			Error::<Test>::OutsideRegion
		);
		assert_noop!(
			reg(signed(TK_HEAD), OfficeKind::DistrictRegistry, UZ),
			Error::<Test>::OutsideRegion
		);
		// A regional head may not create regional departments, nor a subscriber to the feed.
		assert_noop!(
			reg(signed(TK_HEAD), OfficeKind::RegionalDepartment, TK_CHI),
			Error::<Test>::KindNotAllowed
		);
		assert_noop!(
			reg(
				signed(TK_HEAD),
				OfficeKind::Subscriber(civil_registry_primitives::ActKinds::of(&[ActKind::Death])),
				TK_CHI
			),
			Error::<Test>::KindNotAllowed
		);
		assert_noop!(
			reg(root(), OfficeKind::DistrictRegistry, 42),
			Error::<Test>::UnknownJurisdiction
		);
		assert_noop!(
			Offices::register_office(root(), OfficeKind::Archive, UZ, vec![b'x'; 33]),
			Error::<Test>::NameTooLong
		);
		assert_noop!(
			Offices::register_office(root(), OfficeKind::Archive, UZ, vec![]),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn suspend_and_reopen() {
	build_and_execute(|| {
		assert_ok!(Offices::suspend_office(root(), YUN_OFFICE));
		assert_eq!(last_event(), Event::OfficeSuspended { office: YUN_OFFICE, suspended_by: None });
		assert_eq!(
			OfficesStorage::<Test>::get(YUN_OFFICE).unwrap().status,
			OfficeStatus::Suspended
		);
		assert_noop!(Offices::suspend_office(root(), YUN_OFFICE), Error::<Test>::OfficeNotActive);
		assert_ok!(Offices::reopen_office(root(), YUN_OFFICE));
		assert_eq!(last_event(), Event::OfficeReopened { office: YUN_OFFICE });
		assert_noop!(Offices::reopen_office(root(), YUN_OFFICE), Error::<Test>::OfficeNotSuspended);
		// The regional head suspends an office of its region.
		assert_ok!(Offices::suspend_office(signed(TK_HEAD), YUN_OFFICE));
		assert_eq!(
			last_event(),
			Event::OfficeSuspended { office: YUN_OFFICE, suspended_by: Some(TK_HEAD) }
		);
	});
}

#[test]
fn suspend_errors() {
	build_and_execute(|| {
		assert_noop!(Offices::suspend_office(root(), 42), Error::<Test>::UnknownOffice);
		assert_noop!(Offices::suspend_office(signed(NOBODY), YUN_OFFICE), DispatchError::BadOrigin);
		// Head of office A may not suspend office B.
		assert_noop!(
			Offices::suspend_office(signed(SAM_HEAD), YUN_OFFICE),
			Error::<Test>::NotRegionalHead
		);
		// Region head outside its region.
		assert_noop!(
			Offices::suspend_office(signed(SA_HEAD), YUN_OFFICE),
			Error::<Test>::OutsideRegion
		);
		// A regional head may not suspend its own (or any) regional department.
		assert_noop!(
			Offices::suspend_office(signed(TK_HEAD), TK_DEPT),
			Error::<Test>::KindNotAllowed
		);
	});
}

#[test]
fn reopen_errors() {
	build_and_execute(|| {
		assert_ok!(Offices::suspend_office(root(), YUN_OFFICE));
		// Only governance reopens, not even the regional head that could suspend.
		assert_noop!(Offices::reopen_office(signed(TK_HEAD), YUN_OFFICE), DispatchError::BadOrigin);
		assert_noop!(Offices::reopen_office(root(), 42), Error::<Test>::UnknownOffice);
	});
}

#[test]
fn close_requires_no_officers_and_is_final() {
	build_and_execute(|| {
		assert_noop!(Offices::close_office(root(), YUN_OFFICE), Error::<Test>::OfficeHasOfficers);
		assert_ok!(Offices::dismiss_officer(root(), YUN_REGISTRAR, None));
		assert_ok!(Offices::dismiss_officer(root(), REGISTRAR_2, None));
		assert_noop!(Offices::close_office(root(), YUN_OFFICE), Error::<Test>::OfficeHasOfficers);
		assert_ok!(Offices::dismiss_officer(root(), YUN_HEAD, None));
		assert_ok!(Offices::close_office(root(), YUN_OFFICE));
		assert_eq!(last_event(), Event::OfficeClosed { office: YUN_OFFICE });
		assert_noop!(Offices::close_office(root(), YUN_OFFICE), Error::<Test>::OfficeClosed);
		assert_noop!(Offices::reopen_office(root(), YUN_OFFICE), Error::<Test>::OfficeNotSuspended);
		assert_noop!(Offices::suspend_office(root(), YUN_OFFICE), Error::<Test>::OfficeNotActive);
		assert_noop!(Offices::appoint_head(root(), YUN_OFFICE, 50), Error::<Test>::OfficeClosed);
		// A closed office still pins its jurisdiction.
		assert_noop!(
			Offices::remove_jurisdiction(root(), TK_YUN),
			Error::<Test>::JurisdictionInUse
		);
	});
}

#[test]
fn close_errors() {
	build_and_execute(|| {
		assert_noop!(Offices::close_office(signed(TK_HEAD), 4), DispatchError::BadOrigin);
		assert_noop!(Offices::close_office(root(), 42), Error::<Test>::UnknownOffice);
	});
}
