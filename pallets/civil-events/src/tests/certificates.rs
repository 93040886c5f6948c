//! Certificates: valid, superseded by an amendment, revoked, under review, cancelled by the
//! issuing office.

use super::builders::*;

#[test]
fn status_moves_from_valid_to_superseded_to_revoked() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)));
		assert_eq!(
			last_event(),
			Event::CertificateIssued { certificate: h(0xc1), act, version: 1, office: YUN_OFFICE }
		);
		let info = CivilEvents::verify_certificate(h(0xc1)).unwrap();
		assert_eq!(
			(info.status, info.kind, info.office, info.version, info.current_version),
			(CertificateStatus::Valid, ActKind::Birth, YUN_OFFICE, 1, 1)
		);
		assert_eq!(info.issued_at, 1);
		assert_eq!(CivilEvents::verify_certificate(h(0xc9)), None);

		let proposal = propose(act, born_on(d(2024, 5, 31)));
		assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));
		assert_eq!(status(0xc1), Some(CertificateStatus::Superseded));
		// A repeat certificate is a new hash, stating version 2.
		assert_noop!(
			CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)),
			Error::<Test>::CertificateExists
		);
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR_2), act, h(0xc2)));
		assert_eq!(status(0xc2), Some(CertificateStatus::Valid));
		assert_eq!(CivilEvents::verify_certificate(h(0xc1)).unwrap().current_version, 2);

		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(act)));
		assert_eq!(status(0xc1), Some(CertificateStatus::Revoked));
		assert_eq!(status(0xc2), Some(CertificateStatus::Revoked));
		assert_noop!(
			CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc3)),
			Error::<Test>::ActNotInEffect
		);
	});
}

#[test]
fn sealed_acts_hide_older_certificates() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(10, d(2020, 6, 1), None, None);
		let act = birth_act(child);
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)));
		marry(m, f, TODAY);
		assert_ok!(adoption(child).on(TODAY).mother(m).father(f).seal(true).register());
		// The certificate naming the original parents no longer verifies at all.
		assert_eq!(CivilEvents::verify_certificate(h(0xc1)), None);
		// One issued after the sealing does.
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc2)));
		assert_eq!(status(0xc2), Some(CertificateStatus::Valid));
		assert!(Certificates::<Test>::get(h(0xc2)).unwrap().sealed);
		// Revoking the adoption unseals the act: the old certificate is back, the one
		// issued under the seal is superseded.
		let adoption = last_act();
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(adoption)));
		assert_eq!(status(0xc1), Some(CertificateStatus::Valid));
		assert_eq!(status(0xc2), Some(CertificateStatus::Superseded));
	});
}

#[test]
fn certificate_errors() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		assert_noop!(
			CivilEvents::issue_certificate(signed(REGISTRAR), 99, h(1)),
			Error::<Test>::UnknownAct
		);
		assert_noop!(
			CivilEvents::issue_certificate(signed(NOBODY), act, h(1)),
			Error::<Test>::NotOfficer
		);
		// Samarkand's office does not certify Tashkent's acts; a wedding house no births.
		assert_noop!(
			CivilEvents::issue_certificate(signed(SAM_REGISTRAR), act, h(1)),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			CivilEvents::issue_certificate(signed(WEDDING_REGISTRAR), act, h(1)),
			Error::<Test>::ActKindNotAllowed
		);
		// The regional department certifies acts of its region.
		assert_ok!(CivilEvents::issue_certificate(signed(TK_REGIONAL_REGISTRAR), act, h(1)));
		assert_eq!(
			CivilEvents::verify_certificate(h(1)).unwrap().office,
			YUN_OFFICE,
			"the answer names the registering office"
		);
	});
}

#[test]
fn an_act_has_at_most_max_certificates_per_act() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		// The mock allows 3 per act, over all its versions.
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(1)));
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(2)));
		assert_ok!(CivilEvents::approve_amendment(
			signed(HEAD),
			propose(act, born_on(d(2024, 6, 2)))
		));
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR_2), act, h(3)));
		assert_eq!(CertificatesIssued::<Test>::get(act), 3);
		assert_noop!(
			CivilEvents::issue_certificate(signed(REGISTRAR), act, h(4)),
			Error::<Test>::TooManyCertificates
		);
		// Another act has its own count.
		let other = birth_act(new_child(11, d(2024, 6, 1), None, None));
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), other, h(4)));
		assert_eq!(CertificatesIssued::<Test>::get(other), 1);
	});
}

#[test]
fn a_certificate_of_a_compromised_keys_work_verifies_as_under_review() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		// REGISTRAR signed the act; REGISTRAR and REGISTRAR_2 each issue a certificate of it.
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)));
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR_2), act, h(0xc2)));
		assert_eq!(status(0xc1), Some(CertificateStatus::Valid));
		// REGISTRAR's key turns out to have been stolen from block 1: both certificates are of
		// its act, and one of them is its own.
		System::set_block_number(3);
		assert_ok!(pallet_offices::Pallet::<Test>::dismiss_officer(root(), REGISTRAR, Some(1)));
		assert_eq!(status(0xc1), Some(CertificateStatus::UnderReview));
		assert_eq!(status(0xc2), Some(CertificateStatus::UnderReview));
		// The regional department reviews the act and finds it sound: the certificate another
		// officer issued is valid again; the compromised key's own stays under review (a new
		// certificate replaces it).
		assert_ok!(CivilEvents::clear_review(signed(TK_REGIONAL_HEAD), act));
		assert_eq!(status(0xc2), Some(CertificateStatus::Valid));
		assert_eq!(status(0xc1), Some(CertificateStatus::UnderReview));
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR_2), act, h(0xc3)));
		assert_eq!(status(0xc3), Some(CertificateStatus::Valid));
	});
}

#[test]
fn the_issuing_offices_head_cancels_a_lost_or_stolen_certificate() {
	build_and_execute(|| {
		let act = birth_act(new_child(10, d(2024, 6, 1), None, None));
		let other = birth_act(new_child(11, d(2024, 6, 1), None, None));
		// (The mock allows three certificates per act.)
		for (byte, act) in [(0xc1, act), (0xc2, act), (0xc3, other)] {
			assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(byte)));
		}
		// The holder reports the first lost: the office's head cancels it.
		assert_ok!(CivilEvents::cancel_certificate(
			signed(HEAD),
			h(0xc1),
			CancellationReason::Lost
		));
		assert_eq!(
			last_event(),
			Event::CertificateCancelled {
				certificate: h(0xc1),
				reason: CancellationReason::Lost,
				cancelled_by: Some(HEAD),
			}
		);
		let cancellation = CancelledCertificates::<Test>::get(h(0xc1)).unwrap();
		assert_eq!(
			(cancellation.reason, cancellation.by, cancellation.at),
			(CancellationReason::Lost, Some(HEAD), 1)
		);
		// The regional department above the office may cancel too; so may governance.
		assert_ok!(CivilEvents::cancel_certificate(
			signed(TK_REGIONAL_HEAD),
			h(0xc2),
			CancellationReason::Stolen
		));
		assert_ok!(CivilEvents::cancel_certificate(
			root(),
			h(0xc3),
			CancellationReason::IssuedInError
		));
		assert_eq!(
			last_event(),
			Event::CertificateCancelled {
				certificate: h(0xc3),
				reason: CancellationReason::IssuedInError,
				cancelled_by: None,
			}
		);
		assert_eq!(
			[status(0xc1), status(0xc2), status(0xc3)],
			[
				Some(CertificateStatus::ReportedLost),
				Some(CertificateStatus::ReportedStolen),
				Some(CertificateStatus::IssuedInError)
			]
		);
		// The act is unaffected: a new certificate of it is valid.
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR_2), act, h(0xc4)));
		assert_eq!(status(0xc4), Some(CertificateStatus::Valid));
		// A cancellation is final: not repeated, not replaced by another reason.
		assert_noop!(
			CivilEvents::cancel_certificate(signed(HEAD), h(0xc1), CancellationReason::Stolen),
			Error::<Test>::CertificateCancelled
		);
		// It outlives a correction of the act (a stolen paper stays stolen); only the act's
		// revocation says more.
		assert_ok!(CivilEvents::approve_amendment(
			signed(HEAD),
			propose(act, born_on(d(2024, 5, 31)))
		));
		assert_eq!(status(0xc2), Some(CertificateStatus::ReportedStolen));
		assert_eq!(status(0xc4), Some(CertificateStatus::Superseded));
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(act)));
		assert_eq!(status(0xc2), Some(CertificateStatus::Revoked));
	});
}

#[test]
fn only_the_issuing_offices_heads_cancel_a_certificate() {
	build_and_execute(|| {
		let act = birth_act(new_child(10, d(2024, 6, 1), None, None));
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)));
		let cancel = |who: u64| {
			CivilEvents::cancel_certificate(signed(who), h(0xc1), CancellationReason::Stolen)
		};
		// Not a registrar (not even the one that issued it), not another office's head, not a
		// stranger: a stolen registrar key cannot cancel its office's papers.
		for who in [REGISTRAR, REGISTRAR_2, SAM_HEAD, SAM_REGISTRAR, TK_REGIONAL_REGISTRAR, NOBODY]
		{
			assert_noop!(cancel(who), Error::<Test>::NotIssuingHead);
		}
		assert_noop!(
			CivilEvents::cancel_certificate(signed(HEAD), h(0xc9), CancellationReason::Lost),
			Error::<Test>::UnknownCertificate
		);
		// A head whose key was found compromised (dismissed) cannot; nor can one under review
		// that still holds a role: the regional department's head, declared compromised, is
		// dismissed with its key.
		System::set_block_number(3);
		assert_ok!(pallet_offices::Pallet::<Test>::dismiss_officer(root(), HEAD, Some(2)));
		assert_noop!(cancel(HEAD), Error::<Test>::NotIssuingHead);
		// The regional department still can.
		assert_ok!(cancel(TK_REGIONAL_HEAD));
		assert_eq!(status(0xc1), Some(CertificateStatus::ReportedStolen));
	});
}
