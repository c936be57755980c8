//! The `policykg` command: a thin layer over the library.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};

use policykg::dot::{entity_graph, focus, to_dot};
use policykg::eval::{evaluate, read_gold_dir};
use policykg::export::{export, ExportFormat};
use policykg::graph::policy_iri;
use policykg::paths::{paths, PathFilter};
use policykg::pipeline::{build, BuildOptions};
use policykg::query::{canned, find_canned, parse_param, run, run_canned, write, OutputFormat};
use policykg::store::{StoreDir, DEFAULT_STORE};

/// Turn Chinese privacy policies (隐私政策) into a knowledge graph of personal-data flows,
/// and ask it where data goes.
///
/// policykg reads policies (plain text, Markdown or HTML; UTF-8 or GB18030), finds who
/// collects which personal data through which feature and permission and passes it to
/// which third party, and stores the facts as RDF (one named graph per policy), each with
/// the sentence it came from. Query them with SPARQL, export them, or draw them.
///
/// Start with:
///   policykg build tests/fixtures/policies
///   policykg query data-flows
#[derive(Parser)]
#[command(
    name = "policykg",
    version,
    verbatim_doc_comment,
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct StoreArg {
    /// The store directory (created by `build`).
    #[arg(long, short = 's', env = "POLICYKG_STORE", default_value = DEFAULT_STORE, value_name = "DIR")]
    store: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Extract policies into the store: one graph per policy, replaced on rebuild.
    ///
    /// PATH is a policy file or a directory searched recursively for .txt, .md and .html
    /// files. A file that gives no policy (empty, undecodable, not a privacy policy) is
    /// reported with its reason and the build goes on. Files unchanged since the last
    /// build by this same version of policykg are skipped unless --force; a new version
    /// rebuilds them.
    ///
    /// Example:
    ///   policykg build tests/fixtures/policies
    ///   policykg build --store corpus-store ../shared/corpus/appch
    #[command(verbatim_doc_comment)]
    Build {
        #[command(flatten)]
        store: StoreArg,
        /// Rebuild every file, changed or not.
        #[arg(long)]
        force: bool,
        /// Do not list skipped files one by one (the summary still counts them).
        #[arg(long, short = 'q')]
        quiet: bool,
        /// Policy files or directories.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Run SPARQL over all policy graphs: a canned query by name, a file, or inline text.
    ///
    /// Canned queries (see `policykg query --list`) live in queries/*.rq. Parameters are
    /// bound as values of the variables of the same name, never pasted into the text.
    /// The default graph is the union of all graphs.
    ///
    /// Examples:
    ///   policykg query data-flows
    ///   policykg query data-flows --param app=全民K歌 --format csv
    ///   policykg query 'SELECT ?d WHERE { ?f pk:collects ?x . ?x rdfs:label ?d }'
    ///   policykg query --file my-question.rq --format json
    #[command(verbatim_doc_comment)]
    Query {
        #[command(flatten)]
        store: StoreArg,
        /// Output: an aligned table, or the W3C SPARQL results CSV, TSV, JSON or XML.
        #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
        /// Read the query from this file.
        #[arg(long, value_name = "FILE", conflicts_with = "query")]
        file: Option<PathBuf>,
        /// Bind a variable: NAME=VALUE, a plain literal, or an IRI written NAME=<IRI>;
        /// repeatable.
        #[arg(long = "param", short = 'p', value_name = "NAME=VALUE", value_parser = parse_param)]
        params: Vec<(String, String)>,
        /// List the canned queries and what they answer.
        #[arg(long)]
        list: bool,
        /// A canned query name, or SPARQL text.
        #[arg(value_name = "NAME|SPARQL", required_unless_present_any = ["file", "list"])]
        query: Option<String>,
    },
    /// Print an app's data flows as chains, with the policy's sentence for every hop.
    ///
    /// A path runs feature → permission → data item → third party, as far as the policy
    /// states it: the feature that collects the item, the permission that unlocks it,
    /// and the third party it is passed to. Each hop is followed by the sentence that
    /// states it and the section it is in. Statements that something is not done never
    /// make a hop. --data and --to match a label or the way the policy wrote it, exactly
    /// if possible, else as a substring.
    ///
    /// Examples:
    ///   policykg paths --app 我的音乐
    ///   policykg paths --app 我的音乐 --to 友盟
    ///   policykg paths --app 全民K歌 --data 位置信息 --format json
    #[command(verbatim_doc_comment)]
    Paths {
        #[command(flatten)]
        store: StoreArg,
        /// The app: the product name as its policy writes it, or a policy id.
        #[arg(long, short = 'a', value_name = "APP")]
        app: String,
        /// Only paths of this data item.
        #[arg(long, short = 'd', value_name = "DATA")]
        data: Option<String>,
        /// Only paths to this third party.
        #[arg(long, short = 't', value_name = "PARTY")]
        to: Option<String>,
        /// Chains for reading, or every hop with all its sentences as JSON.
        #[arg(long, short = 'f', value_enum, default_value_t = PathsFormat::Text)]
        format: PathsFormat,
    },
    /// Write the graph in a standard RDF syntax.
    ///
    /// N-Quads and TriG keep the graph of each policy; Turtle and N-Triples merge them.
    ///
    /// Examples:
    ///   policykg export -o all.nq
    ///   policykg export --format turtle --policy 000_c5dd11ff98cff521
    #[command(verbatim_doc_comment)]
    Export {
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Nquads)]
        format: ExportFormat,
        /// Only this policy (its id: the file name without extension).
        #[arg(long, value_name = "ID")]
        policy: Option<String>,
        /// Write here instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Answer SPARQL over HTTP: a read-only SPARQL 1.1 Protocol endpoint.
    ///
    /// Loads the store, then answers GET and POST on /sparql as the protocol defines
    /// them (query, default-graph-uri, named-graph-uri), in the format the Accept header
    /// asks for: SPARQL results JSON, XML, CSV, TSV; Turtle, N-Triples or RDF/XML for
    /// CONSTRUCT and DESCRIBE. Updates are refused. Each query is cancelled past the time
    /// limit. Open http://127.0.0.1:7878/ in a browser for a query page with the canned
    /// queries. Binds to this machine only unless told otherwise.
    ///
    /// Examples:
    ///   policykg serve
    ///   curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \
    ///        http://127.0.0.1:7878/sparql
    #[command(verbatim_doc_comment)]
    Serve {
        #[command(flatten)]
        store: StoreArg,
        /// Address and port to listen on (0 as the port picks a free one).
        #[arg(long, default_value = policykg::serve::DEFAULT_BIND, value_name = "ADDR:PORT")]
        bind: String,
        /// Time limit of one query, in seconds.
        #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
        timeout: f64,
        /// Queries answered at once.
        #[arg(long, default_value_t = 4, value_name = "N")]
        threads: usize,
        /// Allow browser clients served from other origins (e.g. a hosted YASGUI).
        #[arg(long)]
        cors: bool,
    },
    /// Measure the pipeline on a corpus: build throughput against bare jieba-rs.
    ///
    /// Builds PATH into a fresh store (default: a temporary directory), then segments the
    /// same decoded text with bare jieba-rs on one thread (the floor of any jieba-based
    /// pipeline) and reports both, their ratio and peak memory. Then runs the pipeline
    /// once more on one thread, stage by stage (decode, structure, segment, mentions,
    /// relations, graph), to show where the time goes. Last, opens the store and times
    /// every canned query over it: over the whole corpus, and bound as its header's
    /// example binds it (the example's apps replaced by the corpus's largest).
    ///
    /// Example:
    ///   policykg bench ../shared/corpus/appch
    #[command(verbatim_doc_comment)]
    Bench {
        /// Store to build into (emptied first).
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
        /// Policy files or directories.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Score the graph against gold annotations: precision and recall per relation.
    ///
    /// Reads the gold files (*.json, see tests/fixtures/gold/GUIDELINES.md), finds the
    /// graph built from each one's policy file, and compares the facts read back from
    /// the store with SPARQL. Build the policies first.
    ///
    /// Example:
    ///   policykg build tests/fixtures/policies
    ///   policykg eval --gold tests/fixtures/gold --explain
    #[command(verbatim_doc_comment)]
    Eval {
        #[command(flatten)]
        store: StoreArg,
        /// Directory of gold annotations.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        #[arg(long, short = 'f', value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Also list every false positive and false negative with its sentence.
        #[arg(long)]
        explain: bool,
    },
    /// Draw a policy's data flows as Graphviz DOT.
    ///
    /// Render with Graphviz, e.g. `policykg dot --policy ID | dot -Tsvg > policy.svg`.
    ///
    /// Examples:
    ///   policykg dot --policy 000_c5dd11ff98cff521 -o quanmin.dot
    ///   policykg dot --focus 友盟 | dot -Tsvg > umeng.svg
    #[command(verbatim_doc_comment)]
    Dot {
        #[command(flatten)]
        store: StoreArg,
        /// Only this policy (its id); without it, every policy in the store.
        #[arg(long, value_name = "ID")]
        policy: Option<String>,
        /// Only what touches the entity with this label (a data item, third party,
        /// permission or feature), e.g. --focus 友盟 or --focus IMEI.
        #[arg(long, value_name = "LABEL")]
        focus: Option<String>,
        /// Write here instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum PathsFormat {
    /// Numbered chains, each hop with its first sentence.
    Text,
    /// Every path, hop and sentence, as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum EvalFormat {
    /// A table of precision, recall and F1.
    Table,
    /// Every count, per policy and overall, as JSON.
    Json,
}

fn main() -> ExitCode {
    match run_cli(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`policykg query … | head`): not an error of ours.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("policykg: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn output(path: &Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

fn run_cli(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build {
            store,
            force,
            quiet,
            paths,
        } => {
            let dir = StoreDir::new(&store.store);
            let options = BuildOptions {
                force,
                progress: io::stderr().is_terminal(),
            };
            let summary = build(&dir, &paths, &options)?;
            let mut err = io::stderr().lock();
            if !quiet {
                for outcome in &summary.outcomes {
                    if let Err(skip) = &outcome.result {
                        if skip.reason() != "unchanged" {
                            writeln!(err, "skipped {}: {skip}", outcome.path.display())?;
                        }
                    }
                }
            }
            let secs = summary.elapsed.as_secs_f64();
            let mb = summary.bytes as f64 / 1e6;
            writeln!(
                err,
                "{} files seen, {} policies built, {} quads, {:.2} s ({:.1} MB/s, {:.0} files/s) → {}",
                summary.files,
                summary.built,
                summary.quads,
                secs,
                mb / secs.max(1e-9),
                summary.files as f64 / secs.max(1e-9),
                dir.root().display()
            )?;
            if !summary.skipped.is_empty() {
                let reasons: Vec<String> = summary.skipped.iter().map(|(r, n)| format!("{r}: {n}")).collect();
                writeln!(err, "skipped: {}", reasons.join(", "))?;
            }
            Ok(())
        }
        Command::Query {
            store,
            format,
            file,
            params,
            list,
            query,
        } => {
            if list {
                let mut out = io::stdout().lock();
                for q in canned() {
                    writeln!(out, "{:<24} {}", q.name, q.summary())?;
                }
                return Ok(());
            }
            let (text, canned_query) = match (&file, &query) {
                (Some(f), _) => (
                    std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?,
                    None,
                ),
                (None, Some(q)) => match find_canned(q) {
                    Some(c) => (c.text.to_owned(), Some(c)),
                    None if looks_like_sparql(q) => (q.clone(), None),
                    None => {
                        let names: Vec<&str> = canned().iter().map(|c| c.name).collect();
                        bail!("no canned query '{q}' (known: {})", names.join(", "))
                    }
                },
                (None, None) => unreachable!("clap requires a query"),
            };
            let started = Instant::now();
            let db = StoreDir::new(&store.store).load()?;
            let loaded = started.elapsed();
            let answer = match &canned_query {
                Some(c) => run_canned(&db, c, &params)?,
                None => run(&db, &text, &params)?,
            };
            let mut out = io::stdout().lock();
            write(&answer, format, &mut out)?;
            out.flush()?;
            if format == OutputFormat::Table && io::stderr().is_terminal() {
                eprintln!(
                    "store loaded in {:.0} ms, query answered in {:.0} ms",
                    loaded.as_secs_f64() * 1e3,
                    (started.elapsed() - loaded).as_secs_f64() * 1e3
                );
            }
            Ok(())
        }
        Command::Paths {
            store,
            app,
            data,
            to,
            format,
        } => {
            let db = StoreDir::new(&store.store).load()?;
            let found = paths(&db, &app, &PathFilter { data, to })?;
            let mut out = io::stdout().lock();
            match format {
                PathsFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&found)?)?,
                PathsFormat::Text if found.is_empty() => {
                    writeln!(out, "no data-flow path to a third party matches")?
                }
                PathsFormat::Text => write!(out, "{}", policykg::paths::to_text(&found))?,
            }
            Ok(())
        }
        Command::Export {
            store,
            format,
            policy,
            output: path,
        } => {
            let db = StoreDir::new(&store.store).load()?;
            let graph = policy.as_deref().map(policy_iri);
            let mut out = output(&path)?;
            export(&db, format, graph.as_deref(), &mut out)?;
            out.flush()?;
            Ok(())
        }
        Command::Serve {
            store,
            bind,
            timeout,
            threads,
            cors,
        } => {
            if !(timeout > 0.0 && timeout.is_finite()) {
                bail!("--timeout must be a positive number of seconds");
            }
            let started = Instant::now();
            let db = StoreDir::new(&store.store).load()?;
            let quads = db.len()?;
            let endpoint = policykg::serve::Endpoint {
                store: db,
                timeout: std::time::Duration::from_secs_f64(timeout),
            };
            let options = policykg::serve::ServeOptions { bind, threads, cors };
            policykg::serve::serve(endpoint, &options, |address| {
                eprintln!(
                    "{quads} quads loaded in {:.1} s; SPARQL endpoint at http://{address}/sparql, query page at http://{address}/",
                    started.elapsed().as_secs_f64()
                );
            })
        }
        Command::Bench { store, paths } => {
            let store = store.unwrap_or_else(|| {
                std::env::temp_dir().join(format!("policykg-bench-{}", std::process::id()))
            });
            let report = policykg::bench::bench(&paths, &store)?;
            print!("{}", report.to_text());
            Ok(())
        }
        Command::Eval {
            store,
            gold,
            format,
            explain,
        } => {
            let db = StoreDir::new(&store.store).load()?;
            let golds = read_gold_dir(&gold)?;
            let report = evaluate(&db, &golds)?;
            let mut out = io::stdout().lock();
            match format {
                EvalFormat::Table => write!(out, "{}", report.to_table())?,
                EvalFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
            }
            if explain {
                write!(out, "{}", report.explain())?;
            }
            Ok(())
        }
        Command::Dot {
            store,
            policy,
            focus: focus_label,
            output: path,
        } => {
            let db = StoreDir::new(&store.store).load()?;
            let graph = policy.as_deref().map(policy_iri);
            if let Some(g) = &graph {
                let node = oxigraph::model::NamedNodeRef::new(g)?;
                if !db.contains_named_graph(node)? {
                    bail!("the store has no policy '{}'", policy.unwrap_or_default());
                }
            }
            let mut entities = entity_graph(&db, graph.as_deref())?;
            if let Some(label) = &focus_label {
                entities = focus(&entities, label);
                if entities.node_count() == 0 {
                    bail!("no entity labelled '{label}' in the graph");
                }
            }
            let mut title = policy.unwrap_or_else(|| "all policies".to_owned());
            if let Some(label) = &focus_label {
                title.push_str(&format!(" · {label}"));
            }
            let mut out = output(&path)?;
            out.write_all(to_dot(&entities, &title).as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

fn looks_like_sparql(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    ["SELECT", "ASK", "PREFIX", "CONSTRUCT", "DESCRIBE", "BASE"]
        .iter()
        .any(|k| upper.contains(k))
}
