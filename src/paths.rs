//! Data-flow paths of one app as readable chains: feature → permission → data item →
//! third party, each hop with the sentence of the policy that states it.
//!
//! A path is assembled from the practices, not from the materialised edges alone, so
//! that every hop carries its evidence:
//! - data item → third party: a `pk:Sharing` with that data and recipient;
//! - feature → data item: a `pk:Collection` by that feature of that data;
//! - feature → permission and permission → data item: a practice naming the permission
//!   with the feature, or with the data.
//!
//! Negated practices never make a hop. A path starts at the feature that collects the
//! item (through the permission that unlocks it, where the policy says so); when the
//! policy names no feature for the item, it starts at the permission or at the item.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, Result};
use oxigraph::model::{NamedNode, Term};
use oxigraph::store::Store;
use serde::Serialize;

use crate::lexicon::fold;
use crate::query::{policies_of_apps, run_in_graphs, Answer};

/// The kinds of node a path passes through, in stage order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Feature,
    Permission,
    DataItem,
    ThirdParty,
}

/// A node of a path: its IRI, label and stage.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Step {
    pub stage: Stage,
    pub label: String,
    pub iri: String,
}

/// A sentence of the policy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    /// Character offset in the decoded policy text: orders evidence as the policy does.
    pub start: i64,
    pub text: String,
    pub section: Option<String>,
}

/// One hop of a path and the sentences that state it, in policy order.
#[derive(Debug, Clone, Serialize)]
pub struct Hop {
    pub from: Step,
    pub to: Step,
    /// Short name of the relation (收集, 需要权限, 可获取, 共享给).
    pub relation: &'static str,
    pub evidence: Vec<Evidence>,
}

/// A data-flow path of one policy.
#[derive(Debug, Clone, Serialize)]
pub struct Path {
    pub app: String,
    pub policy: String,
    pub hops: Vec<Hop>,
}

impl Path {
    /// The chain in one line: `连麦 ─需要权限→ 麦克风权限 ─可获取→ 音频 ─共享给→ 声网`.
    pub fn chain(&self) -> String {
        let mut out = self
            .hops
            .first()
            .map(|h| h.from.label.clone())
            .unwrap_or_default();
        for hop in &self.hops {
            out.push_str(&format!(" ─{}→ {}", hop.relation, hop.to.label));
        }
        out
    }
}

/// What to keep: every filter that is set must match.
#[derive(Debug, Clone, Default)]
pub struct PathFilter {
    /// The data item, by label or by the way a policy wrote it.
    pub data: Option<String>,
    /// The third party, by label or by the way a policy wrote it.
    pub to: Option<String>,
}

/// The data-flow paths of the app labelled `app` (or the policy with that id).
pub fn paths(store: &Store, app: &str, filter: &PathFilter) -> Result<Vec<Path>> {
    let mut graphs = policies_of_apps(store, &[app])?;
    if graphs.is_empty() {
        let iri = NamedNode::new(crate::graph::policy_iri(app))?;
        if store.contains_named_graph(&iri)? {
            graphs.push(iri);
        } else {
            bail!("no policy of an app named '{app}' in the store (`policykg query policies` lists them)");
        }
    }
    let mut out = Vec::new();
    for graph in graphs {
        out.extend(paths_of_policy(store, &graph, filter)?);
    }
    Ok(out)
}

/// The facts of one policy graph that paths are made of: hops keyed by their two ends.
#[derive(Default)]
struct Facts {
    app: String,
    steps: BTreeMap<String, Step>,
    /// (data, party) → evidence.
    shared: BTreeMap<(String, String), BTreeSet<Evidence>>,
    /// (feature, data) → evidence.
    collected: BTreeMap<(String, String), BTreeSet<Evidence>>,
    /// (feature, permission) → evidence.
    requires: BTreeMap<(String, String), BTreeSet<Evidence>>,
    /// (permission, data) → evidence.
    grants: BTreeMap<(String, String), BTreeSet<Evidence>>,
    /// Every text each node matches by: label and surface forms, folded.
    names: BTreeMap<String, BTreeSet<String>>,
}

fn paths_of_policy(store: &Store, graph: &NamedNode, filter: &PathFilter) -> Result<Vec<Path>> {
    let facts = read_facts(store, graph)?;
    // A filter matches a node's names exactly; one that matches no shared item or party
    // exactly matches by substring instead, so that `--to 友盟` also finds 友盟+.
    let matches = |iri: &str, wanted: &Option<String>, exact: bool| {
        let Some(wanted) = wanted else { return true };
        let wanted = fold(wanted);
        facts.names.get(iri).is_some_and(|names| {
            names
                .iter()
                .any(|n| if exact { *n == wanted } else { n.contains(&wanted) })
        })
    };
    let data_exact = facts.shared.keys().any(|(d, _)| matches(d, &filter.data, true));
    let to_exact = facts.shared.keys().any(|(_, p)| matches(p, &filter.to, true));

    let mut out = Vec::new();
    for ((data, party), shared) in &facts.shared {
        if !matches(data, &filter.data, data_exact) || !matches(party, &filter.to, to_exact) {
            continue;
        }
        let last = facts.hop(data, party, "共享给", shared);
        let features: Vec<&String> = facts
            .collected
            .keys()
            .filter(|(_, d)| d == data)
            .map(|(f, _)| f)
            .collect();
        let mut heads: Vec<Vec<Hop>> = Vec::new();
        for feature in &features {
            let through: Vec<&String> = facts
                .requires
                .keys()
                .filter(|(f, p)| f == *feature && facts.grants.contains_key(&(p.clone(), data.clone())))
                .map(|(_, p)| p)
                .collect();
            if through.is_empty() {
                let key = ((*feature).clone(), data.clone());
                heads.push(vec![facts.hop(feature, data, "收集", &facts.collected[&key])]);
            }
            for permission in through {
                let requires = &facts.requires[&((*feature).clone(), permission.clone())];
                let grants = &facts.grants[&(permission.clone(), data.clone())];
                heads.push(vec![
                    facts.hop(feature, permission, "需要权限", requires),
                    facts.hop(permission, data, "可获取", grants),
                ]);
            }
        }
        if features.is_empty() {
            for ((permission, d), grants) in &facts.grants {
                if d == data {
                    heads.push(vec![facts.hop(permission, data, "可获取", grants)]);
                }
            }
        }
        if heads.is_empty() {
            heads.push(Vec::new());
        }
        for mut hops in heads {
            hops.push(last.clone());
            out.push(Path {
                app: facts.app.clone(),
                policy: graph.as_str().rsplit('/').next().unwrap_or_default().to_owned(),
                hops,
            });
        }
    }
    out.sort_by(|a, b| {
        let key = |p: &Path| {
            let last = p.hops.last().map(|h| (h.to.label.clone(), h.from.label.clone()));
            (last, p.chain())
        };
        key(a).cmp(&key(b))
    });
    Ok(out)
}

impl Facts {
    fn hop(&self, from: &str, to: &str, relation: &'static str, evidence: &BTreeSet<Evidence>) -> Hop {
        Hop {
            from: self.steps[from].clone(),
            to: self.steps[to].clone(),
            relation,
            evidence: evidence.iter().cloned().collect(),
        }
    }
}

/// Reads the affirmative practices of one policy graph.
fn read_facts(store: &Store, graph: &NamedNode) -> Result<Facts> {
    let query = "SELECT ?kind ?f ?fl ?p ?pl ?d ?dl ?r ?rl ?start ?text ?section WHERE { GRAPH ?g {
          ?x a ?kind ; pk:evidence ?e .
          FILTER(?kind IN (pk:Collection, pk:Sharing))
          ?e pk:start ?start ; pk:text ?text .
          OPTIONAL { ?e pk:section ?section }
          OPTIONAL { ?x pk:feature ?f . ?f rdfs:label ?fl }
          OPTIONAL { ?x pk:permission ?p . ?p rdfs:label ?pl }
          OPTIONAL { ?x pk:data ?d . ?d rdfs:label ?dl }
          OPTIONAL { ?x pk:recipient ?r . ?r rdfs:label ?rl }
        } }";
    let Answer::Solutions { rows, .. } = run_in_graphs(store, query, &[], vec![graph.clone()])? else {
        unreachable!("a SELECT query")
    };
    let mut facts = Facts::default();
    let text = |t: &Option<Term>| match t {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    };
    for row in &rows {
        let [kind, f, fl, p, pl, d, dl, r, rl, start, sentence, section] = &row[..] else {
            continue;
        };
        let evidence = Evidence {
            start: text(start).and_then(|s| s.parse().ok()).unwrap_or_default(),
            text: text(sentence).unwrap_or_default(),
            section: text(section),
        };
        let mut step = |iri: &Option<Term>, label: &Option<Term>, stage: Stage| -> Option<String> {
            let iri = text(iri)?;
            let label = text(label)?;
            facts.steps.entry(iri.clone()).or_insert(Step {
                stage,
                label,
                iri: iri.clone(),
            });
            Some(iri)
        };
        let f = step(f, fl, Stage::Feature);
        let p = step(p, pl, Stage::Permission);
        let d = step(d, dl, Stage::DataItem);
        let r = step(r, rl, Stage::ThirdParty);
        let sharing = text(kind).is_some_and(|k| k.ends_with("#Sharing"));
        let add = |map: &mut BTreeMap<(String, String), BTreeSet<Evidence>>,
                   a: &Option<String>,
                   b: &Option<String>| {
            if let (Some(a), Some(b)) = (a, b) {
                map.entry((a.clone(), b.clone()))
                    .or_default()
                    .insert(evidence.clone());
            }
        };
        if sharing {
            add(&mut facts.shared, &d, &r);
        } else {
            add(&mut facts.collected, &f, &d);
        }
        add(&mut facts.requires, &f, &p);
        add(&mut facts.grants, &p, &d);
    }
    // Names to filter by: labels and surface forms.
    let names = "SELECT ?n ?name ?app WHERE { GRAPH ?g {
          { ?n rdfs:label ?name } UNION { ?n pk:surface ?name }
          OPTIONAL { ?g pk:product/rdfs:label ?app }
        } }";
    if let Answer::Solutions { rows, .. } = run_in_graphs(store, names, &[], vec![graph.clone()])? {
        for row in &rows {
            if let (Some(n), Some(name)) = (text(&row[0]), text(&row[1])) {
                if facts.steps.contains_key(&n) {
                    facts.names.entry(n).or_default().insert(fold(&name));
                }
            }
            if let Some(app) = text(&row[2]) {
                if facts.app.is_empty() || app < facts.app {
                    facts.app = app;
                }
            }
        }
    }
    Ok(facts)
}

/// Writes paths for reading: each chain, then each hop with its first sentence.
pub fn to_text(paths: &[Path]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut last_policy = None;
    for (n, path) in paths.iter().enumerate() {
        if last_policy != Some(&path.policy) {
            let count = paths.iter().filter(|p| p.policy == path.policy).count();
            writeln!(
                out,
                "{} ({}): {count} data-flow path{} to third parties\n",
                path.app,
                path.policy,
                if count == 1 { "" } else { "s" }
            )
            .unwrap();
            last_policy = Some(&path.policy);
        }
        writeln!(out, "{}. {}", n + 1, path.chain()).unwrap();
        for hop in &path.hops {
            // A one-hop path's chain line already names the hop.
            if path.hops.len() > 1 {
                writeln!(out, "   {} ─{}→ {}", hop.from.label, hop.relation, hop.to.label).unwrap();
            }
            if let Some(e) = hop.evidence.first() {
                let section = e
                    .section
                    .as_deref()
                    .map(|s| format!(" [{s}]"))
                    .unwrap_or_default();
                let more = match hop.evidence.len() {
                    1 => String::new(),
                    n => format!(" (+{} more)", n - 1),
                };
                writeln!(out, "      “{}”{section}{more}", e.text.trim()).unwrap();
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, Quad};

    const G: &str = "https://w3id.org/policykg/policy/p";

    /// A store with one policy graph holding `triples` (`pk:` and `rdfs:` shortened).
    fn store(triples: &[(&str, &str, &str)]) -> Store {
        let store = Store::new().unwrap();
        let iri = |t: &str| {
            let t = t
                .replace("pk:", crate::lexicon::PK)
                .replace("rdfs:", "http://www.w3.org/2000/01/rdf-schema#");
            NamedNode::new_unchecked(if t.starts_with("http") {
                t
            } else {
                format!("{G}/{t}")
            })
        };
        let graph = GraphName::NamedNode(NamedNode::new_unchecked(G));
        for (s, p, o) in triples {
            let object: Term = match (o.strip_prefix('"'), o.parse::<i64>()) {
                (Some(text), _) => Literal::from(text.trim_end_matches('"')).into(),
                (None, Ok(number)) => Literal::from(number).into(),
                (None, _) if *o == "true" => Literal::from(true).into(),
                (None, _) => iri(o).into(),
            };
            let predicate = if *p == "a" {
                NamedNode::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
            } else {
                iri(p)
            };
            let subject = if *s == "policy" {
                NamedNode::new_unchecked(G)
            } else {
                iri(s)
            };
            store
                .insert(&Quad::new(subject, predicate, object, graph.clone()))
                .unwrap();
        }
        store
    }

    fn example() -> Store {
        let mut t = vec![
            ("policy", "pk:product", "app"),
            ("app", "rdfs:label", "\"声聊\""),
            ("f", "rdfs:label", "\"语音聊天\""),
            ("mic", "rdfs:label", "\"麦克风权限\""),
            ("voice", "rdfs:label", "\"语音信息\""),
            ("voice", "pk:surface", "\"语音\""),
            ("agora", "rdfs:label", "\"声网\""),
            ("imei", "rdfs:label", "\"IMEI\""),
            // 语音聊天 needs 麦克风权限 to collect 语音信息 (one sentence).
            ("x1", "a", "pk:Collection"),
            ("x1", "pk:feature", "f"),
            ("x1", "pk:permission", "mic"),
            ("x1", "pk:data", "voice"),
            ("x1", "pk:evidence", "e1"),
            ("e1", "pk:text", "\"使用语音聊天时需要麦克风权限以收集语音。\""),
            ("e1", "pk:start", "10"),
            // 语音信息 and IMEI go to 声网 (a later sentence).
            ("x2", "a", "pk:Sharing"),
            ("x2", "pk:data", "voice"),
            ("x2", "pk:data", "imei"),
            ("x2", "pk:recipient", "agora"),
            ("x2", "pk:evidence", "e2"),
            ("e2", "pk:text", "\"我们会向声网共享语音和IMEI。\""),
            ("e2", "pk:start", "50"),
            ("e2", "pk:section", "\"第三方共享\""),
        ];
        // A denial: never a hop.
        t.extend([
            ("x3", "a", "pk:NonSharing"),
            ("x3", "pk:negated", "true"),
            ("x3", "pk:data", "imei"),
            ("x3", "pk:recipient", "mic"),
            ("x3", "pk:evidence", "e2"),
        ]);
        store(&t)
    }

    #[test]
    fn a_path_runs_from_feature_through_permission_to_the_third_party() {
        let found = paths(&example(), "声聊", &PathFilter::default()).unwrap();
        let chains: Vec<String> = found.iter().map(Path::chain).collect();
        assert_eq!(
            chains,
            [
                "IMEI ─共享给→ 声网",
                "语音聊天 ─需要权限→ 麦克风权限 ─可获取→ 语音信息 ─共享给→ 声网"
            ]
        );
        let voice = &found[1];
        assert_eq!(
            voice.hops[0].evidence[0].text,
            "使用语音聊天时需要麦克风权限以收集语音。"
        );
        assert_eq!(voice.hops[2].evidence[0].section.as_deref(), Some("第三方共享"));
        assert!(voice.hops.iter().all(|h| !h.evidence.is_empty()));
    }

    #[test]
    fn filters_match_labels_surface_forms_and_then_substrings() {
        let store = example();
        let by_surface = PathFilter {
            data: Some("语音".into()),
            to: None,
        };
        let found = paths(&store, "声聊", &by_surface).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].hops.last().unwrap().from.label, "语音信息");
        let by_substring = PathFilter {
            data: None,
            to: Some("声".into()),
        };
        assert_eq!(paths(&store, "声聊", &by_substring).unwrap().len(), 2);
        let nothing = PathFilter {
            data: None,
            to: Some("友盟".into()),
        };
        assert!(paths(&store, "声聊", &nothing).unwrap().is_empty());
    }

    #[test]
    fn an_unknown_app_is_an_error_and_a_policy_id_is_accepted() {
        let store = example();
        assert!(paths(&store, "不存在", &PathFilter::default()).is_err());
        assert_eq!(paths(&store, "p", &PathFilter::default()).unwrap().len(), 2);
    }
}
