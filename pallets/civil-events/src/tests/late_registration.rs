//! Late registrations: a late birth or death waits for a head of the office, who is not the
//! registering officer, and the rules are checked again at the approval.

use super::builders::*;

#[test]
fn late_birth_is_pending_until_a_head_approves() {
	build_and_execute(|| {
		let (m, _) = couple();
		// Born 2024-05-01: the deadline was 2024-06-01.
		assert_ok!(birth(20).on(d(2024, 5, 1)).document(h(0)).data_root(h(0)).mother(m).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::LateRegistrationPending { act, kind: ActKind::Birth, office: YUN_OFFICE }
		);
		// No effect on persons yet: no child, the mother's acts unchanged.
		assert_eq!(Persons::by_identity(&h(20)), None);
		assert!(!ActsOf::<Test>::get(m).contains(&act));
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Pending);
		// The identity key is reserved meanwhile.
		assert_eq!(PendingIdentities::<Test>::get(h(20)), Some(act));
		assert_noop!(
			birth(20)
				.by(REGISTRAR_2)
				.on(d(2024, 6, 10))
				.document(h(0))
				.data_root(h(0))
				.register(),
			Error::<Test>::DuplicateIdentity
		);
		// A registrar cannot approve; the registering officer neither.
		assert_noop!(
			CivilEvents::approve_late_registration(signed(REGISTRAR_2), act),
			Error::<Test>::NotHeadOfOffice
		);
		assert_noop!(
			CivilEvents::approve_late_registration(signed(SAM_REGISTRAR), act),
			Error::<Test>::NotHeadOfOffice
		);
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), 999),
			Error::<Test>::UnknownAct
		);
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		let child = Persons::by_identity(&h(20)).unwrap();
		assert_eq!(last_event(), Event::BirthRegistered { act, child, office: YUN_OFFICE });
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::CivilEvents(Event::LateRegistrationApproved {
				act,
				approved_by: HEAD
			})));
		let a = Acts::<Test>::get(act).unwrap();
		assert_eq!((a.status, a.late), (ActStatus::Registered, true));
		assert_eq!(PendingIdentities::<Test>::get(h(20)), None);
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn a_head_cannot_approve_its_own_late_registration() {
	build_and_execute(|| {
		assert_ok!(birth(20).by(HEAD).on(d(2024, 1, 1)).document(h(0)).data_root(h(0)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::SelfApproval
		);
	});
}

#[test]
fn approval_rechecks_the_rules() {
	build_and_execute(|| {
		let (m, _) = couple();
		assert_ok!(birth(20).on(d(2024, 5, 1)).document(h(0)).data_root(h(0)).mother(m).register());
		let act = crate::NextActId::<Test>::get() - 1;
		// Meanwhile the mother's death is registered, dated before the birth.
		assert_ok!(death(m).on(d(2024, 6, 14)).document(h(0)).register());
		assert_ok!(death(enroll(3, Sex::Male, d(1950, 1, 1)))
			.on(d(2024, 6, 14))
			.document(h(0))
			.register());
		// Still fine: she died after the birth.
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
	});
}

#[test]
fn late_death_is_pending() {
	build_and_execute(|| {
		let p = enroll(1, Sex::Male, d(1990, 1, 1));
		// Three days is in time; four is late.
		assert_ok!(death(p).on(d(2024, 6, 11)).document(h(0)).register());
		assert_eq!(
			last_event(),
			Event::LateRegistrationPending { act: 1, kind: ActKind::Death, office: YUN_OFFICE }
		);
		assert!(person(p).is_alive());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), 1));
		assert!(!person(p).is_alive());
	});
}

#[test]
fn an_unapproved_late_registration_expires_and_frees_its_identity_key() {
	build_and_execute(|| {
		let registered_at = System::block_number();
		assert_ok!(birth(20).on(d(2024, 5, 1)).sex(Sex::Male).register());
		let act = last_act();
		let expires_at = registered_at + PENDING_LIFETIME;
		assert_eq!(PendingExpiries::<Test>::get(expires_at).to_vec(), vec![act]);
		check_invariants();

		// One block before: still pending, the key still reserved.
		run_to_block(expires_at - 1);
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Pending);
		check_invariants();
		run_to_block(expires_at);
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Expired);
		assert_eq!(last_event(), Event::LateRegistrationExpired { act });
		assert_eq!(PendingIdentities::<Test>::get(h(20)), None);
		assert!(PendingExpiries::<Test>::get(expires_at).is_empty());
		assert_eq!(Persons::by_identity(&h(20)), None, "it never took effect");
		assert_eq!(count(ActKind::Birth, 2024, 5, TK_YUN), 0);
		check_invariants();

		// Final: it can be neither approved nor revoked...
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::NotPending
		);
		assert_noop!(
			CivilEvents::propose_revocation(signed(REGISTRAR), act, h(0xfa)),
			Error::<Test>::ActNotInEffect
		);
		// ...but the person can be registered afresh.
		assert_ok!(birth(20).on(d(2024, 5, 1)).sex(Sex::Male).register());
		assert_eq!(PendingIdentities::<Test>::get(h(20)), Some(last_act()));
	});
}

#[test]
fn approval_and_revocation_take_a_late_registration_off_the_expiry_queue() {
	build_and_execute(|| {
		let expires_at = System::block_number() + PENDING_LIFETIME;
		assert_ok!(birth(20).on(d(2024, 5, 1)).sex(Sex::Male).register());
		let approved = last_act();
		assert_ok!(birth(21).on(d(2024, 5, 1)).sex(Sex::Female).register());
		let revoked = last_act();
		assert_eq!(PendingExpiries::<Test>::get(expires_at).to_vec(), vec![approved, revoked]);

		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), approved));
		assert_eq!(PendingExpiries::<Test>::get(expires_at).to_vec(), vec![revoked]);
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(revoked)));
		assert!(!PendingExpiries::<Test>::contains_key(expires_at), "an empty queue is removed");

		run_to_block(expires_at);
		assert_eq!(Acts::<Test>::get(approved).unwrap().status, ActStatus::Registered);
		assert_eq!(Acts::<Test>::get(revoked).unwrap().status, ActStatus::Revoked);
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::CivilEvents(Event::LateRegistrationExpired { .. })
		)));
	});
}

#[test]
fn at_most_max_pending_per_block_late_registrations_a_block() {
	build_and_execute(|| {
		// The mock allows 4 a block, 2 an officer and 3 an office.
		for (key, who) in [(20, REGISTRAR), (21, REGISTRAR), (22, REGISTRAR_2)] {
			assert_ok!(birth(key).by(who).on(d(2024, 5, 1)).sex(Sex::Male).register());
		}
		assert_ok!(birth(23).by(TK_REGIONAL_REGISTRAR).on(d(2024, 5, 1)).sex(Sex::Male).register());
		assert_noop!(
			birth(24).by(TK_REGIONAL_REGISTRAR).on(d(2024, 5, 1)).sex(Sex::Male).register(),
			Error::<Test>::TooManyPending
		);
		// An act in time is not queued, so not refused.
		assert_ok!(birth(25).on(d(2024, 6, 1)).sex(Sex::Male).register());
		// The next block has room again (for an officer and an office under their bounds).
		run_to_block(System::block_number() + 1);
		assert_ok!(birth(24)
			.by(SAM_REGISTRAR)
			.at(SA_SAM)
			.on(d(2024, 5, 1))
			.sex(Sex::Male)
			.register());
	});
}

#[test]
fn the_regional_head_approves_what_the_offices_only_head_registered() {
	build_and_execute(|| {
		// The head of the Yunusobod office registers a late birth himself...
		assert_ok!(birth(20).by(HEAD).on(d(2024, 5, 1)).sex(Sex::Male).register());
		let act = last_act();
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::SelfApproval
		);
		// ...a head of another region's office may not approve it...
		assert_noop!(
			CivilEvents::approve_late_registration(signed(SAM_HEAD), act),
			Error::<Test>::NotHeadOfOffice
		);
		// ...the head of the Tashkent regional department may.
		assert_ok!(CivilEvents::approve_late_registration(signed(TK_REGIONAL_HEAD), act));
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Registered);
	});
}

#[test]
fn expiries_wait_while_a_multi_block_migration_runs_then_all_run() {
	build_and_execute(|| {
		let registered_at = System::block_number();
		assert_ok!(birth(21).on(d(2024, 5, 1)).register());
		let act = last_act();
		let expires_at = registered_at + PENDING_LIFETIME;
		// The migration starts the block before the expiry and lasts three blocks.
		run_to_block(expires_at - 2);
		crate::mock::MIGRATING.with(|m| m.set(true));
		run_to_block(expires_at + 1);
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Pending, "acts untouched");
		assert_eq!(crate::ExpiriesDeferredFrom::<Test>::get(), Some(expires_at - 1));
		assert_eq!(PendingExpiries::<Test>::get(expires_at).to_vec(), vec![act]);
		// The first block after it expires what each block since queued.
		crate::mock::MIGRATING.with(|m| m.set(false));
		run_to_block(expires_at + 2);
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Expired);
		assert_eq!(last_event(), Event::LateRegistrationExpired { act });
		assert_eq!(crate::ExpiriesDeferredFrom::<Test>::get(), None);
		assert!(PendingExpiries::<Test>::get(expires_at).is_empty());
	});
}
