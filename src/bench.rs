//! The benchmark behind `policykg bench`: the full build of a corpus against bare jieba-rs
//! segmentation of the same decoded text, in one process, then opening the store and
//! answering each canned query.
//!
//! Bare segmentation is the floor any jieba-based pipeline pays, so the ratio of the two
//! says what the rest of the pipeline costs, independent of the machine.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use jieba_rs::Jieba;

use crate::decode::decode;
use crate::graph::PolicyMeta;
use crate::pipeline::{
    build, format_of, input_files, policy_graph_timed, policy_ids, BuildOptions, BuildSummary, Extractor,
    StageTimes,
};
use crate::query::{canned, run, run_canned};
use crate::store::StoreDir;

/// What one benchmark run measured.
#[derive(Debug, Clone)]
pub struct BenchReport {
    pub files: usize,
    pub policies: usize,
    pub quads: usize,
    /// Bytes read from the input files.
    pub input_bytes: usize,
    /// Bytes of decoded text (UTF-8) that segmentation saw.
    pub decoded_bytes: usize,
    pub build_secs: f64,
    pub build_peak_rss_bytes: Option<u64>,
    pub threads: usize,
    pub segment_secs: f64,
    /// The pipeline's time per stage on one thread, over the same files.
    pub stages: StageTimes,
    pub open_secs: f64,
    pub open_rss_bytes: Option<u64>,
    pub store_quads: usize,
    /// (query name, parameters or "all", milliseconds, rows).
    pub queries: Vec<(String, String, f64, usize)>,
    pub skipped: Vec<(&'static str, usize)>,
}

impl BenchReport {
    /// Build time over bare segmentation time.
    pub fn ratio(&self) -> f64 {
        self.build_secs / self.segment_secs.max(1e-9)
    }

    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mb = |b: usize| b as f64 / 1e6;
        let mib = |b: Option<u64>| b.map_or("n/a".to_owned(), |b| format!("{:.0} MiB", b as f64 / 1048576.0));
        let mut out = String::new();
        writeln!(
            out,
            "input: {} files, {:.1} MB ({:.1} MB decoded text)",
            self.files,
            mb(self.input_bytes),
            mb(self.decoded_bytes)
        )
        .unwrap();
        writeln!(
            out,
            "build: {:.2} s on {} threads: {:.2} MB/s, {:.0} files/s, {:.0} policies/s; {} policies, {} quads; peak RSS {}",
            self.build_secs,
            self.threads,
            mb(self.input_bytes) / self.build_secs,
            self.files as f64 / self.build_secs,
            self.policies as f64 / self.build_secs,
            self.policies,
            self.quads,
            mib(self.build_peak_rss_bytes)
        )
        .unwrap();
        let skipped: Vec<String> = self.skipped.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        writeln!(out, "skipped: {}", skipped.join(", ")).unwrap();
        writeln!(
            out,
            "bare jieba-rs segmentation of the same decoded text, one thread: {:.2} s ({:.2} MB/s)",
            self.segment_secs,
            mb(self.decoded_bytes) / self.segment_secs
        )
        .unwrap();
        writeln!(out, "ratio build / bare segmentation: {:.2}", self.ratio()).unwrap();
        let total = self.stages.total().as_secs_f64();
        writeln!(
            out,
            "the pipeline stage by stage on one thread (no file I/O): {total:.2} s, {:.2} × bare segmentation",
            total / self.segment_secs.max(1e-9)
        )
        .unwrap();
        for (stage, time) in self.stages.stages() {
            let secs = time.as_secs_f64();
            writeln!(
                out,
                "  {stage:<20} {secs:>7.2} s  {:>5.1} %",
                100.0 * secs / total.max(1e-9)
            )
            .unwrap();
        }
        writeln!(
            out,
            "open store: {:.2} s, {} quads, resident {}",
            self.open_secs,
            self.store_quads,
            mib(self.open_rss_bytes)
        )
        .unwrap();
        for (name, params, ms, rows) in &self.queries {
            writeln!(out, "query {name:<20} {ms:>8.1} ms  {rows:>6} rows  {params}").unwrap();
        }
        out
    }
}

/// Runs the benchmark over `paths`, building into `store` (rebuilt from scratch).
pub fn bench(paths: &[PathBuf], store: &Path) -> Result<BenchReport> {
    std::fs::remove_dir_all(store).ok();
    let dir = StoreDir::new(store);

    // 1. The full build, first, so the peak memory it reports is its own.
    let started = Instant::now();
    let summary: BuildSummary = build(&dir, paths, &BuildOptions::default())?;
    let build_secs = started.elapsed().as_secs_f64();
    let build_peak_rss_bytes = proc_status_bytes("VmHWM");

    // 2. Bare segmentation of the same decoded text, on one thread; decoding untimed.
    let jieba = Jieba::new();
    let mut segment_secs = 0.0;
    let mut decoded_bytes = 0;
    let mut tokens = 0usize;
    for file in input_files(paths)? {
        let Ok(bytes) = std::fs::read(&file) else { continue };
        let Ok(decoded) = decode(&bytes, format_of(&file)) else {
            continue;
        };
        decoded_bytes += decoded.text.len();
        let t = Instant::now();
        tokens += jieba.cut(&decoded.text, true).len();
        segment_secs += t.elapsed().as_secs_f64();
    }
    std::hint::black_box(tokens);

    // 3. Where the time goes: the pipeline again on one thread, stage by stage.
    let stages = stage_times(paths)?;

    // 4. Opening the store, and each canned query over it.
    let t = Instant::now();
    let db = dir.load()?;
    let open_secs = t.elapsed().as_secs_f64();
    let open_rss_bytes = proc_status_bytes("VmRSS");
    let store_quads = db.len()?;
    // Each canned query twice: over the whole corpus unbound, and bound as its header's
    // example binds it, with the example's apps replaced by the corpus's largest.
    let apps = largest_apps(&db)?;
    let mut queries = Vec::new();
    for q in canned() {
        // Without its required parameters a query asks nothing: no unbound run.
        if q.required_params().next().is_none() {
            let t = Instant::now();
            let rows = run(&db, q.text, &[])?.len();
            queries.push((
                q.name.to_owned(),
                "all".to_owned(),
                t.elapsed().as_secs_f64() * 1e3,
                rows,
            ));
        }
        let mut params = q.example_params();
        let mut next_app = apps.iter();
        for (name, value) in &mut params {
            if q.scope_params().any(|s| s == name) {
                if let Some(app) = next_app.next() {
                    *value = app.clone();
                }
            }
        }
        if params.is_empty() {
            continue;
        }
        let binding: Vec<String> = params.iter().map(|(n, v)| format!("{n}={v}")).collect();
        let t = Instant::now();
        let rows = run_canned(&db, &q, &params)?.len();
        queries.push((
            q.name.to_owned(),
            binding.join(" "),
            t.elapsed().as_secs_f64() * 1e3,
            rows,
        ));
    }

    Ok(BenchReport {
        files: summary.files,
        policies: summary.built,
        quads: summary.quads,
        input_bytes: summary.bytes,
        decoded_bytes,
        build_secs,
        build_peak_rss_bytes,
        threads: rayon::current_num_threads(),
        segment_secs,
        stages,
        open_secs,
        open_rss_bytes,
        store_quads,
        queries,
        skipped: summary.skipped.into_iter().collect(),
    })
}

/// Each stage's time over the policies of `paths`, read one after another on this thread
/// (graphs made in memory, not written), so stages compare without contention.
pub fn stage_times(paths: &[PathBuf]) -> Result<StageTimes> {
    let extractor = Extractor::new()?;
    let mut times = StageTimes::default();
    let files = input_files(paths)?;
    for (file, id) in files.iter().zip(policy_ids(&files)) {
        let Ok(bytes) = std::fs::read(file) else { continue };
        let meta = PolicyMeta {
            id,
            source_file: String::new(),
            content_hash: String::new(),
        };
        // A skipped file costs what it cost; there is nothing else to do with it.
        let _ = policy_graph_timed(&extractor, &meta, &bytes, format_of(file), &mut times);
    }
    Ok(times)
}

/// The labels of the two products whose policies state the most practices.
fn largest_apps(store: &oxigraph::store::Store) -> Result<Vec<String>> {
    let query = "SELECT ?app (COUNT(?x) AS ?n) WHERE { GRAPH ?g { ?g pk:product/rdfs:label ?app . \
                 ?x pk:evidence ?e } } GROUP BY ?app ORDER BY DESC(?n) ?app LIMIT 2";
    Ok(run(store, query, &[])?
        .rows_as_strings()
        .into_iter()
        .filter_map(|row| row.into_iter().next())
        .collect())
}

/// A memory figure of this process from /proc/self/status (Linux), in bytes.
pub fn proc_status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
