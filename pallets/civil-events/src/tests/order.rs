//! Order-independence (#31): random lives — marriages, births, deaths, divorces on every
//! ground, adoptions (single, by a step-parent, by a couple), paternities — are generated with
//! their event dates, then registered in several orders: chronologically, and with every act
//! whose date may precede its registration (a birth, a death, a court's divorce, an adoption)
//! registered after a random delay, late ones approved by the office's head. The only order
//! kept is what the law itself requires to come first: a person's birth before any act naming
//! them, the end of a spouse's last marriage before a new marriage, the end of a mother's
//! marriage before a birth the presumption of paternity would otherwise give to her former
//! husband, a marriage before its divorce. Every order must end in the same statuses and
//! family links — the statuses the lives themselves give — with `try_state` holding after
//! every step. The counts of what the run reached are printed (`--nocapture`), and a kind of
//! act or a ground of divorce no case reached fails the test.

use super::builders::*;
use crate::{Acts, AdoptionInEffect};
use civil_registry_primitives::{ActId, Date, LifeStatus, PersonId, PersonRegistry, Sex};
use proptest::{prelude::*, test_runner::TestRunner};
use std::{collections::BTreeMap, sync::Mutex};

/// Days after the go-live date in which the lives' events happen.
const WINDOW: i64 = 1_000;
/// The father's presumption lasts this many days after a marriage ends (the mock's law).
const GRACE: i64 = 300;
/// Women and men enrolled from the archive before the lives begin.
const FOUNDERS: usize = 10;

/// What the run reached, over all cases: acts registered by kind, divorce grounds, late
/// registrations approved, acts registered after an act of a later date, orders compared.
static REACHED: Mutex<BTreeMap<&'static str, usize>> = Mutex::new(BTreeMap::new());

fn note(what: &'static str) {
	*REACHED.lock().unwrap().entry(what).or_default() += 1;
}

/// The ground of a divorce, as the generator draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ground {
	MutualConsent,
	Missing,
	Incapable,
	Sentenced,
	Court,
}

/// A fact of a life. Persons are indices into the lives' persons (founders first, then the
/// children in order of birth); marriages are indices of the facts that made them.
#[derive(Clone, Debug)]
enum Fact {
	Marriage { wife: usize, husband: usize },
	Divorce { marriage: usize, ground: Ground },
	Death { person: usize },
	Birth { child: usize, mother: usize, father: Option<usize>, female: bool },
	Adoption { child: usize, mother: Option<usize>, father: Option<usize> },
	Paternity { child: usize, father: usize },
}

impl Fact {
	/// Whether the act takes effect the day it is registered (dated that day).
	fn on_registration(&self) -> bool {
		match self {
			Fact::Marriage { .. } | Fact::Paternity { .. } => true,
			Fact::Divorce { ground, .. } => *ground != Ground::Court,
			Fact::Death { .. } | Fact::Birth { .. } | Fact::Adoption { .. } => false,
		}
	}
}

/// A fact, the day it happened (days after the go-live), and the facts that must be
/// registered before it.
#[derive(Clone, Debug)]
struct Event {
	day: i64,
	fact: Fact,
	after: Vec<usize>,
}

/// A person of the lives, as the lives themselves make them: the truth the registry must end
/// up with.
#[derive(Clone, Debug)]
struct Person {
	female: bool,
	/// Day of birth (negative: before the go-live).
	born: i64,
	/// The fact of their birth (`None` for a founder, enrolled before everything).
	birth: Option<usize>,
	died: Option<i64>,
	mother: Option<usize>,
	father: Option<usize>,
	/// The marriage in effect.
	married: Option<usize>,
	/// The parents the birth named.
	born_to: [Option<usize>; 2],
	/// The adoption of the person, if adopted.
	adoption: Option<usize>,
	/// Their marriages, in order (each a marriage fact).
	marriages: Vec<usize>,
	adopted: bool,
}

/// A marriage of the lives: spouses, the day it began, and its end (the day and the fact).
#[derive(Clone, Debug)]
struct Union {
	wife: usize,
	husband: usize,
	end: Option<(i64, usize)>,
}

/// The lives: persons, marriages, and the events in the order they happened.
#[derive(Clone, Debug, Default)]
struct Lives {
	persons: Vec<Person>,
	unions: BTreeMap<usize, Union>,
	events: Vec<Event>,
	/// The acts naming each person (in the registry's index of a person's acts).
	acts: Vec<u32>,
}

/// One draw of the dice: what kind of event comes next, two choices, and the days until it.
type Die = (u8, u8, u8, u8);

impl Lives {
	fn alive(&self, p: usize, day: i64) -> bool {
		self.persons[p].died.is_none() && self.persons[p].born <= day
	}

	fn age(&self, p: usize, day: i64) -> i64 {
		(day - self.persons[p].born) / 366
	}

	/// The `pick`-th of `candidates`, if any.
	fn choose(candidates: Vec<usize>, pick: u8) -> Option<usize> {
		(!candidates.is_empty()).then(|| candidates[usize::from(pick) % candidates.len()])
	}

	/// The acts that must come before an act naming `p`: their birth.
	fn exists(&self, p: usize) -> Vec<usize> {
		self.persons[p].birth.into_iter().collect()
	}

	/// The end of `p`'s last marriage, if it has ended.
	fn last_end(&self, p: usize) -> Option<(i64, usize)> {
		self.persons[p].marriages.last().and_then(|m| self.unions[m].end)
	}

	/// Add the event, unless a person it names has as many acts as the registry keeps for one
	/// person (`MaxActsPerPerson`, 16 in the mock; one kept free).
	fn push(&mut self, day: i64, fact: Fact, after: Vec<usize>, names: &[usize]) -> Option<usize> {
		if names.iter().any(|p| self.acts[*p] >= 15) {
			return None;
		}
		for p in names {
			self.acts[*p] += 1;
		}
		self.events.push(Event { day, fact, after });
		Some(self.events.len() - 1)
	}

	/// End marriage `m` on `day` by fact `by`.
	fn end(&mut self, m: usize, day: i64, by: usize) {
		let union = self.unions.get_mut(&m).unwrap();
		union.end = Some((day, by));
		let (wife, husband) = (union.wife, union.husband);
		self.persons[wife].married = None;
		self.persons[husband].married = None;
	}

	/// Generate lives from the dice: each die is an attempt at an event, skipped when it would
	/// not be lawful.
	fn generate(founders: &[(bool, u16)], dice: &[Die]) -> Lives {
		let mut lives = Lives::default();
		for &(female, age) in founders {
			lives.acts.push(0);
			lives.persons.push(Person {
				female,
				born: -(i64::from(age) + 20 * 366),
				birth: None,
				died: None,
				mother: None,
				father: None,
				married: None,
				born_to: [None, None],
				adoption: None,
				marriages: Vec::new(),
				adopted: false,
			});
		}
		let mut day = 0;
		for &(kind, a, b, gap) in dice {
			day += i64::from(gap % 45) + 1;
			if day > WINDOW {
				break;
			}
			lives.attempt(day, kind % 6, a, b);
		}
		lives
	}

	fn attempt(&mut self, day: i64, kind: u8, a: u8, b: u8) {
		let all = 0..self.persons.len();
		match kind {
			0 => {
				// A marriage of two living, unmarried adults who are not parent and child.
				let free = |female: bool| -> Vec<usize> {
					all.clone()
						.filter(|&p| {
							self.persons[p].female == female
								&& self.alive(p, day) && self.persons[p].married.is_none()
								&& self.age(p, day) >= 18
						})
						.collect()
				};
				let (Some(wife), Some(husband)) =
					(Self::choose(free(true), a), Self::choose(free(false), b))
				else {
					return;
				};
				let mut after = Vec::new();
				for p in [wife, husband] {
					after.extend(self.exists(p));
					after.extend(self.last_end(p).map(|(_, by)| by));
				}
				let Some(id) =
					self.push(day, Fact::Marriage { wife, husband }, after, &[wife, husband])
				else {
					return;
				};
				self.unions.insert(id, Union { wife, husband, end: None });
				for p in [wife, husband] {
					self.persons[p].married = Some(id);
					self.persons[p].marriages.push(id);
				}
			},
			1 => {
				// A divorce of a marriage in effect, on a ground its facts allow.
				let marriages: Vec<usize> =
					self.unions.iter().filter(|(_, u)| u.end.is_none()).map(|(m, _)| *m).collect();
				let Some(m) = Self::choose(marriages, a) else { return };
				let (wife, husband) = (self.unions[&m].wife, self.unions[&m].husband);
				let children = all.clone().any(|c| {
					let p = &self.persons[c];
					(p.mother == Some(wife) || p.father == Some(husband)) && p.born <= day
				});
				let ground = match b % 5 {
					0 if !children => Ground::MutualConsent,
					0 | 1 => Ground::Missing,
					2 => Ground::Incapable,
					3 => Ground::Sentenced,
					_ => Ground::Court,
				};
				// By mutual consent, the adoptions that took the spouses' children away (so that
				// they have no common minor child) come first.
				let mut after = vec![m];
				if ground == Ground::MutualConsent {
					after.extend(all.clone().filter_map(|c| {
						let p = &self.persons[c];
						let theirs =
							p.born_to.contains(&Some(wife)) || p.born_to.contains(&Some(husband));
						p.adoption.filter(|_| theirs)
					}));
				}
				let fact = Fact::Divorce { marriage: m, ground };
				let Some(id) = self.push(day, fact, after, &[wife, husband]) else { return };
				self.end(m, day, id);
			},
			2 => {
				// A death of a living person; a marriage in effect ends with it.
				let living: Vec<usize> = all.filter(|&p| self.alive(p, day)).collect();
				let Some(person) = Self::choose(living, a) else { return };
				let after = self.exists(person);
				let Some(id) = self.push(day, Fact::Death { person }, after, &[person]) else {
					return;
				};
				self.persons[person].died = Some(day);
				if let Some(m) = self.persons[person].married {
					self.end(m, day, id);
				}
			},
			3 => {
				// A birth to a living woman of 18 to 45; the father is the one the law presumes:
				// her husband, or her former husband within 300 days of the end; none otherwise
				// (and then the end must be registered first).
				let mothers: Vec<usize> = all
					.filter(|&p| {
						self.persons[p].female
							&& self.alive(p, day) && (18..=45).contains(&self.age(p, day))
					})
					.collect();
				let Some(mother) = Self::choose(mothers, a) else { return };
				let mut after = self.exists(mother);
				let father = match (self.persons[mother].married, self.last_end(mother)) {
					(Some(m), _) => Some(self.unions[&m].husband),
					(None, Some((end, by))) => {
						let m = *self.persons[mother].marriages.last().unwrap();
						if day - end <= GRACE {
							Some(self.unions[&m].husband)
						} else {
							after.push(by);
							None
						}
					},
					(None, None) => None,
				};
				after.extend(father.map(|f| self.exists(f)).unwrap_or_default());
				let child = self.persons.len();
				let female = b.is_multiple_of(2);
				let names: Vec<usize> = [Some(mother), father].into_iter().flatten().collect();
				let fact = Fact::Birth { child, mother, father, female };
				let Some(id) = self.push(day, fact, after, &names) else { return };
				self.acts.push(0);
				self.persons.push(Person {
					female,
					born: day,
					birth: Some(id),
					died: None,
					mother: Some(mother),
					father,
					married: None,
					born_to: [Some(mother), father],
					adoption: None,
					marriages: Vec::new(),
					adopted: false,
				});
			},
			4 => {
				// An adoption of a living minor not adopted before: by a stranger alone, by the
				// spouse of one of its parents, or by a married couple; never by its parents.
				let children: Vec<usize> = all
					.clone()
					.filter(|&c| {
						self.alive(c, day) && !self.persons[c].adopted && self.age(c, day) < 18
					})
					.collect();
				let Some(child) = Self::choose(children, a) else { return };
				let c = self.persons[child].clone();
				let parents = [c.mother, c.father];
				let adult = |p: usize| {
					self.alive(p, day)
						&& self.age(p, day) >= 18
						&& self.persons[p].born + 15 * 366 < c.born
						&& !parents.contains(&Some(p))
				};
				let (mother, father) = match b % 3 {
					0 => {
						let strangers: Vec<usize> = all.clone().filter(|&p| adult(p)).collect();
						let Some(p) = Self::choose(strangers, b / 3) else { return };
						if self.persons[p].female {
							(Some(p), None)
						} else {
							(None, Some(p))
						}
					},
					1 => {
						// The spouse of a parent (the parent stays).
						let step = parents.iter().flatten().find_map(|&parent| {
							let m = self.persons[parent].married?;
							let u = &self.unions[&m];
							let spouse = if u.wife == parent { u.husband } else { u.wife };
							adult(spouse).then_some(spouse)
						});
						let Some(p) = step else { return };
						if self.persons[p].female {
							(Some(p), None)
						} else {
							(None, Some(p))
						}
					},
					_ => {
						let couples: Vec<usize> = self
							.unions
							.iter()
							.filter(|(_, u)| u.end.is_none() && adult(u.wife) && adult(u.husband))
							.map(|(m, _)| *m)
							.collect();
						let Some(m) = Self::choose(couples, b / 3) else { return };
						(Some(self.unions[&m].wife), Some(self.unions[&m].husband))
					},
				};
				// Who the child's parents are afterwards: the adopters, and a step-parent's
				// spouse; a single stranger takes the child alone.
				let married = |x: usize, y: Option<usize>| {
					y.filter(|&y| {
						self.persons[x].married.is_some_and(|m| {
							let u = &self.unions[&m];
							(u.wife, u.husband) == (x, y) || (u.wife, u.husband) == (y, x)
						})
					})
				};
				let after_parents = match (mother, father) {
					(Some(m), Some(f)) => (Some(m), Some(f)),
					(Some(m), None) => (Some(m), married(m, c.father)),
					(None, Some(f)) => (married(f, c.mother), Some(f)),
					(None, None) => return,
				};
				// The registry must know an adopter's marriage has ended before it can tell a
				// stranger from a step-parent: that end comes first.
				let mut after = self.exists(child);
				for p in [mother, father].into_iter().flatten() {
					after.extend(self.exists(p));
					after.extend(self.last_end(p).map(|(_, by)| by));
				}
				let names: Vec<usize> =
					[Some(child), mother, father].into_iter().flatten().collect();
				let fact = Fact::Adoption { child, mother, father };
				let Some(id) = self.push(day, fact, after, &names) else { return };
				let p = &mut self.persons[child];
				(p.mother, p.father, p.adopted) = (after_parents.0, after_parents.1, true);
				p.adoption = Some(id);
			},
			_ => {
				// A paternity, on the parents' joint application, of a living child with no
				// father, not adopted, by a living man old enough.
				let children: Vec<usize> = all
					.clone()
					.filter(|&c| {
						let p = &self.persons[c];
						self.alive(c, day) && p.father.is_none() && !p.adopted && p.birth.is_some()
					})
					.collect();
				let Some(child) = Self::choose(children, a) else { return };
				let born = self.persons[child].born;
				let men: Vec<usize> = all
					.filter(|&p| {
						!self.persons[p].female
							&& self.alive(p, day) && self.persons[p].born + 13 * 366 < born
					})
					.collect();
				let Some(father) = Self::choose(men, b) else { return };
				let mut after = self.exists(child);
				after.extend(self.exists(father));
				if self
					.push(day, Fact::Paternity { child, father }, after, &[child, father])
					.is_none()
				{
					return;
				}
				self.persons[child].father = Some(father);
			},
		}
	}
}

/// The day the registry registers each event, given a delay for each: an act dated by its
/// registration is registered on its day; another `delay` days after it — but no later than
/// any act of a fixed day that needs it first, and no earlier than what it needs.
fn schedule(lives: &Lives, delays: &[u16]) -> Vec<i64> {
	let events = &lives.events;
	let n = events.len();
	let mut needed_by: Vec<Vec<usize>> = vec![Vec::new(); n];
	for (j, e) in events.iter().enumerate() {
		for &i in &e.after {
			assert!(events[i].day < e.day, "what comes first happened first");
			needed_by[i].push(j);
		}
	}
	// The latest day each may be registered: its own, if dated by registration; otherwise
	// the latest of what needs it (events are in the order they happened, needs point back).
	let mut latest = vec![i64::MAX; n];
	for k in (0..n).rev() {
		let own = if events[k].fact.on_registration() { events[k].day } else { i64::MAX };
		latest[k] = needed_by[k].iter().map(|&j| latest[j]).fold(own, i64::min);
	}
	let mut on = vec![0; n];
	for k in 0..n {
		let e = &events[k];
		on[k] = if e.fact.on_registration() {
			e.day
		} else {
			let delay = i64::from(delays.get(k).copied().unwrap_or(0));
			let wanted = (e.day + delay).min(latest[k]);
			e.after.iter().map(|&i| on[i]).fold(wanted, i64::max)
		};
		assert!(on[k] >= e.day && on[k] <= latest[k], "a schedule within the bounds");
		for &i in &e.after {
			assert!(on[i] <= on[k], "what comes first is registered first");
		}
	}
	on
}

fn date(day: i64) -> Date {
	GO_LIVE.add_days(day).unwrap()
}

/// Set the chain's clock to noon (UTC) of `day`.
fn clock(day: i64) {
	let noon = (date(day).days_since_epoch() as u64) * 86_400_000 + 43_200_000;
	pallet_timestamp::Now::<Test>::put(noon);
}

/// A person's state: the date of death, the marital state, mother, father, adopted.
type Status = (Option<Date>, String, Option<usize>, Option<usize>, bool);

/// The state the registry ended in, in the lives' own terms: per person, alive or the date of
/// death, the marital state (spouses as persons, marriages as facts), the parents, whether
/// adopted; per marriage, the kind of act and the fact that ended it.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
	persons: Vec<Status>,
	ends: BTreeMap<usize, Option<usize>>,
}

/// Register `lives` in the order `on` gives, on a new chain; returns the outcome.
fn register(lives: &Lives, on: &[i64]) -> Outcome {
	let mut order: Vec<usize> = (0..lives.events.len()).collect();
	order.sort_by_key(|&i| (on[i], lives.events[i].day));
	let mut ids: Vec<Option<PersonId>> = vec![None; lives.persons.len()];
	let mut acts: BTreeMap<usize, ActId> = BTreeMap::new();
	new_test_ext().execute_with(|| {
		// The founders, from the archive.
		for (p, person) in lives.persons.iter().enumerate().take(FOUNDERS) {
			let sex = if person.female { Sex::Female } else { Sex::Male };
			assert_ok!(enrollment(p as u8, sex).by(ARCHIVIST).on(date(person.born)).register());
			ids[p] = Persons::by_identity(&h(p as u8));
		}
		let mut latest = 0;
		for &i in &order {
			let event = &lives.events[i];
			clock(on[i]);
			if event.day < latest {
				note("registered after an act of a later date");
			}
			latest = latest.max(event.day);
			let person = |p: usize| ids[p].expect("registered before");
			let d = date(event.day);
			let origin = signed(REGISTRAR);
			let result = match &event.fact {
				Fact::Marriage { wife, husband } => {
					let (wife, husband) = (person(*wife), person(*husband));
					let application = waited_application(REGISTRAR, wife, husband, d);
					CivilEvents::register_marriage(
						origin,
						TK_YUN,
						d,
						wife,
						husband,
						None,
						Default::default(),
						application,
						h(0xd0),
					)
				},
				Fact::Divorce { marriage, ground } => {
					let grounds = match ground {
						Ground::MutualConsent => DivorceGrounds::MutualConsent,
						Ground::Missing => DivorceGrounds::SpouseMissing(h(1)),
						Ground::Incapable => DivorceGrounds::SpouseIncapable(h(2)),
						Ground::Sentenced => DivorceGrounds::SpouseSentenced(h(3)),
						Ground::Court => DivorceGrounds::CourtDecision(h(4)),
					};
					note(match ground {
						Ground::MutualConsent => "divorce by mutual consent",
						Ground::Missing => "divorce, spouse missing",
						Ground::Incapable => "divorce, spouse incapable",
						Ground::Sentenced => "divorce, spouse sentenced",
						Ground::Court => "divorce by a court",
					});
					CivilEvents::register_divorce(
						origin,
						TK_YUN,
						d,
						acts[marriage],
						grounds,
						Default::default(),
						h(0xd1),
					)
				},
				Fact::Death { person: p } => {
					CivilEvents::register_death(origin, TK_YUN, d, person(*p), None, None, h(0xd2))
				},
				Fact::Birth { child, mother, father, female } => CivilEvents::register_birth(
					origin,
					TK_YUN,
					d,
					h(*child as u8),
					h(0xd3),
					if *female { Sex::Female } else { Sex::Male },
					Some(person(*mother)),
					father.map(person),
					None,
					None,
					None,
					h(0xd4),
				),
				Fact::Adoption { child, mother, father } => CivilEvents::register_adoption(
					origin,
					TK_YUN,
					d,
					person(*child),
					mother.map(person),
					father.map(person),
					false,
					h(0xd5),
					Default::default(),
					Default::default(),
					h(0xd6),
				),
				Fact::Paternity { child, father } => CivilEvents::register_paternity(
					origin,
					TK_YUN,
					d,
					person(*child),
					person(*father),
					None,
					None,
					h(0xd7),
				),
			};
			if let Err(e) = result {
				panic!("{:?} of day {} registered on day {}: {e:?}", event.fact, event.day, on[i]);
			}
			let id = last_act();
			if Acts::<Test>::get(id).unwrap().status == ActStatus::Pending {
				assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), id));
				note("late, approved by the head");
			}
			acts.insert(i, id);
			note(match event.fact {
				Fact::Marriage { .. } => "marriage",
				Fact::Divorce { .. } => "divorce",
				Fact::Death { .. } => "death",
				Fact::Birth { .. } => "birth",
				Fact::Adoption { mother: Some(_), father: Some(_), .. } => "adoption by a couple",
				Fact::Adoption { .. } => "adoption by one",
				Fact::Paternity { .. } => "paternity",
			});
			if let Fact::Birth { child, .. } = event.fact {
				ids[child] = Persons::by_identity(&h(child as u8));
			}
			check_invariants();
		}
		// The outcome, in the lives' terms.
		let index: BTreeMap<PersonId, usize> =
			ids.iter().enumerate().filter_map(|(p, id)| id.map(|id| (id, p))).collect();
		let fact: BTreeMap<ActId, usize> = acts.iter().map(|(f, a)| (*a, *f)).collect();
		let persons = ids
			.iter()
			.map(|id| {
				let record = Persons::person(id.expect("every person registered")).unwrap();
				let died = match record.status {
					LifeStatus::Deceased { date, .. } => Some(date),
					LifeStatus::Alive => None,
				};
				let marital = match record.marital {
					MaritalStatus::Married { spouse, act } => {
						format!("married to {} by {}", index[&spouse], fact[&act])
					},
					MaritalStatus::DiedMarried { spouse, act } => {
						format!("died married to {} by {}", index[&spouse], fact[&act])
					},
					other => format!("{other:?}"),
				};
				let adopted = AdoptionInEffect::<Test>::contains_key(id.unwrap());
				let parent = |p: Option<PersonId>| p.map(|p| index[&p]);
				(died, marital, parent(record.mother), parent(record.father), adopted)
			})
			.collect();
		let ends = acts
			.iter()
			.filter_map(|(f, a)| match Acts::<Test>::get(a).unwrap().details {
				ActDetails::Marriage(m) => Some((*f, m.ended_by.map(|e| fact[&e]))),
				_ => None,
			})
			.collect();
		Outcome { persons, ends }
	})
}

/// The outcome the lives themselves give.
fn truth(lives: &Lives) -> Outcome {
	let persons = lives
		.persons
		.iter()
		.enumerate()
		.map(|(p, person)| {
			let last = person.marriages.last().map(|m| (*m, &lives.unions[m]));
			let marital = match last {
				None => "Single".into(),
				Some((m, u)) => {
					let spouse = if u.wife == p { u.husband } else { u.wife };
					match u.end {
						None => format!("married to {spouse} by {m}"),
						Some((_, by)) => match &lives.events[by].fact {
							Fact::Death { person } if *person == p => {
								format!("died married to {spouse} by {m}")
							},
							Fact::Death { .. } => "Widowed".into(),
							_ => "Divorced".into(),
						},
					}
				},
			};
			(person.died.map(date), marital, person.mother, person.father, person.adopted)
		})
		.collect();
	let ends = lives.unions.iter().map(|(m, u)| (*m, u.end.map(|(_, by)| by))).collect();
	Outcome { persons, ends }
}

fn founders() -> impl Strategy<Value = Vec<(bool, u16)>> {
	// Five women and five men, 20 to 50 years old at the go-live (in days beyond 20 years).
	proptest::collection::vec(0u16..(30 * 366), FOUNDERS)
		.prop_map(|ages| ages.into_iter().enumerate().map(|(i, age)| (i % 2 == 0, age)).collect())
}

/// What the cases together must reach, or the generator has lost part of the law: every kind
/// of act, every ground of divorce, a late registration, a registration after an act of a
/// later date.
const MUST_REACH: [&str; 14] = [
	"birth",
	"death",
	"marriage",
	"divorce",
	"divorce by mutual consent",
	"divorce, spouse missing",
	"divorce, spouse incapable",
	"divorce, spouse sentenced",
	"divorce by a court",
	"adoption by one",
	"adoption by a couple",
	"paternity",
	"late, approved by the head",
	"registered after an act of a later date",
];

/// 256 cases of random lives, each registered chronologically and in two random orders; then
/// the counts of what they reached, printed (`--nocapture`) and checked against
/// [`MUST_REACH`].
#[test]
fn the_same_lives_give_the_same_statuses_in_any_order() {
	let config = ProptestConfig { cases: 256, source_file: Some(file!()), ..Default::default() };
	let strategy = (
		founders(),
		proptest::collection::vec(any::<Die>(), 20..70),
		proptest::collection::vec(
			proptest::collection::vec(prop_oneof![3 => 0u16..4, 2 => 0u16..400], 70),
			2,
		),
	);
	let result = TestRunner::new(config).run(&strategy, |(founders, dice, delays)| {
		let lives = Lives::generate(&founders, &dice);
		let expected = truth(&lives);
		let chronological = register(&lives, &schedule(&lives, &[]));
		prop_assert_eq!(&chronological, &expected, "chronologically");
		for delays in &delays {
			let outcome = register(&lives, &schedule(&lives, delays));
			prop_assert_eq!(&outcome, &expected, "with delays {:?}", delays);
			note("orders compared");
		}
		Ok(())
	});
	if let Err(e) = result {
		panic!("{e}");
	}
	let reached = REACHED.lock().unwrap();
	eprintln!("order: reached {reached:?}");
	for what in MUST_REACH {
		assert!(reached.get(what).is_some_and(|n| *n > 0), "no case reached: {what}");
	}
}
