//! The whole pipeline for one policy (decode → structure → mentions/relations → graph),
//! and the build of many policies into a store.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::decode::{decode, DecodeError, Format};
use crate::graph::{ontology_quads, GraphStats, PolicyGraph, PolicyMeta};
use crate::lexicon::Lexicon;
use crate::mentions::Segmenter;
use crate::mentions::{segment_sentences, sentence_mentions};
use crate::relations::{extract_annotated, Extraction};
use crate::store::{Manifest, PolicyEntry, StoreDir};
use crate::structure::{structure, Document};

/// The lexicon and segmenter, built once and shared by all threads.
pub struct Extractor {
    pub lexicon: Lexicon,
    pub segmenter: Segmenter,
}

impl Extractor {
    /// The extractor with the embedded ontology and lexicons.
    pub fn new() -> Result<Self> {
        let lexicon = Lexicon::embedded()?;
        let segmenter = Segmenter::new(&lexicon);
        Ok(Self { lexicon, segmenter })
    }

    /// Decodes and reads one policy.
    pub fn read(&self, bytes: &[u8], format: Option<Format>) -> Result<(Document, Extraction), Skip> {
        self.read_timed(bytes, format, &mut StageTimes::default())
    }

    /// [`Extractor::read`], adding the time each stage took to `times`.
    pub fn read_timed(
        &self,
        bytes: &[u8],
        format: Option<Format>,
        times: &mut StageTimes,
    ) -> Result<(Document, Extraction), Skip> {
        let mut clock = Instant::now();
        let mut lap = |stage: &mut Duration| {
            let now = Instant::now();
            *stage += now - clock;
            clock = now;
        };
        let decoded = decode(bytes, format).map_err(|e| match e {
            DecodeError::Empty => Skip::Empty,
            DecodeError::Undecodable => Skip::Undecodable,
        });
        lap(&mut times.decode);
        let decoded = decoded?;
        let mut doc = structure(&decoded.text, &decoded.headings);
        check_is_policy(&doc)?;
        // A terms-of-service agreement before the policy states no data practice of the
        // policy: read from the policy's title on. Offsets stay those of the whole text.
        if let Some(start) = policy_start(&doc, &self.lexicon) {
            doc.sentences.retain(|s| s.range.start >= start);
        }
        lap(&mut times.structure);
        let tokens = segment_sentences(&doc, &self.segmenter);
        lap(&mut times.segment);
        let mentions = sentence_mentions(&doc, &self.lexicon, &tokens);
        lap(&mut times.mentions);
        let extraction = extract_annotated(&doc, &tokens, mentions, &self.lexicon, &self.segmenter);
        lap(&mut times.relations);
        Ok((doc, extraction))
    }
}

/// Time spent in each stage of the pipeline, summed over the documents read.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    pub decode: Duration,
    /// Sections and sentences, and the checks that the text is a policy.
    pub structure: Duration,
    /// jieba-rs segmentation (one call per document, tokens dealt out to sentences).
    pub segment: Duration,
    pub mentions: Duration,
    pub relations: Duration,
    /// Practices to the graph's N-Quads text.
    pub graph: Duration,
}

impl StageTimes {
    /// Each stage's name and time, in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 6] {
        [
            ("decode", self.decode),
            ("structure", self.structure),
            ("segment (jieba-rs)", self.segment),
            ("mentions", self.mentions),
            ("relations", self.relations),
            ("graph", self.graph),
        ]
    }

    pub fn total(&self) -> Duration {
        self.stages().iter().map(|(_, d)| *d).sum()
    }
}

/// Why a file gave no policy graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Skip {
    Empty,
    Undecodable,
    /// A page that holds no document: a crawler's error page, a JavaScript-only shell.
    NoDocument(&'static str),
    TooShort(usize),
    NotAPolicy,
    Unchanged,
    Unreadable(String),
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Empty => write!(f, "empty file"),
            Skip::Undecodable => write!(f, "not text: undecodable bytes"),
            Skip::NoDocument(what) => write!(f, "no policy text: {what}"),
            Skip::TooShort(n) => write!(f, "too little text to be a policy ({n} characters)"),
            Skip::NotAPolicy => write!(f, "not a privacy policy (never mentions 个人信息 or 隐私)"),
            Skip::Unchanged => write!(f, "unchanged since the last build"),
            Skip::Unreadable(e) => write!(f, "cannot read: {e}"),
        }
    }
}

impl Skip {
    /// A short name for grouping in summaries.
    pub fn reason(&self) -> &'static str {
        match self {
            Skip::Empty => "empty",
            Skip::Undecodable => "undecodable",
            Skip::NoDocument(what) => what,
            Skip::TooShort(_) => "too little text",
            Skip::NotAPolicy => "not a privacy policy",
            Skip::Unchanged => "unchanged",
            Skip::Unreadable(_) => "unreadable",
        }
    }
}

/// Fewer characters than this cannot state a policy (title pages, script-only pages).
const MIN_POLICY_CHARS: usize = 300;

/// Pages that stand in for a document that was never fetched, by what they say.
const NO_DOCUMENT: &[(&str, &str)] = &[
    (
        "There are some errors when get the original page",
        "a crawler's error page",
    ),
    ("enable JavaScript", "a JavaScript-only page"),
    ("without JavaScript", "a JavaScript-only page"),
    ("JavaScript未被允许", "a JavaScript-only page"),
    ("JavaScript to run this app", "a JavaScript-only page"),
];

fn check_is_policy(doc: &Document) -> Result<(), Skip> {
    let chars = doc.text.chars().filter(|c| !c.is_whitespace()).count();
    if chars < MIN_POLICY_CHARS {
        if let Some((_, what)) = NO_DOCUMENT.iter().find(|(phrase, _)| doc.text.contains(phrase)) {
            return Err(Skip::NoDocument(what));
        }
        return Err(Skip::TooShort(chars));
    }
    if !(doc.text.contains("个人信息") || doc.text.contains("隐私")) {
        return Err(Skip::NotAPolicy);
    }
    Ok(())
}

/// Where the privacy policy starts when a terms-of-service agreement comes first: the
/// first short line titled as a policy (…隐私政策) after a line titled as an agreement
/// (…用户协议), past the first tenth of the text. A title ends with its document word,
/// and a numbered one is that word alone: `八、本用户协议法律适用及争议解决` in a table of contents,
/// `七、本隐私政策的适用及修改` or `SDK所属公司及隐私政策链接` in the body, title no
/// document.
pub fn policy_start(doc: &Document, lexicon: &Lexicon) -> Option<usize> {
    let cues = &lexicon.cues;
    let is_title = |line: &str| line.chars().count() <= 40 && !line.contains(['。', '，', '；']);
    let mut agreement_seen = false;
    let mut offset = 0;
    for line in doc.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let title = line.trim().trim_matches(['《', '》', '“', '”', '#', '*', ' ']);
        if !is_title(title) {
            continue;
        }
        // A numbered line titles a part only with the document word alone (`一.用户协议`,
        // `二.隐私协议`); else it heads a section (`七、未成年人使用条款`, `8. 访问隐私声明`).
        let unnumbered = crate::structure::strip_numbering(title).trim_start();
        let numbered = unnumbered.len() != title.len();
        if numbered && !(cues.agreement_title.contains(unnumbered) || cues.policy_title.contains(unnumbered))
        {
            continue;
        }
        let title = unnumbered;
        // `隐私政策（2021年版）`: an edition after the title word.
        let title = match title.rfind(['（', '(']) {
            Some(open) if title.ends_with(['）', ')']) && open > 0 => title[..open].trim_end(),
            _ => title,
        };
        let title = title.trim_end_matches(['》', '”']);
        if cues.agreement_title.suffix_of(title).is_some() && cues.policy_title.find_in(title).is_none() {
            agreement_seen = true;
        } else if agreement_seen
            && cues.policy_title.suffix_of(title).is_some()
            && start * 10 > doc.text.len()
        {
            return Some(start);
        }
    }
    None
}

/// Reads one policy file and builds its graph.
pub fn policy_graph(
    extractor: &Extractor,
    meta: &PolicyMeta,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<PolicyGraph, Skip> {
    policy_graph_timed(extractor, meta, bytes, format, &mut StageTimes::default())
}

/// [`policy_graph`], adding the time each stage took to `times`.
pub fn policy_graph_timed(
    extractor: &Extractor,
    meta: &PolicyMeta,
    bytes: &[u8],
    format: Option<Format>,
    times: &mut StageTimes,
) -> Result<PolicyGraph, Skip> {
    let (doc, extraction) = extractor.read_timed(bytes, format, times)?;
    let started = Instant::now();
    let graph = crate::graph::policy_graph(meta, &doc, &extraction, &extractor.lexicon);
    times.graph += started.elapsed();
    Ok(graph)
}

/// The format a file's extension announces; `None` lets the decoder sniff.
pub fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" => Some(Format::Html),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// Files to build: the given files, and below given directories every .txt, .md and
/// .html file, sorted so that ids and output are the same on every run.
pub fn input_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files).with_context(|| format!("cannot list {}", path.display()))?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            anyhow::bail!("no such file or directory: {}", path.display());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "markdown" | "html" | "htm"
            )
        }) {
            files.push(path);
        }
    }
    Ok(())
}

/// Policy ids from file stems; a stem seen twice gets a suffix from its path, so ids
/// are unique and do not depend on the order of processing.
pub fn policy_ids(files: &[PathBuf]) -> Vec<String> {
    let stem = |p: &PathBuf| {
        let s = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for f in files {
        *counts.entry(stem(f)).or_default() += 1;
    }
    files
        .iter()
        .map(|f| {
            let s = stem(f);
            if counts[&s] > 1 {
                let digest = Sha256::digest(f.to_string_lossy().as_bytes());
                format!("{s}~{}", hex(&digest[..4]))
            } else {
                s
            }
        })
        .collect()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Options of a build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Rebuild files whose content has not changed.
    pub force: bool,
    /// Show a progress bar.
    pub progress: bool,
}

/// The outcome of one file.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    pub path: PathBuf,
    pub id: String,
    pub result: Result<GraphStats, Skip>,
    pub bytes: usize,
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    pub files: usize,
    pub built: usize,
    pub quads: usize,
    pub bytes: usize,
    pub skipped: BTreeMap<&'static str, usize>,
    pub elapsed: Duration,
    pub outcomes: Vec<FileOutcome>,
}

/// Builds the graphs of `paths` into `store`. A file that cannot be read is reported
/// and the build goes on; only a store that cannot be written stops it.
pub fn build(store: &StoreDir, paths: &[PathBuf], options: &BuildOptions) -> Result<BuildSummary> {
    let started = Instant::now();
    let files = input_files(paths)?;
    let ids = policy_ids(&files);
    let _lock = store.lock()?;
    store.remove_stale_temporaries()?;
    let extractor = Extractor::new()?;
    store.write_ontology(&ontology_quads(&extractor.lexicon)?)?;
    let manifest = Mutex::new(store.manifest()?);
    manifest.lock().expect("manifest lock").tool_version = env!("CARGO_PKG_VERSION").to_owned();

    let bar = progress_bar(files.len() as u64, options.progress);
    let since_save = Mutex::new(Instant::now());
    let outcomes: Vec<Result<FileOutcome>> = files
        .par_iter()
        .zip(ids.par_iter())
        .map(|(path, id)| {
            let outcome = build_one(store, &extractor, &manifest, path, id, options);
            bar.inc(1);
            // Save the index now and then, so an interrupted build skips finished files.
            // A save syncs the file system: the other threads go on building meanwhile
            // instead of queueing for the lock.
            if let Ok(mut last) = since_save.try_lock() {
                if last.elapsed() > Duration::from_secs(5) {
                    let snapshot = manifest.lock().expect("manifest lock").clone();
                    store.save_manifest(&snapshot)?;
                    *last = Instant::now();
                }
            }
            outcome
        })
        .collect();
    bar.finish_and_clear();
    store.save_manifest(&manifest.into_inner().expect("manifest lock"))?;

    let mut summary = BuildSummary {
        files: files.len(),
        ..BuildSummary::default()
    };
    for outcome in outcomes {
        let outcome = outcome?;
        summary.bytes += outcome.bytes;
        match &outcome.result {
            Ok(stats) => {
                summary.built += 1;
                summary.quads += stats.quads;
            }
            Err(skip) => *summary.skipped.entry(skip.reason()).or_default() += 1,
        }
        summary.outcomes.push(outcome);
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn build_one(
    store: &StoreDir,
    extractor: &Extractor,
    manifest: &Mutex<Manifest>,
    path: &Path,
    id: &str,
    options: &BuildOptions,
) -> Result<FileOutcome> {
    let outcome = |result, bytes| FileOutcome {
        path: path.to_owned(),
        id: id.to_owned(),
        result,
        bytes,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Ok(outcome(Err(Skip::Unreadable(e.to_string())), 0)),
    };
    let content_hash = format!("sha256:{}", hex(&Sha256::digest(&bytes)));
    let source_file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unchanged = manifest
        .lock()
        .expect("manifest lock")
        .policies
        .get(id)
        .is_some_and(|e| e.content_hash == content_hash && e.extractor == crate::EXTRACTOR_FINGERPRINT);
    if unchanged && !options.force && store.graph_path(id).exists() {
        return Ok(outcome(Err(Skip::Unchanged), bytes.len()));
    }
    let meta = PolicyMeta {
        id: id.to_owned(),
        source_file: source_file.clone(),
        content_hash: content_hash.clone(),
    };
    // The extractor must never take the build down: a panic on one file is that
    // file's failure.
    let result = std::panic::catch_unwind(|| policy_graph(extractor, &meta, &bytes, format_of(path)))
        .unwrap_or_else(|_| Err(Skip::Unreadable("internal error while reading this file".into())));
    match &result {
        Ok(graph) => {
            store.write_graph(id, &graph.nquads)?;
            manifest.lock().expect("manifest lock").policies.insert(
                id.to_owned(),
                PolicyEntry {
                    source_file,
                    content_hash,
                    extractor: crate::EXTRACTOR_FINGERPRINT.to_owned(),
                    stats: graph.stats,
                },
            );
        }
        Err(Skip::Unchanged) => {}
        Err(_) => {
            // A file that no longer gives a policy must not leave its old graph behind.
            store.remove_graph(id)?;
            manifest.lock().expect("manifest lock").policies.remove(id);
        }
    }
    Ok(outcome(result.map(|graph| graph.stats), bytes.len()))
}

fn progress_bar(len: u64, visible: bool) -> indicatif::ProgressBar {
    if !visible {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} policies ({eta})",
        )
        .expect("valid template"),
    );
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_stems_get_distinct_stable_ids() {
        let files = vec![
            PathBuf::from("a/x.txt"),
            PathBuf::from("b/x.txt"),
            PathBuf::from("b/y.txt"),
        ];
        let ids = policy_ids(&files);
        assert_eq!(ids[2], "y");
        assert_ne!(ids[0], ids[1]);
        assert!(ids[0].starts_with("x~"));
        assert_eq!(ids, policy_ids(&files));
    }

    #[test]
    fn a_policy_after_a_user_agreement_is_read_from_its_title() {
        let extractor = Extractor::new().unwrap();
        let agreement = "本协议约定您使用本服务的权利义务。".repeat(30);
        let text = format!(
            "示例用户协议\n{agreement}\n我们会收集您的通讯录信息以便邀请好友。\n示例隐私政策\n{}\n我们会收集您的设备型号。",
            "本政策说明我们如何处理您的个人信息。".repeat(10)
        );
        let (doc, extraction) = extractor.read(text.as_bytes(), None).unwrap();
        let start = policy_start(&doc, &extractor.lexicon).expect("the policy part is found");
        assert!(doc.text[start..].starts_with("示例隐私政策"));
        let collected: Vec<&str> = extraction
            .practices
            .iter()
            .flat_map(|p| p.data.iter().map(|t| t.surface.as_str()))
            .collect();
        assert!(collected.contains(&"设备型号"), "{collected:?}");
        assert!(
            !collected.iter().any(|d| d.contains("通讯录")),
            "read the agreement: {collected:?}"
        );
    }

    #[test]
    fn sections_named_after_documents_start_no_policy() {
        let extractor = Extractor::new().unwrap();
        let body = "本政策说明我们如何处理您的个人信息。".repeat(20);
        // A table of contents naming the agreement's law, then sections of the policy's
        // own body: the whole text is the policy.
        let text = format!(
            "示例用户协议与隐私政策\n一、个人信息的收集\n七、未成年人使用条款\n八、本用户协议法律适用及争议解决\n\
             {body}\n七、本隐私政策的适用及修改\n{body}\n8. 访问隐私声明\n{body}"
        );
        let (doc, _) = extractor.read(text.as_bytes(), None).unwrap();
        assert_eq!(policy_start(&doc, &extractor.lexicon), None);
        // Numbered parts that are the documents themselves still divide them.
        let text = format!("“示例”用户协议和隐私条款\n一.用户协议\n{body}\n{body}\n二.隐私协议\n{body}");
        let (doc, _) = extractor.read(text.as_bytes(), None).unwrap();
        let start = policy_start(&doc, &extractor.lexicon).expect("the policy part is found");
        assert!(
            doc.text[start..].starts_with("二.隐私协议"),
            "{}",
            &doc.text[start..]
        );
    }

    #[test]
    fn pages_without_a_document_say_what_they_are() {
        let extractor = Extractor::new().unwrap();
        let js = extractor
            .read(b"You need to enable JavaScript to run this app.", None)
            .unwrap_err();
        assert_eq!(js, Skip::NoDocument("a JavaScript-only page"));
        assert_eq!(js.to_string(), "no policy text: a JavaScript-only page");
    }

    #[test]
    fn short_and_unrelated_texts_are_not_policies() {
        let extractor = Extractor::new().unwrap();
        let short = extractor.read("隐私政策".as_bytes(), None).unwrap_err();
        assert!(matches!(short, Skip::TooShort(_)));
        let unrelated = "今天天气很好，我们去公园散步吧。".repeat(40);
        assert_eq!(
            extractor.read(unrelated.as_bytes(), None).unwrap_err(),
            Skip::NotAPolicy
        );
        assert_eq!(extractor.read(b"   \n ", None).unwrap_err(), Skip::Empty);
    }
}
