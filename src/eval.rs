//! Evaluation against hand-made gold annotations (format: `tests/fixtures/gold/GUIDELINES.md`).
//!
//! The predicted facts are read back from the store with SPARQL over the ontology terms,
//! not from internal structures, so what is scored is exactly what users query.
//!
//! Matching follows the guidelines: terms are folded (NFKC, lower case, no white space);
//! a gold term matches a predicted node when it equals the node's label or one of its
//! surface forms, or is *close* to one (equal once a trailing SDK/权限/功能/服务/信息 is
//! dropped, or the shorter, at least three characters, lies inside the longer and is at
//! least half as long). A gold `null` matches anything. The strict variant requires
//! equality. Scores are over distinct facts per policy: precision counts predicted facts
//! that match some gold fact, recall counts gold facts that some predicted fact matches.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{bail, Context, Result};
use oxigraph::model::Term;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};

use crate::lexicon::fold;
use crate::query::{run, Answer};

/// One policy's gold annotation.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub policy: String,
    #[serde(default)]
    pub product: Vec<String>,
    #[serde(default)]
    pub operator: Vec<String>,
    #[serde(default)]
    pub collect: Vec<GoldCollect>,
    #[serde(default)]
    pub permission: Vec<GoldPermission>,
    #[serde(default)]
    pub share: Vec<GoldShare>,
    #[serde(default)]
    pub includes: Vec<GoldIncludes>,
    #[serde(default)]
    pub not_collected: Vec<GoldCollect>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldCollect {
    pub data: Option<String>,
    pub feature: Option<String>,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldPermission {
    pub feature: Option<String>,
    pub permission: Option<String>,
    pub data: Option<String>,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldShare {
    pub recipient: Option<String>,
    pub data: Option<String>,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldIncludes {
    pub general: Option<String>,
    pub specific: Option<String>,
    #[serde(default)]
    pub evidence: String,
}

/// Reads every `*.json` gold file of a directory.
pub fn read_gold_dir(dir: &Path) -> Result<Vec<Gold>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the gold directory {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no gold annotations (*.json) in {}", dir.display());
    }
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).with_context(|| format!("cannot read {}", f.display()))?;
            serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is not a gold annotation", f.display()))
        })
        .collect()
}

/// The relations scored, in report order.
pub const RELATIONS: &[&str] = &[
    "collect",
    "collect+feature",
    "permission",
    "feature→permission",
    "permission→data",
    "share",
    "share+data",
    "includes",
    "not_collected",
    "operator",
    "product",
];

/// Counts behind precision and recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted facts, and how many match a gold fact.
    pub predicted: usize,
    pub predicted_correct: usize,
    /// Gold facts, and how many some prediction matches.
    pub gold: usize,
    pub gold_found: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: &Counts) {
        self.predicted += other.predicted;
        self.predicted_correct += other.predicted_correct;
        self.gold += other.gold;
        self.gold_found += other.gold_found;
    }
}

/// Precision and recall are 1 where there is nothing to get wrong or to miss.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A fact that was wrong or missed, for `--explain`.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub relation: String,
    /// "false positive" or "false negative".
    pub kind: &'static str,
    pub fact: String,
    pub evidence: String,
}

/// Scores of one policy.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyScore {
    pub policy: String,
    /// Relation → (lenient counts, strict counts).
    pub scores: BTreeMap<String, (Counts, Counts)>,
    /// Gold not-collected items that the graph holds as collected (and the gold does not).
    pub wrongly_collected: usize,
    pub misses: Vec<Miss>,
}

/// Scores of all policies.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub policies: Vec<PolicyScore>,
    pub overall: BTreeMap<String, (Counts, Counts)>,
    pub wrongly_collected: usize,
}

/// Gold facts of one relation: optional terms per slot, and the evidence.
type GoldFacts = Vec<(Vec<Option<String>>, String)>;

/// A predicted node: the texts it may match (label and surfaces), folded.
type Names = Vec<String>;

/// A predicted fact: one or two nodes, and the sentence that states it.
#[derive(Debug, Clone)]
struct Predicted {
    slots: Vec<Names>,
    evidence: String,
}

/// Matching rule of the guidelines.
pub fn close(gold: &str, predicted: &str, strict: bool) -> bool {
    if gold == predicted {
        return true;
    }
    if strict {
        return false;
    }
    const SUFFIXES: &[&str] = &["sdk", "权限", "功能", "服务", "信息"];
    let trim = |s: &str| -> String {
        SUFFIXES
            .iter()
            .find_map(|x| s.strip_suffix(x).filter(|r| !r.is_empty()))
            .unwrap_or(s)
            .to_owned()
    };
    if trim(gold) == trim(predicted) {
        return true;
    }
    let (short, long) = if gold.chars().count() <= predicted.chars().count() {
        (gold, predicted)
    } else {
        (predicted, gold)
    };
    let (s, l) = (short.chars().count(), long.chars().count());
    s >= 3 && long.contains(short) && 2 * s >= l
}

fn matches_names(gold: &Option<String>, names: &Names, strict: bool) -> bool {
    match gold {
        None => true,
        Some(g) => {
            let g = fold(g);
            names.iter().any(|n| close(&g, n, strict))
        }
    }
}

/// Scores one relation: gold facts (slots of optional terms) against predicted facts.
fn score(
    relation: &str,
    gold: &[(Vec<Option<String>>, String)],
    predicted: &[Predicted],
    strict: bool,
    misses: &mut Vec<Miss>,
) -> Counts {
    // Distinct gold facts (folded), keeping the first evidence.
    let mut distinct_gold: Vec<(Vec<Option<String>>, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    for (slots, evidence) in gold {
        let key: Vec<Option<String>> = slots.iter().map(|s| s.as_deref().map(fold)).collect();
        if seen.insert(key) {
            distinct_gold.push((slots.clone(), evidence.clone()));
        }
    }
    let fact_matches = |g: &[Option<String>], p: &Predicted| {
        g.iter()
            .zip(&p.slots)
            .all(|(gs, names)| matches_names(gs, names, strict))
    };
    let mut counts = Counts {
        predicted: predicted.len(),
        gold: distinct_gold.len(),
        ..Counts::default()
    };
    for p in predicted {
        if distinct_gold.iter().any(|(g, _)| fact_matches(g, p)) {
            counts.predicted_correct += 1;
        } else if !strict {
            misses.push(Miss {
                relation: relation.to_owned(),
                kind: "false positive",
                fact: p
                    .slots
                    .iter()
                    .map(|n| n.first().cloned().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(" → "),
                evidence: p.evidence.clone(),
            });
        }
    }
    for (g, evidence) in &distinct_gold {
        if predicted.iter().any(|p| fact_matches(g, p)) {
            counts.gold_found += 1;
        } else if !strict {
            misses.push(Miss {
                relation: relation.to_owned(),
                kind: "false negative",
                fact: g
                    .iter()
                    .map(|s| s.clone().unwrap_or_else(|| "*".into()))
                    .collect::<Vec<_>>()
                    .join(" → "),
                evidence: evidence.clone(),
            });
        }
    }
    counts
}

/// What the store says about one policy, read with SPARQL.
struct PolicyFacts {
    names: HashMap<String, Names>,
    practices: Vec<PracticeRow>,
    includes: Vec<(String, String)>,
    operators: Vec<String>,
    products: Vec<String>,
}

#[derive(Debug, Clone, Default)]
struct PracticeRow {
    sharing: bool,
    negated: bool,
    evidence: String,
    data: BTreeSet<String>,
    features: BTreeSet<String>,
    permission: BTreeSet<String>,
    recipients: BTreeSet<String>,
}

/// Whether a practice says its data is not collected: a denied collection, or a denied
/// upload to no one named (`不会上传至服务器`). A denied sharing with a named recipient
/// (`不会向X共享`) says where data does not go, not that it is not collected.
fn states_not_collected(p: &PracticeRow) -> bool {
    p.negated && (!p.sharing || p.recipients.is_empty())
}

fn solutions(answer: Answer) -> Vec<Vec<Option<Term>>> {
    match answer {
        Answer::Solutions { rows, .. } => rows,
        Answer::Boolean(_) => Vec::new(),
    }
}

fn iri(term: &Option<Term>) -> Option<String> {
    match term {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

fn literal(term: &Option<Term>) -> Option<String> {
    match term {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        _ => None,
    }
}

fn read_facts(store: &Store, graph: &str) -> Result<PolicyFacts> {
    let g = |q: &str| q.replace("GRAPH_IRI", &format!("<{graph}>"));
    let mut names: HashMap<String, Names> = HashMap::new();
    let rows = solutions(run(
        store,
        &g("SELECT ?n ?name WHERE { GRAPH GRAPH_IRI { { ?n rdfs:label ?name } UNION { ?n pk:surface ?name } } }"),
        &[],
    )?);
    for row in rows {
        if let (Some(n), Some(name)) = (iri(&row[0]), literal(&row[1])) {
            let entry = names.entry(n).or_default();
            let folded = fold(&name);
            if !entry.contains(&folded) {
                entry.push(folded);
            }
        }
    }
    let rows = solutions(run(
        store,
        &g(
            "SELECT ?p ?kind ?neg ?text ?d ?f ?perm ?r WHERE { GRAPH GRAPH_IRI {
              ?p a ?kind ; pk:evidence ?e . ?e pk:text ?text . OPTIONAL { ?p pk:negated ?neg }
              FILTER(?kind IN (pk:Collection, pk:Sharing, pk:NonCollection, pk:NonSharing))
              OPTIONAL { ?p pk:data ?d } OPTIONAL { ?p pk:feature ?f }
              OPTIONAL { ?p pk:permission ?perm } OPTIONAL { ?p pk:recipient ?r } } }",
        ),
        &[],
    )?);
    let mut by_practice: BTreeMap<String, PracticeRow> = BTreeMap::new();
    for row in rows {
        let Some(p) = iri(&row[0]) else { continue };
        let entry = by_practice.entry(p).or_default();
        entry.sharing = iri(&row[1]).is_some_and(|k| k.ends_with("#Sharing") || k.ends_with("#NonSharing"));
        entry.negated = literal(&row[2]).is_some_and(|v| v == "true");
        entry.evidence = literal(&row[3]).unwrap_or_default();
        entry.data.extend(iri(&row[4]));
        entry.features.extend(iri(&row[5]));
        entry.permission.extend(iri(&row[6]));
        entry.recipients.extend(iri(&row[7]));
    }
    let includes = solutions(run(
        store,
        &g("SELECT ?a ?b WHERE { GRAPH GRAPH_IRI { ?a pk:includes ?b } }"),
        &[],
    )?)
    .into_iter()
    .filter_map(|r| Some((iri(&r[0])?, iri(&r[1])?)))
    .collect();
    let list = |q: &str| -> Result<Vec<String>> {
        Ok(solutions(run(store, &g(q), &[])?)
            .into_iter()
            .filter_map(|r| iri(&r[0]))
            .collect())
    };
    Ok(PolicyFacts {
        names,
        practices: by_practice.into_values().collect(),
        includes,
        operators: list("SELECT ?c WHERE { GRAPH GRAPH_IRI { ?p pk:operator ?c } }")?,
        products: list("SELECT ?c WHERE { GRAPH GRAPH_IRI { ?p pk:product ?c } }")?,
    })
}

/// The policy graph built from a gold file's policy, found by `pk:sourceFile`.
fn graph_of(store: &Store, source_file: &str) -> Result<Option<String>> {
    let answer = run(
        store,
        "SELECT ?g WHERE { GRAPH ?g { ?g a pk:Policy ; pk:sourceFile ?file } } LIMIT 1",
        &[("file".to_owned(), source_file.to_owned())],
    )?;
    Ok(solutions(answer).into_iter().next().and_then(|r| iri(&r[0])))
}

impl PolicyFacts {
    fn names(&self, node: &str) -> Names {
        self.names.get(node).cloned().unwrap_or_default()
    }

    /// Distinct predicted facts of `arity` nodes, from the practices that `keep` selects.
    fn facts<F>(&self, keep: impl Fn(&PracticeRow) -> bool, slots: F) -> Vec<Predicted>
    where
        F: Fn(&PracticeRow) -> Vec<Vec<String>>,
    {
        let mut seen: BTreeMap<Vec<String>, String> = BTreeMap::new();
        for p in self.practices.iter().filter(|p| keep(p)) {
            for combo in slots(p) {
                seen.entry(combo).or_insert_with(|| p.evidence.clone());
            }
        }
        seen.into_iter()
            .map(|(nodes, evidence)| Predicted {
                slots: nodes.iter().map(|n| self.names(n)).collect(),
                evidence,
            })
            .collect()
    }
}

fn singles(set: &BTreeSet<String>) -> Vec<Vec<String>> {
    set.iter().map(|x| vec![x.clone()]).collect()
}

fn pairs(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Vec<Vec<String>> {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| vec![x.clone(), y.clone()]))
        .collect()
}

/// The gold facts of one relation: the annotations whose slots are all named (one with
/// a null slot belongs to a coarser relation), each with its evidence.
fn rows<T>(
    items: &[T],
    slots: impl Fn(&T) -> Vec<&Option<String>>,
    evidence: impl Fn(&T) -> &String,
) -> GoldFacts {
    items
        .iter()
        .filter_map(|item| {
            let slots = slots(item);
            slots
                .iter()
                .all(|s| s.is_some())
                .then(|| (slots.into_iter().cloned().collect(), evidence(item).clone()))
        })
        .collect()
}

/// Scores one gold annotation against the store.
pub fn evaluate_policy(store: &Store, gold: &Gold) -> Result<PolicyScore> {
    let Some(graph) = graph_of(store, &gold.policy)? else {
        bail!(
            "the store has no graph built from {} (build it first)",
            gold.policy
        );
    };
    let facts = read_facts(store, &graph)?;
    let affirmative = |p: &PracticeRow| !p.negated;
    let collection = |p: &PracticeRow| !p.negated && !p.sharing;
    let sharing = |p: &PracticeRow| !p.negated && p.sharing;

    let mut predicted: BTreeMap<&str, Vec<Predicted>> = BTreeMap::new();
    predicted.insert("collect", facts.facts(collection, |p| singles(&p.data)));
    predicted.insert(
        "collect+feature",
        facts.facts(collection, |p| pairs(&p.features, &p.data)),
    );
    predicted.insert("permission", facts.facts(affirmative, |p| singles(&p.permission)));
    predicted.insert(
        "feature→permission",
        facts.facts(affirmative, |p| pairs(&p.features, &p.permission)),
    );
    predicted.insert(
        "permission→data",
        facts.facts(affirmative, |p| pairs(&p.permission, &p.data)),
    );
    predicted.insert("share", facts.facts(sharing, |p| singles(&p.recipients)));
    predicted.insert(
        "share+data",
        facts.facts(sharing, |p| pairs(&p.recipients, &p.data)),
    );
    predicted.insert(
        "not_collected",
        facts.facts(states_not_collected, |p| singles(&p.data)),
    );
    let node_facts = |nodes: &[String]| -> Vec<Predicted> {
        let set: BTreeSet<&String> = nodes.iter().collect();
        set.into_iter()
            .map(|n| Predicted {
                slots: vec![facts.names(n)],
                evidence: String::new(),
            })
            .collect()
    };
    predicted.insert("operator", node_facts(&facts.operators));
    predicted.insert("product", node_facts(&facts.products));
    let includes: BTreeSet<&(String, String)> = facts.includes.iter().collect();
    predicted.insert(
        "includes",
        includes
            .into_iter()
            .map(|(a, b)| Predicted {
                slots: vec![facts.names(a), facts.names(b)],
                evidence: String::new(),
            })
            .collect(),
    );

    let one = |x: &str| -> GoldFacts { vec![(vec![Some(x.to_owned())], String::new())] };
    let mut gold_facts: BTreeMap<&str, GoldFacts> = BTreeMap::new();
    gold_facts.insert("collect", rows(&gold.collect, |c| vec![&c.data], |c| &c.evidence));
    gold_facts.insert(
        "collect+feature",
        rows(&gold.collect, |c| vec![&c.feature, &c.data], |c| &c.evidence),
    );
    gold_facts.insert(
        "permission",
        rows(&gold.permission, |c| vec![&c.permission], |c| &c.evidence),
    );
    gold_facts.insert(
        "feature→permission",
        rows(
            &gold.permission,
            |c| vec![&c.feature, &c.permission],
            |c| &c.evidence,
        ),
    );
    gold_facts.insert(
        "permission→data",
        rows(
            &gold.permission,
            |c| vec![&c.permission, &c.data],
            |c| &c.evidence,
        ),
    );
    gold_facts.insert(
        "share",
        rows(&gold.share, |c| vec![&c.recipient], |c| &c.evidence),
    );
    gold_facts.insert(
        "share+data",
        rows(&gold.share, |c| vec![&c.recipient, &c.data], |c| &c.evidence),
    );
    gold_facts.insert(
        "includes",
        rows(&gold.includes, |c| vec![&c.general, &c.specific], |c| &c.evidence),
    );
    gold_facts.insert(
        "not_collected",
        rows(&gold.not_collected, |c| vec![&c.data], |c| &c.evidence),
    );
    gold_facts.insert("operator", gold.operator.iter().flat_map(|o| one(o)).collect());
    gold_facts.insert("product", gold.product.iter().flat_map(|o| one(o)).collect());

    let mut misses = Vec::new();
    let mut scores = BTreeMap::new();
    for relation in RELATIONS {
        let g = &gold_facts[relation];
        let p = &predicted[relation];
        let lenient = score(relation, g, p, false, &mut misses);
        let strict = score(relation, g, p, true, &mut misses);
        scores.insert((*relation).to_owned(), (lenient, strict));
    }

    // A gold "not collected" item the graph holds as collected, where the gold does not
    // also list it as collected (policies do say both: "IMEI（安卓9以上版本不收集）").
    let collected = &predicted["collect"];
    let mut wrongly_collected = 0;
    for item in gold.not_collected.iter().filter_map(|n| n.data.as_ref()) {
        let gold_collects = gold.collect.iter().any(|c| {
            c.data
                .as_ref()
                .is_some_and(|cd| close(&fold(cd), &fold(item), false))
        });
        let held = collected
            .iter()
            .find(|p| matches_names(&Some(item.clone()), &p.slots[0], false));
        if let (false, Some(held)) = (gold_collects, held) {
            wrongly_collected += 1;
            misses.push(Miss {
                relation: "not_collected".to_owned(),
                kind: "held as collected",
                fact: format!("{item} ~ {}", held.slots[0].join("|")),
                evidence: held.evidence.clone(),
            });
        }
    }
    Ok(PolicyScore {
        policy: gold.policy.clone(),
        scores,
        wrongly_collected,
        misses,
    })
}

/// Scores every gold annotation; overall counts are summed over policies (micro average).
pub fn evaluate(store: &Store, golds: &[Gold]) -> Result<Report> {
    let mut policies = Vec::new();
    let mut overall: BTreeMap<String, (Counts, Counts)> = BTreeMap::new();
    let mut wrongly = 0;
    for gold in golds {
        let score = evaluate_policy(store, gold)?;
        for (relation, (lenient, strict)) in &score.scores {
            let entry = overall.entry(relation.clone()).or_default();
            entry.0.add(lenient);
            entry.1.add(strict);
        }
        wrongly += score.wrongly_collected;
        policies.push(score);
    }
    Ok(Report {
        policies,
        overall,
        wrongly_collected: wrongly,
    })
}

impl Report {
    /// Lenient counts of a relation over all policies.
    pub fn overall(&self, relation: &str) -> Counts {
        self.overall.get(relation).map(|c| c.0).unwrap_or_default()
    }

    /// A table: per relation, precision/recall/F1 overall (lenient and strict), and F1
    /// per policy.
    pub fn to_table(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let short: Vec<String> = self
            .policies
            .iter()
            .map(|p| p.policy.chars().take(3).collect())
            .collect();
        write!(
            out,
            "{:<20} {:>6} {:>6} {:>6} │ {:>6} {:>6} │",
            "relation", "P", "R", "F1", "P=", "R="
        )
        .unwrap();
        for s in &short {
            write!(out, " F1:{s:<3}").unwrap();
        }
        writeln!(out).unwrap();
        for relation in RELATIONS {
            let (lenient, strict) = self.overall.get(*relation).copied().unwrap_or_default();
            write!(
                out,
                "{:<20} {:>6.3} {:>6.3} {:>6.3} │ {:>6.3} {:>6.3} │",
                pad(relation, 20),
                lenient.precision(),
                lenient.recall(),
                lenient.f1(),
                strict.precision(),
                strict.recall()
            )
            .unwrap();
            for p in &self.policies {
                let c = p.scores.get(*relation).map(|c| c.0).unwrap_or_default();
                if c.gold == 0 && c.predicted == 0 {
                    write!(out, " {:>6}", "-").unwrap();
                } else {
                    write!(out, " {:>6.3}", c.f1()).unwrap();
                }
            }
            writeln!(out).unwrap();
        }
        writeln!(out, "not_collected held as collected: {}", self.wrongly_collected).unwrap();
        writeln!(
            out,
            "(P, R, F1: matching rule of the guidelines; P=, R=: strict equality; F1:NNN per policy)"
        )
        .unwrap();
        out
    }

    /// The false positives and negatives, grouped by policy and relation.
    pub fn explain(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for p in &self.policies {
            writeln!(out, "== {}", p.policy).unwrap();
            for m in &p.misses {
                writeln!(
                    out,
                    "{:<18} {:<15} {}    « {} »",
                    m.relation, m.kind, m.fact, m.evidence
                )
                .unwrap();
            }
        }
        out
    }
}

/// Pads to a display width (the arrows are narrow, the table is ASCII otherwise).
fn pad(text: &str, width: usize) -> String {
    let w = crate::query::display_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_follows_the_guidelines() {
        assert!(close(&fold("友盟SDK"), &fold("友盟"), false));
        assert!(close(&fold("TPNS"), &fold("TPNS SDK"), false));
        assert!(close(&fold("精确地理位置信息"), &fold("地理位置信息"), false));
        assert!(close(&fold("麦克风权限"), &fold("麦克风"), false));
        assert!(!close(&fold("IMEI"), &fold("IMSI"), false));
        // Shorter than three characters never matches by containment.
        assert!(!close(&fold("ID"), &fold("Android ID"), false));
        // Less than half as long.
        assert!(!close(
            &fold("设备信息"),
            &fold("设备信息和网络身份标识信息"),
            false
        ));
        assert!(!close(&fold("友盟SDK"), &fold("友盟"), true));
    }

    #[test]
    fn scores_count_distinct_facts_and_null_matches_anything() {
        let gold = vec![
            (vec![Some("IMEI".to_owned())], String::new()),
            (vec![Some("imei".to_owned())], String::new()),
            (vec![Some("OAID".to_owned())], String::new()),
        ];
        let predicted = vec![
            Predicted {
                slots: vec![vec!["imei".into()]],
                evidence: String::new(),
            },
            Predicted {
                slots: vec![vec!["mac地址".into()]],
                evidence: String::new(),
            },
        ];
        let mut misses = Vec::new();
        let c = score("collect", &gold, &predicted, false, &mut misses);
        assert_eq!(
            (c.predicted, c.predicted_correct, c.gold, c.gold_found),
            (2, 1, 2, 1)
        );
        assert_eq!(misses.len(), 2);
        let gold_null = vec![(vec![Some("友盟".to_owned()), None], String::new())];
        let pred = vec![Predicted {
            slots: vec![vec!["友盟sdk".into()], vec!["imei".into()]],
            evidence: String::new(),
        }];
        let c = score("share+data", &gold_null, &pred, false, &mut Vec::new());
        assert_eq!(c.predicted_correct, 1);
    }

    #[test]
    fn only_denied_collection_or_upload_states_not_collected() {
        let row = |sharing: bool, negated: bool, recipient: Option<&str>| PracticeRow {
            sharing,
            negated,
            recipients: recipient.into_iter().map(str::to_owned).collect(),
            ..PracticeRow::default()
        };
        assert!(states_not_collected(&row(false, true, None)));
        assert!(states_not_collected(&row(true, true, None)));
        assert!(!states_not_collected(&row(true, true, Some("广告合作伙伴"))));
        assert!(!states_not_collected(&row(false, false, None)));
        assert!(!states_not_collected(&row(true, false, None)));
    }

    #[test]
    fn empty_relations_score_one_not_nan() {
        let c = Counts::default();
        assert_eq!((c.precision(), c.recall()), (1.0, 1.0));
    }
}
