//! The accuracy ratchet: the five example policies scored against their gold
//! annotations with the project's own evaluator, and eight policies outside the gold
//! (`tests/fixtures/outside`) against ours. Each floor is the score reached so far,
//! rounded down; a change that lowers any score fails here. Raise the floors as the
//! extractor improves (`policykg eval --gold tests/fixtures/gold` prints the scores).

use std::path::Path;

use policykg::eval::{evaluate, read_gold_dir};
use policykg::pipeline::{build, BuildOptions};
use policykg::store::StoreDir;

/// (relation, precision floor, recall floor), lenient matching of the guidelines.
const FLOORS: &[(&str, f64, f64)] = &[
    // Raised from .89/.76 by the list and collection-verb rules (accC): open-vocabulary
    // members, clauses that go on with a list, verbs the operator asks the user with.
    ("collect", 0.95, 0.90),
    // Precision fell from .89 when features began to be read from section headings and
    // purpose lists: recall rose from .44 to .51 (F1 .60 → .65).
    ("collect+feature", 0.88, 0.63),
    ("permission", 0.95, 0.93),
    ("feature→permission", 0.83, 0.57),
    ("permission→data", 0.90, 0.70),
    // .976 until data disclosed at an authority's request (按政府主管部门的强制性要求，对外共享)
    // went to that authority: the guidelines count authorities as recipients, and the
    // gold names them in three policies, but not in 001 (one false recipient).
    ("share", 0.96, 0.76),
    // .981 until parties named by a clause (`委托我们进行推广的合作伙伴`) were read: the
    // one new pair gives that party a clause as its data (有多少人看了他们的推广信息).
    ("share+data", 0.97, 0.84),
    ("includes", 0.87, 0.81),
    ("not_collected", 0.99, 0.91),
    ("operator", 0.99, 1.0),
    ("product", 0.99, 0.99),
];

/// Floors on sixteen policies outside the gold (`tests/fixtures/outside/README.md`): text
/// no rule was written against when it was annotated, annotated by us. Low, and meant to
/// stay honest: a rule that only fits the five gold policies shows here.
const OUTSIDE_FLOORS: &[(&str, f64, f64)] = &[
    ("collect", 0.78, 0.68),
    ("collect+feature", 0.51, 0.32),
    ("permission", 0.88, 0.72),
    ("feature→permission", 0.68, 0.18),
    ("permission→data", 0.24, 0.23),
    // Headings that name a kind of party in a part on third parties (`第三方支付`) are read
    // as recipients; the annotators leave some out, and they name generic recipients
    // (`物流公司`, `供应商`) that the extractor misses.
    ("share", 0.92, 0.59),
    // 12 of the false (recipient, data) pairs go to 优量汇 where the gold names the row as
    // written, `腾讯 广点通（优量汇）广告`.
    ("share+data", 0.85, 0.49),
    ("includes", 0.58, 0.43),
    // .30 until 不向 became a negation cue: `我们不向此第三方库发送或共享您的任何个人数据`
    // is now a stated non-sharing, which the annotator did not list.
    ("not_collected", 0.27, 0.21),
    ("operator", 0.99, 0.93),
    ("product", 0.92, 0.68),
];

#[test]
fn scores_on_the_gold_policies_do_not_drop() {
    check("", 5, FLOORS);
}

#[test]
fn scores_on_policies_outside_the_gold_do_not_drop() {
    check("outside", 16, OUTSIDE_FLOORS);
}

/// Builds `tests/fixtures/<set>/policies`, scores it against `<set>/gold` and fails on
/// any score under its floor, or on a stated non-collection held as collected.
fn check(set: &str, policies: usize, floors: &[(&str, f64, f64)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(set);
    let dir = std::env::temp_dir().join(format!("policykg-accuracy-{set}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let store = StoreDir::new(&dir);
    build(&store, &[root.join("policies")], &BuildOptions::default()).unwrap();
    let golds = read_gold_dir(&root.join("gold")).unwrap();
    assert_eq!(golds.len(), policies);
    let report = evaluate(&store.load().unwrap(), &golds).unwrap();
    println!("{}", report.to_table());
    let mut drops = Vec::new();
    for (relation, precision, recall) in floors {
        let counts = report.overall(relation);
        assert!(counts.gold > 0, "no gold facts for {relation}");
        if counts.precision() < *precision || counts.recall() < *recall {
            drops.push(format!(
                "{relation}: P {:.3} (floor {precision}), R {:.3} (floor {recall})",
                counts.precision(),
                counts.recall()
            ));
        }
    }
    assert!(
        drops.is_empty(),
        "scores dropped below the ratchet:\n{}",
        drops.join("\n")
    );
    // Never a stated non-collection recorded as collection.
    assert_eq!(report.wrongly_collected, 0, "{}", report.explain());
    std::fs::remove_dir_all(&dir).ok();
}
