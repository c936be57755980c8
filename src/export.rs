//! Export: the store (or one policy's graph) in a standard RDF syntax.

use std::io::Write;

use anyhow::{bail, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::collections::BTreeMap;

use oxigraph::model::{GraphNameRef, NamedNodeRef, QuadRef, Triple};
use oxigraph::store::Store;

use crate::query::PREFIXES;

/// RDF syntaxes for export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// N-Quads: every graph, one quad per line.
    Nquads,
    /// TriG: every graph, Turtle-style.
    Trig,
    /// Turtle: triples without graph names (use with --policy for one policy).
    Turtle,
    /// N-Triples: triples without graph names.
    Ntriples,
}

impl ExportFormat {
    fn rdf_format(self) -> RdfFormat {
        match self {
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Ntriples => RdfFormat::NTriples,
        }
    }
}

/// Writes the store, or only the graph named `graph`, in `format`.
pub fn export(store: &Store, format: ExportFormat, graph: Option<&str>, out: &mut impl Write) -> Result<()> {
    let mut serializer = RdfSerializer::from_format(format.rdf_format());
    if matches!(format, ExportFormat::Turtle | ExportFormat::Trig) {
        for (prefix, iri) in PREFIXES {
            serializer = serializer.with_prefix(*prefix, *iri)?;
        }
    }
    let mut writer = serializer.for_writer(out);
    let graph_filter = match graph {
        Some(iri) => {
            let node = NamedNodeRef::new(iri)?;
            if !store.contains_named_graph(node)? {
                bail!("the store has no graph {iri}");
            }
            Some(node)
        }
        None => None,
    };
    let triples_only = matches!(format, ExportFormat::Turtle | ExportFormat::Ntriples);
    let quads = store.quads_for_pattern(None, None, None, graph_filter.map(GraphNameRef::from));
    if triples_only {
        // Graphs share triples (a lexicon concept's label, say): write each once.
        let mut triples = BTreeMap::new();
        for quad in quads {
            let triple = Triple::from(quad?);
            triples.insert(triple.to_string(), triple);
        }
        for triple in triples.values() {
            writer.serialize_quad(QuadRef::new(
                &triple.subject,
                &triple.predicate,
                &triple.object,
                GraphNameRef::DefaultGraph,
            ))?;
        }
    } else {
        for quad in quads {
            writer.serialize_quad(&quad?)?;
        }
    }
    writer.finish()?;
    Ok(())
}
