//! Mentions stage: a sentence → its tokens (jieba-rs) and the lexicon concepts it names.
//!
//! Lexicon labels are added to jieba's dictionary so that `唯一设备识别码` or `麦克风权限`
//! come out as one token. Matching then runs over token sequences: a mention must start
//! and end on token boundaries, so `IP` never matches inside `VIP`, and labels written
//! with inner spaces (`Android ID`) still match.

use std::ops::Range;

use jieba_rs::Jieba;

use crate::lexicon::{fold_into, ConceptId, Kind, Lexicon};
use crate::structure::Document;

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
        // jieba cuts and tags each run of Han and alphanumeric characters on its own, so
        // the first word lies in the first run: tagging the rest of a long clause is waste.
        let tags = self.jieba.tag(&text[..first_run_end(text)], true);
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

/// Where the first run of characters jieba segments together ends, or the end of `text`
/// where that is not sure: a run that opens with a CJK ideograph or an ASCII letter or
/// digit ends before the first ASCII punctuation or white space other than jieba's
/// `+#&._%-`, or CJK or full-width punctuation. jieba's own class (`is_han_default`) is
/// wider, and stopping early would change the first word; stopping late changes nothing.
fn first_run_end(text: &str) -> usize {
    let opens_run = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c));
    if !opens_run {
        return text.len();
    }
    text.char_indices()
        .find(|&(_, c)| {
            if c.is_ascii() {
                !c.is_ascii_alphanumeric() && !matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
            } else {
                // General punctuation (“”…), CJK symbols (、。《》【】), full-width forms (，：（）).
                matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
            }
        })
        .map_or(text.len(), |(at, _)| at)
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

/// The tokens of every sentence of `doc`, in order, relative to the sentence: the
/// segmentation stage.
///
/// The text is cut once, from the first sentence to the last, and the tokens are dealt
/// out to the sentences: one call per sentence cost a third more than the whole text
/// in one call. jieba-rs cuts at every non-Han character, so its tokens end where
/// sentences end (at punctuation or a line break); a token that would run across a
/// sentence boundary anyway is clipped to the sentence.
pub fn segment_sentences(doc: &Document, segmenter: &Segmenter) -> Vec<Vec<Range<usize>>> {
    let (Some(first), Some(last)) = (doc.sentences.first(), doc.sentences.last()) else {
        return Vec::new();
    };
    let span = first.range.start..last.range.end.max(first.range.start);
    // jieba's tokens as they come: no copy of their ranges to deal out.
    let tokens = segmenter.jieba.cut(&doc.text[span.clone()], true);
    let mut next = 0;
    doc.sentences
        .iter()
        .map(|sentence| {
            let range = &sentence.range;
            // Sentences come in text order; skip the tokens before this one.
            while next < tokens.len() && span.start + tokens[next].byte_end <= range.start {
                next += 1;
            }
            let mut last = next;
            while last < tokens.len() && span.start + tokens[last].byte_start < range.end {
                last += 1;
            }
            // Sized once: growing a vector token by token cost more than dealing them out.
            let mut own = Vec::with_capacity(last - next);
            for token in &tokens[next..last] {
                let start = (span.start + token.byte_start).max(range.start);
                let end = (span.start + token.byte_end).min(range.end);
                if start < end {
                    own.push(start - range.start..end - range.start);
                }
            }
            own
        })
        .collect()
}

/// The mentions of every sentence of `doc`, given its tokens.
pub fn sentence_mentions(
    doc: &Document,
    lexicon: &Lexicon,
    tokens: &[Vec<Range<usize>>],
) -> Vec<Vec<Mention>> {
    doc.sentences
        .iter()
        .zip(tokens)
        .map(|(s, tokens)| find_mentions(lexicon, doc.sentence_text(s), tokens))
        .collect()
}

/// Finds lexicon mentions: at each token, the longest run of tokens whose folded text is
/// a label. Matches do not overlap; earlier and longer ones win.
pub fn find_mentions(lexicon: &Lexicon, text: &str, tokens: &[Range<usize>]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    // Fold each token once, into one buffer: a run of tokens is then one slice of it.
    // Folding works character by character, so a run's fold is its tokens' folds joined.
    let mut folded = String::with_capacity(text.len());
    // `bounds[j]..bounds[j + 1]` is token j's fold.
    let mut bounds = Vec::with_capacity(tokens.len() + 1);
    for t in tokens {
        bounds.push(folded.len());
        fold_into(&text[t.clone()], &mut folded);
    }
    bounds.push(folded.len());
    // A mention neither starts nor ends on white space.
    let blank = |j: usize| text[tokens[j].clone()].trim().is_empty();
    let mut i = 0;
    while i < tokens.len() {
        // The longest label that starts at this token and ends where one of the next
        // MAX_TOKENS tokens ends. Labels come shortest first, so the token they end on
        // only moves forward.
        let mut best: Option<(usize, ConceptId)> = None;
        if !blank(i) {
            let start = bounds[i];
            let mut j = i;
            for (label, id) in lexicon.labels_starting(&folded[start..]) {
                let end = start + label.len();
                while j < tokens.len() && bounds[j + 1] < end {
                    j += 1;
                }
                if j >= tokens.len() || j - i >= MAX_TOKENS {
                    break;
                }
                if bounds[j + 1] == end && !blank(j) {
                    best = Some((j, id));
                }
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
    fn sentence_tokens_cover_each_sentence_and_stay_inside_it() {
        let (_, segmenter) = setup();
        let text = "一、我们收集的信息\n我们会收集您的设备型号。我们不会收集通讯录；IMEI用于统计。";
        let doc = crate::structure::structure(text, &[]);
        assert!(doc.sentences.len() >= 3, "{:?}", doc.sentences);
        let tokens = segment_sentences(&doc, &segmenter);
        assert_eq!(tokens.len(), doc.sentences.len());
        for (sentence, tokens) in doc.sentences.iter().zip(&tokens) {
            let own = doc.sentence_text(sentence);
            let joined: String = tokens.iter().map(|t| &own[t.clone()]).collect();
            assert_eq!(joined, own);
            // The same tokens as cutting the sentence alone.
            assert_eq!(*tokens, segmenter.tokens(own), "{own}");
        }
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
