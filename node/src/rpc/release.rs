//! The released statistics, shared by the public gateway (`public.rs`) and the public
//! projection (`node/src/projection/`): when a release falls due ([`Schedule`]), which months
//! it holds ([`closed_months`]), and how a `civil_publishedStatistics` question is answered from
//! it ([`Release::answer`]). The tables themselves come from the runtime's disclosure control
//! (`CivilRegistryApi::published_statistics`, `primitives/src/disclosure.rs`).

use std::collections::BTreeMap;

use civil_registry_primitives::{
	ActKind, AgeGroup, Date, DisclosurePolicy, JurisdictionId, PublishedCount, PublishedTabulation,
	Tabulation, Timeliness, YearMonth, MAX_STATISTICS_MONTHS,
};
use codec::{Decode, Encode};
use jsonrpsee::types::ErrorObjectOwned;
use serde::{Deserialize, Serialize};

use super::common::{invalid, kind_name, month_text, not_found, parse_kind, parse_month, utc_date};

const DAY_MS: u64 = 86_400_000;

/// The released statistics' flags: their disclosure control and schedule.
#[derive(Debug, Clone, clap::Args)]
pub struct ReleaseParams {
	/// Published statistics: a count from 1 to this minus one is withheld, and so is a second
	/// cell wherever one withheld cell could be recovered from the totals. At least 2.
	#[arg(long, value_name = "COUNT", default_value_t = DisclosurePolicy::DEFAULT.threshold,
		value_parser = clap::value_parser!(u32).range(2..))]
	pub statistics_threshold: u32,

	/// Published statistics: the deepest jurisdictions tabulated (0 the country, 1 regions,
	/// 2 districts).
	#[arg(long, value_name = "DEPTH", default_value_t = DisclosurePolicy::DEFAULT.max_depth)]
	pub statistics_max_depth: u8,

	/// Published statistics: the deepest jurisdictions tabulated for adoption, paternity and
	/// change of name.
	#[arg(long, value_name = "DEPTH", default_value_t = DisclosurePolicy::DEFAULT.rare_max_depth)]
	pub statistics_rare_max_depth: u8,

	/// Published statistics: the day of each month (1 to 28, 00:00 UTC) on which the months
	/// that ended before it are released.
	#[arg(long, value_name = "DAY", default_value_t = 5,
		value_parser = clap::value_parser!(u8).range(1..=28))]
	pub statistics_release_day: u8,

	/// Published statistics: release every this many seconds instead of monthly (test
	/// networks, whose chains live minutes). The months released are still the closed ones.
	#[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
	pub statistics_release_interval: Option<u64>,

	/// Published statistics: how many closed months each release holds (at most 120).
	#[arg(long, value_name = "MONTHS", default_value_t = 120,
		value_parser = clap::value_parser!(u32).range(1..=120))]
	pub statistics_months: u32,
}

impl ReleaseParams {
	/// The disclosure control.
	pub fn policy(&self) -> DisclosurePolicy {
		DisclosurePolicy {
			threshold: self.statistics_threshold,
			max_depth: self.statistics_max_depth,
			rare_max_depth: self.statistics_rare_max_depth,
		}
	}

	/// When releases fall due.
	pub fn schedule(&self) -> Schedule {
		match self.statistics_release_interval {
			Some(seconds) => Schedule::Every { ms: seconds.saturating_mul(1000) },
			None => Schedule::Monthly { day: self.statistics_release_day },
		}
	}
}

/// When statistics are released.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
	/// On this day of each month, 00:00 UTC.
	Monthly { day: u8 },
	/// Every this many milliseconds since 1970.
	Every { ms: u64 },
}

impl Schedule {
	/// The latest release instant at or before `now` (milliseconds since 1970, UTC).
	pub fn latest(&self, now: u64) -> Option<u64> {
		match *self {
			Schedule::Every { ms } => Some(now.saturating_sub(now.checked_rem(ms)?)),
			Schedule::Monthly { day } => {
				let today = Date::from_unix_millis(now)?;
				let month = if today.day >= day {
					YearMonth::new(today.year, today.month)
				} else {
					previous(YearMonth::new(today.year, today.month))?
				};
				let days = Date::new(month.year, month.month, day).days_since_epoch();
				u64::try_from(days).ok()?.checked_mul(DAY_MS)
			},
		}
	}
}

/// The month before `month`.
pub fn previous(month: YearMonth) -> Option<YearMonth> {
	if month.month > 1 {
		Some(YearMonth::new(month.year, month.month.saturating_sub(1)))
	} else {
		Some(YearMonth::new(month.year.checked_sub(1)?, 12))
	}
}

/// A release of the statistics: the tables of every kind for the closed months it holds.
#[derive(Encode, Decode, Clone, Debug, PartialEq, Eq)]
pub struct Release {
	/// The instant it stands for.
	pub instant: u64,
	/// The block its tables were computed at: the first finalized one at or after `instant`.
	pub number: u32,
	/// The latest month it holds (the one before the month of `instant`).
	pub last: YearMonth,
	/// The earliest.
	pub first: YearMonth,
	/// The disclosure control the tables went through.
	pub policy: DisclosurePolicy,
	/// Each jurisdiction's depth, from the directory at `number`.
	pub depths: BTreeMap<JurisdictionId, u8>,
	/// Each kind's and month's table.
	pub tables: BTreeMap<(ActKind, YearMonth), Vec<PublishedCount>>,
	/// Each month's UN tabulations (`primitives/src/vital.rs`).
	pub vital: BTreeMap<YearMonth, Vec<PublishedTabulation>>,
}

/// The release a `civil_publishedStatistics` answer comes from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseJson {
	/// The block whose state the tables were computed at.
	pub block: u32,
	/// The release's day, `"YYYY-MM-DD"` (UTC).
	pub day: String,
	/// The earliest month released, `"YYYY-MM"`.
	pub first_month: String,
	/// The latest month released: the last one that had ended by the release day.
	pub last_month: String,
	/// The disclosure control it went through.
	pub policy: DisclosurePolicy,
}

/// One row of [`PublishedStatisticsJson`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PublishedRowJson {
	/// `"YYYY-MM"`: the month of the events.
	pub month: String,
	/// The kind of act.
	pub kind: ActKind,
	/// Acts in effect, or `null`: withheld by the disclosure control.
	pub count: Option<u32>,
}

/// What `civil_publishedStatistics` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PublishedStatisticsJson {
	/// The release; `null` before the first one (then no rows).
	pub release: Option<ReleaseJson>,
	/// Every released month of the range and every kind asked for that is tabulated at the
	/// jurisdiction's depth, by month then kind.
	pub rows: Vec<PublishedRowJson>,
}

/// One row of [`VitalStatisticsJson`]: one cell of one UN tabulation.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct VitalRowJson {
	/// `"YYYY-MM"`: the month of the events (of the registrations, for `registration` and
	/// `timeliness`).
	pub month: String,
	/// The tabulation: `registration` (by month of registration), `residence` (by place of
	/// usual residence), `motherAge`, `timeliness`, `notified`, `notifiedRegistered`.
	pub table: String,
	/// The kind of act.
	pub kind: ActKind,
	/// The category of a cross-classified table: the mother's age group (`under15`,
	/// `from15To19`, ..., `from50`, `notStated`) or the timeliness (`inTime`, `late`,
	/// `delayed`); `null` for the others.
	pub category: Option<String>,
	/// The count, or `null`: withheld by the disclosure control.
	pub count: Option<u32>,
}

/// What `civil_vitalStatistics` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct VitalStatisticsJson {
	/// The release; `null` before the first one (then no rows).
	pub release: Option<ReleaseJson>,
	/// Every released month of the range and every tabulation published at the
	/// jurisdiction's depth, by month, then in the registry's order of tabulations.
	pub rows: Vec<VitalRowJson>,
}

/// The name, kind and category of a tabulation, as `civil_vitalStatistics` states them.
pub fn tabulation_parts(table: Tabulation) -> (&'static str, ActKind, Option<&'static str>) {
	let group = |g: AgeGroup| match g {
		AgeGroup::Under15 => "under15",
		AgeGroup::From15To19 => "from15To19",
		AgeGroup::From20To24 => "from20To24",
		AgeGroup::From25To29 => "from25To29",
		AgeGroup::From30To34 => "from30To34",
		AgeGroup::From35To39 => "from35To39",
		AgeGroup::From40To44 => "from40To44",
		AgeGroup::From45To49 => "from45To49",
		AgeGroup::From50 => "from50",
		AgeGroup::NotStated => "notStated",
	};
	let timeliness = |t: Timeliness| match t {
		Timeliness::InTime => "inTime",
		Timeliness::Late => "late",
		Timeliness::Delayed => "delayed",
	};
	match table {
		Tabulation::Registration(kind) => ("registration", kind, None),
		Tabulation::Residence(kind) => ("residence", kind, None),
		Tabulation::MotherAge(g) => ("motherAge", ActKind::Birth, Some(group(g))),
		Tabulation::Timeliness(kind, t) => ("timeliness", kind, Some(timeliness(t))),
		Tabulation::Notified(kind) => ("notified", kind, None),
		Tabulation::NotifiedRegistered(kind) => ("notifiedRegistered", kind, None),
	}
}

/// The months from `from` to `to`, inclusive; empty if `from` is after `to`.
pub fn months(from: YearMonth, to: YearMonth) -> Vec<YearMonth> {
	let mut months = Vec::new();
	let mut month = from;
	while month <= to && months.len() <= MAX_STATISTICS_MONTHS as usize {
		months.push(month);
		match month.next() {
			Some(next) => month = next,
			None => break,
		}
	}
	months
}

/// The closed months a release at `instant` holds: the `count` months that ended before the
/// month of `instant`, as (first, last).
pub fn closed_months(instant: u64, count: u32) -> Option<(YearMonth, YearMonth)> {
	let today = Date::from_unix_millis(instant)?;
	let last = previous(YearMonth::new(today.year, today.month))?;
	let mut first = last;
	for _ in 1..count {
		match previous(first) {
			Some(p) if p.is_valid() => first = p,
			_ => break,
		}
	}
	Some((first, last))
}

impl Release {
	/// The release as an answer states it.
	fn json(&self) -> ReleaseJson {
		ReleaseJson {
			block: self.number,
			day: utc_date(self.instant),
			first_month: month_text(self.first),
			last_month: month_text(self.last),
			policy: self.policy,
		}
	}

	/// The answer to `civil_vitalStatistics(jurisdiction, from, to)` from this release: every
	/// released month of the range, every tabulation that has the jurisdiction (the
	/// cross-classified ones stop at the regions).
	pub fn answer_vital(
		&self,
		jurisdiction: JurisdictionId,
		from: &str,
		to: &str,
	) -> Result<VitalStatisticsJson, ErrorObjectOwned> {
		let (_, from, to) = parse_question(None, from, to)?;
		if !self.depths.contains_key(&jurisdiction) {
			return Err(not_found(format!("no jurisdiction has the id {jurisdiction}")));
		}
		let mut rows = Vec::new();
		for month in months(from.max(self.first), to.min(self.last)) {
			let Some(tables) = self.vital.get(&month) else { continue };
			for table in tables {
				let Some(cell) = table.cells.iter().find(|c| c.jurisdiction == jurisdiction) else {
					continue;
				};
				let (name, kind, category) = tabulation_parts(table.table);
				rows.push(VitalRowJson {
					month: month_text(month),
					table: name.into(),
					kind,
					category: category.map(Into::into),
					count: cell.count,
				});
			}
		}
		Ok(VitalStatisticsJson { release: Some(self.json()), rows })
	}

	/// The answer to `civil_publishedStatistics(jurisdiction, kind, from, to)` from this
	/// release: every released month of the range and every kind asked for that is tabulated
	/// at the jurisdiction's depth.
	pub fn answer(
		&self,
		jurisdiction: JurisdictionId,
		kind: Option<&str>,
		from: &str,
		to: &str,
	) -> Result<PublishedStatisticsJson, ErrorObjectOwned> {
		let (kind, from, to) = parse_question(kind, from, to)?;
		let depth = *self
			.depths
			.get(&jurisdiction)
			.ok_or_else(|| not_found(format!("no jurisdiction has the id {jurisdiction}")))?;
		let kinds: Vec<ActKind> = match kind {
			Some(kind) if depth > self.policy.depth_for(kind) => {
				return Err(invalid(format!(
					"{} is published down to depth {} (jurisdiction {jurisdiction} has depth \
					 {depth}): ask for the jurisdiction above it",
					kind_name(kind),
					self.policy.depth_for(kind)
				)))
			},
			Some(kind) => vec![kind],
			None => ActKind::ALL
				.into_iter()
				.filter(|k| depth <= self.policy.depth_for(*k))
				.collect(),
		};
		let mut rows = Vec::new();
		for month in months(from.max(self.first), to.min(self.last)) {
			for kind in &kinds {
				let Some(table) = self.tables.get(&(*kind, month)) else { continue };
				if let Some(cell) = table.iter().find(|c| c.jurisdiction == jurisdiction) {
					rows.push(PublishedRowJson {
						month: month_text(month),
						kind: *kind,
						count: cell.count,
					});
				}
			}
		}
		Ok(PublishedStatisticsJson { release: Some(self.json()), rows })
	}
}

/// The checked parameters of a `civil_publishedStatistics` question (also before the first
/// release, so that a malformed one is refused then too).
pub fn parse_question(
	kind: Option<&str>,
	from: &str,
	to: &str,
) -> Result<(Option<ActKind>, YearMonth, YearMonth), ErrorObjectOwned> {
	let kind = kind.map(parse_kind).transpose()?;
	let (from, to) = (parse_month(from)?, parse_month(to)?);
	if from > to {
		return Err(invalid("`from` is after `to`"));
	}
	if from.months_until(&to) > MAX_STATISTICS_MONTHS {
		return Err(invalid("the range spans more than 120 months; split the query"));
	}
	Ok((kind, from, to))
}
