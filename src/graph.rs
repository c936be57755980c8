//! Graph stage: an extraction → the quads of one policy's named graph.
//!
//! IRIs are deterministic (the same input gives the same graph on every run): lexicon
//! concepts keep their global IRIs so that cross-app questions join on them, open terms
//! get global IRIs from their canonical label, and features, practices and evidence are
//! local to the policy. Practices are the source of truth; the direct edges
//! (`pk:collects`, `pk:sharedWith`…) are materialised from the non-negated ones so that
//! data-flow paths are plain SPARQL property paths.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashSet;

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term as RdfTerm};

use crate::lexicon::{Kind, Lexicon, PK};
use crate::relations::{Entity, Extraction, PracticeKind, Term};
use crate::structure::Document;

/// Base of all IRIs minted by policykg.
pub const BASE: &str = "https://w3id.org/policykg/";
/// The named graph holding the ontology and the lexicons.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/policykg/graph/ontology";

/// What identifies a policy in the store.
#[derive(Debug, Clone)]
pub struct PolicyMeta {
    /// Store-wide identifier: the file stem, made unique.
    pub id: String,
    /// The input file's name, as given.
    pub source_file: String,
    /// `sha256:<hex>` of the input bytes.
    pub content_hash: String,
}

/// The IRI of a policy, which is also the name of its graph.
pub fn policy_iri(id: &str) -> String {
    format!("{BASE}policy/{}", iri_segment(id))
}

/// Percent-encodes what may not stand in an IRI path segment; keeps letters of any
/// script, so Chinese labels stay readable.
pub fn iri_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn pk(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{PK}{local}"))
}

/// Counts of what a policy graph states, for summaries and the manifest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GraphStats {
    pub quads: usize,
    pub collections: usize,
    pub sharings: usize,
    pub permissions: usize,
    pub negated: usize,
}

/// One policy's graph, as the N-Quads text of its graph file.
#[derive(Debug, Clone)]
pub struct PolicyGraph {
    /// One quad a line, sorted, without duplicates.
    pub nquads: String,
    pub stats: GraphStats,
}

impl PolicyGraph {
    /// The quads, parsed back from the text.
    pub fn quads(&self) -> Result<Vec<Quad>, oxigraph::io::RdfSyntaxError> {
        use oxigraph::io::{RdfFormat, RdfParser};
        RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(self.nquads.as_bytes())
            .collect()
    }
}

/// Builds one policy's graph. The quads are written straight to N-Quads lines, which
/// are also the keys that sort and deduplicate them: the text is made once.
pub fn policy_graph(
    meta: &PolicyMeta,
    doc: &Document,
    extraction: &Extraction,
    lexicon: &Lexicon,
) -> PolicyGraph {
    let policy_iri = policy_iri(&meta.id);
    let mut g = GraphBuilder {
        graph: NamedNode::new_unchecked(&policy_iri),
        lines: FxHashSet::default(),
        line: String::new(),
    };
    let policy = NamedNode::new_unchecked(&policy_iri);
    g.add(&policy, rdf::TYPE, pk("Policy"));
    g.add(
        &policy,
        pk("sourceFile"),
        Literal::from(meta.source_file.as_str()),
    );
    g.add(
        &policy,
        pk("contentHash"),
        Literal::from(meta.content_hash.as_str()),
    );
    g.add(
        &policy,
        pk("extractedBy"),
        Literal::from(concat!("policykg ", env!("CARGO_PKG_VERSION"))),
    );

    let mut companies = Vec::new();
    for name in &extraction.operators {
        let company = NamedNode::new_unchecked(format!("{BASE}company/{}", iri_segment(name)));
        g.labelled(&company, "Company", name);
        g.add(&policy, pk("operator"), company.clone());
        companies.push(company);
    }
    let mut products = Vec::new();
    for name in &extraction.products {
        let product = NamedNode::new_unchecked(format!("{BASE}product/{}", iri_segment(name)));
        g.labelled(&product, "Product", name);
        g.add(&policy, pk("product"), product.clone());
        products.push(product);
    }
    // Who collects when the policy names no feature: the operator, else the product.
    let default_actor = companies.first().or(products.first()).cloned();

    let mut stats = GraphStats::default();
    let mut evidence_done = BTreeSet::new();
    for (n, practice) in extraction.practices.iter().enumerate() {
        let node = NamedNode::new_unchecked(format!("{policy_iri}/practice/{n}"));
        // A denial has a class of its own, so that a query for what is collected or
        // shared selects by type alone: a `FILTER NOT EXISTS` on the flag is not pushed
        // down by oxigraph's optimiser and made bound queries scan every practice.
        let class = match (practice.kind, practice.negated) {
            (PracticeKind::Collection, false) => "Collection",
            (PracticeKind::Sharing, false) => "Sharing",
            (PracticeKind::Collection, true) => "NonCollection",
            (PracticeKind::Sharing, true) => "NonSharing",
        };
        g.add(&node, rdf::TYPE, pk(class));
        // Only the exception is written: a practice without `pk:negated true` is
        // affirmative (saves a quad on nine practices in ten).
        if practice.negated {
            g.add(&node, pk("negated"), Literal::from(true));
        }
        match (practice.kind, practice.negated) {
            (_, true) => stats.negated += 1,
            (PracticeKind::Collection, false) => stats.collections += 1,
            (PracticeKind::Sharing, false) => stats.sharings += 1,
        }

        let sentence = &doc.sentences[practice.sentence];
        let evidence = NamedNode::new_unchecked(format!("{policy_iri}/evidence/{}", sentence.chars.start));
        g.add(&node, pk("evidence"), evidence.clone());
        // An evidence node is a pk:Evidence by the range of pk:evidence; the type is not
        // written (one quad in twenty of the corpus graph, and opening the store takes
        // time by the quad).
        if evidence_done.insert(sentence.chars.start) {
            g.add(&evidence, pk("text"), Literal::from(doc.sentence_text(sentence)));
            g.add(&evidence, pk("start"), Literal::from(sentence.chars.start as i64));
            g.add(&evidence, pk("end"), Literal::from(sentence.chars.end as i64));
            if let Some(title) = doc.section_title(sentence) {
                g.add(&evidence, pk("section"), Literal::from(title));
            }
        }

        let features: Vec<NamedNode> = practice
            .features
            .iter()
            .map(|name| {
                let feature = NamedNode::new_unchecked(format!("{policy_iri}/feature/{}", iri_segment(name)));
                g.labelled(&feature, "Feature", name);
                for product in &products {
                    g.add(product, pk("hasFeature"), feature.clone());
                }
                g.add(&node, pk("feature"), feature.clone());
                feature
            })
            .collect();
        let data: Vec<NamedNode> = practice
            .data
            .iter()
            .map(|t| g.link(&node, "data", t, lexicon))
            .collect();
        let permission = practice
            .permission
            .as_ref()
            .map(|t| g.link(&node, "permission", t, lexicon));
        let recipients: Vec<NamedNode> = practice
            .recipients
            .iter()
            .map(|t| g.link(&node, "recipient", t, lexicon))
            .collect();
        if let Some(purpose) = &practice.purpose {
            let p = NamedNode::new_unchecked(format!("{policy_iri}/purpose/{}", iri_segment(purpose)));
            g.add(&p, rdf::TYPE, pk("Purpose"));
            g.add(&p, rdfs::LABEL, Literal::from(purpose.as_str()));
            g.add(&node, pk("purpose"), p);
        }
        if permission.is_some() && !practice.negated {
            stats.permissions += 1;
        }

        if practice.negated {
            continue;
        }
        // Materialised edges of an affirmative practice.
        match practice.kind {
            PracticeKind::Collection => {
                let collectors = if features.is_empty() {
                    default_actor.iter().cloned().collect()
                } else {
                    features.clone()
                };
                for c in &collectors {
                    for d in &data {
                        g.add(c, pk("collects"), d.clone());
                    }
                }
            }
            PracticeKind::Sharing => {
                for d in &data {
                    for r in &recipients {
                        g.add(d, pk("sharedWith"), r.clone());
                    }
                }
            }
        }
        if let Some(p) = &permission {
            for f in &features {
                g.add(f, pk("requiresPermission"), p.clone());
            }
            for d in &data {
                g.add(p, pk("grantsAccessTo"), d.clone());
            }
        }
    }
    for inclusion in &extraction.inclusions {
        let general = g.entity(&inclusion.general, lexicon);
        let specific = g.entity(&inclusion.specific, lexicon);
        if general != specific {
            g.add(&general, pk("includes"), specific);
        }
    }
    stats.quads = g.lines.len();
    let mut lines: Vec<String> = g.lines.into_iter().collect();
    lines.sort_unstable();
    let mut nquads = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in &lines {
        nquads.push_str(line);
        nquads.push('\n');
    }
    PolicyGraph { nquads, stats }
}

struct GraphBuilder {
    graph: NamedNode,
    /// N-Quads lines, free of duplicates; sorted once at the end. Most adds repeat a line
    /// (a label per mention), and a hash answers those faster than a tree of long lines
    /// sharing their prefix.
    lines: FxHashSet<String>,
    /// The line being written, reused: most quads are repeats (a label per mention).
    line: String,
}

impl GraphBuilder {
    fn add(&mut self, s: &NamedNode, p: impl Into<NamedNode>, o: impl Into<RdfTerm>) {
        use std::fmt::Write;
        self.line.clear();
        // oxrdf's Display of terms is their N-Triples form, escapes included.
        write!(self.line, "{s} {} {} {} .", p.into(), o.into(), self.graph).expect("writing to a String");
        if !self.lines.contains(&self.line) {
            self.lines.insert(self.line.clone());
        }
    }

    fn labelled(&mut self, node: &NamedNode, class: &str, label: &str) {
        self.add(node, rdf::TYPE, pk(class));
        self.add(node, rdfs::LABEL, Literal::from(label));
    }

    /// A surface form is written only when it differs from the label: the label is
    /// always one of the texts an entity matches, so repeating it is a wasted quad.
    fn surface(&mut self, node: &NamedNode, label: &str, surface: &str) {
        if surface != label {
            self.add(node, pk("surface"), Literal::from(surface));
        }
    }

    /// Links a practice to the node of a term through `pk:<property>`; returns the node.
    fn link(&mut self, practice: &NamedNode, property: &str, term: &Term, lexicon: &Lexicon) -> NamedNode {
        let node = self.entity(term, lexicon);
        self.add(practice, pk(property), node.clone());
        node
    }

    /// The node of a term, with its label and this surface form. An open term is typed
    /// here; a lexicon concept's type lives once, in the ontology graph. Labels are
    /// repeated in each policy graph so that a query stays one graph pattern (oxigraph
    /// plans joins between a GRAPH block and the union graph poorly).
    fn entity(&mut self, term: &Term, lexicon: &Lexicon) -> NamedNode {
        let (node, kind, label) = match &term.entity {
            Entity::Concept(id) => {
                let c = lexicon.concept(*id);
                let node = NamedNode::new_unchecked(&c.iri);
                self.add(&node, rdfs::LABEL, Literal::from(c.label.as_str()));
                self.surface(&node, &c.label, &term.surface);
                return node;
            }
            Entity::Open(kind, label) => {
                let dir = match kind {
                    Kind::DataItem => "data",
                    Kind::Permission => "permission",
                    Kind::ThirdParty => "party",
                };
                let iri = format!("{BASE}{dir}/term/{}", iri_segment(label));
                (NamedNode::new_unchecked(iri), *kind, label.clone())
            }
        };
        self.add(&node, rdf::TYPE, NamedNode::new_unchecked(kind.class_iri()));
        self.add(&node, rdfs::LABEL, Literal::from(label.as_str()));
        self.surface(&node, &label, &term.surface);
        node
    }
}

/// The ontology graph: every Turtle file of `ontology/`, plus an `rdfs:label` for each
/// lexicon concept (its `skos:prefLabel`, as a plain string like all labels here).
pub fn ontology_quads(lexicon: &Lexicon) -> anyhow::Result<Vec<Quad>> {
    use oxigraph::io::{RdfFormat, RdfParser};
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(ONTOLOGY_GRAPH));
    let mut quads = BTreeMap::new();
    for (name, text) in crate::lexicon::ONTOLOGY_FILES {
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
            let quad = quad.map_err(|e| anyhow::anyhow!("ontology/{name}: {e}"))?;
            let quad = Quad::new(quad.subject, quad.predicate, quad.object, graph.clone());
            quads.insert(quad.to_string(), quad);
        }
    }
    for concept in &lexicon.concepts {
        let quad = Quad::new(
            NamedNode::new_unchecked(&concept.iri),
            rdfs::LABEL,
            Literal::new_typed_literal(&concept.label, xsd::STRING),
            graph.clone(),
        );
        quads.insert(quad.to_string(), quad);
    }
    Ok(quads.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_segments_keep_chinese_and_escape_the_rest() {
        assert_eq!(iri_segment("音乐播放记录"), "音乐播放记录");
        assert_eq!(iri_segment("Android ID"), "Android%20ID");
        assert_eq!(iri_segment("a/b#c"), "a%2Fb%23c");
        assert!(NamedNode::new(format!("{BASE}data/term/{}", iri_segment("设备（型号）<x>"))).is_ok());
    }
}
