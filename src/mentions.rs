//! Mentions stage: a sentence → its tokens (jieba-rs) and the lexicon concepts it names.
//!
//! Lexicon labels are added to jieba's dictionary so that `唯一设备识别码` or `麦克风权限`
//! come out as one token. Matching then runs over token sequences: a mention must start
//! and end on token boundaries, so `IP` never matches inside `VIP`, and labels written
//! with inner spaces (`Android ID`) still match.

use std::ops::Range;

use jieba_rs::Jieba;

use crate::lexicon::{fold, ConceptId, Kind, Lexicon};

/// Word segmentation with the lexicon as user dictionary.
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// jieba's default dictionary plus every lexicon label and cue word.
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut jieba = Jieba::new();
        let cues = &lexicon.cues;
        let cue_words = [
            &cues.collect,
            &cues.provide,
            &cues.share,
            &cues.negation,
            &cues.purpose,
        ];
        let words = lexicon
            .surfaces
            .iter()
            .map(String::as_str)
            .chain(cue_words.into_iter().flat_map(|w| w.iter()));
        for word in words {
            // jieba keeps ASCII runs and Han runs apart anyway; only whole words help it.
            if !word.contains(char::is_whitespace) && word.chars().count() >= 2 {
                jieba.add_word(word, None, None);
            }
        }
        Self { jieba }
    }

    /// Byte ranges of the tokens of `text`, in order, covering it.
    pub fn tokens(&self, text: &str) -> Vec<Range<usize>> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| t.byte_start..t.byte_end)
            .collect()
    }

    /// The name at the end of a phrase: what follows the last function word that stands
    /// as a word of its own (由, 是, 了, 的…). `全民K歌是由深圳市腾讯计算机系统有限公司` →
    /// `深圳市腾讯计算机系统有限公司`: 系 inside 系统 is no such word, which only the
    /// segmenter can tell. (Part-of-speech tags cut too much: 聚合 in a company name is
    /// tagged a verb.)
    pub fn trailing_name<'t>(&self, phrase: &'t str) -> &'t str {
        const FUNCTION_WORDS: &[&str] = &["由", "是", "为", "指", "系", "即", "于", "了", "的", "在", "向"];
        let name = self
            .tokens(phrase)
            .into_iter()
            .rfind(|t| FUNCTION_WORDS.contains(&&phrase[t.clone()]))
            .map_or(phrase, |t| &phrase[t.end..]);
        name.trim_start_matches(['（', '(', '）', ')'])
    }

    /// The first word of `text` with its part-of-speech tag (jieba's ICTCLAS set: `v` a
    /// verb, `r` a pronoun, `p` a preposition, `c` a conjunction, `d` an adverb…).
    pub fn first_word<'t>(&self, text: &'t str) -> Option<(&'t str, String)> {
        let tags = self.jieba.tag(text, true);
        let first = tags.first()?;
        let len = first.word.len();
        Some((&text[..len], first.tag.to_owned()))
    }

    /// The part-of-speech tag of the last word of `text`.
    pub fn last_tag(&self, text: &str) -> Option<String> {
        self.jieba.tag(text, true).last().map(|t| t.tag.to_owned())
    }

    /// The underlying segmenter, for benchmarks that need bare jieba-rs.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }
}

/// A lexicon concept named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the text the tokens came from.
    pub range: Range<usize>,
    pub concept: ConceptId,
    pub kind: Kind,
}

/// How many tokens one mention may span (`Android` ` ` `ID` is three).
const MAX_TOKENS: usize = 8;

/// Finds lexicon mentions: at each token, the longest run of tokens whose folded text is
/// a label. Matches do not overlap; earlier and longer ones win.
pub fn find_mentions(lexicon: &Lexicon, text: &str, tokens: &[Range<usize>]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    // Fold each token once; runs of tokens are looked up as concatenations.
    let folded_tokens: Vec<String> = tokens.iter().map(|t| fold(&text[t.clone()])).collect();
    let mut i = 0;
    while i < tokens.len() {
        let mut folded = String::new();
        let mut folded_chars = 0;
        let mut best: Option<(usize, ConceptId)> = None;
        for (j, token) in tokens.iter().enumerate().skip(i).take(MAX_TOKENS) {
            folded.push_str(&folded_tokens[j]);
            folded_chars += folded_tokens[j].chars().count();
            if folded_chars > lexicon.longest_label
                || (!folded.is_empty() && !lexicon.is_label_prefix(&folded))
            {
                break;
            }
            // A mention neither starts nor ends on white space.
            if text[token.clone()].trim().is_empty() {
                continue;
            }
            if let Some(id) = lexicon.lookup_folded(&folded) {
                best = Some((j, id));
            }
        }
        match best {
            Some((j, concept)) => {
                mentions.push(Mention {
                    range: tokens[i].start..tokens[j].end,
                    concept,
                    kind: lexicon.concept(concept).kind,
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Lexicon, Segmenter) {
        let lexicon = Lexicon::embedded().unwrap();
        let segmenter = Segmenter::new(&lexicon);
        (lexicon, segmenter)
    }

    fn labels(lexicon: &Lexicon, text: &str, mentions: &[Mention]) -> Vec<(String, Kind)> {
        mentions
            .iter()
            .map(|m| (text[m.range.clone()].to_owned(), lexicon.concept(m.concept).kind))
            .collect()
    }

    #[test]
    fn tokens_cover_the_text() {
        let (_, segmenter) = setup();
        let text = "我们会收集您的设备型号、Android ID和IMEI。";
        let tokens = segmenter.tokens(text);
        let joined: String = tokens.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn finds_multi_token_mentions_and_kinds() {
        let (lexicon, segmenter) = setup();
        let text = "我们需要获取您的麦克风权限，并向友盟共享您的Android ID。";
        let mentions = find_mentions(&lexicon, text, &segmenter.tokens(text));
        let found = labels(&lexicon, text, &mentions);
        assert!(
            found.contains(&("麦克风权限".to_owned(), Kind::Permission)),
            "{found:?}"
        );
        assert!(
            found.contains(&("友盟".to_owned(), Kind::ThirdParty)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Android ID".to_owned(), Kind::DataItem)),
            "{found:?}"
        );
    }

    #[test]
    fn does_not_match_inside_a_token() {
        let (lexicon, segmenter) = setup();
        let text = "VIP会员";
        let mentions = find_mentions(&lexicon, text, &segmenter.tokens(text));
        assert!(
            mentions.iter().all(|m| &text[m.range.clone()] != "IP"),
            "IP matched inside VIP"
        );
    }
}
