//! The lexicon: SKOS concepts (data items, permissions, third parties) and cue words,
//! read from the Turtle files of `ontology/`.
//!
//! The Turtle files are the single source of truth for linguistic knowledge; this module
//! only indexes them. Every `skos:prefLabel` and `skos:altLabel` of a concept becomes a
//! surface form that [`Lexicon::lookup`] resolves, after [`fold`]ing.

use std::collections::{HashMap, HashSet};

use anyhow::{bail, Context, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};
use unicode_normalization::UnicodeNormalization;

/// Namespace of the policykg ontology.
pub const PK: &str = "https://w3id.org/policykg#";
/// Namespace of the cue words.
pub const PKC: &str = "https://w3id.org/policykg/cue/";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// The ontology and lexicon files, embedded at build time from `ontology/` (see `build.rs`).
pub const ONTOLOGY_FILES: &[(&str, &str)] = crate::embedded::ONTOLOGY_FILES;

/// Folds a text for comparison: Unicode NFKC, lower case, no white space.
/// The same folding the gold guidelines prescribe, so matching here and scoring agree.
pub fn fold(text: &str) -> String {
    // Common case, and the hot one: CJK ideographs, ASCII and full-width punctuation
    // that NFKC leaves alone need only lower-casing.
    let plain = text.chars().all(|c| {
        c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || "，。、；：（）“”《》【】".contains(c)
    });
    if plain {
        return text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    text.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// What a lexicon concept names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    DataItem,
    Permission,
    ThirdParty,
}

impl Kind {
    /// The ontology class of this kind.
    pub fn class_iri(self) -> String {
        let local = match self {
            Kind::DataItem => "DataItem",
            Kind::Permission => "Permission",
            Kind::ThirdParty => "ThirdParty",
        };
        format!("{PK}{local}")
    }
}

/// Index of a concept in [`Lexicon::concepts`].
pub type ConceptId = usize;

/// One lexicon concept.
#[derive(Debug, Clone)]
pub struct Concept {
    pub iri: String,
    pub kind: Kind,
    /// The canonical name (`skos:prefLabel`), written as `rdfs:label` in the graph.
    pub label: String,
    /// IRIs of `skos:broader` concepts.
    pub broader: Vec<String>,
    pub sensitive: bool,
    /// IRIs of the permissions that guard this data item on the device
    /// (`pk:protectedBy`): only they unlock it.
    pub protected_by: Vec<String>,
}

/// A set of cue words, matched longest first.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Longest first, so prefix and suffix matching prefer the longest cue.
    by_length: Vec<String>,
    /// Indices into `by_length` by first character, longest first: prefix matching at
    /// every position of every sentence is the extractor's inner loop.
    by_first: HashMap<char, Vec<usize>>,
    /// Bitmap over the Basic Multilingual Plane of characters that start some word: most
    /// positions of a text start none, and this answers them without hashing.
    first_bmp: Vec<u64>,
    set: HashSet<String>,
}

impl Words {
    fn new(words: impl IntoIterator<Item = String>) -> Self {
        let set: HashSet<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let mut by_length: Vec<String> = set.iter().cloned().collect();
        by_length.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, w) in by_length.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                by_first.entry(c).or_default().push(i);
            }
        }
        let mut first_bmp = vec![0u64; 0x10000 / 64];
        for c in by_first.keys() {
            let code = *c as usize;
            if code < 0x10000 {
                first_bmp[code / 64] |= 1 << (code % 64);
            }
        }
        Self {
            by_length,
            by_first,
            first_bmp,
            set,
        }
    }

    /// Whether `text` is exactly one of the words.
    pub fn contains(&self, text: &str) -> bool {
        self.set.contains(text)
    }

    /// The longest word that `text` starts with.
    pub fn prefix_of(&self, text: &str) -> Option<&str> {
        let first = text.chars().next()?;
        let code = first as usize;
        if code < 0x10000
            && self
                .first_bmp
                .get(code / 64)
                .is_none_or(|bits| bits & (1 << (code % 64)) == 0)
        {
            return None;
        }
        self.by_first
            .get(&first)?
            .iter()
            .map(|&i| self.by_length[i].as_str())
            .find(|w| text.starts_with(w))
    }

    /// The longest word that `text` ends with.
    pub fn suffix_of(&self, text: &str) -> Option<&str> {
        self.by_length
            .iter()
            .find(|w| text.ends_with(w.as_str()))
            .map(String::as_str)
    }

    /// The first occurrence of any word in `text` (the longest where several start there):
    /// its byte offset and the word.
    pub fn find_in<'a>(&'a self, text: &str) -> Option<(usize, &'a str)> {
        text.char_indices()
            .find_map(|(i, _)| self.prefix_of(&text[i..]).map(|w| (i, w)))
    }

    /// Every non-overlapping occurrence, left to right.
    pub fn find_all<'a>(&'a self, text: &str) -> Vec<(usize, &'a str)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if let Some(w) = self.prefix_of(&text[i..]) {
                found.push((i, w));
                i += w.len();
            } else {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.by_length.iter().map(String::as_str)
    }
}

/// The cue words of `ontology/cues.ttl`, one field per cue concept.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    pub collect: Words,
    pub provide: Words,
    pub share: Words,
    pub share_prefix: Words,
    pub negation: Words,
    pub conditional: Words,
    pub local_only: Words,
    pub purpose: Words,
    pub feature_open: Words,
    pub feature_close: Words,
    pub feature_suffix: Words,
    pub list_separator: Words,
    pub etc: Words,
    pub enumeration: Words,
    pub determiner: Words,
    pub data_head: Words,
    pub party_head: Words,
    /// Umbrella terms (个人信息, 相关信息…), folded.
    pub generic: Words,
    pub company_suffix: Words,
    pub operator_marker: Words,
    pub policy_title: Words,
    pub sdk_section: Words,
    pub field_name: Words,
    pub field_data: Words,
    pub rights_section: Words,
    pub hedge: Words,
    pub instruction: Words,
    pub not_a_feature: Words,
    pub agreement_title: Words,
    pub purpose_frame: Words,
    pub product_word: Words,
    pub product_tail: Words,
    pub not_a_product: Words,
    pub not_in_product: Words,
    pub not_product_start: Words,
    pub product_alias: Words,
    pub operator_lead: Words,
    pub operator_label: Words,
    pub not_operator_start: Words,
    pub not_in_operator: Words,
    pub permission_umbrella: Words,
    pub subject_modal: Words,
    pub verb_link: Words,
    pub anaphor: Words,
    pub inclusion_adverb: Words,
    pub bracket_note: Words,
    pub definition: Words,
    pub platform_scope: Words,
    pub field_company: Words,
    pub field_other: Words,
    pub not_in_party: Words,
}

/// Concepts indexed by their folded surface forms, plus the cue words.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub concepts: Vec<Concept>,
    by_surface: HashMap<String, ConceptId>,
    /// Every prefix of every folded label, so a matcher can stop extending a run of
    /// tokens as soon as no label can start with it.
    prefixes: HashSet<String>,
    by_iri: HashMap<String, ConceptId>,
    /// Every label as written, for the segmenter's user dictionary.
    pub surfaces: Vec<String>,
    pub cues: Cues,
    /// Length in chars of the longest folded label: bounds the matcher's look-ahead.
    pub longest_label: usize,
    /// The companies behind lexicon third parties (`pk:companyName`), folded: an SDK's
    /// provider named in a table is not the policy's operator.
    pub third_party_companies: HashSet<String>,
}

#[derive(Default)]
struct RawConcept {
    kind: Option<Kind>,
    pref: Option<String>,
    alt: Vec<String>,
    broader: Vec<String>,
    sensitive: bool,
    protected_by: Vec<String>,
}

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn embedded() -> Result<Self> {
        Self::from_turtle(ONTOLOGY_FILES.iter().copied())
    }

    /// Builds the lexicon from Turtle documents given as (name, text).
    pub fn from_turtle<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self> {
        let mut raw: HashMap<String, RawConcept> = HashMap::new();
        let mut company_names: Vec<String> = Vec::new();
        let mut order: Vec<String> = Vec::new();
        for (name, text) in files {
            for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
                let quad = quad.with_context(|| format!("ontology/{name} is not valid Turtle"))?;
                let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                    continue;
                };
                let subject = subject.as_str().to_owned();
                let predicate = quad.predicate.as_str();
                let entry = raw.entry(subject.clone()).or_insert_with(|| {
                    order.push(subject.clone());
                    RawConcept::default()
                });
                match (predicate, &quad.object) {
                    (RDF_TYPE, Term::NamedNode(class)) => {
                        entry.kind = match class.as_str().strip_prefix(PK) {
                            Some("DataItem") => Some(Kind::DataItem),
                            Some("Permission") => Some(Kind::Permission),
                            Some("ThirdParty") => Some(Kind::ThirdParty),
                            _ => entry.kind,
                        }
                    }
                    (p, Term::Literal(l)) if p == format!("{SKOS}prefLabel") => {
                        entry.pref.get_or_insert_with(|| l.value().to_owned());
                    }
                    (p, Term::Literal(l)) if p == format!("{SKOS}altLabel") => {
                        entry.alt.push(l.value().to_owned())
                    }
                    (p, Term::NamedNode(b)) if p == format!("{SKOS}broader") => {
                        entry.broader.push(b.as_str().to_owned())
                    }
                    (p, Term::Literal(l)) if p == format!("{PK}companyName") => {
                        company_names.push(l.value().to_owned())
                    }
                    (p, Term::Literal(l)) if p == format!("{PK}sensitive") => {
                        entry.sensitive = l.value() == "true" || l.value() == "1"
                    }
                    (p, Term::NamedNode(guard)) if p == format!("{PK}protectedBy") => {
                        entry.protected_by.push(guard.as_str().to_owned())
                    }
                    _ => {}
                }
            }
        }

        let third_party_companies: HashSet<String> = company_names.iter().map(|n| fold(n)).collect();
        let mut cue_words: HashMap<String, Vec<String>> = HashMap::new();
        let mut concepts = Vec::new();
        let mut by_surface = HashMap::new();
        let mut by_iri = HashMap::new();
        let mut surfaces = Vec::new();
        for iri in order {
            let entry = raw.remove(&iri).expect("every ordered subject has an entry");
            if let Some(local) = iri.strip_prefix(PKC) {
                cue_words.insert(local.to_owned(), entry.alt);
                continue;
            }
            if iri == format!("{PK}GenericTerms") {
                cue_words.insert("generic".to_owned(), entry.alt);
                continue;
            }
            let (Some(kind), Some(label)) = (entry.kind, entry.pref) else {
                continue;
            };
            let id = concepts.len();
            for surface in std::iter::once(&label).chain(&entry.alt) {
                // The first concept to claim a surface keeps it: one surface, one node.
                by_surface.entry(fold(surface)).or_insert(id);
                surfaces.push(surface.clone());
            }
            by_iri.insert(iri.clone(), id);
            concepts.push(Concept {
                iri,
                kind,
                label,
                broader: entry.broader,
                sensitive: entry.sensitive,
                protected_by: entry.protected_by,
            });
        }
        if concepts.is_empty() {
            bail!("the ontology defines no lexicon concepts");
        }
        // An item without a guard of its own is guarded as its broader item is
        // (精确地理位置信息 as 位置信息), one level up.
        let inherited: Vec<Vec<String>> = concepts
            .iter()
            .map(|c: &Concept| {
                c.broader
                    .iter()
                    .filter_map(|b| by_iri.get(b))
                    .flat_map(|&b: &usize| concepts[b].protected_by.clone())
                    .collect()
            })
            .collect();
        for (concept, guards) in concepts.iter_mut().zip(inherited) {
            if concept.protected_by.is_empty() {
                concept.protected_by = guards;
            }
        }
        let cue = |name: &str, fold_words: bool| {
            let words = cue_words.get(name).cloned().unwrap_or_default();
            Words::new(
                words
                    .into_iter()
                    .map(|w| if fold_words { fold(&w) } else { w.nfkc().collect() }),
            )
        };
        let cues = Cues {
            collect: cue("collect", false),
            provide: cue("provide", false),
            share: cue("share", false),
            share_prefix: cue("share-prefix", false),
            negation: cue("negation", false),
            conditional: cue("conditional", false),
            local_only: cue("local-only", false),
            purpose: cue("purpose", false),
            feature_open: cue("feature-open", false),
            feature_close: cue("feature-close", false),
            feature_suffix: cue("feature-suffix", false),
            list_separator: cue("list-separator", false),
            etc: cue("etc", false),
            enumeration: cue("enumeration", false),
            determiner: cue("determiner", false),
            data_head: cue("data-head", true),
            party_head: cue("party-head", true),
            generic: cue("generic", true),
            company_suffix: cue("company-suffix", false),
            operator_marker: cue("operator-marker", false),
            policy_title: cue("policy-title", false),
            sdk_section: cue("sdk-section", false),
            field_name: cue("field-name", false),
            field_data: cue("field-data", false),
            rights_section: cue("rights-section", false),
            hedge: cue("hedge", false),
            instruction: cue("instruction", false),
            not_a_feature: cue("not-a-feature", false),
            agreement_title: cue("agreement-title", false),
            purpose_frame: cue("purpose-frame", false),
            product_word: cue("product-word", false),
            product_tail: cue("product-tail", false),
            not_a_product: cue("not-a-product", true),
            not_in_product: cue("not-in-product", true),
            not_product_start: cue("not-product-start", true),
            product_alias: cue("product-alias", false),
            operator_lead: cue("operator-lead", false),
            operator_label: cue("operator-label", false),
            not_operator_start: cue("not-operator-start", true),
            not_in_operator: cue("not-in-operator", true),
            permission_umbrella: cue("permission-umbrella", true),
            subject_modal: cue("subject-modal", false),
            verb_link: cue("verb-link", false),
            anaphor: cue("anaphor", false),
            inclusion_adverb: cue("inclusion-adverb", false),
            bracket_note: cue("bracket-note", false),
            definition: cue("definition", false),
            platform_scope: cue("platform-scope", false),
            field_company: cue("field-company", false),
            field_other: cue("field-other", false),
            not_in_party: cue("not-in-party", false),
        };
        let longest_label = by_surface.keys().map(|s| s.chars().count()).max().unwrap_or(0);
        let prefixes = by_surface
            .keys()
            .flat_map(|label| {
                label
                    .char_indices()
                    .map(|(i, c)| label[..i + c.len_utf8()].to_owned())
            })
            .collect();
        Ok(Self {
            concepts,
            by_surface,
            prefixes,
            by_iri,
            surfaces,
            cues,
            longest_label,
            third_party_companies,
        })
    }

    /// The concept a text names, if any (the text is folded first).
    pub fn lookup(&self, text: &str) -> Option<ConceptId> {
        self.lookup_folded(&fold(text))
    }

    /// Like [`Lexicon::lookup`] for an already folded text.
    pub fn lookup_folded(&self, folded: &str) -> Option<ConceptId> {
        self.by_surface.get(folded).copied()
    }

    /// Whether some folded label starts with `folded`.
    pub fn is_label_prefix(&self, folded: &str) -> bool {
        self.prefixes.contains(folded)
    }

    pub fn concept(&self, id: ConceptId) -> &Concept {
        &self.concepts[id]
    }

    /// The concept with this IRI.
    pub fn by_iri(&self, iri: &str) -> Option<ConceptId> {
        self.by_iri.get(iri).copied()
    }

    /// Whether a (folded) term is an umbrella word that names no specific data item.
    pub fn is_generic(&self, folded: &str) -> bool {
        self.cues.generic.contains(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_applies_nfkc_lowercase_and_drops_spaces() {
        assert_eq!(fold("Ａｎｄｒｏｉｄ ID"), "androidid");
        assert_eq!(fold(" MAC 地址 "), "mac地址");
    }

    #[test]
    fn embedded_lexicon_resolves_aliases_to_one_concept() {
        let lexicon = Lexicon::embedded().unwrap();
        let imei = lexicon.lookup("IMEI").expect("IMEI is in the lexicon");
        assert_eq!(lexicon.concept(imei).kind, Kind::DataItem);
        assert_eq!(lexicon.lookup("国际移动设备识别码"), Some(imei));
        let mic = lexicon.lookup("麦克风权限").expect("microphone permission");
        assert_eq!(lexicon.concept(mic).kind, Kind::Permission);
        assert_eq!(lexicon.lookup("麦克风"), Some(mic));
        let umeng = lexicon.lookup("友盟SDK").expect("友盟 is a third party");
        assert_eq!(lexicon.concept(umeng).kind, Kind::ThirdParty);
        assert_eq!(lexicon.lookup("友盟"), Some(umeng));
    }

    #[test]
    fn third_party_companies_load_from_turtle() {
        let lexicon = Lexicon::embedded().unwrap();
        assert!(lexicon
            .third_party_companies
            .contains(&fold("每日互动股份有限公司")));
        assert!(lexicon
            .third_party_companies
            .contains(&fold("支付宝（中国）网络技术有限公司")));
    }

    #[test]
    fn cue_words_load_from_turtle() {
        let lexicon = Lexicon::embedded().unwrap();
        assert!(lexicon.cues.collect.contains("收集"));
        assert!(lexicon.cues.negation.contains("不会"));
        assert!(lexicon.is_generic("个人信息"));
        assert_eq!(lexicon.cues.collect.prefix_of("收集您的"), Some("收集"));
        assert_eq!(
            lexicon.cues.policy_title.suffix_of("全民K歌隐私保护指引"),
            Some("隐私保护指引")
        );
    }

    #[test]
    fn words_find_all_prefers_longest_and_does_not_overlap() {
        let words = Words::new(["和".to_owned(), "以及".to_owned(), "及".to_owned()]);
        let found = words.find_all("A以及B和C");
        assert_eq!(found, vec![(1, "以及"), (8, "和")]);
    }
}
