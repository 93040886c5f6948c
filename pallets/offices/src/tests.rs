//! Unit tests of the offices pallet. Every test runs on the genesis of [`crate::mock`] and ends
//! with the pallet's invariants checked ([`build_and_execute`]).

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate::{
	mock::*, CheckRole, Dismissals, Error, Event, Jurisdictions, OfficeStatus, Officers,
	Offices as OfficesStorage,
};
use civil_registry_primitives::{
	ActKind, CompromisedKeys, JurisdictionTree, OfficeKind, OfficerPermissions, PermissionError,
	Role,
};
use frame_support::{assert_noop, assert_ok, dispatch::DispatchInfo};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	DispatchError,
};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Offices(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("an offices event was emitted")
}

fn code(v: &str) -> crate::CodeOf<Test> {
	v.as_bytes().to_vec().try_into().unwrap()
}

fn name(v: &str) -> crate::NameOf<Test> {
	v.as_bytes().to_vec().try_into().unwrap()
}

mod genesis {
	use super::*;

	#[test]
	fn builds_the_tree_offices_and_officers() {
		build_and_execute(|| {
			assert_eq!(Jurisdictions::<Test>::iter().count(), 6);
			let yun = Jurisdictions::<Test>::get(TK_YUN).unwrap();
			assert_eq!((yun.parent, yun.depth, yun.offices), (Some(TK), 2, 1));
			assert_eq!(Jurisdictions::<Test>::get(UZ).unwrap().children, 2);
			let office = OfficesStorage::<Test>::get(YUN_OFFICE).unwrap();
			assert_eq!(office.head, Some(YUN_HEAD));
			assert_eq!(office.registrars, 1);
			assert_eq!(Officers::<Test>::get(YUN_REGISTRAR).unwrap().role, Role::Registrar);
			// Every role holder, and the privileged signer, can pass the nonce check.
			for who in [YUN_HEAD, YUN_REGISTRAR, TK_HEAD, SAM_HEAD, SA_HEAD, SUDO] {
				assert_eq!(System::providers(&who), 1);
			}
			assert_eq!(System::providers(&NOBODY), 0);
		});
	}
}

mod jurisdictions {
	use super::*;

	#[test]
	fn create_works_and_emits() {
		build_and_execute(|| {
			assert_ok!(Offices::create_jurisdiction(
				root(),
				b"UZ-TK-MUL".to_vec(),
				b"Mirzo Ulugbek".to_vec(),
				Some(TK)
			));
			assert_eq!(
				last_event(),
				Event::JurisdictionCreated {
					jurisdiction: 6,
					code: code("UZ-TK-MUL"),
					parent: Some(TK)
				}
			);
			assert_eq!(Offices::jurisdiction_by_code(b"UZ-TK-MUL"), Some(6));
			assert_eq!(Jurisdictions::<Test>::get(6).unwrap().depth, 2);
			assert_eq!(Jurisdictions::<Test>::get(TK).unwrap().children, 3);
			// A second country is a root of its own.
			assert_ok!(Offices::create_jurisdiction(
				root(),
				b"KZ".to_vec(),
				b"Kazakhstan".to_vec(),
				None
			));
			assert_eq!(Jurisdictions::<Test>::get(7).unwrap().depth, 0);
		});
	}

	#[test]
	fn create_requires_governance() {
		build_and_execute(|| {
			for origin in [signed(NOBODY), signed(TK_HEAD), RuntimeOrigin::none()] {
				assert_noop!(
					Offices::create_jurisdiction(origin, b"UZ-X".to_vec(), b"X".to_vec(), Some(UZ)),
					DispatchError::BadOrigin
				);
			}
		});
	}

	#[test]
	fn create_rejects_bad_input() {
		build_and_execute(|| {
			let create = |c: &[u8], n: &[u8], p| {
				Offices::create_jurisdiction(root(), c.to_vec(), n.to_vec(), p)
			};
			assert_noop!(create(b"UZ-TK", b"Again", Some(UZ)), Error::<Test>::CodeTaken);
			assert_noop!(create(b"", b"Empty", Some(UZ)), Error::<Test>::InvalidCode);
			assert_noop!(create(b"uz-lower", b"Lower", Some(UZ)), Error::<Test>::InvalidCode);
			assert_noop!(create(b"UZ TK", b"Space", Some(UZ)), Error::<Test>::InvalidCode);
			assert_noop!(create(&[b'A'; 17], b"Long", Some(UZ)), Error::<Test>::CodeTooLong);
			assert_noop!(create(b"UZ-NEW", &[b'n'; 33], Some(UZ)), Error::<Test>::NameTooLong);
			assert_noop!(create(b"UZ-NEW", b"", Some(UZ)), Error::<Test>::EmptyName);
			assert_noop!(create(b"UZ-NEW", b"New", Some(42)), Error::<Test>::UnknownJurisdiction);
		});
	}

	#[test]
	fn create_bounds_depth() {
		build_and_execute(|| {
			// Depth 3 is the mock's maximum: UZ (0) → UZ-TK (1) → UZ-TK-YUN (2) → a (3).
			assert_ok!(Offices::create_jurisdiction(
				root(),
				b"A".to_vec(),
				b"a".to_vec(),
				Some(TK_YUN)
			));
			assert_noop!(
				Offices::create_jurisdiction(root(), b"B".to_vec(), b"b".to_vec(), Some(6)),
				Error::<Test>::TooDeep
			);
		});
	}

	#[test]
	fn rename_works() {
		build_and_execute(|| {
			assert_ok!(Offices::rename_jurisdiction(root(), TK, b"Toshkent".to_vec()));
			assert_eq!(
				last_event(),
				Event::JurisdictionRenamed { jurisdiction: TK, name: name("Toshkent") }
			);
			assert_eq!(Jurisdictions::<Test>::get(TK).unwrap().name, name("Toshkent"));
		});
	}

	#[test]
	fn rename_errors() {
		build_and_execute(|| {
			assert_noop!(
				Offices::rename_jurisdiction(signed(TK_HEAD), TK, b"X".to_vec()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Offices::rename_jurisdiction(root(), 42, b"X".to_vec()),
				Error::<Test>::UnknownJurisdiction
			);
			assert_noop!(
				Offices::rename_jurisdiction(root(), TK, vec![b'x'; 33]),
				Error::<Test>::NameTooLong
			);
			assert_noop!(
				Offices::rename_jurisdiction(root(), TK, vec![]),
				Error::<Test>::EmptyName
			);
		});
	}

	#[test]
	fn remove_works_only_when_unused() {
		build_and_execute(|| {
			// Chilonzor has no office, no child, no record.
			assert_ok!(Offices::remove_jurisdiction(root(), TK_CHI));
			assert_eq!(last_event(), Event::JurisdictionRemoved { jurisdiction: TK_CHI });
			assert!(!Jurisdictions::<Test>::contains_key(TK_CHI));
			assert_eq!(Offices::jurisdiction_by_code(b"UZ-TK-CHI"), None);
			assert_eq!(Jurisdictions::<Test>::get(TK).unwrap().children, 1);
			// Its code is free again.
			assert_ok!(Offices::create_jurisdiction(
				root(),
				b"UZ-TK-CHI".to_vec(),
				b"C".to_vec(),
				Some(TK)
			));
		});
	}

	#[test]
	fn remove_errors() {
		build_and_execute(|| {
			assert_noop!(
				Offices::remove_jurisdiction(signed(TK_HEAD), TK_CHI),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Offices::remove_jurisdiction(root(), 42),
				Error::<Test>::UnknownJurisdiction
			);
			// Has children.
			assert_noop!(
				Offices::remove_jurisdiction(root(), UZ),
				Error::<Test>::JurisdictionInUse
			);
			// Has an office.
			assert_noop!(
				Offices::remove_jurisdiction(root(), TK_YUN),
				Error::<Test>::JurisdictionInUse
			);
			// Has a record.
			<Offices as JurisdictionTree>::note_record(TK_CHI);
			assert_noop!(
				Offices::remove_jurisdiction(root(), TK_CHI),
				Error::<Test>::JurisdictionInUse
			);
		});
	}
}

mod offices {
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
					office: 5,
					kind: OfficeKind::RegionalDepartment,
					jurisdiction: UZ,
					registered_by: None
				}
			);
			let office = OfficesStorage::<Test>::get(5).unwrap();
			assert_eq!(
				(office.status, office.head, office.registrars),
				(OfficeStatus::Active, None, 0)
			);
			assert_eq!(Jurisdictions::<Test>::get(UZ).unwrap().offices, 1);
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
					office: 5,
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
			// A regional head may not create regional departments.
			assert_noop!(
				reg(signed(TK_HEAD), OfficeKind::RegionalDepartment, TK_CHI),
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
			assert_eq!(
				last_event(),
				Event::OfficeSuspended { office: YUN_OFFICE, suspended_by: None }
			);
			assert_eq!(
				OfficesStorage::<Test>::get(YUN_OFFICE).unwrap().status,
				OfficeStatus::Suspended
			);
			assert_noop!(
				Offices::suspend_office(root(), YUN_OFFICE),
				Error::<Test>::OfficeNotActive
			);
			assert_ok!(Offices::reopen_office(root(), YUN_OFFICE));
			assert_eq!(last_event(), Event::OfficeReopened { office: YUN_OFFICE });
			assert_noop!(
				Offices::reopen_office(root(), YUN_OFFICE),
				Error::<Test>::OfficeNotSuspended
			);
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
			assert_noop!(
				Offices::suspend_office(signed(NOBODY), YUN_OFFICE),
				DispatchError::BadOrigin
			);
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
			assert_noop!(
				Offices::reopen_office(signed(TK_HEAD), YUN_OFFICE),
				DispatchError::BadOrigin
			);
			assert_noop!(Offices::reopen_office(root(), 42), Error::<Test>::UnknownOffice);
		});
	}

	#[test]
	fn close_requires_no_officers_and_is_final() {
		build_and_execute(|| {
			assert_noop!(
				Offices::close_office(root(), YUN_OFFICE),
				Error::<Test>::OfficeHasOfficers
			);
			assert_ok!(Offices::dismiss_officer(root(), YUN_REGISTRAR, None));
			assert_noop!(
				Offices::close_office(root(), YUN_OFFICE),
				Error::<Test>::OfficeHasOfficers
			);
			assert_ok!(Offices::dismiss_officer(root(), YUN_HEAD, None));
			assert_ok!(Offices::close_office(root(), YUN_OFFICE));
			assert_eq!(last_event(), Event::OfficeClosed { office: YUN_OFFICE });
			assert_noop!(Offices::close_office(root(), YUN_OFFICE), Error::<Test>::OfficeClosed);
			assert_noop!(
				Offices::reopen_office(root(), YUN_OFFICE),
				Error::<Test>::OfficeNotSuspended
			);
			assert_noop!(
				Offices::suspend_office(root(), YUN_OFFICE),
				Error::<Test>::OfficeNotActive
			);
			assert_noop!(
				Offices::appoint_head(root(), YUN_OFFICE, 50),
				Error::<Test>::OfficeClosed
			);
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
}

mod officers {
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
			assert_noop!(
				Offices::appoint_head(signed(TK_HEAD), WEDDING_HOUSE, 50),
				DispatchError::BadOrigin
			);
			assert_noop!(Offices::appoint_head(root(), 42, 50), Error::<Test>::UnknownOffice);
			assert_noop!(
				Offices::appoint_head(root(), YUN_OFFICE, 50),
				Error::<Test>::OfficeHasHead
			);
			// An officer of another office cannot be appointed: one office per account.
			assert_noop!(
				Offices::appoint_head(root(), WEDDING_HOUSE, SAM_HEAD),
				Error::<Test>::AlreadyOfficer
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
			assert_eq!(OfficesStorage::<Test>::get(YUN_OFFICE).unwrap().registrars, 2);
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
			assert_eq!(OfficesStorage::<Test>::get(YUN_OFFICE).unwrap().registrars, 1);
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
			// The bound: 3 registrars per office in the mock.
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
			assert_noop!(
				Offices::appoint_registrar(signed(YUN_HEAD), 60),
				DispatchError::BadOrigin
			);
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
}

mod permissions {
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
			let sup = |who, office| {
				<Offices as OfficerPermissions<u64>>::is_supervising_head(&who, office)
			};
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
}

mod gate {
	use super::*;

	fn validate(who: Option<u64>) -> Result<(), TransactionValidityError> {
		validate_call(who, RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
	}

	/// The gate validating `call` from `who` at the pool.
	fn validate_call(who: Option<u64>, call: RuntimeCall) -> Result<(), TransactionValidityError> {
		let origin = match who {
			Some(w) => RuntimeOrigin::signed(w),
			None => RuntimeOrigin::none(),
		};
		CheckRole::<Test>::new()
			.validate(
				origin,
				&call,
				&DispatchInfo::default(),
				0,
				(),
				&TxBaseImplication(&call),
				TransactionSource::External,
			)
			.map(|_| ())
	}

	#[test]
	fn admits_role_holders_only() {
		build_and_execute(|| {
			assert_eq!(validate(Some(NOBODY)), Err(InvalidTransaction::BadSigner.into()));
			assert_ok!(validate(Some(YUN_REGISTRAR)));
			assert_ok!(validate(Some(YUN_HEAD)));
			assert_ok!(validate(Some(SUDO)));
			// Unsigned transactions and inherents are not the gate's business.
			assert_ok!(validate(None));
		});
	}

	#[test]
	fn dismissal_and_suspension_close_the_gate() {
		build_and_execute(|| {
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
			assert_ok!(validate(Some(60)));
			assert_ok!(Offices::dismiss_registrar(signed(YUN_HEAD), 60, None));
			assert_eq!(validate(Some(60)), Err(InvalidTransaction::BadSigner.into()));
			assert_ok!(Offices::suspend_office(root(), YUN_OFFICE));
			assert_eq!(validate(Some(YUN_REGISTRAR)), Err(InvalidTransaction::BadSigner.into()));
			assert_ok!(Offices::reopen_office(root(), YUN_OFFICE));
			assert_ok!(validate(Some(YUN_REGISTRAR)));
		});
	}

	/// The gate as a block author runs it (validate, then prepare) on a transaction of `len`
	/// bytes from `who`.
	fn include(who: u64, len: usize) -> Result<(), TransactionValidityError> {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		CheckRole::<Test>::new()
			.validate_and_prepare(signed(who), &call, &DispatchInfo::default(), len, 0)
			.map(|_| ())
	}

	const SPENT: TransactionValidityError =
		TransactionValidityError::Invalid(InvalidTransaction::Custom(crate::BUDGET_SPENT));

	#[test]
	fn each_signer_has_a_days_budget_counted_with_its_queue() {
		build_and_execute(|| {
			// The mock's budget: 5 transactions or 1,000 bytes a day of 10 blocks, none longer
			// than 300 bytes.
			System::set_block_number(1);
			let admits = |ahead, len| Offices::check_budget(&YUN_REGISTRAR, ahead, len).is_ok();
			// The pool admits a queue as long as the day holds it, those ahead counted at the
			// longest a transaction may be: four (3 × 300 + 10 ≤ 1,000), not a fifth.
			assert!((0..4).all(|ahead| admits(ahead, 10)));
			assert!(!admits(4, 10));
			assert!(admits(3, 100));
			assert!(!admits(3, 101));
			// None longer than 300 bytes, ever.
			assert!(!admits(0, 301));
			// Transactions count too: with two in, a queue of three more, not four.
			assert_ok!(include(YUN_REGISTRAR, 10));
			assert_ok!(include(YUN_REGISTRAR, 10));
			assert!((0..3).all(|ahead| admits(ahead, 10)));
			assert!(!admits(3, 10));
			// What the pool admitted, blocks include: three, then no more today.
			for _ in 0..3 {
				assert_ok!(include(YUN_REGISTRAR, 10));
			}
			assert_eq!(include(YUN_REGISTRAR, 10), Err(SPENT));
			assert_eq!(validate(Some(YUN_REGISTRAR)), Err(SPENT));
			// Another signer has its own budget.
			assert_ok!(include(YUN_HEAD, 10));
			// Bytes count too.
			System::set_block_number(2);
			for _ in 0..3 {
				assert_ok!(include(YUN_HEAD, 300));
			}
			assert_eq!(include(YUN_HEAD, 100), Err(SPENT));
			assert_ok!(include(YUN_HEAD, 10));
			// A new day (blocks 10 to 19): a new budget.
			System::set_block_number(10);
			assert_ok!(include(YUN_REGISTRAR, 10));
		});
	}

	#[test]
	fn dismissal_and_reappointment_give_no_fresh_budget() {
		build_and_execute(|| {
			// A stolen head key: its registrar spends the day's five, is dismissed and
			// appointed again to be re-armed. The budget is the key's, not the appointment's.
			System::set_block_number(1);
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
			for _ in 0..5 {
				assert_ok!(include(60, 10));
			}
			assert_eq!(include(60, 10), Err(SPENT));
			assert_ok!(Offices::dismiss_registrar(signed(YUN_HEAD), 60, None));
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
			assert_eq!(include(60, 10), Err(SPENT));
			System::set_block_number(9);
			assert_eq!(include(60, 10), Err(SPENT));
			System::set_block_number(10);
			assert_ok!(include(60, 10));
		});
	}

	/// `who` validating a heartbeat with `payload`.
	fn heartbeat(who: u64, payload: Vec<u8>) -> Result<(), TransactionValidityError> {
		let payload = payload.try_into().unwrap();
		validate_call(Some(who), RuntimeCall::Offices(crate::Call::heartbeat { payload }))
	}

	#[test]
	fn a_heartbeat_pads_with_zeros_and_carries_nothing() {
		build_and_execute(|| {
			assert_ok!(heartbeat(YUN_REGISTRAR, vec![]));
			assert_ok!(heartbeat(YUN_REGISTRAR, vec![0; crate::MAX_HEARTBEAT_PAYLOAD as usize]));
			// One byte of data is a remark in disguise: refused before it takes block space.
			let mut payload = vec![0; 1000];
			payload[999] = 1;
			assert_eq!(heartbeat(YUN_REGISTRAR, payload), Err(InvalidTransaction::Call.into()));
			assert_eq!(
				heartbeat(YUN_REGISTRAR, b"hello".to_vec()),
				Err(InvalidTransaction::Call.into())
			);
		});
	}

	#[test]
	fn validate_only_reports_the_same() {
		build_and_execute(|| {
			let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			assert_eq!(
				CheckRole::<Test>::new()
					.validate_only(
						Some(NOBODY).into(),
						&call,
						&DispatchInfo::default(),
						0,
						TransactionSource::External,
						0
					)
					.map(|_| ())
					.unwrap_err(),
				TransactionValidityError::from(InvalidTransaction::BadSigner)
			);
		});
	}
}

mod appointments {
	use super::*;
	use crate::{AppointedBy, AppointmentDelay, Appointments};

	#[test]
	fn a_head_appoints_at_most_max_appointments_per_day() {
		build_and_execute(|| {
			// The mock: three a day of ten blocks, per office.
			System::set_block_number(3);
			for who in 60..63 {
				assert_ok!(Offices::appoint_registrar(signed(TK_HEAD), who));
			}
			assert_noop!(
				Offices::appoint_registrar(signed(TK_HEAD), 63),
				Error::<Test>::TooManyAppointments
			);
			// Dismissing makes no room: the count is of appointments, not of registrars.
			assert_ok!(Offices::dismiss_registrar(signed(TK_HEAD), 60, None));
			assert_noop!(
				Offices::appoint_registrar(signed(TK_HEAD), 60),
				Error::<Test>::TooManyAppointments
			);
			// Another office has its own count; the next day brings three more.
			assert_ok!(Offices::appoint_registrar(signed(SAM_HEAD), 63));
			System::set_block_number(10);
			assert_ok!(Offices::appoint_registrar(signed(TK_HEAD), 60));
			// Every appointment is recorded under the head that made it.
			let appointed: Vec<u64> =
				Appointments::<Test>::iter_prefix(TK_HEAD).map(|(who, _)| who).collect();
			assert_eq!(appointed.len(), 3);
			assert_eq!(AppointedBy::<Test>::get(60), Some((TK_HEAD, 10)));
		});
	}

	#[test]
	fn an_appointment_waits_its_delay_and_can_be_vetoed_meanwhile() {
		build_and_execute(|| {
			assert_noop!(
				Offices::set_appointment_delay(signed(TK_HEAD), 5),
				DispatchError::BadOrigin
			);
			assert_ok!(Offices::set_appointment_delay(root(), 5));
			assert_eq!(AppointmentDelay::<Test>::get(), 5);
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 61));
			System::assert_has_event(
				Event::AppointmentPending {
					officer: 60,
					office: YUN_OFFICE,
					appointed_by: YUN_HEAD,
					effective_at: 6,
				}
				.into(),
			);
			// Not yet an officer: the gate does not admit it.
			assert!(Offices::active_officer(&60).is_none());
			assert_eq!(
				CheckRole::<Test>::new()
					.validate_only(
						signed(60),
						&RuntimeCall::System(frame_system::Call::remark { remark: vec![] }),
						&DispatchInfo::default(),
						0,
						TransactionSource::External,
						0
					)
					.map(|_| ())
					.unwrap_err(),
				TransactionValidityError::from(InvalidTransaction::BadSigner)
			);
			// Only the regional level vetoes: not the head of another region, not the
			// appointing head.
			assert_noop!(
				Offices::veto_appointment(signed(SA_HEAD), 60),
				Error::<Test>::OutsideRegion
			);
			assert_noop!(
				Offices::veto_appointment(signed(YUN_HEAD), 60),
				Error::<Test>::NotRegionalHead
			);
			assert_ok!(Offices::veto_appointment(signed(TK_HEAD), 60));
			System::assert_has_event(
				Event::AppointmentVetoed {
					officer: 60,
					office: YUN_OFFICE,
					vetoed_by: Some(TK_HEAD),
				}
				.into(),
			);
			assert!(Offices::active_officer(&60).is_none());
			// The other takes effect; then it is a dismissal's business.
			System::set_block_number(6);
			assert!(Offices::active_officer(&61).is_some());
			assert_noop!(
				Offices::veto_appointment(signed(TK_HEAD), 61),
				Error::<Test>::AppointmentInEffect
			);
			assert_noop!(Offices::veto_appointment(root(), 62), Error::<Test>::NotOfficer);
		});
	}

	#[test]
	fn a_compromised_heads_later_appointees_hold_no_role() {
		build_and_execute(|| {
			System::set_block_number(2);
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
			System::set_block_number(5);
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 61));
			System::set_block_number(7);
			// The head's key was stolen in block 4: the registrar it appointed before keeps its
			// role; the one appointed since loses it, and counts as compromised from its start.
			assert_ok!(Offices::dismiss_officer(root(), YUN_HEAD, Some(4)));
			assert!(Offices::active_officer(&60).is_some());
			assert!(Offices::active_officer(&61).is_none());
			assert_eq!(<Offices as CompromisedKeys<_, _>>::compromised_since(&61), Some(5));
			assert_eq!(<Offices as CompromisedKeys<_, _>>::compromised_since(&60), None);
		});
	}

	#[test]
	fn a_head_is_tied_to_its_appointees_for_the_cooling_period() {
		build_and_execute(|| {
			assert_ok!(Offices::appoint_registrar(signed(YUN_HEAD), 60));
			assert!(<Offices as OfficerPermissions<_>>::appointed_recently(&YUN_HEAD, &60));
			assert!(!<Offices as OfficerPermissions<_>>::appointed_recently(&TK_HEAD, &60));
			assert!(!<Offices as OfficerPermissions<_>>::appointed_recently(
				&YUN_HEAD,
				&YUN_REGISTRAR
			));
			// The mock's cooling period: 100 blocks from the appointment (block 1).
			System::set_block_number(100);
			assert!(<Offices as OfficerPermissions<_>>::appointed_recently(&YUN_HEAD, &60));
			System::set_block_number(101);
			assert!(!<Offices as OfficerPermissions<_>>::appointed_recently(&YUN_HEAD, &60));
		});
	}
}

/// The emergency calls take the operational part of a block, which ordinary transactions
/// cannot fill: a full block of acts cannot hold back a dismissal or a suspension.
#[test]
fn emergency_calls_are_operational() {
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	let emergency = [
		crate::Call::<Test>::dismiss_officer { who: 1, compromised_since: None },
		crate::Call::<Test>::dismiss_registrar { who: 1, compromised_since: None },
		crate::Call::<Test>::suspend_office { office: 0 },
		crate::Call::<Test>::veto_appointment { who: 1 },
	];
	for call in emergency {
		assert_eq!(call.get_dispatch_info().class, DispatchClass::Operational, "{call:?}");
	}
	let ordinary = crate::Call::<Test>::appoint_registrar { who: 1 };
	assert_eq!(ordinary.get_dispatch_info().class, DispatchClass::Normal);
}
