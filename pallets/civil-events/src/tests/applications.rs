//! Citizens' applications: received with a tracking code's hash, followed by status, and the
//! marriage's waiting period (Family Code, art. 13) with a head's shortening.

use super::builders::*;
use crate::{
	ApplicationByTracking, ApplicationKind, ApplicationStatus, Applications, OpenApplicationsOf,
	RefusalReason, ShorteningReason,
};
use civil_registry_primitives::{PublicApplicationStatus, PublicRefusal};

fn applicants(
	persons: &[PersonId],
) -> frame_support::BoundedVec<PersonId, frame_support::traits::ConstU32<2>> {
	persons.to_vec().try_into().unwrap()
}

/// `REGISTRAR` (Yunusobod) receives an application of `kind` with tracking code hash `h(code)`.
fn receive(kind: ApplicationKind, code: u8, persons: &[PersonId]) -> u64 {
	assert_ok!(CivilEvents::receive_application(
		signed(REGISTRAR),
		kind,
		h(code),
		applicants(persons)
	));
	crate::NextApplicationId::<Test>::get() - 1
}

fn status(application: u64) -> ApplicationStatus {
	Applications::<Test>::get(application).unwrap().status
}

#[test]
fn a_marriage_registers_only_after_its_waiting_period() {
	build_and_execute(|| {
		let (w, m) = couple();
		let a = receive(ApplicationKind::Marriage, 0xc0, &[w, m]);
		assert_eq!(
			last_event(),
			Event::ApplicationReceived {
				application: a,
				kind: ApplicationKind::Marriage,
				office: YUN_OFFICE
			}
		);
		let application = Applications::<Test>::get(a).unwrap();
		assert_eq!(application.received_on, TODAY);
		assert_eq!(application.earliest, Some(d(2024, 7, 15)));
		assert_eq!(ApplicationByTracking::<Test>::get(h(0xc0)), Some(a));
		// Today, and the day before the month is over: refused.
		assert_noop!(
			marriage(w, m).on(TODAY).application(a).register(),
			Error::<Test>::WaitingPeriodNotOver
		);
		assert_noop!(
			marriage(w, m).on(d(2024, 7, 14)).application(a).register(),
			Error::<Test>::WaitingPeriodNotOver
		);
		// A month after the application: registered, and the application with it.
		assert_ok!(marriage(w, m).on(d(2024, 7, 15)).application(a).register());
		let act = last_act();
		assert_eq!(status(a), ApplicationStatus::Registered(act));
		assert_eq!(OpenApplicationsOf::<Test>::get(YUN_OFFICE), 0);
		assert_eq!(
			CivilEvents::application_status(h(0xc0)),
			Some(PublicApplicationStatus::Registered)
		);
	});
}

#[test]
fn a_head_shortens_the_wait_for_a_reason_the_law_names() {
	build_and_execute(|| {
		let (w, m) = couple();
		let a = receive(ApplicationKind::Marriage, 0xc0, &[w, m]);
		// Not a registrar, not another office's head.
		for who in [REGISTRAR, SAM_HEAD, NOBODY] {
			assert_noop!(
				CivilEvents::shorten_waiting(
					signed(who),
					a,
					ShorteningReason::Pregnancy,
					TODAY,
					h(1)
				),
				Error::<Test>::NotSupervisingHead
			);
		}
		// Not before the application, not to the end of the period or after.
		assert_noop!(
			CivilEvents::shorten_waiting(
				signed(HEAD),
				a,
				ShorteningReason::Pregnancy,
				d(2024, 6, 14),
				h(1)
			),
			Error::<Test>::BadShortening
		);
		assert_noop!(
			CivilEvents::shorten_waiting(
				signed(HEAD),
				a,
				ShorteningReason::Pregnancy,
				d(2024, 7, 15),
				h(1)
			),
			Error::<Test>::BadShortening
		);
		assert_noop!(
			CivilEvents::shorten_waiting(
				signed(HEAD),
				42,
				ShorteningReason::Pregnancy,
				TODAY,
				h(1)
			),
			Error::<Test>::UnknownApplication
		);
		// A threat to life: the day of the application.
		assert_ok!(CivilEvents::shorten_waiting(
			signed(HEAD),
			a,
			ShorteningReason::ThreatToLife,
			TODAY,
			h(0x5e)
		));
		assert_eq!(
			last_event(),
			Event::WaitingShortened {
				application: a,
				reason: ShorteningReason::ThreatToLife,
				earliest: TODAY
			}
		);
		let shortened = Applications::<Test>::get(a).unwrap().shortened.unwrap();
		assert_eq!((shortened.head, shortened.evidence_hash), (HEAD, h(0x5e)));
		assert_ok!(marriage(w, m).on(TODAY).application(a).register());
		assert_eq!(status(a), ApplicationStatus::Registered(last_act()));
		// Registered: nothing more to shorten.
		assert_noop!(
			CivilEvents::shorten_waiting(signed(HEAD), a, ShorteningReason::Pregnancy, TODAY, h(1)),
			Error::<Test>::ApplicationClosed
		);
	});
}

#[test]
fn the_regional_head_may_shorten_and_only_a_marriage_s_wait_is_shortened() {
	build_and_execute(|| {
		let (w, m) = couple();
		let a = receive(ApplicationKind::Marriage, 0xc0, &[w, m]);
		assert_ok!(CivilEvents::shorten_waiting(
			signed(TK_REGIONAL_HEAD),
			a,
			ShorteningReason::BirthOfChild,
			d(2024, 6, 20),
			h(1)
		));
		assert_noop!(
			marriage(w, m).on(TODAY).application(a).register(),
			Error::<Test>::WaitingPeriodNotOver
		);
		assert_ok!(marriage(w, m).on(d(2024, 6, 20)).application(a).register());
		let b = receive(ApplicationKind::BirthRegistration, 0xc1, &[]);
		assert_noop!(
			CivilEvents::shorten_waiting(signed(HEAD), b, ShorteningReason::Pregnancy, TODAY, h(1)),
			Error::<Test>::BadShortening
		);
	});
}

#[test]
fn the_marriage_must_be_the_application_s() {
	build_and_execute(|| {
		let (w, m) = couple();
		let other = enroll(3, Sex::Female, d(1992, 1, 1));
		let a = receive(ApplicationKind::Marriage, 0xc0, &[w, m]);
		let later = d(2024, 7, 15);
		// Other persons.
		assert_noop!(
			marriage(other, m).on(later).application(a).register(),
			Error::<Test>::ApplicationMismatch
		);
		// Another kind.
		let b = receive(ApplicationKind::BirthRegistration, 0xc1, &[]);
		assert_noop!(
			marriage(w, m).on(later).application(b).register(),
			Error::<Test>::ApplicationMismatch
		);
		// Another office (the wedding house registers marriages too).
		assert_noop!(
			marriage(w, m)
				.by(WEDDING_REGISTRAR)
				.at(TK_YUN)
				.on(later)
				.application(a)
				.register(),
			Error::<Test>::ApplicationOfAnotherOffice
		);
		assert_noop!(
			marriage(w, m).on(later).application(42).register(),
			Error::<Test>::UnknownApplication
		);
		// The applicants in either order; the law's checks first.
		assert_noop!(marriage(m, m).on(later).application(a).register(), Error::<Test>::SamePerson);
		assert_ok!(marriage(m, w).on(later).application(a).register());
		// A refused application registers nothing.
		let c = receive(ApplicationKind::Marriage, 0xc2, &[other, m]);
		assert_ok!(CivilEvents::update_application(
			signed(REGISTRAR),
			c,
			ApplicationStatus::Refused(RefusalReason::LegalImpediment)
		));
		assert_noop!(
			marriage(other, m).on(d(2024, 7, 20)).application(c).register(),
			Error::<Test>::AlreadyMarried
		);
	});
}

#[test]
fn an_application_goes_through_its_statuses() {
	build_and_execute(|| {
		let a = receive(ApplicationKind::NameChange, 0xc0, &[]);
		assert_eq!(
			CivilEvents::application_status(h(0xc0)),
			Some(PublicApplicationStatus::Received)
		);
		for next in
			[ApplicationStatus::Accepted, ApplicationStatus::Waiting, ApplicationStatus::Accepted]
		{
			assert_ok!(CivilEvents::update_application(signed(REGISTRAR_2), a, next));
			assert_eq!(last_event(), Event::ApplicationUpdated { application: a, status: next });
			assert_eq!(status(a), next);
		}
		assert_eq!(
			CivilEvents::application_status(h(0xc0)),
			Some(PublicApplicationStatus::Accepted)
		);
		assert_noop!(
			CivilEvents::update_application(signed(REGISTRAR), a, ApplicationStatus::Received),
			Error::<Test>::BadApplicationStatus
		);
		// Refused: final.
		assert_ok!(CivilEvents::update_application(
			signed(REGISTRAR),
			a,
			ApplicationStatus::Refused(RefusalReason::IncompleteDocuments)
		));
		assert_eq!(
			CivilEvents::application_status(h(0xc0)),
			Some(PublicApplicationStatus::Refused(PublicRefusal::IncompleteDocuments))
		);
		assert_noop!(
			CivilEvents::update_application(signed(REGISTRAR), a, ApplicationStatus::Accepted),
			Error::<Test>::ApplicationClosed
		);
		assert_eq!(CivilEvents::application_status(h(0x99)), None);
	});
}

#[test]
fn an_application_is_registered_with_an_act_of_its_kind_by_its_office() {
	build_and_execute(|| {
		let (mother, man) = couple();
		let a = receive(ApplicationKind::BirthRegistration, 0xc0, &[]);
		assert_ok!(birth(20).on(TODAY).mother(mother).register());
		let born = last_act();
		// Another office's birth, or an act of another kind, is not its act.
		assert_ok!(birth(21).by(SAM_REGISTRAR).at(SA_SAM).on(TODAY).register());
		let elsewhere = last_act();
		assert_ok!(death(man).on(TODAY).register());
		let died = last_act();
		for act in [elsewhere, died, 999] {
			assert_noop!(
				CivilEvents::update_application(
					signed(REGISTRAR),
					a,
					ApplicationStatus::Registered(act)
				),
				Error::<Test>::BadApplicationStatus
			);
		}
		assert_ok!(CivilEvents::update_application(
			signed(REGISTRAR),
			a,
			ApplicationStatus::Registered(born)
		));
		assert_eq!(status(a), ApplicationStatus::Registered(born));
		// A reissue names the act whose certificate was issued, of any kind.
		let r = receive(ApplicationKind::CertificateReissue, 0xc1, &[]);
		assert_ok!(CivilEvents::update_application(
			signed(REGISTRAR),
			r,
			ApplicationStatus::Registered(died)
		));
		// A marriage application is registered by the marriage itself.
		let (w, m) = (enroll(3, Sex::Female, d(1992, 1, 1)), enroll(4, Sex::Male, d(1991, 1, 1)));
		let c = receive(ApplicationKind::Marriage, 0xc2, &[w, m]);
		assert_noop!(
			CivilEvents::update_application(
				signed(REGISTRAR),
				c,
				ApplicationStatus::Registered(born)
			),
			Error::<Test>::BadApplicationStatus
		);
	});
}

#[test]
fn receive_and_update_errors() {
	build_and_execute(|| {
		let (w, m) = couple();
		let recv = |who, kind, code, persons: &[PersonId]| {
			CivilEvents::receive_application(signed(who), kind, h(code), applicants(persons))
		};
		assert_noop!(recv(NOBODY, ApplicationKind::NameChange, 1, &[]), Error::<Test>::NotOfficer);
		// A marriage names its two applicants, distinct and on chain; the others none.
		assert_noop!(
			recv(REGISTRAR, ApplicationKind::Marriage, 1, &[w]),
			Error::<Test>::BadApplicants
		);
		assert_noop!(
			recv(REGISTRAR, ApplicationKind::Marriage, 1, &[w, w]),
			Error::<Test>::BadApplicants
		);
		assert_noop!(
			recv(REGISTRAR, ApplicationKind::Marriage, 1, &[w, 999]),
			Error::<Test>::UnknownPerson
		);
		assert_noop!(
			recv(REGISTRAR, ApplicationKind::NameChange, 1, &[w]),
			Error::<Test>::BadApplicants
		);
		// An office receives what it registers: the archive no marriage, the wedding house no
		// birth.
		assert_noop!(
			recv(ARCHIVIST, ApplicationKind::Marriage, 1, &[w, m]),
			Error::<Test>::ApplicationKindNotServed
		);
		assert_noop!(
			recv(WEDDING_REGISTRAR, ApplicationKind::BirthRegistration, 1, &[]),
			Error::<Test>::ApplicationKindNotServed
		);
		assert_ok!(recv(WEDDING_REGISTRAR, ApplicationKind::Marriage, 1, &[w, m]));
		assert_noop!(
			recv(REGISTRAR, ApplicationKind::NameChange, 1, &[]),
			Error::<Test>::TrackingCodeTaken
		);
		// Another office's application is not this office's to update.
		assert_noop!(
			CivilEvents::update_application(signed(REGISTRAR), 0, ApplicationStatus::Accepted),
			Error::<Test>::ApplicationOfAnotherOffice
		);
		assert_noop!(
			CivilEvents::update_application(signed(REGISTRAR), 42, ApplicationStatus::Accepted),
			Error::<Test>::UnknownApplication
		);
		// At most four open in an office in the tests.
		for code in 2..6 {
			assert_ok!(recv(REGISTRAR, ApplicationKind::NameChange, code, &[]));
		}
		assert_noop!(
			recv(REGISTRAR, ApplicationKind::NameChange, 6, &[]),
			Error::<Test>::TooManyOpenApplications
		);
		// A closed one makes room.
		assert_ok!(CivilEvents::update_application(
			signed(REGISTRAR),
			1,
			ApplicationStatus::Refused(RefusalReason::Withdrawn)
		));
		assert_ok!(recv(REGISTRAR, ApplicationKind::NameChange, 6, &[]));
	});
}
