//! End to end: the five example policies built into a store, then queried, exported,
//! drawn and scored, through the library and through the `policykg` command.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;
use policykg::export::{export, ExportFormat};
use policykg::pipeline::{build, BuildOptions};
use policykg::query::{find_canned, run};
use policykg::store::StoreDir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("policykg-e2e-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The five examples, built once for all tests of this file.
fn examples() -> &'static (StoreDir, Store) {
    static STORE: OnceLock<(StoreDir, Store)> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = StoreDir::new(temp_dir("examples").join("store"));
        let summary = build(&dir, &[fixtures().join("policies")], &BuildOptions::default()).unwrap();
        assert_eq!(summary.built, 5, "{:?}", summary.outcomes);
        let store = dir.load().unwrap();
        (dir, store)
    })
}

fn select(store: &Store, query: &str, params: &[(&str, &str)]) -> Vec<Vec<String>> {
    let params: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    run(store, query, &params).unwrap().rows_as_strings()
}

#[test]
fn quanmin_k_ge_lianmai_requires_the_microphone() {
    let (_, store) = examples();
    let rows = select(
        store,
        "SELECT DISTINCT ?perm WHERE { GRAPH ?g {
           ?g pk:product/rdfs:label ?app .
           ?f a pk:Feature ; rdfs:label ?feature ; pk:requiresPermission ?p . }
           ?p rdfs:label ?perm . }",
        &[("app", "全民K歌"), ("feature", "连麦")],
    );
    let perms: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert!(
        perms.iter().any(|p| p.contains("麦克风")),
        "连麦 permissions: {perms:?}"
    );
}

#[test]
fn my_music_shares_device_identifiers_with_umeng() {
    let (_, store) = examples();
    let rows = select(
        store,
        "SELECT DISTINCT ?data WHERE { GRAPH ?g {
           ?g pk:product/rdfs:label ?app .
           ?d pk:sharedWith ?t . }
           ?d rdfs:label ?data . ?t rdfs:label ?party . }",
        &[("app", "我的音乐"), ("party", "友盟")],
    );
    let data: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert!(
        data.iter().any(|d| d.contains("IMEI")),
        "shared with 友盟: {data:?}"
    );
    assert!(
        data.iter().any(|d| d.contains("Android ID")),
        "shared with 友盟: {data:?}"
    );
}

#[test]
fn every_fact_carries_its_sentence_with_exact_offsets() {
    let (_, store) = examples();
    let rows = select(
        store,
        "SELECT ?file ?text ?start ?end WHERE { GRAPH ?g {
           ?g pk:sourceFile ?file . ?p pk:evidence ?e . ?e pk:text ?text ; pk:start ?start ; pk:end ?end } }",
        &[],
    );
    assert!(rows.len() > 100);
    for row in rows {
        let policy = std::fs::read_to_string(fixtures().join("policies").join(&row[0])).unwrap();
        let decoded = policykg::decode::decode(policy.as_bytes(), None).unwrap().text;
        let chars: Vec<char> = decoded.chars().collect();
        let (start, end): (usize, usize) = (row[2].parse().unwrap(), row[3].parse().unwrap());
        let quoted: String = chars[start..end].iter().collect();
        assert_eq!(quoted, row[1]);
    }
}

#[test]
fn negated_practices_never_become_collection_edges() {
    let (_, store) = examples();
    // Every data item of a negated practice is either not collected at all, or collected
    // by an affirmative practice of its own: negation alone never makes an edge.
    let rows = select(
        store,
        "SELECT ?d WHERE { GRAPH ?g {
           ?x pk:collects ?d .
           FILTER NOT EXISTS { ?p pk:data ?d . FILTER NOT EXISTS { ?p pk:negated true } } } }",
        &[],
    );
    assert!(
        rows.is_empty(),
        "collection edges without an affirmative practice: {rows:?}"
    );
    let negated = select(store, "SELECT ?p WHERE { GRAPH ?g { ?p pk:negated true } }", &[]);
    assert!(
        !negated.is_empty(),
        "the examples state things they do not collect"
    );
    // A denial is typed apart, so that queries select affirmative practices by class.
    let mistyped = select(
        store,
        "SELECT ?p WHERE { GRAPH ?g {
           { ?p pk:negated true . FILTER NOT EXISTS { ?p a ?c . FILTER(?c IN (pk:NonCollection, pk:NonSharing)) } }
           UNION { ?p pk:negated true ; a ?c . FILTER(?c IN (pk:Collection, pk:Sharing)) }
           UNION { ?p a ?c . FILTER(?c IN (pk:NonCollection, pk:NonSharing)) FILTER NOT EXISTS { ?p pk:negated true } } } }",
        &[],
    );
    assert!(mistyped.is_empty(), "denials typed as practices: {mistyped:?}");
}

#[test]
fn a_policy_that_only_denies_collection_has_no_collection_edge() {
    let dir = temp_dir("negation");
    let text = format!(
        "示例应用隐私政策\n{}\n我们不会收集您的通讯录信息。该权限将在您设备本地使用，并不收集任何数据。我们仅在设备本地完成相关动作并不收集您的位置信息。",
        "本政策说明我们如何处理您的个人信息。".repeat(20)
    );
    std::fs::write(dir.join("deny.txt"), text).unwrap();
    let store_dir = StoreDir::new(dir.join("store"));
    build(&store_dir, &[dir.join("deny.txt")], &BuildOptions::default()).unwrap();
    let store = store_dir.load().unwrap();
    assert!(select(&store, "SELECT ?d WHERE { ?x pk:collects ?d }", &[]).is_empty());
    let denied = select(
        &store,
        "SELECT ?l WHERE { ?p pk:negated true ; pk:data/rdfs:label ?l }",
        &[],
    );
    let denied: Vec<&str> = denied.iter().map(|r| r[0].as_str()).collect();
    assert!(denied.iter().any(|d| d.contains("通讯录")), "{denied:?}");
    assert!(denied.iter().any(|d| d.contains("位置")), "{denied:?}");
}

#[test]
fn gb18030_input_gives_the_same_graph_as_utf8() {
    let dir = temp_dir("gb18030");
    let utf8 = std::fs::read_to_string(fixtures().join("policies/000_c5dd11ff98cff521.txt")).unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&utf8);
    assert!(!unmappable);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a/p.txt"), utf8.as_bytes()).unwrap();
    std::fs::write(dir.join("b/p.txt"), &gb).unwrap();
    let count = |sub: &str| {
        let store = StoreDir::new(dir.join(format!("store-{sub}")));
        let summary = build(&store, &[dir.join(sub)], &BuildOptions::default()).unwrap();
        assert_eq!(summary.built, 1);
        let rows = select(
            &store.load().unwrap(),
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s pk:collects ?o } }",
            &[],
        );
        (summary.quads, rows[0][0].clone())
    };
    assert_eq!(count("a"), count("b"));
}

#[test]
fn rebuilding_replaces_instead_of_duplicating() {
    let dir = temp_dir("rebuild");
    let store_dir = StoreDir::new(dir.join("store"));
    let inputs = [fixtures().join("policies")];
    let first = build(&store_dir, &inputs, &BuildOptions::default()).unwrap();
    let len_first = store_dir.load().unwrap().len().unwrap();
    let unchanged = build(&store_dir, &inputs, &BuildOptions::default()).unwrap();
    assert_eq!(unchanged.built, 0, "unchanged files are skipped by content hash");
    assert_eq!(unchanged.skipped.get("unchanged"), Some(&5));
    // A graph another extractor wrote is stale though its policy is not.
    let mut manifest = store_dir.manifest().unwrap();
    let (_, entry) = manifest.policies.iter_mut().next().unwrap();
    assert_eq!(entry.extractor, policykg::EXTRACTOR_FINGERPRINT);
    entry.extractor = "an older extractor".into();
    store_dir.save_manifest(&manifest).unwrap();
    let stale = build(&store_dir, &inputs, &BuildOptions::default()).unwrap();
    assert_eq!(stale.built, 1, "a graph of another extractor is rebuilt");
    assert_eq!(store_dir.load().unwrap().len().unwrap(), len_first);
    let forced = build(
        &store_dir,
        &inputs,
        &BuildOptions {
            force: true,
            ..BuildOptions::default()
        },
    )
    .unwrap();
    assert_eq!(forced.built, 5);
    assert_eq!(forced.quads, first.quads);
    assert_eq!(store_dir.load().unwrap().len().unwrap(), len_first);
}

#[test]
fn nquads_export_parses_back_to_the_same_store() {
    let (_, store) = examples();
    let mut out = Vec::new();
    export(store, ExportFormat::Nquads, None, &mut out).unwrap();
    let quads: Vec<_> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&out)
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert_eq!(quads.len(), store.len().unwrap());
    let text = String::from_utf8(out).unwrap();
    for term in [
        "#Policy>",
        "#Company>",
        "#Product>",
        "#Feature>",
        "#Permission>",
        "#DataItem>",
        "#ThirdParty>",
        "#Collection>",
        "#Sharing>",
        "#NonCollection>",
        "#Evidence>",
        "#data>",
        "#feature>",
        "#permission>",
        "#recipient>",
        "#negated>",
        "#evidence>",
        "#text>",
        "#start>",
        "#end>",
        "#section>",
        "#collects>",
        "#requiresPermission>",
        "#grantsAccessTo>",
        "#sharedWith>",
        "#includes>",
        "#operator>",
        "#product>",
        "#hasFeature>",
        "#surface>",
        "#sourceFile>",
        "#contentHash>",
        "#androidPermission>",
    ] {
        assert!(
            text.contains(&format!("https://w3id.org/policykg{term}")),
            "export never uses pk:{term}"
        );
    }
    let mut ttl = Vec::new();
    export(store, ExportFormat::Turtle, None, &mut ttl).unwrap();
    let triples = RdfParser::from_format(RdfFormat::Turtle).for_slice(&ttl).count();
    assert!(triples > 0);
}

#[test]
fn canned_data_flow_query_answers_for_every_example_with_a_third_party() {
    let (_, store) = examples();
    let rows = run(store, find_canned("data-flows").unwrap().text, &[])
        .unwrap()
        .rows_as_strings();
    let apps: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert!(apps.contains("我的音乐"), "{apps:?}");
    assert!(apps.contains("咪咕音乐"), "{apps:?}");
    let only_one = run(
        store,
        find_canned("data-flows").unwrap().text,
        &[("app".into(), "我的音乐".into())],
    )
    .unwrap()
    .rows_as_strings();
    assert!(!only_one.is_empty() && only_one.iter().all(|r| r[0] == "我的音乐"));
}

#[test]
fn the_command_builds_queries_and_draws() {
    let dir = temp_dir("cli");
    let store = dir.join("store");
    let bin = env!("CARGO_BIN_EXE_policykg");
    let status = Command::new(bin)
        .args(["build", "--store"])
        .arg(&store)
        .arg(fixtures().join("policies"))
        .status()
        .unwrap();
    assert!(status.success());
    let out = Command::new(bin)
        .args(["query", "--store"])
        .arg(&store)
        .args(["data-flows", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("app,feature,permission,data,recipient\r\n"),
        "{csv}"
    );
    let dot = Command::new(bin)
        .args(["dot", "--store"])
        .arg(&store)
        .args(["--policy", "000_c5dd11ff98cff521"])
        .output()
        .unwrap();
    assert!(dot.status.success());
    let dot = String::from_utf8(dot.stdout).unwrap();
    assert!(dot.starts_with("digraph") && dot.contains("连麦") && dot.contains(" -> "));
    let paths = Command::new(bin)
        .args(["paths", "--store"])
        .arg(&store)
        .args(["--app", "我的音乐", "--to", "友盟"])
        .output()
        .unwrap();
    assert!(
        paths.status.success(),
        "{}",
        String::from_utf8_lossy(&paths.stderr)
    );
    let paths = String::from_utf8(paths.stdout).unwrap();
    assert!(paths.contains("─共享给→ 友盟") && paths.contains("“"), "{paths}");
    let unknown = Command::new(bin)
        .args(["paths", "--store"])
        .arg(&store)
        .args(["--app", "没有这个应用"])
        .output()
        .unwrap();
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no policy of an app named"));
    let missing = Command::new(bin)
        .args(["query", "--store"])
        .arg(dir.join("nowhere"))
        .arg("data-flows")
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no store at"));
}

#[test]
fn paths_quote_the_sentence_of_every_hop() {
    let (_, store) = examples();
    let filter = policykg::paths::PathFilter {
        data: None,
        to: Some("友盟".into()),
    };
    let found = policykg::paths::paths(store, "我的音乐", &filter).unwrap();
    let data: Vec<&str> = found
        .iter()
        .map(|p| p.hops.last().unwrap().from.label.as_str())
        .collect();
    assert!(data.contains(&"IMEI") && data.contains(&"Android ID"), "{data:?}");
    for path in &found {
        let last = path.hops.last().unwrap();
        assert_eq!(last.to.label, "友盟");
        assert!(last.evidence.iter().any(|e| e.text.contains("友盟")), "{path:?}");
        for hop in &path.hops {
            assert!(!hop.evidence.is_empty(), "a hop without its sentence: {hop:?}");
        }
    }
}

/// Graphviz must accept what `dot` writes. Skipped, with a message, where Graphviz is
/// not installed.
#[test]
fn every_example_draws_as_dot_that_graphviz_renders() {
    use std::io::Write;
    use std::process::Stdio;
    if Command::new("dot").arg("-V").output().is_err() {
        eprintln!("skipped: Graphviz `dot` is not installed (apt install graphviz to run this test)");
        return;
    }
    let (_, store) = examples();
    let mut views = Vec::new();
    for file in std::fs::read_dir(fixtures().join("policies")).unwrap() {
        let id = file
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let graph = policykg::dot::entity_graph(store, Some(&policykg::graph::policy_iri(&id))).unwrap();
        assert!(graph.node_count() > 0, "{id} draws nothing");
        views.push((id, policykg::dot::to_dot(&graph, "t")));
    }
    let all = policykg::dot::entity_graph(store, None).unwrap();
    views.push((
        "友盟".into(),
        policykg::dot::to_dot(&policykg::dot::focus(&all, "友盟"), "t"),
    ));
    for (name, dot) in views {
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"), "{name}");
    }
}
