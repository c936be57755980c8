//! The lexicon: SKOS concepts (data items, permissions, third parties) and cue words,
//! read from the Turtle files of `ontology/`.
//!
//! The Turtle files are the single source of truth for linguistic knowledge; this module
//! only indexes them. Every `skos:prefLabel` and `skos:altLabel` of a concept becomes a
//! surface form that [`Lexicon::lookup`] resolves, after [`fold`]ing.

use std::collections::HashMap;

// Lookups of short keys on every token: Fx hashing, not SipHash (no untrusted keys here
// that could be chosen to collide: the keys are the lexicon's own words).
use rustc_hash::{FxHashMap, FxHashSet};

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
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// [`fold`], appending to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    // Common case, and the hot one: CJK ideographs, ASCII and full-width punctuation
    // that NFKC leaves alone need only lower-casing.
    let plain = text.chars().all(|c| {
        c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || "，。、；：（）“”《》【】".contains(c)
    });
    if plain {
        // Nothing to lower-case, drop or make half-width (most tokens): copy the text.
        if !text
            .bytes()
            .any(|b| b.is_ascii_uppercase() || matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
            && !text.contains(['，', '；', '：', '（', '）'])
        {
            out.push_str(text);
            return;
        }
        // As NFKC would: `（` is `(`, so `支付宝(中国)` and `支付宝（中国）` fold alike.
        out.extend(text.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_lowercase(),
        }));
    } else {
        out.extend(
            text.nfkc()
                .flat_map(char::to_lowercase)
                .filter(|c| !c.is_whitespace()),
        );
    }
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
    /// Longest first, so suffix matching prefers the longest cue.
    by_length: Vec<String>,
    /// The words as a character trie: prefix matching at every position of every
    /// sentence is the extractor's inner loop, and a trie answers it in one walk.
    trie: Vec<TrieNode>,
    /// Bitmap over the Basic Multilingual Plane of characters that start some word: most
    /// positions of a text start none, and this answers them without a lookup.
    first_bmp: Vec<u64>,
    /// `first_rank[k]`: how many bits are set in `first_bmp[..k]`. The root's children
    /// are sorted by character, so a set bit's rank is its child's index: the first step
    /// of every walk, the one with hundreds of children, takes no search.
    first_rank: Vec<u32>,
    set: FxHashSet<String>,
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    /// Sorted by character.
    children: Vec<(char, u32)>,
    /// The index in `by_length` of the word that ends here.
    word: Option<u32>,
}

impl Words {
    fn new(words: impl IntoIterator<Item = String>) -> Self {
        let set: FxHashSet<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let mut by_length: Vec<String> = set.iter().cloned().collect();
        by_length.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let mut trie = vec![TrieNode::default()];
        let mut first_bmp = vec![0u64; 0x10000 / 64];
        for (i, w) in by_length.iter().enumerate() {
            let mut node = 0;
            for c in w.chars() {
                node = match trie[node].children.binary_search_by_key(&c, |&(c, _)| c) {
                    Ok(at) => trie[node].children[at].1 as usize,
                    Err(at) => {
                        let next = trie.len();
                        trie[node].children.insert(at, (c, next as u32));
                        trie.push(TrieNode::default());
                        next
                    }
                };
            }
            trie[node].word = Some(i as u32);
            let first = w.chars().next().map_or(0, |c| c as usize);
            if first < 0x10000 {
                first_bmp[first / 64] |= 1 << (first % 64);
            }
        }
        let first_rank = first_bmp
            .iter()
            .scan(0u32, |count, bits| {
                let before = *count;
                *count += bits.count_ones();
                Some(before)
            })
            .collect();
        Self {
            by_length,
            trie,
            first_bmp,
            first_rank,
            set,
        }
    }

    /// Whether `text` is exactly one of the words.
    pub fn contains(&self, text: &str) -> bool {
        self.set.contains(text)
    }

    /// Whether some word starts with `c`: one bit test for most characters, which start
    /// none. Characters beyond the Basic Multilingual Plane are left to the trie.
    #[inline]
    fn may_start_with(&self, c: char) -> bool {
        let code = c as usize;
        code >= 0x10000
            || self
                .first_bmp
                .get(code / 64)
                .is_some_and(|bits| bits & (1 << (code % 64)) != 0)
    }

    /// The trie node of the one-character prefix `c`, if some word starts with it.
    #[inline]
    fn root_child(&self, c: char) -> Option<&TrieNode> {
        let root = self.trie.first()?;
        let code = c as usize;
        let at = if code < 0x10000 {
            let bits = *self.first_bmp.get(code / 64)?;
            let bit = 1u64 << (code % 64);
            if bits & bit == 0 {
                return None;
            }
            self.first_rank[code / 64] as usize + (bits & (bit - 1)).count_ones() as usize
        } else {
            root.children.binary_search_by_key(&c, |&(c, _)| c).ok()?
        };
        Some(&self.trie[root.children[at].1 as usize])
    }

    /// The longest word that `text` starts with.
    #[inline]
    pub fn prefix_of(&self, text: &str) -> Option<&str> {
        let first = text.chars().next()?;
        if !self.may_start_with(first) {
            return None;
        }
        self.prefixes_of(text).last()
    }

    /// Every word that `text` starts with, shortest first.
    pub fn prefixes_of<'w, 't>(&'w self, text: &'t str) -> impl Iterator<Item = &'w str> + use<'w, 't> {
        let mut chars = text.chars();
        let mut node = chars.next().and_then(|c| self.root_child(c));
        let mut pending = node.and_then(|n| n.word);
        std::iter::from_fn(move || loop {
            if let Some(word) = pending.take() {
                return Some(self.by_length[word as usize].as_str());
            }
            let current = node?;
            let next = chars.next().and_then(|c| {
                let at = current.children.binary_search_by_key(&c, |&(c, _)| c).ok()?;
                Some(&self.trie[current.children[at].1 as usize])
            });
            node = next;
            pending = next.and_then(|n| n.word);
            next?;
        })
    }

    /// The longest word that `text` ends with.
    pub fn suffix_of(&self, text: &str) -> Option<&str> {
        // Each suffix of `text` no longer than the longest word, longest first: a few
        // hash lookups instead of a test of every word.
        let longest = self.by_length.first().map_or(0, String::len);
        let mut from = text.len().saturating_sub(longest);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        text[from..]
            .char_indices()
            .find_map(|(i, _)| self.set.get(&text[from + i..]))
            .map(String::as_str)
    }

    /// The first occurrence of any word in `text` (the longest where several start there):
    /// its byte offset and the word.
    pub fn find_in<'a>(&'a self, text: &str) -> Option<(usize, &'a str)> {
        text.char_indices()
            .filter(|&(_, c)| self.may_start_with(c))
            .find_map(|(i, _)| self.prefixes_of(&text[i..]).last().map(|w| (i, w)))
    }

    /// Every non-overlapping occurrence, left to right.
    pub fn find_all<'a>(&'a self, text: &str) -> Vec<(usize, &'a str)> {
        let mut found = Vec::new();
        let mut next = 0;
        for (i, c) in text.char_indices() {
            if i < next || !self.may_start_with(c) {
                continue;
            }
            if let Some(w) = self.prefixes_of(&text[i..]).last() {
                found.push((i, w));
                next = i + w.len();
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
    pub process_close: Words,
    pub purpose_noun: Words,
    pub product_word: Words,
    pub product_tail: Words,
    pub not_a_product: Words,
    pub not_in_product: Words,
    pub not_product_start: Words,
    pub product_alias: Words,
    pub clause_opening: Words,
    pub product_label: Words,
    pub field_key: Words,
    pub provision_verb: Words,
    pub operator_lead: Words,
    pub operator_label: Words,
    pub not_operator_start: Words,
    pub not_in_operator: Words,
    pub permission_umbrella: Words,
    pub subject_modal: Words,
    pub verb_link: Words,
    pub anaphor: Words,
    pub brand_commitment: Words,
    pub consent_by_use: Words,
    pub use_tail: Words,
    pub not_name_end: Words,
    pub inability: Words,
    pub operator_recipient: Words,
    pub inclusion_adverb: Words,
    /// `也包括`: the enumeration goes on with the general term enumerated before.
    pub inclusion_continuation: Words,
    pub bracket_note: Words,
    pub definition: Words,
    pub platform_scope: Words,
    pub field_company: Words,
    pub field_other: Words,
    /// A table column of the permissions a party calls (see cues.ttl).
    pub field_permission: Words,
    pub not_in_party: Words,
    pub clause_end: Words,
    pub heading_lead: Words,
    /// Words that open no feature name (see cues.ttl).
    pub feature_determiner: Words,
    /// Whole candidate features that are generic words (see cues.ttl).
    pub generic_feature: Words,
    /// Conditions on the user's action, the practice after them (see cues.ttl).
    pub condition_open: Words,
    pub main_clause_open: Words,
    pub feature_verb_lead: Words,
    pub role_lead: Words,
    pub not_an_action: Words,
    pub condition_veto: Words,
    pub condition_time: Words,
    /// Words of a heading on cookies and similar technology (see cues.ttl).
    pub tracking_section: Words,
    pub store: Words,
    pub operator_place: Words,
    pub basis: Words,
    pub attribute_noun: Words,
    /// Parties named only as "a third party" (第三方), folded: a bracket naming the
    /// parties says who they are.
    pub placeholder_party: Words,
    /// Endings of a plain noun that names a party where a party's bracket lists it.
    pub party_member_ending: Words,
    pub sensitive_category: Words,
    /// Practice verbs that, listed among data, name a logged activity (see cues.ttl).
    pub activity_noun: Words,
    /// Words that make an open data item processed data (see cues.ttl).
    pub processed_state: Words,
    /// Prepositions that open a clause, never a list piece (see cues.ttl).
    pub piece_preposition: Words,
    /// Verbs of placing an identifier on the device (see cues.ttl).
    pub place: Words,
    /// Word lists of the list and clause rules of `relations.rs` (see cues.ttl).
    pub shared_head_coordinator: Words,
    pub broad_head: Words,
    pub record_head: Words,
    pub to_user: Words,
    pub device_party: Words,
    pub offer_word: Words,
    pub owner_noun: Words,
    pub clause_predicate: Words,
    pub user_request: Words,
    pub other_user: Words,
    pub part_heading_word: Words,
    pub not_a_head_ending: Words,
    pub other_prefix: Words,
    pub inclusive_close: Words,
    /// Opens a condition of no consent (see cues.ttl).
    pub without_consent: Words,
    /// Words that hold a negation but deny nothing (see cues.ttl).
    pub negation_lookalike: Words,
    /// After a negation, a phrase (`向…`, `从…`) the negation reaches past (see cues.ttl).
    pub negation_reach: Words,
    /// `X：它将会获取…`: the entry's subject is the labelled party (see cues.ttl).
    pub agent_pronoun: Words,
    /// `与我们联合向您提供服务`: a clause that makes its parties partners (see cues.ttl).
    pub partnering: Words,
    /// Advice to the user: what follows is theirs to do (see cues.ttl).
    pub advice: Words,
    /// `按X的要求`: a party's request, whose party receives what is disclosed (see cues.ttl).
    pub request_by: Words,
    pub request_noun: Words,
    pub collection_section: Words,
    pub condition_opener: Words,
    pub condition_conjunction: Words,
    pub refusal_opener: Words,
    pub qualified_party_head: Words,
    pub rule_noun: Words,
    /// A change of the policy or the product (see cues.ttl).
    pub policy_change: Words,
    /// A header cell naming the company column, matched whole (see cues.ttl).
    pub field_company_cell: Words,
    pub placed_identifier: Words,
    pub instrument: Words,
}

impl Cues {
    /// The verbs of a data practice: collecting, sharing and the user's providing.
    pub fn practice_verbs(&self) -> [&Words; 3] {
        [&self.collect, &self.share, &self.provide]
    }
}

/// Concepts indexed by their folded surface forms, plus the cue words.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub concepts: Vec<Concept>,
    by_surface: FxHashMap<String, ConceptId>,
    /// The folded labels as a trie, for matching runs of tokens in one walk.
    labels: Words,
    by_iri: FxHashMap<String, ConceptId>,
    /// Every label as written, for the segmenter's user dictionary.
    pub surfaces: Vec<String>,
    pub cues: Cues,
    /// The companies behind lexicon third parties (`pk:companyName`), folded: an SDK's
    /// provider named in a table is not the policy's operator.
    pub third_party_companies: FxHashSet<String>,
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

        let third_party_companies: FxHashSet<String> = company_names.iter().map(|n| fold(n)).collect();
        let mut cue_words: HashMap<String, Vec<String>> = HashMap::new();
        let mut concepts = Vec::new();
        let mut by_surface = FxHashMap::default();
        let mut by_iri = FxHashMap::default();
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
            process_close: cue("process-close", false),
            purpose_noun: cue("purpose-noun", false),
            product_word: cue("product-word", false),
            product_tail: cue("product-tail", false),
            not_a_product: cue("not-a-product", true),
            not_in_product: cue("not-in-product", true),
            not_product_start: cue("not-product-start", true),
            product_alias: cue("product-alias", false),
            clause_opening: cue("clause-opening", false),
            product_label: cue("product-label", false),
            field_key: cue("field-key", false),
            provision_verb: cue("provision-verb", false),
            operator_lead: cue("operator-lead", false),
            operator_label: cue("operator-label", false),
            not_operator_start: cue("not-operator-start", true),
            not_in_operator: cue("not-in-operator", true),
            permission_umbrella: cue("permission-umbrella", true),
            subject_modal: cue("subject-modal", false),
            verb_link: cue("verb-link", false),
            anaphor: cue("anaphor", false),
            brand_commitment: cue("brand-commitment", false),
            consent_by_use: cue("consent-by-use", false),
            use_tail: cue("use-tail", false),
            not_name_end: cue("not-name-end", false),
            inability: cue("inability", false),
            operator_recipient: cue("operator-recipient", false),
            inclusion_adverb: cue("inclusion-adverb", false),
            inclusion_continuation: cue("inclusion-continuation", false),
            bracket_note: cue("bracket-note", false),
            definition: cue("definition", false),
            platform_scope: cue("platform-scope", false),
            field_company: cue("field-company", false),
            field_other: cue("field-other", false),
            field_permission: cue("field-permission", false),
            not_in_party: cue("not-in-party", false),
            clause_end: cue("clause-end", false),
            heading_lead: cue("heading-lead", false),
            tracking_section: cue("tracking-section", false),
            condition_open: cue("condition-open", false),
            main_clause_open: cue("main-clause-open", false),
            feature_verb_lead: cue("feature-verb-lead", false),
            role_lead: cue("role-lead", false),
            not_an_action: cue("not-an-action", false),
            condition_veto: cue("condition-veto", false),
            condition_time: cue("condition-time", false),
            feature_determiner: cue("feature-determiner", false),
            generic_feature: cue("generic-feature", false),
            store: cue("store", false),
            operator_place: cue("operator-place", false),
            basis: cue("basis", false),
            attribute_noun: cue("attribute-noun", false),
            placeholder_party: cue("placeholder-party", true),
            party_member_ending: cue("party-member-ending", true),
            sensitive_category: cue("sensitive-category", false),
            activity_noun: cue("activity-noun", false),
            processed_state: cue("processed-state", false),
            piece_preposition: cue("piece-preposition", false),
            place: cue("place", false),
            shared_head_coordinator: cue("shared-head-coordinator", false),
            broad_head: cue("broad-head", false),
            record_head: cue("record-head", false),
            to_user: cue("to-user", false),
            device_party: cue("device-party", false),
            offer_word: cue("offer-word", false),
            owner_noun: cue("owner-noun", false),
            clause_predicate: cue("clause-predicate", false),
            user_request: cue("user-request", false),
            other_user: cue("other-user", false),
            part_heading_word: cue("part-heading-word", false),
            not_a_head_ending: cue("not-a-head-ending", true),
            other_prefix: cue("other-prefix", true),
            inclusive_close: cue("inclusive-close", false),
            without_consent: cue("without-consent", false),
            negation_lookalike: cue("negation-lookalike", false),
            negation_reach: cue("negation-reach", false),
            agent_pronoun: cue("agent-pronoun", false),
            partnering: cue("partnering", false),
            advice: cue("advice", false),
            request_by: cue("request-by", false),
            request_noun: cue("request-noun", false),
            collection_section: cue("collection-section", false),
            condition_opener: cue("condition-opener", false),
            condition_conjunction: cue("condition-conjunction", false),
            refusal_opener: cue("refusal-opener", false),
            qualified_party_head: cue("qualified-party-head", false),
            rule_noun: cue("rule-noun", false),
            policy_change: cue("policy-change", false),
            field_company_cell: cue("field-company-cell", false),
            placed_identifier: cue("placed-identifier", true),
            instrument: cue("instrument", false),
        };
        let labels = Words::new(by_surface.keys().cloned());
        Ok(Self {
            concepts,
            by_surface,
            labels,
            by_iri,
            surfaces,
            cues,
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

    /// Every folded label that the folded text `folded` starts with, shortest first,
    /// with its concept.
    pub fn labels_starting<'a, 't>(
        &'a self,
        folded: &'t str,
    ) -> impl Iterator<Item = (&'a str, ConceptId)> + use<'a, 't> {
        self.labels
            .prefixes_of(folded)
            .map(|label| (label, self.by_surface[label]))
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

    /// The longest umbrella word that ends `folded` (`变更个人信息` → `个人信息`).
    pub fn generic_suffix<'t>(&self, folded: &'t str) -> Option<&'t str> {
        self.cues
            .generic
            .suffix_of(folded)
            .map(|word| &folded[folded.len() - word.len()..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_punctuation_folds_as_nfkc_folds_it_whatever_else_the_text_holds() {
        // The fast path (ASCII and CJK only) and NFKC (here for the full-width Ａ) agree.
        assert_eq!(
            fold("支付宝（中国）网络技术有限公司"),
            fold("支付宝(中国)网络技术有限公司")
        );
        assert_eq!(fold("Ａ（中国）"), "a(中国)");
        assert_eq!(fold("A（中国）"), "a(中国)");
    }

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

    #[test]
    fn words_trie_matches_every_prefix_across_planes() {
        let words = Words::new(
            ["设备", "设备信息", "设备信息表", "𠀀字", "a", "ab"]
                .into_iter()
                .map(String::from),
        );
        let all: Vec<&str> = words.prefixes_of("设备信息表格").collect();
        assert_eq!(all, ["设备", "设备信息", "设备信息表"]);
        assert_eq!(words.prefix_of("设备信"), Some("设备"));
        assert_eq!(words.prefix_of("备信息"), None);
        assert_eq!(words.prefix_of("𠀀字典"), Some("𠀀字"), "beyond the BMP");
        assert_eq!(words.prefix_of("abc"), Some("ab"));
        assert_eq!(words.find_in("我的设备信息"), Some((6, "设备信息")));
        assert_eq!(words.suffix_of("查看设备信息"), Some("设备信息"));
        assert_eq!(Words::default().prefix_of("设备"), None);
        assert_eq!(Words::default().find_all("设备"), vec![]);
    }
}
