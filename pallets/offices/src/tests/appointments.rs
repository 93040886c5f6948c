//! A head's appointments: the delay, the veto, the daily cap, the index by head.

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
		assert_noop!(Offices::set_appointment_delay(signed(TK_HEAD), 5), DispatchError::BadOrigin);
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
		// Not yet an officer: the gate (which asks `active_officer`) does not admit it.
		assert!(Offices::active_officer(&60).is_none());
		// Only the regional level vetoes: not the head of another region, not the
		// appointing head.
		assert_noop!(Offices::veto_appointment(signed(SA_HEAD), 60), Error::<Test>::OutsideRegion);
		assert_noop!(
			Offices::veto_appointment(signed(YUN_HEAD), 60),
			Error::<Test>::NotRegionalHead
		);
		assert_ok!(Offices::veto_appointment(signed(TK_HEAD), 60));
		System::assert_has_event(
			Event::AppointmentVetoed { officer: 60, office: YUN_OFFICE, vetoed_by: Some(TK_HEAD) }
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
		assert!(!<Offices as OfficerPermissions<_>>::appointed_recently(&YUN_HEAD, &YUN_REGISTRAR));
		// The mock's cooling period: 100 blocks from the appointment (block 1).
		System::set_block_number(100);
		assert!(<Offices as OfficerPermissions<_>>::appointed_recently(&YUN_HEAD, &60));
		System::set_block_number(101);
		assert!(!<Offices as OfficerPermissions<_>>::appointed_recently(&YUN_HEAD, &60));
	});
}
