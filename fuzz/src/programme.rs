//! The selection programme of SPEC version 2 as structured fuzz choices
//! for the merge target: tiers, an eligibility rule over a couple of
//! figures with the regions' figures, minimums on criteria and categories,
//! a budget and what the regions request.
//!
//! Most numbers are ones `check` accepts ([`Number::Step`] and
//! [`Number::Fine`]), so that many fuzzed reviews are valid and the
//! merge's invariants are checked on them; [`Number::Raw`] is any `f64`
//! (NaN, infinities, negatives, huge), for reviews that only an
//! unvalidated path would merge, where the merge must still not panic.

use arbitrary::Arbitrary;
use panelist::model::{Budget, BudgetRule, Category, Regions, Review, Rule, Tier, UniqueMap};

/// The figures a rule may name: two that regions have, and one that only
/// some have (a missing figure fails `AtLeast` and `AtMost`).
const FIGURES: [&str; 3] = ["industry", "machinery", "staff"];
/// Fields a rule may ask for: those of the sample regions, and one none has.
const FIELDS: [&str; 5] = [
    "IT",
    "Life Sciences",
    "Nanotech/Materials",
    "Environment",
    "Energy",
];

/// A number on the scale of where it goes.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Number {
    /// A multiple of scale/16: equal values, and values exactly on a
    /// boundary, come often.
    Step(u8),
    /// A multiple of scale/4096: values between the steps.
    Fine(u16),
    /// Any `f64`.
    Raw(f64),
}

impl Number {
    fn at(self, scale: f64) -> f64 {
        match self {
            Number::Step(n) => f64::from(n) * scale / 16.0,
            Number::Fine(n) => f64::from(n) * scale / 4096.0,
            Number::Raw(x) => x,
        }
    }
}

/// The programme's fields of a fuzzed review.
#[derive(Debug, Arbitrary)]
pub struct Programme {
    /// The three-level rubric of the midterm review rather than the flat
    /// one of 2007.
    pub nested: bool,
    /// Sheets whose every mark is allowed (a member of the panel, a region
    /// and a criterion it covers, points on the grid), so that most merges
    /// give results rather than errors.
    pub tidy: bool,
    /// The reports in Japanese (amounts in 万 and 億) rather than English.
    pub japanese: bool,
    /// Up to three tiers of (places, funded), instead of `select`.
    tiers: Vec<(u8, bool)>,
    /// The eligibility rule, as a little stack program (see [`rule`]).
    rule: Vec<RuleOp>,
    /// (region, figure, value) for the regions' figures.
    figures: Vec<(u8, u8, Number)>,
    /// (criterion or category in depth-first order, min).
    minimums: Vec<(u8, Number)>,
    budget: Option<FuzzBudget>,
    /// What the regions request, one after the other and around again.
    requested: Vec<Option<Number>>,
    /// *Assignment*: (panel, member, regions) turn a panel's regions into
    /// `PerMember` lists (any member, any region, known or not).
    per_member: Vec<(u8, u8, Vec<u8>)>,
    /// (reviewer, institution) affiliations and (region, institution)
    /// institutions, from a few names written in different cases.
    affiliations: Vec<(u8, u8)>,
    institutions: Vec<(u8, u8)>,
}

/// Institutions, some the same one written differently.
const INSTITUTIONS: &[&str] = &[
    "Kyushu University",
    " kyushu university ",
    "Tohoku University",
    "Nagoya University",
    "",
];

/// One step of the program that builds an eligibility rule: leaves push a
/// rule; `All(n)` and `Any(n)` take up to n % 4 rules (none gives the
/// invalid `All([])`); `Not` takes one.
#[derive(Debug, Clone, Copy, Arbitrary)]
enum RuleOp {
    AtLeast(u8, Number),
    AtMost(u8, Number),
    InField(u8),
    All(u8),
    Any(u8),
    Not,
}

#[derive(Debug, Arbitrary)]
struct FuzzBudget {
    proportional: bool,
    total: Number,
    min: Number,
    max: Number,
    /// 1.0 (the default) when none.
    granularity: Option<Number>,
}

impl Programme {
    /// Sets the programme's fields of `review`; `select` is used when there
    /// are no tiers.
    pub fn apply(&self, review: &mut Review, select: u8) {
        let committee = &mut review.committee;
        committee.tiers = self
            .tiers
            .iter()
            .take(3)
            .enumerate()
            .map(|(k, &(places, funded))| Tier {
                id: format!("t{k}"),
                title: format!("Tier {k}"),
                places: u32::from(places % 8),
                funded,
            })
            .collect();
        committee.select = committee.tiers.is_empty().then_some(u32::from(select % 12));
        committee.eligibility = rule(&self.rule);
        committee.budget = self.budget.as_ref().map(|b| Budget {
            total: b.total.at(1.0e10),
            unit: "JPY".to_string(),
            rule: if b.proportional {
                BudgetRule::Proportional {
                    min: b.min.at(1.0e9),
                    max: b.max.at(1.0e9),
                }
            } else {
                BudgetRule::RankOrder
            },
            granularity: b.granularity.map_or(1.0, |g| g.at(1.0e8)),
        });
        self.regions(review);
        self.minimums(&mut review.categories);
        self.assignment(review);
    }

    /// `PerMember` lists and institutional conflicts.
    fn assignment(&self, review: &mut Review) {
        let institution = |n: u8| INSTITUTIONS[usize::from(n) % INSTITUTIONS.len()].to_string();
        let (regions, reviewers, panels) = (
            review.regions.len(),
            review.reviewers.len(),
            review.panels.len(),
        );
        for &(reviewer, n) in self.affiliations.iter().take(8) {
            if reviewers > 0 {
                review.reviewers[usize::from(reviewer) % reviewers]
                    .affiliations
                    .push(institution(n));
            }
        }
        for &(region, n) in self.institutions.iter().take(8) {
            if regions > 0 {
                review.regions[usize::from(region) % regions]
                    .institutions
                    .push(institution(n));
            }
        }
        for (panel, member, picks) in self.per_member.iter().take(16) {
            if panels == 0 {
                return;
            }
            let panel = &mut review.panels[usize::from(*panel) % panels];
            // A member of the panel, or now and then someone who is not.
            let member = match panel.members.get(usize::from(*member) % 8) {
                Some(id) => id.clone(),
                None => format!("x{member}"),
            };
            let list: Vec<String> = picks
                .iter()
                .take(8)
                .map(
                    |&r| match review.regions.get(usize::from(r) % (regions + 1)) {
                        Some(region) => region.id.clone(),
                        None => "nowhere".to_string(),
                    },
                )
                .collect();
            let mut lists = match std::mem::replace(&mut panel.regions, Regions::All) {
                Regions::PerMember(lists) => lists,
                _ => UniqueMap::default(),
            };
            lists.insert(member, list);
            panel.regions = Regions::PerMember(lists);
        }
    }

    fn regions(&self, review: &mut Review) {
        let count = review.regions.len();
        if count == 0 {
            return;
        }
        for &(region, figure, value) in self.figures.iter().take(24) {
            let figure = FIGURES[usize::from(figure) % FIGURES.len()];
            review.regions[usize::from(region) % count]
                .figures
                .insert(figure.to_string(), value.at(4.0));
        }
        if !self.requested.is_empty() {
            for (k, region) in review.regions.iter_mut().enumerate() {
                region.requested = self.requested[k % self.requested.len()].map(|n| n.at(1.0e9));
            }
        }
    }

    /// Each minimum on a category (at any depth) or a criterion, on the
    /// scale of the most it can hold: steps past 16 are over it (invalid).
    fn minimums(&self, categories: &mut [Category]) {
        let mut targets = 0;
        each_category(categories, &mut |c| targets += 1 + c.criteria.len());
        if targets == 0 {
            return;
        }
        for &(which, min) in self.minimums.iter().take(6) {
            let mut k = usize::from(which) % targets;
            each_category(categories, &mut |c| {
                if k == 0 {
                    c.min = Some(min.at(c.max_total()));
                }
                for criterion in &mut c.criteria {
                    k = k.wrapping_sub(1);
                    if k == 0 {
                        criterion.min = Some(min.at(criterion.max));
                    }
                }
                k = k.wrapping_sub(1);
            });
        }
    }
}

/// Visits every category, each before its sub-categories.
fn each_category(categories: &mut [Category], visit: &mut impl FnMut(&mut Category)) {
    for category in categories {
        visit(category);
        each_category(&mut category.categories, visit);
    }
}

/// Runs the rule program: what is left on the stack is the rule, `All` of
/// them when more than one.
fn rule(ops: &[RuleOp]) -> Option<Rule> {
    let mut stack: Vec<Rule> = Vec::new();
    let figure = |n: u8| FIGURES[usize::from(n) % FIGURES.len()].to_string();
    for op in ops.iter().take(16) {
        let rule = match *op {
            RuleOp::AtLeast(f, x) => Rule::AtLeast(figure(f), x.at(4.0)),
            RuleOp::AtMost(f, x) => Rule::AtMost(figure(f), x.at(4.0)),
            RuleOp::InField(n) => Rule::InField(FIELDS[usize::from(n) % FIELDS.len()].to_string()),
            RuleOp::All(n) => Rule::All(pop(&mut stack, n)),
            RuleOp::Any(n) => Rule::Any(pop(&mut stack, n)),
            RuleOp::Not => match stack.pop() {
                Some(inner) => Rule::Not(Box::new(inner)),
                None => continue,
            },
        };
        stack.push(rule);
    }
    match stack.len() {
        0 => None,
        1 => stack.pop(),
        _ => Some(Rule::All(stack)),
    }
}

fn pop(stack: &mut Vec<Rule>, n: u8) -> Vec<Rule> {
    let take = usize::from(n % 4).min(stack.len());
    stack.split_off(stack.len() - take)
}
