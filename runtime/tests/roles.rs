//! The gate's table on the real runtime: every call of every pallet, signed by an account of
//! each role, is admitted or refused at validation exactly as the table below says. The
//! calls are enumerated from the runtime's metadata, so a new call fails this test until it
//! has a line here (and in `runtime/src/configs/gate.rs`).

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_runtime::{Runtime, RuntimeCall, RuntimeOrigin};
use codec::Decode;
use common::*;
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

/// The roles, one account each, holding that role only.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
	Registrar,
	Head,
	RegionalHead,
	/// Staff of a health facility.
	FacilityStaff,
	/// The head of a health facility.
	FacilityHead,
	/// The key of a subscriber to the feed (a government system): it signs nothing.
	Subscriber,
	CouncilMember,
	Authority,
	SudoKey,
	/// No role at all.
	Stranger,
}
use Role::*;

const ROLES: [(Role, Sr25519Keyring); 10] = [
	(Registrar, Eve),
	(Head, Ferdie),
	(RegionalHead, One),
	(FacilityStaff, DaveStash),
	(FacilityHead, EveStash),
	(Subscriber, FerdieStash),
	(CouncilMember, Two),
	(Authority, AliceStash),
	(SudoKey, BobStash),
	(Stranger, CharlieStash),
];

const OFFICERS: &[Role] = &[Registrar, Head, RegionalHead];
const HEADS: &[Role] = &[Head, RegionalHead];
const FACILITY: &[Role] = &[FacilityStaff, FacilityHead];

/// The policy, stated independently of `runtime/src/configs/gate.rs`: which roles may sign
/// each call. `None` for a call this table does not know (the test then fails).
fn allowed(pallet: &str, call: &str) -> Option<&'static [Role]> {
	Some(match (pallet, call) {
		(
			"CivilEvents",
			"register_birth"
			| "register_death"
			| "register_marriage"
			| "register_divorce"
			| "register_adoption"
			| "register_paternity"
			| "register_name_change"
			| "enroll_person"
			| "enroll_marriage"
			| "enroll_batch"
			| "anchor_archive_batch"
			| "propose_amendment"
			| "reject_amendment"
			| "propose_revocation"
			| "propose_annulment"
			| "reject_revocation"
			| "issue_certificate"
			| "receive_application"
			| "update_application",
		) => OFFICERS,
		("CivilEvents", "notify_birth" | "notify_death" | "withdraw_notification") => FACILITY,
		(
			"CivilEvents",
			"approve_late_registration"
			| "approve_amendment"
			| "cancel_certificate"
			| "record_incapacity"
			| "shorten_waiting",
		) => HEADS,
		("CivilEvents", "approve_revocation" | "clear_review" | "restore_capacity") => {
			&[RegionalHead]
		},
		("Offices", "appoint_registrar" | "dismiss_registrar") => {
			&[Head, RegionalHead, FacilityHead]
		},
		("Gate", "heartbeat") => &[Registrar, Head, RegionalHead, FacilityStaff, FacilityHead],
		// A health facility's head (the pallet refuses a regional head every other office's);
		// `register_office` of a health facility: `a_regional_head_registers_health_facilities`.
		("Offices", "appoint_head") => &[RegionalHead],
		("Offices", "suspend_office" | "veto_appointment") => &[RegionalHead],
		(
			"Offices",
			"create_jurisdiction"
			| "rename_jurisdiction"
			| "remove_jurisdiction"
			| "register_office"
			| "reopen_office"
			| "close_office"
			| "dismiss_officer"
			| "set_appointment_delay",
		) => &[],
		("Council", "propose" | "vote" | "close" | "release_proposal_cost") => &[CouncilMember],
		("Council", "execute" | "disapprove_proposal" | "set_members" | "kill") => &[],
		("CouncilMembership", _) => &[],
		// Repairs of a multi-block migration: root's, by a council motion.
		("MultiBlockMigrations", _) => &[],
		("Governance", "dispatch_as_root") => &[],
		// Anchors come from the authority nodes unsigned, authorized by the node key's
		// signature: no account signs one.
		(
			"Authorities",
			"add_authority" | "remove_authority" | "set_keys" | "anchor_access_log",
		) => &[],
		("Session", "set_keys" | "purge_keys") => &[Authority],
		(
			"System",
			"apply_authorized_upgrade"
			| "remark"
			| "set_heap_pages"
			| "set_code"
			| "set_code_without_checks"
			| "set_storage"
			| "kill_storage"
			| "kill_prefix"
			| "remark_with_event"
			| "authorize_upgrade"
			| "authorize_upgrade_without_checks"
			| "do_task",
		) => &[],
		("Sudo", _) => &[SudoKey],
		("Timestamp", "set") => &[],
		("Grandpa", "report_equivocation" | "report_equivocation_unsigned" | "note_stalled") => &[],
		_ => return None,
	})
}

/// The regional test network, with one account per role (see [`ROLES`]).
fn network() -> sp_io::TestExternalities {
	let mut ext = preset_ext("regional_testnet");
	ext.execute_with(|| {
		let root = || RuntimeOrigin::root();
		let id = |k: Sr25519Keyring| k.to_account_id();
		// Ferdie heads the Samarkand city office (3), which has no head; One heads the
		// Samarkand regional department (2) in Dave's place.
		pallet_offices::Pallet::<Runtime>::appoint_head(root(), 3, id(Ferdie)).unwrap();
		pallet_offices::Pallet::<Runtime>::dismiss_officer(root(), id(Dave), None).unwrap();
		pallet_offices::Pallet::<Runtime>::appoint_head(root(), 2, id(One)).unwrap();
		// A maternity hospital in the Samarkand region: EveStash its head, DaveStash its staff.
		let district = pallet_offices::Offices::<Runtime>::get(3).unwrap().jurisdiction;
		let hospital = pallet_offices::NextOfficeId::<Runtime>::get();
		pallet_offices::Pallet::<Runtime>::register_office(
			root(),
			civil_registry_primitives::OfficeKind::HealthFacility,
			district,
			b"Maternity".to_vec(),
		)
		.unwrap();
		pallet_offices::Pallet::<Runtime>::appoint_head(root(), hospital, id(EveStash)).unwrap();
		pallet_offices::Pallet::<Runtime>::set_appointment_delay(root(), 0).unwrap();
		// The ID agency, a subscriber to the feed: FerdieStash its key.
		let agency = pallet_offices::NextOfficeId::<Runtime>::get();
		pallet_offices::Pallet::<Runtime>::register_office(
			root(),
			civil_registry_primitives::OfficeKind::Subscriber(
				civil_registry_primitives::ActKinds::of(&[
					civil_registry_primitives::ActKind::Death,
				]),
			),
			0,
			b"ID agency".to_vec(),
		)
		.unwrap();
		pallet_offices::Pallet::<Runtime>::appoint_head(root(), agency, id(FerdieStash)).unwrap();
		pallet_offices::Pallet::<Runtime>::appoint_registrar(
			RuntimeOrigin::signed(id(EveStash)),
			id(DaveStash),
		)
		.unwrap();
		pallet_membership::Pallet::<Runtime, frame_support::instances::Instance1>::add_member(
			root(),
			id(Two).into(),
		)
		.unwrap();
		pallet_authorities::Pallet::<Runtime>::add_authority(root(), id(AliceStash)).unwrap();
		pallet_sudo::Key::<Runtime>::put(id(BobStash));
		frame_system::Pallet::<Runtime>::inc_providers(&id(BobStash));
		next_block();
	});
	ext
}

/// Calls whose arguments cannot exist in this runtime.
const UNCONSTRUCTIBLE: &[&str] =
	&["Grandpa.report_equivocation", "Grandpa.report_equivocation_unsigned"];

/// Every call of the runtime as (pallet, call name, the call with zeroed arguments).
fn every_call() -> Vec<(String, String, RuntimeCall)> {
	let RuntimeMetadataPrefixed(_, RuntimeMetadata::V14(metadata)) = Runtime::metadata() else {
		panic!("the runtime's metadata is not V14");
	};
	let mut calls = Vec::new();
	for pallet in &metadata.pallets {
		let Some(call_metadata) = &pallet.calls else { continue };
		let ty = metadata.types.resolve(call_metadata.ty.id).expect("the calls' type");
		let scale_info::TypeDef::Variant(variants) = &ty.type_def else {
			panic!("{}'s calls are not an enum", pallet.name);
		};
		for variant in &variants.variants {
			// Arguments decoded from zeros: 0, empty vectors, `None`, the first variant, a
			// nested call `system.remark` of nothing. What matters here is the call's kind.
			let mut bytes = vec![pallet.index, variant.index];
			bytes.extend([0u8; 512]);
			let name = format!("{}.{}", pallet.name, variant.name);
			match RuntimeCall::decode(&mut &bytes[..]) {
				Ok(call) => calls.push((pallet.name.clone(), variant.name.clone(), call)),
				// GRANDPA's equivocation reports carry a key-ownership proof of type `Void`
				// (this runtime keeps no historical sessions): no such call can be built, by
				// anyone.
				Err(_) if UNCONSTRUCTIBLE.contains(&name.as_str()) => {},
				Err(e) => panic!("{name} does not decode from zeros: {e}"),
			}
		}
	}
	calls
}

#[test]
fn each_role_signs_exactly_the_calls_of_the_table() {
	network().execute_with(|| {
		let calls = every_call();
		assert!(calls.len() > 60, "{} calls", calls.len());
		let mut unknown = Vec::new();
		let mut wrong = Vec::new();
		for (pallet, name, call) in &calls {
			let Some(roles) = allowed(pallet, name) else {
				unknown.push(format!("{pallet}.{name}"));
				continue;
			};
			for (role, key) in ROLES {
				let result = validate(signed(key, call.clone()));
				let mandatory = call.get_dispatch_info().class == DispatchClass::Mandatory;
				let expected = if mandatory {
					// An inherent (`timestamp.set`): the executive refuses it signed, before
					// any extension runs.
					Err(TransactionValidityError::Invalid(InvalidTransaction::MandatoryValidation))
				} else if roles.contains(&role) {
					Ok(())
				} else if role == Stranger || role == Subscriber {
					Err(TransactionValidityError::Invalid(InvalidTransaction::BadSigner))
				} else {
					Err(TransactionValidityError::Invalid(InvalidTransaction::Call))
				};
				if result.clone().map(|_| ()) != expected {
					wrong
						.push(format!("{pallet}.{name} by {role:?}: {result:?}, not {expected:?}"));
				}
			}
		}
		assert!(unknown.is_empty(), "calls the table does not know: {unknown:?}");
		assert!(wrong.is_empty(), "{} mismatches:\n{}", wrong.len(), wrong.join("\n"));
	});
}

#[test]
fn a_regional_head_registers_health_facilities_and_no_other_office() {
	network().execute_with(|| {
		let register = |kind| {
			RuntimeCall::Offices(pallet_offices::Call::register_office {
				kind,
				jurisdiction: 0,
				name: b"x".to_vec(),
			})
		};
		use civil_registry_primitives::{ActKind, ActKinds, OfficeKind as K};
		let subscriber = K::Subscriber(ActKinds::of(&[ActKind::Death]));
		for kind in [
			K::DistrictRegistry,
			K::WeddingHouse,
			K::RegionalDepartment,
			K::Consulate,
			K::Archive,
			subscriber,
		] {
			for (_, key) in ROLES.iter().filter(|(role, _)| !matches!(role, Stranger | Subscriber))
			{
				assert_eq!(
					validate(signed(*key, register(kind))).map(|_| ()),
					Err(TransactionValidityError::Invalid(InvalidTransaction::Call)),
					"{kind:?}"
				);
			}
		}
		for (role, key) in ROLES.iter().filter(|(role, _)| !matches!(role, Stranger | Subscriber)) {
			let result = validate(signed(*key, register(K::HealthFacility))).map(|_| ());
			assert_eq!(result.is_ok(), *role == RegionalHead, "{role:?}: {result:?}");
		}
	});
}

#[test]
fn an_account_with_several_roles_signs_what_any_of_them_signs() {
	network().execute_with(|| {
		// Charlie heads the Tashkent regional department, is on the council and an authority.
		let approve_revocation =
			RuntimeCall::CivilEvents(pallet_civil_events::Call::approve_revocation { proposal: 0 });
		let vote = RuntimeCall::Council(pallet_collective::Call::vote {
			proposal: Default::default(),
			index: 0,
			approve: true,
		});
		for call in [approve_revocation, vote] {
			assert!(validate(signed(Charlie, call)).is_ok());
		}
		// And nothing outside all of them.
		assert_eq!(
			validate(signed(Charlie, remark())),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Call))
		);
	});
}

#[test]
fn a_refused_call_is_refused_in_a_block_too() {
	network().execute_with(|| {
		// An author that included it anyway would have it refused when the block is built or
		// imported: the table is checked in both places.
		assert_eq!(
			apply(signed(Eve, remark())),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Call))
		);
		let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(remark()) });
		assert_eq!(
			apply(signed(Eve, sudo)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Call))
		);
	});
}

#[test]
fn governance_and_emergency_calls_go_first() {
	use civil_registry_runtime::{configs::gate::GOVERNANCE_PRIORITY, extensions::MAX_NONCE_AHEAD};
	network().execute_with(|| {
		// Each signer's next transaction gets `MAX_NONCE_AHEAD` more than its last possible one
		// (`extensions::CheckNonce`); governance's calls get `GOVERNANCE_PRIORITY` on top.
		let next = u64::from(MAX_NONCE_AHEAD);
		let priority = |key, call| validate(signed(key, call)).unwrap().priority;
		// The daily work: an act, a certificate, a proposal.
		assert_eq!(priority(Eve, officer_call()), next);
		// A council vote (on dismissing a stolen key, say), a head dismissing its registrar,
		// a regional head suspending an office.
		assert_eq!(priority(Two, council_call()), GOVERNANCE_PRIORITY + next);
		let dismiss = RuntimeCall::Offices(pallet_offices::Call::dismiss_registrar {
			who: Eve.to_account_id(),
			compromised_since: None,
		});
		assert_eq!(priority(Ferdie, dismiss), GOVERNANCE_PRIORITY + next);
		let suspend = RuntimeCall::Offices(pallet_offices::Call::suspend_office { office: 3 });
		assert_eq!(priority(One, suspend), GOVERNANCE_PRIORITY + next);
	});
}
