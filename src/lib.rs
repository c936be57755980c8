//! policykg turns Chinese mobile-app privacy policies (隐私政策) into an RDF knowledge
//! graph of personal-data flows: which company collects which data, through which
//! feature and device permission, and passes it to which third party.
//!
//! The pipeline is the architecture, one module per stage, data flowing one way:
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | decode | [`decode`] | bytes (UTF-8, GB18030; text, Markdown, HTML) → plain text |
//! | structure | [`structure`] | text → headings and sentences with offsets |
//! | mentions | [`mentions`] | sentence → jieba tokens and lexicon mentions |
//! | relations | [`relations`] | sentences + mentions → data practices |
//! | graph | [`graph`] | practices → quads of the policy's named graph |
//! | store | [`store`] | graph files on disk ↔ oxigraph store |
//! | use | [`query`], [`paths`], [`export`], [`dot`], [`serve`], [`eval`] | SPARQL, readable data-flow chains, RDF syntaxes, Graphviz, a SPARQL endpoint, scores against gold |
//!
//! [`lexicon`] holds the linguistic knowledge, read from `ontology/*.ttl`;
//! [`pipeline`] runs the stages over files into a store.

pub mod bench;
pub mod decode;
pub mod dot;
pub mod eval;
pub mod export;
pub mod graph;
pub mod lexicon;
pub mod mentions;
pub mod paths;
pub mod pipeline;
pub mod query;
pub mod relations;
pub mod serve;
pub mod store;
pub mod structure;

/// Files of `ontology/` and `queries/`, embedded by `build.rs`.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A hash of the extractor's rules and data (`src/`, `ontology/`) at build time: a
/// store's graph built by another extractor is rebuilt even where its policy is unchanged.
pub const EXTRACTOR_FINGERPRINT: &str = embedded::EXTRACTOR_FINGERPRINT;
