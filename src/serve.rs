//! `policykg serve`: the store as a read-only SPARQL 1.1 Protocol endpoint, so that
//! existing clients (YASGUI, rdflib's SPARQLWrapper, Jena's tools, curl) can query it.
//!
//! - `GET /sparql?query=…` and `POST /sparql` with `application/sparql-query` or an
//!   `application/x-www-form-urlencoded` form, as the protocol defines them, with
//!   `default-graph-uri` and `named-graph-uri`. Without them the default graph is the
//!   union of all graphs, as in `policykg query`.
//! - Results in the format the `Accept` header asks for: SPARQL results JSON, XML, CSV or
//!   TSV for SELECT and ASK; Turtle, N-Triples or RDF/XML for CONSTRUCT and DESCRIBE.
//! - Read-only: updates are refused with 403. Each query runs under a time limit and is
//!   cancelled past it (503).
//! - `GET /` is a small page with a query box and the canned queries.
//!
//! The HTTP side is a thin adapter over [`Endpoint::handle`], a plain function from a
//! request to a response, which the tests call directly.

use std::io::Read;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::query::{canned, with_prefixes};

/// The address `serve` binds to by default: this machine only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";

/// An HTTP request, reduced to what the endpoint reads.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    /// Path and query string, as sent (`/sparql?query=…`).
    pub url: String,
    pub accept: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Extra headers (e.g. `Allow` on 405).
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// A plain-text error message.
    fn error(status: u16, message: impl std::fmt::Display) -> Self {
        Response::new(status, "text/plain; charset=utf-8", format!("{message}\n"))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A store answering SPARQL, with its time limit per query.
pub struct Endpoint {
    pub store: Store,
    pub timeout: Duration,
}

/// Result formats of SELECT and ASK: media types (the first is the one sent back).
const RESULT_FORMATS: &[(&[&str], QueryResultsFormat)] = &[
    (
        &["application/sparql-results+json", "application/json"],
        QueryResultsFormat::Json,
    ),
    (
        &["application/sparql-results+xml", "application/xml", "text/xml"],
        QueryResultsFormat::Xml,
    ),
    (&["text/csv"], QueryResultsFormat::Csv),
    (&["text/tab-separated-values"], QueryResultsFormat::Tsv),
];

/// Formats of CONSTRUCT and DESCRIBE results.
const GRAPH_FORMATS: &[(&[&str], RdfFormat)] = &[
    (&["text/turtle", "application/x-turtle"], RdfFormat::Turtle),
    (&["application/n-triples", "text/plain"], RdfFormat::NTriples),
    (&["application/rdf+xml"], RdfFormat::RdfXml),
];

impl Endpoint {
    /// Answers one request.
    pub fn handle(&self, request: &Request) -> Response {
        let (path, query_string) = request.url.split_once('?').unwrap_or((&request.url, ""));
        match (request.method.as_str(), path) {
            ("GET", "/" | "/index.html") => Response::new(200, "text/html; charset=utf-8", page()),
            ("GET", "/sparql") => self.answer_form(&form_pairs(query_string), request.accept.as_deref()),
            ("POST", "/sparql") => {
                let media = request
                    .content_type
                    .as_deref()
                    .and_then(|c| c.split(';').next())
                    .map(|c| c.trim().to_ascii_lowercase())
                    .unwrap_or_default();
                let mut params = form_pairs(query_string);
                match media.as_str() {
                    "application/sparql-query" => match String::from_utf8(request.body.clone()) {
                        Ok(query) => self.answer(&query, &params, request.accept.as_deref()),
                        Err(_) => Response::error(400, "the query is not UTF-8"),
                    },
                    "application/x-www-form-urlencoded" => {
                        params.extend(form_pairs(&String::from_utf8_lossy(&request.body)));
                        self.answer_form(&params, request.accept.as_deref())
                    }
                    "application/sparql-update" => read_only(),
                    other => Response::error(
                        415,
                        format!(
                            "unsupported content type '{other}': send application/sparql-query or \
                             application/x-www-form-urlencoded"
                        ),
                    ),
                }
            }
            (_, "/sparql") => {
                let mut response = Response::error(405, "use GET or POST");
                response.headers.push(("Allow", "GET, POST".to_owned()));
                response
            }
            _ => Response::error(404, "not found: the endpoint is /sparql, the query page is /"),
        }
    }

    /// Answers protocol parameters (a URL query string or a form): `query`, or an
    /// `update`, which is refused.
    fn answer_form(&self, params: &[(String, String)], accept: Option<&str>) -> Response {
        if params.iter().any(|(k, _)| k == "update") {
            return read_only();
        }
        match param(params, "query") {
            Some(query) => self.answer(query, params, accept),
            None => Response::error(400, "missing the 'query' parameter"),
        }
    }

    /// Evaluates a query under the time limit and serializes its results as negotiated.
    fn answer(&self, query: &str, params: &[(String, String)], accept: Option<&str>) -> Response {
        let token = CancellationToken::new();
        let mut prepared = match SparqlEvaluator::new()
            .with_cancellation_token(token.clone())
            .parse_query(&with_prefixes(query))
        {
            Ok(prepared) => prepared,
            Err(e) => return Response::error(400, format!("the query is not valid SPARQL: {e}")),
        };
        let mut defaults = Vec::new();
        let mut named = Vec::new();
        for (key, value) in params {
            let list = match key.as_str() {
                "default-graph-uri" => &mut defaults,
                "named-graph-uri" => &mut named,
                _ => continue,
            };
            match NamedNode::new(value) {
                Ok(node) => list.push(node),
                Err(e) => return Response::error(400, format!("'{value}' is not an IRI: {e}")),
            }
        }
        let dataset = prepared.dataset_mut();
        if defaults.is_empty() && named.is_empty() {
            dataset.set_default_graph_as_union();
        } else {
            dataset.set_default_graph(defaults.into_iter().map(GraphName::from).collect());
            if !named.is_empty() {
                dataset.set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
            }
        }

        // The watchdog cancels the query at the deadline unless it is told it is done
        // (the sender is dropped when this function returns).
        let (done, finished) = mpsc::channel::<()>();
        let watchdog = token.clone();
        let limit = self.timeout;
        std::thread::spawn(move || {
            if finished.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout) {
                watchdog.cancel();
            }
        });
        let outcome = prepared
            .on_store(&self.store)
            .execute()
            .and_then(|results| serialize(results, accept));
        drop(done);
        match outcome {
            Ok(Some((content_type, body))) => Response::new(200, content_type, body),
            Ok(None) => Response::error(
                406,
                format!(
                    "cannot answer in '{}': results are available as {}",
                    accept.unwrap_or_default(),
                    RESULT_FORMATS
                        .iter()
                        .map(|f| f.0[0])
                        .chain(GRAPH_FORMATS.iter().map(|f| f.0[0]))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            Err(QueryEvaluationError::Cancelled) => Response::error(
                503,
                format!(
                    "the query ran longer than the time limit of {} s and was cancelled",
                    limit.as_secs_f64()
                ),
            ),
            Err(e) => Response::error(500, format!("the query failed: {e}")),
        }
    }
}

/// Serializes results in the negotiated format; None when the client accepts none.
fn serialize(
    results: QueryResults<'_>,
    accept: Option<&str>,
) -> Result<Option<(&'static str, Vec<u8>)>, QueryEvaluationError> {
    let io = |e: std::io::Error| QueryEvaluationError::Unexpected(e.into());
    let mut body = Vec::new();
    match results {
        QueryResults::Solutions(solutions) => {
            let Some((media, format)) = negotiate(accept, RESULT_FORMATS) else {
                return Ok(None);
            };
            let mut writer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(io)?;
            for solution in solutions {
                writer.serialize(&solution?).map_err(io)?;
            }
            writer.finish().map_err(io)?;
            Ok(Some((content_type(media), body)))
        }
        QueryResults::Boolean(value) => {
            let Some((media, format)) = negotiate(accept, RESULT_FORMATS) else {
                return Ok(None);
            };
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, value)
                .map_err(io)?;
            Ok(Some((content_type(media), body)))
        }
        QueryResults::Graph(triples) => {
            let Some((media, format)) = negotiate(accept, GRAPH_FORMATS) else {
                return Ok(None);
            };
            let mut writer = RdfSerializer::from_format(format).for_writer(&mut body);
            for triple in triples {
                writer.serialize_triple(&triple?).map_err(io)?;
            }
            writer.finish().map_err(io)?;
            Ok(Some((content_type(media), body)))
        }
    }
}

/// The response's content type for a canonical media type.
fn content_type(media: &'static str) -> &'static str {
    match media {
        "text/csv" => "text/csv; charset=utf-8",
        "text/tab-separated-values" => "text/tab-separated-values; charset=utf-8",
        "text/turtle" => "text/turtle; charset=utf-8",
        other => other,
    }
}

/// Content negotiation: the offer the `Accept` header prefers (by q-value, then by
/// order), the first offer when there is no header or it accepts anything.
fn negotiate<T: Copy>(accept: Option<&str>, offers: &[(&[&'static str], T)]) -> Option<(&'static str, T)> {
    let first = offers.first().map(|(media, format)| (media[0], *format));
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return first;
    };
    let mut ranges: Vec<(String, f32)> = accept
        .split(',')
        .map(|range| {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (media, q)
        })
        .filter(|(_, q)| *q > 0.0)
        .collect();
    // Stable: among equal q-values the client's order decides.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (media, _) in ranges {
        if media == "*/*" {
            return first;
        }
        for (names, format) in offers {
            let matches = match media.strip_suffix("/*") {
                // A wildcard picks by the canonical type: text/* means CSV, not text/xml.
                Some(kind) => names[0].split('/').next() == Some(kind),
                None => names.contains(&media.as_str()),
            };
            if matches {
                return Some((names[0], *format));
            }
        }
    }
    None
}

fn read_only() -> Response {
    Response::error(403, "this endpoint is read-only: SPARQL Update is not accepted")
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Decodes `application/x-www-form-urlencoded` pairs (also URL query strings).
pub fn form_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query page: a box, the canned queries, and a results table.
fn page() -> String {
    let queries: Vec<serde_json::Value> = canned()
        .iter()
        .map(|q| serde_json::json!({ "name": q.name, "summary": q.summary(), "text": q.text }))
        .collect();
    include_str!("serve.html").replace(
        "/*CANNED*/[]",
        // `</` would end the script element early: JSON allows `<\/` for it.
        &serde_json::to_string(&queries)
            .unwrap_or_else(|_| "[]".to_owned())
            .replace("</", "<\\/"),
    )
}

/// How `serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: String,
    /// Requests answered at once.
    pub threads: usize,
    /// Send `Access-Control-Allow-Origin: *`, for browser clients served from elsewhere.
    pub cors: bool,
}

/// Serves `endpoint` until the process is stopped. `ready` is called with the bound
/// address once the socket listens.
pub fn serve(endpoint: Endpoint, options: &ServeOptions, ready: impl FnOnce(&str)) -> Result<()> {
    let server = tiny_http::Server::http(&options.bind)
        .map_err(|e| anyhow!("cannot listen on {}: {e}", options.bind))?;
    let address = server
        .server_addr()
        .to_ip()
        .map_or(options.bind.clone(), |a| a.to_string());
    ready(&address);
    let server = Arc::new(server);
    let endpoint = Arc::new(endpoint);
    let workers: Vec<_> = (0..options.threads.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            let endpoint = Arc::clone(&endpoint);
            let cors = options.cors;
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    respond(&endpoint, request, cors);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().map_err(|_| anyhow!("a server thread panicked"))?;
    }
    Ok(())
}

/// Bodies larger than this are refused: a query is text, not a file upload.
const MAX_BODY: u64 = 4 << 20;

fn respond(endpoint: &Endpoint, mut request: tiny_http::Request, cors: bool) {
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_owned())
    };
    let mut ours = Request {
        method: request.method().as_str().to_ascii_uppercase(),
        url: request.url().to_owned(),
        accept: header("Accept"),
        content_type: header("Content-Type"),
        body: Vec::new(),
    };
    let response = if cors && ours.method == "OPTIONS" {
        Response::new(204, "text/plain", Vec::new())
    } else {
        match request.as_reader().take(MAX_BODY + 1).read_to_end(&mut ours.body) {
            Ok(n) if n as u64 > MAX_BODY => Response::error(413, "the request body is too large"),
            Ok(_) => endpoint.handle(&ours),
            Err(e) => Response::error(400, format!("cannot read the request: {e}")),
        }
    };
    let mut http = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    let mut headers = response.headers;
    headers.push(("Content-Type", response.content_type.to_owned()));
    if cors {
        headers.push(("Access-Control-Allow-Origin", "*".to_owned()));
        headers.push(("Access-Control-Allow-Methods", "GET, POST, OPTIONS".to_owned()));
        headers.push(("Access-Control-Allow-Headers", "Content-Type, Accept".to_owned()));
    }
    for (name, value) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            http.add_header(h);
        }
    }
    // A client that hung up is not our error.
    let _ = request.respond(http);
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, Quad};

    const G1: &str = "https://w3id.org/policykg/policy/a";
    const G2: &str = "https://w3id.org/policykg/policy/b";

    fn endpoint(timeout: Duration) -> Endpoint {
        let store = Store::new().unwrap();
        let label = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
        for (graph, name) in [(G1, "全民K歌"), (G2, "我的音乐")] {
            for n in 0..40 {
                store
                    .insert(&Quad::new(
                        NamedNode::new_unchecked(format!("{graph}/x{n}")),
                        label.clone(),
                        Literal::from(format!("{name} {n}")),
                        GraphName::NamedNode(NamedNode::new_unchecked(graph)),
                    ))
                    .unwrap();
            }
        }
        Endpoint { store, timeout }
    }

    fn get(url: &str, accept: Option<&str>) -> Request {
        Request {
            method: "GET".into(),
            url: url.into(),
            accept: accept.map(Into::into),
            ..Request::default()
        }
    }

    fn post(content_type: &str, body: &str, accept: Option<&str>) -> Request {
        Request {
            method: "POST".into(),
            url: "/sparql".into(),
            accept: accept.map(Into::into),
            content_type: Some(content_type.into()),
            body: body.as_bytes().to_vec(),
        }
    }

    const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?l }";

    #[test]
    fn answers_get_and_both_kinds_of_post() {
        let e = endpoint(Duration::from_secs(10));
        let encoded = "SELECT+(COUNT(*)+AS+%3Fn)+WHERE+%7B+%3Fs+rdfs%3Alabel+%3Fl+%7D";
        for request in [
            get(&format!("/sparql?query={encoded}"), Some("text/csv")),
            post(
                "application/x-www-form-urlencoded",
                &format!("query={encoded}"),
                Some("text/csv"),
            ),
            post("application/sparql-query; charset=utf-8", COUNT, Some("text/csv")),
        ] {
            let response = e.handle(&request);
            assert_eq!(response.status, 200, "{}", response.text());
            assert_eq!(response.content_type, "text/csv; charset=utf-8");
            assert_eq!(response.text(), "n\r\n80\r\n", "the default graph is the union");
        }
    }

    #[test]
    fn results_come_in_the_format_the_client_accepts() {
        let e = endpoint(Duration::from_secs(10));
        let ask = "ASK { ?s rdfs:label \"全民K歌 1\" }";
        let json = e.handle(&post("application/sparql-query", ask, None));
        assert_eq!(json.content_type, "application/sparql-results+json");
        let parsed: serde_json::Value = serde_json::from_slice(&json.body).unwrap();
        assert_eq!(parsed["boolean"], true);
        let xml = e.handle(&post(
            "application/sparql-query",
            COUNT,
            Some("text/csv;q=0.5, application/sparql-results+xml"),
        ));
        assert_eq!(xml.content_type, "application/sparql-results+xml");
        assert!(xml.text().contains("<sparql"), "{}", xml.text());
        let tsv = e.handle(&post(
            "application/sparql-query",
            COUNT,
            Some("text/tab-separated-values"),
        ));
        assert!(tsv.text().starts_with("?n\n"), "{}", tsv.text());
        let turtle = e.handle(&post(
            "application/sparql-query",
            "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } LIMIT 1",
            Some("text/*"),
        ));
        assert_eq!(turtle.content_type, "text/turtle; charset=utf-8");
        assert!(turtle.text().contains("rdf-schema#label"), "{}", turtle.text());
        let refused = e.handle(&post("application/sparql-query", COUNT, Some("image/png")));
        assert_eq!(refused.status, 406);
    }

    #[test]
    fn graph_parameters_choose_the_dataset() {
        let e = endpoint(Duration::from_secs(10));
        let url = format!(
            "/sparql?default-graph-uri={}",
            G1.replace(':', "%3A").replace('/', "%2F")
        );
        let mut request = post("application/sparql-query", COUNT, Some("text/csv"));
        request.url = url;
        assert_eq!(e.handle(&request).text(), "n\r\n40\r\n");
        let named = format!(
            "query={}&named-graph-uri={G2}",
            "SELECT+%3Fg+WHERE+%7B+GRAPH+%3Fg+%7B%7D+%7D"
        );
        let response = e.handle(&post(
            "application/x-www-form-urlencoded",
            &named,
            Some("text/csv"),
        ));
        assert_eq!(response.text(), format!("g\r\n{G2}\r\n"));
    }

    #[test]
    fn updates_and_other_mistakes_are_refused_with_the_right_status() {
        let e = endpoint(Duration::from_secs(10));
        let statuses: Vec<u16> = [
            post("application/sparql-update", "DROP ALL", None),
            post("application/x-www-form-urlencoded", "update=DROP+ALL", None),
            get("/sparql?update=DROP+ALL", None),
            get("/sparql", None),
            post("application/sparql-query", "SELECT WHERE", None),
            post("text/plain", COUNT, None),
            Request {
                method: "DELETE".into(),
                url: "/sparql".into(),
                ..Request::default()
            },
            get("/elsewhere", None),
        ]
        .iter()
        .map(|r| e.handle(r).status)
        .collect();
        assert_eq!(statuses, [403, 403, 403, 400, 400, 415, 405, 404]);
        // Nothing was dropped.
        assert_eq!(e.store.len().unwrap(), 80);
    }

    #[test]
    fn a_query_past_the_time_limit_is_cancelled() {
        let e = endpoint(Duration::from_millis(50));
        // 80^4 = 41 M rows: far longer than 50 ms.
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        let started = std::time::Instant::now();
        let response = e.handle(&post("application/sparql-query", slow, None));
        assert_eq!(response.status, 503, "{}", response.text());
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(response.text().contains("time limit"));
    }

    #[test]
    fn the_page_lists_the_canned_queries() {
        let page = endpoint(Duration::from_secs(1)).handle(&get("/", None));
        assert_eq!(page.status, 200);
        let html = page.text();
        assert!(
            html.contains("\"name\":\"data-flows\""),
            "canned queries are embedded"
        );
        assert!(!html.contains("/*CANNED*/"));
    }

    #[test]
    fn form_values_are_decoded() {
        assert_eq!(
            form_pairs("query=a+b%3F&x=%E5%85%A8%E6%B0%91&bad=%zz%"),
            [
                ("query".to_owned(), "a b?".to_owned()),
                ("x".to_owned(), "全民".to_owned()),
                ("bad".to_owned(), "%zz%".to_owned())
            ]
        );
    }

    #[test]
    fn negotiation_follows_q_values_then_order() {
        let pick = |accept| negotiate(Some(accept), RESULT_FORMATS).map(|(m, _)| m);
        assert_eq!(pick("text/csv, application/json"), Some("text/csv"));
        assert_eq!(
            pick("text/csv;q=0.1, application/json"),
            Some("application/sparql-results+json")
        );
        assert_eq!(pick("*/*"), Some("application/sparql-results+json"));
        assert_eq!(pick("image/png, text/*;q=0.2"), Some("text/csv"));
        assert_eq!(pick("text/csv;q=0"), None);
    }
}
