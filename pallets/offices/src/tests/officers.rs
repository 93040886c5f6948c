//! Officers: heads and registrars appointed and dismissed, compromised keys, nonces.

use super::*;

#[test]
fn governance_appoints_a_head() {
	build_and_execute(|| {
		assert_ok!(Offices::appoint_head(root(), WEDDING_HOUSE, 50));
		assert_eq!(
			last_event(),
			Event::OfficerAppointed { officer: 50, office: WEDDING_HOUSE, role: Role::Head }
		);
		assert_eq!(OfficesStorage::<Test>::get(WEDDING_HOUSE).unwrap().head, Some(50));
		assert_eq!(System::providers(&50), 1);
	});
}

#[test]
fn appoint_head_errors() {
	build_and_execute(|| {
		// A regional head appoints the heads of health facilities only.
		assert_noop!(
			Offices::appoint_head(signed(TK_HEAD), WEDDING_HOUSE, 50),
			Error::<Test>::KindNotAllowed
		);
		assert_noop!(
			Offices::appoint_head(signed(YUN_REGISTRAR), WEDDING_HOUSE, 50),
			DispatchError::BadOrigin
		);
		assert_noop!(Offices::appoint_head(root(), 42, 50), Error::<Test>::UnknownOffice);
		assert_noop!(Offices::appoint_head(root(), YUN_OFFICE, 50), Error::<Test>::OfficeHasHead);
		// An officer of another office cannot be appointed: one office per account.
		assert_noop!(
			Offices::appoint_head(root(), WEDDING_HOUSE, SAM_HEAD),
			Error::<Test>::AlreadyOfficer
		);
	});
}

#[test]
fn the_regional_level_registers_a_health_facility_and_gives_it_keys() {
	build_and_execute(|| {
		assert_ok!(Offices::register_office(
			signed(TK_HEAD),
			OfficeKind::HealthFacility,
			TK_YUN,
			b"Maternity No. 4".to_vec()
		));
		let hospital = 6;
		assert_ok!(Offices::appoint_head(signed(TK_HEAD), hospital, 50));
		assert_eq!(
			last_event(),
			Event::OfficerAppointed { officer: 50, office: hospital, role: Role::Head }
		);
		// Its head gives its staff keys, as an office's head does.
		assert_ok!(Offices::appoint_registrar(signed(50), 51));
		assert_eq!(Officers::<Test>::get(51).unwrap().office, hospital);
		// A facility registers no act, whatever the kind and the role.
		for who in [50, 51] {
			for kind in ActKind::ALL {
				assert_eq!(
					<Offices as OfficerPermissions<u64>>::authorize(
						&who,
						kind,
						TK_YUN,
						Role::Registrar
					),
					Err(PermissionError::ActKindNotAllowed)
				);
			}
		}
		// Another region's head, and a district head, appoint no facility's head.
		assert_ok!(Offices::register_office(
			signed(TK_HEAD),
			OfficeKind::HealthFacility,
			TK_CHI,
			b"Clinic No. 2".to_vec()
		));
		assert_noop!(Offices::appoint_head(signed(SA_HEAD), 7, 52), Error::<Test>::OutsideRegion);
		assert_noop!(
			Offices::appoint_head(signed(YUN_HEAD), 7, 52),
			Error::<Test>::NotRegionalHead
		);
		assert_noop!(
			Offices::appoint_head(signed(TK_HEAD), hospital, 52),
			Error::<Test>::OfficeHasHead
		);
	});
}

#[test]
fn head_appoints_and_dismisses_registrars() {
	build_and_execute(|| {
		assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
		assert_eq!(
			last_event(),
			Event::OfficerAppointed { officer: 60, office: YUN_OFFICE, role: Role::Registrar }
		);
		assert_eq!(OfficesStorage::<Test>::get(YUN_OFFICE).unwrap().registrars, 3);
		assert_ok!(Offices::dismiss_registrar(signed(YUN_HEAD), 60, None));
		assert_eq!(
			last_event(),
			Event::OfficerDismissed {
				officer: 60,
				office: YUN_OFFICE,
				role: Role::Registrar,
				compromised_since: None
			}
		);
		assert!(!Officers::<Test>::contains_key(60));
		assert_eq!(OfficesStorage::<Test>::get(YUN_OFFICE).unwrap().registrars, 2);
		assert_eq!(System::providers(&60), 0);
	});
}

#[test]
fn appoint_registrar_errors() {
	build_and_execute(|| {
		assert_noop!(Offices::appoint_registrar(signed(NOBODY), 60), DispatchError::BadOrigin);
		// A registrar is not a head.
		assert_noop!(
			Offices::appoint_registrar(signed(YUN_REGISTRAR), 60),
			DispatchError::BadOrigin
		);
		assert_noop!(Offices::appoint_registrar(root(), 60), DispatchError::BadOrigin);
		assert_noop!(
			Offices::appoint_registrar(signed(YUN_HEAD), SAM_HEAD),
			Error::<Test>::AlreadyOfficer
		);
		assert_noop!(
			Offices::appoint_registrar(signed(YUN_HEAD), YUN_REGISTRAR),
			Error::<Test>::AlreadyOfficer
		);
		// The bound: 4 registrars per office in the mock (the office has two).
		assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
		assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 61));
		assert_noop!(
			Offices::appoint_registrar(signed(YUN_HEAD), 62),
			Error::<Test>::TooManyRegistrars
		);
		// The head of a suspended office can do nothing.
		assert_ok!(Offices::suspend_office(root(), YUN_OFFICE));
		assert_noop!(
			Offices::dismiss_registrar(signed(YUN_HEAD), 60, None),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn dismiss_registrar_errors() {
	build_and_execute(|| {
		assert_noop!(
			Offices::dismiss_registrar(signed(NOBODY), YUN_REGISTRAR, None),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Offices::dismiss_registrar(signed(YUN_HEAD), NOBODY, None),
			Error::<Test>::NotOfficer
		);
		// Head of office A managing office B.
		assert_ok!(Offices::appoint_registrar(signed(SAM_HEAD), 70));
		assert_noop!(
			Offices::dismiss_registrar(signed(YUN_HEAD), 70, None),
			Error::<Test>::NotYourOffice
		);
		// Even the regional head of Tashkent cannot dismiss a registrar of a district office.
		assert_noop!(
			Offices::dismiss_registrar(signed(TK_HEAD), YUN_REGISTRAR, None),
			Error::<Test>::NotYourOffice
		);
		// A head dismisses registrars, not itself: governance dismisses heads.
		assert_noop!(
			Offices::dismiss_registrar(signed(YUN_HEAD), YUN_HEAD, None),
			Error::<Test>::NotRegistrar
		);
		assert_noop!(
			Offices::dismiss_registrar(signed(YUN_HEAD), YUN_REGISTRAR, Some(2)),
			Error::<Test>::CompromisedInFuture
		);
	});
}

#[test]
fn governance_dismisses_a_head_with_a_compromised_key() {
	build_and_execute(|| {
		System::set_block_number(10);
		assert_ok!(Offices::dismiss_officer(root(), YUN_HEAD, Some(7)));
		assert_eq!(
			last_event(),
			Event::OfficerDismissed {
				officer: YUN_HEAD,
				office: YUN_OFFICE,
				role: Role::Head,
				compromised_since: Some(7)
			}
		);
		assert_eq!(OfficesStorage::<Test>::get(YUN_OFFICE).unwrap().head, None);
		let dismissal = Dismissals::<Test>::get(YUN_HEAD).unwrap();
		assert_eq!((dismissal.dismissed_at, dismissal.compromised_since), (10, Some(7)));
		assert_eq!(
			<Offices as civil_registry_primitives::CompromisedKeys<_, _>>::compromised_since(
				&YUN_HEAD
			),
			Some(7)
		);
		// The compromised key can never serve again, anywhere.
		assert_noop!(
			Offices::appoint_head(root(), YUN_OFFICE, YUN_HEAD),
			Error::<Test>::KeyCompromised
		);
		// The office can get a new head.
		assert_ok!(Offices::appoint_head(root(), YUN_OFFICE, 50));
	});
}

#[test]
fn dismiss_officer_errors() {
	build_and_execute(|| {
		assert_noop!(
			Offices::dismiss_officer(signed(TK_HEAD), YUN_HEAD, None),
			DispatchError::BadOrigin
		);
		assert_noop!(Offices::dismiss_officer(root(), NOBODY, None), Error::<Test>::NotOfficer);
		assert_noop!(
			Offices::dismiss_officer(root(), YUN_HEAD, Some(5)),
			Error::<Test>::CompromisedInFuture
		);
	});
}

/// A stolen key is dismissed whatever other pallets hold of the account: an account they
/// still depend on keeps its provider reference (it signs nothing without a role), and the
/// dismissal goes through.
#[test]
fn dismissal_never_fails_on_the_accounts_references() {
	build_and_execute(|| {
		frame_system::Pallet::<Test>::inc_consumers(&YUN_HEAD).unwrap();
		let providers = System::providers(&YUN_HEAD);
		assert_ok!(Offices::dismiss_officer(root(), YUN_HEAD, Some(0)));
		assert!(!Officers::<Test>::contains_key(YUN_HEAD));
		assert_eq!(System::providers(&YUN_HEAD), providers);
		frame_system::Pallet::<Test>::dec_consumers(&YUN_HEAD);
	});
}

#[test]
fn dismissed_officer_cannot_act() {
	build_and_execute(|| {
		assert_ok!(Offices::dismiss_officer(root(), YUN_HEAD, None));
		assert_noop!(Offices::appoint_registrar(signed(YUN_HEAD), 60), DispatchError::BadOrigin);
		assert_eq!(
			<Offices as OfficerPermissions<u64>>::authorize(
				&YUN_HEAD,
				ActKind::Birth,
				TK_YUN,
				Role::Registrar
			),
			Err(PermissionError::NotOfficer)
		);
	});
}

#[test]
fn reappointment_restores_the_nonce() {
	build_and_execute(|| {
		// The registrar has signed five transactions.
		for _ in 0..5 {
			System::inc_account_nonce(YUN_REGISTRAR);
		}
		assert_ok!(Offices::dismiss_registrar(signed(YUN_HEAD), YUN_REGISTRAR, None));
		// With its only provider gone the account is reaped: nonce back to 0.
		assert_eq!(System::account_nonce(YUN_REGISTRAR), 0);
		assert_eq!(Dismissals::<Test>::get(YUN_REGISTRAR).unwrap().nonce, 5);
		assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), YUN_REGISTRAR));
		// Old transactions (nonces 0..5) cannot be replayed.
		assert_eq!(System::account_nonce(YUN_REGISTRAR), 5);
		assert_eq!(System::providers(&YUN_REGISTRAR), 1);
	});
}
