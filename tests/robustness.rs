//! Robustness: whatever the bytes, the pipeline gives a graph or a reason, never a panic;
//! a build killed mid-run leaves a consistent store that a rebuild completes; queries run
//! while a build writes either answer or fail with a message.
//!
//! The property test is bounded for CI; set POLICYKG_FUZZ_ITERATIONS for a longer run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfParser};
use policykg::decode::Format;
use policykg::graph::{policy_graph, PolicyMeta};
use policykg::pipeline::Extractor;

/// xorshift64*: a dependency-free, reproducible stream of pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Fragments that make random text look like a policy, so the rules actually fire.
const FRAGMENTS: &[&str] = &[
    "我们会收集",
    "您的",
    "设备型号",
    "、",
    "和",
    "及",
    "（",
    "）",
    "(",
    ")",
    "，",
    "。",
    "；",
    "：",
    "当您使用",
    "功能时",
    "不会",
    "共享",
    "向",
    "友盟",
    "SDK",
    "此SDK将收集",
    "IMEI",
    "等",
    "信息",
    "包括",
    "权限",
    "麦克风",
    "需要您提供",
    "的",
    "“",
    "”",
    "\n",
    "1.",
    "一、",
    "（一）",
    "第三方",
    "隐私政策",
    "个人信息",
    "以下简称“我们”",
    "有限公司",
    "提供给",
    "仅在本地",
    "并不收集",
    "《",
    "》",
    "\u{feff}",
    "\r\n",
    "<p>",
    "</p>",
    "<h2>",
    "**",
    "#",
    "|",
    "\t",
    " ",
    "�",
    "𠀀",
    "é",
    "\u{200b}",
];

fn random_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    let pieces = rng.below(400);
    for _ in 0..pieces {
        if rng.below(10) == 0 {
            // Any scalar value at all.
            let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('□');
            text.push(c);
        } else {
            text.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
        }
    }
    text
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    (0..rng.below(2000)).map(|_| rng.next() as u8).collect()
}

#[test]
fn arbitrary_input_gives_a_graph_or_a_reason() {
    let iterations: usize = std::env::var("POLICYKG_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let extractor = Extractor::new().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut graphs = 0;
    for i in 0..iterations {
        let bytes = match i % 3 {
            0 => random_bytes(&mut rng),
            _ => {
                let mut text = random_text(&mut rng);
                // Long enough to pass the length check, and say it is a policy.
                text.push_str(&"隐私政策个人信息。".repeat(40));
                if i % 3 == 2 {
                    encoding_rs::GB18030.encode(&text).0.into_owned()
                } else {
                    text.into_bytes()
                }
            }
        };
        let format = [None, Some(Format::Html), Some(Format::Markdown)][rng.below(3)];
        let Ok((doc, extraction)) = extractor.read(&bytes, format) else {
            continue;
        };
        let meta = PolicyMeta {
            id: format!("fuzz-{i}"),
            source_file: format!("fuzz-{i}.txt"),
            content_hash: "sha256:0".into(),
        };
        let graph = policy_graph(&meta, &doc, &extraction, &extractor.lexicon);
        let chars = doc.text.chars().count();
        for s in &doc.sentences {
            assert!(s.chars.start <= s.chars.end && s.chars.end <= chars);
            assert!(doc.text.is_char_boundary(s.range.start) && doc.text.is_char_boundary(s.range.end));
        }
        // The graph's N-Quads parse back, one quad a line.
        let quads = graph.quads().expect("the graph's N-Quads parse");
        assert_eq!(quads.len(), graph.stats.quads);
        assert_eq!(graph.nquads.lines().count(), graph.stats.quads);
        graphs += 1;
    }
    assert!(
        graphs > iterations / 3,
        "only {graphs} of {iterations} inputs gave a graph"
    );
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("policykg-robust-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `copies` copies of the example policies, each made distinct.
fn many_policies(dir: &Path, copies: usize) -> PathBuf {
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policies");
    let originals: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for i in 0..copies {
        for original in &originals {
            let mut text = std::fs::read_to_string(original).unwrap();
            text.push_str(&format!("\n副本{i}。"));
            let name = format!("{i:03}-{}", original.file_name().unwrap().to_string_lossy());
            std::fs::write(input.join(name), text).unwrap();
        }
    }
    input
}

fn graph_files(store: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(store.join("graphs")) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "nq"))
        .collect()
}

#[test]
fn a_build_killed_mid_run_leaves_complete_graphs_and_a_rebuild_finishes() {
    let dir = temp_dir("kill");
    let input = many_policies(&dir, 40);
    let store = dir.join("store");
    let bin = env!("CARGO_BIN_EXE_policykg");
    let mut child = Command::new(bin)
        .args(["build", "-q", "--store"])
        .arg(&store)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some graphs are written, then kill -9.
    let started = Instant::now();
    while graph_files(&store).len() < 20 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let written = graph_files(&store);
    assert!(
        written.len() < 201,
        "the build finished before it could be killed"
    );
    // Every graph file present is complete N-Quads.
    for file in &written {
        let bytes = std::fs::read(file).unwrap();
        let parsed: Result<Vec<_>, _> = RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(&bytes)
            .collect();
        assert!(
            parsed.is_ok_and(|q| !q.is_empty()),
            "{} is not a complete graph",
            file.display()
        );
    }
    // Building again takes over the dead build's lock and completes the store.
    let out = Command::new(bin)
        .args(["build", "--store"])
        .arg(&store)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(graph_files(&store).len(), 201, "200 policies and the ontology");
    let leftovers = std::fs::read_dir(store.join("graphs"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0, "temporary files of the killed build remain");
    std::fs::remove_dir_all(&dir).ok();
}

/// Rows of a CSV answer, in a stable order (ties of ORDER BY may come in any order).
fn sorted_lines(csv: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(csv).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn queries_during_a_build_answer_or_fail_cleanly() {
    let dir = temp_dir("concurrent");
    let input = many_policies(&dir, 20);
    let store = dir.join("store");
    let bin = env!("CARGO_BIN_EXE_policykg");
    // A first build so that the store exists.
    let first = Command::new(bin)
        .args(["build", "-q", "--store"])
        .arg(&store)
        .arg(&input)
        .output()
        .unwrap();
    assert!(first.status.success());
    let query = || {
        Command::new(bin)
            .args(["query", "--store"])
            .arg(&store)
            .args(["policies", "--format", "csv"])
            .output()
            .unwrap()
    };
    let complete = query();
    assert!(complete.status.success());
    let mut build = Command::new(bin)
        .args(["build", "-q", "--force", "--store"])
        .arg(&store)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut answered = 0;
    while build.try_wait().unwrap().is_none() {
        let out = query();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        if out.status.success() {
            // Graphs are replaced whole: the answer is the complete store's.
            assert_eq!(
                sorted_lines(&out.stdout),
                sorted_lines(&complete.stdout),
                "a query saw a partial store"
            );
            answered += 1;
        } else {
            assert!(stderr.starts_with("policykg: "), "{stderr}");
        }
    }
    assert!(build.wait().unwrap().success());
    assert!(answered > 0, "no query answered while the build ran");
    std::fs::remove_dir_all(&dir).ok();
}
