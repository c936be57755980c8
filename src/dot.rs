//! DOT: a policy's graph as a Graphviz picture, built with petgraph.
//!
//! Nodes are the entities (feature, permission, data item, third party, company,
//! product), one shape and colour per class, labelled with their Chinese names; edges
//! are the materialised relations, labelled with a short name. Each kind is a cluster
//! and a column, laid out left to right in stage order, so a data flow reads
//! product → feature → permission → data item → third party. Sensitive personal
//! information (the lexicon's `pk:sensitive`) is drawn in red.

use std::collections::HashMap;
use std::fmt::Write as _;

use anyhow::Result;
use oxigraph::model::Term;
use oxigraph::store::Store;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::lexicon::PK;
use crate::query::run;

/// The class of a node, which decides its shape and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Product,
    Company,
    Feature,
    Permission,
    DataItem,
    ThirdParty,
    Other,
}

impl NodeKind {
    fn from_class(iri: &str) -> Self {
        match iri.strip_prefix(PK) {
            Some("Product") => NodeKind::Product,
            Some("Company") => NodeKind::Company,
            Some("Feature") => NodeKind::Feature,
            Some("Permission") => NodeKind::Permission,
            Some("DataItem") => NodeKind::DataItem,
            Some("ThirdParty") => NodeKind::ThirdParty,
            _ => NodeKind::Other,
        }
    }

    /// The cluster title: Chinese and English.
    fn title(self) -> &'static str {
        match self {
            NodeKind::Product | NodeKind::Company => "产品与运营者 app and operator",
            NodeKind::Feature => "功能 feature",
            NodeKind::Permission => "权限 permission",
            NodeKind::DataItem => "个人信息 data item",
            NodeKind::ThirdParty => "第三方 third party",
            NodeKind::Other => "其他 other",
        }
    }

    /// Name of the cluster in DOT.
    fn cluster(self) -> &'static str {
        match self {
            NodeKind::Product | NodeKind::Company => "cluster_app",
            NodeKind::Feature => "cluster_feature",
            NodeKind::Permission => "cluster_permission",
            NodeKind::DataItem => "cluster_data",
            NodeKind::ThirdParty => "cluster_party",
            NodeKind::Other => "cluster_other",
        }
    }

    /// Shape, fill colour.
    fn style(self) -> (&'static str, &'static str) {
        match self {
            NodeKind::Product => ("folder", "#d9d9d9"),
            NodeKind::Company => ("house", "#bdbdbd"),
            NodeKind::Feature => ("box", "#9ecae1"),
            NodeKind::Permission => ("hexagon", "#fdd0a2"),
            NodeKind::DataItem => ("ellipse", "#c7e9c0"),
            NodeKind::ThirdParty => ("component", "#fcbba1"),
            NodeKind::Other => ("plaintext", "#ffffff"),
        }
    }
}

/// A node of the picture.
#[derive(Debug, Clone)]
pub struct Node {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    /// Sensitive personal information (PIPL art. 28), per the lexicon.
    pub sensitive: bool,
}

/// The relations drawn, with their short edge labels.
const RELATIONS: &[(&str, &str)] = &[
    ("hasFeature", "功能"),
    ("requiresPermission", "需要权限"),
    ("grantsAccessTo", "可获取"),
    ("collects", "收集"),
    ("sharedWith", "共享给"),
    ("includes", "包括"),
];

/// The entity graph of one policy graph (or of all graphs when `graph` is None).
pub fn entity_graph(store: &Store, graph: Option<&str>) -> Result<StableDiGraph<Node, &'static str>> {
    let values: String = RELATIONS.iter().map(|(p, _)| format!("pk:{p} ")).collect();
    let scope = |pattern: &str| match graph {
        Some(g) => format!("GRAPH <{g}> {{ {pattern} }}"),
        None => pattern.to_owned(),
    };
    let query = format!(
        "SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} {} }}",
        scope("?s ?p ?o")
    );
    let edges = run(store, &query, &[])?;
    // Features, products and open terms are typed in the policy graph; lexicon concepts
    // in the ontology graph: read types and labels from the union.
    let nodes_query = format!(
        "SELECT ?n (SAMPLE(?l) AS ?label) ?c WHERE {{ {{ SELECT DISTINCT ?n WHERE {{ {} }} }} \
         ?n a ?c ; rdfs:label ?l . FILTER(STRSTARTS(STR(?c), STR(pk:))) }} GROUP BY ?n ?c",
        scope("{ ?n ?p ?o } UNION { ?o ?p ?n }")
    );
    // A node may have several classes (a lexicon category is a pk:DataItem and a
    // pk:DataCategory): the kind is the first known one.
    let mut info: HashMap<String, (String, NodeKind)> = HashMap::new();
    if let crate::query::Answer::Solutions { rows, .. } = run(store, &nodes_query, &[])? {
        for row in rows {
            if let [Some(Term::NamedNode(n)), Some(Term::Literal(l)), Some(Term::NamedNode(c))] = &row[..] {
                let kind = NodeKind::from_class(c.as_str());
                let entry = info
                    .entry(n.as_str().to_owned())
                    .or_insert_with(|| (l.value().to_owned(), kind));
                entry.1 = entry.1.min(kind);
            }
        }
    }
    let sensitive: std::collections::HashSet<String> =
        run(store, "SELECT ?n WHERE { ?n pk:sensitive true }", &[])?
            .rows_as_strings()
            .into_iter()
            .flatten()
            .collect();
    let mut graph_out = StableDiGraph::new();
    let mut index: HashMap<String, NodeIndex> = HashMap::new();
    let mut node = |iri: &str, g: &mut StableDiGraph<Node, &'static str>| -> NodeIndex {
        *index.entry(iri.to_owned()).or_insert_with(|| {
            let (label, kind) = info.get(iri).cloned().unwrap_or_else(|| {
                (
                    iri.rsplit(['/', '#']).next().unwrap_or(iri).to_owned(),
                    NodeKind::Other,
                )
            });
            g.add_node(Node {
                iri: iri.to_owned(),
                sensitive: sensitive.contains(&crate::query::shorten(iri)),
                label,
                kind,
            })
        })
    };
    if let crate::query::Answer::Solutions { rows, .. } = edges {
        for row in rows {
            if let [Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(Term::NamedNode(o))] = &row[..] {
                let relation = p.as_str().strip_prefix(PK).unwrap_or("");
                let Some((_, label)) = RELATIONS.iter().find(|(r, _)| *r == relation) else {
                    continue;
                };
                let a = node(s.as_str(), &mut graph_out);
                let b = node(o.as_str(), &mut graph_out);
                graph_out.add_edge(a, b, *label);
            }
        }
    }
    Ok(graph_out)
}

/// Keeps what touches the nodes labelled `focus`: everything that flows into them (up to
/// three hops back: data item ← permission ← feature) and what they lead to directly.
/// For a third party that is the data it receives and where that data comes from.
pub fn focus(graph: &StableDiGraph<Node, &'static str>, focus: &str) -> StableDiGraph<Node, &'static str> {
    use petgraph::Direction;
    use std::collections::HashSet;
    let wanted = crate::lexicon::fold(focus);
    let seeds: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|&n| crate::lexicon::fold(&graph[n].label) == wanted)
        .collect();
    let mut keep: HashSet<NodeIndex> = seeds.iter().copied().collect();
    let mut frontier = seeds.clone();
    for _ in 0..3 {
        let mut next = Vec::new();
        for n in frontier {
            for m in graph.neighbors_directed(n, Direction::Incoming) {
                if keep.insert(m) {
                    next.push(m);
                }
            }
        }
        frontier = next;
    }
    for n in &seeds {
        keep.extend(graph.neighbors_directed(*n, Direction::Outgoing));
    }
    let mut out = graph.clone();
    out.retain_nodes(|_, n| keep.contains(&n));
    out
}

/// Writes a graph as DOT: left to right, one cluster and one column per kind of node,
/// in stage order; sensitive data items in red.
pub fn to_dot(graph: &StableDiGraph<Node, &'static str>, title: &str) -> String {
    const FONT: &str = "fontname=\"Noto Sans CJK SC\"";
    let mut out = String::new();
    writeln!(out, "digraph policykg {{").unwrap();
    // newrank lets `rank=same` hold inside clusters: each cluster becomes one column.
    writeln!(
        out,
        "  graph [rankdir=LR, newrank=true, label={}, labelloc=t, {FONT}, fontsize=14, nodesep=0.2, ranksep=1.4];",
        quote(&format!("{title}\n红色：敏感个人信息 (sensitive personal information)"))
    )
    .unwrap();
    writeln!(out, "  node [style=filled, {FONT}, fontsize=11];").unwrap();
    writeln!(out, "  edge [{FONT}, fontsize=9, color=\"#636363\"];").unwrap();
    let mut ids: Vec<NodeIndex> = graph.node_indices().collect();
    ids.sort_by(|a, b| (graph[*a].kind, &graph[*a].label).cmp(&(graph[*b].kind, &graph[*b].label)));
    for chunk in ids.chunk_by(|a, b| graph[*a].kind.cluster() == graph[*b].kind.cluster()) {
        let kind = graph[chunk[0]].kind;
        writeln!(out, "  subgraph {} {{", kind.cluster()).unwrap();
        writeln!(
            out,
            "    graph [label={}, style=\"rounded,dashed\", color=\"#bdbdbd\", fontsize=12];",
            quote(kind.title())
        )
        .unwrap();
        // Data items include one another: only they may spread over columns.
        if kind != NodeKind::DataItem {
            writeln!(out, "    rank=same;").unwrap();
        }
        for id in chunk {
            let node = &graph[*id];
            let (shape, fill) = node.kind.style();
            let (fill, extra) = if node.sensitive {
                (
                    "#fb6a4a",
                    ", color=\"#a50f15\", penwidth=2, fontcolor=\"#67000d\"",
                )
            } else {
                (fill, "")
            };
            writeln!(
                out,
                "    n{} [label={}, shape={shape}, fillcolor=\"{fill}\"{extra}, tooltip={}];",
                id.index(),
                quote(&node.label),
                quote(&node.iri)
            )
            .unwrap();
        }
        writeln!(out, "  }}").unwrap();
    }
    let mut edges: Vec<_> = graph.edge_references().collect();
    edges.sort_by_key(|e| (e.source().index(), e.target().index(), *e.weight()));
    for edge in edges {
        // Kinds of party include one another too (`第三方支付机构` ⊃ `支付宝`), inside a
        // cluster held at one rank: such an edge must not constrain ranking.
        // An edge from the app column that passes over the feature column (the operator
        // collecting, no feature named) must not constrain it either: Graphviz's newrank
        // fails ("trouble in init_rank") when such edges meet paths through features.
        let (source, target) = (graph[edge.source()].kind, graph[edge.target()].kind);
        let within_rank = source != NodeKind::DataItem && source.cluster() == target.cluster();
        let skips_features =
            matches!(source, NodeKind::Product | NodeKind::Company) && target != NodeKind::Feature;
        let unconstrained = within_rank || skips_features;
        let style = match (*edge.weight() == "包括", unconstrained) {
            (true, true) => ", style=dashed, constraint=false",
            (true, false) => ", style=dashed",
            (false, true) => ", constraint=false",
            (false, false) => "",
        };
        writeln!(
            out,
            "  n{} -> n{} [label={}{style}];",
            edge.source().index(),
            edge.target().index(),
            quote(edge.weight())
        )
        .unwrap();
    }
    out.push_str("}\n");
    out
}

/// A DOT string literal.
fn quote(text: &str) -> String {
    format!(
        "\"{}\"",
        text.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_escaped() {
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }

    #[test]
    fn dot_has_one_statement_per_node_and_edge() {
        let mut g = StableDiGraph::new();
        let a = g.add_node(Node {
            iri: "x:a".into(),
            label: "连麦".into(),
            kind: NodeKind::Feature,
            sensitive: false,
        });
        let b = g.add_node(Node {
            iri: "x:b".into(),
            label: "麦克风权限".into(),
            kind: NodeKind::Permission,
            sensitive: false,
        });
        let c = g.add_node(Node {
            iri: "x:c".into(),
            label: "人脸信息".into(),
            kind: NodeKind::DataItem,
            sensitive: true,
        });
        g.add_edge(a, b, "需要权限");
        g.add_edge(b, c, "可获取");
        let dot = to_dot(&g, "t");
        assert!(dot.starts_with("digraph policykg {"));
        assert_eq!(dot.matches(" -> ").count(), 2);
        assert!(dot.contains("label=\"连麦\", shape=box"));
        assert!(dot.contains("shape=hexagon"));
        // One cluster per kind, in stage order; the sensitive item in red.
        let clusters: Vec<usize> = ["cluster_feature", "cluster_permission", "cluster_data"]
            .iter()
            .map(|c| dot.find(c).unwrap())
            .collect();
        assert!(clusters.windows(2).all(|w| w[0] < w[1]), "{dot}");
        let face = dot.lines().find(|l| l.contains("人脸信息")).unwrap();
        assert!(face.contains("#fb6a4a") && face.contains("penwidth=2"), "{face}");
    }
}
