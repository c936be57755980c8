//! `policykg serve` over real HTTP, queried by real SPARQL clients: curl with the
//! protocol's standard headers and, where it is installed, Python's SPARQLWrapper.
//! Each client is skipped with a message when it is not installed.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use policykg::pipeline::{build, BuildOptions};
use policykg::store::StoreDir;

/// The server process, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// Builds the examples and starts `policykg serve` on a free port; returns the server
/// and its /sparql address.
fn start() -> (Server, String) {
    let dir = std::env::temp_dir().join(format!("policykg-endpoint-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let store = StoreDir::new(dir.join("store"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policies");
    build(&store, &[fixtures], &BuildOptions::default()).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_policykg"))
        .args(["serve", "--bind", "127.0.0.1:0", "--timeout", "20", "--store"])
        .arg(store.root())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The first line says where it listens: "… SPARQL endpoint at http://ADDR/sparql, …".
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let server = Server(child);
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://") && w.contains("/sparql"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches(',')
        .to_owned();
    (server, url)
}

fn installed(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

const SHARED_WITH_UMENG: &str = "PREFIX pk: <https://w3id.org/policykg#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?data WHERE {
  GRAPH ?g { ?g pk:product/rdfs:label \"我的音乐\" . ?item pk:sharedWith/rdfs:label \"友盟\" ; rdfs:label ?data . }
} ORDER BY ?data";

#[test]
fn curl_and_sparqlwrapper_query_the_endpoint() {
    if !installed("curl", &["--version"]) {
        eprintln!("skipped: curl is not installed");
        return;
    }
    let (_server, url) = start();
    let curl = |args: &[&str]| {
        let out = Command::new("curl")
            .args(["-s", "-S", "-w", "\n%{http_code}"])
            .args(args)
            .arg(&url)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "curl failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let (body, status) = text.rsplit_once('\n').unwrap();
        (status.to_owned(), body.to_owned())
    };

    // GET, JSON results.
    let query = format!("query={SHARED_WITH_UMENG}");
    let (status, body) = curl(&[
        "-G",
        "-H",
        "Accept: application/sparql-results+json",
        "--data-urlencode",
        &query,
    ]);
    assert_eq!(status, "200", "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let data: Vec<&str> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["data"]["value"].as_str().unwrap())
        .collect();
    assert!(data.contains(&"IMEI") && data.contains(&"Android ID"), "{data:?}");

    // POST the query directly, CSV results.
    let post_csv = || {
        curl(&[
            "-H",
            "Content-Type: application/sparql-query",
            "-H",
            "Accept: text/csv",
            "--data-binary",
            SHARED_WITH_UMENG,
        ])
    };
    let (status, csv) = post_csv();
    assert_eq!(status, "200");
    assert!(csv.starts_with("data\r\n") && csv.contains("IMEI\r\n"), "{csv}");

    // POST an update: refused, and the data is still there.
    let (status, _) = curl(&[
        "-H",
        "Content-Type: application/sparql-update",
        "--data-binary",
        "DROP ALL",
    ]);
    assert_eq!(status, "403");
    assert_eq!(post_csv(), ("200".to_owned(), csv));

    if !installed("python3", &["-c", "import SPARQLWrapper"]) {
        eprintln!("skipped the SPARQLWrapper client: pip install SPARQLWrapper to run it");
        return;
    }
    let script = format!(
        "from SPARQLWrapper import SPARQLWrapper, JSON, POST\n\
         for method in ('GET', POST):\n\
         \x20   s = SPARQLWrapper({url:?})\n\
         \x20   s.setMethod(method)\n\
         \x20   s.setQuery({SHARED_WITH_UMENG:?})\n\
         \x20   s.setReturnFormat(JSON)\n\
         \x20   r = s.query().convert()\n\
         \x20   print(','.join(b['data']['value'] for b in r['results']['bindings']))\n"
    );
    let out = Command::new("python3").args(["-c", &script]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        data.join(","),
        "SPARQLWrapper by GET sees what curl saw"
    );
    assert_eq!(lines[1], lines[0], "and so by POST");
}
