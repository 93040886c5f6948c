//! The test country: one jurisdiction tree, its offices and their officers, which every pallet's
//! unit tests start from (`pallet-offices`' own, `pallet-civil-events`'), so that "office 0" or
//! "the Tashkent department" mean the same thing in all of them. For tests only: compiled for
//! this crate's tests and, in other crates' tests, with the `test-country` feature.
//!
//! ```text
//! UZ (0)
//! ├── UZ-TK (1)            Tashkent City Justice Department (office 4): TK_REGIONAL_HEAD, TK_REGIONAL_REGISTRAR
//! │   │                    Tashkent Wedding House (office 2): WEDDING_REGISTRAR
//! │   ├── UZ-TK-YUN (2)    Yunusobod district office (office 0): HEAD, REGISTRAR, REGISTRAR_2
//! │   └── UZ-TK-CHI (3)
//! ├── UZ-SA (4)            Samarkand Region Justice Department (office 5): SA_REGIONAL_HEAD
//! │   └── UZ-SA-SAM (5)    Samarkand city office (office 1): SAM_HEAD, SAM_REGISTRAR
//! └── (the country)        Central Archive (office 3): ARCHIVIST
//! ```

use crate::{Config, GenesisConfig};
use alloc::{string::String, vec, vec::Vec};
use civil_registry_primitives::{JurisdictionId, OfficeId, OfficeKind, Role};

/// The country.
pub const UZ: JurisdictionId = 0;
/// Tashkent city, a region.
pub const TK: JurisdictionId = 1;
/// Yunusobod, a district of Tashkent.
pub const TK_YUN: JurisdictionId = 2;
/// Chilonzor, a district of Tashkent with no office of its own.
pub const TK_CHI: JurisdictionId = 3;
/// The Samarkand region.
pub const SA: JurisdictionId = 4;
/// Samarkand city, a district of the Samarkand region.
pub const SA_SAM: JurisdictionId = 5;

/// The Yunusobod district registry office.
pub const YUN_OFFICE: OfficeId = 0;
/// The Samarkand city registry office.
pub const SAM_OFFICE: OfficeId = 1;
/// The Tashkent wedding house (marriages only).
pub const WEDDING_HOUSE: OfficeId = 2;
/// The central archive (enrollments only), over the whole country.
pub const ARCHIVE: OfficeId = 3;
/// The Tashkent City Justice Department: the regional level over Tashkent.
pub const TK_DEPT: OfficeId = 4;
/// The Samarkand Region Justice Department.
pub const SA_DEPT: OfficeId = 5;

/// Head of the Yunusobod office.
pub const HEAD: u64 = 1;
/// Registrar of the Yunusobod office.
pub const REGISTRAR: u64 = 2;
/// Registrar of the Samarkand city office.
pub const SAM_REGISTRAR: u64 = 3;
/// Registrar of the wedding house.
pub const WEDDING_REGISTRAR: u64 = 4;
/// Registrar of the archive.
pub const ARCHIVIST: u64 = 5;
/// A second registrar of the Yunusobod office.
pub const REGISTRAR_2: u64 = 6;
/// Head of the Tashkent City Justice Department.
pub const TK_REGIONAL_HEAD: u64 = 7;
/// Registrar of the Tashkent City Justice Department.
pub const TK_REGIONAL_REGISTRAR: u64 = 8;
/// Head of the Samarkand city office.
pub const SAM_HEAD: u64 = 9;
/// Head of the Samarkand Region Justice Department.
pub const SA_REGIONAL_HEAD: u64 = 10;
/// An account with no role.
pub const NOBODY: u64 = 99;

fn s(v: &str) -> String {
	String::from(v)
}

/// The offices pallet's genesis of the test country: no signer without an office role and no
/// appointment delay (a mock adds them where its tests need them).
pub fn genesis<T: Config<AccountId = u64>>() -> GenesisConfig<T> {
	let jurisdictions: Vec<(String, String, Option<String>)> = vec![
		(s("UZ"), s("Uzbekistan"), None),
		(s("UZ-TK"), s("Tashkent City"), Some(s("UZ"))),
		(s("UZ-TK-YUN"), s("Yunusobod"), Some(s("UZ-TK"))),
		(s("UZ-TK-CHI"), s("Chilonzor"), Some(s("UZ-TK"))),
		(s("UZ-SA"), s("Samarkand Region"), Some(s("UZ"))),
		(s("UZ-SA-SAM"), s("Samarkand City"), Some(s("UZ-SA"))),
	];
	let offices = vec![
		(OfficeKind::DistrictRegistry, s("UZ-TK-YUN"), s("Yunusobod ZAGS")),
		(OfficeKind::DistrictRegistry, s("UZ-SA-SAM"), s("Samarkand ZAGS")),
		(OfficeKind::WeddingHouse, s("UZ-TK"), s("Tashkent Wedding House")),
		(OfficeKind::Archive, s("UZ"), s("Central Archive")),
		(OfficeKind::RegionalDepartment, s("UZ-TK"), s("Tashkent Justice Department")),
		(OfficeKind::RegionalDepartment, s("UZ-SA"), s("Samarkand Justice Department")),
	];
	let officers = vec![
		(HEAD, YUN_OFFICE, Role::Head),
		(REGISTRAR, YUN_OFFICE, Role::Registrar),
		(REGISTRAR_2, YUN_OFFICE, Role::Registrar),
		(SAM_REGISTRAR, SAM_OFFICE, Role::Registrar),
		(WEDDING_REGISTRAR, WEDDING_HOUSE, Role::Registrar),
		(ARCHIVIST, ARCHIVE, Role::Registrar),
		(TK_REGIONAL_HEAD, TK_DEPT, Role::Head),
		(TK_REGIONAL_REGISTRAR, TK_DEPT, Role::Registrar),
		(SAM_HEAD, SAM_OFFICE, Role::Head),
		(SA_REGIONAL_HEAD, SA_DEPT, Role::Head),
	];
	GenesisConfig {
		jurisdictions,
		offices,
		officers,
		privileged_signers: Vec::new(),
		appointment_delay: Default::default(),
	}
}
