//! Jurisdictions: created, renamed and removed by governance, with every refusal.

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
		let create =
			|c: &[u8], n: &[u8], p| Offices::create_jurisdiction(root(), c.to_vec(), n.to_vec(), p);
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
		assert_noop!(Offices::rename_jurisdiction(root(), TK, vec![]), Error::<Test>::EmptyName);
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
		assert_noop!(Offices::remove_jurisdiction(root(), 42), Error::<Test>::UnknownJurisdiction);
		// Has children.
		assert_noop!(Offices::remove_jurisdiction(root(), UZ), Error::<Test>::JurisdictionInUse);
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
