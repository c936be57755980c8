//! Shows what the pipeline reads in a text: tokens, mentions, practices, inclusions.
//! For developing rules: `cargo run --example trace -- "我们会收集您的设备型号。"`
//! or `cargo run --example trace -- --file policy.txt`.
//! `TRACE_TEXT=1` prints the decoded text only; `TRACE_HEADINGS=1` adds the headings.

use policykg::pipeline::Extractor;
use policykg::relations::{Entity, Term};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = match args.as_slice() {
        [flag, path] if flag == "--file" => std::fs::read(path)?,
        [text] => text.clone().into_bytes(),
        _ => anyhow::bail!("usage: trace TEXT | trace --file PATH"),
    };
    let extractor = Extractor::new()?;
    if std::env::var_os("TRACE_TAGS").is_some() {
        // Each line's first word and its part of speech: how the product filter sees it.
        for line in String::from_utf8_lossy(&bytes).lines() {
            println!("{line}\t{:?}", extractor.segmenter.first_word(line));
        }
        return Ok(());
    }
    let decoded = policykg::decode::decode(&bytes, None).map_err(|e| anyhow::anyhow!("{e}"))?;
    if std::env::var_os("TRACE_TEXT").is_some() {
        // The decoded text only: for reading a policy the way the pipeline reads it.
        print!("{}", decoded.text);
        return Ok(());
    }
    let doc = policykg::structure::structure(&decoded.text, &decoded.headings);
    let lexicon = &extractor.lexicon;
    if std::env::var_os("TRACE_HEADINGS").is_some() {
        for h in &doc.headings {
            println!("{}{}", "  ".repeat(h.level), h.title);
        }
    }
    if doc.sentences.len() <= 3 {
        for s in &doc.sentences {
            let text = doc.sentence_text(s);
            let tokens = extractor.segmenter.tokens(text);
            let words: Vec<&str> = tokens.iter().map(|t| &text[t.clone()]).collect();
            println!("tokens: {}", words.join(" | "));
            for m in policykg::mentions::find_mentions(lexicon, text, &tokens) {
                println!(
                    "mention: {} → {:?} {}",
                    &text[m.range.clone()],
                    m.kind,
                    lexicon.concept(m.concept).label
                );
            }
        }
    }
    let extraction = policykg::relations::extract(&doc, lexicon, &extractor.segmenter);
    let name = |t: &Term| match &t.entity {
        Entity::Concept(id) => format!("{}[{}]", t.surface, lexicon.concept(*id).label),
        Entity::Open(_, l) => format!("{l}*"),
    };
    println!(
        "products: {:?}  operators: {:?}",
        extraction.products, extraction.operators
    );
    for p in &extraction.practices {
        let data: Vec<String> = p.data.iter().map(name).collect();
        let recipients: Vec<String> = p.recipients.iter().map(name).collect();
        println!(
            "{:?}{} features={:?} permission={:?} data={:?} recipients={:?} purpose={:?}\n    « {} »",
            p.kind,
            if p.negated { " NEGATED" } else { "" },
            p.features,
            p.permission.as_ref().map(name),
            data,
            recipients,
            p.purpose,
            doc.sentence_text(&doc.sentences[p.sentence])
        );
    }
    for i in &extraction.inclusions {
        println!("includes: {} ⊃ {}", name(&i.general), name(&i.specific));
    }
    Ok(())
}
