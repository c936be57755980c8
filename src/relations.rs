//! Relations stage: sentences with their mentions → data practices.
//!
//! The rules read a sentence the way an analyst does:
//! - a *verb* (收集, 获取, 需要您提供, 共享…) opens an *object*: the text after it up to
//!   the end of its clause, a purpose marker (用于…) or the next verb;
//! - the object is a coordinated list (`A、B和C`), each member possibly carrying a
//!   bracketed enumeration (`唯一设备识别码（Android ID、IMEI）`) or closing with `等C`;
//!   members are resolved against the lexicon or accepted as open-vocabulary terms by
//!   their head noun (…信息, …记录, …SDK);
//! - the *subject* before the verb decides who acts: the operator (我们), the user
//!   (您可以访问… states no practice), or a third party (此SDK将收集… is sharing);
//! - a negation before the verb (不会收集) makes the practice negated, never collection;
//! - features come from a frame (`当您使用X功能时`), an inline `X功能`, the label that opens
//!   the line, or the heading of the section; permissions from mentions in the sentence
//!   or the line's label (`基于麦克风权限的相关功能：`).
//!
//! All vocabulary comes from the lexicon and the cue words (`ontology/cues.ttl`).

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::lexicon::{fold, ConceptId, Kind, Lexicon};
use crate::mentions::{find_mentions, segment_sentences, sentence_mentions, Mention, Segmenter};
use crate::structure::{Document, Sentence};

/// What a term refers to: a lexicon concept, or an open-vocabulary node of its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Concept(ConceptId),
    /// Not in the lexicon: kind and canonical label (white space collapsed, NFKC).
    Open(Kind, String),
}

/// A term as found in the text: what it refers to and how it was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    pub entity: Entity,
    pub surface: String,
}

impl Term {
    pub fn kind(&self, lexicon: &Lexicon) -> Kind {
        match &self.entity {
            Entity::Concept(id) => lexicon.concept(*id).kind,
            Entity::Open(kind, _) => *kind,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PracticeKind {
    Collection,
    Sharing,
}

/// One stated practice: who obtains which data, in which feature, through which
/// permission, passed to whom. One sentence may state several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practice {
    pub kind: PracticeKind,
    pub negated: bool,
    pub features: Vec<String>,
    pub permission: Option<Term>,
    pub data: Vec<Term>,
    pub recipients: Vec<Term>,
    pub purpose: Option<String>,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
}

impl Practice {
    /// The features use a permission, with no data named: `需要获取您的麦克风权限`.
    fn permission_only(
        permission: Term,
        features: &[String],
        purpose: &Option<String>,
        sentence: usize,
    ) -> Self {
        Practice {
            kind: PracticeKind::Collection,
            negated: false,
            features: features.to_vec(),
            permission: Some(permission),
            data: Vec::new(),
            recipients: Vec::new(),
            purpose: purpose.clone(),
            sentence,
        }
    }

    /// Data passed to recipients, as an SDK table or field record states it: no feature,
    /// permission or purpose.
    fn record_sharing(recipients: Vec<Term>, data: Vec<Term>, sentence: usize) -> Self {
        Practice {
            kind: PracticeKind::Sharing,
            negated: false,
            features: Vec::new(),
            permission: None,
            data,
            recipients,
            purpose: None,
            sentence,
        }
    }
}

/// `general` includes `specific`: `唯一设备识别码（IMEI）`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inclusion {
    pub general: Term,
    pub specific: Term,
    pub sentence: usize,
}

/// Everything extracted from one policy.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub products: Vec<String>,
    pub operators: Vec<String>,
    pub practices: Vec<Practice>,
    pub inclusions: Vec<Inclusion>,
}

/// Segments the document, finds its mentions and runs the relation rules over them.
pub fn extract(doc: &Document, lexicon: &Lexicon, segmenter: &Segmenter) -> Extraction {
    let tokens = segment_sentences(doc, segmenter);
    let mentions = sentence_mentions(doc, lexicon, &tokens);
    extract_annotated(doc, &tokens, mentions, lexicon, segmenter)
}

/// Runs the relation rules over a document whose sentences are already segmented
/// (`tokens[i]` for sentence `i`) and annotated with their mentions.
pub fn extract_annotated(
    doc: &Document,
    tokens: &[Vec<Range<usize>>],
    mentions: Vec<Vec<Mention>>,
    lexicon: &Lexicon,
    segmenter: &Segmenter,
) -> Extraction {
    let products = find_products(doc, lexicon, segmenter);
    let operators = find_operators(doc, lexicon, segmenter);
    let mut reader = Reader {
        lexicon,
        products: &products,
        folded_products: products.iter().map(|p| fold(p)).collect(),
        out: Extraction::default(),
        pending: None,
        previous: None,
        previous_unnamed: None,
        previous_features: Vec::new(),
        previous_data: Vec::new(),
        table_party: Vec::new(),
        table_section: None,
        pending_field: None,
        party_line_index: None,
        split_record_lines: 0,
        line_parties: (usize::MAX, Vec::new()),
        label_head: None,
        previous_line_parties: Vec::new(),
        last_named: Vec::new(),
        line_opener: (usize::MAX, Vec::new()),
        named_before: Vec::new(),
        aliases: HashMap::new(),
        segmenter,
        table: None,
        table_consumed_to: 0,
    };
    for (index, ((sentence, tokens), mentions)) in doc.sentences.iter().zip(tokens).zip(mentions).enumerate()
    {
        let text = without_unclosed_brackets(doc.sentence_text(sentence));
        let view = View::new(&text, tokens, mentions);
        reader.read(doc, index, sentence, &view);
    }
    let mut out = reader.out;
    out.products = products;
    out.operators = operators;
    dedup_inclusions(&mut out.inclusions);
    separate_unguarded_data(&mut out.practices, lexicon);
    drop_clause_terms(&mut out, lexicon, segmenter);
    out
}

/// `变更个人信息`, `保护个人信息`: an open term that is a verb acting on an umbrella word
/// is a clause about the data (`收集新的个人信息或变更个人信息使用目的`), not an item,
/// whichever list reading made it. Not a bare 信息 or 数据 (`浏览信息` is a record), nor
/// 相关信息 (`配送相关信息` is what delivery needs).
fn is_clause_term(lexicon: &Lexicon, segmenter: &Segmenter, term: &Term) -> bool {
    let Entity::Open(Kind::DataItem, label) = &term.entity else {
        return false;
    };
    let folded = fold(label);
    let Some(umbrella) = lexicon
        .generic_suffix(&folded)
        .filter(|umbrella| umbrella.chars().count() >= 4 && !umbrella.starts_with("相关"))
    else {
        return false;
    };
    let stem = &folded[..folded.len() - umbrella.len()];
    !stem.is_empty()
        && segmenter
            .first_word(stem)
            .is_some_and(|(word, tag)| word.len() == stem.len() && tag == "v")
}

/// Removes clause terms (see [`is_clause_term`]) from practices and inclusions; a
/// practice that named only such terms, and no permission, states nothing.
fn drop_clause_terms(out: &mut Extraction, lexicon: &Lexicon, segmenter: &Segmenter) {
    let clause = |t: &Term| is_clause_term(lexicon, segmenter, t);
    out.practices.retain_mut(|p| {
        let had_data = !p.data.is_empty();
        p.data.retain(|t| !clause(t));
        !had_data || !p.data.is_empty() || p.permission.is_some()
    });
    out.inclusions
        .retain(|i| !clause(&i.general) && !clause(&i.specific));
}

#[cfg(test)]
mod guard_tests {
    use super::*;

    fn practice(lexicon: &Lexicon, permission: &str, data: &[&str]) -> Practice {
        let term = |label: &str| Term {
            entity: Entity::Concept(
                lexicon
                    .lookup_folded(&fold(label))
                    .unwrap_or_else(|| panic!("{label}")),
            ),
            surface: label.to_owned(),
        };
        Practice {
            data: data.iter().map(|d| term(d)).collect(),
            ..Practice::permission_only(term(permission), &["合唱".to_owned()], &None, 0)
        }
    }

    #[test]
    fn a_permission_keeps_only_the_data_it_can_unlock() {
        let lexicon = Lexicon::embedded().unwrap();
        let labels = |terms: &[Term]| terms.iter().map(|t| t.surface.clone()).collect::<Vec<_>>();
        let mut practices = vec![practice(
            &lexicon,
            "麦克风权限",
            &["语音信息", "精确地理位置信息", "昵称"],
        )];
        separate_unguarded_data(&mut practices, &lexicon);
        assert_eq!(practices.len(), 2);
        // The microphone keeps the voice, and 昵称, which no permission guards.
        assert_eq!(labels(&practices[0].data), ["语音信息", "昵称"]);
        assert_eq!(labels(&practices[1].data), ["精确地理位置信息"]);
        assert!(practices[1].permission.is_none());
        assert_eq!(
            practices[1].features,
            ["合唱"],
            "still collected by the same feature"
        );
        // A narrower permission unlocks what its broader one guards.
        let mut precise = vec![practice(&lexicon, "精确位置权限", &["经纬度"])];
        separate_unguarded_data(&mut precise, &lexicon);
        assert_eq!(precise.len(), 1);
    }
}

/// A practice pairs its permission with every data item of its sentence, but a data item
/// that the lexicon says other permissions guard (`pk:protectedBy`) is not unlocked by
/// this one: in `收集您使用麦克风输入的语音信息以及地理位置信息` the microphone does not
/// give the location. Such items move to a copy of the practice without the permission;
/// they are still collected. Items and permissions the lexicon knows nothing about stay
/// paired: nothing says they are wrong.
fn separate_unguarded_data(practices: &mut Vec<Practice>, lexicon: &Lexicon) {
    let mut split_off = Vec::new();
    for practice in practices.iter_mut() {
        let Some(Entity::Concept(permission)) = practice.permission.as_ref().map(|p| &p.entity) else {
            continue;
        };
        // 精确位置权限 unlocks what 位置权限 guards: a permission counts with its broader.
        let permission = lexicon.concept(*permission);
        let names: Vec<&String> = std::iter::once(&permission.iri)
            .chain(&permission.broader)
            .collect();
        let (unguarded, kept): (Vec<Term>, Vec<Term>) =
            practice.data.drain(..).partition(|d| match d.entity {
                Entity::Concept(id) => {
                    let guards = &lexicon.concept(id).protected_by;
                    !guards.is_empty() && !names.iter().any(|n| guards.contains(n))
                }
                Entity::Open(..) => false,
            });
        practice.data = kept;
        if !unguarded.is_empty() {
            split_off.push(Practice {
                permission: None,
                data: unguarded,
                ..practice.clone()
            });
        }
    }
    practices.extend(split_off);
}

/// A sentence ready for the rules: its text, token boundaries and mentions.
struct View<'a> {
    text: &'a str,
    /// `boundary[b]` is true where a token starts or ends at byte `b`.
    boundary: Vec<bool>,
    mentions: Vec<Mention>,
    /// `resolve_piece` of each piece read so far: list rules read the same pieces again
    /// and again. What a piece resolves to depends on the sentence and, through
    /// `resolve_head`, on the previous sentence's data, which stays put while a sentence
    /// is read, so it is remembered for this view only.
    pieces: RefCell<FxHashMap<(usize, usize), Option<Item>>>,
    /// `paren_depths` of the text, made the first time a rule asks.
    depths: OnceCell<Vec<u32>>,
}

impl<'a> View<'a> {
    fn new(text: &'a str, tokens: &[Range<usize>], mentions: Vec<Mention>) -> Self {
        let mut boundary = vec![false; text.len() + 1];
        for t in tokens {
            boundary[t.start] = true;
            boundary[t.end] = true;
        }
        Self {
            text,
            boundary,
            mentions,
            pieces: RefCell::default(),
            depths: OnceCell::new(),
        }
    }

    /// The round-bracket depth at each byte of the text (see `paren_depths`).
    fn paren_depths(&self) -> &[u32] {
        self.depths.get_or_init(|| paren_depths(self.text))
    }

    fn is_boundary(&self, byte: usize) -> bool {
        self.boundary.get(byte).copied().unwrap_or(false)
    }

    /// Whether a byte range lies strictly inside a lexicon mention (cuts through it).
    fn cuts_mention(&self, range: &Range<usize>) -> bool {
        self.mentions.iter().any(|m| {
            (m.range.start < range.start && range.start < m.range.end)
                || (m.range.start < range.end && range.end < m.range.end)
                || (range.start >= m.range.start && range.end <= m.range.end && m.range != *range)
        })
    }

    fn mentions_in(&self, range: &Range<usize>, kind: Kind) -> impl Iterator<Item = &Mention> {
        let range = range.clone();
        self.mentions
            .iter()
            .filter(move |m| m.kind == kind && m.range.start >= range.start && m.range.end <= range.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbKind {
    Collect,
    Provide,
    Share,
}

#[derive(Debug, Clone)]
struct Verb {
    range: Range<usize>,
    kind: VerbKind,
    /// Followed by 的: the verb modifies the noun after it (`您填写的昵称`).
    modifier: bool,
}

/// A member of an object list, resolved.
#[derive(Debug, Clone)]
struct Item {
    term: Term,
    /// A permission written in the member itself: `麦克风输入的语音信息`.
    permission: Option<Term>,
    /// Bracketed or `等` members: `唯一设备识别码（IMEI、IMSI）`.
    members: Vec<Term>,
}

/// What a list piece joined from several was joined to (see `merge_shared_heads`).
#[derive(Debug, Clone)]
enum Head {
    /// The data term the words before it qualify: `赠送和` + `使用记录`.
    Noun(Range<usize>),
    /// The data term an attribute noun after it belongs to: `频率` + `和情况`.
    Owner(Range<usize>),
}

/// How to read a verbless list: as whose practice, and how sure it must be.
#[derive(Debug, Clone)]
struct ListContext {
    features: Vec<String>,
    purpose: Option<String>,
    /// Third parties that collect the listed data (sharing), or none (the operator).
    parties: Vec<Term>,
    /// Specific data items the list must hold to count.
    min_items: usize,
    /// The list was announced by an earlier sentence: a line may be the bare list.
    continues: bool,
    /// Heading depth where it was announced: a heading this high ends it.
    depth: usize,
}

struct Reader<'a> {
    lexicon: &'a Lexicon,
    /// A list announced by an earlier sentence and not yet ended.
    pending: Option<ListContext>,
    /// The collection of the previous sentence, which a sentence opening with 包括 extends.
    previous: Option<ListContext>,
    /// A collection of the previous sentence whose object named no data item
    /// (`我们会收集您的详细使用情况`), for a next sentence that opens with 包括.
    previous_unnamed: Option<ListContext>,
    /// The features of the previous sentence, for one that refers back (这类信息…).
    previous_features: Vec<String>,
    /// The data items the previous sentence collected, for one that enumerates them.
    previous_data: Vec<Term>,
    products: &'a [String],
    /// The products' names folded, as data items are matched.
    folded_products: Vec<String>,
    out: Extraction,
    /// Party named by the last `SDK名称：X` field, with the section it was named in.
    table_party: Vec<Term>,
    table_section: Option<usize>,
    /// The role of a field whose key stood alone on the line before (`SDK/API名称:`).
    pending_field: Option<Role>,
    /// The sentence whose line was only a party's name (see `read_party_line`).
    party_line_index: Option<usize>,
    /// Lines left to a record of split fields that named its party and has listed no
    /// data yet: a second name in it (`合作伙伴名称:` the company) is no new record.
    split_record_lines: usize,
    /// Parties named earlier on the current line (line start byte, parties), for `此SDK`.
    line_parties: (usize, Vec<Term>),
    /// The data item a recent sentence opened with as its label (`（1）日志信息：…`), with
    /// that sentence's index: a sentence opening with `包括…` soon after enumerates it.
    label_head: Option<(usize, Term)>,
    /// The parties named on the line before, for an anaphor on a line that continues it.
    previous_line_parties: Vec<Term>,
    /// The parties of the last clause that named any, in the last sentence read.
    last_named: Vec<Term>,
    /// The party the current line opens with in a section on third parties.
    line_opener: (usize, Vec<Term>),
    /// The parties the previous sentence of the same line named last, for a recipient
    /// that points back (`上述合作方`, `其`).
    named_before: Vec<Term>,
    /// Names a bracket gave to parties (`第三方支付机构（包括A、B，以下称“支付机构”）`):
    /// the folded alias and the parties it stands for.
    aliases: HashMap<String, Vec<Term>>,
    segmenter: &'a Segmenter,
    /// The SDK table being read, if any, and the byte where its last line ends.
    table: Option<ColumnTable>,
    table_consumed_to: usize,
}

/// The role of a column of an SDK table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Name,
    Company,
    Data,
    /// The permissions the party calls: read for data only where no column is `Data`.
    Permission,
    Other,
}

/// A table's column roles with every name column after the first read as the company:
/// `SDK服务 … 数据接收方名称` names the SDK first, then who runs it.
fn name_first(roles: impl Iterator<Item = Role>) -> Vec<Role> {
    let mut named = false;
    roles
        .map(|role| match role {
            Role::Name if named => Role::Company,
            Role::Name => {
                named = true;
                role
            }
            other => other,
        })
        .collect()
}

/// An SDK table being read: its columns, the field the next line fills (one field per
/// line), and the party of the current row.
#[derive(Debug, Clone)]
struct ColumnTable {
    roles: Vec<Role>,
    one_per_line: bool,
    header_open: bool,
    /// The last field line ended with a list mark (`、`): the next line goes on with it.
    cell_open: bool,
    col: usize,
    parties: Vec<Term>,
    /// The data the current row's party receives, read so far (one field per line): its
    /// company, named in a later field, receives it too.
    row_data: Vec<Term>,
}

/// What a table cell is read for: the data its row's party receives, the permissions
/// the app calls, or both.
#[derive(Debug, Clone, Copy)]
struct CellReading {
    data: bool,
    permissions: bool,
}

impl CellReading {
    /// A field of data alone (`共享个人信息字段:` then its value).
    const DATA: CellReading = CellReading {
        data: true,
        permissions: false,
    };

    /// How a cell of a column of `role` is read: its data where the column lists it,
    /// its permissions there and in a column of permissions.
    fn of(table: &ColumnTable, role: Role) -> Self {
        let data = table.reads_data(role);
        CellReading {
            data,
            permissions: data || role == Role::Permission,
        }
    }
}

impl ColumnTable {
    /// Whether a column of this role lists the data its party receives: the data column,
    /// or, in a table without one, the column of permissions (`获取权限`: `IMEI、MAC地址、
    /// 存储读写权限`), whose data items are all the table says the party gets.
    fn reads_data(&self, role: Role) -> bool {
        role == Role::Data || role == Role::Permission && !self.roles.contains(&Role::Data)
    }
}

/// What a recipient that points back (`其`, `上述合作方`) may stand for: the recipients
/// of the sentence so far, else the parties named before the clause.
struct Antecedents<'t> {
    /// The practices read from the sentence so far.
    practices: &'t [Practice],
    clause_start: usize,
}

/// Sentences after a line that was only a party's name within which a bare line of data
/// items is that party's row.
const PARTY_ROW_SENTENCES: usize = 6;
/// How far before a bare data line (bytes) a mention of SDKs puts it in a list of them.
const SDK_CONTEXT_BYTES: usize = 1500;
/// Lines (keys and values) a record of split fields runs over before its data.
const SPLIT_RECORD_LINES: usize = 12;
/// Byte length of the window before a verb in which a negation cue counts.
const NEGATION_WINDOW: usize = 36;
/// Longest denied term kept with the clause that qualifies it (`写入剪贴板的个人信息`).
const MAX_QUALIFIED_CHARS: usize = 16;
/// How far a negation reaches when a phrase naming whom from or to follows it
/// (`不会主动直接向未满14周岁的未成年人收集`).
const NEGATION_REACH_WINDOW: usize = 90;
/// Open-vocabulary terms longer than this (chars) are phrases, not names.
/// The longest name before 权限 that the lexicon does not know: `读写外置存储信息权限`.
const MAX_PERMISSION_STEM_CHARS: usize = 8;
const MAX_TERM_CHARS: usize = 24;
/// A feature name longer than this (chars) is a clause, not a feature.
const MAX_FEATURE_CHARS: usize = 16;
/// A feature read from a condition on the user's action (`如您申请成为主播，…`) is no
/// longer than this (chars).
const MAX_CONDITION_FEATURE_CHARS: usize = 10;
/// A role noun after a verb taking it on (`成为主播`) is no longer than this (chars).
const MAX_ROLE_CHARS: usize = 3;
/// A process opening a sentence (`在注册过程中`) is named in no more than this (chars).
const MAX_PROCESS_CHARS: usize = 8;

impl Reader<'_> {
    fn read(&mut self, doc: &Document, index: usize, sentence: &Sentence, view: &View) {
        let text = view.text;
        let line_start = sentence.line.start;
        if self.line_parties.0 != line_start {
            let runs_on = !doc.text[..line_start]
                .trim_end()
                .ends_with(['。', '！', '？', '：', ':']);
            let previous = std::mem::replace(&mut self.line_parties, (line_start, Vec::new()));
            let last_named = std::mem::take(&mut self.last_named);
            self.previous_line_parties = match (runs_on, last_named.is_empty()) {
                (false, _) => Vec::new(),
                (true, false) => last_named,
                (true, true) => previous.1,
            };
        }
        let section = sentence.path.last().copied();
        // A record of split fields runs over its keys, which may read as headings; it
        // closes with its data, or after SPLIT_RECORD_LINES lines without.
        self.split_record_lines = self.split_record_lines.saturating_sub(1);
        let in_record = self.pending_field.is_some() || self.split_record_lines > 0;
        // A party's name standing as a heading opens the section of its own row, which
        // may run over a few more short lines (its purpose, then its data).
        let after_party_line = self.in_party_row(index);
        if self.table_section != section && !in_record {
            if !after_party_line {
                self.table_party.clear();
            }
            self.table_section = section;
        }
        // The rest of a table line already read, a field split from its value, or a line
        // of an SDK table.
        if sentence.range.start < self.table_consumed_to
            || self.read_split_field(doc, index, sentence)
            || self.read_table_line(doc, index, sentence)
        {
            return;
        }
        if sentence.is_heading {
            if self
                .pending
                .as_ref()
                .is_some_and(|p| sentence.path.len() <= p.depth)
            {
                self.pending = None;
            }
            // An SDK's name standing as a heading opens its block of fields.
            if self.read_party_line(doc, index, sentence, view) {
                self.party_line_index = Some(index);
            } else if !self.read_party_data_line(doc, sentence, view, index) {
                self.read_data_heading(doc, index, sentence);
            }
            return;
        }
        let (frame_features, frame_span) = self.frame_features(view);
        let features = if !frame_features.is_empty() {
            frame_features
        } else if let Some(mut head_features) =
            Some(self.condition_head_features(view)).filter(|f| !f.is_empty())
        {
            // `当您使用外接设备，我们会收集…，用于设备音效适配、播放控制的功能场景`: the
            // functions the purpose lists are features of the practice too.
            for feature in self.purpose_list_features(view) {
                if !head_features.contains(&feature) {
                    head_features.push(feature);
                }
            }
            head_features
        } else if let Some(purpose_features) = self.purpose_frame_features(view) {
            purpose_features
        } else if let Some(process) = self.process_frame_feature(view) {
            vec![process]
        } else if self.refers_back(text) && !self.previous_features.is_empty() {
            // `这类信息包括…` goes on about the previous sentence, in its feature.
            self.previous_features.clone()
        } else {
            // The functions the sentence names itself (`以实现更换头像、发表评论等功能`)
            // before those of its heading, which are broader.
            let listed = self.purpose_list_features(view);
            if listed.is_empty() {
                self.context_features(doc, sentence, view)
            } else {
                listed
            }
        };
        self.previous_features = features.clone();
        let lead_permission = sentence
            .lead
            .as_deref()
            .and_then(|lead| self.lead_permission(lead));
        let purpose = self.purpose(text);

        // `（1）设备信息` on its own line, then `例如，设备型号、…`: the list line
        // enumerates the heading right above it.
        let heading_above = sentence
            .path
            .last()
            .map(|&h| &doc.headings[h])
            .filter(|h| {
                h.range.end <= sentence.line.start
                    && doc.text[h.range.end..sentence.line.start].trim().is_empty()
            })
            .map(|h| h.title.as_str())
            // A heading is more often a phrase (`您在注册帐户时填写的信息`) than a term;
            // only one the lexicon knows heads the list.
            .filter(|title| self.lexicon.lookup_folded(&fold(title)).is_some());
        self.read_inclusions(view, sentence.lead.as_deref().or(heading_above), index);
        // Read by the next sentence of this line, or at the next line only if this one
        // runs on into it (see above).
        let line_runs_on = !doc.text[..sentence.line.end]
            .trim_end()
            .ends_with(['。', '！', '？', '：', ':']);
        let line_goes_on = !doc.text[sentence.range.end..sentence.line.end].trim().is_empty();
        let last_named = if line_runs_on || line_goes_on {
            self.last_named_parties(view)
        } else {
            Vec::new()
        };
        // A new line has already moved the last named parties away: only those of the
        // line's previous sentence remain.
        self.named_before = std::mem::replace(&mut self.last_named, last_named);
        if self.read_party_line(doc, index, sentence, view) {
            self.party_line_index = Some(index);
            return;
        }
        if self.read_fields(doc, sentence, view, index)
            || self.read_party_data_line(doc, sentence, view, index)
        {
            return;
        }
        if self.in_rights_section(doc, sentence) || self.defines_generic_term(text) {
            return;
        }
        self.remember_field_parties(view);
        // `Zxing SDK，当您使用扫码登录时，用于…` / `极光推送SDK：收集…` in a section on third
        // parties: the party the line opens with is a recipient, and the agent of the
        // line's subjectless collection.
        let opener = self.line_opening_party(doc, sentence, view);
        if !opener.is_empty() {
            self.remember_parties(&opener);
            self.line_opener = (line_start, opener.clone());
            self.out.practices.push(Practice {
                kind: PracticeKind::Sharing,
                negated: false,
                features: Vec::new(),
                permission: None,
                data: Vec::new(),
                recipients: opener,
                purpose: None,
                sentence: index,
            });
        }

        // `个人信息是指以电子方式记录的…各种信息`: a definition of a general term states
        // no practice, whatever verbs its prose holds.
        let verbs = if self.defines_general_term(text) {
            Vec::new()
        } else {
            self.verbs(view, &frame_span)
        };
        let mut announced: Option<ListContext> = None;
        let mut unnamed_collection: Option<ListContext> = None;
        let mut consumed_until = 0;
        let mut sentence_practices: Vec<Practice> = Vec::new();
        for (vi, verb) in verbs.iter().enumerate() {
            if verb.range.start < consumed_until {
                continue;
            }
            let clause = clause_of(text, verb.range.start);
            // A verb coordinated with an earlier one of its clause (`X需要获取A并收集B`)
            // shares its subject: the words before the first verb.
            let subject_end = chained_subject_end(self.lexicon, text, &verbs[..vi], &clause, verb);
            let subject = &text[clause.start..subject_end];
            // `高德地图需要您打开…并收集A`: the party opening the clause collects.
            let leading = if verb.kind == VerbKind::Collect {
                self.leading_parties(view, &clause)
            } else {
                Vec::new()
            };
            // `如您不提供A`: the refusal cue may hold the verb itself. An instruction to
            // the user (`您可以打开…`) states no practice, unless a party collects.
            if self.is_conditional(subject)
                || self.is_conditional(&text[clause.start..verb.range.end])
                || self.is_hypothetical(subject)
                || (leading.is_empty() && self.instructs(text, &clause))
                || self.is_hedged(subject)
                || self
                    .lexicon
                    .cues
                    .advice
                    .find_in(&text[..verb.range.start])
                    .is_some()
            {
                continue;
            }
            // The negation of a denied 将/把 phrase stands far from its verb (`不会将您写入
            // 剪贴板的个人信息回传`); sharing keeps its near window (its recipients count).
            let negated = self.is_negated(view, 0, clause.start, verb.range.start)
                || verb.kind != VerbKind::Share && self.denied_disposal(text, &verb.range);
            // `如您不使用音乐云盘服务，我们将不会收集…`: the consequence of the user's choice,
            // no denial of what the product does.
            if negated && clause.start > 0 {
                let first = clause_of(text, 0);
                let condition = &text[first.clone()];
                if first.end <= clause.start
                    && self.is_conditional_opening(condition)
                    && (self.lexicon.cues.negation.find_in(condition).is_some()
                        || self.is_conditional(condition))
                {
                    continue;
                }
            }
            // Modifier verbs (`输入的`) do not end the object of the verb before them.
            let later: Vec<usize> = verbs[vi + 1..]
                .iter()
                .filter(|v| !v.modifier)
                .map(|v| v.range.start)
                .collect();
            let object = self.object_span(view, verb, &clause, &later);
            consumed_until = object.end;

            // `向身份认证机构提供您的身份信息`: what is provided to a party is shared with it.
            let back = Antecedents {
                practices: &sentence_practices,
                clause_start: clause.start,
            };
            let (mut provided_to, marker) = match verb.kind {
                VerbKind::Provide => self.provided_to(view, &clause, verb, &back),
                _ => (Vec::new(), verb.range.start),
            };
            // `应监护人的要求提供您的信息`, not `根据监管部门的要求，提供查询服务`: only data.
            if verb.kind == VerbKind::Provide
                && provided_to.is_empty()
                && view.mentions_in(&object, Kind::DataItem).next().is_some()
            {
                provided_to = self.requesting_parties(view, verb);
            }
            let kind = if provided_to.is_empty() {
                verb.kind
            } else {
                VerbKind::Share
            };
            match kind {
                VerbKind::Share => {
                    let (mut recipients, data_span, marker) = if provided_to.is_empty() {
                        self.share_parts(view, &clause, verb, &object, &back)
                    } else {
                        (provided_to, Some(object.clone()), marker)
                    };
                    if recipients.is_empty() {
                        recipients = self.requesting_parties(view, verb);
                    }
                    // `不违规向与服务无关的第三方提供`, `是否需要向第三方提供`: the negation or
                    // the hedge stands before the recipient, which may be long.
                    if self.is_hedged(&text[clause.start..marker]) {
                        continue;
                    }
                    let negated = negated || self.negated_before(view, clause.start, marker);
                    let items = data_span.map(|s| self.parse_list(view, s)).unwrap_or_default();
                    let mut data = self.data_terms(&items, index, negated);
                    // `我们会收集您的A、B，并在去标识化处理后提供给前述合作伙伴`: a clause
                    // that goes on from a collection (并…) and names no data of its own
                    // passes on what the sentence collected.
                    let goes_on = self
                        .lexicon
                        .cues
                        .verb_link
                        .prefix_of(text[clause.start..marker].trim_start())
                        .is_some();
                    // A recipient that points back (前述合作伙伴) may stand for parties
                    // other than those the sentence shares with: only one named here.
                    let before_verb = &text[marker.min(verb.range.start)..verb.range.start];
                    let before_verb = self
                        .lexicon
                        .cues
                        .share_prefix
                        .prefix_of(before_verb)
                        .map_or(before_verb, |w| &before_verb[w.len()..]);
                    let named_here = [before_verb, &text[object.clone()]]
                        .iter()
                        .all(|phrase| !is_anaphor(self.lexicon, self.after_plain_determiners(phrase)));
                    // `当A、B或C与我们联合向您提供服务时，…收集您的X，并…提供给前述合作伙伴`:
                    // the recipient pointing back stands for the parties of the nearest
                    // clause before that names any, and they receive what was collected.
                    let pointed = if data.is_empty() && !negated && goes_on && !named_here {
                        self.nearest_clause_parties(view, clause.start)
                    } else {
                        Vec::new()
                    };
                    let resolved = !pointed.is_empty();
                    if resolved {
                        recipients = pointed;
                    }
                    if data.is_empty() && !negated && goes_on && (named_here || resolved) {
                        for p in sentence_practices
                            .iter()
                            .filter(|p| p.kind == PracticeKind::Collection && !p.negated)
                        {
                            for d in &p.data {
                                if !data.contains(d) {
                                    data.push(d.clone());
                                }
                            }
                        }
                    }
                    // Sharing names whom: without a recipient the verb was no sharing
                    // (or the recipient is beyond what the rules read).
                    // Denied to no one named, only an umbrella word (`不会将您的个人信息
                    // 转让给任何公司`) says nothing of any data item.
                    if recipients.is_empty() && (!negated || data.iter().all(|d| self.is_generic(d))) {
                        continue;
                    }
                    self.remember_parties(&recipients);
                    // `向合作方提供以下信息：` announces the list that follows, for them.
                    if !negated && data.iter().all(|d| self.is_generic(d)) && points_ahead(text, &object) {
                        announced = Some(ListContext {
                            features: features.clone(),
                            purpose: purpose.clone(),
                            parties: recipients.clone(),
                            min_items: 1,
                            continues: true,
                            depth: sentence.path.len(),
                        });
                    }
                    sentence_practices.push(Practice {
                        kind: PracticeKind::Sharing,
                        negated,
                        features: features.clone(),
                        permission: None,
                        data,
                        recipients,
                        purpose: purpose.clone(),
                        sentence: index,
                    });
                }
                VerbKind::Collect | VerbKind::Provide => {
                    // `不会将您写入剪贴板的个人信息回传`: with 将您/把您 the user's data is the
                    // object; the agent stands before it.
                    let agent = ["将您", "把您", "将你", "把你"]
                        .iter()
                        .filter_map(|w| subject.find(w))
                        .min()
                        .map_or(subject, |at| &subject[..at]);
                    let user_acts = user_is_agent(self.lexicon, agent);
                    // The user handing data over is collection; the user looking at or
                    // managing it (您可以访问) is not, nor is the operator providing a
                    // service (我们为您提供).
                    let leading = leading.clone();
                    let acts = match verb.kind {
                        VerbKind::Provide => user_acts || requests_user(self.lexicon, subject),
                        _ => !user_acts || !leading.is_empty(),
                    };
                    // `您在使用服务时提供的联系方式`: what the user does reads no object, so a
                    // verb after it is still read.
                    if !acts {
                        consumed_until = verb.range.end;
                        continue;
                    }
                    let mut parties = self.acting_parties(view, sentence, &clause, subject_end);
                    if parties.is_empty() {
                        parties = leading;
                    }
                    // `高德地图：它将会获取…`: 它 is the line's opening party.
                    let bare_subject = {
                        let s = strip_modals(self.lexicon, subject);
                        s.is_empty() || self.lexicon.cues.agent_pronoun.contains(s)
                    };
                    if parties.is_empty() && bare_subject && self.line_opener.0 == line_start {
                        parties = self.line_opener.1.clone();
                    }
                    let object =
                        relative_clause_end(view, &object).map_or(object.clone(), |end| end..object.end);
                    let mut items = self.parse_list(view, object.clone());
                    let mut items_span = object.clone();
                    // `不会将您写入剪贴板的个人信息回传`: denied, the data stands between
                    // 将/把 and the verb.
                    if negated && !items.iter().any(|i| i.term.kind(self.lexicon) == Kind::DataItem) {
                        if let Some(at) = subject.rfind(['将', '把']) {
                            let start = clause.start + at + '将'.len_utf8();
                            if start < verb.range.start {
                                items_span = start..verb.range.start;
                                items = self.parse_list(view, items_span.clone());
                            }
                        }
                    }
                    // `不会收集…您主动输入的隐私信息`: what is denied is that data only; a
                    // general term keeps what qualifies it.
                    if negated {
                        for item in &mut items {
                            if let Some(qualified) = self.qualified_general(view, &items_span, &item.term) {
                                item.term = qualified;
                            }
                        }
                    }
                    // `可能会让您填写支付账号信息，但我们不会留存和使用该信息`: a denial that
                    // points back denies the data items named before it in the sentence,
                    // those the sentence does not also collect.
                    // Only the operator's own verbs: `如您不提供此类信息` is the user's refusal.
                    if negated
                        && verb.kind == VerbKind::Collect
                        && !user_acts
                        && !items
                            .iter()
                            .any(|i| i.term.kind(self.lexicon) == Kind::DataItem && !self.is_generic(&i.term))
                        && is_anaphor(self.lexicon, &text[object.clone()])
                    {
                        let kept = self
                            .lexicon
                            .cues
                            .store
                            .find_in(&text[clause.start..verb.range.end])
                            .is_some();
                        let named = self.denied_by_pointer(view, clause.start, &sentence_practices, kept);
                        if !named.is_empty() {
                            items = named;
                        }
                    }
                    // `提供以下额外信息，将有助于…：包括您的昵称、简介`: the list a pointer
                    // announces follows a colon later in the sentence.
                    if let Some(list) = self.pointed_list(view, &object).filter(|_| !negated) {
                        // Spelled out only: the list's data carry the practice's features
                        // on faith, which a heading often gives wrong (注册及登录 for 注册).
                        let listed = self.parse_list(view, list);
                        let pointer = items
                            .iter()
                            .filter(|i| {
                                i.term.kind(self.lexicon) == Kind::DataItem && !self.is_generic(&i.term)
                            })
                            .map(|i| i.term.clone())
                            .collect::<Vec<_>>();
                        if let [general] = &pointer[..] {
                            for member in listed
                                .into_iter()
                                .flat_map(|i| std::iter::once(i.term).chain(i.members))
                            {
                                if member.kind(self.lexicon) == Kind::DataItem
                                    && !self.is_generic(&member)
                                    && member.entity != general.entity
                                {
                                    self.out.inclusions.push(Inclusion {
                                        general: general.clone(),
                                        specific: member,
                                        sentence: index,
                                    });
                                }
                            }
                        }
                    }
                    let specific = items
                        .iter()
                        .any(|i| i.term.kind(self.lexicon) == Kind::DataItem && !self.is_generic(&i.term));
                    // `我们会自动收集您的详细使用情况。包括您的登录账号…`: a collection whose
                    // object names no data item may be spelled out by the next sentence.
                    if !specific && !negated && verb.kind == VerbKind::Collect {
                        unnamed_collection = Some(ListContext {
                            features: features.clone(),
                            purpose: purpose.clone(),
                            parties: parties.clone(),
                            min_items: 1,
                            continues: true,
                            depth: sentence.path.len(),
                        });
                    }
                    if !specific && !negated && points_ahead(text, &object) {
                        announced = Some(ListContext {
                            features: features.clone(),
                            purpose: purpose.clone(),
                            parties: parties.clone(),
                            min_items: 1,
                            continues: true,
                            depth: sentence.path.len(),
                        });
                    }
                    self.emit_collection(
                        &mut sentence_practices,
                        &items,
                        &features,
                        &parties,
                        negated,
                        &purpose,
                        index,
                    );
                }
            }
        }
        // Objects of no verb the rules above read, then cookies the operator places.
        let implicit: Vec<Vec<Item>> = self
            .implicit_collections(view)
            .into_iter()
            .map(|object| self.parse_list(view, object))
            .collect();
        for items in implicit.into_iter().chain(self.tracking_collections(view)) {
            self.emit_collection(
                &mut sentence_practices,
                &items,
                &features,
                &[],
                false,
                &purpose,
                index,
            );
        }
        self.trailing_enumeration(view, consumed_until, index, &mut sentence_practices);
        self.bracket_denials(view, index, &features, &mut sentence_practices);
        let cues = &self.lexicon.cues;
        let opening = text.trim_start();
        // `包括…`, or `这类信息包括…` right after the sentence that named it.
        let continues_previous = cues.enumeration.prefix_of(opening).is_some()
            || (self.refers_back(opening)
                && cues
                    .enumeration
                    .find_in(opening)
                    .is_some_and(|(at, _)| opening[..at].chars().count() <= 6));
        if sentence_practices.is_empty() && continues_previous && self.pending.is_none() {
            // `…我们会自动收集您的使用情况。包括您的登录账号、IP地址。`
            if let Some(previous) = self.previous.clone() {
                self.read_enumeration(view, &previous, index, &mut sentence_practices);
            } else if let Some(unnamed) = self.previous_unnamed.clone() {
                // What the previous sentence collected without naming it: only a list
                // that opens with 包括 and a data item spells it out.
                let lists_data = ["包括", "包含", "具体包括", "主要包括"]
                    .iter()
                    .find(|w| opening.starts_with(*w))
                    .is_some_and(|w| self.opens_with_data(view, text.len() - opening.len() + w.len()));
                if lists_data {
                    self.read_enumeration(view, &unnamed, index, &mut sentence_practices);
                }
            }
        }
        if sentence_practices.is_empty() {
            if let Some(pending) = self.pending.take() {
                // A list announced by an earlier sentence (`…收集以下信息：`) goes on here,
                // or ends.
                if self.read_enumeration(view, &pending, index, &mut sentence_practices) {
                    self.pending = Some(pending);
                }
            } else if self.in_collection_part(doc, sentence)
                && !sentence.lead.as_deref().is_some_and(|lead| {
                    let key = lead.trim_end_matches(['：', ':']);
                    let cues = &self.lexicon.cues;
                    cues.field_other.contains(key) || cues.field_permission.contains(key)
                })
            {
                // `使用场景：例如您扫描本地歌曲、更换头像…`: a line labelled with what the
                // data serves lists functions, not data, where no verb collects.
                let list = ListContext {
                    features: features.clone(),
                    purpose: purpose.clone(),
                    parties: Vec::new(),
                    min_items: 2,
                    continues: false,
                    depth: sentence.path.len(),
                };
                self.read_enumeration(view, &list, index, &mut sentence_practices);
            }
        } else {
            self.pending = None;
        }
        if let Some(list) = announced {
            self.pending = Some(list);
        }
        // What this sentence collected, for a next sentence that opens with 包括 or
        // enumerates it (这类信息包括…).
        self.previous_data = sentence_practices
            .iter()
            .filter(|p| !p.negated)
            .flat_map(|p| p.data.iter().cloned())
            .collect();
        self.previous_data.dedup();
        self.previous = sentence_practices
            .iter()
            .find(|p| !p.negated && !p.data.is_empty())
            .map(|p| ListContext {
                features: p.features.clone(),
                purpose: p.purpose.clone(),
                parties: p.recipients.clone(),
                min_items: 1,
                continues: true,
                depth: sentence.path.len(),
            });
        self.previous_unnamed = unnamed_collection;

        // Permissions named in the sentence but not yet tied to a practice: the
        // sentence's features require them.
        // A device word listed among data items names data, here and in its bracket
        // (`蓝牙（Bluetooth）`).
        let data_words: Vec<ConceptId> = view
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Permission && listed_among_data(view, m))
            .map(|m| m.concept)
            .collect();
        // `接收并记录（包括在后台运行状态下接收和记录）`: a bracket right after a verb says
        // how or when it acts; a device word there is no permission the practice needs.
        // (Most sentences name no permission: their brackets need no look.)
        let names_permission = view.mentions.iter().any(|m| m.kind == Kind::Permission);
        let verb_notes: Vec<Range<usize>> = if names_permission {
            bracket_spans(text)
                .into_iter()
                .filter(|(open, _)| self.ends_with_verb(&text[..*open]))
                .map(|(_, inner)| inner)
                .collect()
        } else {
            Vec::new()
        };
        let mut permissions: Vec<Term> = view
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Permission)
            .filter(|m| !self.is_conditional(&text[clause_of(text, m.range.start).start..m.range.start]))
            .filter(|m| !data_words.contains(&m.concept))
            // A device word run into the data noun it qualifies (`蓝牙设备名称`) is data.
            .filter(|m| {
                text[m.range.clone()].ends_with("权限")
                    || !view
                        .mentions
                        .iter()
                        .any(|d| d.kind == Kind::DataItem && d.range.start == m.range.end)
            })
            .filter(|m| {
                !verb_notes
                    .iter()
                    .any(|r| r.start <= m.range.start && m.range.end <= r.end)
            })
            // A device word inside the feature frame that is only part of a feature's
            // name (`当您使用K歌相册功能时`) is no permission it asks for; one that is the
            // whole name (`定位服务`) may be.
            .filter(|m| {
                let surface = &text[m.range.clone()];
                let in_frame = frame_span
                    .as_ref()
                    .is_some_and(|f| f.start <= m.range.start && m.range.end <= f.end);
                surface.ends_with("权限")
                    || !in_frame
                    || !features
                        .iter()
                        .any(|f| f.len() > surface.len() && f.contains(surface))
            })
            .map(|m| {
                let surface = &text[m.range.clone()];
                let glossed = permission_gloss(surface, &text[m.range.end..]);
                self.concept_term(m.concept, glossed.unwrap_or(surface))
            })
            .collect();
        // jieba cuts a compound name the lexicon does not know (`唤醒|锁定|权限`); the
        // object reading keeps it whole, so the one word before 权限 is only its tail.
        // The tail stands for the whole name, so the data of the sentence still pairs
        // with it: `获取您的设备麦克权限，并收集您的语音信息`.
        let held: Vec<Term> = sentence_practices
            .iter()
            .filter_map(|p| p.permission.clone())
            .chain(permissions.iter().cloned())
            .collect();
        for open in self.open_permissions(view) {
            let whole = held
                .iter()
                .find(|h| h.surface.len() > open.surface.len() && h.surface.ends_with(&open.surface))
                .cloned()
                .unwrap_or(open);
            if !permissions.contains(&whole) {
                permissions.push(whole);
            }
        }
        // `授权相机、照片、麦克风权限`: a word listed before a permission that, with 权限,
        // names one the lexicon knows is that permission, not data.
        for (word, permission) in self.listed_permissions(view) {
            // Only where the word stands in the list alone: `收集您的照片，并请求您授权
            // 相机、照片权限` still collects the photos.
            let only_listed = text.matches(word.as_str()).count() == 1;
            sentence_practices.retain_mut(|practice| {
                if !only_listed {
                    return true;
                }
                let had_data = !practice.data.is_empty();
                practice.data.retain(|d| d.surface != word);
                !had_data || !practice.data.is_empty()
            });
            if !permissions.iter().any(|p| p.entity == permission.entity) {
                permissions.push(permission);
            }
        }
        if permissions.is_empty() && !sentence_practices.is_empty() {
            permissions.extend(lead_permission);
        }
        self.collect_included(index, &mut sentence_practices);
        self.collect_label(view, sentence, &mut sentence_practices);
        let sentence_negated = sentence_practices.iter().all(|p| p.negated) && !sentence_practices.is_empty();
        if !sentence_negated {
            self.attach_permissions(&mut sentence_practices, permissions, &features, &purpose, index);
        }
        self.out.practices.extend(sentence_practices);
    }

    /// `**（1）设备信息**`, `2、位置信息` in the part on what the policy collects: a
    /// heading that is the name of a data item titles what is collected of it.
    fn read_data_heading(&mut self, doc: &Document, index: usize, sentence: &Sentence) {
        let Some(&own) = sentence.path.last() else {
            return;
        };
        let title = doc.headings[own].title.trim_matches(['*', '#', ' ']);
        let name = clean_term(self.lexicon, crate::structure::strip_numbering(title));
        // Markup headings stand on one level: the part is the last heading before that
        // names one.
        let in_part = self.in_collection_part(doc, sentence)
            || sentence.path.len() <= 1
                && doc.headings[..own]
                    .iter()
                    .rev()
                    .take(16)
                    .find(|h| self.lexicon.cues.part_heading_word.find_in(&h.title).is_some())
                    .is_some_and(|h| h.title.contains("收集"));
        // Headings next to it that name permissions (`相机`, `存储权限`) make a list of
        // what the app asks for, not of data.
        let permission_list = [
            own.checked_sub(2),
            own.checked_sub(1),
            Some(own + 1),
            Some(own + 2),
        ]
        .into_iter()
        .flatten()
        .filter_map(|h| doc.headings.get(h))
        .any(|h| {
            let t = clean_term(
                self.lexicon,
                crate::structure::strip_numbering(h.title.trim_matches(['*', '#', ' '])),
            );
            t.contains("权限")
                || self
                    .resolve_term(t)
                    .is_some_and(|t| t.kind(self.lexicon) == Kind::Permission)
        });
        if name.chars().count() > 10 || !in_part || permission_list || !starts_with_word(name) {
            return;
        }
        // A lexicon term, or one with a head noun that names data as such (`通讯日志信息`,
        // not `查看WLAN状态`).
        let Some(term) = self
            .resolve_term(name)
            .filter(|t| t.kind(self.lexicon) == Kind::DataItem && !self.is_generic(t))
            .filter(|t| {
                matches!(t.entity, Entity::Concept(_))
                    || self.lexicon.cues.broad_head.suffix_of(name).is_some() && !name.contains('的')
            })
        else {
            return;
        };
        self.out.practices.push(Practice {
            kind: PracticeKind::Collection,
            negated: false,
            features: Vec::new(),
            permission: None,
            data: vec![term],
            recipients: Vec::new(),
            purpose: None,
            sentence: index,
        });
    }

    /// `（1）日志信息：当您使用我们的服务时，我们可能会自动收集相关信息…`: the data item
    /// a line is labelled with is what its collection gathers.
    fn collect_label(&self, view: &View, sentence: &Sentence, practices: &mut [Practice]) {
        let Some(lead) = sentence.lead.as_deref() else {
            return;
        };
        // The label opens the line's first sentence only.
        if !crate::structure::strip_numbering(view.text.trim_start()).starts_with(lead) {
            return;
        }
        let name = clean_term(self.lexicon, lead);
        if name.chars().count() > 10 || !starts_with_word(name) {
            return;
        }
        let Some(term) = self
            .resolve_term(name)
            .filter(|t| t.kind(self.lexicon) == Kind::DataItem && !self.is_generic(t))
        else {
            return;
        };
        if let Some(practice) = practices
            .iter_mut()
            .find(|p| p.kind == PracticeKind::Collection && !p.negated && !p.data.is_empty())
        {
            if !practice.data.iter().any(|d| d.entity == term.entity) {
                practice.data.insert(0, term);
            }
        }
    }

    /// `收集您的…行为信息，行为信息包括您的浏览偏好、信息发布、互动交流…`: what the
    /// sentence says a collected data item includes is collected with it (in the same
    /// practice), unless the sentence denies it.
    fn collect_included(&self, index: usize, practices: &mut Vec<Practice>) {
        let included: Vec<(Entity, Term)> = self
            .out
            .inclusions
            .iter()
            .rev()
            .take_while(|i| i.sentence == index)
            .filter(|i| i.specific.kind(self.lexicon) == Kind::DataItem && !self.is_generic(&i.specific))
            .map(|i| (i.general.entity.clone(), i.specific.clone()))
            .collect();
        if included.is_empty() {
            return;
        }
        let denied: Vec<Entity> = practices
            .iter()
            .filter(|p| p.negated)
            .flat_map(|p| p.data.iter().map(|d| d.entity.clone()))
            .collect();
        // The members go in a practice of their own, without the features: they are
        // collected, but which function they serve the sentence says of the general term
        // only (and a heading's feature is often wrong for them, see `pointed_list`).
        let mut added_practices = Vec::new();
        for practice in practices
            .iter()
            .filter(|p| p.kind == PracticeKind::Collection && !p.negated)
        {
            let mut held: Vec<Entity> = practice.data.iter().map(|d| d.entity.clone()).collect();
            let mut added: Vec<Term> = Vec::new();
            // Twice: a member may include members of its own.
            for _ in 0..2 {
                for (general, specific) in &included {
                    if held.contains(general)
                        && !held.contains(&specific.entity)
                        && !denied.contains(&specific.entity)
                        && !practices.iter().any(|p| {
                            !p.negated
                                && p.kind == PracticeKind::Collection
                                && p.data.iter().any(|d| d.entity == specific.entity)
                        })
                    {
                        held.push(specific.entity.clone());
                        added.push(specific.clone());
                    }
                }
            }
            if !added.is_empty() {
                added_practices.push(Practice {
                    features: Vec::new(),
                    permission: None,
                    data: added,
                    ..practice.clone()
                });
            }
        }
        practices.extend(added_practices);
    }

    /// Where an object holding a pointer (`以下额外信息`) ends a clause and a later clause
    /// of the sentence ends in a colon, the list after that colon: what the pointer
    /// announces. None where the object runs to the colon itself (its list is the object).
    fn pointed_list(&self, view: &View, object: &Range<usize>) -> Option<Range<usize>> {
        let text = view.text;
        let object_text = &text[object.clone()];
        // (`功能如下载`: 如 and 下载 point nowhere.)
        let points = ["以下", "如下", "下列", "下述"].iter().any(|w| {
            object_text.match_indices(w).any(|(p, _)| {
                view.is_boundary(object.start + p) && view.is_boundary(object.start + p + w.len())
            })
        });
        if !points {
            return None;
        }
        let colon = text[object.end..]
            .char_indices()
            .map(|(i, c)| (object.end + i, c))
            .find(|&(at, c)| matches!(c, '：' | ':') && depth_at(text, at) == 0)
            .map(|(at, _)| at)?;
        // The colon ends a short clause of its own, not a far one.
        let between = &text[object.end..colon];
        if !between.starts_with(['，', ',']) || between.chars().count() > 40 {
            return None;
        }
        let after = colon + text[colon..].chars().next().map_or(1, char::len_utf8);
        let (start, _) = self.skip_marker(text, after, text.len());
        let end = self.list_end(view, start);
        (start < end).then_some(start..end)
    }

    /// The specific data items named before byte `end` of a sentence and not collected
    /// by its `practices`: what a denial pointing back (`该信息`) denies.
    fn denied_by_pointer(&self, view: &View, end: usize, practices: &[Practice], kept: bool) -> Vec<Item> {
        // `让您填写支付账号信息，但我们不会留存…该信息`: a denial of keeping it denies even
        // what the sentence has the user hand over.
        let collected = |t: &Term| {
            !kept
                && practices
                    .iter()
                    .any(|p| !p.negated && p.data.iter().any(|d| d.entity == t.entity))
        };
        view.mentions
            .iter()
            .filter(|m| m.kind == Kind::DataItem && m.range.end <= end)
            .map(|m| self.concept_term(m.concept, &view.text[m.range.clone()]))
            .filter(|t| !self.is_generic(t) && !collected(t))
            .map(|term| Item {
                term,
                permission: None,
                members: Vec::new(),
            })
            .collect()
    }

    /// Whether a sentence opens by defining a general term (`“个人信息”是指…`,
    /// `个人敏感信息：个人敏感信息是指…`).
    fn defines_general_term(&self, text: &str) -> bool {
        let body = crate::structure::strip_numbering(text.trim_start());
        // After a label that repeats the term, the definition proper.
        let body = match body.split_once(['：', ':']) {
            Some((label, rest)) if label.chars().count() <= 12 => rest.trim_start(),
            _ => body,
        };
        let Some((at, _)) = self.lexicon.cues.definition.find_in(body) else {
            return false;
        };
        let term = body[..at].trim_matches(|c: char| c.is_whitespace() || "“”\"「」《》".contains(c));
        !term.is_empty() && term.chars().count() <= 10 && self.lexicon.is_generic(&fold(term))
    }

    /// Whether `text` ends with a collection, provision or sharing verb.
    fn ends_with_verb(&self, text: &str) -> bool {
        let cues = &self.lexicon.cues;
        [&cues.collect, &cues.provide, &cues.share]
            .iter()
            .any(|w| w.suffix_of(text).is_some())
    }

    /// `我们会收集您的个人使用记录…，并作为有关操作日志保存，包括您的浏览记录、搜索记录`:
    /// a later clause of the sentence that opens with an enumeration word (包括, 例如)
    /// lists more of what the sentence's collection took, in its feature.
    fn trailing_enumeration(
        &mut self,
        view: &View,
        consumed_until: usize,
        index: usize,
        practices: &mut Vec<Practice>,
    ) {
        let text = view.text;
        let Some(last) = practices
            .iter()
            .rev()
            .find(|p| p.kind == PracticeKind::Collection && !p.negated && !p.data.is_empty())
            .cloned()
        else {
            return;
        };
        let mut at = consumed_until;
        while at < text.len() {
            let clause = clause_of(text, at);
            let next = clause.end + text[clause.end..].chars().next().map_or(1, char::len_utf8);
            let body = text[clause.start..clause.end].trim_start();
            let body_start = clause.end - body.len();
            // `…特征为您提供个性化服务，包括…` enumerates the service, not the data; a list
            // after a colon is what a pointer announced (see `pointed_list`).
            let before = text[..clause.start].trim_end_matches(['，', ',', ' ']);
            let after_data = self.lexicon.cues.feature_suffix.suffix_of(before).is_none()
                && !text[..clause.start].trim_end().ends_with(['：', ':']);
            if let Some(cue) = self
                .lexicon
                .cues
                .enumeration
                .prefix_of(body)
                .filter(|w| w.chars().count() > 1 && after_data)
            {
                // The list runs to the end of the sentence or a purpose marker.
                let start = body_start + cue.len();
                let items = self.parse_list(view, start..self.end_before_purpose(text, start));
                let data = self.data_terms(&items, index, false);
                if !data.is_empty() {
                    practices.push(Practice {
                        data,
                        permission: None,
                        ..last
                    });
                }
                return;
            }
            if next <= at {
                break;
            }
            at = next;
        }
    }

    /// `IMEI（仅在安卓9及以下版本收集，安卓9以上版本不收集）`: a bracket that denies
    /// collection states that the data item just before it is not collected (in the case
    /// it names). The verbs inside brackets open no object (see `verbs`).
    fn bracket_denials(&self, view: &View, index: usize, features: &[String], practices: &mut Vec<Practice>) {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let mut from = 0;
        while let Some((open, close)) = bracket_group(&text[from..]) {
            let (open, close) = (from + open, from + close);
            from = close + text[close..].chars().next().map_or(1, char::len_utf8);
            let inner = &text[open..close];
            let denies = cues
                .collect
                .find_all(inner)
                .into_iter()
                .any(|(at, _)| self.is_negated(view, open, clause_of(inner, at).start, at));
            if !denies {
                continue;
            }
            let opener = text[..open].chars().next_back().map_or(0, char::len_utf8);
            let head_end = text[..open - opener].trim_end().len();
            let item = view
                .mentions
                .iter()
                .filter(|m| m.kind == Kind::DataItem && m.range.end == head_end)
                .max_by_key(|m| m.range.len())
                .map(|m| self.concept_term(m.concept, &text[m.range.clone()]))
                .or_else(|| {
                    let start = text[..head_end]
                        .char_indices()
                        .rev()
                        .take_while(|(_, c)| {
                            !matches!(c, '、' | '，' | ',' | '：' | ':' | '。' | '；' | '）' | ')')
                        })
                        .last()
                        .map_or(head_end, |(i, _)| i);
                    self.resolve_piece(view, start..head_end).map(|i| i.term)
                });
            if let Some(term) = item.filter(|t| t.kind(self.lexicon) == Kind::DataItem) {
                practices.push(Practice {
                    kind: PracticeKind::Collection,
                    negated: true,
                    features: features.to_vec(),
                    permission: None,
                    data: vec![term],
                    recipients: Vec::new(),
                    purpose: None,
                    sentence: index,
                });
            }
        }
    }

    /// Whether a sentence sits in a section on the user's rights or on safeguards.
    /// `个人信息，是指以电子或者其他方式记录的…，包括姓名、…`: a glossary's definition of
    /// a generic term (个人信息, 个人敏感信息) describes what the law calls personal
    /// information, no practice of this product (the guidelines leave it out).
    fn defines_generic_term(&self, text: &str) -> bool {
        let body = crate::structure::strip_numbering(text.trim());
        // The term defined runs to the first 指 (`是指`, `：指`, `即指`), with its quotes and
        // a bracketed source (`个人信息（出自于GB/T 35273-2020）：指`).
        let Some(at) = body.find('指').filter(|&at| body[..at].chars().count() <= 60) else {
            return false;
        };
        let mut term = body[..at].trim_end_matches(['是', '即', '，', ',', '：', ':', ' ']);
        if let Some((open, close)) = bracket_group(term) {
            if term[close..]
                .chars()
                .skip(1)
                .all(|c| matches!(c, '，' | ',' | '：' | ':' | ' '))
            {
                term = &term[..open - term[..open].chars().next_back().map_or(0, char::len_utf8)];
            }
        }
        let term = term.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '「' | '」' | ' '));
        !term.is_empty() && self.lexicon.is_generic(&fold(term))
    }

    /// Whether a sentence sits in a section on the user's rights. Not a part on
    /// collection that also says how the user manages it (`二、我们如何收集、使用您的信息
    /// 以及您可以如何管理您的信息`): that is where most practices are stated.
    fn in_rights_section(&self, doc: &Document, sentence: &Sentence) -> bool {
        let cues = &self.lexicon.cues;
        sentence.path.iter().any(|&h| {
            let title = &doc.headings[h].title;
            cues.rights_section.find_in(title).is_some() && cues.collection_section.find_in(title).is_none()
        })
    }

    /// Whether a sentence sits in a part on third parties (SDK, 共享, 合作方…).
    fn in_sdk_section(&self, doc: &Document, sentence: &Sentence) -> bool {
        in_sdk_section(self.lexicon, doc, sentence)
    }

    /// Whether sentence `index` may still belong to the row of the last line that was
    /// only a party's name.
    fn in_party_row(&self, index: usize) -> bool {
        self.party_line_index
            .is_some_and(|at| index > at && index - at <= PARTY_ROW_SENTENCES)
    }

    /// Whether a sentence sits in a part on third parties, by its heading, or just after
    /// text that speaks of SDKs (`附录：92APP接入的第三方SDK列表`).
    fn in_sdk_context(&self, doc: &Document, sentence: &Sentence) -> bool {
        self.in_sdk_section(doc, sentence) || near_sdk_mention(doc, sentence)
    }

    /// Whether a sentence is among the lines just after a party's name line with no
    /// heading between: the fields of that party's block.
    fn in_party_block(&self, doc: &Document, sentence: &Sentence, index: usize) -> bool {
        self.in_party_row(index)
            && self.party_line_index.is_some_and(|at| {
                let party_line = doc.sentences[at].range.start;
                sentence
                    .path
                    .last()
                    .is_none_or(|&h| doc.headings[h].range.start <= party_line)
            })
    }

    /// Whether a sentence sits in the part of the policy on collection.
    fn in_collection_part(&self, doc: &Document, sentence: &Sentence) -> bool {
        let cues = &self.lexicon.cues;
        sentence
            .path
            .iter()
            .any(|&h| cues.collection_section.find_in(&doc.headings[h].title).is_some())
    }

    /// A section whose part heading was not found (a one-line policy whose `一、…` runs
    /// on after the table of contents): no heading before its outermost one stands
    /// higher in the outline, so what part it belongs to is unknown, and its heading may
    /// name a feature as in the part on collection.
    fn in_orphan_section(&self, doc: &Document, sentence: &Sentence) -> bool {
        let Some(&root) = sentence.path.first() else {
            return false;
        };
        let level = doc.headings[root].level;
        !doc.headings[..root].iter().any(|h| h.level < level)
    }

    /// A hedge right before the verb (`是否收集`, `无法识别`), or an inability or exemption
    /// shortly before it (`将不能为您提供`, `无需提供`): no practice stated.
    fn is_hedged(&self, subject: &str) -> bool {
        let tail = |n: usize| -> String {
            let mut chars: Vec<char> = subject.chars().rev().take(n).collect();
            chars.reverse();
            chars.into_iter().collect()
        };
        let cues = &self.lexicon.cues;
        cues.hedge.find_in(&tail(4)).is_some() || cues.inability.find_in(&tail(8)).is_some()
    }

    /// A verbless list of data items in the part on collection: `设备信息：如设备型号、
    /// 操作系统版本…`, `这类信息包括姓名、性别…`, `例如，设备型号、电池等信息。` Read as
    /// collection when at least two members resolve to specific data items.
    fn read_enumeration(
        &mut self,
        view: &View,
        list: &ListContext,
        index: usize,
        practices: &mut Vec<Practice>,
    ) -> bool {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let opener = text
            .find(['：', ':'])
            .map(|at| (at, at + text[at..].chars().next().map_or(1, char::len_utf8)))
            .or_else(|| cues.enumeration.find_in(text).map(|(at, w)| (at, at + w.len())));
        // Continuing a list announced earlier, a line may be the bare list itself.
        let opener = opener.or(if list.continues { Some((0, 0)) } else { None });
        let Some((mut head_end, mut list_start)) = opener else {
            return false;
        };
        // `概要：浏览使用信息主要包括：…`: the list opens at the last opener near the start.
        while let Some((at, len)) = {
            let window: String = text[list_start..].chars().take(20).collect();
            window
                .find(['：', ':'])
                .map(|at| (at, window[at..].chars().next().map_or(1, char::len_utf8)))
                .or_else(|| {
                    cues.enumeration
                        .find_in(&window)
                        .filter(|(_, w)| w.chars().count() >= 2)
                        .map(|(at, w)| (at, w.len()))
                })
        } {
            head_end = list_start + at;
            list_start = head_end + len;
        }
        // `我们会将以下信息推送到您的手机桌面：系统消息、…`: what goes to the user.
        let to_user = cues.to_user.find_in(&text[..head_end]).is_some();
        if to_user
            || self.is_negated(view, 0, 0, head_end)
            || cues.negation.find_in(&text[list_start..]).is_some()
        {
            return false;
        }
        let mut start = list_start;
        let rest = &text[start..];
        let skip = rest.len() - rest.trim_start_matches(['，', ',', ' ']).len();
        start += skip;
        start += cues.enumeration.prefix_of(&text[start..]).map_or(0, str::len);
        let items = self.listed_as_data(&self.parse_list(view, start..self.end_before_purpose(text, start)));
        let specific = items
            .iter()
            .filter(|i| i.term.kind(self.lexicon) == Kind::DataItem && !self.is_generic(&i.term))
            .count();
        if specific < list.min_items {
            return false;
        }
        let mut data = self.data_terms(&items, index, false);
        // The words before the list name what it enumerates: `设备信息：如…`.
        let head = clean_term(self.lexicon, &text[..head_end]);
        // `这类信息包括…` enumerates the one data item the previous sentence named.
        let general = if self.refers_back(head) {
            match &self.previous_data[..] {
                [only] => Some(only.clone()),
                _ => None,
            }
        } else {
            self.resolve_term(head)
        };
        if let Some(general) = general.filter(|t| t.kind(self.lexicon) == Kind::DataItem) {
            for member in &data {
                if member.entity != general.entity {
                    self.out.inclusions.push(Inclusion {
                        general: general.clone(),
                        specific: member.clone(),
                        sentence: index,
                    });
                }
            }
            if !self.is_generic(&general) {
                data.insert(0, general);
            }
        }
        let kind = if list.parties.is_empty() {
            PracticeKind::Collection
        } else {
            PracticeKind::Sharing
        };
        practices.push(Practice {
            kind,
            negated: false,
            features: list.features.clone(),
            permission: None,
            data,
            recipients: list.parties.clone(),
            purpose: list.purpose.clone(),
            sentence: index,
        });
        true
    }

    /// What general terms a sentence spells out, whatever practice it states (or none):
    /// `设备信息（如设备型号、系统语言）`, `MV、歌单等频道信息`, `行为信息包括A、B`,
    /// `包括A、B在内的收件信息`, `设备信息：A、B`. The general term is a specific data
    /// item or a kind of third party; its members must be of the same kind, and at least
    /// one of them must resolve by the lexicon or a head noun (a bracket of plain words is
    /// a note, not a list).
    fn read_inclusions(&mut self, view: &View, lead: Option<&str>, index: usize) {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let mut found: Vec<(Term, Vec<Term>)> = Vec::new();
        // `A（如B、C）`: a marked bracket may hold one member, an unmarked one needs two
        // (`IMEI（国际移动设备识别码）` glosses its term).
        for (open, mut inner) in bracket_spans(text) {
            let bracket = &text[inner.clone()];
            // `（以下称“支付机构”）` names the parties before it; one naming the operator or
            // the app (`以下简称“我们”`) is read elsewhere.
            let alias = cues
                .bracket_note
                .find_in(bracket)
                .and_then(|(at, _)| quoted(&bracket[at..]))
                .filter(|_| cues.operator_marker.find_in(bracket).is_none())
                .filter(|a| !cues.product_alias.contains(a));
            // `（包括A、B，以下称“支付机构”）`: the list ends where the note begins.
            if let Some((at, _)) = cues.bracket_note.find_in(bracket) {
                let before = &bracket[..at];
                match before.rfind(['，', ',', '；', ';']) {
                    Some(cut) => inner.end = inner.start + cut,
                    None if alias.is_some() => inner.end = inner.start,
                    None => continue,
                }
            }
            let Some(head) = self.head_before(view, open) else {
                continue;
            };
            let (start, marked) = self.skip_marker(text, inner.start, inner.end);
            let (members, strong) = self.members(view, start..inner.end, &head);
            let own = |t: &Term| {
                self.folded_products
                    .iter()
                    .any(|p| fold(&t.surface).contains(p.as_str()))
            };
            if let Some(alias) = alias.filter(|a| {
                head.kind(self.lexicon) == Kind::ThirdParty
                    && !own(&head)
                    && !self.folded_products.iter().any(|p| fold(a).contains(p.as_str()))
            }) {
                let parties = std::iter::once(&head)
                    .chain(&members)
                    .filter(|m| m.kind(self.lexicon) == Kind::ThirdParty)
                    .cloned()
                    .collect();
                self.aliases.insert(fold(alias), parties);
            }
            if strong > 0 && (members.len() >= 2 || marked) {
                found.push((head, members));
            }
        }
        // `B、C等A`: the general term follows 等, its members run back to the clause start.
        for (at, word) in cues.etc.find_all(text) {
            let after = at + word.len();
            if !view.is_boundary(at) || !view.is_boundary(after) || depth_at(text, at) > 0 {
                continue;
            }
            let Some(general) = self.general_after(view, after) else {
                continue;
            };
            let start = self.list_start_before(view, at);
            let (members, strong) = self.members(view, start..at, &general);
            if strong > 0 || members.len() >= 2 {
                found.push((general, members));
            }
        }
        // `A，包括B、C`, `A是指B`, `包括B、C在内的A`; a sentence opening with the marker
        // enumerates its line's label (`日志信息：…。包括您的登录账号…`).
        let mut markers = cues.enumeration.find_all(text);
        markers.extend(cues.definition.find_all(text));
        markers.sort_unstable();
        let mut previous_head: Option<Term> = None;
        for (at, word) in markers {
            let after = at + word.len();
            if !view.is_boundary(at) || !view.is_boundary(after) || depth_at(text, at) > 0 {
                continue;
            }
            let (start, _) = self.skip_marker(text, at, text.len());
            let end = self.list_end(view, start);
            if start >= end {
                continue;
            }
            // `如不提供该信息`: 如 opens a condition here, not a list.
            let region = &text[start..end];
            let subjectless = region.trim_start_matches(['您', '你']);
            if (word == "如" && subjectless.len() < region.len())
                || self.lexicon.cues.conditional.prefix_of(subjectless).is_some()
                || self.lexicon.cues.negation.prefix_of(subjectless).is_some()
                || self.lexicon.cues.conditional.prefix_of(region).is_some()
                || self.lexicon.cues.negation.prefix_of(region).is_some()
            {
                continue;
            }
            if let Some(p) = text[start..end].find("在内的") {
                let Some(general) = self.general_after(view, start + p + "在内的".len()) else {
                    continue;
                };
                let (members, strong) = self.members(view, start..start + p, &general);
                if strong > 0 {
                    found.push((general, members));
                }
                continue;
            }
            // `收集包括A、B的C`: right after a verb the marker opens a modifier, and the
            // term after its last 的 is the general one.
            if let Some((general, members)) = self.modified_by_list(view, at, start..end) {
                found.push((general, members));
                continue;
            }
            let head_end = self.trim_before_marker(text, at);
            let head = if text[..head_end].trim().is_empty() {
                lead.and_then(|l| self.resolve_head(l)).or_else(|| {
                    self.label_head
                        .as_ref()
                        .filter(|(i, _)| index <= i + 2)
                        .map(|(_, t)| t.clone())
                })
            } else {
                self.head_before(view, head_end)
                    .or_else(|| self.owned_sensitive_category_before(view, head_end))
                    .or_else(|| {
                        // A marker opening its own clause after one that names no term goes
                        // on with the term enumerated before it (`行为信息包括A，也包括B`), or
                        // enumerates the line's label, or else the one item a verb before it
                        // took (`我们会收集您的上网记录，并作为日志保存，包括A、B`).
                        if !text[head_end..at].contains(['，', ',']) {
                            return None;
                        }
                        // A label outside the lexicon is as often a title or a date line; a
                        // label this sentence does not open with heads a line of many.
                        let opens_with = |l: &str| {
                            crate::structure::strip_numbering(text)
                                .trim_start_matches(|c: char| c == '*' || c.is_whitespace())
                                .starts_with(l)
                        };
                        let lexical_lead = || {
                            lead.filter(|l| opens_with(l))
                                .and_then(|l| self.resolve_head(l))
                                .filter(|t| matches!(t.entity, Entity::Concept(_)))
                        };
                        let between = text[head_end..at]
                            .trim_matches(|c: char| matches!(c, '，' | ',') || c.is_whitespace());
                        let continues = cues.inclusion_continuation.prefix_of(between).is_some();
                        // A label heads a list a collection goes on to (not a glossary's).
                        let collects = cues.collect.find_in(&text[..head_end]).is_some();
                        previous_head
                            .clone()
                            .filter(|_| continues)
                            .or_else(|| lexical_lead().filter(|_| collects))
                            .or_else(|| self.object_before(view, head_end))
                    })
            };
            let Some(head) = head else {
                continue;
            };
            previous_head = Some(head.clone());
            let (members, strong) = self.members(view, start..end, &head);
            if strong > 0 {
                found.push((head, members));
            }
        }
        // `设备信息：设备型号、操作系统版本…`: a label naming a data item, then its list.
        for (colon, _) in text.match_indices(['：', ':']) {
            let label_start = text[..colon]
                .char_indices()
                .rev()
                .find(|&(_, c)| is_list_stop(c) || c == '、' || c == ' ')
                .map_or(0, |(i, c)| i + c.len_utf8());
            {
                if let Some(head) = self.head_before(view, colon) {
                    let label = clean_term(self.lexicon, &text[label_start..colon]);
                    if canonical(label) == head.surface {
                        self.label_head = Some((index, head.clone()));
                    }
                    let colon_end = colon + text[colon..].chars().next().map_or(1, char::len_utf8);
                    let (start, marked) = self.skip_marker(text, colon_end, text.len());
                    let end = self.list_end(view, start);
                    if canonical(label) == head.surface && start < end {
                        let (members, strong) = self.members(view, start..end, &head);
                        if strong >= 2 || (marked && strong > 0) {
                            found.push((head, members));
                        }
                    }
                }
            }
        }
        for (general, members) in found {
            for member in members {
                if member.entity != general.entity {
                    self.out.inclusions.push(Inclusion {
                        general: general.clone(),
                        specific: member,
                        sentence: index,
                    });
                }
            }
        }
    }

    /// `可能包含您的敏感个人信息，例如A、B`: the user's own sensitive data (a possessive
    /// before the category) ending at byte `end`, which the marker after it spells out. A
    /// glossary's `个人敏感信息包括…` names no one's, and states what the law means.
    fn owned_sensitive_category_before(&self, view: &View, end: usize) -> Option<Term> {
        let text = view.text;
        let before =
            text[..end].trim_end_matches(|c: char| matches!(c, '，' | ',' | '：' | ':') || c.is_whitespace());
        let word = self.lexicon.cues.sensitive_category.suffix_of(before)?;
        let start = before.len() - word.len();
        let owner = ["您的", "你的", "用户的"]
            .iter()
            .any(|w| text[..start].ends_with(w));
        (owner && view.is_boundary(start)).then(|| self.open_term(Kind::DataItem, word))
    }

    /// `收集包括A、B的C`: where the enumeration marker at byte `at` follows a verb, the
    /// list in `span` modifies the term after its last top-level 的: that term and the
    /// members before it.
    fn modified_by_list(&self, view: &View, at: usize, span: Range<usize>) -> Option<(Term, Vec<Term>)> {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let before = &text[..at];
        let after_verb = cues.practice_verbs().iter().any(|w| {
            w.suffix_of(before)
                .is_some_and(|v| view.is_boundary(at - v.len()))
        });
        if !after_verb {
            return None;
        }
        let de = text[span.clone()]
            .match_indices('的')
            .map(|(p, _)| span.start + p)
            .rfind(|&p| depth_at(text, p) == 0)?;
        let tail = &text[de + '的'.len_utf8()..span.end];
        if tail.contains(['、', '/']) || cues.list_separator.find_in(tail).is_some() {
            return None;
        }
        // `包含您所上传照片或图片的评论`: one or two things a term holds, no list of its kinds.
        if !text[span.start..de].contains('、') {
            return None;
        }
        let general = self.resolve_head(tail)?;
        let (members, strong) = self.members(view, span.start..de, &general);
        (strong > 0).then_some((general, members))
    }

    /// The one data item the verb of the clause before takes, where the clause ending at
    /// byte `end` goes on about it with 并 (`我们会收集您的上网记录，并作为日志保存`);
    /// a list gives none.
    fn object_before(&self, view: &View, end: usize) -> Option<Term> {
        let text = view.text;
        let clause_start = text[..end].rfind(['，', ',', '；', ';'])?;
        let continued = &text[clause_start..end];
        let continued =
            continued.trim_start_matches(|c: char| matches!(c, '，' | ',' | '；' | ';') || c.is_whitespace());
        self.lexicon.cues.verb_link.prefix_of(continued)?;
        let (verb_at, verb) = self
            .lexicon
            .cues
            .collect
            .find_all(&text[..clause_start])
            .into_iter()
            .rfind(|(p, w)| {
                view.is_boundary(*p)
                    && view.is_boundary(p + w.len())
                    && !is_noun_use(text, &(*p..p + w.len()))
            })?;
        let object = &text[verb_at + verb.len()..clause_start];
        // `在使用App时的行为信息`: a time clause, not the verb's object.
        if object.contains(|c: char| is_list_stop(c) || c == '、')
            || self.lexicon.cues.list_separator.find_in(object).is_some()
            || self.lexicon.cues.clause_end.find_in(object).is_some()
        {
            return None;
        }
        self.resolve_head(object)
    }

    /// A general term as written: a specific data item, or a kind of third party more
    /// particular than a bare `第三方`.
    fn resolve_head(&self, text: &str) -> Option<Term> {
        let cleaned = clean_term(self.lexicon, text);
        if cleaned.chars().count() > MAX_FEATURE_CHARS {
            return None;
        }
        // `这类信息包括…` enumerates the one data item the previous sentence named.
        // Several: the one whose head noun the anaphor repeats (`这些记录` → `…记录`).
        let bare = crate::structure::strip_numbering(text.trim())
            .trim_matches(|c: char| c.is_whitespace() || c == '*');
        if self.refers_back(bare) {
            let noun: String = bare
                .chars()
                .skip(2)
                .collect::<String>()
                .trim_start_matches('类')
                .to_owned();
            let named: Vec<&Term> = self
                .previous_data
                .iter()
                .filter(|t| !noun.is_empty() && t.surface.ends_with(noun.as_str()))
                .collect();
            return match (&named[..], &self.previous_data[..]) {
                ([one], _) => Some((*one).clone()),
                (_, [only]) => Some(only.clone()),
                _ => None,
            };
        }
        let cues = &self.lexicon.cues;
        let folded_text = fold(cleaned);
        // `相关个人信息`, `基本信息`: an umbrella word before a generic term names nothing
        // (unless the lexicon names the whole: `设备信息`, `系统信息`).
        if let Some(g) = cues
            .generic
            .suffix_of(&folded_text)
            .filter(|_| self.lexicon.lookup_folded(&folded_text).is_none())
        {
            let modifier = &folded_text[..folded_text.len() - g.len()];
            if modifier.is_empty()
                || cues.permission_umbrella.contains(modifier)
                || cues.determiner.contains(modifier)
            {
                return None;
            }
        }
        // `记录的信息`, `自己的信息`: a verb or a pronoun before 的 and a generic term.
        if let Some(p) = cleaned.rfind('的') {
            let (owner, rest) = (&cleaned[..p], &cleaned[p + '的'.len_utf8()..]);
            let verb = cues.practice_verbs().iter().any(|w| w.contains(owner));
            if self.lexicon.is_generic(&fold(rest)) && (verb || owner.chars().count() < 2 || owner == "自己")
            {
                return None;
            }
        }
        // `设备相关信息`, `相关通讯录信息`: the lexicon's term without the umbrella word.
        let lexical = || {
            let umbrella = cues
                .permission_umbrella
                .prefix_of(&folded_text)
                .map_or(0, str::len);
            let bare = folded_text[umbrella..].replacen("相关", "", 1);
            self.lexicon
                .lookup_folded(&bare)
                .filter(|_| bare != folded_text)
                .map(|id| self.concept_term(id, cleaned))
        };
        let term = self
            .resolve_term(cleaned)
            .filter(|t| matches!(t.entity, Entity::Concept(_)))
            .or_else(lexical)
            .or_else(|| self.resolve_term(cleaned))
            .or_else(|| {
                let (core, owner) = self.strip_possessor(cleaned);
                owner.and_then(|_| self.resolve_term(clean_term(self.lexicon, core)))
            })?;
        let folded = fold(&term.surface);
        let fits = match term.kind(self.lexicon) {
            Kind::DataItem => !self.is_generic(&term),
            // A company's group of subsidiaries is no kind of recipient, and a party
            // phrase holding a preposition is a clause (`交易导致向第三方`).
            Kind::ThirdParty => {
                !cues.party_head.contains(&folded)
                    && cues.company_suffix.suffix_of(&term.surface).is_none()
                    && !term
                        .surface
                        .chars()
                        .any(|c| matches!(c, '向' | '给' | '与' | '同'))
            }
            _ => false,
        };
        fits.then_some(term)
    }

    /// The general term written right before byte `end`: back to the last stop, then
    /// after the last verb, marker or pronoun, without determiners and modal words.
    fn head_before(&self, view: &View, end: usize) -> Option<Term> {
        let text = view.text;
        let start = text[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_list_stop(c) || c == '、')
            .map_or(0, |(i, c)| i + c.len_utf8());
        // `这些记录包括`: the anaphor is the term, whatever verb its noun reads as.
        if self.refers_back(&text[start..end]) {
            return self.resolve_head(&text[start..end]);
        }
        let mut start = self.after_last_cue(view, start, end);
        // `…下载及分享等活动的信息`: the tail of another list, not a term of its own.
        if text[start..end]
            .match_indices('等')
            .any(|(p, _)| view.is_boundary(start + p) && view.is_boundary(start + p + '等'.len_utf8()))
        {
            return None;
        }
        // Modal words and prepositions before the term: `会向第三方（…）`.
        let cues = &self.lexicon.cues;
        for _ in 0..4 {
            let rest = &text[start..end];
            let skip = cues
                .subject_modal
                .prefix_of(rest)
                .or_else(|| cues.share_prefix.prefix_of(rest))
                .or_else(|| cues.list_separator.prefix_of(rest))
                .filter(|w| w.len() < rest.len() && self.lexicon.lookup_folded(&fold(rest)).is_none());
            match skip {
                Some(w) => start += w.len(),
                None => break,
            }
        }
        self.resolve_head(&text[start..end])
    }

    /// Byte offset after the last verb, enumeration marker or pronoun of `start..end`
    /// (on token boundaries), or `start`.
    fn after_last_cue(&self, view: &View, start: usize, end: usize) -> usize {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let mut cut = start;
        let mut i = start;
        while i < end {
            let rest = &text[i..end];
            let word = [
                &cues.collect,
                &cues.share,
                &cues.provide,
                &cues.enumeration,
                &cues.definition,
            ]
            .iter()
            .filter_map(|w| w.prefix_of(rest))
            .max_by_key(|w| w.len())
            .filter(|w| {
                view.is_boundary(i) && view.is_boundary(i + w.len()) && !is_noun_use(text, &(i..i + w.len()))
            })
            .or_else(|| ["您", "你", "我们"].into_iter().find(|w| rest.starts_with(w)));
            match word {
                Some(w) => {
                    cut = i + w.len();
                    i = cut;
                }
                None => i += rest.chars().next().map_or(1, char::len_utf8),
            }
        }
        cut
    }

    /// The term after `等` (or `在内的`) at byte `at`: up to the next stop or verb; of
    /// `格式的音频文件` the part after 的.
    fn general_after(&self, view: &View, at: usize) -> Option<Term> {
        let text = view.text;
        let rest = &text[at..];
        let mut end = rest
            .find(|c: char| is_list_stop(c) || c == '、')
            .unwrap_or(rest.len());
        let cues = &self.lexicon.cues;
        for words in [&cues.collect, &cues.share, &cues.provide, &cues.purpose] {
            for (p, w) in words.find_all(&rest[..end]) {
                let range = at + p..at + p + w.len();
                if p > 0
                    && view.is_boundary(range.start)
                    && view.is_boundary(range.end)
                    && !is_noun_use(text, &range)
                {
                    end = p;
                    break;
                }
            }
        }
        let mut general = &rest[..end];
        if let Some(p) = general.find("在内") {
            general = &general[..p];
        }
        if let Some(p) = general.rfind('的') {
            general = &general[p + '的'.len_utf8()..];
        }
        self.resolve_head(general)
    }

    /// Where the list that ends at byte `end` starts: back to the clause start (or the
    /// bracket that holds it), then after its last verb or marker.
    fn list_start_before(&self, view: &View, end: usize) -> usize {
        let text = view.text;
        let mut depth = 0usize;
        let mut start = 0;
        for (i, c) in text[..end].char_indices().rev() {
            if closes(c) && c != '”' {
                depth += 1;
            } else if opens(c) && !matches!(c, '“' | '"') {
                if depth == 0 {
                    start = i + c.len_utf8();
                    break;
                }
                depth -= 1;
            } else if depth == 0 && is_list_stop(c) {
                start = i + c.len_utf8();
                break;
            }
        }
        let mut start = self.after_last_cue(view, start, end);
        let cues = &self.lexicon.cues;
        for _ in 0..4 {
            let rest = &text[start..end];
            match cues
                .subject_modal
                .prefix_of(rest)
                .or_else(|| cues.share_prefix.prefix_of(rest))
            {
                Some(w) if w.len() < rest.len() && view.is_boundary(start + w.len()) => start += w.len(),
                _ => break,
            }
        }
        start
    }

    /// Skips an enumeration marker (and the punctuation around it) at `start`: returns
    /// where the list begins and whether a marker was there.
    fn skip_marker(&self, text: &str, mut start: usize, end: usize) -> (usize, bool) {
        let cues = &self.lexicon.cues;
        let mut marked = false;
        for _ in 0..4 {
            let rest = &text[start..end];
            let trimmed = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '：' | ':' | '，' | ',' | '*')
            });
            start += rest.len() - trimmed.len();
            let rest = &text[start..end];
            let word = cues
                .inclusion_adverb
                .prefix_of(rest)
                .filter(|w| {
                    let after = &rest[w.len()..];
                    cues.enumeration.prefix_of(after).is_some() || cues.definition.prefix_of(after).is_some()
                })
                .or_else(|| cues.enumeration.prefix_of(rest))
                .or_else(|| cues.definition.prefix_of(rest));
            match word {
                Some(w) if w.len() < rest.len() => {
                    start += w.len();
                    marked = true;
                }
                _ => break,
            }
        }
        (start, marked)
    }

    /// The end of the byte position before an enumeration marker, without the adverbs and
    /// punctuation that separate it from its general term (`浏览使用信息主要包括：`).
    fn trim_before_marker(&self, text: &str, at: usize) -> usize {
        let mut end = at;
        for _ in 0..4 {
            let before = &text[..end];
            let trimmed = before
                .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '：' | ':' | '*'));
            let trimmed = match self.lexicon.cues.inclusion_adverb.suffix_of(trimmed) {
                Some(w) => &trimmed[..trimmed.len() - w.len()],
                None => trimmed,
            };
            if trimmed.len() == end {
                break;
            }
            end = trimmed.len();
        }
        end
    }

    /// Where an enumeration starting at `start` ends: the sentence end, a purpose marker,
    /// or a comma after which no data item opens a verbless clause.
    fn list_end(&self, view: &View, start: usize) -> usize {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let mut depth = 0usize;
        let mut end = text.len();
        for (i, c) in text[start..].char_indices() {
            let at = start + i;
            if opens(c) && !matches!(c, '“' | '"') {
                depth += 1;
            } else if closes(c) && c != '”' {
                if depth == 0 {
                    end = at;
                    break;
                }
                depth -= 1;
            } else if depth == 0 {
                if matches!(c, '。' | '；' | ';' | '！' | '？' | '：' | ':' | '\n') {
                    end = at;
                    break;
                }
                if matches!(c, '，' | ',') {
                    let next = at + c.len_utf8();
                    let clause = clause_of(text, next);
                    let body = &text[next..clause.end.max(next)];
                    let continues = self.opens_with_data(view, next + (body.len() - body.trim_start().len()))
                        && cues.collect.find_in(body).is_none()
                        && cues.share.find_in(body).is_none()
                        && cues.purpose.find_in(body).is_none();
                    if !continues {
                        end = at;
                        break;
                    }
                }
            }
        }
        if let Some((p, _)) = cues.purpose.find_in(&text[start..end]) {
            end = start + p;
        }
        end.max(start)
    }

    /// The members of a general term listed in `span`, of its kind: terms the lexicon
    /// or a head noun resolves (counted as strong), and plain short nouns beside them.
    fn members(&self, view: &View, span: Range<usize>, head: &Term) -> (Vec<Term>, usize) {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let head_kind = head.kind(self.lexicon);
        let mut out: Vec<Term> = Vec::new();
        let mut strong = 0;
        for segment in split_top_level(text, span, &['，', '；', ';']) {
            let seg_text = &text[segment.clone()];
            let segment = match cues.platform_scope.find_in(seg_text) {
                Some((p, w)) if seg_text[..p].chars().count() <= 12 => {
                    segment.start + p + w.len()..segment.end
                }
                _ => segment,
            };
            let mut segment_start = out.len();
            // An attribute noun alone names nothing; `网络类型和状态` is one member.
            let pieces = self.merge_attribute_nouns(view, self.split_list(view, segment), |previous| {
                find_top_level(&text[previous], &["等"]).is_none()
            });
            for piece in pieces {
                let piece_text = &text[piece.clone()];
                let piece = match find_top_level(piece_text, &["等等", "等"]) {
                    Some(0) => continue,
                    Some(at) => {
                        // `应用包名以及浏览、点击等操作日志`: the plain words before 等 belong
                        // to the term after it, which stands in the list in their place.
                        let etc_len = if piece_text[at..].starts_with("等等") {
                            6
                        } else {
                            3
                        };
                        let general = self.general_after(view, piece.start + at + etc_len);
                        if let Some(general) = general.filter(|g| g.kind(self.lexicon) == head_kind) {
                            let mut kept = out[..segment_start].to_vec();
                            kept.extend(
                                out[segment_start..]
                                    .iter()
                                    .filter(|t| matches!(t.entity, Entity::Concept(_)))
                                    .cloned(),
                            );
                            out = kept;
                            if !out.iter().any(|t| t.entity == general.entity)
                                && general.entity != head.entity
                            {
                                strong += 1;
                                out.push(general);
                            }
                            segment_start = out.len();
                            continue;
                        }
                        piece.start..piece.start + at
                    }
                    None => piece,
                };
                let raw = &text[piece.clone()];
                if cues.bracket_note.find_in(raw).is_some() {
                    continue;
                }
                if cues.enumeration.contains(clean_term(self.lexicon, raw))
                    || cues.attribute_noun.contains(clean_term(self.lexicon, raw))
                {
                    continue;
                }
                // `虚拟交易相关的虚拟财产信息`: the term after 的 where it is one.
                let resolved = self.resolve_piece(view, piece.clone()).map(|i| i.term).map(|t| {
                    match t.surface.rfind('的') {
                        Some(p) => self
                            .resolve_term(&t.surface[p + '的'.len_utf8()..])
                            .filter(|u| u.kind(self.lexicon) == Kind::DataItem && !self.is_generic(u))
                            .unwrap_or(t),
                        None => t,
                    }
                });
                let (term, sure) = match resolved {
                    Some(t) => (t, true),
                    None => {
                        let cleaned = clean_term(self.lexicon, raw);
                        let (core, _) = self.strip_possessor(cleaned);
                        let mut core = clean_term(self.lexicon, core);
                        // `浏览器的类型`: a bare head noun needs its owner.
                        let bare_head = cues.data_head.contains(&fold(core));
                        if bare_head {
                            core = cleaned;
                        }
                        // A verb alone in a list of actions names the record of it:
                        // `搜索、点击、分享、收藏`.
                        let verb_noun = cues
                            .practice_verbs()
                            .iter()
                            .any(|w| w.contains(core) && core.chars().count() >= 2);
                        let plain = if bare_head {
                            looks_like_term(self.lexicon, core) && core.chars().count() <= 10
                        } else {
                            looks_like_noun(self.lexicon, core)
                        };
                        if !verb_noun && !plain {
                            continue;
                        }
                        let kind = if head_kind == Kind::ThirdParty {
                            Kind::ThirdParty
                        } else {
                            Kind::DataItem
                        };
                        (self.open_term(kind, core), false)
                    }
                };
                let kind = term.kind(self.lexicon);
                let fits = match head_kind {
                    Kind::ThirdParty => kind == Kind::ThirdParty,
                    _ => matches!(kind, Kind::DataItem | Kind::Permission),
                };
                if !fits || self.is_generic(&term) || term.entity == head.entity {
                    continue;
                }
                if !out.iter().any(|t| t.entity == term.entity) {
                    strong += usize::from(sure);
                    out.push(term);
                }
            }
        }
        (out, strong)
    }

    /// An SDK table flattened to text: a header of field names (`SDK名称`, `提供方`,
    /// `收集的信息`, `目的`), one per line or all on one line, then its rows, one field per
    /// line or one row per line. Each row names a party (the SDK) and the data it
    /// receives: one sharing per row. Returns whether the line was part of a table (its
    /// other sentences are then skipped: they describe the party's practice, not the
    /// operator's).
    fn read_table_line(&mut self, doc: &Document, index: usize, sentence: &Sentence) -> bool {
        let line_start = sentence.line.start;
        if !doc.text[line_start..sentence.range.start].trim().is_empty() {
            return false;
        }
        let line_end = sentence.line.end;
        let line = doc.text[line_start..line_end].trim();
        if line.is_empty() {
            return false;
        }
        // Outside a table only a header can open one, and no header field holds clause
        // punctuation (see `header_role`): most lines of prose end here.
        if self.table.is_none() && line.contains(['，', '。', '、', '；']) {
            return false;
        }
        let cells = table_cells(line);
        let roles: Vec<Option<Role>> = cells.iter().map(|c| self.header_role(c)).collect();
        // Spare the segmenter every other line that opens no table.
        if self.table.is_none() && !roles.iter().all(Option::is_some) {
            return false;
        }

        let view = self.view_of(line);
        // `友盟统计SDK` ends like a field name (`SDK`) but names a party.
        let bare_sdk = cells
            .iter()
            .any(|c| fold(c.trim()).ends_with("sdk") && !self.lexicon.cues.field_name.contains(c.trim()));
        let header_like =
            roles.iter().all(Option::is_some) && (!bare_sdk || self.line_party(&view).is_empty());

        // A header row opens a table; a header field line opens or extends one.
        if header_like
            && roles.contains(&Some(Role::Name))
            && self.table.as_ref().is_none_or(|t| {
                // Inside a row read one field per line, a field may be a header word
                // (`SDK` in a 服务方式 column): only a full row opens a new table.
                let mid_row = t.one_per_line && !t.parties.is_empty() && t.col > 0 && t.col < t.roles.len();
                (!t.header_open || cells.len() > 1) && !(mid_row && cells.len() == 1)
            })
        {
            self.table = Some(ColumnTable {
                roles: name_first(roles.into_iter().flatten()),
                one_per_line: cells.len() == 1,
                header_open: cells.len() == 1,
                cell_open: false,
                col: 0,
                parties: Vec::new(),
                row_data: Vec::new(),
            });
            self.table_consumed_to = line_end;
            return true;
        }
        let Some(mut table) = self.table.take() else {
            return false;
        };
        if table.header_open {
            // `第三方官网` then `/隐私政策`: one header cell broken at its slash.
            if header_like && cells.len() == 1 && line.starts_with(['/', '／']) {
                self.table = Some(table);
                self.table_consumed_to = line_end;
                return true;
            }
            if header_like && cells.len() == 1 {
                let roles = table.roles.iter().copied().chain(roles.into_iter().flatten());
                table.roles = name_first(roles);
                self.table = Some(table);
                self.table_consumed_to = line_end;
                return true;
            }
            table.header_open = false;
            if table.roles.len() < 2 {
                return false;
            }
        }
        let n = table.roles.len();
        let name_at = table.roles.iter().position(|r| *r == Role::Name).unwrap_or(0);
        if table.one_per_line {
            // `1`, `2`: the row number of a 序号 column, no field of the row.
            if line.len() <= 3 && line.chars().all(|c| c.is_ascii_digit()) {
                self.table = Some(table);
                self.table_consumed_to = line_end;
                return true;
            }
            // A field broken over lines (`…SIM卡IMSI信息）、` then `设备MAC地址、…`).
            if table.cell_open && table.col > 0 && !table.parties.is_empty() {
                table.cell_open = line.ends_with(['、', '，', ',']);
                let role = table.roles[(table.col - 1).min(n - 1)];
                let reading = CellReading::of(&table, role);
                let data = self.read_table_cell(&view, 0..line.len(), index, reading);
                if reading.data {
                    table.row_data.extend(data.iter().cloned());
                    self.emit_table_share(&table.parties, data, index);
                }
                self.table = Some(table);
                self.table_consumed_to = line_end;
                return true;
            }
            table.cell_open = line.ends_with(['、', '，', ',']);
            let role = table.roles[table.col.min(n - 1)];
            // A row's name is due where all fields of the last row are filled; a party
            // named in another field (`QQ登录/QQ分享` as a purpose) starts no row.
            let name_due = table.col == name_at || table.col >= n;
            let mut party = if !name_due {
                Vec::new()
            } else {
                self.line_party(&view)
            };
            // The company cell of a row that ran a line long (a link broken in two)
            // comes where the next name is due: it names the row's company, no new row.
            let late_company = table.col >= n
                && table.roles.contains(&Role::Company)
                && self.lexicon.cues.company_suffix.suffix_of(line).is_some();
            if late_company {
                party.clear();
                self.read_company_cell(&table, line, &view, index);
            } else if party.is_empty() && name_due && self.names_unknown_party(line, table.col == n) {
                // A short plain line is the next party's name even if no lexicon knows it.
                party.push(self.open_term(Kind::ThirdParty, clean_term(self.lexicon, line)));
            }
            if !party.is_empty() {
                table.parties = party;
                table.row_data.clear();
                table.col = name_at + 1;
                self.emit_table_share(&table.parties, Vec::new(), index);
                self.remember_parties(&table.parties.clone());
            } else {
                // Past the last field, a sentence of prose ends the table.
                let prose = line.contains('。') || line.chars().count() > 60;
                if table.col >= n && prose {
                    return false;
                }
                if table.parties.is_empty() {
                    // Rows not yet begun: a few lines of other text may stand between.
                    table.col += 1;
                    if table.col <= n {
                        self.table = Some(table);
                    }
                    return false;
                }
                let reading = CellReading::of(&table, role);
                if table.col < n {
                    let data = self.read_table_cell(&view, 0..line.len(), index, reading);
                    if reading.data {
                        table.row_data.extend(data.iter().cloned());
                        self.emit_table_share(&table.parties, data, index);
                    }
                }
                if role == Role::Company && table.col < n {
                    self.read_company_cell(&table, line, &view, index);
                }
                table.col += 1;
            }
        } else {
            let cells_at = cell_ranges(line);
            let Some(first) = cells_at.get(name_at).or(cells_at.first()) else {
                return false;
            };
            let party = self.line_party(&self.view_of(&line[first.clone()]));
            if party.is_empty() {
                if line.contains('。') || line.chars().count() > 80 {
                    return false;
                }
            } else {
                let aligned = cells_at.len() == n;
                let mut data = Vec::new();
                for (i, range) in cells_at.iter().enumerate() {
                    let role = if aligned { Some(table.roles[i]) } else { None };
                    let reading = match role {
                        Some(r) => CellReading::of(&table, r),
                        None => CellReading {
                            data: i != name_at,
                            permissions: i != name_at,
                        },
                    };
                    if reading.data || reading.permissions {
                        for d in self.read_table_cell(&view, range.clone(), index, reading) {
                            if !data.contains(&d) {
                                data.push(d);
                            }
                        }
                    }
                }
                self.emit_table_share(&party, data, index);
                self.remember_parties(&party);
                table.parties = party;
            }
        }
        self.table = Some(table);
        self.table_consumed_to = line_end;
        true
    }

    /// The company field of a row, one field per line (`北京锐讯灵通科技有限公司`): the
    /// company behind the row's SDK receives what the SDK does. Only a name that ends as
    /// a company's does: a link or a note (`— QQ互联WIKI`) run into the field names none.
    fn read_company_cell(&mut self, table: &ColumnTable, line: &str, view: &View, index: usize) {
        let company_name = self.lexicon.cues.company_suffix.suffix_of(line).is_some();
        if table.parties.is_empty()
            || !company_name
            || line.chars().count() > 40
            || line.contains(['，', '。', '；', '：', ':'])
        {
            return;
        }
        let mut company = self.line_party(view);
        if company.is_empty() {
            company.push(self.open_term(Kind::ThirdParty, clean_term(self.lexicon, line)));
        }
        company.retain(|c| !table.parties.contains(c));
        if !company.is_empty() {
            self.emit_table_share(&company, table.row_data.clone(), index);
        }
    }

    /// A field whose value stands on the next line: `SDK/API名称:` then `友盟+移动统计SDK`,
    /// `共享个人信息字段:` then `设备MAC地址、IMEI`. The key line is remembered; the value
    /// line names the record's party, lists what it receives, or (another field: 合作目的,
    /// 合作方式) describes the party and states no practice of the operator. Not where the
    /// next line is a key too: that is the header of a table (see `read_table_line`).
    fn read_split_field(&mut self, doc: &Document, index: usize, sentence: &Sentence) -> bool {
        let line_range = sentence.line.clone();
        if !doc.text[line_range.start..sentence.range.start].trim().is_empty() {
            return false;
        }
        let line = doc.text[line_range.clone()].trim();
        // Only a key of the party or of its data opens a split field.
        let key_role = self
            .split_key_role(line)
            .filter(|r| matches!(r, Role::Name | Role::Data));
        if let Some(role) = key_role {
            let next = doc.text[line_range.end..]
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            // `iOS框架及工具类SDK：` before a table whose header is `SDK名称`, `作用`.
            // A name that ends like a field (`友盟+移动统计SDK`) is a value still.
            let named_sdk = fold(next).ends_with("sdk") && !self.lexicon.cues.field_name.contains(next);
            let header = self.header_role(next).is_some() && !named_sdk;
            if next.is_empty() || self.split_key_role(next).is_some() || header {
                return false;
            }
            self.pending_field = Some(role);
            self.table_consumed_to = line_range.end;
            return true;
        }
        let Some(role) = self.pending_field.take() else {
            return false;
        };
        let view = self.view_of(line);
        // Only a party surely named (a lexicon one, or one that says it is an SDK), and
        // data where a party was named: any other line is read as it stands.
        match role {
            Role::Name => {
                let mut parties: Vec<Term> = self
                    .line_party(&view)
                    .into_iter()
                    .filter(|t| matches!(t.entity, Entity::Concept(_)) || fold(&t.surface).contains("sdk"))
                    .collect();
                if parties.is_empty() && fold(line).contains("sdk") && self.names_unknown_party(line, false) {
                    parties.push(self.open_term(Kind::ThirdParty, clean_term(self.lexicon, line)));
                }
                if parties.is_empty() {
                    return false;
                }
                if self.split_record_lines == 0 {
                    self.emit_table_share(&parties, Vec::new(), index);
                    self.remember_parties(&parties);
                    self.table_party = parties;
                    self.split_record_lines = SPLIT_RECORD_LINES;
                }
            }
            Role::Data => {
                if self.table_party.is_empty() {
                    return false;
                }
                let data = self.read_table_cell(&view, 0..line.len(), index, CellReading::DATA);
                let parties = self.table_party.clone();
                self.emit_table_share(&parties, data, index);
                self.split_record_lines = 0;
            }
            Role::Company | Role::Permission | Role::Other => return false,
        }
        self.table_consumed_to = line_range.end;
        true
    }

    /// The role of a line that is a field's key alone: short, ending with a colon.
    fn split_key_role(&self, line: &str) -> Option<Role> {
        let key = line.strip_suffix(['：', ':'])?;
        if key.chars().count() > 14 || key.contains(['，', '。', '、', '；', '：', ':']) {
            return None;
        }
        self.header_role(key)
    }

    /// A text of its own (a table line or cell) made ready for the rules: segmented once,
    /// its mentions found.
    fn view_of<'t>(&self, text: &'t str) -> View<'t> {
        let tokens = self.segmenter.tokens(text);
        let mentions = find_mentions(self.lexicon, text, &tokens);
        View::new(text, &tokens, mentions)
    }

    fn emit_table_share(&mut self, parties: &[Term], data: Vec<Term>, index: usize) {
        if parties.is_empty() {
            return;
        }
        self.out
            .practices
            .push(Practice::record_sharing(parties.to_vec(), data, index));
    }

    /// The data items of a table cell, a list whose members may also be parted by `；` or
    /// `，`, and the permissions it names (`存储读写权限`, `内存卡权限` among the data of a
    /// row, or a column of them), which the app calls for the row's SDK. Each piece of the
    /// cell is parsed once for both; the data is returned, the permissions are stated.
    fn read_table_cell(
        &mut self,
        view: &View,
        span: Range<usize>,
        index: usize,
        reading: CellReading,
    ) -> Vec<Term> {
        let mut data = Vec::new();
        let mut permissions: Vec<Term> = Vec::new();
        for piece in split_top_level(view.text, span.clone(), &['；', ';', '，', ',', ' ']) {
            // `属敏感信息`: a note on the cell, not an item; `Android:` only says where.
            let piece_text = view.text[piece.clone()].trim();
            let note = self.lexicon.cues.bracket_note.find_in(piece_text).is_some()
                || piece_text.ends_with([':', '：']);
            if note && !reading.permissions {
                continue;
            }
            let items = self.parse_list(view, piece);
            if reading.permissions {
                for item in &items {
                    if item.term.kind(self.lexicon) == Kind::Permission && !permissions.contains(&item.term) {
                        permissions.push(item.term.clone());
                    }
                }
            }
            if reading.data && !note {
                for d in self.data_terms(&items, index, false) {
                    if !data.contains(&d) {
                        data.push(d);
                    }
                }
            }
        }
        if reading.permissions && span == (0..view.text.len()) {
            for open in self.open_permissions(view) {
                if !permissions.iter().any(|f| f.entity == open.entity) {
                    permissions.push(open);
                }
            }
        }
        for permission in permissions {
            self.out
                .practices
                .push(Practice::permission_only(permission, &[], &None, index));
        }
        data
    }

    /// The role of a table header cell: the party's name, its company, the data it
    /// receives, or another field (purpose, permissions, link).
    fn header_role(&self, cell: &str) -> Option<Role> {
        let c = cell.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '|' | '：' | ':'));
        let n = c.chars().count();
        if n == 0 || n > 14 || c.contains(['，', '。', '、', '；']) {
            return None;
        }
        let cues = &self.lexicon.cues;
        if cues.field_data.suffix_of(c).is_some() {
            Some(Role::Data)
        } else if cues.field_company.suffix_of(c).is_some() || cues.field_company_cell.contains(c) {
            Some(Role::Company)
        } else if cues.field_name.suffix_of(c).is_some() {
            Some(Role::Name)
        } else if cues.field_permission.suffix_of(c).is_some() {
            Some(Role::Permission)
        } else if cues.field_other.suffix_of(c).is_some() {
            Some(Role::Other)
        } else {
            None
        }
    }

    /// A short plain line that can be a party's name: no clause punctuation, no verb or
    /// purpose opening it, no link.
    ///
    /// `by_position`: the line stands where the table's columns say the next name is
    /// due, every field of the last row filled; a verb in it (`Umeng社会化分享`) is then
    /// part of the name, not a sign of a purpose cell.
    fn names_unknown_party(&self, line: &str, by_position: bool) -> bool {
        let cues = &self.lexicon.cues;
        let n = line.chars().count();
        (2..=25).contains(&n)
            && !line.contains(['，', '。', '；', '、', '：', ':', ',', ';', '/'])
            && !line.contains("http")
            && cues.bracket_note.find_in(line).is_none()
            && (by_position
                || [&cues.collect, &cues.share, &cues.provide, &cues.purpose, &cues.feature_open]
                    .iter()
                    .all(|w| w.find_in(line).is_none()))
            && line.chars().any(|c| c.is_alphabetic())
            // `READ_EXTERNAL_STORAGE`: a permission's constant.
            && !line.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c == '.')
            && self.header_role(line).is_none()
            && self
                .resolve_term(clean_term(self.lexicon, line))
                .is_none_or(|t| t.kind(self.lexicon) == Kind::ThirdParty)
            && !line.chars().all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace())
    }

    /// The party a table line names: lexicon parties written in it (after the company
    /// that owns them: `腾讯科技有限公司的“优量汇”SDK`), or a name ending in SDK.
    fn line_party(&self, view: &View) -> Vec<Term> {
        let text = view.text;
        if text.chars().count() > 40 || text.contains(['。', '，', '；', '：', ':']) {
            return Vec::new();
        }
        let owner_end = text.rfind('的').map_or(0, |p| p + '的'.len_utf8());
        let mut parties: Vec<Term> = view
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::ThirdParty && m.range.start >= owner_end)
            .map(|m| self.concept_term(m.concept, &text[m.range.clone()]))
            .collect();
        parties.dedup();
        if parties.is_empty() && fold(text).ends_with("sdk") {
            let name = clean_term(self.lexicon, &text[owner_end..]);
            let name = name.trim_matches(|c: char| matches!(c, '“' | '”' | '"'));
            if name.chars().count() >= 2 {
                parties.push(self.open_term(Kind::ThirdParty, &name.replace(['“', '”', '"'], "")));
            }
        }
        parties
    }

    /// `SDK名称：X … 收集个人信息类型：A、B` (a flattened table row or key–value list).
    /// Returns whether the sentence was a record (it named a party or listed its data):
    /// then it states no collection by the operator, whatever verbs its keys hold.
    fn read_fields(&mut self, doc: &Document, sentence: &Sentence, view: &View, index: usize) -> bool {
        let text = view.text;
        let fields = key_values(text);
        if fields.is_empty() {
            return false;
        }
        let mut record = false;
        let cues = &self.lexicon.cues;
        let in_block = self.in_party_block(doc, sentence, index) && !self.table_party.is_empty();
        let mut fields = fields.into_iter();
        while let Some((key, value)) = fields.next() {
            let key_text = key_core(&text[key.clone()]);
            if cues.field_name.suffix_of(key_text).is_some() && cues.field_data.suffix_of(key_text).is_none()
            {
                let items = self.parse_list(view, value);
                let mut parties: Vec<Term> = items
                    .into_iter()
                    .filter(|i| i.term.kind(self.lexicon) == Kind::ThirdParty)
                    .map(|i| i.term)
                    .collect();
                if !parties.is_empty() {
                    // `2.微信SDK` then `提供方名称：腾讯`: the company joins the SDK its
                    // block is headed by; both receive the block's data.
                    if in_block && cues.field_company.suffix_of(key_text).is_some() {
                        let mut joined = self.table_party.clone();
                        for party in parties {
                            if !joined.iter().any(|q| q.entity == party.entity) {
                                joined.push(party);
                            }
                        }
                        parties = joined;
                    }
                    self.table_party = parties.clone();
                    self.remember_parties(&parties);
                    record = true;
                }
            } else if cues.field_data.suffix_of(key_text).is_some() && !self.table_party.is_empty() {
                record = true;
                let items = if self.denies(&text[value.clone()]) {
                    Vec::new()
                } else {
                    self.parse_list(view, value.clone())
                };
                let mut data = self.data_terms(&items, index, false);
                // `个人信息字段：设备信息：设备标识符（IMEI…）、应用信息（…）`: an empty value
                // opens fields of data kinds, each read for its kind and its items.
                if value.is_empty() {
                    for (key, value) in fields.by_ref() {
                        data.extend(self.data_field(view, key, value, index));
                    }
                }
                self.emit_record_data(data, index);
            } else if in_block && self.names_data_kind(key_text) {
                // `网络信息：IP地址，WiFi信息` in an SDK's block: a kind of data and its items.
                record = true;
                let mut data = self.data_field(view, key, value, index);
                for (key, value) in fields.by_ref() {
                    data.extend(self.data_field(view, key, value, index));
                }
                self.emit_record_data(data, index);
            }
        }
        record
    }

    /// A general data term (`个人信息`, `隐私信息`) or one the lexicon does not know, in
    /// `object`, written after a clause on what the user does (`您写入剪贴板的个人信息`),
    /// as that qualified term (`写入剪贴板的个人信息`).
    fn qualified_general(&self, view: &View, object: &Range<usize>, term: &Term) -> Option<Term> {
        let generic = self.is_generic(term) || matches!(term.entity, Entity::Open(..));
        if !generic || term.kind(self.lexicon) != Kind::DataItem {
            return None;
        }
        let text = &view.text[object.clone()];
        let end = text.find(term.surface.as_str())? + term.surface.len();
        let before = text[..end - term.surface.len()].strip_suffix('的')?;
        let start = before
            .rfind(['、', '，', ',', '或', '和', '及'])
            .map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
        let clause = &text[start..end];
        let qualified = ["您", "你"].iter().find_map(|w| clause.strip_prefix(w))?;
        (qualified.chars().count() <= MAX_QUALIFIED_CHARS && !qualified.starts_with('的'))
            .then(|| self.open_term(Kind::DataItem, qualified))
    }

    /// Whether a field's key is a kind of data the lexicon knows (`网络信息：`), not a
    /// field of another column (`服务类型：`, `SDK厂商信息：`).
    fn names_data_kind(&self, key: &str) -> bool {
        self.lexicon.cues.field_other.suffix_of(key).is_none()
            && self.header_role(key).is_none()
            && self.resolve_term(clean_term(self.lexicon, key)).is_some_and(|t| {
                matches!(t.entity, Entity::Concept(_)) && t.kind(self.lexicon) == Kind::DataItem
            })
    }

    /// The data of a field `kind：items`: the kind, if it is a data item, and its items.
    fn data_field(&mut self, view: &View, key: Range<usize>, value: Range<usize>, index: usize) -> Vec<Term> {
        // `位置信息：不收集`, `通讯录：无`: a field that says no gives nothing.
        if self.denies(&view.text[value.clone()]) {
            return Vec::new();
        }
        let key = key.start..key.start + key_core(&view.text[key.clone()]).len();
        let mut items = self.parse_list(view, key);
        items.extend(self.parse_list(view, value));
        self.data_terms(&items, index, false)
    }

    /// Whether a field's value says no (`不收集`, `不涉及`, `无`, `否`).
    fn denies(&self, value: &str) -> bool {
        let value = value.trim();
        self.lexicon.cues.negation.prefix_of(value).is_some()
            || matches!(value, "无" | "否" | "暂无" | "/" | "-")
    }

    /// The data a field of a record gives its parties.
    fn emit_record_data(&mut self, data: Vec<Term>, index: usize) {
        if !data.is_empty() {
            self.out
                .practices
                .push(Practice::record_sharing(self.table_party.clone(), data, index));
        }
    }

    /// A line that is only a party's name (`友盟移动统计SDK`) opens a block of fields about
    /// it (`收集个人信息类型：…` on the following lines).
    fn read_party_line(&mut self, doc: &Document, index: usize, sentence: &Sentence, view: &View) -> bool {
        let text = view.text;
        let whole_line = doc.text[..sentence.range.start].ends_with('\n') || sentence.range.start == 0;
        let n = text.chars().count();
        if !whole_line || n > 30 || text.contains(['：', ':', '。', '，']) {
            return false;
        }
        let items = self.parse_list(view, 0..text.len());
        // Only a name that is surely a party: a lexicon one, or one that says it is an SDK.
        let names_sdk =
            |t: &Term| matches!(t.entity, Entity::Concept(_)) || fold(&t.surface).ends_with("sdk");
        let all_parties = !items.is_empty()
            && items
                .iter()
                .all(|i| i.term.kind(self.lexicon) == Kind::ThirdParty && names_sdk(&i.term));
        if all_parties {
            self.table_party = items.into_iter().map(|i| i.term).collect();
            let parties = self.table_party.clone();
            self.remember_parties(&parties);
            // An SDK's block (`腾讯 Bugly SDK` then `功能：…`, `权限：…`) lists it among the
            // app's SDKs even where no field names its data. Not a bare lexicon name
            // outside a part on third parties: `微信登录` may head a feature.
            // Nor a heading that only names the kind (`（4）第三方SDK`).
            let says_sdk = parties.iter().all(|p| fold(&p.surface).ends_with("sdk"));
            let placeholder = parties.iter().any(|p| self.is_placeholder(p));
            if !placeholder && (says_sdk || self.in_sdk_section(doc, sentence)) {
                self.emit_table_share(&parties, Vec::new(), index);
            }
        }
        all_parties
    }

    /// A line that only lists data items, a few lines after a line that was only a
    /// party's name: a table row without keys (`微信` then `设备信息`; `QQ互联`, `SDK`,
    /// its purpose, then `操作系统信息、设备信息`). The data goes to that party.
    fn read_party_data_line(
        &mut self,
        doc: &Document,
        sentence: &Sentence,
        view: &View,
        index: usize,
    ) -> bool {
        let text = view.text;
        let recent = self.in_party_row(index);
        let whole_line = doc.text[sentence.line.clone()].trim() == text.trim();
        if !recent || !whole_line || self.table_party.is_empty() || text.contains(['。', '：', ':']) {
            return false;
        }
        let cues = &self.lexicon.cues;
        // Only in a part on third parties, by its heading or the text just before (`附录：
        // 92APP接入的第三方SDK列表`): a sign-up form lists `执法人员` and then `密码`.
        let in_sdk_section = self.in_sdk_section(doc, sentence);
        if !in_sdk_section && !near_sdk_mention(doc, sentence) {
            return false;
        }
        let depth = view.paren_depths();
        let has_verb = cues
            .practice_verbs()
            .iter()
            .any(|words| words.find_all(text).into_iter().any(|(at, _)| depth[at] == 0));
        // A line that names a party of its own (`百度地图SDK地址定位用于…位置信息`) is a row
        // of that party, read elsewhere.
        let names_party = view.mentions.iter().any(|m| m.kind == Kind::ThirdParty);
        if has_verb || names_party {
            return false;
        }
        let items = self.parse_list(view, 0..text.len());
        let data = self.data_terms(&items, index, false);
        let known = data
            .iter()
            .filter(|d| matches!(d.entity, Entity::Concept(_)))
            .count();
        if known == 0 || data.len() * 2 < items.len() {
            return false;
        }
        let parties = self.table_party.clone();
        self.emit_table_share(&parties, data, index);
        true
    }

    /// `使用的第三方: A、B，用于…` names the parties that a later `此SDK`/`这些SDK` on the
    /// line refers to: a field whose key ends in a party word, read up to its first clause.
    fn remember_field_parties(&mut self, view: &View) {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let mut found = Vec::new();
        for (key, value) in key_values(text) {
            let key_text = key_core(&text[key]);
            if cues.party_head.suffix_of(key_text).is_none() && cues.field_name.suffix_of(key_text).is_none()
            {
                continue;
            }
            let value_text = &text[value.clone()];
            let end = value.start
                + value_text
                    .find(['，', ',', '。', '；', ';'])
                    .unwrap_or(value_text.len());
            found.extend(self.parties_in(view, value.start..end));
        }
        self.remember_parties(&found);
    }

    fn remember_parties(&mut self, parties: &[Term]) {
        for p in parties {
            if !self.line_parties.1.contains(p) {
                self.line_parties.1.push(p.clone());
            }
        }
    }

    /// The items of a list as data: a device word (`蓝牙`) or a party that runs or makes
    /// the device (`电信运营商`) listed among data items names data.
    fn listed_as_data(&self, items: &[Item]) -> Vec<Item> {
        // Items that are permissions (获取您的位置权限) are not data — unless they stand in
        // a list of data items, where the device word names its data (`设备型号、蓝牙`).
        let data_count = items
            .iter()
            .filter(|i| i.term.kind(self.lexicon) == Kind::DataItem)
            .count();
        let permissions_are_data = data_count >= 2;
        // `IP地址、电信运营商、网络环境`, `设备型号、设备平台、设备厂商`: among data items, who
        // runs or makes the device names data about it.
        let device_party = |i: &Item| {
            data_count >= 2
                && i.term.kind(self.lexicon) == Kind::ThirdParty
                && self
                    .lexicon
                    .cues
                    .device_party
                    .suffix_of(&i.term.surface)
                    .is_some()
                && i.term.surface.chars().count() <= 6
        };
        items
            .iter()
            .map(|i| {
                // `存储权限` is never data, whatever the list.
                if permissions_are_data
                    && i.term.kind(self.lexicon) == Kind::Permission
                    && !fold(&i.term.surface).ends_with("权限")
                    || device_party(i)
                {
                    Item {
                        term: self.open_term(Kind::DataItem, &i.term.surface),
                        permission: i.permission.clone(),
                        members: i.members.clone(),
                    }
                } else {
                    i.clone()
                }
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn emit_collection(
        &mut self,
        practices: &mut Vec<Practice>,
        items: &[Item],
        features: &[String],
        parties: &[Term],
        negated: bool,
        purpose: &Option<String>,
        index: usize,
    ) {
        let as_data = self.listed_as_data(items);
        let items = &as_data[..];
        let permission_items: Vec<Term> = items
            .iter()
            .filter(|i| i.term.kind(self.lexicon) == Kind::Permission)
            .map(|i| i.term.clone())
            .collect();
        let data_items: Vec<&Item> = items
            .iter()
            .filter(|i| i.term.kind(self.lexicon) == Kind::DataItem)
            .collect();
        // Group data by the permission written in the item itself.
        let mut groups: Vec<(Option<Term>, Vec<Term>)> = Vec::new();
        for item in &data_items {
            let data = self.data_terms(std::slice::from_ref(*item), index, negated);
            if data.is_empty() {
                continue;
            }
            match groups.iter_mut().find(|(p, _)| *p == item.permission) {
                Some((_, d)) => d.extend(data),
                None => groups.push((item.permission.clone(), data)),
            }
        }
        let kind = if parties.is_empty() {
            PracticeKind::Collection
        } else {
            PracticeKind::Sharing
        };
        for (permission, data) in groups {
            practices.push(Practice {
                kind,
                negated,
                features: features.to_vec(),
                permission,
                data,
                recipients: parties.to_vec(),
                purpose: purpose.clone(),
                sentence: index,
            });
        }
        if !negated {
            for permission in permission_items {
                practices.push(Practice::permission_only(permission, features, purpose, index));
            }
        }
    }

    /// Ties the permissions named in a sentence to its practices: a practice without a
    /// permission gets the sentence's only permission; a permission no practice carries
    /// becomes a practice of its own (the features require it).
    fn attach_permissions(
        &self,
        practices: &mut Vec<Practice>,
        permissions: Vec<Term>,
        features: &[String],
        purpose: &Option<String>,
        index: usize,
    ) {
        let mut distinct: Vec<Term> = Vec::new();
        for p in permissions {
            if !distinct.iter().any(|d| d.entity == p.entity) {
                distinct.push(p);
            }
        }
        if distinct.len() == 1 {
            let only = &distinct[0];
            for practice in practices.iter_mut() {
                if practice.permission.is_none()
                    && practice.kind == PracticeKind::Collection
                    && !practice.negated
                    && !practice.data.is_empty()
                {
                    practice.permission = Some(only.clone());
                }
            }
        }
        // Several permissions, or a third party's practice: each permission goes with the
        // data the lexicon says it guards (`pk:protectedBy`), and only with them:
        // `需要获取您的位置权限、存储权限并收集地理位置信息` pairs 位置权限 with the location.
        let mut guarded_copies = Vec::new();
        for permission in &distinct {
            let Entity::Concept(id) = permission.entity else {
                continue;
            };
            let concept = self.lexicon.concept(id);
            let names: Vec<&String> = std::iter::once(&concept.iri).chain(&concept.broader).collect();
            for practice in practices.iter() {
                if practice.permission.is_some() || practice.negated {
                    continue;
                }
                let guarded: Vec<Term> = practice
                    .data
                    .iter()
                    .filter(|d| match d.entity {
                        Entity::Concept(d) => {
                            let guards = &self.lexicon.concept(d).protected_by;
                            names.iter().any(|n| guards.contains(n))
                        }
                        Entity::Open(..) => false,
                    })
                    .cloned()
                    .collect();
                if !guarded.is_empty() {
                    guarded_copies.push(Practice {
                        permission: Some(permission.clone()),
                        data: guarded,
                        ..practice.clone()
                    });
                }
            }
        }
        // The sentence's features require each permission, whichever data it guards.
        for permission in distinct {
            let carried = practices.iter().any(|p| {
                p.permission
                    .as_ref()
                    .is_some_and(|q| q.entity == permission.entity)
            });
            if !carried {
                practices.push(Practice::permission_only(permission, features, purpose, index));
            }
        }
        practices.extend(guarded_copies);
    }

    /// Data terms of items, with their members; records the inclusions.
    fn data_terms(&mut self, items: &[Item], index: usize, negated: bool) -> Vec<Term> {
        let mut data = Vec::new();
        for item in items {
            if item.term.kind(self.lexicon) != Kind::DataItem {
                continue;
            }
            let generic = self.is_generic(&item.term);
            if negated || !generic {
                data.push(item.term.clone());
            }
            for member in &item.members {
                if member.kind(self.lexicon) != Kind::DataItem {
                    continue;
                }
                if member.entity == item.term.entity {
                    if member.surface != item.term.surface && !generic {
                        data.push(member.clone());
                    }
                    continue;
                }
                // `银行卡信息（敏感个人信息）` classifies; an umbrella word is no member.
                if !generic && !self.is_generic(member) {
                    self.out.inclusions.push(Inclusion {
                        general: item.term.clone(),
                        specific: member.clone(),
                        sentence: index,
                    });
                }
                if negated || !self.is_generic(member) {
                    data.push(member.clone());
                }
            }
        }
        // `广告数据（如曝光、点击、转化数据等）`: a member the lexicon takes for the same
        // concept stays as a surface of it.
        let mut seen = Vec::new();
        data.retain(|t| {
            let key = (t.entity.clone(), t.surface.clone());
            let new = !seen.contains(&key);
            seen.push(key);
            new
        });
        data
    }

    fn is_generic(&self, term: &Term) -> bool {
        let surface = &term.surface;
        let folded = fold(surface);
        // `其他相关信息`: other umbrella words are umbrella words too.
        let other = folded
            .get(
                self.lexicon
                    .cues
                    .other_prefix
                    .prefix_of(&folded)
                    .map_or(folded.len(), str::len)..,
            )
            .filter(|rest| !rest.is_empty())
            .is_some_and(|rest| self.lexicon.is_generic(rest));
        other
            || self.lexicon.is_generic(&folded)
            || self
                .lexicon
                .is_generic(&fold(strip_determiners(self.lexicon, surface)))
            || self.is_pointing_umbrella(term)
    }

    /// `这方面的信息`, `该实际订购人的前述信息`, `新的个人信息`: an umbrella word whose
    /// modifier only points or qualifies (an anaphor or determiner inside, 新, 非) names
    /// no item of its own. Open-vocabulary terms only: the lexicon's are named.
    fn is_pointing_umbrella(&self, term: &Term) -> bool {
        let Entity::Open(_, label) = &term.entity else {
            return false;
        };
        let cues = &self.lexicon.cues;
        let Some(at) = ["个人信息", "信息", "数据"]
            .iter()
            .find_map(|w| label.strip_suffix(w))
        else {
            return false;
        };
        let modifier = at.trim_end_matches('的');
        let points = |words: &crate::lexicon::Words| {
            words
                .find_all(modifier)
                .into_iter()
                .any(|(_, w)| w.chars().count() >= 2 && !w.starts_with("其他"))
        };
        points(&cues.anaphor)
            || points(&cues.determiner)
            || ["这", "该", "此", "新", "非"]
                .iter()
                .any(|w| modifier.starts_with(w))
    }

    /// All verbs of a sentence, longest cue first at each position, on token boundaries,
    /// outside lexicon mentions and outside the feature frame.
    fn verbs(&self, view: &View, frame: &Option<Range<usize>>) -> Vec<Verb> {
        let cues = &self.lexicon.cues;
        let text = view.text;
        let mut verbs = Vec::new();
        // A verb inside round brackets qualifies what stands before them
        // (`IMEI（仅在安卓9及以下版本收集）`, `记录（包括在后台运行状态下接收和记录）`): it
        // opens no object of its own. Bracketed denials are read by `bracket_denials`.
        let depth = view.paren_depths();
        let mut i = 0;
        while i < text.len() {
            if depth[i] > 0 {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let rest = &text[i..];
            let candidates = [
                (cues.share.prefix_of(rest), VerbKind::Share),
                (cues.collect.prefix_of(rest), VerbKind::Collect),
                (cues.provide.prefix_of(rest), VerbKind::Provide),
            ];
            let best = candidates
                .into_iter()
                .filter_map(|(w, k)| w.map(|w| (w, k)))
                .max_by_key(|(w, k)| (w.len(), *k == VerbKind::Share));
            if let Some((word, kind)) = best {
                let range = i..i + word.len();
                let in_frame = frame
                    .as_ref()
                    .is_some_and(|f| f.start <= range.start && range.end <= f.end);
                // `与合作伙伴共享信息`: after its recipient, 共享 is the verb, not a noun.
                let after_party = kind == VerbKind::Share
                    && (view
                        .mentions
                        .iter()
                        .any(|m| m.kind == Kind::ThirdParty && m.range.end == range.start)
                        || cues.party_head.suffix_of(&text[..range.start]).is_some())
                    // `…合作伙伴共享信息及使用方式`: a title naming the topic.
                    && !["及", "的", "和", "类", "方式"]
                        .iter()
                        .any(|w| text[range.end..].trim_start_matches(['信', '息', '数', '据']).starts_with(w));
                // `会收集您使用产品或服务的设备名称`: the user's verb right after another
                // verb opens a relative clause of its object, not a practice.
                let relative = verbs.last().is_some_and(|v: &Verb| {
                    matches!(&text[v.range.end..range.start], "您" | "用户" | "你")
                        && text[range.end..]
                            .split(['，', ',', '。', '；', ';', '：', ':'])
                            .next()
                            .is_some_and(|rest| rest.contains('的'))
                });
                if view.is_boundary(range.start)
                    && view.is_boundary(range.end)
                    && !view.cuts_mention(&range)
                    && !in_frame
                    && !relative
                    && (after_party || !is_noun_use(text, &range) || self.denied_disposal(text, &range))
                {
                    verbs.push(Verb {
                        range: range.clone(),
                        kind,
                        modifier: text[range.end..].starts_with('的'),
                    });
                    i = range.end;
                    continue;
                }
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        verbs
    }

    /// Collection stated without a collection verb: data kept on the operator's
    /// servers (`您的播放历史、歌单会存储在我们的服务器`), the user's data the operator
    /// keeps (`我们可能会保存您的通话记录`), or works from (`我们会根据您的浏览偏好、习惯…`).
    /// Returns the span of each data list; an affirmative clause of the operator only.
    fn implicit_collections(&self, view: &View) -> Vec<Range<usize>> {
        let cues = &self.lexicon.cues;
        let text = view.text;
        let mut found = Vec::new();
        let verbs = cues
            .store
            .find_all(text)
            .into_iter()
            .map(|(at, w)| (at, w, true))
            .chain(
                cues.basis
                    .find_all(text)
                    .into_iter()
                    .map(|(at, w)| (at, w, false)),
            );
        for (at, word, keeps) in verbs {
            let verb = at..at + word.len();
            if !view.is_boundary(verb.start) || !view.is_boundary(verb.end) || view.cuts_mention(&verb) {
                continue;
            }
            let clause = clause_of(text, verb.start);
            let subject = &text[clause.start..verb.start];
            if self.is_conditional(subject)
                || self.is_hedged(subject)
                || self.is_negated(view, 0, clause.start, verb.start)
                || cues.conditional.find_in(&text[clause.clone()]).is_some()
                || cues.advice.find_in(&text[..verb.start]).is_some()
            {
                continue;
            }
            let after = &text[verb.end..clause.end.max(verb.end)];
            let operator_subject = subject.contains("我们") && !user_is_agent(self.lexicon, subject);
            let users_data = after.starts_with('您');
            if keeps && after.starts_with(['在', '于']) {
                // `A会存储在我们的服务器`: the data stands before the verb.
                let place: String = after.chars().skip(1).take(8).collect();
                let data = strip_modals(self.lexicon, subject);
                if cues.operator_place.find_in(&place).is_some() && !data.contains("我们") && !data.is_empty()
                {
                    let start = clause.start + (subject.len() - subject.trim_start().len());
                    found.push(start..start + data.trim_start().len());
                }
            } else if operator_subject && users_data {
                // `我们会保存您的A`, `我们会根据您的A、B分析…`. `根据您的发布行为，收集相应
                // 的个人信息`: what decides a collection stated after it is no data of it.
                if !keeps && cues.collect.find_in(&text[clause.end..]).is_some() {
                    continue;
                }
                let object = verb.end..clause.end.max(verb.end);
                let end = self.end_before_purpose(text, object.start).min(object.end);
                let end = self.end_of_data(view, object.start, end.max(object.start));
                found.push(object.start..end.max(object.start));
            }
        }
        found
    }

    /// The clause tells the user where to click (`您可以点击…`, `进入【设置】`). An
    /// instruction word inside brackets or listed among data (`广告数据（如曝光、点击、
    /// 转化数据等）`) names data, not a step.
    fn instructs(&self, text: &str, clause: &Range<usize>) -> bool {
        // Most clauses hold no instruction word: their brackets need no look.
        let depth = OnceCell::new();
        self.lexicon
            .cues
            .instruction
            .find_all(&text[clause.clone()])
            .into_iter()
            .any(|(at, word)| {
                let start = clause.start + at;
                let end = start + word.len();
                let listed =
                    text[..start].ends_with(['、', '/']) || text[end..].starts_with(['、', '/', '等']);
                depth.get_or_init(|| paren_depths(text))[start] == 0 && !listed
            })
    }

    /// Cookies the operator places on the device, or collects through: `我们会在您的计算机
    /// 或移动设备上存储名为 Cookie 的小数据文件`, `我们可能会设置认证与保障安全性的 Cookie
    /// 或匿名标识符`, `我们…可能通过放置安全的 Cookie 及相关技术收集您的信息`. Placing an
    /// identifier is obtaining it (verbs of pkc:place); the list it stands in is read too.
    /// Not where a party places them (`广告商放置的cookies`) or the user manages them.
    fn tracking_collections(&self, view: &View) -> Vec<Vec<Item>> {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let mut found: Vec<Vec<Item>> = Vec::new();
        let mut done = 0;
        for m in &view.mentions {
            if m.kind != Kind::DataItem
                || m.range.start < done
                || cues
                    .placed_identifier
                    .find_in(&fold(&self.lexicon.concept(m.concept).label))
                    .is_none()
            {
                continue;
            }
            let clause = clause_of(text, m.range.start);
            let before = &text[clause.start..m.range.start];
            // The operator acts: 我们 as a subject (not 我们的产品…), earlier in the sentence.
            let operator = text[..m.range.start]
                .match_indices("我们")
                .any(|(at, w)| !text[at + w.len()..].starts_with('的'));
            if !operator
                || cues.negation.find_in(before).is_some()
                || self.is_conditional(before)
                || self.is_hedged(before)
                || self.instructs(text, &clause)
            {
                continue;
            }
            let placed = cues
                .place
                .find_all(before)
                .into_iter()
                .last()
                .map(|(at, w)| clause.start + at + w.len());
            let through = cues
                .instrument
                .find_all(before)
                .into_iter()
                .last()
                .map(|(at, w)| clause.start + at + w.len());
            let span = match (placed, through) {
                // `设置…的 Cookie 或匿名标识符`: the list after the verb.
                (Some(start), _) => {
                    let end = self.end_before_purpose(text, start).min(clause.end);
                    start..end.max(start)
                }
                // `通过 Cookie 及相关技术收集`: what it collects through, up to the verb.
                (None, Some(start)) => {
                    let Some((at, _)) = cues.collect.find_in(&text[m.range.end..clause.end]) else {
                        continue;
                    };
                    start..m.range.end + at
                }
                _ => continue,
            };
            done = span.end;
            let items: Vec<Item> = self
                .parse_list(view, span)
                .into_iter()
                .filter(|i| {
                    i.term.kind(self.lexicon) == Kind::DataItem && matches!(i.term.entity, Entity::Concept(_))
                })
                .collect();
            // `存储名为 Cookie 的小数据文件`: the cookie, whatever the phrase around it.
            if items.iter().any(|i| i.term.entity == Entity::Concept(m.concept)) {
                found.push(items);
            } else {
                found.push(vec![Item {
                    term: self.concept_term(m.concept, &text[m.range.clone()]),
                    permission: None,
                    members: Vec::new(),
                }]);
            }
        }
        found
    }

    /// `不会将这些信息回传。`: a verb closing a denied 将/把 phrase is a verb, though a
    /// noun stands before it and the clause ends after it.
    fn denied_disposal(&self, text: &str, verb: &Range<usize>) -> bool {
        let clause = clause_of(text, verb.start);
        let before = &text[clause.start..verb.start];
        self.lexicon
            .cues
            .negation
            .find_in(before)
            .is_some_and(|(at, w)| before[at + w.len()..].trim_start().starts_with(['将', '把']))
    }

    /// The object of a verb: from the verb to the end of its clause, a purpose marker or
    /// the next verb. A clause that ends in a colon, or whose object is only a pointer
    /// (以下信息), runs on to the end of the sentence.
    fn object_span(
        &self,
        view: &View,
        verb: &Verb,
        clause: &Range<usize>,
        later_verbs: &[usize],
    ) -> Range<usize> {
        let text = view.text;
        // Clauses that are lists of data items (`，厂商，传感器名称信息`): a verb inside
        // one (`您使用应用程序的频率`) only qualifies a member.
        let mut data_clauses: Vec<Range<usize>> = Vec::new();
        let mut start = verb.range.end + if verb.modifier { '的'.len_utf8() } else { 0 };
        // `接收并记录（包括在后台运行状态下接收和记录）您所使用的设备相关信息`: a bracket
        // right after the verb qualifies it; the object follows it.
        if text[start..].starts_with(['（', '(']) {
            if let Some((_, close)) = bracket_group(&text[start..]) {
                let after = start + close;
                start = after + text[after..].chars().next().map_or(0, char::len_utf8);
            }
        }
        let mut end = clause.end.max(start);
        let ends_in_colon = text[clause.end..].starts_with(['：', ':']);
        let inner = text[start..end].trim();
        let generic = self
            .lexicon
            .is_generic(&fold(strip_determiners(self.lexicon, inner)));
        // A pointer (以下信息) runs to the end; an umbrella word (相关个人信息) runs on only
        // through the clauses that enumerate it (`相关个人信息，包括性别、生日`), not into
        // the next clause (`，如您拒绝提供…`).
        let points_ahead = ["以下", "如下", "下列", "下述"].iter().any(|w| inner.contains(w));
        if ends_in_colon || inner.is_empty() || generic && points_ahead {
            end = text.len();
        } else {
            // The object runs on through clauses that continue its list: `A，包括B、C`,
            // `A，例如B`, or a clause that is itself a list of data items
            // (`设备标识符（…），广告数据（…），设备信息（…）`).
            let mut next = clause.end;
            while next < text.len() {
                let after = (next + text[next..].chars().next().map_or(1, char::len_utf8)).min(text.len());
                let following = clause_of(text, after);
                if following.end <= following.start || text[next..].starts_with(['。', '；', ';']) {
                    break;
                }
                let body = text[after..following.end].trim_start();
                let body_start = following.end - body.len();
                // `如` enumerates only where a data item follows (`，如IMEI`), not where it
                // opens a condition (`，如必须公开披露时`, `，如您拒绝`).
                let enumerates = self.lexicon.cues.enumeration.prefix_of(body).is_some_and(|w| {
                    w.chars().count() > 1 || self.opens_with_data(view, body_start + w.len())
                });
                let lists_data = self.opens_with_data(view, body_start)
                    && self.lexicon.cues.collect.find_in(body).is_none()
                    && self.lexicon.cues.share.find_in(body).is_none()
                    && self.lexicon.cues.purpose.find_in(body).is_none();
                if enumerates || lists_data {
                    end = following.end;
                    next = following.end;
                    continue;
                }
                // `，厂商，传感器名称信息`: plain nouns may stand in a clause of their own
                // before the data items of the next.
                let mut run = Vec::new();
                let mut at = body_start..following.end;
                let listed = loop {
                    match self.clause_lists_data(view, at.clone()) {
                        Some(true) => {
                            run.push(at);
                            break true;
                        }
                        Some(false)
                            if run.len() < 2
                                && at.end < text.len()
                                && text[at.end..].starts_with(['，', ',']) =>
                        {
                            run.push(at.clone());
                            let after = at.end + text[at.end..].chars().next().map_or(1, char::len_utf8);
                            let following = clause_of(text, after);
                            let body = text[after..following.end].trim_start();
                            at = following.end - body.len()..following.end;
                        }
                        _ => break false,
                    }
                };
                if !listed {
                    break;
                }
                end = run.last().map_or(end, |r| r.end);
                next = end;
                data_clauses.extend(run);
            }
        }
        // `请求您授权读取通讯录`: a verb right after the verb opens the object, and ends
        // this one's, empty; but `提供接收商品的收货地址` qualifies the data after it.
        if let Some(&n) = later_verbs
            .iter()
            .find(|&&n| !data_clauses.iter().any(|c| c.start <= n && n < c.end))
        {
            let qualifies = n == start && {
                let rest = &text[n..end];
                let member = rest
                    .find(['、', '，', ',', '；', '。'])
                    .map_or(rest, |at| &rest[..at]);
                member.contains('的')
            };
            if n >= start && n < end && !qualifies {
                end = n;
            }
        }
        let object = &text[start..end];
        if let Some((at, _)) = self.lexicon.cues.purpose.find_in(object) {
            end = start + at;
        }
        start..self.end_of_data(view, start, end).max(start)
    }

    /// Where the data of an object ends before `end`. `收集、使用您的个人信息并通过算法
    /// 模型预测您的偏好`: 并 as a word of its own links the next verb phrase, never two data
    /// items (`接收并向其发送您的…`: after the verb, it joins two verbs). `…以获得您的粗略
    /// 位置向您提供相关内容服务`: after the data, 向您/为您 opens what it serves.
    fn end_of_data(&self, view: &View, start: usize, end: usize) -> usize {
        let text = view.text;
        let depth = view.paren_depths();
        let lead = text[start..end].len() - strip_determiners(self.lexicon, &text[start..end]).len();
        let cut = (start..end).find(|&at| {
            text.is_char_boundary(at)
                && depth[at] == 0
                && view.is_boundary(at)
                && ((at > start + lead
                    && text[at..end].starts_with('并')
                    && self
                        .lexicon
                        .cues
                        .verb_link
                        .prefix_of(&text[at..end])
                        .is_some_and(|w| view.is_boundary(at + w.len())))
                    || (at > start + lead && self.lexicon.cues.to_user.prefix_of(&text[at..end]).is_some()))
        });
        cut.unwrap_or(end)
    }

    /// Whether a clause is a list of data items: Some(true) where each member resolves
    /// to a data item or is a plain noun and one at least resolves, Some(false) where
    /// all are plain nouns, None otherwise.
    fn clause_lists_data(&self, view: &View, span: Range<usize>) -> Option<bool> {
        let text = view.text;
        let cues = &self.lexicon.cues;
        // `传感器名称信息以判断相关设备是否为模拟器`: the list ends at its purpose.
        let span = match cues.purpose.find_in(&text[span.clone()]) {
            Some((at, _)) if at > 0 => span.start..span.start + at,
            _ => span,
        };
        let body = &text[span.clone()];
        // A clause of its own: a verb or a conjunction opens it (`读取其中包含的口令`,
        // `判断该号码所属运营商信息`, `但出于安全性…`), a negation or a hedge is in it,
        // or the user is its subject (`您可根据自身需求完善…`).
        // `应用及使用数据（…）`: a verb-like word coordinated with a noun is a modifier.
        // `，以及包括姓名、身份证号在内的…`: a conjunction opening the clause goes on with
        // the list.
        let continued = cues
            .list_separator
            .prefix_of(body)
            .map_or(body, |w| &body[w.len()..]);
        let opener = self
            .segmenter
            .first_word(continued)
            .filter(|(word, tag)| {
                tag != "v"
                    || self
                        .lexicon
                        .cues
                        .list_separator
                        .prefix_of(&continued[word.len()..])
                        .is_none()
            })
            .map(|(_, tag)| tag);
        let new_subject = body
            .match_indices(['您', '你'])
            .any(|(at, w)| cues.subject_modal.prefix_of(&body[at + w.len()..]).is_some());
        // `怡禾会收集您的昵称`, `此类信息将被视为个人信息`: a modal or a copula standing
        // as a word makes a clause with a subject of its own.
        let predicate = (span.start..span.end).any(|at| {
            text.is_char_boundary(at)
                && view.is_boundary(at)
                && cues
                    .clause_predicate
                    .prefix_of(&text[at..span.end])
                    .is_some_and(|w| view.is_boundary(at + w.len()))
        });
        // A practice verb other than in a relative clause on the user's data (`您使用应用
        // 程序的频率`, `使用的语言`): `社会化分享功能将收集您的…` has a verb of its own.
        let depth = view.paren_depths();
        let own_verb = cues.practice_verbs().iter().any(|words| {
            words.find_all(body).into_iter().any(|(at, w)| {
                let verb = span.start + at..span.start + at + w.len();
                view.is_boundary(verb.start)
                    && depth[verb.start] == 0
                    && !is_noun_use(text, &verb)
                    && !(body[..at].ends_with(['您', '你']) || body[at + w.len()..].starts_with('的'))
            })
        });
        if body.is_empty()
            || body.contains("我们")
            || own_verb
            || cues.purpose.find_in(body).is_some()
            || cues.enumeration.prefix_of(body).is_some()
            || cues.practice_verbs().iter().any(|w| w.prefix_of(body).is_some())
            || opener.is_some_and(|tag| ["v", "c", "p", "d"].contains(&tag.as_str()))
                && !self.split_list(view, span.clone()).first().is_some_and(|first| {
                    self.resolve_piece(view, first.clone())
                        .is_some_and(|i| matches!(i.term.entity, Entity::Concept(_)))
                })
            || cues.negation.find_in(body).is_some()
            || cues.inability.find_in(body).is_some()
            || cues.hedge.find_in(body).is_some()
            || new_subject
            || predicate
        {
            return None;
        }
        let mut resolved = 0;
        for piece in self.split_list(view, span) {
            let raw = &text[piece.clone()];
            // `粗略地理位置信息等信息`: the term 等 closes the list with.
            let piece = match find_top_level(raw, &["等等", "等"]) {
                Some(at) if !raw[at..].trim_start_matches('等').trim().is_empty() => {
                    piece.start + at + raw[at..].len() - raw[at..].trim_start_matches('等').len()..piece.end
                }
                _ => piece,
            };
            match self.resolve_piece(view, piece.clone()) {
                Some(item) if item.term.kind(self.lexicon) == Kind::DataItem => {
                    if !self.is_generic(&item.term) {
                        resolved += 1;
                    }
                }
                _ => {
                    let word = clean_term(self.lexicon, &text[piece.clone()]);
                    let plain = looks_like_noun(self.lexicon, word)
                        || (looks_like_term(self.lexicon, word) && word.chars().count() <= 10);
                    if !plain || self.opens_with_preposition(view, word) || self.opens_with_verb(word) {
                        return None;
                    }
                }
            }
            // An open term read from a clause of its own is a short noun phrase, not a
            // verb phrase (`有权随时检查或核实信息`, `识别用户账号异常状态`).
            if let Some(item) = self.resolve_piece(view, piece.clone()) {
                if let Entity::Open(_, label) = &item.term.entity {
                    let n = label.chars().count();
                    if n > 10 || n > 5 && self.opens_with_verb(label) {
                        return None;
                    }
                }
            }
        }
        Some(resolved > 0)
    }

    /// The first word of a phrase is a verb, an adverb, a conjunction, a preposition or a
    /// pronoun (jieba's tags): it opens a clause, not a noun phrase. A verb coordinated
    /// with the next word (`应用及使用数据`) qualifies it.
    fn opens_with_verb(&self, phrase: &str) -> bool {
        // A word alone in its list place (`应用`, `搜索`) names the thing or the activity.
        self.segmenter.first_word(phrase).is_some_and(|(word, tag)| {
            ["v", "d", "c", "p", "r"].contains(&tag.as_str())
                && word.len() < phrase.len()
                && self
                    .lexicon
                    .cues
                    .list_separator
                    .prefix_of(&phrase[word.len()..])
                    .is_none()
        })
    }

    /// Whether the text at byte `at` starts with a data item (after determiners).
    fn opens_with_data(&self, view: &View, at: usize) -> bool {
        let rest = &view.text[at..];
        let skip = rest.len() - strip_determiners(self.lexicon, rest).len();
        let start = at + skip;
        view.mentions
            .iter()
            .any(|m| m.range.start == start && m.kind == Kind::DataItem)
    }

    /// Recipients and the data span of a sharing verb: `向X共享A`, `与X共享A`,
    /// `将A共享给X`, `共享给X`.
    fn share_parts(
        &self,
        view: &View,
        clause: &Range<usize>,
        verb: &Verb,
        object: &Range<usize>,
        back: &Antecedents,
    ) -> (Vec<Term>, Option<Range<usize>>, usize) {
        let text = view.text;
        let word = &text[verb.range.clone()];
        let before = &text[clause.start..verb.range.start];
        if word.ends_with(['给', '至']) || word == "交由" {
            // 将A提供给X: recipients after the verb, data between 将/把 and the verb.
            let recipients = self.recipients_in(view, object.clone(), back);
            let jiang = before.rfind(['将', '把']).map(|at| clause.start + at);
            let data = jiang.map(|at| at + '将'.len_utf8()..verb.range.start);
            // `不会将A提供给X`: the negation stands before 将.
            return (recipients, data, jiang.unwrap_or(verb.range.start));
        }
        let prefix = self
            .lexicon
            .cues
            .share_prefix
            .find_all(before)
            .into_iter()
            .rfind(|(at, w)| {
                view.is_boundary(clause.start + at) && view.is_boundary(clause.start + at + w.len())
            });
        let Some((mut at, mut w)) = prefix else {
            return (Vec::new(), Some(object.clone()), verb.range.start);
        };
        // `与其他公司和组织交换信息`: the marker found last may only join the recipients;
        // the one before it opens them where every member between is a party.
        let mut coordinated = Vec::new();
        while self.lexicon.cues.list_separator.contains(w) {
            let Some((earlier, ew)) = self
                .lexicon
                .cues
                .share_prefix
                .find_all(&before[..at])
                .into_iter()
                .rfind(|(a, ew)| {
                    view.is_boundary(clause.start + a) && view.is_boundary(clause.start + a + ew.len())
                })
            else {
                break;
            };
            match self.coordinated_parties(view, clause.start + earlier + ew.len()..verb.range.start) {
                Some(plain) => {
                    (at, w) = (earlier, ew);
                    coordinated = plain;
                }
                None => break,
            }
        }
        let mut recipients = self.recipients_in(view, clause.start + at + w.len()..verb.range.start, back);
        recipients.extend(coordinated);
        // `将A与X共享`: with nothing named after the verb, the data stands between 将/把
        // and the recipient.
        match before[..at].rfind(['将', '把']) {
            Some(b) if view.mentions_in(object, Kind::DataItem).next().is_none() => {
                let jiang = clause.start + b;
                (
                    recipients,
                    Some(jiang + '将'.len_utf8()..clause.start + at),
                    jiang,
                )
            }
            _ => (recipients, Some(object.clone()), clause.start + at),
        }
    }

    /// The parties at whose request data is disclosed, where the verb names no recipient:
    /// `按政府主管部门的强制性要求，对外共享您的个人信息`. The request (`pkc:request-noun`)
    /// ends at most a few characters before the verb, and the phrase naming the party
    /// opens with `pkc:request-by` (按, 根据, 应) within a short reach before it. Only
    /// lexicon parties: the phrase also holds how they ask (`依法提出的`).
    fn requesting_parties(&self, view: &View, verb: &Verb) -> Vec<Term> {
        const GAP_CHARS: usize = 6;
        const REACH_CHARS: usize = 24;
        let text = view.text;
        let cues = &self.lexicon.cues;
        let before = &text[..verb.range.start];
        let Some((noun_at, noun)) = cues.request_noun.find_all(before).into_iter().next_back() else {
            return Vec::new();
        };
        // `要求，对外共享`; not `要求，向您提供`, where the verb has a recipient of its own.
        let gap = &before[noun_at + noun.len()..];
        if gap.chars().count() > GAP_CHARS
            || gap.contains(['。', '；', ';'])
            || cues.share_prefix.find_in(gap).is_some()
        {
            return Vec::new();
        }
        let reach = before[..noun_at]
            .char_indices()
            .rev()
            .nth(REACH_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let opener = cues
            .request_by
            .find_all(&before[reach..noun_at])
            .into_iter()
            .rfind(|(at, w)| view.is_boundary(reach + at) && view.is_boundary(reach + at + w.len()));
        let Some((at, w)) = opener else {
            return Vec::new();
        };
        let phrase = reach + at + w.len()..noun_at;
        // The phrase is one: no clause break inside it.
        if text[phrase.clone()].contains(['，', ',', '。', '；']) {
            return Vec::new();
        }
        let mut parties: Vec<Term> = Vec::new();
        for m in view.mentions_in(&phrase, Kind::ThirdParty) {
            let after = text[m.range.end..phrase.end].trim_start_matches('的');
            if cues.rule_noun.prefix_of(after).is_some() {
                continue;
            }
            let term = self.concept_term(m.concept, &text[m.range.clone()]);
            if !parties.contains(&term) {
                parties.push(term);
            }
        }
        parties
    }

    /// Where a span is a list of two or more members each of which is a party, the
    /// members that are parties only by their shape (`组织`, ending as a party listed in a
    /// party's bracket does); None where a member is no party.
    fn coordinated_parties(&self, view: &View, span: Range<usize>) -> Option<Vec<Term>> {
        let pieces = self.split_list(view, span);
        if pieces.len() < 2 {
            return None;
        }
        let mut plain = Vec::new();
        for piece in pieces {
            if !self.parties_in(view, piece.clone()).is_empty() {
                continue;
            }
            let cleaned = clean_term(self.lexicon, &view.text[piece.clone()]);
            let shaped = self
                .lexicon
                .cues
                .party_member_ending
                .suffix_of(&fold(cleaned))
                .is_some();
            let holds_term = view
                .mentions
                .iter()
                .any(|m| m.range.start >= piece.start && m.range.end <= piece.end);
            if !shaped || holds_term || cleaned.chars().count() > 8 || !looks_like_term(self.lexicon, cleaned)
            {
                return None;
            }
            plain.push(self.open_term(Kind::ThirdParty, cleaned));
        }
        Some(plain)
    }

    /// The parties data is provided to (`向X提供A`, `给X提交A`, with X right before the
    /// verb), and where the marker before them stands. A list separator (与, 和) marks no
    /// recipient here, nor does a pronoun (向您).
    fn provided_to(
        &self,
        view: &View,
        clause: &Range<usize>,
        verb: &Verb,
        back: &Antecedents,
    ) -> (Vec<Term>, usize) {
        let text = view.text;
        let cues = &self.lexicon.cues;
        let before = &text[clause.start..verb.range.start];
        let prefix = cues.share_prefix.find_all(before).into_iter().rfind(|(at, w)| {
            !cues.list_separator.contains(w)
                && view.is_boundary(clause.start + at)
                && view.is_boundary(clause.start + at + w.len())
        });
        match prefix {
            Some((at, w)) if before.len() - at - w.len() <= MAX_TERM_CHARS * 3 => (
                self.recipients_in(view, clause.start + at + w.len()..verb.range.start, back),
                clause.start + at,
            ),
            _ => (Vec::new(), verb.range.start),
        }
    }

    /// The recipients written in a span. One that points back (`上述合作方`, `其`) stands
    /// for the parties named earlier in the sentence, or else in the sentence before on
    /// the same line.
    fn recipients_in(&self, view: &View, span: Range<usize>, back: &Antecedents) -> Vec<Term> {
        let phrase = view.text[span.clone()].trim();
        let mut parties = self.parties_in(view, span);
        parties.retain(|p| !self.is_own_platform(p));
        // An alias names its parties itself: `这些支付机构` are the ones called so.
        let named = parties.len();
        self.expand_aliases(&mut parties);
        // `其他合作方` is no anaphor, though it opens with 其. `相关的上述服务提供者`: a
        // determiner may stand before the pointer.
        let pointer = self.after_plain_determiners(phrase);
        let points_back = is_anaphor(self.lexicon, pointer) && !pointer.starts_with('其') || pointer == "其";
        if points_back && parties.len() == named {
            let mut earlier: Vec<Term> = back
                .practices
                .iter()
                .flat_map(|p| p.recipients.iter().cloned())
                .collect();
            if earlier.is_empty() {
                earlier = self.parties_before(view, back.clause_start);
                // `通过支付机构、物流公司获取…，并将…共享给上述服务提供者`: parties run into
                // the words around them are no clean list, but the pointer means them too.
                for m in view
                    .mentions
                    .iter()
                    .filter(|m| m.kind == Kind::ThirdParty && m.range.end <= back.clause_start)
                {
                    if !earlier.iter().any(|e| e.entity == Entity::Concept(m.concept)) {
                        earlier.push(self.concept_term(m.concept, &view.text[m.range.clone()]));
                    }
                }
            }
            if earlier.is_empty() {
                earlier = self.named_before.clone();
            }
            // `上述服务提供者` names no party of its own: it stands for those it points to.
            if !earlier.is_empty() {
                parties.clear();
            }
            for p in earlier {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
        }
        parties
    }

    /// The phrase after leading determiners that point nowhere (`相关的`, `有关`), so
    /// that a pointer after them (`相关的上述服务提供者`) is seen.
    fn after_plain_determiners<'t>(&self, phrase: &'t str) -> &'t str {
        let cues = &self.lexicon.cues;
        let mut t = phrase.trim();
        while cues.anaphor.prefix_of(t).is_none() {
            match cues.determiner.prefix_of(t) {
                Some(w) if w.len() < t.len() => t = t[w.len()..].trim_start(),
                _ => break,
            }
        }
        t
    }

    /// `危化镖局平台`: the app's name with a party head is the app itself, no third party.
    fn is_own_platform(&self, party: &Term) -> bool {
        let folded = fold(&party.surface);
        self.folded_products.iter().any(|p| {
            folded
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || self.lexicon.cues.party_head.contains(rest))
        })
    }

    /// Adds the parties an alias stands for (`支付机构` for the payment institutions a
    /// bracket named so).
    fn expand_aliases(&self, parties: &mut Vec<Term>) {
        if self.aliases.is_empty() {
            return;
        }
        let mut added = Vec::new();
        for p in parties.iter() {
            let key = fold(strip_determiners(self.lexicon, &p.surface));
            for a in self.aliases.get(&key).into_iter().flatten() {
                if !parties.contains(a) && !added.contains(a) {
                    added.push(a.clone());
                }
            }
        }
        parties.extend(added);
    }

    /// Where a list that starts at `start` and runs to the end of its sentence ends: at
    /// a purpose marker (`用于…`, `以便…`) if any, without closing punctuation.
    fn end_before_purpose(&self, text: &str, start: usize) -> usize {
        let end = self
            .lexicon
            .cues
            .purpose
            .find_in(&text[start..])
            .map_or(text.len(), |(at, _)| start + at);
        text[..end]
            .trim_end_matches(['。', '；', ';', ' '])
            .len()
            .max(start)
    }

    /// The third parties of a span: list members that resolve to parties; where a party
    /// is followed by a bracketed list of parties, the members stand for it.
    fn parties_in(&self, view: &View, span: Range<usize>) -> Vec<Term> {
        if !self.may_name_party(view, &span) {
            return Vec::new();
        }
        let mut parties = Vec::new();
        let mut unresolved = Vec::new();
        for item in self.parse_list_noting(view, span, Some(&mut unresolved)) {
            let member_parties: Vec<Term> = item
                .members
                .iter()
                .filter(|m| m.kind(self.lexicon) == Kind::ThirdParty)
                .cloned()
                .collect();
            if item.term.kind(self.lexicon) == Kind::ThirdParty {
                // `第三方（友盟、腾讯Bugly）`: the bracket says who the third party is.
                let stands_for_members = !member_parties.is_empty() && self.is_placeholder(&item.term);
                if member_parties.is_empty()
                    || matches!(item.term.entity, Entity::Concept(_)) && !stands_for_members
                {
                    parties.push(item.term.clone());
                }
                parties.extend(member_parties);
            } else {
                parties.extend(member_parties);
            }
        }
        // Pieces no rule resolved: a name holding a lexicon party (`腾讯大王卡`,
        // `北京猫眼文化传媒`) is that party as written.
        for (piece, unknown) in unresolved {
            if unknown && self.resolve_piece(view, piece.clone()).is_some() {
                continue;
            }
            let cleaned = clean_term(self.lexicon, &view.text[piece.clone()]);
            if let Some(named) = self.aliases.get(&fold(cleaned)) {
                parties.extend(named.iter().cloned());
                continue;
            }
            // `提供数据服务（包括…）的合作伙伴`: a party after a relative clause that
            // holds a bracket.
            if let Some((open, close)) = bracket_group(cleaned) {
                let after = close + cleaned[close..].chars().next().map_or(0, char::len_utf8);
                let open_len = cleaned[..open].chars().next_back().map_or(0, char::len_utf8);
                if cleaned[after..].starts_with('的') {
                    let relative = format!("{}{}", &cleaned[..open - open_len], &cleaned[after..]);
                    if let Some(term) = self.resolve_term(&relative) {
                        if term.kind(self.lexicon) == Kind::ThirdParty {
                            parties.push(term);
                        }
                    }
                    continue;
                }
            }
            // `支持我们功能的第三方`, `汇总用户信息的公司`: a party qualified by what it does
            // is that party, named with its clause (how readers and annotators name it).
            if let Some(of) = cleaned.rfind('的') {
                let head = &cleaned[of + '的'.len_utf8()..];
                let cues = &self.lexicon.cues;
                // Not a clause about a party (`我们可能会接入第三方服务商提供的SDK`) nor an
                // exclusion (`虎嗅之外的任何第三方`).
                if cleaned.chars().count() <= MAX_TERM_CHARS
                    && !cleaned.contains(['您', '你', '，'])
                    && cues.not_in_party.find_in(cleaned).is_none()
                {
                    let folded_head = fold(head);
                    let by_lexicon = self
                        .lexicon
                        .lookup_folded(&folded_head)
                        .filter(|&id| self.lexicon.concept(id).kind == Kind::ThirdParty);
                    if let Some(id) = by_lexicon {
                        parties.push(self.concept_term(id, cleaned));
                    } else if (cues.party_head.suffix_of(&folded_head).is_some()
                        || cues.qualified_party_head.suffix_of(&folded_head).is_some())
                        && looks_like_term(self.lexicon, head)
                    {
                        parties.push(self.open_term(Kind::ThirdParty, cleaned));
                    }
                }
                continue;
            }
            if cleaned.chars().count() > 16 || !looks_like_term(self.lexicon, cleaned) {
                continue;
            }
            let holder = view.mentions.iter().find(|m| {
                m.kind == Kind::ThirdParty && m.range.start >= piece.start && m.range.end <= piece.end
            });
            let has_data = view.mentions.iter().any(|m| {
                m.kind != Kind::ThirdParty && m.range.start >= piece.start && m.range.end <= piece.end
            });
            if has_data {
                continue;
            }
            if let Some(m) = holder {
                parties.push(self.concept_term(m.concept, cleaned));
            }
        }
        parties.dedup();
        parties
    }

    /// A party is a lexicon mention or a phrase ending in a party head (…公司, …SDK,
    /// 上述合作方): a span with neither names none, and need not be read as a list,
    /// which is costly (parties are looked for in every clause of every sentence).
    fn may_name_party(&self, view: &View, span: &Range<usize>) -> bool {
        if view.mentions_in(span, Kind::ThirdParty).next().is_some() {
            return true;
        }
        let folded = fold(&view.text[span.clone()]);
        let cues = &self.lexicon.cues;
        cues.party_head.find_in(&folded).is_some()
            || cues.qualified_party_head.find_in(&folded).is_some()
            || self.aliases.keys().any(|a| folded.contains(a.as_str()))
    }

    /// The party a line opens with (`Zxing SDK，…`, `极光推送SDK：…`) inside a section
    /// whose heading is about third parties: a name ending in SDK or a lexicon party that
    /// is the whole first clause.
    fn line_opening_party(&self, doc: &Document, sentence: &Sentence, view: &View) -> Vec<Term> {
        let line_start = sentence.line.start;
        // `…此SDK将收集…。Zxing SDK，当您使用扫码登录时，用于…`: entries may run on in
        // one line, each a sentence of its own.
        let before = doc.text[line_start..sentence.range.start].trim();
        if !before.is_empty() && !before.ends_with(['。', '；', ';']) {
            return Vec::new();
        }
        let text = view.text;
        let Some(end) = text.find(['，', '：', ':', ',']) else {
            return Vec::new();
        };
        let head = clean_term(self.lexicon, &text[..end]);
        if head.chars().count() > 30 || head.is_empty() {
            return Vec::new();
        }
        // `高德地图：它将会获取您的IMEI…`: an entry that calls its label 它 speaks of a
        // party: one the lexicon knows, in any section; any other name only among text on
        // SDKs (not `个性化推荐：它会收集…`, a feature of the operator's).
        let entry = text[end..].trim_start_matches(['：', ':']).trim_start();
        if text[end..].starts_with(['：', ':']) && self.lexicon.cues.agent_pronoun.prefix_of(entry).is_some()
        {
            let parties = self.parties_in(view, 0..end);
            let whole = parties.len() == 1 && parties[0].surface == canonical(head);
            let known = whole && matches!(parties[0].entity, Entity::Concept(_));
            if known {
                return parties;
            }
            if self.in_sdk_context(doc, sentence) {
                if whole {
                    return parties;
                }
                if self.names_unknown_party(head, false) {
                    return vec![self.open_term(Kind::ThirdParty, head)];
                }
            }
        }
        // Outside a part on third parties, only a line that labels an SDK by its name
        // (`友盟统计SDK：用于用户数据的统计分析`) opens with its party.
        let labels_sdk = text[end..].starts_with(['：', ':']) && {
            let folded = fold(head);
            folded.ends_with("sdk") && !self.lexicon.cues.party_head.contains(&folded)
        };
        if !labels_sdk && !self.in_sdk_section(doc, sentence) {
            return Vec::new();
        }
        let parties = self.parties_in(view, 0..end);
        let whole = parties.len() == 1 && parties[0].surface == canonical(head);
        // Mid-line, a lexicon party is named by its mention, with nothing before it and
        // at most `SDK` after it: `您在向第三方提交…之前` and `具体详情可见支付宝隐私政策`
        // hold one but name none.
        let head_start = head.as_ptr() as usize - text.as_ptr() as usize;
        let mentioned = view.mentions.iter().any(|m| {
            m.kind == Kind::ThirdParty
                && m.range.start == head_start
                && matches!(
                    fold(text[m.range.end..head_start + head.len()].trim()).as_str(),
                    "" | "sdk"
                )
        });
        let named = parties.first().is_some_and(|p| {
            matches!(p.entity, Entity::Concept(_))
                && (mentioned || before.is_empty())
                && !self.lexicon.cues.party_head.contains(&fold(&p.surface))
                || fold(&p.surface).ends_with("sdk")
                    && fold(&p.surface) != "sdk"
                    && !is_anaphor(self.lexicon, &p.surface)
        });
        if whole && named && !self.lexicon.cues.party_head.contains(&fold(head)) {
            parties
        } else {
            Vec::new()
        }
    }

    /// The parties of the last clause of a sentence that names any.
    fn last_named_parties(&self, view: &View) -> Vec<Term> {
        let text = view.text;
        // Most sentences name no party at all: one look at the whole spares a look at
        // each clause.
        if !self.may_name_party(view, &(0..text.len())) {
            return Vec::new();
        }
        let mut end = text.len();
        while end > 0 {
            let clause = clause_of(text, end.saturating_sub(1));
            let parties = self.parties_in(view, clause.clone());
            if !parties.is_empty() {
                return parties;
            }
            if clause.start == 0 {
                break;
            }
            end = clause.start.saturating_sub(1);
            while end > 0 && !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        Vec::new()
    }

    /// Parties that open a clause as its subject (`高德地图需要…并收集`, `新浪微博会获取`):
    /// a list of parties up to the first modal word or verb.
    fn leading_parties(&self, view: &View, clause: &Range<usize>) -> Vec<Term> {
        let text = view.text;
        let body = &text[clause.clone()];
        let skip = body.len() - crate::structure::strip_numbering(body).len();
        let start = clause.start + skip;
        let cues = &self.lexicon.cues;
        let mut end = None;
        let mut i = start;
        while i < clause.end {
            let rest = &text[i..clause.end];
            if view.is_boundary(i)
                && (cues
                    .subject_modal
                    .prefix_of(rest)
                    .is_some_and(|w| w.chars().count() >= 1 && w != "在")
                    || cues.collect.prefix_of(rest).is_some())
            {
                end = Some(i);
                break;
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        let Some(end) = end.filter(|&e| e > start) else {
            return Vec::new();
        };
        let head = &text[start..end];
        if is_anaphor(self.lexicon, head)
            || head.contains("我们")
            || head.contains(['您', '你', '，'])
            || self.products.iter().any(|p| head.contains(p.as_str()))
        {
            return Vec::new();
        }
        // Reading the head as a list is the costly part, and a party there is either a
        // lexicon mention or an SDK's name: without either, there is none to find.
        let names_party =
            view.mentions_in(&(start..end), Kind::ThirdParty).next().is_some() || fold(head).contains("sdk");
        if !names_party {
            return Vec::new();
        }
        let items = self.split_list(view, start..end);
        let parties = self.parties_in(view, start..end);
        if parties.len() == items.len() {
            parties
        } else {
            Vec::new()
        }
    }

    /// `第三方`: a word standing for parties not named.
    fn is_placeholder(&self, party: &Term) -> bool {
        self.lexicon
            .cues
            .placeholder_party
            .contains(&fold(strip_determiners(self.lexicon, &party.surface)))
    }

    /// Parties named in the clauses before byte `end`, nearest clause last. A placeholder
    /// (`使用的第三方：微信SDK，…`) gives way to the parties named beside it.
    fn parties_before(&self, view: &View, end: usize) -> Vec<Term> {
        let mut parties = Vec::new();
        for clause in clauses_before(view.text, end) {
            for party in self.parties_in(view, clause) {
                if !parties.contains(&party) {
                    parties.push(party);
                }
            }
        }
        if parties.iter().any(|p| !self.is_placeholder(p)) {
            parties.retain(|p| !self.is_placeholder(p));
        }
        parties
    }

    /// The parties of the nearest clause before byte `end` that names any but
    /// placeholders, where that clause makes them partners (`与我们联合向您提供服务`);
    /// not a clause where they play another part (`如您拒绝向微信提供授权`).
    fn nearest_clause_parties(&self, view: &View, end: usize) -> Vec<Term> {
        clauses_before(view.text, end)
            .into_iter()
            .rev()
            .map(|clause| {
                // `当A、B或C与我们联合…时`: the clause's 当 is no part of a name.
                let when = view.text[clause.clone()].starts_with('当') as usize * '当'.len_utf8();
                let mut parties = self.parties_in(view, clause.start + when..clause.end);
                parties.retain(|p| !self.is_placeholder(p));
                (clause, parties)
            })
            .find(|(_, parties)| !parties.is_empty())
            .filter(|(clause, _)| {
                let words = &view.text[clause.clone()];
                self.lexicon.cues.partnering.find_in(words).is_some() && !self.is_conditional(words)
            })
            .map(|(_, parties)| parties)
            .unwrap_or_default()
    }

    /// Who acts in a collection clause, if not the operator: parties in the subject, or
    /// the ones an anaphor (此SDK, 这些SDK) points back to.
    fn acting_parties(
        &self,
        view: &View,
        sentence: &Sentence,
        clause: &Range<usize>,
        subject_end: usize,
    ) -> Vec<Term> {
        let text = view.text;
        let mut subject = text[clause.start..subject_end].trim();
        // `与我们合作的第三方SDK会收集`, `我们接入的SDK会收集`: a relative clause before 的
        // describes the agent; the head after it acts. Not in a coordination (`我们或我们的
        // 合作伙伴`), where the operator acts too.
        if let Some(p) = subject.rfind('的') {
            let start = subject.as_ptr() as usize - text.as_ptr() as usize;
            let head = subject[p + '的'.len_utf8()..].trim();
            // Not a possessive (`根据您的授权从第三方`): 您的, 用户的 are determiners.
            let possessive = self
                .lexicon
                .cues
                .determiner
                .suffix_of(&subject[..p + '的'.len_utf8()])
                .is_some();
            if !head.is_empty()
                && !possessive
                && self.split_list(view, start..start + subject.len()).len() == 1
            {
                subject = head;
            }
        }
        if subject.contains("我们") || self.products.iter().any(|p| subject.contains(p.as_str())) {
            return Vec::new();
        }
        let mut core = strip_modals(self.lexicon, subject);
        // `将由此三方平台`: the modal and the agent marker before the subject.
        while let Some(m) = self
            .lexicon
            .cues
            .subject_modal
            .prefix_of(core)
            .filter(|m| m.len() < core.len())
        {
            core = &core[m.len()..];
        }
        if core.is_empty() {
            return Vec::new();
        }
        if is_anaphor(self.lexicon, core) {
            let earlier = self.parties_before(view, clause.start);
            if !earlier.is_empty() {
                return earlier;
            }
            if !self.line_parties.1.is_empty() && sentence.line.start == self.line_parties.0 {
                return self.line_parties.1.clone();
            }
            if !self.table_party.is_empty() {
                return self.table_party.clone();
            }
            // `…；智能语音SDK，当您使用X时，⏎此SDK将收集…`: the party named on the line
            // before, where the sentence runs on across the break.
            return self.previous_line_parties.clone();
        }
        let start = clause.start + (core.as_ptr() as usize - text[clause.start..].as_ptr() as usize);
        let span = start..start + core.len();
        let mut parties: Vec<Term> = self
            .parse_list(view, span.clone())
            .into_iter()
            .filter(|i| i.term.kind(self.lexicon) == Kind::ThirdParty)
            .flat_map(|i| {
                let members: Vec<Term> = i
                    .members
                    .iter()
                    .filter(|m| m.kind(self.lexicon) == Kind::ThirdParty)
                    .cloned()
                    .collect();
                std::iter::once(i.term).chain(members)
            })
            .collect();
        // Names holding a lexicon party (`腾讯大王卡`) beside the resolved ones.
        if !parties.is_empty() {
            for p in self.parties_in(view, span) {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
        }
        parties
    }

    /// Parses a coordinated list of terms.
    fn parse_list(&self, view: &View, span: Range<usize>) -> Vec<Item> {
        self.parse_list_noting(view, span, None)
    }

    /// [`Self::parse_list`], noting in `unresolved` each piece that did not resolve as a
    /// whole (with `true` where that is unknown: a `等` piece is resolved in parts).
    fn parse_list_noting(
        &self,
        view: &View,
        span: Range<usize>,
        mut unresolved_pieces: Option<&mut Vec<(Range<usize>, bool)>>,
    ) -> Vec<Item> {
        let text = view.text;
        let (split, mut heads) = self.merge_shared_heads(view, self.split_list(view, span));
        let pieces = self.merge_attribute_nouns(view, split.clone(), |previous| {
            self.resolve_piece(view, previous.clone())
                .is_some_and(|i| i.term.kind(self.lexicon) == Kind::DataItem)
                || heads.contains_key(&previous)
        });
        // `使用全民K歌的频率和情况`: an attribute noun joined to its owner; the owner is the
        // piece the joined one starts with.
        for piece in &pieces {
            if !split.contains(piece) {
                if let Some(owner) = split.iter().find(|p| p.start == piece.start) {
                    heads.insert(piece.clone(), Head::Owner(owner.clone()));
                }
            }
        }
        // `麦克风、录音或通话录音权限`, `存储权限/媒体和Aple Music权限`: a bare word listed
        // right before a permission shares its 权限; it names no data.
        let before_permission: Vec<Range<usize>> = pieces
            .windows(2)
            .filter(|w| {
                let word = clean_term(self.lexicon, &text[w[0].clone()]);
                text[w[1].clone()].contains("权限")
                    && !word.contains("权限")
                    && word.chars().count() <= 4
                    && self.lexicon.cues.data_head.suffix_of(&fold(word)).is_none()
            })
            .map(|w| w[0].clone())
            .collect();
        let mut items: Vec<Item> = Vec::new();
        let mut unresolved: Vec<(usize, &str)> = Vec::new();
        // A plain word before `等` and a data term: the list is one of data items.
        let mut closed_by_data = false;
        for piece in pieces {
            if before_permission.contains(&piece) {
                continue;
            }
            let piece_text = &text[piece.clone()];
            // `（如曝光、点击、转化数据等）`: a 等 with nothing after it only closes the
            // list; its piece is a member like any other (`clean_term` drops the 等).
            let closes_bare = find_top_level(piece_text, &["等等", "等"])
                .is_some_and(|at| piece_text[at..].trim_start_matches('等').trim().is_empty());
            // `A、B等C`: the piece holding 等 closes the list with its general term C; so
            // does `在内的` (`包括姓名、身份证号在内的常用购票人信息`).
            let inclusive: Vec<&str> = self.lexicon.cues.inclusive_close.iter().collect();
            let closer = find_top_level(piece_text, &inclusive)
                .and_then(|at| {
                    self.lexicon
                        .cues
                        .inclusive_close
                        .prefix_of(&piece_text[at..])
                        .map(|w| (at, w))
                })
                .or_else(|| find_top_level(piece_text, &["等等", "等"]).map(|at| (at, "等")))
                .filter(|(at, w)| {
                    !piece_text[at + w.len()..]
                        .trim_start_matches('等')
                        .trim()
                        .is_empty()
                });
            if let Some((at, word)) = closer.filter(|_| !closes_bare) {
                if let Some(noted) = unresolved_pieces.as_deref_mut() {
                    noted.push((piece.clone(), true));
                }
                let (left, right) = piece_text.split_at(at);
                let right = if word == "等" {
                    right.trim_start_matches('等')
                } else {
                    &right[word.len()..]
                };
                let left_item = self.resolve_piece(view, piece.start..piece.start + left.len());
                let general = self.resolve_piece(view, piece.end - right.len()..piece.end);
                // `FaceID等信息`: what a data item or an umbrella word (信息, 数据) closes
                // is data, even a word that also names a permission.
                let closes_data = general
                    .as_ref()
                    .is_some_and(|g| g.term.kind(self.lexicon) == Kind::DataItem)
                    || self.lexicon.is_generic(&fold(right.trim()));
                match left_item {
                    Some(left_item) => items.push(left_item),
                    // `MV、歌单等频道信息`: a plain word before 等 and a data term is a
                    // member, read in the list's context below.
                    None if self.etc_closes_data(view, piece.start + at, right) => {
                        let cleaned = clean_term(self.lexicon, left);
                        if !cleaned.is_empty() {
                            unresolved.push((items.len(), cleaned));
                        }
                        closed_by_data = true;
                    }
                    // `…经常性退款请求等分析我们产品的运行情况`: what follows 等 names no
                    // term; 等 only closed the list.
                    None if general.is_none() => {
                        let cleaned = clean_term(self.lexicon, left);
                        if !cleaned.is_empty() {
                            unresolved.push((items.len(), cleaned));
                        }
                    }
                    None => {}
                }
                if closes_data {
                    for item in items.iter_mut() {
                        if item.term.kind(self.lexicon) == Kind::Permission {
                            item.term = self.open_term(Kind::DataItem, &item.term.surface);
                        }
                    }
                }
                if let Some(mut general) = general {
                    if general.term.kind(self.lexicon) == Kind::DataItem {
                        let members: Vec<Term> = items
                            .iter()
                            .filter(|i| i.term.kind(self.lexicon) == Kind::DataItem)
                            .map(|i| i.term.clone())
                            .collect();
                        general.members.extend(members);
                    }
                    items.push(general);
                }
                continue;
            }
            let joined = heads
                .get(&piece)
                .and_then(|head| self.resolve_joined(view, &piece, head));
            match joined.or_else(|| self.resolve_piece(view, piece.clone())) {
                Some(item) => items.push(item),
                None => {
                    if let Some(noted) = unresolved_pieces.as_deref_mut() {
                        noted.push((piece.clone(), false));
                    }
                    let cleaned = clean_term(self.lexicon, piece_text);
                    if !cleaned.is_empty() {
                        unresolved.push((items.len(), cleaned));
                    }
                }
            }
        }
        // List context: short plain nouns listed beside data items are data items too
        // (头像、昵称、MV、歌单…), when at least a third of the list resolved.
        let resolved_data = items
            .iter()
            .filter(|i| i.term.kind(self.lexicon) == Kind::DataItem)
            .count();
        if resolved_data >= 1 && unresolved.len() <= 2 * resolved_data {
            for (at, word) in unresolved.into_iter().rev() {
                // `您在收藏功能中添加的MV、歌单等频道信息`: in a list closed by a data term,
                // the noun after whose it is.
                let word = if closed_by_data {
                    clean_term(self.lexicon, self.strip_possessor(word).0)
                } else {
                    word
                };
                if looks_like_noun(self.lexicon, word) && !self.opens_with_preposition(view, word) {
                    let term = self.open_term(Kind::DataItem, word);
                    items.insert(
                        at.min(items.len()),
                        Item {
                            term,
                            permission: None,
                            members: Vec::new(),
                        },
                    );
                }
            }
        }
        items
    }

    /// `歌曲购买或兑换记录`, `基本注册或登录信息`, `咪咕币充值/赠送和使用记录`: words that
    /// name no data item, coordinated by 和/或/及 with a data term, qualify its head noun
    /// with it; the whole is one member. A `/` chain joins on where the piece after it was
    /// so joined (`点赞/分享/评论记录` stays apart). Returns the pieces and, for each joined
    /// one, its head piece.
    fn merge_shared_heads(
        &self,
        view: &View,
        split: Vec<Range<usize>>,
    ) -> (Vec<Range<usize>>, HashMap<Range<usize>, Head>) {
        let text = view.text;
        let mut out: Vec<(Range<usize>, Option<Range<usize>>)> = Vec::new();
        for piece in split {
            let mut current = (piece, None);
            while let Some((previous, previous_head)) = out.last() {
                let between = text[previous.end..current.0.start].trim();
                let coordinated = self.lexicon.cues.shared_head_coordinator.contains(between);
                let chained = matches!(between, "/" | "／") && current.1.is_some();
                // `充值、交易及相关虚拟资产信息`: a determiner opens a member of its own;
                // `浏览、搜索及听歌记录`: a bare word after another is a member too.
                let own_member = {
                    let raw = text[current.0.clone()].trim();
                    strip_determiners(self.lexicon, raw).len() < raw.len()
                };
                let after_bare = out.len() >= 2 && {
                    let (before, before_head) = &out[out.len() - 2];
                    text[before.end..previous.start].trim() == "、"
                        && before_head.is_none()
                        && self.is_bare_modifier(view, before)
                };
                // The head is a broad noun that the bare word can qualify as well (记录,
                // 信息, 偏好); `有效期及手机号码` are two members.
                let broad_head = {
                    let raw = text[current.0.clone()].trim_end_matches(['。', '；', ';', ' ']);
                    let raw = match raw.find(['（', '(']) {
                        Some(at) => &raw[..at],
                        None => raw,
                    };
                    self.lexicon.cues.broad_head.suffix_of(raw).is_some()
                };
                let joins = previous_head.is_none()
                    && (chained
                        || coordinated
                            && current.1.is_none()
                            && !own_member
                            && broad_head
                            && self.heads_data(view, &current.0))
                    && !after_bare
                    && self.is_bare_modifier(view, previous);
                if !joins {
                    break;
                }
                let (previous, _) = out.pop().expect("a last piece");
                let head = current.1.unwrap_or_else(|| current.0.clone());
                current = (previous.start..current.0.end, Some(head));
            }
            out.push(current);
        }
        let heads = out
            .iter()
            .filter_map(|(piece, head)| head.clone().map(|h| (piece.clone(), Head::Noun(h))))
            .collect();
        (out.into_iter().map(|(piece, _)| piece).collect(), heads)
    }

    /// The piece resolves to a specific data item.
    fn heads_data(&self, view: &View, piece: &Range<usize>) -> bool {
        self.resolve_piece(view, piece.clone())
            .is_some_and(|i| i.term.kind(self.lexicon) == Kind::DataItem && !self.is_generic(&i.term))
    }

    /// A short plain word that resolves to nothing (`歌曲购买`, `赠送`, `基本注册`): it
    /// can only qualify the head noun of the data term coordinated with it.
    fn is_bare_modifier(&self, view: &View, piece: &Range<usize>) -> bool {
        let raw = &view.text[piece.clone()];
        let word = clean_term(self.lexicon, raw);
        let n = word.chars().count();
        (1..=10).contains(&n)
            && !word.contains(['的', '您', '你', '（', '(', '，', '：', ':'])
            && !word.contains("我们")
            && !word.is_ascii()
            && !self.opens_with_preposition(view, word)
            // `时长及里程数信息`: an attribute alone is a member of its own.
            && !self.lexicon.cues.attribute_noun.contains(word)
            && !self.lexicon.cues.data_head.contains(&fold(word))
            && self.resolve_piece(view, piece.clone()).is_none()
    }

    /// A joined piece that does not resolve as a whole: its data term with the words
    /// joined to it (`赠送和` + `使用记录`, `使用全民K歌的频率` + `和情况`), as an open term.
    fn resolve_joined(&self, view: &View, piece: &Range<usize>, head: &Head) -> Option<Item> {
        let text = view.text;
        if let Some(item) = self
            .resolve_piece(view, piece.clone())
            .filter(|i| i.term.kind(self.lexicon) == Kind::DataItem && !self.is_generic(&i.term))
        {
            return Some(item);
        }
        let (inner, item) = match head {
            Head::Noun(h) | Head::Owner(h) => (h, self.resolve_piece(view, h.clone())?),
        };
        if item.term.kind(self.lexicon) != Kind::DataItem {
            return None;
        }
        // The head's own bracket stays with it: `应用及使用数据（如应用包名…）`.
        let head_end = bracket_group(&text[inner.clone()]).map_or(inner.end, |(open, _)| {
            inner.start + open
                - text[inner.start..inner.start + open]
                    .chars()
                    .next_back()
                    .map_or(0, char::len_utf8)
        });
        let joined = match head {
            Head::Noun(_) => format!("{}{}", &text[piece.start..inner.start], item.term.surface),
            Head::Owner(_) => format!("{}{}", item.term.surface, &text[head_end..piece.end]),
        };
        let surface = clean_term(self.lexicon, &joined);
        if surface.is_empty() || surface.chars().count() > MAX_TERM_CHARS {
            return None;
        }
        Some(Item {
            term: self.open_term(Kind::DataItem, surface),
            ..item
        })
    }

    /// `操作系统及版本`, `接入网络的方式、类型和状态`: a bare attribute noun shares the
    /// modifier of the piece before it (where `owner_fits` that piece), and names nothing
    /// alone: it is joined to that piece.
    fn merge_attribute_nouns(
        &self,
        view: &View,
        split: Vec<Range<usize>>,
        owner_fits: impl Fn(Range<usize>) -> bool,
    ) -> Vec<Range<usize>> {
        let text = view.text;
        let mut pieces: Vec<Range<usize>> = Vec::new();
        for piece in split {
            let bare_head = self
                .lexicon
                .cues
                .attribute_noun
                .contains(clean_term(self.lexicon, &text[piece.clone()]));
            // `订单号、时间`: after a mark, a named item is a member of its own and the
            // attribute another's; `方式、类型和状态` runs on an unnamed phrase.
            let joins = |previous: &Range<usize>| {
                let between = &text[previous.end..piece.start];
                !between.contains('，')
                    && (!between.contains(['、', '/'])
                        || !self
                            .resolve_piece(view, previous.clone())
                            .is_some_and(|i| matches!(i.term.entity, Entity::Concept(_))))
            };
            match pieces.last_mut() {
                Some(previous) if bare_head && joins(previous) && owner_fits(previous.clone()) => {
                    previous.end = piece.end;
                }
                _ => pieces.push(piece),
            }
        }
        pieces
    }

    /// Whether the `等` at byte `at`, followed by `right` (to the end of its list piece),
    /// closes a list of data: `MV、歌单等频道信息`, `姓名、籍贯等信息`. Not 等 inside a word
    /// (`会员等级`) or after 该/此 (`该等信息`, these), nor one closing functions (`等功能`)
    /// or a clause holding another 等.
    fn etc_closes_data(&self, view: &View, at: usize, right: &str) -> bool {
        let text = view.text;
        let after = at + text[at..].len() - text[at..].trim_start_matches('等').len();
        let right = right.trim();
        if !view.is_boundary(at)
            || !view.is_boundary(after)
            || text[..at].ends_with(['该', '此'])
            || right.contains('等')
        {
            return false;
        }
        let umbrella = self.lexicon.is_generic(&fold(right))
            && !["功能", "服务", "权限"].iter().any(|w| right.ends_with(w));
        umbrella
            || self
                .general_after(view, after)
                .is_some_and(|g| g.kind(self.lexicon) == Kind::DataItem)
    }

    /// Splits a span at top-level list separators (outside brackets, on token
    /// boundaries, never inside a lexicon mention).
    fn split_list(&self, view: &View, span: Range<usize>) -> Vec<Range<usize>> {
        self.split_list_at(view, span, true)
    }

    /// [`Self::split_list`]; with `keep_qi_ta` false, `及其他X` splits as 及其 + 他X (what
    /// feature names were read with: `及其他相关日历提醒功能` leaves `他相关日历提醒`).
    fn split_list_at(&self, view: &View, span: Range<usize>, keep_qi_ta: bool) -> Vec<Range<usize>> {
        let text = view.text;
        let mut pieces = Vec::new();
        let mut depth = 0usize;
        let mut start = span.start;
        let mut i = span.start;
        while i < span.end {
            let rest = &text[i..span.end];
            let c = rest.chars().next().expect("non-empty rest");
            if opens(c) {
                depth += 1;
            } else if closes(c) {
                depth = depth.saturating_sub(1);
            } else if depth == 0 {
                // A list that runs on through clauses (`A，包括B、C`) splits at the comma.
                if c == '，' {
                    if i > start {
                        pieces.push(start..i);
                    }
                    start = i + c.len_utf8();
                    i = start;
                    continue;
                }
                if let Some(sep) = self.lexicon.cues.list_separator.prefix_of(rest) {
                    let range = i..i + sep.len();
                    // `及其他联系方式`: 及 before 其他, not 及其 before 他.
                    let next = if keep_qi_ta && sep == "及其" && rest[sep.len()..].starts_with('他') {
                        i + "及".len()
                    } else {
                        range.end
                    };
                    let is_punct = sep.chars().all(|c| !c.is_alphanumeric());
                    if is_punct
                        || (view.is_boundary(range.start)
                            && view.is_boundary(range.end)
                            && !view.cuts_mention(&range))
                    {
                        if i > start {
                            pieces.push(start..i);
                        }
                        start = next;
                        i = range.end;
                        continue;
                    }
                }
            }
            i += c.len_utf8();
        }
        if span.end > start {
            pieces.push(start..span.end);
        }
        pieces
    }

    /// Resolves one list piece, with its bracketed members and own permission.
    fn resolve_piece(&self, view: &View, piece: Range<usize>) -> Option<Item> {
        let key = (piece.start, piece.end);
        if let Some(item) = view.pieces.borrow().get(&key) {
            return item.clone();
        }
        let item = self.read_piece(view, piece);
        view.pieces.borrow_mut().insert(key, item.clone());
        item
    }

    /// [`Reader::resolve_piece`], read afresh.
    fn read_piece(&self, view: &View, piece: Range<usize>) -> Option<Item> {
        let text = view.text;
        // `(3)唯一设备识别码（…）`: an item number run into the piece.
        let numbered = text[piece.clone()].trim_start();
        let skip = text[piece.clone()].len() - numbered.len() + numbered_prefix(numbered);
        let piece = piece.start + skip..piece.end.max(piece.start + skip);
        let raw = &text[piece.clone()];
        // Bracketed enumeration: head（m1、m2）tail.
        let (head_range, members, party_bracket) = match bracket_group(raw) {
            Some((open, close)) => {
                let inner = piece.start + open..piece.start + close;
                let inner_text = &text[inner.clone()];
                let skip = self
                    .lexicon
                    .cues
                    .enumeration
                    .prefix_of(inner_text)
                    .map_or(0, str::len);
                let mut inner = inner.start + skip..inner.end;
                // `（Android系统为OAID、IMEI）`: the list starts after the platform.
                if let Some((p, w)) = self.lexicon.cues.platform_scope.find_in(&text[inner.clone()]) {
                    if text[inner.start..inner.start + p].chars().count() <= 12 {
                        inner.start += p + w.len();
                    }
                }
                let noted = self
                    .lexicon
                    .cues
                    .bracket_note
                    .find_in(&text[inner.clone()])
                    .is_some();
                let inner = if noted { inner.start..inner.start } else { inner };
                let members: Vec<Term> = self
                    .parse_list(view, inner.clone())
                    .into_iter()
                    .flat_map(|i| std::iter::once(i.term).chain(i.members))
                    .collect();
                let open_len = raw[..open].chars().next_back().map_or(0, char::len_utf8);
                (piece.start..piece.start + open - open_len, members, Some(inner))
            }
            None => (piece.clone(), Vec::new(), None),
        };
        let head_text = &text[head_range.clone()];
        let (core, possessor) = self.strip_possessor(head_text);
        let permission = possessor.and_then(|p| self.permission_in(view, head_range.start, p));
        let cleaned = clean_term(self.lexicon, core);
        let mut term = if self.opens_with_preposition(view, cleaned) {
            None
        } else {
            self.resolve_term(cleaned)
        };
        // `您哼唱的音频`, `正在运行的进程信息`, `您使用应用程序的频率`: a relative clause
        // says which data; the term keeps it as written (a known term as its surface), and
        // a bare head noun (频率, 时间) names data only with it.
        // `浏览器的类型`: a bare head noun needs the owner it was cut from.
        if term.is_none() && possessor.is_some() && self.lexicon.cues.attribute_noun.contains(cleaned) {
            let whole = clean_term(self.lexicon, head_text);
            if whole.matches('的').count() == 1 && !whole.contains(['您', '你']) {
                term = self
                    .resolve_term(whole)
                    .filter(|t| t.kind(self.lexicon) == Kind::DataItem && !self.is_generic(t));
            }
        }
        if let Some(relative) = possessor.and_then(|owner| self.relative_clause(owner, cleaned)) {
            let written = format!("{relative}的{cleaned}");
            match &mut term {
                Some(t)
                    if matches!(t.entity, Entity::Concept(_)) && t.kind(self.lexicon) == Kind::DataItem =>
                {
                    t.surface = canonical(&written);
                }
                // A new term only where the clause has a verb (`哼唱`, `使用应用程序`), not
                // where it is a noun (`您耳机的此类信息`).
                None if self
                    .segmenter
                    .jieba()
                    .tag(relative, true)
                    .iter()
                    .any(|t| t.tag.starts_with('v')) =>
                {
                    term = self
                        .resolve_term(&written)
                        .filter(|t| t.kind(self.lexicon) == Kind::DataItem && !self.is_generic(t))
                        // `您使用我们产品的频率`: the clause may name the operator.
                        .or_else(|| {
                            (self.lexicon.cues.attribute_noun.contains(cleaned)
                                && written.chars().count() <= MAX_TERM_CHARS)
                                .then(|| self.open_term(Kind::DataItem, &written))
                        });
                }
                _ => {}
            }
        }
        // `第三方合作伙伴（承包商、代理、广告合作伙伴）`: in a party's bracket, plain nouns
        // are parties too, as they are where the bracket is read as an inclusion. A plain
        // noun alone there glosses the party (`第三方SDK（软件开发工具包）`).
        let members = match (&term, party_bracket) {
            (Some(t), Some(inner)) if t.kind(self.lexicon) == Kind::ThirdParty => {
                let cues = &self.lexicon.cues;
                let mut named = self.members(view, inner, t).0;
                // A plain noun counts where it is shaped like a party (承包商, 代理,
                // 旅行社), not a service (`物流、技术、广告等服务的供应商`) or a note.
                named.retain(|m| {
                    let folded = fold(&m.surface);
                    matches!(m.entity, Entity::Concept(_))
                        || cues.party_head.suffix_of(&folded).is_some()
                        || cues.party_member_ending.suffix_of(&folded).is_some()
                });
                if named.len() == 1 {
                    named.retain(|m| matches!(m.entity, Entity::Concept(_)));
                }
                // `腾讯浏览服务（腾讯X5）`: another name of the party itself stays a member.
                if named.is_empty() {
                    members
                } else {
                    named
                }
            }
            _ => members,
        };
        match term {
            Some(term) => Some(Item {
                term,
                permission,
                members,
            }),
            None if !members.is_empty() && cleaned.is_empty() => {
                // A bare bracket: its members stand alone.
                let mut members = members.into_iter();
                let first = members.next()?;
                Some(Item {
                    term: first,
                    permission,
                    members: Vec::new(),
                })
                .map(|mut i| {
                    i.members = Vec::new();
                    i
                })
                .filter(|_| members.len() == 0)
            }
            None => None,
        }
    }

    /// The relative clause of an owner cut by `strip_possessor`, as a reader names the
    /// data with it: without the user who acts and the place or time around the verb
    /// (`您在平台响应功能中反馈` → `反馈`, `您在网易云音乐上花费` → `花费`). None where the
    /// owner only says whose (`您设备`, `QQ或微信`) or where (`您使用全民K歌时`).
    fn relative_clause<'t>(&self, owner: &'t str, core: &str) -> Option<&'t str> {
        let mut clause = owner.rsplit(['您', '你']).next().unwrap_or(owner).trim();
        // `在…中/上/时`: where or when the verb acts.
        while let Some(rest) = clause.strip_prefix('在') {
            let Some(at) = rest.find(['中', '上', '时', '里', '内']) else {
                break;
            };
            clause = rest[at + '中'.len_utf8()..].trim_start();
        }
        let n = clause.chars().count();
        let cues = &self.lexicon.cues;
        // `您提供的信息`: a practice verb alone, before an umbrella word, says only how it
        // was obtained (`使用的语言` names data); `您可能感兴趣的内容`: what the product
        // offers, not data.
        if cues.practice_verbs().iter().any(|w| w.contains(clause)) && self.lexicon.is_generic(&fold(core))
            || cues.offer_word.find_in(clause).is_some()
        {
            return None;
        }
        // A party named in it (`您登录第三方合作伙伴服务`) says whose too.
        let whose = cues.owner_noun.find_in(clause).is_some()
            || cues.party_head.find_in(&fold(clause)).is_some()
            || self
                .lexicon
                .concepts_in(&fold(clause))
                .any(|k| matches!(k, Kind::ThirdParty | Kind::Permission));
        let ok = (1..=12).contains(&n)
            && !whose
            && !clause.ends_with(['中', '上', '时', '里', '内', '下'])
            && !clause.contains(['的', '，', ',', '、', '（', '(', '）', ')', '：', ':', '“', '”'])
            && !cues.determiner.contains(clause)
            && cues.generic.find_in(&fold(clause)).is_none();
        ok.then_some(clause)
    }

    /// `您在歌单、订阅功能中添加的音视频` cut at 、 leaves `在歌单`: a piece (a slice of the
    /// sentence) that opens with a preposition standing as a word of its own is a clause.
    fn opens_with_preposition(&self, view: &View, piece: &str) -> bool {
        let Some(at) = (piece.as_ptr() as usize)
            .checked_sub(view.text.as_ptr() as usize)
            .filter(|at| at + piece.len() <= view.text.len())
        else {
            return false;
        };
        self.lexicon
            .cues
            .piece_preposition
            .prefix_of(piece)
            .is_some_and(|w| w.len() < piece.len() && view.is_boundary(at) && view.is_boundary(at + w.len()))
    }

    /// Splits `X的Y` where X names whose it is (您, 设备, a party, a permission): returns
    /// Y and X. Leaves `可能认识的人信息` whole, since 可能认识 names no owner.
    fn strip_possessor<'t>(&self, text: &'t str) -> (&'t str, Option<&'t str>) {
        let Some(at) = text.rfind('的') else {
            return (text, None);
        };
        let (owner, rest) = text.split_at(at);
        let rest = &rest['的'.len_utf8()..];
        if rest.chars().count() < 2 {
            return (text, None);
        }
        let owner_folded = fold(owner);
        let cues = &self.lexicon.cues;
        // A relative clause also only says whose or which: `使用全民K歌时的行为信息`,
        // `订阅功能中添加的音视频`, `服务而产生的信息`.
        let relative = owner.ends_with(['时', '中'])
            || [&cues.collect, &cues.provide, &cues.share]
                .iter()
                .any(|w| w.find_in(owner).is_some())
            || [
                "产生", "添加", "选择", "设置", "关注", "安装", "运行", "浏览", "搜索", "下载",
            ]
            .iter()
            .any(|w| owner.contains(w))
            // `身份认证服务所需的真实身份信息`; but `服务所需的信息` names nothing once cut.
            || (owner.ends_with("所需") && !self.lexicon.is_generic(&fold(rest)));
        let names_owner = relative
            || [
                "您", "你", "用户", "设备", "手机", "终端", "个人", "账号", "帐号", "本机",
            ]
            .iter()
            .any(|w| owner.contains(w))
            || self
                .lexicon
                .concepts_in(&owner_folded)
                .any(|k| matches!(k, Kind::ThirdParty | Kind::Permission));
        if names_owner {
            (rest, Some(owner))
        } else {
            (text, None)
        }
    }

    /// A permission named inside a possessor (`您使用麦克风输入`).
    fn permission_in(&self, view: &View, start: usize, owner: &str) -> Option<Term> {
        let range = start..start + owner.len();
        view.mentions_in(&range, Kind::Permission)
            .next()
            .map(|m| self.concept_term(m.concept, &view.text[m.range.clone()]))
    }

    /// A cleaned piece → a term: the lexicon first, then open vocabulary by head noun.
    fn resolve_term(&self, cleaned: &str) -> Option<Term> {
        let n = cleaned.chars().count();
        if n < 2 && !cleaned.is_ascii() || n == 0 {
            return None;
        }
        let folded = fold(cleaned);
        if let Some(id) = self.lexicon.lookup_folded(&folded) {
            return Some(self.concept_term(id, cleaned));
        }
        // `设备IMEI`, `手机号码信息`: a modifier or a 信息 suffix around a known term.
        for prefix in ["设备", "手机", "终端", "用户", "个人"] {
            if let Some(rest) = folded.strip_prefix(prefix) {
                if let Some(id) = self.lexicon.lookup_folded(rest) {
                    return Some(self.concept_term(id, cleaned));
                }
            }
        }
        // `网易云音乐订单号`: the app's name only says whose the data item is.
        for product in &self.folded_products {
            if let Some(id) = folded
                .strip_prefix(product.as_str())
                .and_then(|rest| self.lexicon.lookup_folded(rest))
            {
                return Some(self.concept_term(id, cleaned));
            }
        }
        for suffix in ["信息", "数据"] {
            if let Some(rest) = folded.strip_suffix(suffix) {
                if let Some(id) = self.lexicon.lookup_folded(rest) {
                    if self.lexicon.concept(id).kind == Kind::DataItem {
                        return Some(self.concept_term(id, cleaned));
                    }
                }
            }
        }
        if n > MAX_TERM_CHARS || !looks_like_term(self.lexicon, cleaned) {
            return None;
        }
        // `去标识化后的设备信息`, `提供分析服务的合作伙伴`: a known term as the policy
        // qualifies it.
        if let Some(id) = folded
            .rsplit_once('的')
            .filter(|(_, head)| !self.lexicon.is_generic(head))
            .and_then(|(_, head)| self.lexicon.lookup_folded(head))
            .filter(|&id| matches!(self.lexicon.concept(id).kind, Kind::DataItem | Kind::ThirdParty))
        {
            return Some(self.concept_term(id, cleaned));
        }
        let cues = &self.lexicon.cues;
        if folded.ends_with("权限") && n > 2 {
            // The folded text ends with 权限; the raw one may not (trailing or full-width
            // spaces), so the stem is cut from the folded text.
            let stem = &folded[..folded.len() - "权限".len()];
            // `对应功能时申请该权限`: a clause that points at a permission names none.
            let points = cues.anaphor.find_in(stem).is_some() || stem.contains('时');
            // Longer than a name: a clause ran into it (`周边商家信息需要定位权限`).
            let clause = name_units(stem) > MAX_PERMISSION_STEM_CHARS;
            if names_no_permission(self.lexicon, stem) || points || clause {
                return None;
            }
            return Some(self.open_term(Kind::Permission, cleaned));
        }
        if cues
            .party_head
            .suffix_of(&folded)
            .is_some_and(|head| head.len() < folded.len())
            && !folded.ends_with("信息")
            && cues.not_in_party.find_in(cleaned).is_none()
        {
            return Some(self.open_term(Kind::ThirdParty, cleaned));
        }
        // `匿名化的终端唯一标识信息`: the data item, processed; `去标识化的信息` names none.
        if cues.processed_state.find_in(cleaned).is_some() {
            let (_, head) = cleaned.rsplit_once('的')?;
            return self
                .resolve_term(head)
                .filter(|t| t.kind(self.lexicon) == Kind::DataItem && !self.is_generic(t));
        }
        // A head noun alone (类型, 时间, 情况) names nothing; it needs a modifier.
        // `已经去标识化的信息`, `加密后的信息`: what processing made of data. `咪咕币充值`
        // ends in a verb, not in the head noun 值.
        if cues
            .data_head
            .suffix_of(&folded)
            .is_some_and(|head| head.len() < folded.len())
            && cues.not_a_head_ending.suffix_of(&folded).is_none()
        {
            return Some(self.open_term(Kind::DataItem, cleaned));
        }
        None
    }

    fn concept_term(&self, id: ConceptId, surface: &str) -> Term {
        Term {
            entity: Entity::Concept(id),
            surface: canonical(surface),
        }
    }

    fn open_term(&self, kind: Kind, surface: &str) -> Term {
        let label = canonical(surface);
        Term {
            entity: Entity::Open(kind, label.clone()),
            surface: label,
        }
    }

    /// Words listed before a permission (`相机、照片、麦克风权限`) that name a known
    /// permission once 权限 is added (`照片权限`), with that permission.
    fn listed_permissions(&self, view: &View) -> Vec<(String, Term)> {
        const MAX_WORD_CHARS: usize = 5;
        let text = view.text;
        let mut found = Vec::new();
        for (at, _) in text.match_indices("权限") {
            // The permission ends the list: in `网络状态、通知权限、设备标识符` the words
            // are data.
            if text[at + "权限".len()..].starts_with(['、', '/']) {
                continue;
            }
            let mut end = text[..at]
                .rfind(['、', '/'])
                .filter(|&sep| text[sep..at].chars().count() <= MAX_WORD_CHARS + 1);
            while let Some(sep) = end {
                let start = text[..sep]
                    .rfind(['、', '/', '，', '：', '（', '(', '。'])
                    .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
                let word = text[start..sep].trim();
                let plain = !word.is_empty()
                    && word.chars().count() <= MAX_WORD_CHARS
                    && !word.contains(['和', '或', '及', '的'])
                    && !word.ends_with("权限");
                if !plain {
                    break;
                }
                let named = self.resolve_term(&format!("{word}权限")).filter(|t| {
                    matches!(t.entity, Entity::Concept(_)) && t.kind(self.lexicon) == Kind::Permission
                });
                let as_mention = view
                    .mentions
                    .iter()
                    .any(|m| m.kind == Kind::Permission && &text[m.range.clone()] == word);
                if let Some(permission) = named.filter(|_| !as_mention) {
                    found.push((canonical(word), permission));
                }
                end = text[..start].strip_suffix(['、', '/']).map(|s| s.len());
            }
        }
        found
    }

    /// Permissions written `X权限` that the lexicon does not know.
    fn open_permissions(&self, view: &View) -> Vec<Term> {
        let text = view.text;
        let mut found = Vec::new();
        for (at, _) in text.match_indices("权限") {
            let end = at + "权限".len();
            let range = at..end;
            if view
                .mentions
                .iter()
                .any(|m| m.range.start <= range.start && range.end <= m.range.end)
            {
                continue;
            }
            // The name is the one word before 权限 (`通话录音权限`), and a name, not a
            // determiner or verb (`相应权限`, `开启该权限`).
            let Some(word_start) = (0..at).rev().find(|&b| view.is_boundary(b) && b < at) else {
                continue;
            };
            let word = &text[word_start..at];
            let cues = &self.lexicon.cues;
            // `• 允许打电话的权限`, `获取软件安装列表的权限`: a line or clause that is only a
            // permission named by what it allows; its name runs from the clause's start.
            if word == "的" {
                let clause = clause_of(text, at);
                let head = text[clause.start..end].trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '•' | '·' | '-' | '*' | '●')
                });
                let head = crate::structure::strip_numbering(head).trim_start();
                // A lettered item (`d) 访问网络连接的权限`).
                let mut chars = head.chars();
                let head = match (chars.next(), chars.next()) {
                    (Some(l), Some(')' | '）' | '.' | '、')) if l.is_ascii_alphabetic() => {
                        chars.as_str().trim_start()
                    }
                    _ => head,
                };
                let name = head.strip_prefix("允许").unwrap_or(head);
                let n = name.chars().count();
                let plain = !name.contains(['，', '、', '：', ':', '（', '(']);
                // Only a clause that opens the sentence and names no one (not `我们会申请相机
                // 的权限`, whose 相机 the lexicon reads).
                let known = view.mentions.iter().any(|m| {
                    m.kind == Kind::Permission && clause.start <= m.range.start && m.range.end <= end
                });
                if (5..=14).contains(&n)
                    && plain
                    && clause.start == 0
                    && !known
                    && !name.contains(['我', '您', '你'])
                    && text[end..].trim_start().starts_with(['；', ';', '，', ',', '。'])
                    && !self.is_conditional(head)
                    && cues.anaphor.find_in(name).is_none()
                {
                    found.push(self.open_term(Kind::Permission, name));
                }
                continue;
            }
            let n = word.chars().count();
            let named = (2..=6).contains(&n)
                && word.chars().all(char::is_alphanumeric)
                && cues.not_a_feature.find_in(word).is_none()
                && cues.determiner.prefix_of(word).is_none()
                && [&cues.collect, &cues.provide, &cues.conditional, &cues.negation]
                    .iter()
                    .all(|w| w.find_in(word).is_none())
                && !["开启", "进入", "访问", "存储空间"]
                    .iter()
                    .any(|w| word.contains(w))
                && !names_no_permission(self.lexicon, word);
            if named && !self.is_conditional(&text[clause_of(text, at).start..at]) {
                found.push(self.open_term(Kind::Permission, &text[word_start..end]));
            }
        }
        found
    }

    /// The permission a line's label names: `基于麦克风权限的相关功能`.
    fn lead_permission(&self, lead: &str) -> Option<Term> {
        let folded = fold(lead);
        let mut best: Option<(usize, ConceptId)> = None;
        for (i, _) in folded.char_indices() {
            for (j, _) in folded[i..]
                .char_indices()
                .skip(1)
                .chain(std::iter::once((folded.len() - i, ' ')))
            {
                if let Some(id) = self.lexicon.lookup_folded(&folded[i..i + j]) {
                    if self.lexicon.concept(id).kind == Kind::Permission
                        && best.is_none_or(|(len, _)| j > len)
                    {
                        best = Some((j, id));
                    }
                }
            }
        }
        best.map(|(len, id)| {
            let at = folded
                .char_indices()
                .find(|&(i, _)| {
                    folded.get(i..i + len).and_then(|w| self.lexicon.lookup_folded(w)) == Some(id)
                })
                .map(|(i, _)| i);
            let surface = at.map_or(self.lexicon.concept(id).label.as_str(), |i| &folded[i..i + len]);
            let glossed = at.and_then(|i| permission_gloss(&folded[..i + len], &folded[i + len..]));
            self.concept_term(id, glossed.unwrap_or(surface))
        })
    }

    /// `当您使用X、Y功能时` → [X, Y], with the byte span of the frame.
    fn frame_features(&self, view: &View) -> (Vec<String>, Option<Range<usize>>) {
        let text = view.text;
        let cues = &self.lexicon.cues;
        for (at, open) in cues.feature_open.find_all(text) {
            if !view.is_boundary(at) {
                continue;
            }
            let after = at + open.len();
            let clause = clause_of(text, after.min(text.len().saturating_sub(1)));
            let window = &text[after..clause.end.max(after)];
            // `您使用的语言、访问日期和时间`: the 时 of a noun (时间, 时长) closes no frame;
            // `A功能、B功能、C功能时`: a 功能 followed by the next member of a list closes
            // only that member.
            let Some((close_at, close)) = cues.feature_close.find_all(window).into_iter().find(|&(i, c)| {
                let after = &window[i + c.len()..];
                let noun_time = c == "时" && after.starts_with(['间', '长', '段', '刻']);
                let member = (c == "功能" || c == "服务") && next_named_member(after, c);
                !noun_time && !member
            }) else {
                continue;
            };
            // A bare 使用 must come with 功能/服务 to count as a frame; a bare 当您/在您
            // frames only a short phrase closed by 时 or 功能 (当您注册、登录时), not a clause.
            let weak_open = open == "使用" || open == "在使用";
            if weak_open && !(close.starts_with("功能") || close.starts_with("服务")) {
                continue;
            }
            let mut phrase = &window[..close_at];
            let mut start = after;
            // `在使用本软件的修改头像功能时`: the app's own name only says whose function it is.
            if let Some(alias) = cues.product_alias.prefix_of(phrase.trim_start()) {
                let lead = phrase.len() - phrase.trim_start().len() + alias.len();
                if let Some(rest) = phrase[lead..].strip_prefix('的') {
                    start += phrase.len() - rest.len();
                    phrase = rest;
                }
            }
            let bare_you = !open.contains("使用") && !open.contains("参与") && !open.contains("进行");
            if bare_you
                && (phrase.chars().count() > 8 || !(close.starts_with('时') || close.starts_with("功能")))
            {
                continue;
            }
            let features = self.split_features(view, start, phrase, !weak_open);
            if !features.is_empty() {
                return (features, Some(at..after + close_at + close.len()));
            }
        }
        (Vec::new(), None)
    }

    fn split_features(&self, view: &View, start: usize, phrase: &str, long_list: bool) -> Vec<String> {
        let start = start + (phrase.len() - phrase.trim_start().len());
        let phrase = phrase.trim();
        let n = phrase.chars().count();
        // A list of features may run long; each member is held to the length of a name.
        let limit = if long_list && phrase.contains('、') { 4 } else { 2 } * MAX_FEATURE_CHARS;
        let opened = phrase.matches(['（', '(']).count();
        let closed = phrase.matches(['）', ')']).count();
        // Unbalanced brackets: the frame starts or ends inside a parenthesis, not a name.
        if n == 0 || n > limit || opened != closed || phrase.contains(['，', ',', '。', '；']) {
            return Vec::new();
        }
        let span = start..start + phrase.len();
        let pieces = self.split_list_at(view, span, false);
        // A leading run of parties is the means, not the feature: `QQ或微信关联登录`.
        let mut names: Vec<String> = Vec::new();
        for piece in &pieces {
            let mut raw = view.text[piece.clone()].trim();
            // `线上活动（如直播间活动等）`: the bracket gives examples, the name stands before it.
            if raw.ends_with(['）', ')']) {
                if let Some(open) = raw.find(['（', '(']).filter(|&at| at > 0) {
                    raw = raw[..open].trim_end();
                }
            }
            // After a bare 使用, a member addressing the user (`向您提供…的`) shows the
            // phrase is a clause, not a list of features.
            if !long_list && raw.contains(['您', '你']) {
                return Vec::new();
            }
            // `我们的问卷调查`, `使用我们搜索功能`: the operator's own function (but not
            // `与我们联系`, whose 与 the list split off).
            raw = raw
                .strip_prefix("我们的")
                .or_else(|| raw.strip_prefix("我们").filter(|_| piece.start == start))
                .unwrap_or(raw);
            // A quoted member of a list of features: `“跑步推荐”、“摇一摇”` (a lone quoted
            // name is more often the product's).
            if pieces.len() > 1 && !raw.contains(['[', '【']) {
                raw = unquote(raw);
            }
            if pieces.len() > 1
                && self
                    .lexicon
                    .lookup(raw)
                    .is_some_and(|id| self.lexicon.concept(id).kind == Kind::ThirdParty)
            {
                continue;
            }
            let mut name = raw;
            // The product's own name (网易云音乐) may start with a party's (网易): the
            // product is cut by clean_feature.
            let product_first = self.products.iter().any(|p| raw.starts_with(p.as_str()));
            if pieces.len() > 1 && !product_first {
                // After the party list, a piece may still start with the last party.
                let folded = fold(name);
                if let Some(m) = view
                    .mentions
                    .iter()
                    .find(|m| m.range.start == piece.start && m.kind == Kind::ThirdParty)
                {
                    if m.range.end < piece.end && folded.len() > fold(&view.text[m.range.clone()]).len() {
                        name = view.text[m.range.end..piece.end].trim();
                    }
                }
            }
            if let Some(feature) = self.clean_feature(name) {
                names.push(feature);
            }
        }
        names.dedup();
        names
    }

    fn clean_feature(&self, name: &str) -> Option<String> {
        let cues = &self.lexicon.cues;
        let mut name = name.trim().trim_start_matches(['在', '的']).trim();
        for product in self.products {
            if let Some(rest) = name.strip_suffix(product.as_str()) {
                name = rest.trim();
            }
            if let Some(rest) = name.strip_prefix(product.as_str()) {
                name = rest.trim_start_matches('的').trim();
            }
        }
        loop {
            let before = name;
            if let Some(suffix) = cues
                .feature_suffix
                .suffix_of(name)
                .filter(|s| s.len() < name.len())
            {
                name = name[..name.len() - suffix.len()].trim();
                // `个性化推荐和服务` less its 服务: the conjunction goes with it (only
                // then: 参与, 涉及 end in one too).
                for conjunction in ["和", "及", "或"] {
                    name = name.strip_suffix(conjunction).unwrap_or(name).trim();
                }
            }
            for tail in ["相关", "等", "的"] {
                name = name.strip_suffix(tail).unwrap_or(name).trim();
            }
            if name == before {
                break;
            }
        }
        let n = name.chars().count();
        // `相关功能`, `部分服务`: a determiner opens no name (but 本地 is no 本).
        let determiner_start = cues.feature_determiner.prefix_of(name).is_some() && !name.starts_with("本地");
        // A clause, not a name: verbs of mechanism, or a list closed by 等 inside.
        let clause_like = [
            "触发", "生成", "具备", "启动", "安装", "基于", "才会", "特定", "实现", "进行",
        ]
        .iter()
        .any(|w| name.contains(w))
            || name
                .find('等')
                .is_some_and(|at| at + '等'.len_utf8() < name.len());
        if !(2..=MAX_FEATURE_CHARS).contains(&n)
            || clause_like
            || determiner_start
            || name.contains(['您', '你', '的', '(', '（', '【', '“', '"', '/'])
            || name.contains("我们")
            || self.lexicon.is_generic(&fold(name))
            || self
                .lexicon
                .lookup(name)
                .is_some_and(|id| self.lexicon.concept(id).kind != Kind::DataItem)
            || cues.generic_feature.contains(name)
        {
            return None;
        }
        Some(canonical(name))
    }

    /// `为了给您进行个性化推荐，我们会收集…`: a purpose clause opening the sentence names
    /// the function; kept only when it reads as a feature name.
    fn purpose_frame_features(&self, view: &View) -> Option<Vec<String>> {
        let text = view.text;
        // After an item's number: `1） 为向您提供消息推送服务，…`.
        let mut head = crate::structure::strip_numbering(text);
        // After a line's label: `收集的个人信息：为了给您进行个性化推荐，…`.
        if let Some(at) = head
            .find(['：', ':'])
            .filter(|&at| head[..at].chars().count() <= MAX_FEATURE_CHARS)
        {
            let colon = head[at..].chars().next().map_or(1, char::len_utf8);
            head = head[at + colon..].trim_start();
        }
        let opener = self.lexicon.cues.purpose_frame.prefix_of(head)?;
        let start = text.len() - head.len() + opener.len();
        let clause = clause_of(text, start);
        let phrase = &text[start..clause.end.max(start)];
        // `为提供产品及服务之目的`: the purpose named as such, no function.
        if self
            .lexicon
            .cues
            .purpose_noun
            .suffix_of(phrase.trim_end())
            .is_some()
        {
            return None;
        }
        if let Some(list) = self.purpose_frame_list(view, start, phrase) {
            return Some(list);
        }
        let feature = self.clean_feature(phrase)?;
        (feature.chars().count() <= 8).then(|| vec![feature])
    }

    /// `为实现A和B功能`, `为向您提供A、B等消息服务`: a purpose frame listing functions
    /// names each of them, where every member reads as a short name (the kind of
    /// service a closing 等 gives stays out).
    fn purpose_frame_list(&self, view: &View, start: usize, phrase: &str) -> Option<Vec<String>> {
        let cues = &self.lexicon.cues;
        let mut list = phrase.trim_end();
        // `A、B等最新消息服务`: only a kind of service after 等, not a clause going on.
        if let Some(at) = find_top_level(list, &["等"]).filter(|&at| at > 0 && view.is_boundary(start + at))
        {
            cues.feature_suffix.suffix_of(list)?;
            list = &list[..at];
        }
        // `便捷、优质的服务`: qualities of a service, no functions.
        if list.contains('的') {
            return None;
        }
        let span = start..start + list.len();
        let members = self.split_list(view, span).len();
        if members < 2 {
            return None;
        }
        let names = self.split_features(view, start, list, true);
        // A data item (`保单信息`) is what a purpose serves with, not a function.
        let short_names = names.iter().all(|n| {
            n.chars().count() <= MAX_CONDITION_FEATURE_CHARS
                && self
                    .lexicon
                    .lookup(n)
                    .is_none_or(|id| self.lexicon.concept(id).kind != Kind::DataItem)
        });
        (names.len() == members && short_names).then_some(names)
    }

    /// `在注册过程中，如果您提供…`, `在下单过程中，我们会收集…`: a sentence opening with
    /// the process the user goes through names it as the feature.
    fn process_frame_feature(&self, view: &View) -> Option<String> {
        let cues = &self.lexicon.cues;
        let head = crate::structure::strip_numbering(view.text);
        let rest = head.strip_prefix('在')?;
        let clause = &rest[..rest.find(['，', ','])?];
        let close = cues.process_close.suffix_of(clause)?;
        let phrase = clause[..clause.len() - close.len()].trim_end_matches('的');
        // `在使用过程中`, `在提供服务过程中`: a bare verb of use or service names no process.
        if strip_verb_lead(cues, phrase) != phrase
            || cues.feature_verb_lead.contains(phrase)
            || cues.heading_lead.prefix_of(phrase).is_some()
            || phrase.chars().count() > MAX_PROCESS_CHARS
        {
            return None;
        }
        self.clean_feature(phrase)
    }

    /// `…用于开启驾驶模式、设备音效适配、播放控制的功能场景`, `用于提供运动轨迹、跑步记录服务`:
    /// a purpose that lists what functions the data serves names them as features.
    fn purpose_list_features(&self, view: &View) -> Vec<String> {
        let text = view.text;
        let cues = &self.lexicon.cues;
        for (at, word) in cues.purpose.find_all(text) {
            let start = at + word.len();
            if start >= text.len() {
                continue;
            }
            let clause = clause_of(text, start);
            let phrase = text[start..clause.end.max(start)].trim_end_matches(['。', '；', ';']);
            let Some(close) = ["功能场景", "功能", "服务"]
                .into_iter()
                .find(|c| phrase.trim_end().ends_with(c))
            else {
                continue;
            };
            let mut phrase = phrase.trim_end();
            phrase = phrase[..phrase.len() - close.len()].trim_end_matches('的');
            // `提供…`, `帮助您完成…`, `用户开启…`: the functions follow the verb.
            if let Some(lead) = cues.heading_lead.prefix_of(phrase) {
                phrase = &phrase[lead.len()..];
            }
            for word in ["为您", "用户", "您", "开启", "使用"] {
                phrase = phrase.strip_prefix(word).unwrap_or(phrase);
            }
            // `以便您登录时使用上述功能`: a clause pointing back names no function, nor
            // does `演出票的购买和快递配送服务` (a purpose, not a list of names).
            // Opening with a verb of collection (`上传和保存照片、视频`) makes it a clause too.
            let verbs = [&cues.collect, &cues.provide, &cues.store, &cues.share];
            if phrase.contains(['时', '的'])
                || cues.anaphor.find_in(phrase).is_some()
                || verbs.iter().any(|v| v.prefix_of(phrase).is_some())
            {
                continue;
            }
            let offset = phrase.as_ptr() as usize - text.as_ptr() as usize;
            let features = self.split_features(view, offset, phrase, true);
            if !features.is_empty() {
                return features;
            }
        }
        Vec::new()
    }

    /// `如您申请成为主播，您需要提供…`, `当您申请成为A、B，在C或购买D，我们需要收集…`: a
    /// condition on what the user does, opening the sentence before the clause that
    /// states the practice, names the features. Each clause of the condition may list
    /// several; all of them frame the practice.
    fn condition_head_features(&self, view: &View) -> Vec<String> {
        let text = view.text;
        let cues = &self.lexicon.cues;
        // After an item's number: `1.18 如您…`.
        let mut head = crate::structure::strip_numbering(text);
        // After a label or an example marker: `如：当您…`, `例如，如您…`.
        if let Some(at) = head
            .find(['：', ':', '，'])
            .filter(|&at| head[..at].chars().count() <= 4)
        {
            let mark = head[at..].chars().next().map_or(1, char::len_utf8);
            if cues.condition_open.prefix_of(head).is_none() {
                head = head[at + mark..].trim_start();
            }
        }
        let Some(opener) = cues.condition_open.prefix_of(head) else {
            return Vec::new();
        };
        let mut at = text.len() - head.len() + opener.len();
        let mut features: Vec<String> = Vec::new();
        let mut collecting = true;
        for _ in 0..4 {
            let clause = clause_of(text, at);
            if clause.end <= at {
                return Vec::new();
            }
            let body = text[at..clause.end].trim();
            if !features.is_empty() && cues.main_clause_open.prefix_of(body).is_some() {
                return features;
            }
            // The condition runs clause by clause, each closed by a comma.
            if features.is_empty() && !collecting || !text[clause.end..].starts_with(['，', ',']) {
                return Vec::new();
            }
            let next = clause.end
                + '，'
                    .len_utf8()
                    .min(text[clause.end..].chars().next().map_or(1, char::len_utf8));
            // `根据相关法律法规`: an aside between the condition and the practice.
            if cues.basis.prefix_of(body).is_some() || cues.purpose_frame.prefix_of(body).is_some() {
                collecting = false;
                at = next;
                continue;
            }
            if !collecting {
                return Vec::new();
            }
            // A refusal or a negated condition frames no use of a feature, nor does a
            // state (`是安卓设备`), a breach or a moment (`交易后`, `开启此权限后`).
            if cues.negation.find_in(body).is_some()
                || cues.conditional.find_in(body).is_some()
                || cues.condition_veto.find_in(body).is_some()
            {
                return Vec::new();
            }
            // `在您使用服务时（包括后台运行）`: the bracket only adds to the condition.
            let mut phrase = match body.find(['（', '(']) {
                Some(open) if body.ends_with(['）', ')']) => body[..open].trim_end(),
                _ => body,
            };
            if cues.condition_time.suffix_of(phrase).is_some() {
                return Vec::new();
            }
            // `在青少年模式下找回密码`: the mode is the setting, the action the feature.
            if let Some(under) = phrase
                .strip_prefix('在')
                .and_then(|rest| rest.find('下').map(|i| &rest[i + '下'.len_utf8()..]))
                .filter(|rest| rest.chars().count() >= 2)
            {
                phrase = under;
            }
            phrase = strip_verb_lead(cues, phrase);
            // `如您为主播身份用户，需要进行收益提现`: who the user is, not what they do.
            if cues.not_an_action.prefix_of(phrase).is_some() {
                at = next;
                continue;
            }
            // `当您使用我们的服务时`: a condition closed by 时 is a frame, and the frame
            // reader has found it names no feature.
            if cues
                .feature_close
                .suffix_of(phrase)
                .is_some_and(|close| close != "功能" && close != "服务")
            {
                return Vec::new();
            }
            let offset = phrase.as_ptr() as usize - text.as_ptr() as usize;
            let span = offset..offset + phrase.len();
            let members = self.split_list(view, span).len();
            let mut names = Vec::new();
            for feature in self.split_features(view, offset, phrase, true) {
                let bare = strip_verb_lead(cues, &feature);
                let feature = if bare.len() < feature.len() {
                    self.clean_feature(bare).unwrap_or(feature)
                } else {
                    feature
                };
                // A data item (`图片`) is what the practice takes, not a function.
                let data = self
                    .lexicon
                    .lookup(&feature)
                    .is_some_and(|id| self.lexicon.concept(id).kind == Kind::DataItem);
                // A condition naming a feature names it shortly (`开具电子发票`); a longer
                // one tells a story (`将时间胶囊转成一封信寄给自己`).
                let short = feature.chars().count() <= MAX_CONDITION_FEATURE_CHARS;
                if !cues.feature_verb_lead.contains(&feature)
                    && !cues.role_lead.contains(&feature)
                    && !data
                    && short
                {
                    names.push(feature);
                }
            }
            // Every member must read as a name (`注册和登陆游戏推荐中心的游戏` does not):
            // else the clause is no list of features.
            if names.len() < members {
                return Vec::new();
            }
            for name in names {
                if !features.contains(&name) {
                    features.push(name);
                }
            }
            at = next;
        }
        Vec::new()
    }

    /// A sentence that opens by pointing back at the previous one: `这类信息`, `上述信息`.
    fn refers_back(&self, text: &str) -> bool {
        let head: String = text.trim_start().chars().take(6).collect();
        ["这类", "此类", "这些", "上述", "前述", "该类", "以上"]
            .iter()
            .any(|w| head.starts_with(w))
    }

    /// Features when the sentence has no frame: an inline `X功能`, the line's label, or
    /// the heading of a section inside the part of the policy on collection.
    fn context_features(&self, doc: &Document, sentence: &Sentence, view: &View) -> Vec<String> {
        let text = view.text;
        for (at, _) in text.match_indices("功能") {
            let before = &text[..at];
            let start = before
                .char_indices()
                .rev()
                .take(MAX_FEATURE_CHARS)
                .take_while(|(_, c)| {
                    c.is_alphanumeric()
                        && !matches!(
                            c,
                            '的' | '您' | '在' | '用' | '过' | '等' | '中' | '些' | '该' | '此' | '其'
                        )
                })
                .last()
                .map(|(i, _)| i);
            if let Some(start) = start {
                let opener = &before[..start];
                if opener.ends_with("使用")
                    || opener.ends_with('在')
                    || opener.ends_with("开启")
                    || opener.ends_with("通过")
                {
                    if let Some(feature) = self.clean_feature(&text[start..at]) {
                        return vec![feature];
                    }
                }
            }
        }
        if let Some(lead) = &sentence.lead {
            if let Some(feature) = self.heading_feature(lead) {
                return vec![feature];
            }
        }
        let tracking = &self.lexicon.cues.tracking_section;
        let in_tracking_section = sentence
            .path
            .iter()
            .any(|&h| tracking.find_in(&doc.headings[h].title).is_some());
        let in_collection_part = !in_tracking_section
            && (sentence.path.iter().any(|&h| {
                let title = &doc.headings[h].title;
                title.contains("收集") || title.contains("使用")
            }) || self.in_orphan_section(doc, sentence));
        if in_collection_part {
            if let Some(&h) = sentence
                .path
                .last()
                .filter(|&&h| !passed_sibling(doc, h, sentence))
            {
                if let Some(feature) = self.heading_feature(&doc.headings[h].title) {
                    return vec![feature];
                }
            }
        }
        Vec::new()
    }

    /// A heading or line label read as a feature name, if it reads like one.
    fn heading_feature(&self, title: &str) -> Option<String> {
        let cues = &self.lexicon.cues;
        let mut title = title.trim().trim_end_matches(['：', ':']).trim();
        // `帮助您完成注册及登录`, `提供搜索服务`: the function follows the service verb.
        if let Some(lead) = cues
            .heading_lead
            .prefix_of(title)
            .filter(|l| l.len() < title.len())
        {
            title = title[lead.len()..].trim_start();
        }
        let n = title.chars().count();
        if !(2..=MAX_FEATURE_CHARS).contains(&n) {
            return None;
        }
        if self.lexicon.cues.not_a_feature.find_in(title).is_some() {
            return None;
        }
        self.clean_feature(title)
    }

    /// The purpose after a purpose marker, to the end of its clause.
    fn purpose(&self, text: &str) -> Option<String> {
        let (at, word) = self.lexicon.cues.purpose.find_in(text)?;
        let start = at + word.len();
        let clause = clause_of(text, start.min(text.len().saturating_sub(1)));
        let purpose = text[start..clause.end.max(start)]
            .trim()
            .trim_end_matches(['。', '；', ';']);
        let n = purpose.chars().count();
        (2..=40).contains(&n).then(|| canonical(purpose))
    }

    /// `如果我们要…额外收集…`, `如果我们发现…收集了…`: a condition on the operator's own
    /// doing states what would follow, not a practice.
    fn is_hypothetical(&self, subject: &str) -> bool {
        let subject = crate::structure::strip_numbering(subject.trim());
        // `如果更新的内容需要采集音视频`: a future change of the policy, not a practice.
        self.is_conditional_opening(subject)
            && (subject.contains("我们") || self.lexicon.cues.policy_change.find_in(subject).is_some())
    }

    /// Whether a clause opens with a condition word (如, 若, 如果…).
    fn is_conditional_opening(&self, clause: &str) -> bool {
        // `但是如果…`: a conjunction may stand before the condition word.
        let cues = &self.lexicon.cues;
        let head = clause.trim_start();
        let head = cues
            .condition_conjunction
            .prefix_of(head)
            .map_or(head, |w| &head[w.len()..]);
        cues.condition_opener.prefix_of(head).is_some()
    }

    /// A clause about what happens if the user refuses states no practice.
    fn is_conditional(&self, before_verb: &str) -> bool {
        let head = before_verb.trim_start();
        let cues = &self.lexicon.cues;
        let opens_condition =
            cues.condition_opener.prefix_of(head).is_some() || cues.refusal_opener.prefix_of(head).is_some();
        // `未经您授权，…`: the consent the clause lacks is no data the user provides;
        // `防止他人未经授权使用您的密码`: use without consent is misuse, not a practice.
        let without_consent = &self.lexicon.cues.without_consent;
        let misuse = without_consent.find_all(head).into_iter().any(|(at, w)| {
            let rest = &head[at + w.len()..];
            rest.chars().count() <= 8 && !rest.contains(['，', ','])
        });
        opens_condition && self.lexicon.cues.conditional.find_in(head).is_some()
            || without_consent.prefix_of(head).is_some()
            || misuse
    }

    /// A negation in the window before a recipient marker, written as words of their own:
    /// `不会向`, but not the 不 of `不可避免的要向` nor of `不经另行通知您而向`.
    fn negated_before(&self, view: &View, clause_start: usize, marker: usize) -> bool {
        let text = view.text;
        let mut window_start = marker.saturating_sub(NEGATION_WINDOW).max(clause_start);
        while !text.is_char_boundary(window_start) {
            window_start += 1;
        }
        let window = &text[window_start..marker];
        self.lexicon
            .cues
            .negation
            .find_all(window)
            .into_iter()
            .any(|(at, w)| {
                view.is_boundary(window_start + at)
                    && view.is_boundary(window_start + at + w.len())
                    && self
                        .lexicon
                        .cues
                        .negation_lookalike
                        .prefix_of(&window[at..])
                        .is_none()
            })
    }

    /// A negation word in the window before a verb. Positions are bytes of the sentence
    /// from `base` on (a bracket's inside starts at its own `base`).
    fn is_negated(&self, view: &View, base: usize, clause_start: usize, verb_start: usize) -> bool {
        let text = &view.text[base..];
        let window_start = |bytes: usize| {
            let mut start = verb_start.saturating_sub(bytes).max(clause_start);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            start
        };
        let near = window_start(NEGATION_WINDOW);
        let far = window_start(NEGATION_REACH_WINDOW);
        let window = &text[far..verb_start];
        let cues = &self.lexicon.cues;
        cues.negation.find_all(window).into_iter().any(|(at, w)| {
            let start = base + far + at;
            // `某一功能未在前述说明中且收集了`: a conjunction ends what the negation denies.
            let scope = &window[at + w.len()..];
            // Further away, a negation still reaches the verb past a phrase naming whom
            // from or to (`不会向未满14周岁的未成年人收集`), but not past a verb or a
            // condition of its own (`您不向我们提供身份信息的情况下我们可能会收集`).
            let reaches = far + at >= near
                || (cues.negation_reach.prefix_of(scope).is_some() || w.ends_with(['向', '从']))
                    && !scope.contains("情况下")
                    && !scope.contains('时')
                    && cues
                        .practice_verbs()
                        .iter()
                        .all(|verbs| verbs.find_in(scope).is_none());
            reaches
                && cues.negation_lookalike.prefix_of(&window[at..]).is_none()
                && !opens_longer_word(view, start, start + w.len())
                && !scope.contains(['且', '但'])
        })
    }
}

impl Lexicon {
    /// Kinds of the concepts whose folded labels occur in a folded text.
    fn concepts_in<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Kind> + 'a {
        folded.char_indices().flat_map(move |(i, _)| {
            folded[i..]
                .char_indices()
                .skip(1)
                .map(move |(j, _)| i + j)
                .chain(std::iter::once(folded.len()))
                .filter_map(move |end| self.lookup_folded(&folded[i..end]))
                .map(|id| self.concept(id).kind)
        })
    }
}

/// Whether a negation word found at `start..end` only opens a longer word of another
/// sense: the 未 of `未来`, `未成年人`, the 不 of `不定期`, `不断`. A negation the token
/// goes on from with 会 (`绝不会`), or that ends a token (`从未`, `也不`), still denies.
fn opens_longer_word(view: &View, start: usize, end: usize) -> bool {
    if !view.is_boundary(start) || view.is_boundary(end) {
        return false;
    }
    let token_end = (end..=view.text.len())
        .find(|&b| view.is_boundary(b))
        .unwrap_or(end);
    view.text.get(end..token_end) != Some("会")
}

/// A label or heading read as a name starts with a letter, not with numbering the
/// outline left on it (`③ 位置信息`).
fn starts_with_word(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !('①'..='⑳').contains(&c))
}

/// White space collapsed, NFKC: the canonical spelling of a surface form.
pub fn canonical(surface: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII and the main block of CJK ideographs are their own NFKC form: most surfaces
    // need no normalising, and one without white space is already canonical.
    let nfkc: Cow<'_, str> = if surface
        .chars()
        .all(|c| c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c))
    {
        Cow::Borrowed(surface)
    } else {
        Cow::Owned(surface.nfkc().collect())
    };
    if !nfkc.contains(char::is_whitespace) {
        return nfkc.into_owned();
    }
    nfkc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A device word listed between data items (`设备型号、蓝牙（Bluetooth）、基站`) names the
/// data it gives, not a permission the feature requests.
fn listed_among_data(view: &View, mention: &Mention) -> bool {
    let text = view.text;
    let is_data_at =
        |pred: &dyn Fn(&Mention) -> bool| view.mentions.iter().any(|m| m.kind == Kind::DataItem && pred(m));
    let before = text[..mention.range.start].strip_suffix('、');
    // Inside the list, between members: a data item before (or a bracketed one) and one after.
    let data_before =
        before.is_some_and(|b| b.ends_with(['）', ')']) || is_data_at(&|m: &Mention| m.range.end == b.len()));
    let mut after = mention.range.end;
    if text[after..].starts_with(['（', '(']) {
        if let Some((_, close)) = bracket_group(&text[after..]) {
            after += close + text[after + close..].chars().next().map_or(0, char::len_utf8);
        }
    }
    let data_after = text[after..]
        .strip_prefix('、')
        .is_some_and(|_| is_data_at(&|m: &Mention| m.range.start == after + '、'.len_utf8()));
    data_before && data_after
}

/// Round-bracket depth at every byte of `text` (the bracket characters themselves count
/// as inside).
/// A sentence whose round bracket never closes (`当您通过第三方认证机构（阿里云…服务进行
/// 实名认证时，第三方认证机构需要…收集…`) would leave the rest of the sentence inside it,
/// where no verb states a practice. A bracket opens what the term before it covers or
/// means, so the stray one is read as a list separator (of the same length, so that the
/// tokens and mentions keep their offsets): `网卡地址（MAC` cut at a line end lists two.
fn without_unclosed_brackets(text: &str) -> Cow<'_, str> {
    let mut open = Vec::new();
    for (i, c) in text.char_indices() {
        if matches!(c, '（' | '(') {
            open.push(i);
        } else if matches!(c, '）' | ')') {
            open.pop();
        }
    }
    if open.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut repaired = text.to_owned();
    for at in open.into_iter().rev() {
        let separator = if repaired[at..].starts_with('（') {
            "、"
        } else {
            ","
        };
        let len = repaired[at..].chars().next().map_or(1, char::len_utf8);
        repaired.replace_range(at..at + len, separator);
    }
    Cow::Owned(repaired)
}

fn paren_depths(text: &str) -> Vec<u32> {
    let mut depths = vec![0u32; text.len() + 1];
    let mut depth = 0u32;
    for (i, c) in text.char_indices() {
        if matches!(c, '（' | '(') {
            depth += 1;
        }
        for d in &mut depths[i..i + c.len_utf8()] {
            *d = depth;
        }
        if matches!(c, '）' | ')') {
            depth = depth.saturating_sub(1);
        }
    }
    depths
}

fn opens(c: char) -> bool {
    matches!(c, '（' | '(' | '【' | '[' | '「' | '《' | '“' | '"')
}

fn closes(c: char) -> bool {
    matches!(c, '）' | ')' | '】' | ']' | '」' | '》' | '”')
}

/// The clause around byte `at`: between top-level commas, colons or sentence ends.
fn clause_of(text: &str, mut at: usize) -> Range<usize> {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let is_stop = |c: char| matches!(c, '，' | ',' | '：' | ':' | '。' | '；' | ';' | '！' | '？');
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text[..at.min(text.len())].char_indices() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth -= 1;
        } else if depth <= 0 && is_stop(c) {
            start = i + c.len_utf8();
            depth = 0;
        }
    }
    let mut depth = 0i32;
    let mut end = text.len();
    for (i, c) in text[at.min(text.len())..].char_indices() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth -= 1;
            if depth < 0 {
                depth = 0;
            }
        } else if depth == 0 && is_stop(c) {
            end = at + i;
            break;
        }
    }
    start..end.max(start)
}

/// Length of a bracketed item number opening `text`: `(3)`, `（12）`.
fn numbered_prefix(text: &str) -> usize {
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, '(' | '（')) => {}
        _ => return 0,
    }
    let mut digits = 0;
    for (i, c) in chars {
        if c.is_ascii_digit() {
            digits += 1;
        } else if matches!(c, ')' | '）') && (1..=2).contains(&digits) {
            return i + c.len_utf8();
        } else {
            return 0;
        }
    }
    0
}

/// Punctuation that ends a list or a term.
fn is_list_stop(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '；'
            | ';'
            | '：'
            | ':'
            | '！'
            | '？'
            | '\n'
            | '*'
            | '|'
            | '（'
            | '('
            | '）'
            | ')'
            | '【'
            | '】'
    )
}

/// Bracket depth at byte `at` (round brackets only).
fn depth_at(text: &str, at: usize) -> usize {
    let mut depth = 0usize;
    for c in text[..at].chars() {
        if matches!(c, '（' | '(') {
            depth += 1;
        } else if matches!(c, '）' | ')') {
            depth = depth.saturating_sub(1);
        }
    }
    depth
}

/// Every round-bracket group, nested ones too: the byte offset of its opening bracket
/// and the range just inside it.
fn bracket_spans(text: &str) -> Vec<(usize, Range<usize>)> {
    let mut stack = Vec::new();
    let mut spans = Vec::new();
    for (i, c) in text.char_indices() {
        if matches!(c, '（' | '(') {
            stack.push(i);
        } else if matches!(c, '）' | ')') {
            if let Some(open) = stack.pop() {
                let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
                spans.push((open, inner_start..i));
            }
        }
    }
    spans
}

/// Splits a span at the given punctuation outside brackets.
fn split_top_level(text: &str, span: Range<usize>, stops: &[char]) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut start = span.start;
    for (i, c) in text[span.clone()].char_indices() {
        let at = span.start + i;
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && stops.contains(&c) {
            if at > start {
                pieces.push(start..at);
            }
            start = at + c.len_utf8();
        }
    }
    if span.end > start {
        pieces.push(start..span.end);
    }
    pieces
}

/// The outermost bracket group of a piece: byte offsets just inside it.
fn bracket_group(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut open = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '（' | '(') {
            if depth == 0 {
                open = Some(i + c.len_utf8());
            }
            depth += 1;
        } else if matches!(c, '）' | ')') && depth > 0 {
            depth -= 1;
            if depth == 0 {
                return open.map(|o| (o, i));
            }
        }
    }
    None
}

/// Byte offset of the first of `words` outside brackets.
fn find_top_level(text: &str, words: &[&str]) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth -= 1;
        } else if depth == 0 && words.iter().any(|w| text[i..].starts_with(w)) {
            return Some(i);
        }
    }
    None
}

/// Strips determiners, quotes and list debris from a term.
fn clean_term<'t>(lexicon: &Lexicon, text: &'t str) -> &'t str {
    let mut t = crate::structure::strip_numbering(text.trim()).trim_matches(|c: char| {
        matches!(
            c,
            '“' | '”'
                | '"'
                | '\''
                | '‘'
                | '’'
                | '「'
                | '」'
                | '【'
                | '】'
                | '《'
                | '》'
                | '*'
                | '#'
                | '、'
                | '：'
                | ':'
                | '.'
                | '。'
        ) || c.is_whitespace()
    });
    // `收集了IMEI`: an aspect particle left after the verb (not 了解).
    if let Some(rest) = t.strip_prefix('了').filter(|rest| !rest.starts_with('解')) {
        t = rest;
    }
    // `其中包含的口令`: 的 may stand after the determiners too.
    t = strip_determiners(lexicon, t.trim_start_matches('的')).trim_start_matches('的');
    for suffix in ["等等", "等", "在内"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim();
        }
    }
    t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '”' | '"'));
    // A bracket left over from the list around the term: `性别）` at the end of `（例如…性别）`.
    if !t.contains(['（', '(']) {
        t = t.trim_end_matches(['）', ')']);
    }
    if !t.contains(['）', ')']) {
        t = t.trim_start_matches(['（', '(']);
    }
    // What is left of `例如，…` or `相关的` is a marker, not a term.
    let cues = &lexicon.cues;
    if cues.enumeration.contains(t) || cues.determiner.contains(t) {
        return "";
    }
    t
}

fn strip_determiners<'t>(lexicon: &Lexicon, text: &'t str) -> &'t str {
    let mut t = text.trim();
    for _ in 0..4 {
        let cue = lexicon.cues.determiner.prefix_of(t);
        let enumeration = lexicon.cues.enumeration.prefix_of(t);
        match cue.or(enumeration) {
            Some(w) if w.len() < t.len() => t = t[w.len()..].trim_start(),
            _ => break,
        }
    }
    t
}

/// A term is a name, not a clause: no pronouns, no sentence punctuation, no verbs.
fn looks_like_term(lexicon: &Lexicon, text: &str) -> bool {
    if text.contains([
        '您', '你', '，', ',', '。', '；', '：', ':', '？', '！', '"', '“', '”',
    ]) || text.contains("我们")
        || text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
    {
        return false;
    }
    let cues = &lexicon.cues;
    // `哪些数据`, `能够单独`, `而来的信息`: a clause the object ran into.
    if cues.clause_opening.prefix_of(text).is_some() {
        return false;
    }
    // A verb alone (`收集、使用、汇总的信息` cut at 、) names nothing it acts on, but a
    // logged activity does (`关注、收藏及分享`).
    if cues.activity_noun.contains(text) {
        return true;
    }
    if cues.practice_verbs().iter().any(|w| w.contains(text)) {
        return false;
    }
    // `微信时`, `注册账号时`: a time clause.
    if cues.clause_end.suffix_of(text).is_some() {
        return false;
    }
    // `视频可能包含敏感个人信息`: what a thing may include is a clause about it.
    if cues
        .enumeration
        .find_all(text)
        .into_iter()
        .any(|(_, w)| w.chars().count() >= 2)
    {
        return false;
    }
    // A verb run into the head noun it qualifies (`分享码`, `上传记录`) is a noun; one
    // before a noun of its own (`扫描图片`, `上传照片`) acts on it.
    let has_verb = [&cues.collect, &cues.share, &cues.negation, &cues.purpose]
        .iter()
        .any(|w| {
            w.find_in(text).is_some_and(|(at, v)| {
                v.chars().count() >= 2
                    && !matches!(v, "记录" | "存储" | "使用" | "识别" | "验证")
                    && !(cues.data_head.contains(&text[at + v.len()..])
                        && (text[at + v.len()..].chars().count() == 1
                            || cues.record_head.contains(&text[at + v.len()..])))
            })
        });
    !has_verb && text.matches('的').count() <= 1
}

/// Short and plain enough to be a listed noun even without a known head.
fn looks_like_noun(lexicon: &Lexicon, text: &str) -> bool {
    let n = text.chars().count();
    // A head noun alone (类型, 状态, 版本) needs the modifier it shares with the piece
    // before it (see `parse_list`).
    (2..=8).contains(&n)
        && !lexicon.cues.attribute_noun.contains(text)
        && looks_like_term(lexicon, text)
        && !text.contains('的')
        && !lexicon.is_generic(&fold(text))
        && lexicon.cues.feature_suffix.suffix_of(text).is_none()
}

/// A collection verb used as a noun: `播放记录，`, `存储权限` (followed by punctuation, a
/// list separator or a head noun rather than an object).
fn is_noun_use(text: &str, verb: &Range<usize>) -> bool {
    let after = text[verb.end..].chars().next();
    let before = text[..verb.start].chars().next_back();
    let after_is_end = after.is_none_or(|c| {
        matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '、' | '等' | '）' | ')' | '和' | '及'
        )
    });
    let before_is_noun = before.is_some_and(|c| {
        c.is_alphanumeric()
            && !matches!(
                c,
                '会' | '将'
                    | '并'
                    | '要'
                    | '们'
                    | '可'
                    | '能'
                    | '以'
                    | '来'
                    | '不'
                    | '再'
                    | '或'
                    | '和'
                    | '及'
                    | '需'
                    | '您'
                    | '你'
                    | '动'
                    | '时'
                    | '地'
                    | '均'
                    | '都'
                    | '也'
                    | '还'
                    | '仅'
                    | '只'
                    | '去'
                    | '被'
                    | '已'
                    | '曾'
                    | '予'
                    | '须'
                    | '得'
                    | '由'
            )
    });
    // A list member: `点赞/分享/评论`, `分享、交易行为记录`.
    let listed = |c: Option<char>| c.is_some_and(|c| matches!(c, '/' | '、' | '／'));
    if listed(before) || (listed(after) && before.is_none_or(|c| !c.is_alphanumeric() || c == '和')) {
        return true;
    }
    // The last member of a list that ends the clause: `关注、订阅、收藏及分享。`.
    let last_member = after_is_end
        && before.is_some_and(|c| matches!(c, '及' | '和' | '或'))
        && text[..verb.start]
            .chars()
            .rev()
            .take(12)
            .take_while(|c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':'))
            .any(|c| c == '、');
    if last_member {
        return true;
    }
    let noun_after = text[verb.end..].starts_with("信息")
        || text[verb.end..].starts_with("权限")
        || text[verb.end..].starts_with("数据")
        || text[verb.end..].starts_with("空间")
        || text[verb.end..].starts_with("卡")
        // `接收方`, `获取人`: the party that does it.
        || text[verb.end..].starts_with(['方', '人', '者']);
    (after_is_end && before_is_noun) || noun_after
}

/// Whether the text between heading `h` and a sentence under it holds the next number of
/// the heading's own numbering (`1、帮助您完成注册及登录 … 2、实现身份认证 …`): a sibling
/// heading run into a paragraph, which the outline missed, has ended the section.
/// `需要进行收益提现` → `收益提现`, `申请成为主播` → `成为主播`: the verbs that lead a
/// user's action up to the function it uses (see cues.ttl, feature-verb-lead). A verb
/// taking on a role (role-lead) stays before a bare role noun of up to three characters.
fn strip_verb_lead<'t>(cues: &crate::lexicon::Cues, mut phrase: &'t str) -> &'t str {
    loop {
        let verb = cues
            .feature_verb_lead
            .prefix_of(phrase)
            .filter(|lead| phrase[lead.len()..].chars().count() >= 2);
        let role = cues
            .role_lead
            .prefix_of(phrase)
            .filter(|lead| phrase[lead.len()..].chars().count() > MAX_ROLE_CHARS);
        let Some(lead) = verb.or(role) else {
            return phrase;
        };
        phrase = phrase[lead.len()..].trim_start();
    }
}

/// Whether the text after a feature's `功能` (or `服务`) goes on with the next member of
/// a list of features, each named with the same word: `、B功能、C功能时`. The next member
/// is a short name with no punctuation or address in it.
fn next_named_member(after: &str, word: &str) -> bool {
    let Some(rest) = after.strip_prefix(['、', '/']) else {
        return false;
    };
    let Some(end) = rest.find(word) else {
        return false;
    };
    let name = &rest[..end];
    (1..=MAX_FEATURE_CHARS).contains(&name.chars().count())
        && !name.contains(['，', ',', '、', '。', '；', '您', '你', '的', '/'])
        && !name.contains("我们")
}

fn passed_sibling(doc: &Document, h: usize, sentence: &Sentence) -> bool {
    let heading = &doc.headings[h];
    let line = doc.text[heading.range.clone()].trim_start();
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    let Ok(number) = digits.parse::<u32>() else {
        return false;
    };
    let Some(mark) = line[digits.len()..]
        .chars()
        .next()
        .filter(|c| matches!(c, '、' | '.' | '．'))
    else {
        return false;
    };
    let between = doc
        .text
        .get(heading.range.end..sentence.range.start)
        .unwrap_or("");
    let next = format!("{}{mark}", number + 1);
    between.match_indices(&next).any(|(at, _)| {
        between[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '。' | '；' | '：'))
    })
}

/// `您使用产品或服务的设备名称、IMEI`: where an object opens with what the user does,
/// up to a 的 before its first list break, and that clause holds a conjunction, the
/// end of the clause, so that the list is read from its head noun on (not `使用产品`
/// and `服务的设备名称`).
fn relative_clause_end(view: &View, object: &Range<usize>) -> Option<usize> {
    let span = &view.text[object.clone()];
    let rest = ["您", "你", "用户"].iter().find_map(|w| span.strip_prefix(w))?;
    let rest_start = object.end - rest.len();
    // `用户手机号码与本机号码是否一致`: the user's data, no clause; `您或您的家人的…`:
    // the user coordinated with others, no clause either.
    let coordinated = rest.starts_with(['或', '及'])
        || ["和您", "与您", "和你", "与你"]
            .iter()
            .any(|w| rest.starts_with(w));
    if rest.starts_with('的')
        || coordinated
        || view
            .mentions
            .iter()
            .any(|m| m.range.start == rest_start || m.range.start == object.start)
    {
        return None;
    }
    let first_item = &rest[..rest
        .find(['、', '，', ',', '。', '；', '：', '（', '('])
        .unwrap_or(rest.len())];
    let de = first_item.find('的')?;
    // Only a clause that a list reader would cut (`或`, `和`, `/`): elsewhere the clause
    // stays with its item, as the policy wrote it (`发布的评论`).
    first_item[..de]
        .contains(['或', '和', '及', '与', '/'])
        .then(|| rest_start + de + '的'.len_utf8())
}

/// The clauses of `text` before byte `end`, in order, the last one cut at `end`; none
/// empty.
fn clauses_before(text: &str, end: usize) -> Vec<Range<usize>> {
    let mut clauses = Vec::new();
    let mut start = 0;
    while start < end {
        let clause = clause_of(text, start);
        let clause_end = clause.end.min(end);
        if clause_end > clause.start {
            clauses.push(clause.start..clause_end);
        }
        let next = clause.end + text[clause.end..].chars().next().map_or(1, char::len_utf8);
        if next <= start {
            break;
        }
        start = next;
    }
    clauses
}

/// Whether a sentence sits in a part on third parties: a heading on its path names SDKs,
/// 共享, 合作方….
fn in_sdk_section(lexicon: &Lexicon, doc: &Document, sentence: &Sentence) -> bool {
    sentence
        .path
        .iter()
        .any(|&h| lexicon.cues.sdk_section.find_in(&doc.headings[h].title).is_some())
}

/// Whether the text just before a sentence (SDK_CONTEXT_BYTES) speaks of SDKs.
fn near_sdk_mention(doc: &Document, sentence: &Sentence) -> bool {
    let mut from = sentence.range.start.saturating_sub(SDK_CONTEXT_BYTES);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    fold(&doc.text[from..sentence.range.start]).contains("sdk")
}

/// The user is the agent of the verb: `您可以访问`, `您填写`, `需要您提供` — 您 stands in
/// the subject, not as a possessor (您的) nor a beneficiary (向您, 为您), and 我们 does not.
fn user_is_agent(lexicon: &Lexicon, subject: &str) -> bool {
    // 我们 as the recipient (`您需要向我们提供`) leaves the user the agent.
    let subject = without_operator_recipient(lexicon, subject);
    let subject = subject.as_str();
    if subject.contains("我们") {
        return false;
    }
    // `…等用户使用App时产生的信息`: the user named right before the verb (not
    // `其他用户发布的评论`).
    // Not the beneficiary: `用于为用户提供小视频` is what the product offers.
    let beneficiary = ['向', '为', '给', '帮', '让', '对', '与', '和'];
    let bare = strip_modals(lexicon, subject);
    if let Some(before) = bare.strip_suffix("用户") {
        if lexicon.cues.other_user.suffix_of(bare).is_none() && !before.ends_with(beneficiary) {
            return true;
        }
    }
    subject.char_indices().any(|(i, c)| {
        c == '您' && !subject[i + c.len_utf8()..].starts_with('的') && !subject[..i].ends_with(beneficiary)
    })
}

/// The operator asks the user to provide: `注册时需提供`, `请提供`.
fn requests_user(lexicon: &Lexicon, subject: &str) -> bool {
    let s = without_operator_recipient(lexicon, subject);
    let s = s.trim_end();
    // `我们需要您提供`, `我们将要求您提供`: the operator asks, the user provides.
    let asks = lexicon.cues.user_request.suffix_of(s).is_some();
    asks || !s.contains("我们")
        && ["需", "需要", "须", "必须", "请", "应", "应当"]
            .iter()
            .any(|w| s.ends_with(w))
}

/// The subject without `向我们`/`给我们`: the operator named as recipient, not agent.
fn without_operator_recipient(lexicon: &Lexicon, subject: &str) -> String {
    lexicon
        .cues
        .operator_recipient
        .iter()
        .fold(subject.to_owned(), |s, w| s.replace(w, ""))
}

/// Removes modal words from the end of a subject: `此SDK将` → `此SDK`.
fn strip_modals<'s>(lexicon: &Lexicon, subject: &'s str) -> &'s str {
    let mut s = subject.trim();
    while let Some(m) = lexicon
        .cues
        .subject_modal
        .suffix_of(s)
        .filter(|m| s.len() > m.len())
    {
        s = s[..s.len() - m.len()].trim_end();
    }
    s.trim_start_matches(['，', ',', '、'])
}

/// The words before 权限 name no permission: only determiners and umbrella words
/// (`下述权限`, `敏感权限`, `其他设备权限`, `APP权限`, `任一权限`), after the last 的 of a
/// clause (`中授予的具体权限`, `服务的基本权限`).
/// The length of a name in characters, with a run of ASCII letters, digits and `_`
/// counted as one (`GET_TASKS`, `faceID`): an identifier is a word, not nine.
fn name_units(text: &str) -> usize {
    let mut units = 0;
    let mut in_word = false;
    for c in text.chars() {
        let word_char = c.is_ascii_alphanumeric() || c == '_';
        if !(word_char && in_word) {
            units += 1;
        }
        in_word = word_char;
    }
    units
}

fn names_no_permission(lexicon: &Lexicon, stem: &str) -> bool {
    let stem = stem.trim();
    // `位置信息的权限`: with nothing after 的, the words before it name the permission.
    let stem = stem.strip_suffix('的').unwrap_or(stem);
    let last = stem.rfind('的').map_or(stem, |at| &stem[at + '的'.len_utf8()..]);
    let mut rest = fold(strip_determiners(lexicon, last));
    for w in lexicon.cues.permission_umbrella.iter() {
        rest = rest.replace(w, "");
    }
    // A count names none either: `七项权限`, `多种权限`, `几个权限`.
    let counted = rest.trim_end_matches(['项', '种', '个', '类', '些']);
    let is_count = counted.len() < rest.len()
        && counted
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十两几多数各每".contains(c));
    rest.chars().count() <= 1 || is_count
}

/// The object of a verb only points to a list that follows: `以下信息`, or the sentence
/// ends with a colon.
fn points_ahead(text: &str, object: &Range<usize>) -> bool {
    let object_text = &text[object.clone()];
    ["以下", "如下", "下列", "下述"]
        .iter()
        .any(|w| object_text.contains(w))
        || text.trim_end().ends_with(['：', ':'])
}

/// The first quoted word of a text: `以下称“支付机构”` gives 支付机构.
fn quoted(text: &str) -> Option<&str> {
    let open = text.find(['“', '"', '「'])?;
    let rest = &text[open + text[open..].chars().next().map_or(1, char::len_utf8)..];
    let close = rest.find(['”', '"', '」'])?;
    Some(rest[..close].trim()).filter(|q| !q.is_empty())
}

/// The text inside one pair of quotes around all of it, or the text itself.
fn unquote(text: &str) -> &str {
    ['“', '「', '"', '『']
        .iter()
        .zip(['”', '」', '"', '』'])
        .find_map(|(&open, close)| text.strip_prefix(open)?.strip_suffix(close))
        .filter(|inner| !inner.contains(['“', '”', '"', '「', '」']))
        .map_or(text, str::trim)
}

/// Where the subject of `verb` ends: before the first verb of its clause when `verb` is
/// coordinated with it by 并 (`小米需要获取A并收集B`: 小米 collects B), else right before
/// `verb` itself.
fn chained_subject_end(
    lexicon: &Lexicon,
    text: &str,
    earlier: &[Verb],
    clause: &Range<usize>,
    verb: &Verb,
) -> usize {
    let before = text[clause.start..verb.range.start].trim_end();
    if lexicon.cues.verb_link.suffix_of(before).is_none() {
        return verb.range.start;
    }
    earlier
        .iter()
        .find(|v| v.range.start >= clause.start && !v.modifier)
        .map_or(verb.range.start, |first| first.range.start)
}

fn is_anaphor(lexicon: &Lexicon, subject: &str) -> bool {
    let s = subject.trim();
    lexicon.cues.anaphor.prefix_of(s).is_some() && (s.chars().count() <= 8)
}

/// The cells of a table line: parted by `|`, tabs or runs of spaces; else by single
/// spaces.
fn cell_ranges(line: &str) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let sep: &dyn Fn(&str, usize) -> Option<usize> = if line.contains('|') {
        &|t: &str, i: usize| t[i..].starts_with('|').then_some(1)
    } else if line.contains('\t') || line.contains("  ") || line.contains('\u{3000}') {
        &|t: &str, i: usize| {
            let rest = &t[i..];
            if rest.starts_with('\t') {
                Some(1)
            } else if rest.starts_with('\u{3000}') {
                Some('\u{3000}'.len_utf8())
            } else if rest.starts_with("  ") {
                Some(rest.len() - rest.trim_start_matches(' ').len())
            } else {
                None
            }
        }
    } else {
        &|t: &str, i: usize| t[i..].starts_with(' ').then_some(1)
    };
    let mut start = 0;
    let mut i = 0;
    while i < line.len() {
        if let Some(len) = sep(line, i) {
            if line[start..i].trim().is_empty() {
                start = i + len;
            } else {
                cells.push(start..i);
                start = i + len;
            }
            i += len;
        } else {
            i += line[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if !line[start..].trim().is_empty() {
        cells.push(start..line.len());
    }
    cells
        .into_iter()
        .map(|r| {
            let t = &line[r.clone()];
            let lead = t.len() - t.trim_start().len();
            r.start + lead..r.start + lead + t.trim().len()
        })
        .collect()
}

fn table_cells(line: &str) -> Vec<&str> {
    cell_ranges(line).into_iter().map(|r| &line[r]).collect()
}

/// Key–value fields in a sentence: `名称：X 用途：Y`. A key is a short run before a colon
/// at the start or after white space or punctuation; its value runs to the next key.
fn key_values(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut keys: Vec<Range<usize>> = Vec::new();
    for (i, c) in text.char_indices() {
        if c != '：' && c != ':' {
            continue;
        }
        let before = &text[..i];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| {
                !c.is_whitespace() && !matches!(c, '；' | ';' | '，' | ',' | '。' | '：' | ':')
            })
            .last()
            .map_or(i, |(j, _)| j);
        let n = text[start..i].chars().count();
        if (2..=14).contains(&n) {
            keys.push(start..i + c.len_utf8());
        }
    }
    let mut fields = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        let value_end = keys.get(k + 1).map_or(text.len(), |next| next.start);
        let value = key.end..value_end.max(key.end);
        let value_text = &text[value.clone()];
        let trimmed_end = value.start + value_text.trim_end_matches(['；', ';', '。', ' ']).len();
        fields.push((key.start..key.end, value.start..trimmed_end));
    }
    fields
}

/// `android.permission.INTERNET（访问网络权限）`: the policy's own Chinese name for an
/// Android permission constant (`written`, ASCII), in the bracket right after it, is
/// the name its readers know it by.
fn permission_gloss<'t>(written: &str, after: &'t str) -> Option<&'t str> {
    if !written.is_ascii() {
        return None;
    }
    let inner = after.strip_prefix(['（', '('])?;
    let name = &inner[..inner.find(['）', ')'])?];
    let max_chars = MAX_PERMISSION_STEM_CHARS + "权限".chars().count();
    (name.ends_with("权限") && name.chars().count() <= max_chars).then_some(name)
}

fn key_core(key: &str) -> &str {
    key.trim().trim_end_matches(['：', ':']).trim()
}

fn dedup_inclusions(inclusions: &mut Vec<Inclusion>) {
    let mut seen: HashMap<(Entity, Entity), ()> = HashMap::new();
    inclusions.retain(|i| {
        seen.insert((i.general.entity.clone(), i.specific.entity.clone()), ())
            .is_none()
    });
}

/// Whether a cleaned candidate can be an app's name at all: not a generic word, not a
/// description holding a document word, not a clause opening with a function word.
fn may_name_product(lexicon: &Lexicon, name: &str) -> bool {
    let cues = &lexicon.cues;
    let folded = fold(name);
    let n = name.chars().count();
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        && name.chars().any(char::is_alphanumeric);
    (2..=16).contains(&n)
        && plain
        && !name.chars().all(|c| c.is_ascii_digit())
        && !cues.not_a_product.contains(&folded)
        && cues.not_in_product.find_in(&folded).is_none()
        && cues.not_product_start.prefix_of(&folded).is_none()
        && lexicon.cues.company_suffix.suffix_of(name).is_none()
        // A data item or permission (`设备信息`) names no app.
        && lexicon
            .lookup_folded(&folded)
            .is_none_or(|id| lexicon.concept(id).kind == Kind::ThirdParty)
}

/// What follows a date run into a name (`2021年6月28日来电秀极速版` → `来电秀极速版`).
fn after_date(name: &str) -> &str {
    name.rmatch_indices('日')
        .find(|(at, _)| name[..*at].ends_with(|c: char| c.is_ascii_digit()))
        .map_or(name, |(at, d)| &name[at + d.len()..])
}

/// A candidate as the policy writes it, without quotes, `本`/`关于`, a date run into
/// it, and a tail that names no app (`临沂12345APP` → `临沂12345`).
fn clean_product(lexicon: &Lexicon, name: &str) -> String {
    let mut name = name.trim().trim_matches(['“', '”', '"', '《', '》', '「', '」']);
    for strip in ["本", "关于", "的", "与"] {
        name = name.strip_prefix(strip).unwrap_or(name);
        name = name.strip_suffix(strip).unwrap_or(name);
    }
    // A date run into the title (`2021年6月28日来电秀极速版`) is no part of the name.
    name = after_date(name);
    while let Some(word) = lexicon.cues.product_tail.suffix_of(name) {
        let rest = name[..name.len() - word.len()].trim_end();
        if rest.chars().count() < 2 {
            break;
        }
        name = rest.trim_matches(['“', '”', '"', '《', '》', '「', '」']);
    }
    canonical(name)
}

/// The quote or bracket that a closing one closes (`”` → `“`, `》` → `《`). A `“` closes
/// itself: `“抠图P图秀“隐私政策`.
fn opening_quote(close: char) -> char {
    match close {
        '”' | '“' => '“',
        '》' => '《',
        '」' => '「',
        '】' => '【',
        _ => '"',
    }
}

/// Where the run of letters, digits and spaces that ends `text` starts, looking back at
/// most `max_chars` characters: an unquoted name before a title or a product word.
fn name_run_start(text: &str, max_chars: usize) -> usize {
    text.char_indices()
        .rev()
        .take(max_chars)
        .take_while(|(_, c)| c.is_alphanumeric() || *c == ' ')
        .last()
        .map_or(text.len(), |(i, _)| i)
}

/// The name written just before `end` in `text`: a quoted one (`“轻图”`, `《房在线》`),
/// or the run of letters and digits that starts a line or follows an opener.
fn name_before(text: &str, end: usize, line_start: bool) -> Option<&str> {
    // Spaces may stand before the title word, but not a line break: a name on the line
    // above (a menu, a heading) is no title.
    let before = text[..end].trim_end_matches([' ', '\t', '\u{3000}']);
    // `“抠图P图秀“隐私政策`: an opening quote may close.
    if let Some(close) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '”' | '》' | '」' | '"' | '“'))
    {
        let inner = &before[..before.len() - close.len_utf8()];
        let opener = opening_quote(close);
        let open = inner.rfind(opener)?;
        let name = &inner[open + opener.len_utf8()..];
        return (name.chars().count() <= 20).then_some(name);
    }
    let start = name_run_start(before, 20);
    let opener = before[..start].chars().next_back();
    let opens = match opener {
        None | Some('\n') => true,
        Some(c) => matches!(c, '《' | '“' | '「' | '"') || !line_start && !c.is_alphanumeric(),
    };
    opens.then_some(&before[start..])
}

/// The name that opens the policy with a commitment (`腾讯云严格遵守法律法规`,
/// `1、托迈酷客非常重视…`): who answers for the data where no company is named. Read in
/// the policy's first lines only; the caller checks that it can be a name at all.
fn committed_brand<'t>(lexicon: &Lexicon, segmenter: &Segmenter, text: &'t str) -> Option<&'t str> {
    let head_end = text.char_indices().nth(800).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    lexicon
        .cues
        .brand_commitment
        .find_all(head)
        .into_iter()
        .find_map(|(at, _)| {
            let before = &head[..at];
            let start = before
                .char_indices()
                .rev()
                .take(16)
                .take_while(|(_, c)| c.is_alphanumeric())
                .last()
                .map(|(i, _)| i)?;
            // The name opens its clause: a line, a sentence, markup or numbering before it.
            let opener = before[..start].chars().next_back();
            let opens = opener.is_none_or(|c| !c.is_alphanumeric());
            // Cut what runs into it (a date, `温馨提示`), and keep it only if it ends as a
            // name does: not in an adverb, verb or conjunction (`一直以来都`, `国春国际致力于`).
            let mut name = after_date(&before[start..]);
            if let Some(end) = lexicon
                .cues
                .operator_lead
                .find_all(name)
                .into_iter()
                .filter(|(_, word)| word.chars().count() > 1)
                .map(|(at, word)| at + word.len())
                .max()
            {
                name = &name[end..];
            }
            let ends_as_name = segmenter
                .last_tag(name)
                .is_some_and(|tag| !["d", "c", "p", "r", "u", "ad", "f"].contains(&tag.as_str()));
            let ends_as_name = ends_as_name && lexicon.cues.not_name_end.suffix_of(name).is_none();
            (opens && ends_as_name && name.chars().count() >= 2 && !name.starts_with(['我', '本']))
                .then_some(name)
        })
}

/// The apps named where using them is consent to the policy: `若您使用腾讯服务，即表示您
/// 认同…`, `使用红手指提供的任一服务时，即表示您已同意…` (the name runs from 使用 to the
/// first tail word).
fn consented_products<'t>(lexicon: &Lexicon, text: &'t str) -> Vec<&'t str> {
    let cues = &lexicon.cues;
    let mut names = Vec::new();
    for (at, _) in cues.consent_by_use.find_all(text) {
        let before = text[..at].trim_end_matches(['，', ',', ' ']);
        let clause_start = before
            .rfind(['，', ',', '。', '；', '\n', '：'])
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        let clause = &before[clause_start..];
        let Some(use_at) = clause.rfind("使用") else {
            continue;
        };
        let mut name = clause[use_at + "使用".len()..].trim();
        name = name.strip_suffix('时').unwrap_or(name).trim_end();
        if let Some((cut, _)) = cues.use_tail.find_all(name).into_iter().find(|(i, _)| *i > 0) {
            name = &name[..cut];
        }
        let name = name.trim();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The apps a field names (`应用名称：朵蜜`, `产品名称：丝瓜视频`), one or several
/// (`萌我变声器/萌我变声器极速版`). Where fields run together (`云智装开发者名称：…`),
/// the value ends where a known key starts before the next colon; before an unknown
/// one it is not read, since that word may be the name's own. Not a longer key's field
/// (`SDK产品名称：`), not in a part or on a line about SDKs, not a third party the
/// lexicon knows.
fn field_products<'t>(lexicon: &Lexicon, doc: &'t Document) -> Vec<&'t str> {
    let cues = &lexicon.cues;
    let text = &doc.text;
    // A field in a part on third parties names an SDK (`九、SDK技术说明` … `产品名称：友盟统计`).
    let in_sdk_section = |offset: usize| {
        let after = doc.sentences.partition_point(|s| s.range.start <= offset);
        after
            .checked_sub(1)
            .is_some_and(|i| in_sdk_section(lexicon, doc, &doc.sentences[i]))
    };
    let mut names = Vec::new();
    for (at, word) in cues.product_label.find_all(text) {
        if text[..at].ends_with(|c: char| c.is_alphanumeric()) || in_sdk_section(at) {
            continue;
        }
        let rest = text[at + word.len()..].trim_start_matches([' ', '\t', '\u{3000}']);
        let Some(rest) = rest.strip_prefix([':', '：']) else {
            continue;
        };
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let line = &text[line_start..at];
        if fold(line).contains("sdk") || fold(&rest[..line_end]).contains("sdk") {
            continue;
        }
        let mut value = rest[..line_end].trim();
        if let Some(cut) = value.find(['，', ',', '。', '；', ';', '（', '(']) {
            value = &value[..cut];
        }
        if let Some(colon) = value.find([':', '：']) {
            let before = &value[..colon];
            let key = cues
                .field_key
                .suffix_of(before)
                .or_else(|| cues.operator_label.suffix_of(before))
                .or_else(|| cues.product_label.suffix_of(before));
            let Some(key) = key else { continue };
            value = &before[..before.len() - key.len()];
        }
        for name in value.split(['/', '、', '／']) {
            let name = name.trim();
            let known_party = lexicon
                .lookup(name)
                .is_some_and(|id| lexicon.concept(id).kind == Kind::ThirdParty);
            if !name.is_empty() && !known_party && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The app a sentence in the policy's head says someone provides: a name opening the
/// sentence, quoted or followed by a product word, then 是由/由 and a provision verb
/// (`【石猫】APP是由厦门石猫科技有限公司…运营`, `多锐App是由湖南简成…开发`,
/// `“保诚信”由武汉保诚信科技有限公司…提供`).
fn provided_products<'t>(lexicon: &Lexicon, text: &'t str) -> Vec<&'t str> {
    let cues = &lexicon.cues;
    let head_end = text.char_indices().nth(3000).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let mut names = Vec::new();
    for (at, _) in head.match_indices('由') {
        let after = &head[at + '由'.len_utf8()..];
        let sentence_end = after.find(['。', '\n', '；']).unwrap_or(after.len());
        let clause: String = after[..sentence_end].chars().take(80).collect();
        if cues.provision_verb.find_in(&clause).is_none() {
            continue;
        }
        let mut before = head[..at].strip_suffix('是').unwrap_or(&head[..at]).trim_end();
        // A bracket note between the name and 由: `多锐App（以下简称“多锐”）是由`.
        if before.ends_with(['）', ')']) {
            match before.rfind(['（', '(']) {
                Some(open) => before = before[..open].trim_end(),
                None => continue,
            }
        }
        // Product words may pile up: `墩墩星球软件及相关服务是由`.
        let mut product_word = None;
        while let Some(word) = cues
            .product_word
            .suffix_of(before)
            .or_else(|| ["应用"].into_iter().find(|w| before.ends_with(w)))
        {
            product_word = Some(word);
            before = before[..before.len() - word.len()].trim_end();
        }
        let (name, start) = match before.chars().next_back() {
            Some(close @ ('”' | '》' | '」' | '】' | '"')) => {
                let open = opening_quote(close);
                let inner = &before[..before.len() - close.len_utf8()];
                let Some(at) = inner.rfind(open) else { continue };
                (&inner[at + open.len_utf8()..], at)
            }
            // Unquoted, the name must be followed by a product word (`本服务是由` is none).
            Some(_) if product_word.is_some() => {
                let start = name_run_start(before, 16);
                (before[start..].trim(), start)
            }
            _ => continue,
        };
        // The name opens its sentence.
        let opener = head[..start]
            .trim_end_matches([' ', '\t', '\u{3000}'])
            .chars()
            .next_back();
        let opens = opener.is_none_or(|c| matches!(c, '\n' | '。' | '！' | '；' | '!' | ';'));
        if opens && !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Products: the app(s) the policy covers. Structural evidence first: the name in the
/// document's title (its first lines: `叮咚买菜隐私政策`, `“轻图”隐私政策`) and the name
/// defined as the app (`临沂12345APP（以下简称“本应用”）`). Names met further on
/// (`《X隐私政策》`, `“X”客户端`) must recur, must not be a lexicon third party (an SDK's
/// own policy, `《友盟隐私政策》`), and where the title names the app they only add
/// names that extend or shorten it (`咪咕` → `咪咕音乐`). No product beats a wrong one.
pub fn find_products(doc: &Document, lexicon: &Lexicon, segmenter: &Segmenter) -> Vec<String> {
    let text = &doc.text;
    let cues = &lexicon.cues;
    let count = |name: &str| text.matches(name).count();
    let mut titled: Vec<String> = Vec::new();
    // Names that differ in case only are one (`WeSee`, `wesee`).
    let push = |list: &mut Vec<String>, name: String| {
        if may_name_product(lexicon, &name) && !list.iter().any(|n| fold(n) == fold(&name)) {
            list.push(name);
        }
    };
    // The title: the first non-empty lines, read to the policy-title word.
    let mut offset = 0;
    let mut lines_seen = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        lines_seen += 1;
        if lines_seen > 5 {
            break;
        }
        let head_end = line.char_indices().nth(60).map_or(line.len(), |(i, _)| i);
        let head = &line[..head_end];
        // A title written twice without a break (`隐私政策叮咚买菜隐私政策`) or under a
        // bare `隐私政策`: the name starts after it.
        let lead = head.len() - head.trim_start().len();
        let mut from = lead;
        while let Some(word) = cues.policy_title.prefix_of(&head[from..]) {
            from += word.len();
        }
        for (at, _) in cues.policy_title.find_all(&head[from..]) {
            let at = from + at;
            if let Some(name) = name_before(&text[start + from..], at - from, true) {
                push(&mut titled, clean_product(lexicon, name));
            }
        }
    }
    // The definition: `X（以下简称“本应用”）`.
    for (open, c) in text.char_indices().filter(|(_, c)| matches!(c, '（' | '(')) {
        let inner_start = open + c.len_utf8();
        let inner: String = text[inner_start..].chars().take(24).collect();
        let inner = inner.split(['）', ')']).next().unwrap_or_default();
        if !inner.contains('称') || cues.product_alias.find_in(inner).is_none() {
            continue;
        }
        let before = &text[..open];
        let Some(name) = name_before(before, before.len(), false) else {
            continue;
        };
        // `为了便于您使用临沂12345APP`: the name follows the last verb or pronoun.
        let tokens = segmenter.tokens(name);
        let cut = tokens
            .iter()
            .rposition(|t| {
                let word = fold(&name[t.clone()]);
                cues.not_product_start.contains(&word)
                    || ["由", "是", "为", "即", "的"].contains(&word.as_str())
            })
            .map_or(0, |i| tokens[i].end);
        push(&mut titled, clean_product(lexicon, &name[cut..]));
    }
    // The definition without its bracket: `《图片文字识别转换》以下简称“本应用”`. Only a
    // quoted name: unquoted, the words before 以下简称 run on from the sentence.
    for (at, word) in text.match_indices("以下简称") {
        let after: String = text[at + word.len()..].chars().take(12).collect();
        if cues.product_alias.find_in(&after).is_none() {
            continue;
        }
        let before = text[..at].trim_end_matches([' ', '，', ',']);
        if before.ends_with(['》', '”']) {
            if let Some(name) = name_before(before, before.len(), false) {
                push(&mut titled, clean_product(lexicon, name));
            }
        }
    }

    // A field (`应用名称：朵蜜`) and a sentence saying who provides the app
    // (`【石猫】APP是由厦门石猫科技有限公司运营`) name it as surely as a title.
    for name in field_products(lexicon, doc) {
        push(&mut titled, clean_product(lexicon, name));
    }
    for name in provided_products(lexicon, text) {
        push(&mut titled, clean_product(lexicon, name));
    }

    // Without a title or a definition: the name whose use is consent to the policy, or
    // the one that opens it with a commitment (`腾讯云严格遵守法律法规`).
    if titled.is_empty() {
        for name in consented_products(lexicon, text) {
            push(&mut titled, clean_product(lexicon, name));
        }
        if let Some(brand) = committed_brand(lexicon, segmenter, text) {
            push(&mut titled, clean_product(lexicon, brand));
        }
    }

    // Names met anywhere: `《X隐私政策》` and `“X”客户端`, each with whether it names a
    // lexicon third party.
    let mut met: Vec<String> = Vec::new();
    let mut third_parties: Vec<String> = Vec::new();
    let mut push_met = |name: &str| {
        let name = clean_product(lexicon, name);
        // Part of speech: a conjunction or particle (如果, 除非, 您) opens a clause. Not
        // pronouns or prepositions: `你今天真好看`, `在路上商旅` are apps.
        let function_word = segmenter
            .first_word(&name)
            .is_some_and(|(_, tag)| ["c", "u", "zg"].contains(&tag.as_str()));
        if function_word {
            return;
        }
        if lexicon
            .lookup(&name)
            .is_some_and(|id| lexicon.concept(id).kind == Kind::ThirdParty)
        {
            third_parties.push(name.clone());
        }
        push(&mut met, name);
    };
    for (at, _) in cues.policy_title.find_all(text) {
        if let Some(name) = name_before(text, at, true) {
            push_met(name);
        }
    }
    for (at, _) in text.match_indices('“') {
        let rest = &text[at + '“'.len_utf8()..];
        let Some(close) = rest.find('”') else { continue };
        let name = &rest[..close];
        let after = &rest[close + '”'.len_utf8()..];
        // The quoted name, or a list of them, ends with a product word.
        let tail = after.trim_start_matches(|c: char| {
            c == '、'
                || c == '和'
                || c == '及'
                || c == '“'
                || c == '”'
                || c.is_alphanumeric() && !c.is_ascii()
        });
        let product_word = cues.product_word.prefix_of(after).is_some()
            || after.starts_with(['、', '和', '及']) && cues.product_word.prefix_of(tail).is_some();
        if product_word {
            push_met(name);
        }
    }
    let top = met.iter().map(|c| count(c)).max().unwrap_or(0);
    let mut kept: Vec<(String, usize)> = met
        .iter()
        .map(|c| (c.clone(), count(c)))
        .filter(|(_, n)| *n >= 3 && 20 * n >= top)
        .collect();
    if titled.is_empty() {
        // Without a title, a third party's name is an SDK's policy (`《友盟隐私政策》`).
        kept.retain(|(name, _)| !third_parties.contains(name));
    } else {
        // The title names the app: names met further on only refine it (even a name the
        // lexicon knows as a third party: `咪咕隐私权政策` covers `咪咕音乐`).
        kept.retain(|(name, _)| {
            titled
                .iter()
                .any(|t| name.contains(t.as_str()) || t.contains(name.as_str()))
        });
        // A title that names a brand (`咪咕隐私权政策`) yields to the apps it covers.
        let longer: Vec<String> = kept.iter().map(|(n, _)| n.clone()).collect();
        for name in &titled {
            if !kept.iter().any(|(n, _)| n == name)
                && !longer.iter().any(|l| l.contains(name.as_str()) && l != name)
            {
                kept.insert(0, (name.clone(), usize::MAX));
            }
        }
    }
    let longer: Vec<(String, usize)> = kept.clone();
    kept.retain(|(name, n)| {
        if *n == usize::MAX {
            return true;
        }
        let inside: usize = longer
            .iter()
            .filter(|(other, _)| other != name && other.contains(name.as_str()))
            .map(|(other, m)| if *m == usize::MAX { count(other) } else { *m })
            .sum();
        2 * inside < *n
    });
    kept.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    kept.into_iter().take(3).map(|(name, _)| name).collect()
}

/// A company name as the policy writes it, cut after whatever runs into it: a date
/// (`2022年1月14日深圳汇能…`), a role (`车行168APP服务提供者北京车行…`), a policy title
/// (`十点读书隐私政策厦门十点…`), a clause (`本政策适用于安克创新…`).
fn clean_operator<'t>(lexicon: &Lexicon, segmenter: &Segmenter, name: &'t str) -> &'t str {
    let cues = &lexicon.cues;
    let mut name = name.trim();
    name = after_date(name);
    let words = cues.operator_lead.find_all(name).into_iter();
    let titles = cues.policy_title.find_all(name).into_iter();
    if let Some(end) = words
        .filter(|(_, word)| word.chars().count() > 1)
        .chain(titles)
        .map(|(at, word)| at + word.len())
        .max()
    {
        name = &name[end..];
    }
    if let Some(end) = segmenter
        .tokens(name)
        .into_iter()
        .filter(|t| {
            let word = &name[t.clone()];
            word.chars().count() == 1 && cues.operator_lead.contains(word)
        })
        .map(|t| t.end)
        .next_back()
    {
        name = &name[end..];
    }
    segmenter
        .trailing_name(name)
        .trim_start_matches([':', '：', ' ', '）', ')'])
}

/// Whether a candidate can name an operator: a company name, or a plain name (a brand
/// designated 我们), that opens no clause (`感谢您使用!`, `其和关联公司`, `因本公司`) and
/// describes nothing (`任何房飞布及其关联公司`). The part of speech of its first word
/// catches openings no list holds: a conjunction or pronoun (not an adverb or a
/// preposition: jieba tags 大连 and 同方 so).
fn may_name_operator(lexicon: &Lexicon, segmenter: &Segmenter, name: &str) -> bool {
    let cues = &lexicon.cues;
    let n = name.chars().count();
    let folded = fold(name);
    let company = cues.company_suffix.suffix_of(name).is_some();
    let allowed = |c: char| c.is_alphanumeric() || c == ' ' || company && "（）()·".contains(c);
    let balanced = name.matches(['（', '(']).count() == name.matches(['）', ')']).count();
    // Tagging is jieba's dearest call: it comes last, for the names nothing else ruled out.
    let function_word = || {
        segmenter
            .first_word(name)
            .is_some_and(|(_, tag)| ["c", "r", "u", "zg"].contains(&tag.as_str()))
    };
    // A brand designated 我们 is held to what an app's name may be (`服务`, `平台` are not).
    (company || may_name_product(lexicon, name))
        && (2..=40).contains(&n)
        && name.chars().all(allowed)
        && balanced
        && cues.not_product_start.prefix_of(&folded).is_none()
        && cues.not_operator_start.prefix_of(&folded).is_none()
        && cues.not_in_operator.find_in(&folded).is_none()
        && !cues.company_suffix.contains(name)
        && !function_word()
}

/// The company name at the start of `text` (`公司名称：X`, X up to its company ending).
fn company_at<'t>(lexicon: &Lexicon, text: &'t str) -> Option<&'t str> {
    let run: &str = &text[..text
        .char_indices()
        .take(40)
        .find(|(_, c)| matches!(c, '，' | '。' | '；' | '、' | '\n' | ' ' | ',' | ';' | '“' | '”'))
        .map_or_else(
            || text.char_indices().nth(40).map_or(text.len(), |(i, _)| i),
            |(i, _)| i,
        )];
    // The first legal-form ending (`有限公司`), else the last ending (`集团`, `公司`):
    // `中国电信集团有限公司`, not `中国电信集团`; `X有限公司公司地址…`, not `X有限公司公司`.
    let ends: Vec<(usize, usize)> = run
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .filter_map(|end| {
            let suffix = lexicon.cues.company_suffix.suffix_of(&run[..end])?;
            Some((end, suffix.chars().count()))
        })
        .collect();
    ends.iter()
        .find(|(_, n)| *n >= 4)
        .or(ends.last())
        .map(|&(end, _)| &run[..end])
}

/// Operators: the entity designated as 我们 (`X（以下简称“我们”）`), or the company a
/// product is provided by (`由X提供`), named in a field (`公司名称：X`), or the first
/// company the policy names, where it names no lexicon third party. A company beats a
/// brand designated 我们; no operator beats a clause taken for one.
pub fn find_operators(doc: &Document, lexicon: &Lexicon, segmenter: &Segmenter) -> Vec<String> {
    let text = &doc.text;
    let mut found: Vec<String> = Vec::new();
    let push = |found: &mut Vec<String>, name: &str| {
        let name = canonical(clean_operator(lexicon, segmenter, name));
        if may_name_operator(lexicon, segmenter, &name) && !found.contains(&name) {
            found.push(name);
        }
    };
    let is_company = |n: &String| lexicon.cues.company_suffix.suffix_of(n).is_some();
    let third_party = |name: &str| {
        lexicon
            .lookup(name)
            .is_some_and(|id| lexicon.concept(id).kind == Kind::ThirdParty)
            || lexicon.third_party_companies.contains(&fold(name))
    };
    // The designation: a bracket right after the name that calls it 我们, however worded
    // (`X（以下简称“我们”）`, `X(简称“我们”)`, `X（下文简称“小佩”或“我们”）`), closed or
    // running on (`X（以下简称“我们”，注册办公地址：…`), or after an address
    // (`天翼电子商务有限公司（注册地址：…；常用办公地址：…；以下简称“翼支付”或“我们”）`).
    for (open, c) in text.char_indices().filter(|(_, c)| matches!(c, '（' | '(')) {
        let inner_start = open + c.len_utf8();
        let window = text[inner_start..]
            .char_indices()
            .nth(150)
            .map_or(text.len(), |(i, _)| inner_start + i);
        let close = text[inner_start..window]
            .find(['）', ')'])
            .map_or(window, |i| inner_start + i);
        let inner = &text[inner_start..close];
        let designates_us = inner.contains('称') && inner.contains("我们")
            || lexicon.cues.operator_marker.find_in(inner).is_some();
        if !designates_us {
            continue;
        }
        let before = text[..open].trim_end();
        let start = before
            .char_indices()
            .rev()
            .take(40)
            .take_while(|(_, c)| {
                !matches!(
                    c,
                    '，' | '。'
                        | '；'
                        | '：'
                        | ':'
                        | '、'
                        | '“'
                        | '”'
                        | '《'
                        | '》'
                        | '\n'
                        | ' '
                        | '！'
                        | '!'
                        | '？'
                        | '?'
                )
            })
            .last()
            .map_or(before.len(), |(i, _)| i);
        // Names may hold brackets (`小佩网络科技（上海）有限公司`), but not open with one.
        let candidate = before[start..].trim_start_matches(['（', '(', '）', ')']);
        // `X及其关联公司`: the operator is X.
        let candidate = [
            "及其关联公司",
            "及关联公司",
            "及其关联企业",
            "及其关联方",
            "及其子公司",
        ]
        .iter()
        .find_map(|tail| candidate.find(tail).map(|at| &candidate[..at]))
        .unwrap_or(candidate);
        // `“App支付”SDK由支付宝（中国）网络技术有限公司（以下简称“我们”）`: an SDK's own
        // policy, quoted in the app's.
        if candidate.to_ascii_uppercase().contains("SDK") {
            continue;
        }
        let name = segmenter.trailing_name(candidate);
        push(&mut found, name);
    }
    // A glossary line defining the name the policy acts under names the company behind
    // it, a parent company too (`我们：指X有限公司`, `咪咕公司：X有限公司及其五个子公司…`).
    // Defined so, a company is the operator though the lexicon knows it as some SDK's
    // provider too.
    let mut defined: Vec<String> = Vec::new();
    for name in defined_companies(lexicon, text) {
        push(&mut defined, name);
    }
    defined.retain(is_company);
    // Where the policy names a legal entity, descriptions (`…的服务提供者`) are not one.
    if found.iter().any(is_company) {
        found.retain(is_company);
        found.extend(
            defined
                .into_iter()
                .filter(|d| !found.contains(d))
                .collect::<Vec<_>>(),
        );
        return found;
    }
    let mut companies: Vec<String> = Vec::new();
    // `由X提供`, or a clause that opens with `X运营`/`X提供`, X a company name.
    for verb in ["提供", "运营", "开发", "负责运营"] {
        for (at, _) in text.match_indices(verb) {
            let before = &text[..at];
            let start = before
                .char_indices()
                .rev()
                .take(40)
                .take_while(|(_, c)| {
                    !matches!(c, '，' | '。' | '；' | '：' | ':' | '（' | '(' | '“' | '\n' | ' ')
                })
                .last()
                .map_or(at, |(i, _)| i);
            let candidate = before[start..].trim_start_matches('由');
            // An SDK table's `由每日互动股份有限公司提供` names the SDK's provider.
            if lexicon.cues.company_suffix.suffix_of(candidate).is_some()
                && !candidate.contains(['由', '是'])
                && !third_party(clean_operator(lexicon, segmenter, candidate))
            {
                push(&mut companies, candidate);
            }
        }
    }
    // A field that names it (`公司名称：X`, `开发者：X`), outside third-party tables.
    if companies.is_empty() {
        for (at, word) in lexicon.cues.operator_label.find_all(text) {
            let rest = &text[at + word.len()..];
            let Some(rest) = rest.strip_prefix([':', '：']) else {
                continue;
            };
            // A longer key (`关联公司名称：`, `SDK公司名称：`) names someone else.
            if text[..at].ends_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            if let Some(name) = company_at(lexicon, rest.trim_start()) {
                if !third_party(name) {
                    push(&mut companies, name);
                }
            }
        }
    }
    // The first company the policy names, near its start (`长沙科想科技有限公司重视用户的隐私`).
    if companies.is_empty() {
        let head_end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
        let head = &text[..head_end];
        for (at, word) in lexicon.cues.company_suffix.find_all(head) {
            let end = at + word.len();
            let start = head[..at]
                .char_indices()
                .rev()
                .take(30)
                .take_while(|(_, c)| c.is_alphanumeric() || "（）()".contains(*c))
                .last()
                .map_or(at, |(i, _)| i);
            let name = segmenter.trailing_name(&head[start..end]);
            if !third_party(name) {
                push(&mut companies, name);
            }
            if !companies.is_empty() {
                break;
            }
        }
    }
    // Found without a designation, a bare `…公司` is mostly a description
    // (`合法机构以及上述公司`): only a legal form (`有限公司`, `集团`) names one.
    companies.retain(|n| {
        lexicon
            .cues
            .company_suffix
            .suffix_of(n)
            .is_some_and(|s| s != "公司")
    });
    // No company named: a brand that opens the policy with a commitment
    // (`腾讯云严格遵守法律法规…`) answers for the data.
    if companies.is_empty() && found.is_empty() {
        if let Some(brand) = committed_brand(lexicon, segmenter, text) {
            push(&mut found, brand);
        }
    }
    for name in defined {
        if !companies.contains(&name) {
            companies.push(name);
        }
    }
    if companies.is_empty() {
        found
    } else {
        companies
    }
}

/// Companies a glossary line gives for the name the policy acts under: 我们, or a name
/// the policy commits itself under (`咪咕公司非常重视…`). The line opens with that name,
/// then a colon or a definition marker, then the company (`“我们”：指X有限公司`,
/// `咪咕公司：X有限公司及其子公司…`).
fn defined_companies<'t>(lexicon: &Lexicon, text: &'t str) -> Vec<&'t str> {
    let commitments: Vec<usize> = lexicon
        .cues
        .brand_commitment
        .find_all(text)
        .into_iter()
        .map(|(at, _)| at)
        .collect();
    let acts_as_us = |name: &str| name == "我们" || commitments.iter().any(|&at| text[..at].ends_with(name));
    let mut out = Vec::new();
    for line in text.lines() {
        let line = crate::structure::strip_numbering(line)
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '“' | '"' | '【' | '「'));
        let Some(name_end) = line
            .char_indices()
            .take(12)
            .find(|&(_, c)| matches!(c, '：' | ':' | '”' | '"' | '】' | '」'))
            .map(|(i, _)| i)
            .or_else(|| lexicon.cues.definition.find_in(line).map(|(at, _)| at))
        else {
            continue;
        };
        let name = line[..name_end].trim();
        if name.is_empty() || !acts_as_us(name) {
            continue;
        }
        let rest = line[name_end..].trim_start_matches(['”', '"', '】', '」', ' ']);
        let rest = match rest.strip_prefix(['：', ':']) {
            Some(r) => r.trim_start(),
            None => match lexicon.cues.definition.prefix_of(rest) {
                Some(w) => &rest[w.len()..],
                None => continue,
            },
        };
        let rest = lexicon
            .cues
            .definition
            .prefix_of(rest)
            .map_or(rest, |w| &rest[w.len()..]);
        let rest = rest.strip_prefix('指').unwrap_or(rest);
        // `铁甲网及其旗下包括但不限于X有限公司`: the company is the one listed.
        if let Some(company) = company_at(lexicon, rest) {
            let listed = lexicon
                .cues
                .enumeration
                .find_all(company)
                .into_iter()
                .filter(|(_, w)| w.chars().count() > 1)
                .map(|(at, w)| at + w.len())
                .max();
            out.push(&company[listed.unwrap_or(0)..]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::structure;

    #[test]
    fn a_numbered_condition_or_purpose_names_the_feature_and_a_role_keeps_its_verb() {
        // The item's number does not hide the condition or the purpose after it.
        assert_eq!(
            features_of("2.5 若您为商家用户，需要进行余额提现，我们会收集您的银行卡号。"),
            vec!["余额提现"]
        );
        assert_eq!(
            features_of("3） 为向您提供天气预报服务，我们需要使用您的位置信息。"),
            vec!["天气预报"]
        );
        // Taking on a role is the function: a bare role noun names none.
        assert_eq!(
            features_of("如您申请成为骑手，您需要提供您的姓名、手机号码。"),
            vec!["成为骑手"]
        );
        assert_eq!(
            features_of("如您申请成为认证配送骑手，您需要提供您的姓名。"),
            vec!["认证配送骑手"]
        );
        // A purpose named as such, a moment, or a quantifier names no function.
        assert_no_features(&[
            "为提供产品及服务之目的，我们会收集您的手机号码。",
            "为了提供更多的服务和功能，我们会收集您的手机号码。",
            "1. 在您分享信息、参加活动情形下，我们会读取您的剪切板。",
        ]);
    }

    #[test]
    fn a_process_opening_the_sentence_is_its_feature() {
        assert_eq!(
            features_of("在预约挂号过程中，我们会收集您的就诊人姓名、手机号码。"),
            vec!["预约挂号"]
        );
        assert_eq!(
            features_of("2. 在开具发票的过程中，您需要提供您的电子邮箱。"),
            vec!["开具发票"]
        );
        // A bare use of the product or a service names no process.
        assert_no_features(&[
            "在使用过程中，我们会收集您的设备型号。",
            "在提供服务过程中，我们会收集您的设备型号。",
            "在您使用本应用过程中，我们会收集您的设备型号。",
        ]);
    }

    #[test]
    fn a_purpose_frame_listing_functions_names_each() {
        assert_eq!(
            features_of("为实现视频问诊和处方续方功能，我们会收集您的病历资料。"),
            vec!["视频问诊", "处方续方"]
        );
        // After a label of the line, the kind of service after 等 stays out.
        assert_eq!(
            features_of("3）基于通知权限的相关功能：为向您提供订单提醒、降价提醒等消息服务，我们需要获取您的通知权限。"),
            vec!["订单提醒", "降价提醒"]
        );
        // Qualities of a service, or a data item, are no functions.
        for text in [
            "为向您提供便捷、优质的服务，我们会收集您的设备型号。",
            "为提供保单信息或保障账户安全，您需要提供您的姓名。",
        ] {
            let features = features_of(text);
            assert!(
                !features
                    .iter()
                    .any(|f| ["便捷", "优质", "保单信息"].contains(&f.as_str())),
                "{text}: {features:?}"
            );
        }
    }

    fn run(text: &str) -> (Lexicon, Extraction) {
        let lexicon = Lexicon::embedded().unwrap();
        let segmenter = Segmenter::new(&lexicon);
        let doc = structure(text, &[]);
        let extraction = extract(&doc, &lexicon, &segmenter);
        (lexicon, extraction)
    }

    /// Each of `texts` states no (affirmative) collection.
    fn assert_nothing_collected(texts: &[&str]) {
        for text in texts {
            let (lexicon, x) = run(text);
            assert!(collected(&lexicon, &x).is_empty(), "{text}: {:?}", x.practices);
        }
    }

    fn collected(lexicon: &Lexicon, x: &Extraction) -> Vec<String> {
        let mut out: Vec<String> = x
            .practices
            .iter()
            .filter(|p| p.kind == PracticeKind::Collection && !p.negated)
            .flat_map(|p| p.data.iter().map(|t| label(lexicon, t)))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn label(lexicon: &Lexicon, t: &Term) -> String {
        match &t.entity {
            Entity::Concept(id) => lexicon.concept(*id).label.clone(),
            Entity::Open(_, l) => l.clone(),
        }
    }

    #[test]
    fn data_kept_on_our_servers_or_worked_from_is_collected() {
        let (lexicon, x) = run("您的播放历史、粉丝列表都会存储在我们的服务器中。");
        let data = collected(&lexicon, &x);
        assert!(
            data.iter()
                .any(|d| d.contains("粉丝列表") || d.contains("关注列表")),
            "{data:?}"
        );
        let (lexicon, x) = run("我们会根据您的浏览偏好、位置信息等为您提供个性化服务。");
        let data = collected(&lexicon, &x);
        assert!(data.iter().any(|d| d.contains("浏览偏好")), "{data:?}");
        // Kept on the device, or what the user's consent allows, is no collection.
        let (lexicon, x) = run("您的草稿会存储在您的设备本地。我们会根据您的授权为您提供服务。");
        assert!(collected(&lexicon, &x).is_empty());
    }

    #[test]
    fn features_from_a_heading_service_verb_and_a_purpose_list() {
        let (_, x) = run("一、我们如何收集和使用信息\n1、帮助您完成注册及登录\n您需要提供手机号码。\n");
        assert!(
            x.practices
                .iter()
                .any(|p| p.features == vec!["注册及登录".to_owned()]),
            "{:?}",
            x.practices
        );
        let (_, x) = run("我们会收集蓝牙设备名称，用于开启驾驶模式、播放控制的功能场景。");
        let features = &x.practices.first().expect("a practice").features;
        assert_eq!(features, &vec!["驾驶模式".to_owned(), "播放控制".to_owned()]);
    }

    #[test]
    fn feature_names_lose_a_trailing_conjunction_and_skip_cookie_sections() {
        let feature_sets = |text: &str| -> Vec<Vec<String>> {
            let (_, x) = run(text);
            x.practices.iter().map(|p| p.features.clone()).collect()
        };
        let found =
            feature_sets("一、我们如何收集和使用信息\n1、个性化推荐和服务\n我们会收集您的浏览记录。\n");
        assert!(found.contains(&vec!["个性化推荐".to_owned()]), "{found:?}");
        let found = feature_sets("一、我们如何收集和使用信息\n1、分享与活动参与\n我们会收集您的浏览记录。\n");
        assert!(found.contains(&vec!["分享与活动参与".to_owned()]), "{found:?}");
        // A technique under the section on cookies is no product function.
        let found = feature_sets("一、我们如何使用Cookie和同类技术\n1、网站信标\n我们会收集您的浏览记录。\n");
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
        // The 时 of 时间 closes no frame: `您使用的语言、访问日期和时间` names no feature.
        let found = feature_sets("我们会记录您使用的语言、访问日期和时间。");
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
    }

    #[test]
    fn every_member_of_a_list_of_named_features_frames_the_practice() {
        let (_, x) = run("当您使用视频剪辑功能、K歌相册功能、本地导入功能时，我们会收集您的照片。");
        let practice = x.practices.first().expect("a practice");
        assert_eq!(practice.features, vec!["视频剪辑", "K歌相册", "本地导入"]);
        // 相册 in a feature's name asks for no permission.
        assert!(
            x.practices.iter().all(|p| p.permission.is_none()),
            "{:?}",
            x.practices
        );
        let (_, x) = run("当您使用我们搜索功能、浏览功能时，我们会收集您的搜索关键词。");
        assert_eq!(
            x.practices.first().expect("a practice").features,
            vec!["搜索", "浏览"]
        );
        // A 功能 followed by a clause, not by the next named member, closes the frame.
        let (_, x) = run("当您使用咨询功能、参加我们的活动或调查等服务时，我们会收集您的手机号码。");
        assert_eq!(x.practices.first().expect("a practice").features, vec!["咨询"]);
    }

    #[test]
    fn a_condition_on_the_users_action_names_the_features() {
        assert_eq!(
            features_of("如您申请成为认证讲师、签约作者，在离线模式下恢复账号或购买年度会员，我们需要收集您的身份证号码。"),
            vec!["认证讲师", "签约作者", "恢复账号", "年度会员"]
        );
        assert_eq!(
            features_of("若您为商家用户，需要进行余额提现，根据相关规定，我们会收集您的银行卡号。"),
            vec!["余额提现"]
        );
        // The functions a purpose lists join those of the condition.
        assert_eq!(
            features_of("当您连接车载设备，我们会收集设备型号，用于驾驶模式、音效适配的功能场景。"),
            vec!["连接车载设备", "驾驶模式", "音效适配"]
        );
        // Refusals, states, moments and stories are no features.
        assert_no_features(&[
            "如果您不提供手机号码，我们将无法收集您的设备型号。",
            "如您的手机是安卓设备，我们会收集您的IMEI。",
            "当您完成付款后，我们会收集您的订单信息。",
            "如您提供手机号码，我们会收集您的手机号码。",
            "若您使用本应用把一段长长的旅行日记寄给朋友，我们会收集收件人地址。",
        ]);
    }

    #[test]
    fn collection_list_with_feature_frame() {
        let (lexicon, x) =
            run("当您使用连麦功能时，我们会收集您的设备型号、IMEI和音乐播放记录，用于提供服务。");
        let data = collected(&lexicon, &x);
        let surfaces: Vec<&str> = x
            .practices
            .iter()
            .flat_map(|p| p.data.iter().map(|t| t.surface.as_str()))
            .collect();
        assert!(surfaces.contains(&"音乐播放记录"), "{surfaces:?}");
        assert!(data.iter().any(|d| d == "IMEI"), "{data:?}");
        assert!(x.practices.iter().all(|p| p.features == vec!["连麦".to_owned()]));
        assert!(x
            .practices
            .iter()
            .all(|p| p.purpose.as_deref() == Some("提供服务")));
    }

    #[test]
    fn negation_is_never_collection() {
        let (lexicon, x) = run("该权限将在您设备本地使用，并不收集任何数据。我们不会收集您的通讯录信息。");
        assert!(collected(&lexicon, &x).is_empty(), "{:?}", x.practices);
        assert!(x.practices.iter().any(|p| p.negated && !p.data.is_empty()));
    }

    fn denied(lexicon: &Lexicon, x: &Extraction) -> Vec<String> {
        let mut out: Vec<String> = x
            .practices
            .iter()
            .filter(|p| p.kind == PracticeKind::Collection && p.negated)
            .flat_map(|p| p.data.iter().map(|t| label(lexicon, t)))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn a_negation_that_opens_another_word_denies_nothing() {
        // (text, whether it affirms): 未来, 未成年人, 不定期, 不同 only open a word of
        // another sense; a negation that goes on with 会, ends its token, or stands farther
        // from the verb still denies.
        for (text, affirms) in [
            ("我们未来会收集您的设备型号。", true),
            ("对于未成年人我们会收集其监护人的手机号码。", true),
            ("我们不定期收集您的设备型号。", true),
            (
                "统计分析服务将根据统计维度的不同采集如下信息：设备型号、时区。",
                true,
            ),
            ("我们绝不会收集您的通讯录。", false),
            ("我们从未收集您的通讯录。", false),
            ("我们也不收集您的通讯录。", false),
            ("我们不会主动直接向未成年人收集手机号码。", false),
            // Past a phrase naming from whom, a negation reaches a farther verb; without
            // one, a negation that far off is about something else.
            ("我们不会主动直接向未满14周岁的未成年人收集其手机号码。", false),
            (
                "我们不会从设备的视频存储应用程序中获取任何信息，包括手机号码。",
                false,
            ),
            (
                "在未事先获得可证实的监护人同意的情况下收集了手机号码，我们会删除。",
                true,
            ),
            ("我们不会向未满14周岁的未成年人收集其手机号码。", false),
            ("我们不向未满14周岁的未成年人收集其手机号码。", false),
            // The reach stops at a verb or a condition of the negation's own.
            ("您不向我们提供身份信息的情况下我们可能会收集您的手机号码。", true),
        ] {
            let (lexicon, x) = run(text);
            assert_eq!(
                collected(&lexicon, &x).is_empty(),
                !affirms,
                "{text}: {:?}",
                x.practices
            );
            assert_eq!(
                denied(&lexicon, &x).is_empty(),
                affirms,
                "{text}: {:?}",
                x.practices
            );
        }
        // A conjunction (且) cuts the negation off from the verb.
        let (lexicon, x) = run("如果某一功能未在前述说明中且收集了您的通讯录，我们会另行说明。");
        assert!(denied(&lexicon, &x).is_empty(), "{:?}", x.practices);
        let (lexicon, x) = run("我们会以包括但不限于如下方式使用您的通讯录。");
        assert!(denied(&lexicon, &x).is_empty(), "{:?}", x.practices);
        // A denied general term keeps the user's clause that qualifies it, and with
        // 将您 the user's data is the object, not the user the agent.
        let (lexicon, x) = run("不会将您写入剪贴板的个人信息回传。这不代表我们会收集您主动输入的隐私信息。");
        let denied = denied(&lexicon, &x);
        assert!(denied.contains(&"写入剪贴板的个人信息".to_owned()), "{denied:?}");
        assert!(denied.contains(&"主动输入的隐私信息".to_owned()), "{denied:?}");
        // 您 coordinated with others opens no clause to keep.
        let (_, x) = run("我们不会收集您或您的家人的个人信息。");
        assert!(
            !x.practices
                .iter()
                .flat_map(|p| &p.data)
                .any(|t| t.surface.starts_with("家人")),
            "{:?}",
            x.practices
        );
        // 不特定人 are people, not a denial: sharing with them is no stated non-sharing.
        let (_, x) = run("您可以基于本应用的服务向不特定人共享自己的照片、位置信息。");
        assert!(x.practices.iter().all(|p| !p.negated), "{:?}", x.practices);
    }

    #[test]
    fn consent_misuse_advice_and_future_changes_state_no_collection() {
        assert_nothing_collected(&[
            // Consent the clause lacks is no data the user provides.
            "未经您授权，我们不会将您的姓名与广告合作伙伴共享。",
            // Use without consent is misuse.
            "防止他人未经授权使用您的密码是非常重要的。",
            // What the operator offers the user is no data it collects.
            "我们的产品集成了穿山甲SDK，用于为用户提供小视频和小说内容。",
            // Advice: what the user is advised to do.
            "我们建议您采取积极措施保护个人信息的安全，包括但不限于使用复杂密码、定期修改密码。",
            // A change of the policy yet to come.
            "如您继续使用我们的服务，表示同意接受修订后的本政策，但是如果更新的内容需要采集音视频、获取您的通讯录，仍会再次征求您的同意。",
        ]);
        // The user provides, the operator asks: still collection.
        let (lexicon, x) = run("注册时用户需提供手机号码。");
        assert_eq!(collected(&lexicon, &x), ["手机号码"]);
    }

    #[test]
    fn bracket_members_are_included_and_collected() {
        let (lexicon, x) = run("我们会收集您的唯一设备识别码（Android ID、IMEI、IMSI）。");
        let data = collected(&lexicon, &x);
        assert!(data.len() >= 4, "{data:?}");
        assert_eq!(x.inclusions.len(), 3, "{:?}", x.inclusions);
    }

    #[test]
    fn sdk_subject_makes_sharing() {
        let (lexicon, x) = run("音效SDK，当您选择特色音效时，此SDK将收集设备标识信息（OAID、Android ID）。");
        let sharing: Vec<&Practice> = x
            .practices
            .iter()
            .filter(|p| p.kind == PracticeKind::Sharing)
            .collect();
        assert!(!sharing.is_empty(), "{:?}", x.practices);
        assert!(sharing[0]
            .recipients
            .iter()
            .any(|r| label(&lexicon, r) == "音效SDK"));
        assert!(collected(&lexicon, &x).is_empty());
    }

    #[test]
    fn a_definition_of_personal_information_is_no_practice() {
        assert_nothing_collected(&[
            "个人信息，是指以电子方式记录的各种信息，包括自然人的姓名、住址、电话号码等。",
            "3.“个人敏感信息”：指一旦泄露可能危害人身安全的信息，包括身份证件号码、银行账户。",
            "个人信息（出自GB/T 35273-2020《个人信息安全规范》）：指各种信息，包括姓名、住址。",
        ]);
        // A term the lexicon names is defined as what this product collects, and 指纹 is
        // no definition.
        let (lexicon, x) = run("我们会收集您的指纹信息和姓名。");
        assert_eq!(collected(&lexicon, &x).len(), 2);
    }

    #[test]
    fn a_party_described_by_a_relative_clause_is_the_agent() {
        // The relative clause names the operator; the SDK after 的 collects.
        let (lexicon, x) = run("当您使用导航时，与我们合作的地图SDK会收集您的设备型号。");
        assert_shared(&shared(&lexicon, &x), "地图SDK", "设备型号");
        assert!(collected(&lexicon, &x).is_empty());
        // 您的 is a possessive: the operator obtains the data from a third party.
        let (lexicon, x) = run("我们会根据您的授权从第三方获取您的昵称。");
        assert!(shared(&lexicon, &x).is_empty());
        assert_eq!(collected(&lexicon, &x), ["昵称"]);
    }

    #[test]
    fn sdk_entries_run_on_in_one_line_each_name_their_party() {
        let text = "三、我们接入的第三方SDK\n使用的第三方：微信SDK，当您使用微信登录时，此SDK将收集您的设备型号。Zxing SDK，当您扫码时，用于识别二维码。\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert!(shares.iter().any(|(r, _)| r == "Zxing SDK"), "{shares:?}");
        // `此SDK` is the SDK named, not the label's placeholder 第三方.
        assert_shared(&shares, "微信SDK", "设备型号");
        assert!(!shares.iter().any(|(r, _)| r == "第三方"), "{shares:?}");
        // Mid-line, only a name that is the whole opening clause names an SDK.
        let (lexicon, x) = run(
            "三、我们接入的第三方SDK\n我们使用了扫码服务。具体详情可见支付宝隐私政策：https://example.com/privacy\n",
        );
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", shared(&lexicon, &x));
    }

    #[test]
    fn coordinated_verbs_share_their_subject() {
        let (lexicon, x) =
            run("如您使用小米手机时，小米需要获取您设备的存储权限并收集唯一设备识别码（IMEI、IMSI）。");
        assert!(collected(&lexicon, &x).is_empty(), "{:?}", x.practices);
        assert!(x.practices.iter().any(|p| p.kind == PracticeKind::Sharing
            && p.recipients.iter().any(|r| label(&lexicon, r) == "小米")
            && p.data.iter().any(|d| label(&lexicon, d) == "IMEI")));
    }

    #[test]
    fn a_field_naming_parties_resolves_a_later_anaphor() {
        let (lexicon, x) =
            run("使用的第三方: 小米推送、华为推送，用于推送消息。这些SDK将收集您的设备型号、网络信息。");
        assert!(collected(&lexicon, &x).is_empty(), "{:?}", x.practices);
        assert!(x.practices.iter().any(|p| p.kind == PracticeKind::Sharing
            && p.recipients.iter().any(|r| label(&lexicon, r) == "华为推送")));
    }

    #[test]
    fn share_verb_with_bracketed_recipients() {
        let (lexicon, x) = run("我们会向第三方（友盟、腾讯bugly）共享您的唯一设备识别码。");
        let sharing = x
            .practices
            .iter()
            .find(|p| p.kind == PracticeKind::Sharing)
            .expect("sharing");
        let recipients: Vec<String> = sharing.recipients.iter().map(|r| r.surface.clone()).collect();
        assert!(recipients.contains(&"友盟".to_owned()), "{recipients:?}");
        assert!(recipients.contains(&"腾讯bugly".to_owned()), "{recipients:?}");
        assert!(!sharing.data.is_empty());
        let _ = lexicon;
    }

    /// (recipient surface, data label) of the sentence's affirmative sharing.
    /// The (recipient, data item) pair is among `shares`.
    fn assert_shared(shares: &[(String, String)], recipient: &str, data: &str) {
        assert!(
            shares.contains(&(recipient.to_owned(), data.to_owned())),
            "{recipient} ← {data}: {shares:?}"
        );
    }

    #[test]
    fn a_table_flattened_one_cell_per_line_with_row_numbers_and_broken_cells() {
        // The columns: a row number (序号), the SDK, its company (a bare 公司 cell), what
        // it serves, and its data, which breaks over two lines after a 、.
        let text = "第三方SDK目录\n\n序号\nSDK名称\n公司\n使用目的\n个人信息字段\n\n\
            1\n友盟SDK\n友盟同欣（北京）科技有限公司\n统计分析\n设备MAC地址、\n\t\t手机号码、设备序列号\n\n\
            2\n极光推送\n深圳市和讯华谷信息技术有限公司\n推送消息\nIP地址、基站信息\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "友盟SDK", "MAC地址");
        assert_shared(&shares, "友盟SDK", "手机号码");
        assert_shared(&shares, "极光推送", "IP地址");
        // The company and the purpose are no data, and no row is read off by one.
        assert!(
            !shares
                .iter()
                .any(|(r, d)| d.contains("公司") || d.contains("推送消息") || r.contains("公司") && d != "-"),
            "{shares:?}"
        );
    }

    #[test]
    fn a_table_one_cell_per_line_whose_fields_hold_header_words() {
        // A header cell broken at its slash (`第三方官网` `/隐私政策`); a 服务方式 column whose
        // cells are `SDK` or `API`, header words themselves; no data column, so the
        // permissions column names the data; its permission words are permissions.
        let text =
            "第三方SDK目录\n\nSDK服务\n服务方式\n服务目的\n服务范围\n获取权限\n\n第三方官网\n/隐私政策\n\n\
            杉德\n\nSDK\n为用户提供安全，便捷的支付功能\n某某App\nMAC地址、IP地址\n\n官网/隐私政策\n\n\
            BUGLY\nAPI\n收集用户崩溃日志信息\n某某App\n网络类型、存储读写权限\n\n官网/隐私政策\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "杉德", "MAC地址");
        assert_shared(&shares, "杉德", "IP地址");
        assert_shared(&shares, "BUGLY", "网络类型");
        assert!(
            !shares.iter().any(|(r, _)| r == "SDK" || r == "API"),
            "{shares:?}"
        );
        let permissions: Vec<String> = x
            .practices
            .iter()
            .filter_map(|p| p.permission.as_ref())
            .map(|t| label(&lexicon, t))
            .collect();
        assert!(permissions.iter().any(|p| p == "存储权限"), "{permissions:?}");
    }

    #[test]
    fn a_later_name_column_is_the_company_and_receives_the_rows_data() {
        // `数据接收方名称` after `SDK服务`: the company of each row. A row runs a line long
        // (its link broken in two), so the company comes where the next name is due; and a
        // name holding a verb (`社会化分享`) stands where a name is due.
        let text = "附录：接入的第三方SDK列表\n\nSDK服务\n获取权限\n收集的信息\n实现的功能目的\n\
            隐私政策或相关链接\n数据接收方名称\n\n\
            友盟统计分析\n存储权限\n应用列表\n统计分析\n【友盟+】隐私政策\n北京锐讯灵通科技有限公司\n\n\
            QQ登录\n存储权限\n设备型号\n登录\nQQ互联SDK隐私保护声明\n— QQ互联WIKI\n腾讯科技（深圳）有限公司\n\n\
            Umeng社会化分享\n读取设备信息\nIP地址\n登录\n【友盟+】隐私政策\n北京锐讯灵通科技有限公司\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "友盟统计分析", "应用安装列表");
        assert_shared(&shares, "北京锐讯灵通科技有限公司", "应用安装列表");
        assert_shared(&shares, "腾讯科技(深圳)有限公司", "设备型号");
        assert!(
            shares
                .iter()
                .any(|(r, d)| r.starts_with("Umeng") && d == "IP地址"),
            "{shares:?}"
        );
        // Neither a purpose cell nor the note run into a company field is a party.
        assert!(
            !shares
                .iter()
                .any(|(r, _)| r == "登录" || r.contains("WIKI") || r == "统计分析"),
            "{shares:?}"
        );
    }

    #[test]
    fn fields_whose_values_stand_on_the_next_line() {
        // Each key alone on its line, its value on the next; the company's name is a
        // second name field of the same record, and describes no new party.
        let text = "三、第三方SDK\n1)\nSDK/API名称:\n友盟+移动统计SDK\n合作伙伴类型:\n数据分析服务合作\n\
            合作伙伴名称:\n深圳市腾讯计算机系统有限公司\n合作方式:\n嵌入第三方SDK，SDK收集传输个人信息\n\
            共享个人信息字段:\n设备MAC地址、IMEI\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "友盟+移动统计SDK", "MAC地址");
        assert_shared(&shares, "友盟+移动统计SDK", "IMEI");
        assert!(
            !shares.iter().any(|(r, d)| r.contains("腾讯") && d != "-"),
            "{shares:?}"
        );
        // A line ending with a colon before a table's header opens no field: the header
        // cell is no party.
        let text = "iOS框架及工具类SDK：\n\nSDK名称\n使用目的\n\nFaceSDK\n人脸识别\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert!(shares.iter().any(|(r, _)| r == "FaceSDK"), "{shares:?}");
        assert!(!shares.iter().any(|(r, _)| r.contains("名称")), "{shares:?}");
    }

    #[test]
    fn a_bare_data_line_after_a_party_line_is_that_partys_row() {
        let text = "四、第三方SDK\n微信\n设备信息（IMEI、MAC地址）\n\n极光推送\n为用户提供推送服务\nIP地址、基站信息\n\n\
            百度地图SDK用于地图定位，位置信息\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "微信", "IMEI");
        assert_shared(&shares, "极光推送", "IP地址");
        // A line naming a party of its own is no row of the party before it.
        assert!(
            !shares.iter().any(|(r, d)| r == "极光推送" && d.contains("位置")),
            "{shares:?}"
        );
    }

    fn shared(lexicon: &Lexicon, x: &Extraction) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = x
            .practices
            .iter()
            .filter(|p| p.kind == PracticeKind::Sharing && !p.negated)
            .flat_map(|p| {
                let data: Vec<String> = p.data.iter().map(|d| label(lexicon, d)).collect();
                let data = if data.is_empty() {
                    vec!["-".to_owned()]
                } else {
                    data
                };
                p.recipients
                    .iter()
                    .flat_map(move |r| data.clone().into_iter().map(move |d| (r.surface.clone(), d)))
                    .collect::<Vec<_>>()
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn negated_shares(x: &Extraction) -> usize {
        x.practices
            .iter()
            .filter(|p| p.kind == PracticeKind::Sharing && p.negated)
            .count()
    }

    #[test]
    fn a_bracket_left_open_does_not_swallow_the_practice() {
        let (lexicon, x) =
            run("当您通过第三方支付机构（银联提供的快捷支付服务付款时，第三方支付机构需要收集您的银行卡号。");
        assert_shared(&shared(&lexicon, &x), "第三方支付机构", "银行卡号");
        assert!(
            collected(&lexicon, &x).is_empty(),
            "{:?}",
            collected(&lexicon, &x)
        );
    }

    #[test]
    fn a_sharing_clause_going_on_from_a_collection_passes_on_its_data() {
        let (lexicon, x) =
            run("当您使用违章查询服务时，我们会收集您的行驶证和车牌号，并将其共享给提供查询服务的第三方。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "第三方", "行驶证");
        assert_shared(&shares, "第三方", "车牌号");
        // A recipient that points back may stand for parties the sentence names in
        // passing: nothing is paired with it.
        let (lexicon, x) = run(
            "为提供联合服务而与合作伙伴共享，当设备厂商与我们联合提供服务时，我们会收集您的设备型号，并在加密后提供给前述合作伙伴。",
        );
        assert!(
            shared(&lexicon, &x).iter().all(|(_, d)| d == "-"),
            "{:?}",
            shared(&lexicon, &x)
        );
        // Denied, the clause passes nothing on.
        let (lexicon, x) = run("我们会收集您的设备型号，并不会提供给第三方。");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", shared(&lexicon, &x));
    }

    #[test]
    fn every_party_coordinated_after_the_marker_is_a_recipient() {
        let (lexicon, x) = run("为防范风险，我们会与支付机构和行业组织交换您的设备型号。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "支付机构", "设备型号");
        assert_shared(&shares, "行业组织", "设备型号");
        // Data coordinated before the marker stays data.
        let (lexicon, x) = run("我们会将您的昵称和头像与合作伙伴共享。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "合作伙伴", "昵称");
        assert!(shares.iter().all(|(r, _)| r == "合作伙伴"), "{shares:?}");
    }

    #[test]
    fn data_provided_to_a_party_is_shared_with_it() {
        let (lexicon, x) = run("为完成开户，我们会向合作的证券公司提供您的姓名和身份证号码。");
        let shares = shared(&lexicon, &x);
        assert!(
            shares.iter().any(|(r, d)| r.ends_with("证券公司") && d == "姓名"),
            "{shares:?}"
        );
        assert!(
            collected(&lexicon, &x).is_empty(),
            "{:?}",
            collected(&lexicon, &x)
        );
        // Denied before a long recipient, or only wondered about: no sharing.
        let (lexicon, x) = run("我们不会违规向与本服务无关的第三方机构提供您的手机号码。");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", shared(&lexicon, &x));
        assert_eq!(negated_shares(&x), 1);
        let (lexicon, x) = run("您需要自行判断是否需要向第三方提供您的个人信息。");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", shared(&lexicon, &x));
        // To the user or to us is no sharing.
        let (lexicon, x) = run("我们会向您提供账号找回服务，您需要向我们提供手机号码。");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", shared(&lexicon, &x));
    }

    #[test]
    fn data_shared_to_a_party_after_gei_is_shared_with_it() {
        let (lexicon, x) = run("为完成配送，我们会将您的收货地址共享给快递公司。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "快递公司", "收货地址");
        // Denied before 将: no sharing.
        let (lexicon, x) = run("我们不会将您的个人信息转让给任何公司。");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", shared(&lexicon, &x));
    }

    #[test]
    fn a_pointer_after_a_determiner_stands_for_the_parties_named_before() {
        let (lexicon, x) =
            run("我们会通过支付机构、物流公司获取您的物流信息，并将您的物流信息共享给相关的上述服务提供者。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "物流公司", "物流信息");
        // The pointer names no party of its own.
        assert!(
            !shares.iter().any(|(r, _)| r.contains("服务提供者")),
            "{shares:?}"
        );
    }

    #[test]
    fn a_bracket_names_the_parties_a_placeholder_stands_for() {
        let (lexicon, x) = run("我们会向第三方（极光推送、友盟）共享您的设备型号。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "友盟", "设备型号");
        assert!(!shares.iter().any(|(r, _)| r == "第三方"), "{shares:?}");
        // A general party keeps its place beside the members it names.
        let (lexicon, x) = run("我们会向第三方支付机构（支付宝、微信支付）共享您的订单号。");
        let shares = shared(&lexicon, &x);
        assert!(shares.iter().any(|(r, _)| r == "第三方支付机构"), "{shares:?}");
        assert!(shares.iter().any(|(r, _)| r == "支付宝"), "{shares:?}");
    }

    #[test]
    fn plain_nouns_shaped_like_parties_in_a_partys_bracket_are_recipients() {
        let (lexicon, x) = run("我们可能会与合作伙伴（承包商、代理、广告合作伙伴等）共享您的设备型号。");
        let shares = shared(&lexicon, &x);
        for party in ["合作伙伴", "承包商", "代理", "广告合作伙伴"] {
            assert!(
                shares.contains(&(party.to_owned(), "设备型号".to_owned())),
                "{party}: {shares:?}"
            );
        }
        // Services and glosses in the bracket are no parties.
        let (lexicon, x) = run("我们可能会向合作伙伴（如提供物流、技术等服务的供应商）提供您的订单信息。");
        let shares = shared(&lexicon, &x);
        assert!(
            !shares.iter().any(|(r, _)| r == "物流" || r == "技术"),
            "{shares:?}"
        );
        let (lexicon, x) = run("我们会向第三方SDK（软件开发工具包）提供您的设备型号。");
        let shares = shared(&lexicon, &x);
        assert!(!shares.iter().any(|(r, _)| r == "软件开发工具包"), "{shares:?}");
    }

    #[test]
    fn a_denial_of_an_umbrella_word_to_no_one_named_states_nothing() {
        let (_, x) = run("我们不会将您的个人信息转让给任何公司、组织和个人。");
        assert_eq!(negated_shares(&x), 0, "{:?}", x.practices);
        // A data item denied stays denied.
        let (_, x) = run("我们不会将您的通讯录转让给任何公司。");
        assert_eq!(negated_shares(&x), 1, "{:?}", x.practices);
    }

    #[test]
    fn the_counterparty_of_a_trade_receives_what_is_disclosed_to_it() {
        let (lexicon, x) = run("在进行网上交易时，您不可避免地要向交易对方披露自己的个人信息，如联系电话。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "交易对方", "电话号码");
        // `自己的个人信息` is an umbrella word, no data item.
        assert!(!shares.iter().any(|(_, d)| d.contains("自己")), "{shares:?}");
    }

    #[test]
    fn generic_recipients_of_transfers_and_without_notice() {
        // `不经另行通知` is no denial of what follows; a transferee and a recipient abroad
        // are parties of their own.
        let cases = [
            ("我们有权不经另行通知您而向受让方提供您的个人信息。", "受让方"),
            (
                "我们会在履行了法律规定的义务后，向境外实体提供您的个人信息。",
                "境外实体",
            ),
            ("获得您的明确同意后，我们会与其他方共享您的个人信息。", "其他方"),
        ];
        for (text, party) in cases {
            let (lexicon, x) = run(text);
            assert_shared(&shared(&lexicon, &x), party, "-");
            assert_eq!(negated_shares(&x), 0, "{text}");
        }
    }

    #[test]
    fn a_part_on_collection_that_also_names_the_users_rights_states_practices() {
        let text = "一、我们如何收集、使用您的信息以及您可以如何管理您的信息\n\
            为了创建账户，您需要提供手机号码。\n\
            二、您如何管理您的信息\n\
            您可以在设置中访问您的电子邮箱地址。\n";
        let (lexicon, x) = run(text);
        let data = collected(&lexicon, &x);
        assert!(data.iter().any(|d| d == "手机号码"), "{data:?}");
        // A part on rights alone states no collection, even with 访问.
        assert!(!data.iter().any(|d| d.contains("邮箱")), "{data:?}");
    }

    #[test]
    fn a_party_qualified_by_what_it_does_is_named_with_its_clause() {
        let cases = [
            (
                "我们可能会将您的个人信息共享给支持我们功能的第三方。",
                "支持我们功能的第三方",
            ),
            ("我们会将您的订单信息共享给相关服务的提供者。", "相关服务的提供者"),
            ("我们与汇总用户信息的公司分享有关您的信息。", "汇总用户信息的公司"),
        ];
        for (text, party) in cases {
            let (lexicon, x) = run(text);
            let shares = shared(&lexicon, &x);
            assert!(shares.iter().any(|(r, _)| r == party), "{text}: {shares:?}");
        }
        // A clause about a party, or an exclusion, names none.
        for text in [
            "我们可能会接入第三方服务商提供的SDK。",
            "除以下情形外，未经您同意，我们不会与虎嗅之外的任何第三方分享您的信息。",
        ] {
            let (lexicon, x) = run(text);
            let shares = shared(&lexicon, &x);
            assert!(
                !shares
                    .iter()
                    .any(|(r, _)| r.contains("之外") || r.contains("接入")),
                "{text}: {shares:?}"
            );
        }
    }

    #[test]
    fn a_line_labelling_an_sdk_names_its_party_in_any_section() {
        let text = "三、权限说明\n北京智齿博创科技有限公司SDK：用于对接客服系统，联系在线客服。\n\
            小米推送SDK：为了向您推送消息，我们使用了小米推送SDK。\n\
            SDK：用于统计。\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert!(
            shares.iter().any(|(r, _)| r == "北京智齿博创科技有限公司SDK"),
            "{shares:?}"
        );
        assert!(
            shares.iter().any(|(r, _)| r.starts_with("小米推送")),
            "{shares:?}"
        );
        // A bare field word labels no party.
        assert!(!shares.iter().any(|(r, _)| r == "SDK"), "{shares:?}");
    }

    #[test]
    fn an_sdk_block_without_data_fields_lists_its_sdk() {
        // `名称` alone on its line, then fields that name no data: the SDK is still one the
        // app embeds. A bare feature heading that a lexicon party names is no such block.
        let text =
            "一、我们如何收集和使用您的个人信息\n腾讯 Bugly SDK\n功能：检测和统计 APP 程序出错的数据\n\
            权限：读写外部存储、读取设备信息\n微信登录\n当您使用微信登录时，我们会收集您的昵称。\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert!(shares.iter().any(|(r, _)| r == "腾讯 Bugly SDK"), "{shares:?}");
        assert!(!shares.iter().any(|(r, _)| r.starts_with("微信")), "{shares:?}");
    }

    #[test]
    fn an_sdk_block_gives_its_data_to_the_sdk_and_its_provider() {
        // A heading names the SDK, a field its provider; the data field's value is
        // itself fields of data kinds, and a later line is one more kind with its items.
        let text = "八、第三方服务\n2.微信SDK\n提供方名称：腾讯\n场景描述：登录、支付\n\
            个人信息字段：设备信息：设备标识符（IMEI、IDFA）、应用信息（软件列表）\n\
            网络信息：IP地址，基站信息等相关信息\n用途或目的：登录本应用。\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        for party in ["微信SDK", "腾讯"] {
            for data in ["IMEI", "IDFA", "应用安装列表", "IP地址", "基站信息", "网络信息"] {
                assert!(
                    shares.iter().any(|(r, d)| r == party && d == data),
                    "{party} {data}: {shares:?}"
                );
            }
        }
        // A field that says no gives nothing.
        let (lexicon, x) = run("八、第三方服务\n2.微信SDK\n提供方名称：腾讯\n位置信息：不收集\n通讯录：无\n");
        assert!(
            shared(&lexicon, &x).iter().all(|(_, d)| d == "-"),
            "{:?}",
            x.practices
        );
        // `服务类型：` is a field of another column, not a kind of data.
        let (lexicon, x) = run("八、第三方服务\n友盟SDK\n服务类型：统计分析\n");
        assert!(
            shared(&lexicon, &x).iter().all(|(_, d)| d == "-"),
            "{:?}",
            x.practices
        );
    }

    #[test]
    fn a_recipient_pointing_back_gets_the_parties_of_the_nearest_clause() {
        let (lexicon, x) = run(
            "当软件服务提供商或系统服务提供商与我们联合向您提供服务时，我们可能会收集您的IP地址，并在去标识化处理后提供给前述合作伙伴。",
        );
        let shares = shared(&lexicon, &x);
        for party in ["软件服务提供商", "系统服务提供商"] {
            assert!(
                shares.contains(&(party.to_owned(), "IP地址".to_owned())),
                "{shares:?}"
            );
        }
        // Only parties the clause makes partners: not one the user refuses.
        let (lexicon, x) = run("如您拒绝向微信提供授权，我们会收集您的手机号码，并提供给前述合作伙伴。");
        let shares = shared(&lexicon, &x);
        assert!(!shares.iter().any(|(_, d)| d == "手机号码"), "{shares:?}");
    }

    #[test]
    fn words_listed_before_a_permission_are_permissions() {
        // 照片 + 权限 is a permission the lexicon knows: 照片 here is no data.
        let (lexicon, x) = run("您使用发布图片功能时，我们会请求您授权相机、照片、麦克风权限。");
        let permissions: Vec<String> = x
            .practices
            .iter()
            .filter_map(|p| p.permission.as_ref().map(|t| label(&lexicon, t)))
            .collect();
        assert!(permissions.contains(&"相册权限".to_owned()), "{permissions:?}");
        assert!(collected(&lexicon, &x).is_empty(), "{:?}", x.practices);
        // A word collected elsewhere in the sentence stays collected.
        let (lexicon, x) = run("我们会收集您的照片，并请求您授权相机、照片、麦克风权限。");
        assert!(
            collected(&lexicon, &x).contains(&"照片".to_owned()),
            "{:?}",
            x.practices
        );
        // A list that goes on after the permission is one of data.
        let (lexicon, x) = run("收集个人信息范围：WIFI状态、手机状态、网络状态、通知权限、设备标识符。");
        assert!(
            collected(&lexicon, &x).iter().any(|d| d.contains("状态")),
            "{:?}",
            x.practices
        );
    }

    #[test]
    fn what_the_user_does_before_an_object_is_a_relative_clause() {
        // `会收集您使用产品或服务的设备名称`: 使用 is no verb of its own, and the list is
        // read from its head noun, not cut at 或.
        let (lexicon, x) = run("您在使用产品或服务时，会收集您使用产品或服务的设备名称、IMEI。");
        let data = collected(&lexicon, &x);
        assert!(
            data.contains(&"设备名称".to_owned()) && data.contains(&"IMEI".to_owned()),
            "{data:?}"
        );
        let surfaces: Vec<&str> = x
            .practices
            .iter()
            .flat_map(|p| p.data.iter().map(|t| t.surface.as_str()))
            .collect();
        assert!(!surfaces.iter().any(|s| s.contains("产品")), "{surfaces:?}");
        // The user's data right after the verb is no clause.
        let (lexicon, x) = run("我们会验证用户手机号码与本机号码是否一致。");
        assert!(
            collected(&lexicon, &x).contains(&"手机号码".to_owned()),
            "{:?}",
            x.practices
        );
    }

    #[test]
    fn an_entry_that_calls_its_label_it_names_a_party() {
        // `X：它将会获取…`: X collects, whether or not the lexicon knows it, in any section.
        let text =
            "我们如何共享您的个人信息\n三星健康：它将会获取您的硬件型号、IP地址，以便向您提供计步服务。\n";
        let (lexicon, x) = run(text);
        let shares = shared(&lexicon, &x);
        assert!(
            shares.contains(&("三星健康".to_owned(), "IP地址".to_owned())),
            "{shares:?}"
        );
        assert!(collected(&lexicon, &x).is_empty(), "{:?}", x.practices);
        // A kind of data as the label is no party, nor, outside text on SDKs, a name the
        // lexicon does not know (a feature of the operator's).
        let (lexicon, x) = run("位置信息：它将用于为您推荐附近的商家。\n");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", x.practices);
        let (lexicon, x) = run("个性化推荐：它会收集您的浏览记录。\n");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", x.practices);
    }

    #[test]
    fn data_disclosed_at_a_partys_request_goes_to_that_party() {
        let cases = [
            (
                "我们可能会根据法律法规规定，或按政府主管部门的强制性要求，对外共享您的个人信息。",
                "政府主管部门",
                "-",
            ),
            (
                "我们可能会按照司法机关或行政机关的要求，对外共享你的个人信息。",
                "司法机关",
                "-",
            ),
            (
                "我们会根据执法部门的要求提供您的身份信息。",
                "执法部门",
                "个人身份信息",
            ),
        ];
        for (text, party, data) in cases {
            let (lexicon, x) = run(text);
            assert_shared(&shared(&lexicon, &x), party, data);
        }
        // Not a service provided to the user, nor a platform's rules.
        for text in [
            "我们会根据监管部门的要求，向您提供查询服务。",
            "您应当根据适用的法律法规和猫眼规则的要求，公开分享经营信息。",
        ] {
            let (lexicon, x) = run(text);
            assert!(
                shared(&lexicon, &x).is_empty(),
                "{text}: {:?}",
                shared(&lexicon, &x)
            );
        }
    }

    #[test]
    fn a_phrase_ending_in_huo_ban_names_a_party() {
        let (lexicon, x) = run("我们可能将汇总后的统计数据提供给广告商和其他伙伴。");
        let shares = shared(&lexicon, &x);
        assert!(shares.iter().any(|(r, _)| r == "其他伙伴"), "{shares:?}");
    }

    #[test]
    fn a_recipient_that_points_back_is_the_one_named_before() {
        let (lexicon, x) =
            run("我们可能与提供统计服务的合作伙伴共享信息，但仅会向其提供去标识化的设备标识符。");
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "合作伙伴", "设备标识符");
    }

    #[test]
    fn an_alias_stands_for_the_parties_its_bracket_named() {
        let (lexicon, x) = run(
            "您可以选择与我们合作的第三方支付机构（包括银联、支付宝，以下简称“支付机构”）完成支付。\
             我们会将您的订单号与这些支付机构共享。",
        );
        let shares = shared(&lexicon, &x);
        for party in ["支付宝", "银联"] {
            assert!(
                shares.contains(&(party.to_owned(), "订单号".to_owned())),
                "{shares:?}"
            );
        }
    }

    #[test]
    fn data_before_the_recipient_of_jiang_sharing() {
        let (lexicon, x) = run("为向您返回定位结果，我们会将您的GPS信息与地图服务商共享。");
        let shares = shared(&lexicon, &x);
        assert!(
            shares.iter().any(|(r, d)| r == "地图服务商" && d != "-"),
            "{shares:?}"
        );
        let (lexicon, x) = run("未经您同意，我们不会将您的个人身份信息与广告合作伙伴共享。");
        assert!(shared(&lexicon, &x).is_empty(), "{:?}", shared(&lexicon, &x));
        assert_eq!(negated_shares(&x), 1);
    }

    #[test]
    fn a_party_qualified_by_a_relative_clause_is_the_party() {
        let (lexicon, x) = run("我们会向提供支付服务（包括订单支付、退款）的合作伙伴共享您的订单信息。");
        let sharing = x
            .practices
            .iter()
            .find(|p| p.kind == PracticeKind::Sharing)
            .expect("sharing");
        let recipients: Vec<String> = sharing.recipients.iter().map(|r| label(&lexicon, r)).collect();
        assert_eq!(recipients, vec!["合作伙伴".to_owned()]);
        assert_eq!(sharing.recipients[0].surface, "提供支付服务的合作伙伴");
        let data: Vec<String> = sharing.data.iter().map(|d| label(&lexicon, d)).collect();
        assert!(!data.is_empty(), "{data:?}");
    }

    #[test]
    fn a_list_announced_to_a_recipient_is_shared_with_it() {
        let (lexicon, x) = run("投保时，我们会向承保的保险公司提供以下信息：\n姓名、手机号码、车牌号。");
        let shares = shared(&lexicon, &x);
        assert!(
            shares.iter().any(|(r, d)| r.ends_with("保险公司") && d == "姓名"),
            "{shares:?}"
        );
    }

    #[test]
    fn the_apps_name_before_a_data_item_says_whose_it_is() {
        let (lexicon, x) = run(
            "乐途出行隐私政策\n我们会将您的乐途出行订单号提供给支付宝，您也可以向乐途出行平台提交手机号码。",
        );
        let shares = shared(&lexicon, &x);
        assert_shared(&shares, "支付宝", "订单号");
        assert!(shares.iter().all(|(r, _)| !r.contains("乐途")), "{shares:?}");
    }

    #[test]
    fn an_android_constant_takes_the_chinese_name_in_its_bracket() {
        let surfaces = |text: &str| {
            let (lexicon, x) = run(text);
            let found: Vec<(String, String)> = x
                .practices
                .iter()
                .filter_map(|p| {
                    p.permission
                        .as_ref()
                        .map(|t| (t.surface.clone(), label(&lexicon, t)))
                })
                .collect();
            found
        };
        let found = surfaces("（2）android.permission.CAMERA（拍照权限）：用于扫描二维码。");
        assert_eq!(found, [("拍照权限".to_owned(), "相机权限".to_owned())]);
        // Without a bracketed name the constant stays as written.
        let found = surfaces("（2）android.permission.CAMERA：用于扫描二维码。");
        assert!(
            found.iter().all(|(s, _)| s.to_lowercase().contains("camera")),
            "{found:?}"
        );
    }

    #[test]
    fn a_device_word_in_a_note_on_the_verb_is_no_permission() {
        let permissions = |text: &str| {
            let (lexicon, x) = run(text);
            let found: Vec<String> = x
                .practices
                .iter()
                .filter_map(|p| p.permission.as_ref().map(|t| label(&lexicon, t)))
                .collect();
            (collected(&lexicon, &x), found)
        };
        let (data, found) =
            permissions("我们会读取并记录（包括在后台运行状态下读取和记录）您的设备型号、操作系统版本。");
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(data.len(), 2, "{data:?}");
        // A device word qualifying a data noun is data (`蓝牙设备名称`).
        let (_, found) = permissions("我们会收集您的蓝牙设备名称用于连接车载设备。");
        assert!(found.is_empty(), "{found:?}");
        // A bracket after the data, not the verb, may well name what it needs.
        let (_, found) = permissions("我们会收集您的位置信息（需要您开启位置权限）。");
        assert_eq!(found, ["位置权限"]);
    }

    #[test]
    fn several_permissions_each_pair_with_the_data_they_guard() {
        let (lexicon, x) = run("我们需要获取您的位置权限、相机权限，并收集您的地理位置信息和昵称。");
        let mut pairs: Vec<(String, String)> = Vec::new();
        for p in &x.practices {
            if let Some(perm) = &p.permission {
                pairs.extend(p.data.iter().map(|d| (label(&lexicon, perm), label(&lexicon, d))));
            }
        }
        pairs.sort();
        // The location goes with the location permission only; the camera guards none of
        // it, and 昵称 is guarded by no permission.
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(pairs[0].0, "位置权限");
        assert_eq!(collected(&lexicon, &x).len(), 2);
    }

    #[test]
    fn a_definition_of_a_general_term_states_no_practice() {
        for text in [
            "3.个人信息是指以电子或者其他方式记录的能够单独或者与其他信息结合识别特定自然人身份的各种信息，包括姓名、出生日期、住址。",
            "“个人敏感信息”是指一旦泄露可能危害人身和财产安全的个人信息，包括身份证件号码、银行账户。",
        ] {
            let (lexicon, x) = run(text);
            assert!(collected(&lexicon, &x).is_empty(), "{text}: {:?}", collected(&lexicon, &x));
        }
        // A practice that merely mentions 个人信息 is read as ever.
        let (lexicon, x) = run("我们收集的个人信息是指您在注册时填写的手机号码。");
        assert_eq!(collected(&lexicon, &x), ["手机号码"]);
    }

    #[test]
    fn a_question_a_modal_or_a_relative_clause_names_no_item() {
        assert_nothing_collected(&[
            "我们会收集您的哪些信息？",
            "本政策旨在帮助您了解我们会收集哪些数据、为什么收集这些数据。",
            "或者将基于特定目的收集而来的信息用于其他目的时，会事先征求您的同意。",
            // A bullet opens the condition as a number would.
            "• 如果我们发现自己收集了未成年人的个人信息，则会设法尽快删除相关数据。",
        ]);
        // A verb acting on an umbrella word is a clause, whichever list holds it; an
        // effort to avoid collecting states no practice.
        assert_nothing_collected(&[
            "一、下文将帮您详细了解我们如何收集、使用、存储、传输、共享、转让（如适用）与保护个人信息；",
            "我们会采取合理可行的措施，尽力避免收集无关的个人信息。",
        ]);
        // Unavoidable is no effort to avoid: the disclosure stands.
        let (_, x) = run("您不可避免的要向交易对方披露自己的个人信息，如联络方式、联系地址。");
        assert!(x
            .practices
            .iter()
            .any(|p| p.kind == PracticeKind::Sharing && !p.data.is_empty()));
        let (lexicon, x) = run("我们可能需要收集姓名或变更个人信息。");
        assert_eq!(collected(&lexicon, &x), ["姓名"]);
        let (lexicon, x) = run("我们会收集您的浏览信息和配送相关信息。");
        assert_eq!(collected(&lexicon, &x), ["浏览记录", "配送相关信息"]);
        // An aspect particle after the verb is no part of the object.
        let (lexicon, x) = run("我们收集了用户交易信息，用于生成交易记录。");
        assert_eq!(collected(&lexicon, &x), ["交易信息"]);
    }

    #[test]
    fn a_denial_pointing_back_denies_what_the_sentence_named() {
        let negated = |text: &str| {
            let (lexicon, x) = run(text);
            let mut out: Vec<String> = x
                .practices
                .iter()
                .filter(|p| p.negated)
                .flat_map(|p| p.data.iter().map(|t| label(&lexicon, t)))
                .collect();
            out.sort();
            (out, collected(&lexicon, &x))
        };
        let (denied, _) = negated("办理退款时，客服可能会让您提供银行卡号，但我们不会保存或使用该信息。");
        assert_eq!(denied, ["银行卡号"]);
        // What the sentence collects is not denied by a later pointer.
        let (denied, taken) = negated("我们会收集您的手机号码，但不会使用该信息。");
        assert!(denied.is_empty(), "{denied:?}");
        assert_eq!(taken, ["手机号码"]);
        // The user's refusal is no denial.
        let (denied, _) = negated("您可以填写昵称、头像，但如您不提供此类信息，不会影响您使用本产品。");
        assert!(denied.is_empty(), "{denied:?}");
    }

    #[test]
    fn permission_in_possessor_pairs_with_its_data() {
        let (lexicon, x) =
            run("当您使用连麦功能时，我们会收集您麦克风输入的语音信息以及摄像头输入的视频信息。");
        let pairs: Vec<(String, String)> = x
            .practices
            .iter()
            .filter_map(|p| {
                Some((
                    label(&lexicon, p.permission.as_ref()?),
                    label(&lexicon, p.data.first()?),
                ))
            })
            .collect();
        assert_eq!(pairs.len(), 2, "{:?}", x.practices);
        assert_ne!(pairs[0].0, pairs[1].0);
    }

    #[test]
    fn operator_and_product() {
        let text =
            "《全民K歌隐私保护指引》\n全民K歌是由深圳市腾讯计算机系统有限公司（以下称“我们”）提供的产品。\n\
                    在您使用全民K歌服务的过程中，全民K歌会收集您的设备型号。";
        let (_, x) = run(text);
        assert_eq!(x.products, vec!["全民K歌".to_owned()]);
        assert_eq!(x.operators, vec!["深圳市腾讯计算机系统有限公司".to_owned()]);
    }

    #[test]
    fn without_title_or_company_the_brand_and_the_consented_name_answer() {
        let text = "腾讯云严格遵守法律法规，遵循以下隐私保护原则，为您提供更加安全可靠的服务。\n\
                    若您使用腾讯服务，即表示您认同我们在本政策中所述内容。";
        let (_, x) = run(text);
        assert_eq!(x.operators, vec!["腾讯云".to_owned()]);
        assert!(x.products.contains(&"腾讯服务".to_owned()), "{:?}", x.products);
        assert!(x.products.contains(&"腾讯云".to_owned()), "{:?}", x.products);
        // A clause before the commitment names no one.
        let (_, x) = run("我们一直以来都严格遵守法律法规。");
        assert!(x.operators.is_empty() && x.products.is_empty(), "{x:?}");
    }

    #[test]
    fn denials_in_brackets_and_disposals_are_not_collected() {
        let (lexicon, x) = run(
            "我们会向您申请电话权限以获得IMEI（仅在安卓9及以下版本收集，安卓9以上版本不收集）、Android ID。\n\
             我们不会将您的照片回传至服务器。\n\
             如您拒绝提供此类信息，我们将不能为您提供了解好友听歌信息等服务。",
        );
        let denied: Vec<String> = x
            .practices
            .iter()
            .filter(|p| p.negated)
            .flat_map(|p| p.data.iter().map(|t| label(&lexicon, t)))
            .collect();
        assert!(denied.iter().any(|d| d == "IMEI"), "{denied:?}");
        assert!(
            !denied.iter().any(|d| d == "Android ID" || d.contains("听歌")),
            "{denied:?}"
        );
        assert!(denied.iter().any(|d| d.contains("照片")), "{denied:?}");
        let data = collected(&lexicon, &x);
        assert!(data.iter().any(|d| d == "Android ID"), "{data:?}");
    }

    #[test]
    fn operators_are_named_by_the_bracket_that_calls_them_us() {
        let lexicon = Lexicon::embedded().unwrap();
        let segmenter = Segmenter::new(&lexicon);
        let operator = |text: &str| find_operators(&structure(text, &[]), &lexicon, &segmenter);
        assert_eq!(
            operator("欢迎使用。杭州聚合优量科技有限公司(以下简称“我们”)提供本服务。"),
            vec!["杭州聚合优量科技有限公司"]
        );
        assert_eq!(
            operator(
                "本隐私政策规定了小佩网络科技（上海）有限公司及关联公司（下文简称“小佩”或“我们”）如何处理。"
            ),
            vec!["小佩网络科技(上海)有限公司"]
        );
        assert_eq!(
            operator("本政策适用于由海南景文网络科技有限公司（以下称“景文网络”或“我们”）提供的产品。"),
            vec!["海南景文网络科技有限公司"]
        );
        // A bracket that calls something else 我们 does not name an operator.
        assert!(operator("我们会收集信息（例如您的姓名）。").is_empty());
    }

    #[test]
    fn a_glossary_line_defining_the_acting_name_names_the_operator() {
        let lexicon = Lexicon::embedded().unwrap();
        let segmenter = Segmenter::new(&lexicon);
        let operator = |text: &str| find_operators(&structure(text, &[]), &lexicon, &segmenter);
        assert_eq!(
            operator("一、定义\n我们：指北京星河互娱科技有限公司及其关联公司。\n我们会收集您的昵称。"),
            vec!["北京星河互娱科技有限公司"]
        );
        // A parent company beside the subsidiary that runs the app.
        let both = operator(
            "星河公司一直重视用户的隐私。\n星河公司：星河文化传媒有限公司及其子公司星河游戏有限公司。\n星河游戏有限公司运营“星河”APP。",
        );
        assert!(both.contains(&"星河文化传媒有限公司".to_owned()), "{both:?}");
        assert!(both.contains(&"星河游戏有限公司".to_owned()), "{both:?}");
        // A glossary entry for a name the policy does not act under names no operator.
        assert!(operator("支付公司：指上海云付网络科技有限公司。\n我们会收集您的昵称。").is_empty());
    }

    #[test]
    fn products_come_from_the_title_not_from_headings_or_sdk_policies() {
        let lexicon = Lexicon::embedded().unwrap();
        let segmenter = Segmenter::new(&lexicon);
        let product = |text: &str| find_products(&structure(text, &[]), &lexicon, &segmenter);
        // The first line's title names the app, even when written only once, and what the
        // title protects (the users' information) is no part of the name.
        assert_eq!(
            product("中华日历隐私政策\n更新日期：2022年1月1日\n我们会收集您的设备信息。"),
            vec!["中华日历"]
        );
        assert_eq!(
            product("中华日历用户个人信息保护及隐私政策协议\n我们会收集您的设备信息。"),
            vec!["中华日历"]
        );
        assert_eq!(
            product("隐私政策\n\n中华日历用户信息隐私政策\n"),
            vec!["中华日历"]
        );
        // A heading on how to reach the policy, and SDK policies, name no app.
        let sdk = "《友盟隐私政策》《友盟隐私政策》《友盟隐私政策》《第三方SDK隐私政策》";
        assert!(product(&format!(
            "说明\n正文\n其他\n更多\n另见\n访问隐私政策\n访问隐私政策\n访问隐私政策\n{sdk}"
        ))
        .is_empty());
        // `X（以下简称“本应用”）` defines the app.
        assert_eq!(
            product("用户隐私政策\n为了便于您使用临沂12345APP（以下简称“本应用”），我们制定本政策。"),
            vec!["临沂12345"]
        );
        // Without the bracket, a quoted name only.
        assert_eq!(
            product("隐私政策\n本公司开发的《中华日历》以下简称“本应用”。我们收集信息。"),
            vec!["中华日历"]
        );
        // A field names the app, alone or with others, cut where the next field's key
        // starts; not in a part on SDKs, not a bare dash.
        assert_eq!(
            product(
                "隐私政策\n公司名称：深圳市唯噫科技有限公司\n产品名称：丝瓜视频\n我们会收集您的设备信息。"
            ),
            vec!["丝瓜视频"]
        );
        assert_eq!(
            product("隐私政策\n应用名称：云智装开发者名称：深圳市艾可思信息技术有限公司\n正文。"),
            vec!["云智装"]
        );
        assert_eq!(
            product("隐私政策\n软件名称：萌我变声器/萌我变声器极速版\n正文。"),
            vec!["萌我变声器", "萌我变声器极速版"]
        );
        // An unknown word before the next colon may be the name's own: not read.
        assert!(product("隐私政策\n应用名称：邦豪体育开者发：瑞安市邦豪体育发展有限公司\n正文。").is_empty());
        assert!(product("隐私政策\n应用名称：--\n正文。").is_empty());
        assert!(
            product("隐私政策\n正文。\n九、SDK技术说明\n产品名称：图谱识别\n用途：审核图片。").is_empty()
        );
        // A sentence that says who provides the app names it: quoted, or followed by a
        // product word; not a bare phrase (`本服务是由`).
        assert_eq!(
            product("隐私协议\n【石猫】APP是由厦门石猫科技有限公司及其关联公司运营。"),
            vec!["石猫"]
        );
        assert_eq!(
            product("隐私政策\n引言。多锐App是由湖南简成信息技术有限公司（以下简称“我们”）开发。"),
            vec!["多锐"]
        );
        assert_eq!(
            product("隐私政策\n墩墩星球软件及相关服务是由上海音淘信息科技有限公司运营的客户端应用程序。"),
            vec!["墩墩星球"]
        );
        assert!(product("隐私政策\n本服务是由深圳市某某科技有限公司提供。").is_empty());
        assert!(product("隐私政策\n数据由我们的合作方“友盟”提供。").is_empty());
        // A brand title yields to the apps it covers.
        let migu =
            "咪咕隐私权政策\n咪咕音乐有限公司运营“咪咕音乐”APP。咪咕音乐会收集信息。咪咕音乐将保护您。";
        assert_eq!(product(migu), vec!["咪咕音乐"]);
    }

    #[test]
    fn operators_are_companies_cut_from_what_runs_into_them() {
        let lexicon = Lexicon::embedded().unwrap();
        let segmenter = Segmenter::new(&lexicon);
        let operator = |text: &str| find_operators(&structure(text, &[]), &lexicon, &segmenter);
        // A designation whose bracket runs on past 40 characters.
        assert_eq!(
            operator("山西三立期货经纪有限公司（以下简称“我们”，注册办公地址：中国山西省太原市府西街69号国贸大厦A座，客服电话：123）"),
            vec!["山西三立期货经纪有限公司"]
        );
        // A date or a role before the name is no part of it.
        assert_eq!(
            operator("更新日期：2022年1月14日深圳汇能新能源科技有限公司（以下简称“我们”）"),
            vec!["深圳汇能新能源科技有限公司"]
        );
        assert_eq!(
            operator(
                "您和车行168APP服务提供者北京车行一六八信息技术有限公司（以下简称\"车行168\"或\"我们\"）"
            ),
            vec!["北京车行一六八信息技术有限公司"]
        );
        // A clause designated 我们 is no operator; the company the policy names is.
        assert_eq!(
            operator("感谢您使用！（下称“我们”）\n长沙科想科技有限公司重视用户的隐私。"),
            vec!["长沙科想科技有限公司"]
        );
        // A field names it, but a third party's row in an SDK table does not.
        assert_eq!(
            operator(
                "隐私政策正文。\n运营方：深圳市腾讯计算机系统有限公司\n公司名称：义乌市幂加网络科技有限公司"
            ),
            vec!["义乌市幂加网络科技有限公司"]
        );
    }

    #[test]
    fn user_actions_are_not_practices() {
        let (lexicon, x) = run("您可以随时访问、更正您的个人资料和设备型号。");
        assert!(collected(&lexicon, &x).is_empty(), "{:?}", x.practices);
    }

    #[test]
    fn this_kind_of_information_enumerates_the_previous_item() {
        let (lexicon, x) = run("您需要提供身份认证服务所需的真实身份信息。这类信息包括姓名、身份证号码。");
        let pairs: Vec<(String, String)> = x
            .inclusions
            .iter()
            .map(|i| (i.general.surface.clone(), label(&lexicon, &i.specific)))
            .collect();
        assert_includes(&pairs, "真实身份信息", &["姓名"]);
        assert!(
            !collected(&lexicon, &x).iter().any(|d| d.contains("这类")),
            "{:?}",
            x.practices
        );
    }

    /// Every member is read as included in `general`.
    /// The features of the first practice read in `text`.
    fn features_of(text: &str) -> Vec<String> {
        let (_, x) = run(text);
        x.practices
            .first()
            .map(|p| p.features.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_line_that_is_only_a_permission_named_by_what_it_allows() {
        let permission_of = |text: &str| -> Vec<String> {
            let (_, x) = run(text);
            x.practices
                .iter()
                .filter_map(|p| p.permission.as_ref().map(|t| t.surface.clone()))
                .collect()
        };
        assert_eq!(
            permission_of("• 允许打电话的权限；此功能用于联系客服。"),
            ["打电话的权限"]
        );
        assert!(
            permission_of("d) 访问网络连接的权限，用来使用网络；").contains(&"访问网络连接的权限".to_owned())
        );
        // Not in a clause with a subject, nor where the lexicon knows the permission.
        assert_eq!(permission_of("我们会申请相机的权限。"), ["相机"]);
    }

    #[test]
    fn the_apps_own_name_before_a_function_only_says_whose_it_is() {
        let (_, x) = run("此权限用于用户在使用本软件的修改头像功能时能正常访问手机相册权限。");
        assert!(
            x.practices.iter().any(|p| p.features == ["修改头像"]),
            "{:?}",
            x.practices
        );
        // Not 我们的: `当您在我们的产品中使用搜索功能时` names 搜索.
        let (_, x) = run("当您在我们的产品中使用搜索功能时，我们需要收集您的搜索记录。");
        assert!(
            x.practices.iter().any(|p| p.features == ["搜索"]),
            "{:?}",
            x.practices
        );
    }

    /// The first practice read in each of `texts` (if any) has no feature.
    fn assert_no_features(texts: &[&str]) {
        for text in texts {
            assert!(features_of(text).is_empty(), "{text}: {:?}", features_of(text));
        }
    }

    fn assert_includes(pairs: &[(String, String)], general: &str, members: &[&str]) {
        for member in members {
            assert!(
                pairs.contains(&(general.to_owned(), (*member).to_owned())),
                "{general} ⊃ {member}: {pairs:?}"
            );
        }
    }

    fn inclusion_pairs(text: &str) -> Vec<(String, String)> {
        let (_, x) = run(text);
        x.inclusions
            .iter()
            .map(|i| (i.general.surface.clone(), i.specific.surface.clone()))
            .collect()
    }

    #[test]
    fn a_lexicon_term_with_a_device_word_heads_its_list() {
        // 设备 and 终端 are umbrella words before 权限, but 设备信息 and 终端信息 are terms.
        for text in [
            "设备信息，例如设备型号、浏览记录。",
            "终端信息：如设备型号、浏览记录。",
        ] {
            let pairs = inclusion_pairs(text);
            assert!(
                pairs.iter().any(|(g, s)| g.ends_with("信息") && s == "设备型号"),
                "{text}: {pairs:?}"
            );
        }
        // An umbrella word before a generic term still names nothing.
        assert!(inclusion_pairs("相关信息，例如设备型号、浏览记录。").is_empty());
    }

    #[test]
    fn a_list_line_enumerates_the_term_in_the_heading_above() {
        let text = "一、我们收集的信息\n（1）设备信息\n例如，设备型号、操作系统版本等。\n（2）您在活动中留下的内容\n例如，昵称、头像。\n";
        let pairs = inclusion_pairs(text);
        assert_includes(&pairs, "设备信息", &["设备型号", "操作系统版本"]);
        // A heading that is a phrase, not a term, heads no list.
        assert!(pairs.iter().all(|(g, _)| !g.contains("活动")), "{pairs:?}");
    }

    #[test]
    fn a_bare_attribute_noun_is_no_member_of_a_list() {
        let pairs = inclusion_pairs("网络信息，包括接入网络的方式、类型和状态、IP地址。");
        assert!(pairs.iter().any(|(_, s)| s == "IP地址"), "{pairs:?}");
        assert!(pairs.iter().all(|(_, s)| s != "类型" && s != "状态"), "{pairs:?}");
    }

    #[test]
    fn a_lexicon_term_ending_in_an_umbrella_word_heads_its_bracket() {
        // `设备信息` ends in 信息 after 设备, yet names a data item: its bracket lists members,
        // the plain word before 等 too.
        let pairs = inclusion_pairs("您的设备信息（例如设备型号、电池电量、屏幕朝向等）将用于统计。");
        for member in ["设备型号", "电池电量", "屏幕朝向"] {
            assert!(
                pairs.iter().any(|(g, m)| g == "设备信息" && m == member),
                "{pairs:?}"
            );
        }
        // An attribute noun alone names nothing: it joins the phrase before it after a
        // conjunction, and after a mark where no named item stands before it.
        let pairs = inclusion_pairs(
            "为了统计，我们会收集设备信息（例如接入网络的方式、类型和状态，系统及版本，订单号、时间）。",
        );
        for member in ["方式、类型和状态", "系统及版本", "订单号"] {
            assert!(
                pairs.iter().any(|(g, m)| g == "设备信息" && m.ends_with(member)),
                "{pairs:?}"
            );
        }
        for attribute in ["类型", "状态", "版本", "时间", "订单号、时间"] {
            assert!(!pairs.iter().any(|(_, m)| m == attribute), "{pairs:?}");
        }
        // An umbrella word before a generic term still names nothing.
        let pairs = inclusion_pairs("您的相关信息（例如设备型号、电池电量）将用于统计。");
        assert!(!pairs.iter().any(|(g, _)| g == "相关信息"), "{pairs:?}");
    }

    #[test]
    fn plain_words_before_deng_and_a_data_term_are_collected() {
        let (lexicon, x) = run("我们会收集您在书架中添加的漫画、小说等阅读信息。");
        let data = collected(&lexicon, &x);
        for item in ["漫画", "小说"] {
            assert!(data.iter().any(|d| d == item), "{data:?}");
        }
        // 等 inside a word, 该等 (these) and 等功能 close no list of data.
        for text in [
            "我们会根据您的会员积分及平台设置的会员等级规则确定您的权益。",
            "我们会收集您的设备信息，并将该等信息储存为日志信息。",
            "我们会收集您的手机号码，用于登录、评论等功能。",
        ] {
            let (lexicon, x) = run(text);
            let data = collected(&lexicon, &x);
            for junk in ["会员", "并将该", "登录"] {
                assert!(!data.iter().any(|d| d == junk), "{text}: {data:?}");
            }
        }
        // `及其他`: the piece after 及 keeps its 其.
        let (lexicon, x) = run("我们会收集您的姓名、电子邮箱及其他联系方式。");
        let data = collected(&lexicon, &x);
        assert!(!data.iter().any(|d| d.starts_with('他')), "{data:?}");
        assert!(
            data.iter().any(|d| d == "电子邮箱" || d == "邮箱地址"),
            "{data:?}"
        );
    }

    #[test]
    fn a_list_opening_with_bao_kuo_spells_out_an_unnamed_collection() {
        let text = "我们会自动收集您对本服务的详细使用情况。包括您的IP地址、停留时长、点赞记录。";
        let (lexicon, x) = run(text);
        let data = collected(&lexicon, &x);
        assert!(data.iter().any(|d| d == "IP地址"), "{data:?}");
        assert!(data.iter().any(|d| d == "点赞记录"), "{data:?}");
        // A list of clauses after 包括 is none of data.
        let text = "我们会自动收集您对本服务的详细使用情况。包括：（1）您在注册账号时填写的信息。";
        let (lexicon, x) = run(text);
        let data = collected(&lexicon, &x);
        assert!(data.is_empty(), "{data:?}");
    }

    #[test]
    fn a_pointer_announces_the_list_after_a_later_colon() {
        let text = "如果您提供以下补充资料，将有助于我们为您推荐好友：您的血型、家乡、身高。";
        let pairs = inclusion_pairs(text);
        assert_includes(&pairs, "补充资料", &["血型", "家乡", "身高"]);
        // A pointer that is no word announces nothing.
        let pairs = inclusion_pairs("使用相关资料如下载，需要授权此权限：允许应用下载图片、家乡。");
        assert!(!pairs.iter().any(|(_, m)| m == "家乡"), "{pairs:?}");
    }

    #[test]
    fn the_sensitive_category_heads_the_items_listed_under_it() {
        // The user's sensitive data spelled out by a marker.
        let pairs = inclusion_pairs("我们收集的资料中可能包含您的敏感个人信息，例如车牌号码、病历信息。");
        assert_includes(&pairs, "敏感个人信息", &["车牌号码", "病历信息"]);
        // A glossary's list names no one's data; a classification spells out nothing.
        for text in [
            "敏感个人信息，例如车牌号码、病历信息。",
            "车牌号码、病历信息属于个人敏感信息，请谨慎提供。",
        ] {
            let pairs = inclusion_pairs(text);
            assert!(
                !pairs.iter().any(|(g, _)| g.contains("敏感")),
                "{text}: {pairs:?}"
            );
        }
    }

    #[test]
    fn a_list_before_de_after_a_verb_spells_out_the_term_after_it() {
        let pairs =
            inclusion_pairs("为了向您推荐课程，我们会收集包括搜索记录、收藏记录、学习时长的学习行为信息。");
        assert_includes(&pairs, "学习行为信息", &["搜索记录", "收藏记录", "学习时长"]);
        // What a term holds is no kind of it.
        let pairs = inclusion_pairs("我们会使用包含您所上传照片或视频的评论信息。");
        assert!(!pairs.iter().any(|(g, _)| g == "评论信息"), "{pairs:?}");
    }

    #[test]
    fn a_marker_after_a_clause_naming_no_term_goes_on_with_the_one_before() {
        // `也包括` goes on with the term enumerated before it.
        let pairs = inclusion_pairs(
            "行为信息包括您在使用本应用时的点击、搜索等操作日志，也包括您填写的性别、地区等资料信息。",
        );
        assert_includes(&pairs, "行为信息", &["资料信息"]);
        // `并作为…保存，包括`: the one item the verb before took.
        let pairs = inclusion_pairs(
            "我们会自动收集您的学习记录，并作为服务日志保存，包括您的答题记录、错题记录、观看时长。",
        );
        assert_includes(&pairs, "学习记录", &["错题记录"]);
        // The label the sentence opens with.
        let pairs = inclusion_pairs(
            "2. 日志信息：当您使用我们的服务时，我们会收集您的使用记录及应用记录，并作为服务日志保存，包括您的浏览记录、搜索记录。",
        );
        assert_includes(&pairs, "日志信息", &["浏览记录"]);
        // A verb in another clause (`根据您的位置信息为您提供…，比如…`) heads no list.
        let pairs = inclusion_pairs(
            "我们会获取您的位置信息，根据位置为您提供更契合您需求的页面展示，比如向您推荐附近门店的优惠信息。",
        );
        assert!(pairs.is_empty(), "{pairs:?}");
    }

    #[test]
    fn umbrella_words_before_quan_xian_name_no_permission() {
        let lexicon = Lexicon::embedded().unwrap();
        for stem in [
            "任一",
            "敏感",
            "其他设备",
            "APP",
            "中授予的具体",
            "服务的基本",
            "下述",
            // Counts, pointers and the verbs of asking for one.
            "七项",
            "多种",
            "这项",
            "以上",
            "请求",
            "赋予",
        ] {
            assert!(names_no_permission(&lexicon, stem), "{stem}");
        }
        for stem in [
            "写入系统设置",
            "震动功能",
            "录音相关",
            "位置信息的",
            "SD卡的读写",
            "修改系统设置",
            "多媒体",
        ] {
            assert!(!names_no_permission(&lexicon, stem), "{stem}");
        }
    }

    #[test]
    fn pointers_qualifiers_and_verbs_before_quan_xian_name_no_permission() {
        let lexicon = Lexicon::embedded().unwrap();
        for stem in ["上面", "当前", "可选", "其余", "动态", "发起", "部署", "享受"] {
            assert!(names_no_permission(&lexicon, stem), "{stem}");
        }
    }

    #[test]
    fn the_tail_of_a_compound_permission_name_stands_for_the_whole() {
        // jieba cuts the made-up name 夜间巡检锁定 into words; its last word must not
        // become a permission of its own, and the data still pairs with the whole name.
        let (_, x) = run("为保证后台播放，我们会获取您的夜间巡检锁定权限，并收集您的播放记录。");
        let names: Vec<&str> = x
            .practices
            .iter()
            .filter_map(|p| p.permission.as_ref())
            .map(|t| t.surface.as_str())
            .collect();
        assert!(names.iter().all(|&n| n == "夜间巡检锁定权限"), "{names:?}");
        assert!(
            x.practices.iter().any(|p| !p.data.is_empty()
                && p.permission
                    .as_ref()
                    .is_some_and(|t| t.surface == "夜间巡检锁定权限")),
            "{:?}",
            x.practices
        );
    }

    #[test]
    fn a_clause_before_quan_xian_is_no_permission_name() {
        let (_, x) = run("附近门店功能的使用需要您同意我们的应用获取定位权限。");
        for p in &x.practices {
            if let Some(t) = &p.permission {
                assert!(name_units(&t.surface) <= 8, "{}", t.surface);
            }
        }
        assert_eq!(name_units("GET_TASKS"), 1);
        assert_eq!(name_units("指纹&faceID"), 4);
    }

    #[test]
    fn a_verb_cut_from_a_list_of_verbs_is_no_data_item() {
        let (lexicon, x) = run("我们还可能在网页上使用Cookies和其他技术来收集浏览、使用或其他技术信息。");
        let data = collected(&lexicon, &x);
        assert!(data.iter().all(|d| d != "使用"), "{data:?}");
        let (lexicon, x) = run("我们会收集、使用您的手机号码。");
        let data = collected(&lexicon, &x);
        assert!(data.iter().any(|d| d.contains("手机号")), "{data:?}");
    }

    #[test]
    fn a_refusal_condition_is_no_stated_non_collection() {
        let (_, x) = run("如果您不提供身份认证信息，我们将不能向您提供相关的功能。");
        assert!(
            x.practices.iter().all(|p| !p.negated || p.data.is_empty()),
            "{:?}",
            x.practices
        );
    }

    #[test]
    fn providing_to_us_is_collection() {
        let (lexicon, x) = run("当您使用商城服务时，您需要向我们提供收货人姓名、手机号码。");
        assert!(
            collected(&lexicon, &x).contains(&"手机号码".to_owned()),
            "{:?}",
            x.practices
        );
        let (lexicon, x) = run("您无需向我们提供手机号码。");
        assert!(collected(&lexicon, &x).is_empty(), "{:?}", x.practices);
    }

    #[test]
    fn markers_and_time_clauses_are_no_data_items() {
        let (lexicon, x) = run(
            "我们会收集您主动提供的信息。例如，您在使用QQ、微信时，上传的头像、分享的照片。我们会将所收集到的信息用于大数据分析。",
        );
        let data = collected(&lexicon, &x);
        for junk in ["例如", "微信时", "到的信息"] {
            assert!(!data.iter().any(|d| d == junk), "{junk} in {data:?}");
        }
    }

    /// Whether `collected` holds `item` (by label) in the practices of `text`.
    fn collects(text: &str, item: &str) -> bool {
        let (lexicon, x) = run(text);
        collected(&lexicon, &x).iter().any(|d| d == item)
    }

    fn surfaces(text: &str) -> Vec<String> {
        let (_, x) = run(text);
        x.practices
            .iter()
            .filter(|p| p.kind == PracticeKind::Collection && !p.negated)
            .flat_map(|p| p.data.iter().map(|t| t.surface.clone()))
            .collect()
    }

    #[test]
    fn list_members_after_a_bare_etc_and_in_comma_clauses_are_collected() {
        // 等 with nothing after it only closes the list.
        assert!(collects(
            "我们会收集您的设备信息（如设备型号、屏幕亮度等）。",
            "屏幕亮度"
        ));
        // A clause that is itself a list of data items goes on with the object.
        assert!(collects(
            "我们会收集您的设备型号，浏览器类型，运营商名称信息。",
            "运营商信息"
        ));
        // A clause with a subject and verb of its own does not.
        let (lexicon, x) = run("我们会收集您的设备型号，此类信息将被视为个人信息。");
        assert!(!collected(&lexicon, &x).iter().any(|d| d.contains("视为")));
    }

    #[test]
    fn bare_words_sharing_a_broad_head_stay_one_member() {
        let (lexicon, x) = run("我们会保存您的商品购买或退换记录、积分兑换和使用记录。");
        let data = collected(&lexicon, &x);
        assert!(data.iter().any(|d| d == "商品购买或退换记录"), "{data:?}");
        assert!(data.iter().any(|d| d == "积分兑换和使用记录"), "{data:?}");
        assert!(!data.iter().any(|d| d == "商品购买"), "{data:?}");
        // Two members, not one: an attribute, or a specific head.
        let (lexicon, x) = run("我们会收集您的有效期及手机号码。");
        assert!(!collected(&lexicon, &x).iter().any(|d| d.contains("有效期及")));
    }

    #[test]
    fn clause_pieces_processed_data_and_pushed_lists_are_no_data() {
        // A piece that opens with a preposition is a clause.
        let (lexicon, x) = run("我们会收集您在专辑、歌单中添加的歌曲信息。");
        assert!(!collected(&lexicon, &x).iter().any(|d| d.starts_with('在')));
        // What processing made of data.
        let (lexicon, x) = run("在此情况下我们有权使用已经去标识化的信息。");
        assert!(collected(&lexicon, &x).is_empty());
        // 并 as a word of its own links the next verb phrase.
        let (lexicon, x) = run("我们会使用您的个人信息并通过算法模型预测您的兴趣偏好。");
        assert!(!collected(&lexicon, &x).iter().any(|d| d.contains("偏好")));
        // A bare word before a permission shares its 权限.
        let (lexicon, x) = run("我们会向您申请访问相机、录音或麦克风权限。");
        assert!(!collected(&lexicon, &x).iter().any(|d| d == "录音"));
    }

    #[test]
    fn kept_as_a_log_and_requested_from_the_user_is_collected() {
        assert!(surfaces("我们会自动收集您的使用情况并存储为网络日志信息。")
            .iter()
            .any(|s| s == "网络日志信息"));
        assert!(collects("我们将要求您提供您的姓名和联系地址。", "姓名"));
        assert!(collects("我们会请求您授权读取通讯录，用于查找好友。", "通讯录"));
        // What the user does reads no object: the verb after it is still read.
        assert!(surfaces("您在使用服务时提供的邮箱地址，我们会用于发送通知。")
            .iter()
            .any(|s| s.contains("邮箱地址")));
    }

    #[test]
    fn a_relative_clause_stays_with_the_data_it_qualifies() {
        let found = surfaces("我们需收集您录制的音频用于优化识别效果。");
        assert!(found.iter().any(|s| s == "录制的音频"), "{found:?}");
        let found = surfaces("我们会记录您浏览的时长。");
        assert!(found.iter().any(|s| s == "浏览的时长"), "{found:?}");
        // A noun owner makes no relative clause.
        let found = surfaces("我们可能会收集您耳机的此类信息。");
        assert!(!found.iter().any(|s| s.contains("耳机的")), "{found:?}");
    }

    #[test]
    fn members_a_sentence_spells_out_are_collected_with_their_term() {
        let (lexicon, x) = run("我们会收集您的行为信息，行为信息包括您的浏览记录、点赞、关注、收藏及分享。");
        let data = collected(&lexicon, &x);
        for member in ["点赞", "关注", "收藏", "分享"] {
            assert!(data.iter().any(|d| d == member), "{member} in {data:?}");
        }
        assert!(collects(
            "我们会收集包括姓名、证件号码在内的乘客信息。",
            "乘客信息"
        ));
        // A party that runs the device, listed among data, names data about it.
        assert!(collects(
            "我们会收集您的IP地址、电信运营商、网络类型。",
            "电信运营商"
        ));
    }

    #[test]
    fn a_cookie_the_operator_places_is_collected() {
        assert!(collects(
            "我们会在您的设备上存储名为Cookie的小数据文件。",
            "Cookie"
        ));
        assert!(collects(
            "我们可能通过放置安全的Cookie及相关技术收集您的信息。",
            "Cookie"
        ));
        assert!(!collects("您可以通过浏览器设置管理Cookie。", "Cookie"));
        assert!(!collects("我们不会在您的设备上存储Cookie。", "Cookie"));
    }

    #[test]
    fn a_label_or_heading_naming_a_data_item_in_the_part_on_collection_is_collected() {
        let text = "一、我们如何收集您的个人信息\n1. 设备信息\n例如，设备型号、操作系统版本。\n（1）位置信息：我们会收集您的经纬度。\n";
        let (lexicon, x) = run(text);
        let data = collected(&lexicon, &x);
        assert!(data.iter().any(|d| d == "个人常用设备信息"), "{data:?}");
        assert!(data.iter().any(|d| d == "个人位置信息"), "{data:?}");
    }
}
