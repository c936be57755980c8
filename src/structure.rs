//! Structure stage: plain text → headings and sentences, each with its offsets and the
//! headings it sits under.
//!
//! Policies are written as numbered outlines (`一、` `1.` `1.1` `（一）` `1）`), with
//! Markdown or HTML headings, or as one long paragraph. Headings give the long-distance
//! context the relation rules need (a section on 第三方SDK, a feature named in a heading),
//! and every fact quotes the sentence it came from, so offsets must be exact.

use std::ops::Range;

/// A heading line, with the outline level it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Byte range of the whole heading line in the text.
    pub range: Range<usize>,
    /// The heading text without its numbering (`1.2 设备信息` → `设备信息`).
    pub title: String,
    /// Outline depth: a heading closes every open heading at its depth or deeper.
    pub level: usize,
}

/// A sentence: the unit of evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Offsets in Unicode scalar values (what `pk:start`/`pk:end` record).
    pub chars: Range<usize>,
    /// Indices into [`Document::headings`] of the enclosing headings, outermost first.
    pub path: Vec<usize>,
    /// The label before a colon at the start of its line (`1）基于存储权限的相关功能：…`),
    /// which scopes the whole line like a small heading.
    pub lead: Option<String>,
    /// Whether this sentence is itself a heading line.
    pub is_heading: bool,
    /// Byte range of the line that holds it (without the line break): rules that read a
    /// line as a table row or a list entry need its bounds for every sentence.
    pub line: Range<usize>,
}

/// A policy text cut into headings and sentences.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub text: String,
    pub headings: Vec<Heading>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.range.clone()]
    }

    /// The nearest heading title of a sentence, if any.
    pub fn section_title(&self, sentence: &Sentence) -> Option<&str> {
        sentence.path.last().map(|&h| self.headings[h].title.as_str())
    }
}

/// Sentences longer than this (in chars) are cut again at commas: flattened tables and
/// unpunctuated pages otherwise make one "sentence" of thousands of characters.
const MAX_SENTENCE_CHARS: usize = 400;
/// A line this short without sentence punctuation reads as a heading.
const MAX_HEADING_CHARS: usize = 40;

/// Cuts `text` into headings and sentences. `marked_headings` are byte ranges of lines
/// that the markup already declared headings (see `decode`).
pub fn structure(text: &str, marked_headings: &[Range<usize>]) -> Document {
    let mut doc = Document {
        text: text.to_owned(),
        ..Document::default()
    };
    let mut stack: Vec<usize> = Vec::new();
    let mut char_pos = 0;
    let mut byte_pos = 0;
    let mut segments: Vec<(Range<usize>, usize)> = Vec::new();
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        // A run-on line is read as the lines its inline headings would have opened.
        let mut cut_chars = char_pos;
        let mut cut = 0;
        for at in inline_heading_cuts(content) {
            segments.push((byte_pos + cut..byte_pos + at, cut_chars));
            cut_chars += content[cut..at].chars().count();
            cut = at;
        }
        segments.push((byte_pos + cut..byte_pos + content.len(), cut_chars));
        byte_pos += line.len();
        char_pos += line.chars().count();
    }
    let segments = join_broken_brackets(text, segments);
    for (range, line_char_start) in segments {
        let start = range.start;
        let content = &text[range.clone()];
        if content.trim().is_empty() {
            continue;
        }
        let marked = marked_headings
            .iter()
            .find(|h| h.start <= range.start && range.end <= h.end.max(range.start));
        let heading = match marked {
            // Markup headings count as one style: one level is enough to scope sentences.
            // A marked line that holds a sentence (`#### 日志信息：当您使用…时，我们可能会
            // 自动收集相关信息。`) is text the markup made big, not a title.
            Some(_) if !strip_numbering(content).trim_end().contains('。') => Some((Style::Markup, content)),
            Some(_) => None,
            None => heading_style(content),
        };
        if let Some((style, _)) = heading {
            let level = style.level();
            while let Some(&top) = stack.last() {
                if doc.headings[top].level >= level {
                    stack.pop();
                } else {
                    break;
                }
            }
            doc.headings.push(Heading {
                range: range.clone(),
                title: strip_numbering(content).trim().to_owned(),
                level,
            });
            stack.push(doc.headings.len() - 1);
            doc.sentences.push(Sentence {
                range: range.clone(),
                chars: line_char_start..line_char_start + content.chars().count(),
                path: stack.clone(),
                lead: None,
                is_heading: true,
                line: range.clone(),
            });
            continue;
        }
        let lead = line_lead(content);
        for (r, c) in split_sentences(content) {
            doc.sentences.push(Sentence {
                range: start + r.start..start + r.end,
                chars: line_char_start + c.start..line_char_start + c.end,
                path: stack.clone(),
                lead: lead.clone(),
                is_heading: false,
                line: range.clone(),
            });
        }
    }
    doc
}

/// How a heading is numbered; headings of one style share a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Markup,
    Chapter,
    ChineseNumber,
    ParenChinese,
    Arabic(usize),
    ArabicParen,
    Plain,
}

impl Style {
    /// The outline depth of a numbering style, in the order Chinese documents nest them:
    /// 第一部分/第一章 > 一、 > （一） > 1. > 1.1 > （1）/1） > 1.1.1. A fixed order, not the
    /// order of first appearance: summaries and tables of contents at the top of a policy
    /// would otherwise decide the depth of the headings that follow them.
    fn level(self) -> usize {
        match self {
            Style::Markup | Style::Chapter => 0,
            // An unnumbered short line is mostly a label inside a section (设备信息,
            // 阅读提示): deepest, so it never closes a numbered section.
            Style::Plain => 6,
            Style::ChineseNumber => 1,
            Style::ParenChinese => 2,
            Style::Arabic(depth) => 2 + depth.min(4),
            Style::ArabicParen => 5,
        }
    }
}

const CHINESE_DIGITS: &str = "一二三四五六七八九十百零〇";

/// Whether a piece of text is a numbered section title (`13、 商品购买及支付功能`,
/// `（三）运营与安全保障`): numbered, short, no sentence in it.
pub fn is_numbered_heading(text: &str) -> bool {
    let trimmed = text.trim();
    numbering_style(trimmed).is_some_and(|s| s != Style::Plain) && heading_style(trimmed).is_some()
}

/// Whether a line is a heading, and its numbering style.
fn heading_style(line: &str) -> Option<(Style, &str)> {
    let trimmed = line.trim();
    let chars = trimmed.chars().count();
    if chars == 0 || chars > MAX_HEADING_CHARS {
        return None;
    }
    let body = strip_numbering(trimmed).trim();
    if body.is_empty() {
        return None;
    }
    // A heading states no sentence: no inner sentence punctuation, no trailing colon
    // or comma (those start a list, they do not title a section).
    if body.contains(['。', '；', '，', ',', ';', '！', '？']) || body.ends_with(['：', ':']) {
        return None;
    }
    let style = numbering_style(trimmed).unwrap_or(Style::Plain);
    // An unnumbered `key：value` line is a field of a record, not a title.
    if style == Style::Plain && (chars > 25 || body.contains(['：', ':'])) {
        return None;
    }
    Some((style, trimmed))
}

fn numbering_style(line: &str) -> Option<Style> {
    let mut chars = line.chars().peekable();
    let first = *chars.peek()?;
    if first == '第' {
        let rest: String = line.chars().skip(1).take(6).collect();
        let digits = rest
            .chars()
            .take_while(|c| CHINESE_DIGITS.contains(*c) || c.is_ascii_digit());
        let n = digits.count();
        let after = rest.chars().nth(n);
        if n > 0 && matches!(after, Some('章' | '节' | '条' | '部' | '篇' | '编')) {
            return Some(Style::Chapter);
        }
        return None;
    }
    if CHINESE_DIGITS.contains(first) {
        let n = line.chars().take_while(|c| CHINESE_DIGITS.contains(*c)).count();
        let after = line.chars().nth(n);
        return matches!(after, Some('、' | '.' | '．' | ' ')).then_some(Style::ChineseNumber);
    }
    if first == '（' || first == '(' {
        let inner: String = line
            .chars()
            .skip(1)
            .take_while(|c| *c != '）' && *c != ')')
            .collect();
        if inner.chars().count() <= 3 && !inner.is_empty() {
            return if inner.chars().all(|c| CHINESE_DIGITS.contains(c)) {
                Some(Style::ParenChinese)
            } else if inner.chars().all(|c| c.is_ascii_digit()) {
                Some(Style::ArabicParen)
            } else {
                None
            };
        }
        return None;
    }
    if first.is_ascii_digit() {
        let number: String = line
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '．')
            .collect();
        let after = line.chars().nth(number.chars().count());
        if matches!(after, Some(')' | '）')) {
            return Some(Style::ArabicParen);
        }
        let depth = number.trim_end_matches(['.', '．']).split(['.', '．']).count();
        return Some(Style::Arabic(depth));
    }
    None
}

/// Removes an outline number or a bullet from the start of a line: `1.2 `, `一、`, `（三）`,
/// `第二章 `, `2）`, `• `.
pub fn strip_numbering(line: &str) -> &str {
    // A bullet (`• 如果我们发现…`) stands where a number would.
    let trimmed = line
        .trim_start()
        .trim_start_matches(['•', '·', '●', '○', '■', '□', '◆', '◇', '▪', '►', '▶'])
        .trim_start();
    let Some(style) = numbering_style(trimmed) else {
        return trimmed;
    };
    let end = match style {
        Style::Chapter => trimmed
            .char_indices()
            .find(|(_, c)| matches!(c, '章' | '节' | '条' | '部' | '篇' | '编'))
            .map(|(i, c)| {
                i + c.len_utf8()
                    + if trimmed[i..].starts_with("部分") {
                        "分".len()
                    } else {
                        0
                    }
            }),
        Style::ChineseNumber => trimmed
            .char_indices()
            .find(|(_, c)| !CHINESE_DIGITS.contains(*c))
            .map(|(i, c)| i + c.len_utf8()),
        Style::ParenChinese | Style::ArabicParen => trimmed
            .char_indices()
            .find(|(_, c)| matches!(c, ')' | '）'))
            .map(|(i, c)| i + c.len_utf8()),
        Style::Arabic(_) => trimmed
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | '．' | '、')))
            .map(|(i, _)| i),
        Style::Markup | Style::Plain => Some(0),
    };
    trimmed[end.unwrap_or(trimmed.len())..].trim_start_matches([' ', '、', '.', '．'])
}

/// Where a run-on line should be cut so that each numbered heading inside it opens a line
/// of its own: before the number, and after the title. Policies flattened to one line
/// (`…的保护。 2、实现身份认证 依照相关法律法规…`) keep their outline only this way. A
/// heading is taken only where a number follows sentence punctuation or white space, its
/// title is short and unpunctuated, and white space then text follow it: an enumeration
/// inside a sentence (`包括：（1）向…共享；（2）…`) runs on without a break and stays text.
fn inline_heading_cuts(line: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in line.char_indices() {
        let after_break =
            previous.is_none_or(|p| is_terminator(p) || p.is_whitespace()) || cuts.last() == Some(&at);
        previous = Some(c);
        if !after_break || cuts.last().is_some_and(|&last| at < last) {
            continue;
        }
        // What is left of the line reads as one heading (`一、我们如何收集 和使用`).
        if heading_style(&line[at..]).is_some() {
            break;
        }
        let Some(title_start) = inline_numbering_end(&line[at..]).map(|n| at + n) else {
            continue;
        };
        let mut title_len = line[title_start..]
            .find(char::is_whitespace)
            .unwrap_or(line.len() - title_start);
        let mut title = &line[title_start..title_start + title_len];
        // The last entry of a table of contents running into the first section
        // (`九、如何联系我们一、我们如何收集…`) ends where the next Chinese number opens.
        if let Some(inner) = title
            .char_indices()
            .skip(2)
            .find(|&(i, c)| c == '一' && inline_numbering_end(&title[i..]).is_some())
        {
            title = &title[..inner.0];
            title_len = inner.0;
        }
        // A title running into the next number (`联系我们9.1`) or into the first item
        // of a list under it (`用户体验改进计划a)`) ends before it.
        let mut title = title.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '．'));
        if let Some(body) = title
            .strip_suffix([')', '）', '.'])
            .and_then(|t| t.strip_suffix(|c: char| c.is_ascii_lowercase()))
        {
            title = body;
        }
        let title_end = title_start + title.len();
        let rest = line[title_start + title_len..].trim_start();
        let n = title.chars().count();
        let clean = (2..=MAX_HEADING_CHARS).contains(&n)
            && !title.contains(['。', '；', '，', ',', ';', '！', '？', '：', ':', '、', '!', '?'])
            && !title.starts_with(|c: char| c.is_ascii_digit())
            // A Latin word broken by its space (`Cookie 和同类技术`), or a value and its
            // unit (`2.42 KB`), is no title.
            && !title.ends_with(|c: char| c.is_ascii_alphanumeric())
            && rest.chars().next().is_some_and(|c| !c.is_ascii());
        if !clean {
            continue;
        }
        if at > 0 {
            cuts.push(at);
        }
        cuts.push(title_end);
    }
    cuts
}

/// The byte length of an outline number that opens `text` with its delimiter and any
/// white space after it (`2、`, `（3）`, `一、`, `1.2 `), if it opens with one.
fn inline_numbering_end(text: &str) -> Option<usize> {
    let style = numbering_style(text)?;
    let digits: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '．'))
        .collect();
    let delimited = match style {
        Style::Chapter | Style::ParenChinese | Style::ArabicParen => true,
        Style::ChineseNumber => text
            .trim_start_matches(|c| CHINESE_DIGITS.contains(c))
            .starts_with('、'),
        // `2、`, `3.`, `1.2 `: a number of at most two digits a level, closed by its
        // delimiter or (for `1.2`) by white space; `2019年` is no number of an outline.
        Style::Arabic(depth) => {
            let after = text[digits.len()..].chars().next();
            digits.split(['.', '．']).all(|part| part.len() <= 2)
                && (after == Some('、')
                    || digits.ends_with(['.', '．'])
                    || (depth > 1 && after.is_some_and(char::is_whitespace)))
        }
        Style::Markup | Style::Plain => false,
    };
    if !delimited {
        return None;
    }
    let body = strip_numbering(text).trim_start();
    Some(text.len() - body.len())
}

/// The label before a colon that opens a line, if short: `1）基于存储权限的相关功能：…`.
fn line_lead(line: &str) -> Option<String> {
    let body = strip_numbering(line);
    let colon = body.find(['：', ':'])?;
    let lead = body[..colon].trim();
    let n = lead.chars().count();
    if (2..=30).contains(&n) && !lead.contains(['。', '；', '，', ',']) {
        Some(lead.to_owned())
    } else {
        None
    }
}

/// A line break inside a bracket is a wrapped line, not the end of a sentence:
/// `…唯一设备识别码[如IMEI/Android⏎ID/IDFA等]) ；硬件型号…` is one line. A line that ends
/// with a bracket open runs on into the next line where that line closes it (a bracket
/// never closed is a typo, and the line keeps its end). Long runs are not joined.
fn join_broken_brackets(text: &str, segments: Vec<(Range<usize>, usize)>) -> Vec<(Range<usize>, usize)> {
    let mut out: Vec<(Range<usize>, usize)> = Vec::with_capacity(segments.len());
    let mut open_at_end = 0usize;
    for (range, char_start) in segments {
        let content = &text[range.clone()];
        let (depth_after, closes_open) = bracket_depth(open_at_end, content);
        let joins = open_at_end > 0
            && closes_open
            && out.last().is_some_and(|(last, _)| {
                text[last.end..range.start].chars().all(char::is_whitespace)
                    && text[last.clone()].chars().count() + content.chars().count() <= MAX_SENTENCE_CHARS
            });
        if joins {
            let last = out.last_mut().expect("joins only after a segment");
            last.0.end = range.end;
            open_at_end = depth_after;
        } else {
            open_at_end = bracket_depth(0, content).0;
            out.push((range, char_start));
        }
    }
    out
}

/// The bracket depth after `text`, starting at `depth`, and whether it fell to zero on
/// the way.
fn bracket_depth(mut depth: usize, text: &str) -> (usize, bool) {
    let mut closed = false;
    for c in text.chars() {
        if opens(c) {
            depth += 1;
        } else if closes(c) && depth > 0 {
            depth -= 1;
            closed |= depth == 0;
        }
    }
    (depth, closed)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

fn opens(c: char) -> bool {
    matches!(c, '（' | '(' | '【' | '[' | '「' | '《' | '“')
}

fn closes(c: char) -> bool {
    matches!(c, '）' | ')' | '】' | ']' | '」' | '》' | '”')
}

/// Splits one line into sentences at terminators outside brackets; returns byte and char
/// ranges relative to the line, trimmed of white space.
fn split_sentences(line: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = (0, 0);
    let mut char_index = 0;
    let mut len_chars = 0;
    let mut last_comma: Option<(usize, usize)> = None;
    for (i, c) in line.char_indices() {
        char_index += 1;
        len_chars += 1;
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        }
        let end = (i + c.len_utf8(), char_index);
        if (depth == 0 && is_terminator(c)) || (depth > 0 && matches!(c, '。')) {
            push_trimmed(line, start, end, &mut out);
            start = end;
            len_chars = 0;
            last_comma = None;
            depth = 0;
        } else if matches!(c, '，' | ',' | '、' | ' ') {
            last_comma = Some(end);
            if len_chars >= MAX_SENTENCE_CHARS {
                push_trimmed(line, start, end, &mut out);
                start = end;
                len_chars = 0;
                depth = 0;
            }
        } else if len_chars >= 2 * MAX_SENTENCE_CHARS {
            // No comma for a long stretch: cut at the last one seen, or here.
            let cut = last_comma.unwrap_or(end);
            push_trimmed(line, start, cut, &mut out);
            len_chars = char_index - cut.1;
            start = cut;
            last_comma = None;
            depth = 0;
        }
    }
    push_trimmed(line, start, (line.len(), char_index), &mut out);
    out
}

fn push_trimmed(
    line: &str,
    (b0, c0): (usize, usize),
    (b1, c1): (usize, usize),
    out: &mut Vec<(Range<usize>, Range<usize>)>,
) {
    if b1 <= b0 {
        return;
    }
    let piece = &line[b0..b1];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return;
    }
    let lead_chars = piece[..lead].chars().count();
    let trail_chars = piece[piece.len() - trail..].chars().count();
    out.push((b0 + lead..b1 - trail, c0 + lead_chars..c1 - trail_chars));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_bullets_are_stripped_from_line_starts() {
        assert_eq!(strip_numbering("1.2 设备信息"), "设备信息");
        assert_eq!(strip_numbering("（三）设备信息"), "设备信息");
        assert_eq!(strip_numbering("• 如果我们发现"), "如果我们发现");
        assert_eq!(strip_numbering("· (4)设备信号：网络状态"), "设备信号：网络状态");
        assert_eq!(strip_numbering("设备·信息"), "设备·信息");
    }

    #[test]
    fn sentences_carry_exact_byte_and_char_offsets() {
        let text =
            "一、我们收集的信息\n我们会收集您的设备型号。当您使用连麦功能时，我们会收集语音信息；其他。\n";
        let doc = structure(text, &[]);
        assert_eq!(doc.headings.len(), 1);
        assert_eq!(doc.headings[0].title, "我们收集的信息");
        let bodies: Vec<&Sentence> = doc.sentences.iter().filter(|s| !s.is_heading).collect();
        assert_eq!(bodies.len(), 3);
        assert_eq!(doc.sentence_text(bodies[0]), "我们会收集您的设备型号。");
        let chars: Vec<char> = text.chars().collect();
        for s in &bodies {
            let by_chars: String = chars[s.chars.clone()].iter().collect();
            assert_eq!(by_chars, doc.sentence_text(s));
            assert_eq!(s.path, vec![0]);
        }
    }

    #[test]
    fn outline_levels_nest_by_numbering_style() {
        let text =
            "1.我们收集的信息\n1.1 账号注册\n内容一。\n1.2 设备信息\n内容二。\n2.我们如何共享\n内容三。";
        let doc = structure(text, &[]);
        let titles: Vec<(&str, usize)> = doc.headings.iter().map(|h| (h.title.as_str(), h.level)).collect();
        assert_eq!(
            titles,
            vec![
                ("我们收集的信息", 3),
                ("账号注册", 4),
                ("设备信息", 4),
                ("我们如何共享", 3)
            ]
        );
        let last = doc.sentences.last().unwrap();
        assert_eq!(doc.section_title(last), Some("我们如何共享"));
        assert_eq!(last.path.len(), 1);
        let second = doc
            .sentences
            .iter()
            .find(|s| doc.sentence_text(s) == "内容二。")
            .unwrap();
        let path: Vec<&str> = second
            .path
            .iter()
            .map(|&h| doc.headings[h].title.as_str())
            .collect();
        assert_eq!(path, vec!["我们收集的信息", "设备信息"]);
    }

    #[test]
    fn long_sentences_are_not_headings_and_leads_are_kept() {
        let text = "1）基于存储权限的相关功能：当您使用录歌功能时，我们需要获取您的存储权限。";
        let doc = structure(text, &[]);
        assert!(doc.headings.is_empty());
        assert_eq!(doc.sentences[0].lead.as_deref(), Some("基于存储权限的相关功能"));
    }

    #[test]
    fn a_line_broken_inside_a_bracket_runs_on() {
        let text =
            "我们会收集设备标识符（如IMEI、Android\nID、OAID）和设备型号。\n另一行（未闭合\n第三行。\n";
        let doc = structure(text, &[]);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.sentence_text(s)).collect();
        assert_eq!(
            sentences[0],
            "我们会收集设备标识符（如IMEI、Android\nID、OAID）和设备型号。"
        );
        // A bracket the next line does not close leaves both lines as they are.
        assert_eq!(&sentences[1..], ["另一行（未闭合", "第三行。"]);
        let first = &doc.sentences[0];
        assert_eq!(first.chars.end - first.chars.start, sentences[0].chars().count());
    }

    #[test]
    fn terminators_inside_brackets_do_not_split() {
        let text = "我们收集IMEI（仅在安卓9及以下版本收集；安卓9以上版本不收集）以及OAID。";
        let doc = structure(text, &[]);
        assert_eq!(doc.sentences.len(), 1);
    }

    #[test]
    fn very_long_unpunctuated_lines_are_cut() {
        let text = "设备型号，".repeat(400);
        let doc = structure(&text, &[]);
        assert!(doc.sentences.len() > 1);
        assert!(doc
            .sentences
            .iter()
            .all(|s| s.chars.len() <= 2 * MAX_SENTENCE_CHARS));
        let total: usize = doc.sentences.iter().map(|s| s.chars.len()).sum();
        assert_eq!(total, text.chars().count());
    }

    #[test]
    fn numbered_headings_inside_a_run_on_line_open_sections() {
        let text = "一、我们收集的信息 我们会收集您的设备型号。 1、帮助您完成登录\t 您需要提供手机号码，包括：（1）向支付机构共享订单；（2）向快递公司共享地址。 2、 实现身份认证 依照法规，我们会收集姓名。2019年5月 更新。版本 2.42 KB 大小。";
        let doc = structure(text, &[]);
        let titles: Vec<&str> = doc.headings.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, vec!["我们收集的信息", "帮助您完成登录", "实现身份认证"]);
        let chars: Vec<char> = text.chars().collect();
        for s in &doc.sentences {
            let by_chars: String = chars[s.chars.clone()].iter().collect();
            assert_eq!(by_chars, doc.sentence_text(s));
        }
        let name = doc
            .sentences
            .iter()
            .find(|s| doc.sentence_text(s).contains("姓名"))
            .expect("the sentence on names");
        assert_eq!(doc.section_title(name), Some("实现身份认证"));
        // The enumeration inside the sentence stays one sentence of its section.
        let shared = doc
            .sentences
            .iter()
            .find(|s| doc.sentence_text(s).starts_with("您需要提供"))
            .expect("the sentence on the phone number");
        assert_eq!(doc.section_title(shared), Some("帮助您完成登录"));
        assert!(doc.sentence_text(shared).contains("（1）向支付机构共享订单；"));
        // The table of contents running into the first section.
        let doc = structure("引言。 1、用户体验计划a) 我们会收集设备型号。", &[]);
        assert_eq!(doc.headings[0].title, "用户体验计划");
        let doc = structure(
            "引言。 一、收集 二、联系我们一、我们如何收集信息\t 我们会收集设备型号。",
            &[],
        );
        let titles: Vec<&str> = doc.headings.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, vec!["收集", "联系我们", "我们如何收集信息"]);
        // A heading line with a space in its title stays one heading.
        let doc = structure("一、我们如何收集 和使用个人信息\n正文。", &[]);
        assert_eq!(doc.headings[0].title, "我们如何收集 和使用个人信息");
    }

    #[test]
    fn marked_headings_become_headings_even_when_long() {
        let text =
            "前言\n这是一段很长的标记为标题的文字但是它没有任何标点符号并且超过了平常的长度限制呢\n正文。";
        let start = text.find("这是").unwrap();
        let end = start + text[start..].find('\n').unwrap();
        let marked: Vec<Range<usize>> = std::iter::once(start..end).collect();
        let doc = structure(text, &marked);
        assert!(doc.headings.iter().any(|h| h.range == (start..end)));
    }
}
