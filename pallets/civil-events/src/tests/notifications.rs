//! Notifications by health facilities: a hospital notifies, an office registers from the
//! notification, and what no act follows in the legal period is overdue on the district's list.

use super::builders::*;
use crate::{
	NotificationOfAct, NotificationStatus, Notifications, NotifiedEvent, NotifiedMother,
	OpenNotifications, OpenNotificationsOf, OverdueNotification,
};
use civil_registry_primitives::OfficeKind;

/// The head and a staff member of a maternity hospital in Yunusobod, registered and given keys
/// by the Tashkent regional head: (facility, head, staff).
const NURSE: u64 = 61;
const MATRON: u64 = 60;

fn hospital() -> u32 {
	let facility = pallet_offices::NextOfficeId::<Test>::get();
	assert_ok!(Offices::register_office(
		signed(TK_REGIONAL_HEAD),
		OfficeKind::HealthFacility,
		TK_YUN,
		b"Maternity No. 4".to_vec()
	));
	assert_ok!(Offices::appoint_head(signed(TK_REGIONAL_HEAD), facility, MATRON));
	assert_ok!(Offices::appoint_registrar(signed(MATRON), NURSE));
	facility
}

fn notify_birth(on: Date, sex: Sex, mother: NotifiedMother) -> u64 {
	assert_ok!(CivilEvents::notify_birth(signed(NURSE), on, sex, mother, h(0x4b)));
	crate::NextNotificationId::<Test>::get() - 1
}

fn notify_death(on: Date, person: PersonId) -> u64 {
	assert_ok!(CivilEvents::notify_death(signed(NURSE), on, person, h(0x4d)));
	crate::NextNotificationId::<Test>::get() - 1
}

fn overdue(today: Date) -> Vec<u64> {
	CivilEvents::overdue_notifications(TK_YUN, today, 0, 100)
		.into_iter()
		.map(|n| n.id)
		.collect()
}

#[test]
fn a_birth_notified_by_a_hospital_is_registered_from_the_notification() {
	build_and_execute(|| {
		let facility = hospital();
		let (mother, _) = couple();
		let n = notify_birth(TODAY, Sex::Male, NotifiedMother::Person(mother));
		assert_eq!(
			last_event(),
			Event::Notified { notification: n, kind: ActKind::Birth, facility }
		);
		assert_eq!(OpenNotifications::<Test>::get(TK_YUN, n), Some(()));
		assert_eq!(OpenNotificationsOf::<Test>::get(facility), 1);
		// Not an act: no person, no act, nothing counted.
		assert_eq!(Persons::by_identity(&h(20)), None);
		assert_eq!(count(ActKind::Birth, 2024, 6, TK_YUN), 0);

		assert_ok!(birth(20).on(TODAY).sex(Sex::Male).mother(mother).notification(n).register());
		let act = last_act();
		assert_eq!(last_event(), Event::NotificationFollowed { notification: n, act });
		let notification = Notifications::<Test>::get(n).unwrap();
		assert_eq!(notification.status, NotificationStatus::Registered(act));
		assert_eq!(NotificationOfAct::<Test>::get(act), Some(n));
		assert_eq!(OpenNotifications::<Test>::get(TK_YUN, n), None);
		assert_eq!(OpenNotificationsOf::<Test>::get(facility), 0);
		assert_eq!(person(Persons::by_identity(&h(20)).unwrap()).mother, Some(mother));
		// One notification, one act.
		assert_noop!(
			birth(21).on(TODAY).sex(Sex::Male).mother(mother).notification(n).register(),
			Error::<Test>::NotificationClosed
		);
	});
}

#[test]
fn a_hospital_may_name_the_mother_by_her_identity_key() {
	build_and_execute(|| {
		hospital();
		// `couple()` enrolls the mother with identity key h(1).
		let (mother, father) = couple();
		let n = notify_birth(TODAY, Sex::Female, NotifiedMother::IdentityKey(h(1)));
		// Another woman is not the notified mother; no mother neither.
		let other = enroll(3, Sex::Female, d(1992, 1, 1));
		assert_noop!(
			birth(20).on(TODAY).mother(other).notification(n).register(),
			Error::<Test>::NotificationMismatch
		);
		assert_noop!(
			birth(20).on(TODAY).notification(n).register(),
			Error::<Test>::NotificationMismatch
		);
		assert_ok!(birth(20).on(TODAY).mother(mother).father(father).notification(n).register());
	});
}

#[test]
fn a_death_certified_by_a_hospital_is_registered_from_the_notification() {
	build_and_execute(|| {
		let facility = hospital();
		let (_, man) = couple();
		let n = notify_death(d(2024, 6, 14), man);
		assert_eq!(
			last_event(),
			Event::Notified { notification: n, kind: ActKind::Death, facility }
		);
		let other = enroll(3, Sex::Female, d(1992, 1, 1));
		assert_noop!(
			death(other).on(d(2024, 6, 14)).notification(n).register(),
			Error::<Test>::NotificationMismatch
		);
		assert_noop!(
			death(man).on(d(2024, 6, 13)).notification(n).register(),
			Error::<Test>::NotificationMismatch
		);
		assert_ok!(death(man).on(d(2024, 6, 14)).notification(n).register());
		assert_eq!(
			Notifications::<Test>::get(n).unwrap().status,
			NotificationStatus::Registered(last_act())
		);
		// The person has died: no second notification of the death.
		assert_noop!(
			CivilEvents::notify_death(signed(NURSE), d(2024, 6, 14), man, h(0x4d)),
			Error::<Test>::PersonDeceased
		);
	});
}

#[test]
fn the_act_must_state_what_was_notified() {
	build_and_execute(|| {
		hospital();
		let (mother, man) = couple();
		let b = notify_birth(TODAY, Sex::Male, NotifiedMother::Person(mother));
		let dn = notify_death(TODAY, man);
		let registered = |r: Register<BirthAct>| r.mother(mother).sex(Sex::Male).notification(b);
		// The place: another district (the regional department registers anywhere in Tashkent).
		assert_noop!(
			registered(birth(20)).by(TK_REGIONAL_REGISTRAR).at(TK_CHI).on(TODAY).register(),
			Error::<Test>::NotificationMismatch
		);
		// The day, the sex.
		assert_noop!(
			registered(birth(20)).on(d(2024, 6, 14)).register(),
			Error::<Test>::NotificationMismatch
		);
		assert_noop!(
			birth(20).on(TODAY).mother(mother).sex(Sex::Female).notification(b).register(),
			Error::<Test>::NotificationMismatch
		);
		// The kind.
		assert_noop!(
			death(man).on(TODAY).notification(b).register(),
			Error::<Test>::NotificationOfAnotherKind
		);
		assert_noop!(
			birth(20).on(TODAY).notification(dn).register(),
			Error::<Test>::NotificationOfAnotherKind
		);
		assert_noop!(
			birth(20).on(TODAY).notification(99).register(),
			Error::<Test>::UnknownNotification
		);
		// The law's checks stand as for any birth: the identity key is the office's check.
		assert_ok!(registered(birth(20)).on(TODAY).register());
	});
}

#[test]
fn a_hospital_registers_no_act_and_an_office_notifies_nothing() {
	build_and_execute(|| {
		hospital();
		let (mother, man) = couple();
		for who in [NURSE, MATRON] {
			assert_noop!(
				birth(20).by(who).on(TODAY).mother(mother).register(),
				Error::<Test>::ActKindNotAllowed
			);
			assert_noop!(death(man).by(who).on(TODAY).register(), Error::<Test>::ActKindNotAllowed);
		}
		for who in [REGISTRAR, HEAD, TK_REGIONAL_HEAD, ARCHIVIST, NOBODY] {
			assert_noop!(
				CivilEvents::notify_birth(
					signed(who),
					TODAY,
					Sex::Male,
					NotifiedMother::Person(mother),
					h(1)
				),
				Error::<Test>::NotAHealthFacility
			);
			assert_noop!(
				CivilEvents::notify_death(signed(who), TODAY, man, h(1)),
				Error::<Test>::NotAHealthFacility
			);
		}
		// A suspended hospital notifies nothing either.
		let n = notify_birth(TODAY, Sex::Male, NotifiedMother::Person(mother));
		let facility = Notifications::<Test>::get(n).unwrap().facility;
		assert_ok!(Offices::suspend_office(signed(TK_REGIONAL_HEAD), facility));
		assert_noop!(
			CivilEvents::notify_death(signed(NURSE), TODAY, man, h(1)),
			Error::<Test>::NotAHealthFacility
		);
		assert_noop!(
			CivilEvents::withdraw_notification(signed(NURSE), n),
			Error::<Test>::NotAHealthFacility
		);
	});
}

#[test]
fn notify_errors() {
	build_and_execute(|| {
		hospital();
		let (mother, man) = couple();
		assert_noop!(
			CivilEvents::notify_birth(
				signed(NURSE),
				d(2024, 6, 16),
				Sex::Male,
				NotifiedMother::Person(mother),
				h(1)
			),
			Error::<Test>::DateInFuture
		);
		assert_noop!(
			CivilEvents::notify_birth(
				signed(NURSE),
				TODAY,
				Sex::Male,
				NotifiedMother::Person(999),
				h(1)
			),
			Error::<Test>::UnknownPerson
		);
		assert_noop!(
			CivilEvents::notify_death(signed(NURSE), TODAY, 999, h(1)),
			Error::<Test>::UnknownPerson
		);
		assert_noop!(
			CivilEvents::notify_death(signed(NURSE), d(1980, 1, 1), man, h(1)),
			Error::<Test>::EventBeforeBirth
		);
		// At most three open a facility in the tests: a stolen key fills no more.
		for _ in 0..3 {
			notify_birth(TODAY, Sex::Male, NotifiedMother::IdentityKey(h(9)));
		}
		assert_noop!(
			CivilEvents::notify_birth(
				signed(NURSE),
				TODAY,
				Sex::Male,
				NotifiedMother::IdentityKey(h(9)),
				h(1)
			),
			Error::<Test>::TooManyOpenNotifications
		);
		// Withdrawing one makes room.
		assert_ok!(CivilEvents::withdraw_notification(signed(MATRON), 0));
		assert_eq!(last_event(), Event::NotificationWithdrawn { notification: 0 });
		assert_eq!(Notifications::<Test>::get(0).unwrap().status, NotificationStatus::Withdrawn);
		assert_noop!(
			CivilEvents::withdraw_notification(signed(NURSE), 0),
			Error::<Test>::NotificationClosed
		);
		assert_noop!(
			birth(20).on(TODAY).notification(0).register(),
			Error::<Test>::NotificationClosed
		);
		assert_noop!(
			CivilEvents::withdraw_notification(signed(NURSE), 42),
			Error::<Test>::UnknownNotification
		);
		notify_birth(TODAY, Sex::Male, NotifiedMother::IdentityKey(h(9)));
		let _ = mother;
	});
}

#[test]
fn only_the_notifying_facility_withdraws() {
	build_and_execute(|| {
		hospital();
		let n = notify_birth(TODAY, Sex::Male, NotifiedMother::IdentityKey(h(9)));
		// A second hospital, in Chilonzor.
		let other = pallet_offices::NextOfficeId::<Test>::get();
		assert_ok!(Offices::register_office(
			signed(TK_REGIONAL_HEAD),
			OfficeKind::HealthFacility,
			TK_CHI,
			b"Clinic No. 2".to_vec()
		));
		assert_ok!(Offices::appoint_head(signed(TK_REGIONAL_HEAD), other, 70));
		assert_noop!(
			CivilEvents::withdraw_notification(signed(70), n),
			Error::<Test>::NotYourNotification
		);
		// Its notifications are on Chilonzor's list, not Yunusobod's.
		assert_ok!(CivilEvents::notify_birth(
			signed(70),
			TODAY,
			Sex::Male,
			NotifiedMother::IdentityKey(h(8)),
			h(1)
		));
		assert_eq!(OpenNotifications::<Test>::iter_key_prefix(TK_CHI).count(), 1);
		assert_eq!(OpenNotifications::<Test>::iter_key_prefix(TK_YUN).count(), 1);
	});
}

#[test]
fn a_notification_left_unregistered_past_the_period_is_on_the_district_s_list() {
	build_and_execute(|| {
		let facility = hospital();
		let (mother, man) = couple();
		let born = notify_birth(TODAY, Sex::Male, NotifiedMother::Person(mother));
		let died = notify_death(TODAY, man);
		let followed = notify_birth(TODAY, Sex::Female, NotifiedMother::Person(mother));
		assert_ok!(birth(20).on(TODAY).mother(mother).notification(followed).register());
		// Within the periods nothing is overdue.
		assert_eq!(overdue(TODAY), Vec::<u64>::new());
		assert_eq!(overdue(d(2024, 6, 18)), Vec::<u64>::new());
		// A death is registered within three days: overdue from the fourth.
		assert_eq!(
			CivilEvents::overdue_notifications(TK_YUN, d(2024, 6, 19), 0, 100),
			vec![OverdueNotification {
				id: died,
				kind: ActKind::Death,
				facility,
				date: TODAY,
				deadline: d(2024, 6, 18)
			}]
		);
		// A birth within a month.
		assert_eq!(overdue(d(2024, 7, 15)), vec![died]);
		assert_eq!(overdue(d(2024, 7, 16)), vec![born, died]);
		// Paged by id, and by district.
		assert_eq!(
			CivilEvents::overdue_notifications(TK_YUN, d(2024, 7, 16), died, 100)
				.into_iter()
				.map(|n| n.id)
				.collect::<Vec<_>>(),
			vec![died]
		);
		assert_eq!(CivilEvents::overdue_notifications(TK_YUN, d(2024, 7, 16), 0, 1).len(), 1);
		assert!(CivilEvents::overdue_notifications(TK_CHI, d(2024, 7, 16), 0, 100).is_empty());
		// Registered late, from the notification, it leaves the list while it waits.
		on_day(d(2024, 7, 16), || {
			assert_ok!(death(man).on(TODAY).notification(died).register());
		});
		assert_eq!(overdue(d(2024, 7, 16)), vec![born]);
	});
}

#[test]
fn a_revoked_or_expired_act_opens_its_notification_again() {
	build_and_execute(|| {
		hospital();
		let (mother, man) = couple();
		let n = notify_birth(TODAY, Sex::Male, NotifiedMother::Person(mother));
		assert_ok!(birth(20).on(TODAY).sex(Sex::Male).mother(mother).notification(n).register());
		let act = last_act();
		let proposal = propose_revoke(act);
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), proposal));
		assert_eq!(Notifications::<Test>::get(n).unwrap().status, NotificationStatus::Open);
		assert_eq!(NotificationOfAct::<Test>::get(act), None);
		assert_eq!(OpenNotifications::<Test>::get(TK_YUN, n), Some(()));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::CivilEvents(Event::NotificationReopened { notification: n })));
		// Registered again (a new identity key: the revoked child keeps its record).
		assert_ok!(birth(21).on(TODAY).sex(Sex::Male).mother(mother).notification(n).register());

		// A late death from a notification, never approved: open again when it expires.
		let dn = notify_death(d(2024, 6, 1), man);
		assert_ok!(death(man).on(d(2024, 6, 1)).notification(dn).register());
		assert_eq!(Acts::<Test>::get(last_act()).unwrap().status, ActStatus::Pending);
		run_to_block(PENDING_LIFETIME + 2);
		assert_eq!(Acts::<Test>::get(last_act()).unwrap().status, ActStatus::Expired);
		assert_eq!(Notifications::<Test>::get(dn).unwrap().status, NotificationStatus::Open);
		assert_eq!(overdue(TODAY), vec![dn]);
	});
}

#[test]
fn a_notification_holds_what_the_hospital_sent() {
	build_and_execute(|| {
		let facility = hospital();
		let n = notify_birth(TODAY, Sex::Female, NotifiedMother::IdentityKey(h(7)));
		let notification = Notifications::<Test>::get(n).unwrap();
		assert_eq!(
			(notification.facility, notification.notifier, notification.jurisdiction),
			(facility, NURSE, TK_YUN)
		);
		assert_eq!(
			notification.event,
			NotifiedEvent::Birth {
				date: TODAY,
				sex: Sex::Female,
				mother: NotifiedMother::IdentityKey(h(7)),
				record_hash: h(0x4b)
			}
		);
		assert_eq!(notification.notified_on, TODAY);
	});
}
