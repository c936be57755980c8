//! Embeds the data files of `ontology/` and `queries/` into the binary, so the files
//! stay the one source of truth while `policykg` runs from any working directory, and a
//! fingerprint of the extractor's sources, so a store knows which graphs are stale.
use std::hash::{Hash, Hasher};
use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs");
    let mut code = String::new();
    for (name, dir, ext) in [
        ("ONTOLOGY_FILES", "ontology", "ttl"),
        ("QUERY_FILES", "queries", "rq"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files = Vec::new();
        collect(Path::new(dir), ext, &mut files);
        files.sort();
        code.push_str(&format!("pub const {name}: &[(&str, &str)] = &[\n"));
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let rel = file
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let abs = fs::canonicalize(&file).unwrap();
            code.push_str(&format!(
                "    ({rel:?}, include_str!({:?})),\n",
                abs.display().to_string()
            ));
        }
        code.push_str("];\n");
    }
    // What the extractor reads with: its rules (src) and its data (ontology). A graph
    // built by another extractor is stale even where the policy file is not.
    let mut sources = Vec::new();
    collect(Path::new("src"), "rs", &mut sources);
    collect(Path::new("ontology"), "ttl", &mut sources);
    sources.sort();
    let mut hasher = std::hash::DefaultHasher::new();
    for file in &sources {
        println!("cargo:rerun-if-changed={}", file.display());
        file.hash(&mut hasher);
        fs::read(file).unwrap().hash(&mut hasher);
    }
    env::var("CARGO_PKG_VERSION").unwrap().hash(&mut hasher);
    code.push_str(&format!(
        "pub const EXTRACTOR_FINGERPRINT: &str = \"{:016x}\";\n",
        hasher.finish()
    ));
    fs::write(out, code).unwrap();
}

fn collect(dir: &Path, ext: &str, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, ext, files);
        } else if path.extension().is_some_and(|e| e == ext) {
            files.push(path);
        }
    }
}
