//! DOT: a policy's graph as a Graphviz picture, built with petgraph.
//!
//! Nodes are the entities (feature, permission, data item, third party, company,
//! product), one shape and colour per class, labelled with their Chinese names; edges
//! are the materialised relations, labelled with a short name. Each kind is a column
//! (a `rank=same` subgraph), laid out left to right in stage order, so a data flow reads
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

    /// The column of the drawing, left to right: app, feature, permission, data, party.
    fn column(self) -> u8 {
        match self {
            NodeKind::Product | NodeKind::Company => 0,
            NodeKind::Feature => 1,
            NodeKind::Permission => 2,
            NodeKind::DataItem => 3,
            NodeKind::ThirdParty => 4,
            NodeKind::Other => 5,
        }
    }

    /// Name of the column's subgraph in DOT.
    fn column_name(self) -> &'static str {
        match self {
            NodeKind::Product | NodeKind::Company => "column_app",
            NodeKind::Feature => "column_feature",
            NodeKind::Permission => "column_permission",
            NodeKind::DataItem => "column_data",
            NodeKind::ThirdParty => "column_party",
            NodeKind::Other => "column_other",
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

/// Writes a graph as DOT: left to right, one column per kind of node, in stage order;
/// sensitive data items in red.
///
/// The columns are plain `rank=same` subgraphs, not clusters: Graphviz (2.43 here) lays
/// out ranks inside clusters only with `newrank`, and newrank fails on about one corpus
/// policy in ten ("trouble in init_rank"), whatever edges are left unconstrained.
pub fn to_dot(graph: &StableDiGraph<Node, &'static str>, title: &str) -> String {
    const FONT: &str = "fontname=\"Noto Sans CJK SC\"";
    let mut out = String::new();
    writeln!(out, "digraph policykg {{").unwrap();
    let legend = "灰：产品与运营者 · 蓝：功能 · 橙：权限 · 绿：个人信息 · 粉：第三方 · 红：敏感个人信息\n\
                  grey: app and operator · blue: feature · orange: permission · green: data item · \
                  pink: third party · red: sensitive personal information";
    writeln!(
        out,
        "  graph [rankdir=LR, label={}, labelloc=t, {FONT}, fontsize=14, nodesep=0.2, ranksep=1.4];",
        quote(&format!("{title}\n{legend}"))
    )
    .unwrap();
    writeln!(out, "  node [style=filled, {FONT}, fontsize=11];").unwrap();
    writeln!(out, "  edge [{FONT}, fontsize=9, color=\"#636363\"];").unwrap();
    let mut ids: Vec<NodeIndex> = graph.node_indices().collect();
    ids.sort_by(|a, b| (graph[*a].kind, &graph[*a].label).cmp(&(graph[*b].kind, &graph[*b].label)));
    for chunk in ids.chunk_by(|a, b| graph[*a].kind.column() == graph[*b].kind.column()) {
        let kind = graph[chunk[0]].kind;
        writeln!(out, "  subgraph {} {{", kind.column_name()).unwrap();
        writeln!(out, "    rank=same;").unwrap();
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
        // An edge inside a column (`第三方支付机构` ⊃ `支付宝`, `设备信息` ⊃ `IMEI`) joins
        // nodes held at one rank, and one running back against the columns (a data term
        // read as including a permission) would make a cycle of ranks: neither may
        // constrain ranking.
        let (source, target) = (graph[edge.source()].kind, graph[edge.target()].kind);
        let unconstrained = target.column() <= source.column();
        // A label on an edge that does not constrain ranking goes beside it (`xlabel`):
        // Graphviz's spline router loses flat labelled edges ("triangulation failed").
        let label_attr = if unconstrained { "xlabel" } else { "label" };
        let style = match (*edge.weight() == "包括", unconstrained) {
            (true, true) => ", style=dashed, constraint=false",
            (true, false) => ", style=dashed",
            (false, true) => ", constraint=false",
            (false, false) => "",
        };
        writeln!(
            out,
            "  n{} -> n{} [{label_attr}={}{style}];",
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
        // One column per kind, in stage order, held at one rank; the sensitive item in red.
        let columns: Vec<usize> = ["column_feature", "column_permission", "column_data"]
            .iter()
            .map(|c| dot.find(c).unwrap())
            .collect();
        assert!(columns.windows(2).all(|w| w[0] < w[1]), "{dot}");
        assert_eq!(dot.matches("rank=same").count(), 3, "{dot}");
        // No clusters: Graphviz needs newrank for ranks inside them, and newrank fails.
        assert!(!dot.contains("cluster") && !dot.contains("newrank"), "{dot}");
        let face = dot.lines().find(|l| l.contains("人脸信息")).unwrap();
        assert!(face.contains("#fb6a4a") && face.contains("penwidth=2"), "{face}");
    }

    #[test]
    fn edges_within_or_against_the_columns_do_not_constrain_ranking() {
        let mut g: StableDiGraph<Node, &'static str> = StableDiGraph::new();
        let node = |g: &mut StableDiGraph<Node, &'static str>, label: &str, kind| {
            g.add_node(Node {
                iri: format!("x:{label}"),
                label: label.into(),
                kind,
                sensitive: false,
            })
        };
        let device = node(&mut g, "设备信息", NodeKind::DataItem);
        let imei = node(&mut g, "IMEI", NodeKind::DataItem);
        let phone = node(&mut g, "电话权限", NodeKind::Permission);
        g.add_edge(phone, imei, "可获取");
        g.add_edge(device, imei, "包括");
        g.add_edge(device, phone, "包括");
        let dot = to_dot(&g, "t");
        let edge = |from: &str, to: &str| {
            let id = |label: &str| {
                let line = dot
                    .lines()
                    .find(|l| l.contains(&format!("label=\"{label}\"")))
                    .unwrap();
                line.trim().split(' ').next().unwrap().to_owned()
            };
            let prefix = format!("{} -> {} ", id(from), id(to));
            dot.lines()
                .find(|l| l.trim().starts_with(&prefix))
                .unwrap()
                .to_owned()
        };
        assert!(!edge("电话权限", "IMEI").contains("constraint"), "{dot}");
        for (from, to) in [("设备信息", "IMEI"), ("设备信息", "电话权限")] {
            let line = edge(from, to);
            assert!(
                line.contains("constraint=false") && line.contains("xlabel="),
                "{line}"
            );
        }
    }
}
