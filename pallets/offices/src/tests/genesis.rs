//! The genesis builder: the tree, the offices and the officers of the mock.

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
		assert_eq!(office.registrars, 2);
		assert_eq!(Officers::<Test>::get(YUN_REGISTRAR).unwrap().role, Role::Registrar);
		// Every role holder, and the privileged signer, can pass the nonce check.
		for who in [YUN_HEAD, YUN_REGISTRAR, TK_HEAD, SAM_HEAD, SA_HEAD, SUDO] {
			assert_eq!(System::providers(&who), 1);
		}
		assert_eq!(System::providers(&NOBODY), 0);
	});
}
