//! Storage migrations, run on the state the previous version left.

use super::builders::*;
use crate::{migrations::RollUpStatistics, Pallet, Statistics};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn version_1_statistics_are_rolled_up_once() {
	build_and_execute(|| {
		// Acts registered under version 2 count for every level...
		new_child(10, d(2024, 6, 1), None, None);
		new_child(11, d(2024, 6, 2), None, None);
		assert_ok!(birth(13)
			.by(SAM_REGISTRAR)
			.at(SA_SAM)
			.on(d(2024, 6, 3))
			.sex(Sex::Male)
			.register());
		let rolled_up: Vec<_> = Statistics::<Test>::iter().collect();
		assert_eq!(rolled_up.len(), 5, "Yunusobod, Tashkent, Samarkand City and Region, UZ");
		// ...so turn the state back into version 1's: exact jurisdictions only.
		for ((kind, month, jurisdiction), _) in rolled_up.iter() {
			if ![TK_YUN, SA_SAM].contains(jurisdiction) {
				Statistics::<Test>::remove((*kind, *month, *jurisdiction));
			}
		}
		assert_eq!(count(ActKind::Birth, 2024, 6, 0), 0);
		StorageVersion::new(1).put::<Pallet<Test>>();

		RollUpStatistics::<Test>::on_runtime_upgrade();

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		// (The next migration is not run here.)
		assert_eq!(Statistics::<Test>::iter().collect::<Vec<_>>(), rolled_up);
		assert_eq!(count(ActKind::Birth, 2024, 6, 0), 3);
		// Run again (a second upgrade): the version check makes it a no-op.
		RollUpStatistics::<Test>::on_runtime_upgrade();
		assert_eq!(Statistics::<Test>::iter().collect::<Vec<_>>(), rolled_up);
	});
}
