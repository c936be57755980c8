//! Store stage: a directory of N-Quads graph files, loaded into oxigraph's in-memory
//! store for querying.
//!
//! Layout of a store directory:
//! ```text
//! STORE/manifest.json         what was built from which file (content hash, counts)
//! STORE/graphs/ontology.nq    the ontology and lexicons
//! STORE/graphs/<id>.nq        one file per policy graph
//! ```
//! The graph files are the truth; the manifest is an index for skipping unchanged
//! inputs. Every file is written to a temporary name and renamed into place, so a reader
//! (or a crash) never sees half a graph, and building a policy again replaces its file.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};

use crate::graph::GraphStats;

/// The store directory used when none is given.
pub const DEFAULT_STORE: &str = "policykg-store";
const MANIFEST: &str = "manifest.json";
const GRAPHS: &str = "graphs";
const LOCK: &str = ".build.lock";
const ONTOLOGY_FILE: &str = "ontology.nq";

/// What the store holds for one policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyEntry {
    pub source_file: String,
    pub content_hash: String,
    /// [`crate::EXTRACTOR_FINGERPRINT`] of the build that wrote the graph (empty in
    /// stores written before it was recorded: always stale).
    #[serde(default)]
    pub extractor: String,
    #[serde(flatten)]
    pub stats: GraphStats,
}

/// The index of a store: policies by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub tool_version: String,
    pub policies: BTreeMap<String, PolicyEntry>,
}

/// A store directory.
#[derive(Debug, Clone)]
pub struct StoreDir {
    root: PathBuf,
}

impl StoreDir {
    /// A store at `root`; nothing is created until something is written.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn graphs_dir(&self) -> PathBuf {
        self.root.join(GRAPHS)
    }

    /// The file of a policy graph.
    pub fn graph_path(&self, id: &str) -> PathBuf {
        self.graphs_dir().join(format!("{id}.nq"))
    }

    /// Whether a store exists here.
    pub fn exists(&self) -> bool {
        self.graphs_dir().is_dir()
    }

    /// The manifest, or an empty one for a new store.
    pub fn manifest(&self) -> Result<Manifest> {
        let path = self.root.join(MANIFEST);
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is not a policykg manifest", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// Writes the manifest atomically, after making every graph file written so far
    /// durable: the manifest never lists a graph that a power cut could still lose.
    pub fn save_manifest(&self, manifest: &Manifest) -> Result<()> {
        fs::create_dir_all(&self.root)
            .with_context(|| format!("cannot create the store {}", self.root.display()))?;
        self.sync_graphs()?;
        let bytes = serde_json::to_vec_pretty(manifest)?;
        write_atomically(&self.root.join(MANIFEST), Durability::Now, |w| {
            w.write_all(&bytes)
        })
    }

    /// Flushes the graph files to disk. Graph files are not synced one by one (an fsync
    /// each cost a fifth of the build's time on the corpus); one `syncfs` before each
    /// manifest save covers them all. Renames alone already keep the store whole when
    /// the process is killed: only a power cut needs the data on disk.
    #[cfg(target_os = "linux")]
    fn sync_graphs(&self) -> Result<()> {
        use std::os::fd::AsRawFd;
        let dir =
            fs::File::open(&self.root).with_context(|| format!("cannot open {}", self.root.display()))?;
        // SAFETY: syncfs takes a file descriptor that we own and keep open for the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error())
                .with_context(|| format!("cannot sync {}", self.root.display()));
        }
        Ok(())
    }

    /// Elsewhere each graph file is synced as it is written.
    #[cfg(not(target_os = "linux"))]
    fn sync_graphs(&self) -> Result<()> {
        Ok(())
    }

    /// Writes one graph file, N-Quads text, atomically (temporary name, then rename).
    pub fn write_graph(&self, id: &str, nquads: &str) -> Result<()> {
        fs::create_dir_all(self.graphs_dir())
            .with_context(|| format!("cannot create {}", self.graphs_dir().display()))?;
        write_atomically(&self.graph_path(id), GRAPH_DURABILITY, |w| {
            w.write_all(nquads.as_bytes())
        })
    }

    /// Writes the ontology graph.
    pub fn write_ontology(&self, quads: &[Quad]) -> Result<()> {
        let mut nquads = Vec::new();
        write_nquads(quads, &mut nquads)?;
        self.write_graph(
            ONTOLOGY_FILE.trim_end_matches(".nq"),
            &String::from_utf8(nquads).expect("N-Quads are UTF-8"),
        )
    }

    /// Removes temporary files that a killed build left behind. Only call with the build
    /// lock held: then no other writer can own them.
    pub fn remove_stale_temporaries(&self) -> Result<usize> {
        let mut removed = 0;
        for dir in [self.root.clone(), self.graphs_dir()] {
            let Ok(entries) = fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().ends_with(".tmp") {
                    fs::remove_file(entry.path())?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// Removes a policy's graph file, if any.
    pub fn remove_graph(&self, id: &str) -> Result<()> {
        match fs::remove_file(self.graph_path(id)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    /// Every graph file, sorted.
    pub fn graph_files(&self) -> Result<Vec<PathBuf>> {
        let dir = self.graphs_dir();
        if !dir.is_dir() {
            bail!(
                "no store at {} (build one first: policykg build --store {} POLICIES...)",
                self.root.display(),
                self.root.display()
            );
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "nq"))
            .collect();
        files.sort();
        Ok(files)
    }

    /// Loads every graph file into a new in-memory oxigraph store.
    ///
    /// oxigraph's in-memory store inserts on one thread whatever we do, so the files are
    /// parsed on the other core meanwhile: batches of parsed quads pass from a parsing
    /// thread to the inserting one through a channel of two batches (so at most a few
    /// batches are held in memory at once; one whole-store batch would hold every parsed
    /// quad twice). Each file is complete, because files only appear by rename; and each
    /// was written by [`StoreDir::write_graph`], so it is parsed leniently (IRIs not
    /// re-validated, which is most of the parsing time).
    pub fn load(&self) -> Result<Store> {
        /// Files per batch: a few tens of MB of parsed quads.
        const BATCH: usize = 128;
        let files = self.graph_files()?;
        let store = Store::new()?;
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Quad>>(2);
        std::thread::scope(|scope| -> Result<()> {
            let parser = scope.spawn(move || -> Result<()> {
                for batch in files.chunks(BATCH) {
                    let mut quads = Vec::new();
                    for path in batch {
                        let bytes =
                            fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
                        for quad in RdfParser::from_format(RdfFormat::NQuads)
                            .lenient()
                            .for_slice(&bytes)
                        {
                            quads.push(
                                quad.with_context(|| format!("{} is not valid N-Quads", path.display()))?,
                            );
                        }
                    }
                    if send.send(quads).is_err() {
                        break; // The inserting side failed and said why.
                    }
                }
                Ok(())
            });
            for quads in receive {
                store.extend(quads).context("cannot load the graph files")?;
            }
            parser
                .join()
                .map_err(|_| anyhow::anyhow!("the graph file parser panicked"))?
        })?;
        Ok(store)
    }

    /// Takes the build lock: one build at a time per store. A lock left by a process
    /// that no longer runs (a killed build) is taken over.
    pub fn lock(&self) -> Result<BuildLock> {
        fs::create_dir_all(&self.root)
            .with_context(|| format!("cannot create the store {}", self.root.display()))?;
        let path = self.root.join(LOCK);
        for _ in 0..2 {
            match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    write!(file, "{}", std::process::id())?;
                    return Ok(BuildLock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = fs::read_to_string(&path).unwrap_or_default();
                    let alive = holder
                        .trim()
                        .parse::<u32>()
                        .is_ok_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
                    if alive {
                        bail!(
                            "another build (process {}) is writing to {}; wait for it to finish",
                            holder.trim(),
                            self.root.display()
                        );
                    }
                    fs::remove_file(&path).ok();
                }
                Err(e) => return Err(e).with_context(|| format!("cannot lock {}", path.display())),
            }
        }
        bail!("cannot take the build lock {}", path.display())
    }
}

/// Held while a build writes to a store; released on drop.
#[derive(Debug)]
pub struct BuildLock {
    path: PathBuf,
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        fs::remove_file(&self.path).ok();
    }
}

/// When a written file reaches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Durability {
    /// Synced before it is moved into place.
    Now,
    /// Later, by [`StoreDir::sync_graphs`].
    Deferred,
}

/// How graph files are synced: see [`StoreDir::sync_graphs`].
const GRAPH_DURABILITY: Durability = if cfg!(target_os = "linux") {
    Durability::Deferred
} else {
    Durability::Now
};

/// Writes `path` through a temporary file in the same directory and renames it into
/// place: readers see the old file or the new one, never a part.
fn write_atomically(
    path: &Path,
    durability: Durability,
    write: impl FnOnce(&mut BufWriter<fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut writer = BufWriter::new(fs::File::create(&tmp)?);
        write(&mut writer)?;
        writer.flush()?;
        if durability == Durability::Now {
            writer.get_ref().sync_data()?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        fs::remove_file(&tmp).ok();
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    fs::rename(&tmp, path).with_context(|| format!("cannot move {} into place", path.display()))
}

/// Serialises quads as N-Quads, the format of graph files.
pub fn write_nquads(quads: &[Quad], w: impl Write) -> std::io::Result<()> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(w);
    for quad in quads {
        serializer.serialize_quad(quad)?;
    }
    serializer.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, NamedNode};

    fn temp_store(name: &str) -> StoreDir {
        let dir = std::env::temp_dir().join(format!("policykg-test-{name}-{}", std::process::id()));
        fs::remove_dir_all(&dir).ok();
        StoreDir::new(dir)
    }

    /// N-Quads text of the quads numbered `numbers`.
    fn quads(numbers: &[usize]) -> String {
        let g = NamedNode::new_unchecked("https://w3id.org/policykg/policy/x");
        let quads: Vec<Quad> = numbers
            .iter()
            .map(|i| {
                Quad::new(
                    NamedNode::new_unchecked(format!("https://example.org/s{i}")),
                    NamedNode::new_unchecked("https://example.org/p"),
                    Literal::from("值"),
                    GraphName::NamedNode(g.clone()),
                )
            })
            .collect();
        let mut text = Vec::new();
        write_nquads(&quads, &mut text).unwrap();
        String::from_utf8(text).unwrap()
    }

    #[test]
    fn rewriting_a_graph_replaces_it() {
        let store = temp_store("replace");
        store.write_graph("x", &quads(&[1, 2])).unwrap();
        store.write_graph("x", &quads(&[1, 2])).unwrap();
        assert_eq!(store.load().unwrap().len().unwrap(), 2);
        store.write_graph("x", &quads(&[3])).unwrap();
        assert_eq!(store.load().unwrap().len().unwrap(), 1);
        let leftovers: Vec<_> = fs::read_dir(store.root().join(GRAPHS))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
        fs::remove_dir_all(store.root()).ok();
    }

    #[test]
    fn manifest_round_trips() {
        let store = temp_store("manifest");
        assert_eq!(store.manifest().unwrap(), Manifest::default());
        let mut manifest = Manifest {
            tool_version: "0".into(),
            ..Manifest::default()
        };
        manifest.policies.insert(
            "a".into(),
            PolicyEntry {
                source_file: "a.txt".into(),
                content_hash: "sha256:00".into(),
                extractor: "0123".into(),
                stats: GraphStats {
                    quads: 3,
                    ..GraphStats::default()
                },
            },
        );
        store.save_manifest(&manifest).unwrap();
        assert_eq!(store.manifest().unwrap(), manifest);
        fs::remove_dir_all(store.root()).ok();
    }

    #[test]
    fn a_second_lock_is_refused_while_the_first_is_held() {
        let store = temp_store("lock");
        let lock = store.lock().unwrap();
        let err = store.lock().unwrap_err().to_string();
        assert!(err.contains("another build"), "{err}");
        drop(lock);
        assert!(store.lock().is_ok());
        fs::remove_dir_all(store.root()).ok();
    }

    #[test]
    fn missing_store_is_a_clear_error() {
        let store = temp_store("missing");
        let err = store
            .load()
            .err()
            .expect("loading a missing store fails")
            .to_string();
        assert!(err.contains("no store at"), "{err}");
    }
}
