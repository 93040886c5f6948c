//! Acts signed by a compromised key are listed for review until cleared.

use super::builders::*;

#[test]
fn acts_of_a_compromised_key_are_listed_until_reviewed() {
	build_and_execute(|| {
		let (a, b) = couple();
		System::set_block_number(5);
		let early = marry(a, b, d(2020, 1, 1));
		System::set_block_number(10);
		let name = {
			assert_ok!(name_change(a, h(0x41)).on(TODAY).register());
			last_act()
		};
		System::set_block_number(12);
		let late = {
			assert_ok!(name_change(b, h(0x42)).on(TODAY).register());
			last_act()
		};
		assert!(CivilEvents::acts_under_review(REGISTRAR).is_empty());
		System::set_block_number(15);
		assert_ok!(pallet_offices::Pallet::<Test>::dismiss_officer(root(), REGISTRAR, Some(8)));

		let listed = |who| -> Vec<(u64, bool)> {
			CivilEvents::acts_under_review(who)
				.into_iter()
				.map(|i| (i.act, i.needs_review))
				.collect()
		};
		// The marriage signed before the compromise is not listed.
		assert_eq!(listed(REGISTRAR), vec![(name, true), (late, true)]);
		assert!(!listed(REGISTRAR).iter().any(|(act, _)| *act == early));
		let item = CivilEvents::acts_under_review(REGISTRAR)[0];
		assert_eq!(
			(item.kind, item.office, item.jurisdiction, item.registered_at),
			(ActKind::NameChange, YUN_OFFICE, TK_YUN, 10)
		);

		// An approved amendment clears nothing (it may be the compromised key's own work);
		// the regional department's review clears one flag, an approved revocation the other.
		assert_ok!(CivilEvents::propose_amendment(
			signed(REGISTRAR_2),
			name,
			h(0xee),
			AmendmentReason::AdministrativeDecision,
			Correction { data_root: Some(h(0x51)), ..Default::default() }
		));
		assert_ok!(CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), last_proposal()));
		assert_eq!(listed(REGISTRAR), vec![(name, true), (late, true)]);
		assert_eq!(person(a).data_root, h(0x51));
		// Not by the office's head: reviewing is the regional department's.
		assert_noop!(CivilEvents::clear_review(signed(HEAD), name), Error::<Test>::NotRegionalHead);
		assert_ok!(CivilEvents::clear_review(signed(TK_REGIONAL_HEAD), name));
		assert_noop!(
			CivilEvents::clear_review(signed(TK_REGIONAL_HEAD), name),
			Error::<Test>::NotUnderReview
		);
		assert_eq!(listed(REGISTRAR), vec![(name, false), (late, true)]);
		assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR_2), late, h(1)));
		// A rejected proposal clears nothing.
		assert_ok!(CivilEvents::reject_revocation(signed(REGISTRAR_2), last_proposal()));
		assert_eq!(listed(REGISTRAR), vec![(name, false), (late, true)]);
		assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR_2), late, h(1)));
		assert_ok!(CivilEvents::approve_revocation(root(), last_proposal()));
		assert_eq!(listed(REGISTRAR), vec![(name, false), (late, false)]);
		// Keys that are not compromised list nothing.
		assert!(listed(REGISTRAR_2).is_empty());
	});
}
