//! The pallets whose benchmarks the runtime runs (`benchmark pallet`), and FRAME's
//! transaction extensions (`frame_system_extensions`: the nonce, era, weight checks this
//! runtime's `TxExtension` runs on every transaction), and `pallet-migrations`' own bookkeeping.

frame_benchmarking::define_benchmarks!(
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_offices, Offices]
	[pallet_gate, Gate]
	[pallet_civil_events, CivilEvents]
	[pallet_authorities, Authorities]
	[pallet_governance, Governance]
	[pallet_migrations, MultiBlockMigrations]
);
