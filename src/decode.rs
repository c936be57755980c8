//! Stage 1 of the pipeline: the raw bytes of one privacy-policy file in, clean
//! plain text out.
//!
//! Later stages split sentences on Chinese punctuation and quote this text back
//! as evidence with offsets into it, so this stage removes only what is not
//! text (encoding artefacts, markup, layout white space) and leaves every other
//! character exactly as written: no NFKC, no full-width to half-width folding.
//!
//! Flow: bytes → `decode_bytes` (UTF-8 / UTF-16 / GB18030, with binary and
//! garbage rejection) → `unify_line_breaks` → format sniffing → one of three
//! converters. All converters write through one `TextBuilder`, which does the
//! white-space normalisation and records heading lines, so the three formats
//! cannot drift apart in how they normalise.
//!
//! Every scanner here is bounded so that hostile input (megabytes of stray
//! `<`, `[` or backticks) costs at most a bounded rescan per character rather
//! than a rescan of the whole file.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// Markup the input was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// A policy decoded to plain text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// Plain text: markup removed, block elements and line breaks kept as '\n', entities resolved.
    ///
    /// Lines are trimmed, runs of spaces are single spaces, there is at most one
    /// blank line in a row, and the text neither starts nor ends with a line break.
    pub text: String,
    /// Name of the encoding the bytes were read as: "UTF-8" or "GB18030"
    /// ("UTF-16LE" / "UTF-16BE" only for input that starts with a UTF-16 byte-order mark).
    pub encoding: &'static str,
    pub format: Format,
    /// Byte ranges in `text` of lines that the markup marks as headings (HTML h1–h6, Markdown `#` lines, a Markdown line that is entirely bold `**…**`), sorted, each one whole line without its '\n'.
    pub headings: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// No bytes, or only white space.
    Empty,
    /// Looks binary (NUL bytes or mostly control characters), or could not be decoded as UTF-8 or GB18030 without many replacement characters.
    Undecodable,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecodeError::Empty => "empty file",
            DecodeError::Undecodable => "not text: undecodable bytes",
        })
    }
}

impl std::error::Error for DecodeError {}

/// Decode `bytes`. `hint` comes from the file extension (.html/.htm → Html, .md → Markdown, .txt → None): when None, sniff the content.
pub fn decode(bytes: &[u8], hint: Option<Format>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (raw, encoding) = decode_bytes(bytes)?;
    let src = unify_line_breaks(&raw);
    let format = hint.unwrap_or_else(|| sniff_format(&src));
    let (text, headings) = match format {
        Format::Text => text_to_plain(&src),
        Format::Markdown => markdown_to_plain(&src),
        Format::Html => html_to_plain(&src),
    };
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding,
        format,
        headings,
    })
}

// ---------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16BE_BOM: &[u8] = &[0xFE, 0xFF];
const GB18030_BOM: &[u8] = &[0x84, 0x31, 0x95, 0x33];

/// Above this share of U+FFFD (percent of characters) the bytes were not
/// really in the encoding we read them as. Real policies in the corpus sit
/// below 0.6%; mis-converted files (GBK pushed through a lossy UTF-8 step,
/// UTF-16 with its BOM mangled) sit at 1.5% and far above.
const MAX_REPLACEMENT_PERCENT: usize = 1;

/// Above this share of C0/C1 control characters (percent of characters) the
/// input is binary. Text has next to none; random bytes have about 11%.
const MAX_CONTROL_PERCENT: usize = 5;

/// Reads the bytes as text: a BOM decides when there is one; otherwise UTF-8
/// when the bytes are (almost) valid UTF-8, else GB18030, which is a superset
/// of GBK and GB2312 and so covers every legacy Chinese file in the corpus.
fn decode_bytes(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), DecodeError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        (String::from_utf8_lossy(rest), "UTF-8")
    } else if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        (UTF_16LE.decode_without_bom_handling(rest).0, "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        (UTF_16BE.decode_without_bom_handling(rest).0, "UTF-16BE")
    } else if let Some(rest) = bytes.strip_prefix(GB18030_BOM) {
        (GB18030.decode_without_bom_handling(rest).0, "GB18030")
    } else if is_mostly_utf8(bytes) {
        (String::from_utf8_lossy(bytes), "UTF-8")
    } else {
        (GB18030.decode_without_bom_handling(bytes).0, "GB18030")
    };
    if looks_like_text(&text) {
        Ok((text, encoding))
    } else {
        Err(DecodeError::Undecodable)
    }
}

/// Whether the bytes are UTF-8 apart from a little damage.
///
/// A UTF-8 file cut off mid-character, or with one stray byte, must not be
/// re-read as GB18030: that turns all of its Chinese into plausible-looking
/// mojibake with hardly any replacement characters, which no later check would
/// catch. GB18030 text read as UTF-8, on the other hand, breaks on most of its
/// characters, so "at most one broken sequence per hundred well-formed
/// multi-byte characters" separates the two cleanly.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // The only fault is an incomplete character at the very end.
        Err(e) if e.error_len().is_none() => true,
        Err(_) => {
            let mut broken = 0usize;
            let mut multibyte = 0usize;
            for chunk in bytes.utf8_chunks() {
                multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                if !chunk.invalid().is_empty() {
                    broken += 1;
                }
            }
            broken * 100 <= multibyte
        }
    }
}

/// Rejects binary data and text read in the wrong encoding. U+FFFD that was
/// already in valid UTF-8 counts too: such files were mangled by an earlier
/// lossy conversion and are just as unreadable.
fn looks_like_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut replacements = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        match c {
            '\0' => return false,
            '\u{FFFD}' => replacements += 1,
            '\t' | '\n' | '\r' | '\u{B}' | '\u{C}' => {}
            c if c.is_control() => controls += 1,
            _ => {}
        }
    }
    replacements * 100 <= total * MAX_REPLACEMENT_PERCENT && controls * 100 <= total * MAX_CONTROL_PERCENT
}

// ---------------------------------------------------------------------------
// Character classes and line-break unification
// ---------------------------------------------------------------------------

/// Characters that end a line: CR and LF, plus vertical tab, form feed, NEL and
/// the Unicode line and paragraph separators, which are line breaks too.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters that become one ASCII space: the tab and every Unicode space
/// separator. Besides U+00A0 and the ideographic space U+3000 this takes in
/// U+2002/U+2003, which `&ensp;`/`&emsp;` produce for paragraph indents in
/// Chinese web pages.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Invisible characters that are dropped: zero-width space, non-joiner and
/// joiner, word joiner, and U+FEFF inside the text.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Turns every line break into '\n' and drops zero-width characters, so the
/// Markdown and Text converters can split on '\n' and a zero-width space in
/// front of `#` cannot hide a heading.
fn unify_line_breaks(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| (c != '\n' && is_line_break(c)) || is_zero_width(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() != Some(&'\n') {
                out.push('\n');
            }
        } else if is_line_break(c) {
            out.push('\n');
        } else if !is_zero_width(c) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

// ---------------------------------------------------------------------------
// Output: white-space normalisation and heading ranges
// ---------------------------------------------------------------------------

/// Builds the output text line by line: collapses spaces, trims lines, keeps at
/// most one blank line in a row and records the byte range of each line that
/// ends while the heading flag is on.
///
/// Two kinds of break: a soft break (an HTML block boundary) ends a line that
/// has text and is otherwise a no-op; a hard break (a '\n' of the source or a
/// `<br>`) also produces a blank line when the current line is empty.
#[derive(Default)]
struct TextBuilder {
    text: String,
    line: String,
    blank_line_pending: bool,
    heading: bool,
    headings: Vec<Range<usize>>,
}

impl TextBuilder {
    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }

    fn push_char(&mut self, c: char) {
        if is_line_break(c) {
            self.hard_break();
        } else if is_space(c) {
            if !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
        } else if !is_zero_width(c) {
            self.line.push(c);
        }
    }

    fn soft_break(&mut self) {
        if !self.line.is_empty() {
            self.finish_line();
        }
    }

    fn hard_break(&mut self) {
        if self.line.is_empty() {
            self.blank_line_pending = true;
        } else {
            self.finish_line();
        }
    }

    fn set_heading(&mut self, on: bool) {
        self.heading = on;
    }

    fn finish_line(&mut self) {
        if self.line.ends_with(' ') {
            self.line.pop();
        }
        if !self.text.is_empty() {
            self.text.push('\n');
            if self.blank_line_pending {
                self.text.push('\n');
            }
        }
        self.blank_line_pending = false;
        let start = self.text.len();
        self.text.push_str(&self.line);
        if self.heading {
            self.headings.push(start..self.text.len());
        }
        self.line.clear();
    }

    fn finish(mut self) -> (String, Vec<Range<usize>>) {
        self.soft_break();
        (self.text, self.headings)
    }
}

fn text_to_plain(src: &str) -> (String, Vec<Range<usize>>) {
    let mut b = TextBuilder::default();
    b.push_str(&rejoin_broken_lines(&tab_headings_to_lines(src)));
    b.finish()
}

/// Where a page's text was taken line by line from its inline elements (a bold data
/// item on a line of its own: `收集您的昵称、头像、` / `手机号码` / `，收集这些信息是为了…`),
/// the sentence is put back together: a line that ends inside a list (`、`, `，`) goes on
/// with the next, and a line that opens with punctuation that cannot start one (`，`,
/// `、`, `。`, `；`, `）`) goes on from the previous. Only consecutive lines: a blank line
/// between them is a real break.
fn rejoin_broken_lines(src: &str) -> Cow<'_, str> {
    const OPENS_NOTHING: [char; 8] = ['，', '、', '。', '；', '）', '：', '！', '？'];
    let continues = |line: &str, next: &str| {
        let (line, next) = (line.trim(), next.trim());
        !line.is_empty()
            && !next.is_empty()
            && (line.ends_with(['、', '，']) || next.starts_with(OPENS_NOTHING))
    };
    let lines: Vec<&str> = src.split('\n').collect();
    if !lines.windows(2).any(|w| continues(w[0], w[1])) {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(line);
        } else if continues(lines[i - 1], line) {
            // The indentation the extractor put before an inline element is no text.
            let kept = out.trim_end_matches([' ', '\t', '\u{3000}']).len();
            out.truncate(kept);
            out.push_str(line.trim_start());
        } else {
            out.push('\n');
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// A page flattened to one line keeps its section titles between tabs
/// (`…联系我们。\t 13、 商品购买及支付功能\t 为便于…`): the tabs around a numbered title
/// become line breaks, so the title stands as a heading. Other tabs (table cells) stay.
fn tab_headings_to_lines(src: &str) -> Cow<'_, str> {
    if !src.contains('\t') {
        return Cow::Borrowed(src);
    }
    let tabs: Vec<usize> = src.match_indices('\t').map(|(i, _)| i).collect();
    let mut breaks: Vec<usize> = Vec::new();
    for (k, &tab) in tabs.iter().enumerate() {
        let from = tab + 1;
        let to = tabs.get(k + 1).copied().unwrap_or(src.len());
        let segment = &src[from..to];
        if !segment.contains('\n') && crate::structure::is_numbered_heading(segment) {
            breaks.push(tab);
            if to < src.len() {
                breaks.push(to);
            }
        }
    }
    if breaks.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut out = src.as_bytes().to_vec();
    for b in breaks {
        out[b] = b'\n';
    }
    Cow::Owned(String::from_utf8(out).expect("a tab replaced by a line break keeps UTF-8"))
}

// ---------------------------------------------------------------------------
// Format sniffing
// ---------------------------------------------------------------------------

/// How much of the start of the text the HTML sniffer looks at.
const SNIFF_WINDOW: usize = 4096;

/// Decides the format of text without a file-extension hint.
///
/// HTML needs either a document start (`<!DOCTYPE`, `<html`, `<?xml`) or known
/// tags making up a real share of the first 4 KB: policies pasted as text often
/// carry a stray `<br>` or two, and reading those as HTML would join their
/// lines. Markdown needs `#` headings or bold plus links (see
/// `MarkdownSignals::is_markdown`); two `#` headings win over inline HTML
/// because the Markdown converter handles inline tags anyway.
fn sniff_format(src: &str) -> Format {
    let window = prefix_at_char_boundary(src, SNIFF_WINDOW);
    let start = window.trim_start();
    if ["<!doctype", "<html", "<?xml"]
        .iter()
        .any(|p| starts_with_ignore_ascii_case(start, p))
    {
        return Format::Html;
    }
    let md = markdown_signals(src);
    if md.headings >= 2 {
        return Format::Markdown;
    }
    let (tags, tag_bytes) = count_known_tags(window);
    if tags >= 3 && (tag_bytes * 20 >= window.len() || tags >= 10) {
        return Format::Html;
    }
    if md.is_markdown() {
        Format::Markdown
    } else {
        Format::Text
    }
}

fn prefix_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Number of known HTML tags in `window` and the bytes they cover.
fn count_known_tags(window: &str) -> (usize, usize) {
    let bytes = window.as_bytes();
    let (mut count, mut covered) = (0, 0);
    let mut lexer = Lexer::new(window);
    let mut pos = 0;
    while let Some(at) = find_byte(bytes, b'<', pos) {
        match lexer.markup_at(at) {
            Markup::Tag(tag, end) if is_known_tag(&tag.name) => {
                count += 1;
                covered += end - at;
                pos = end;
            }
            _ => pos = at + 1,
        }
    }
    (count, covered)
}

/// Markdown syntax counted over the whole text.
#[derive(Debug, Default)]
struct MarkdownSignals {
    headings: usize,
    bold: usize,
    links: usize,
    table_separators: usize,
}

impl MarkdownSignals {
    /// Plain-text policies do contain `#` or `**` now and then (masked phone
    /// numbers, "张**"), so a single signal is not enough.
    fn is_markdown(&self) -> bool {
        self.headings >= 2
            || (self.bold >= 1 && self.links >= 1)
            || self.bold >= 3
            || (self.table_separators >= 1 && self.headings + self.bold + self.links >= 1)
    }
}

fn markdown_signals(src: &str) -> MarkdownSignals {
    let mut s = MarkdownSignals::default();
    for line in src.split('\n') {
        let line = line.trim_start_matches(is_space);
        if atx_heading(line).is_some_and(|text| !text.is_empty()) {
            s.headings += 1;
        }
        s.bold += count_bold_runs(line);
        s.links += count_links(line);
        if is_table_separator(line) {
            s.table_separators += 1;
        }
    }
    s
}

/// `**x**` runs whose content neither starts nor ends with white space.
fn count_bold_runs(line: &str) -> usize {
    let mut count = 0;
    let mut rest = line;
    while let Some(open) = rest.find("**") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("**") else { break };
        let inner = &after[..close];
        let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && c != '*');
        if solid(inner.chars().next()) && solid(inner.chars().next_back()) {
            count += 1;
        }
        rest = &after[close + 2..];
    }
    count
}

/// `](` with a `[` before it and a `)` after it on the same line.
fn count_links(line: &str) -> usize {
    let (Some(first_open), Some(last_close)) = (line.find('['), line.rfind(')')) else {
        return 0;
    };
    if first_open >= last_close {
        return 0;
    }
    line[first_open..last_close].matches("](").count()
}

// ---------------------------------------------------------------------------
// HTML lexing
// ---------------------------------------------------------------------------

/// Once a start tag has run to the end of the input unclosed, later start
/// tags may only be this long. Without the bound, a file full of stray
/// `<a x="` would rescan to its end once per `<`.
const SHORT_TAG_LIMIT: usize = 1024;

/// A start or end tag; attributes are not kept since no text lives in them.
#[derive(Debug)]
struct Tag {
    /// ASCII-lower-cased.
    name: String,
    closing: bool,
    self_closing: bool,
}

#[derive(Debug)]
enum Markup {
    /// A tag and the offset just past its '>'.
    Tag(Tag, usize),
    /// A comment, `<!…>` declaration or `<?…>` instruction, to be skipped up to this offset.
    Skip(usize),
    /// The '<' does not start markup ("a < b", "<3", "<中文>").
    Text,
    /// Looked like markup but has no end.
    Unterminated,
}

/// The next occurrence of one byte, remembered: a search from `from` that
/// found `found` answers every later search from `from..=found` as well, and
/// a search that found nothing answers every later one. This is what keeps a
/// text with thousands of '<' and one far-away '>' linear.
struct NextByte {
    byte: u8,
    from: usize,
    found: Option<usize>,
}

impl NextByte {
    fn new(byte: u8) -> Self {
        NextByte {
            byte,
            from: usize::MAX,
            found: None,
        }
    }

    fn find(&mut self, hay: &[u8], from: usize) -> Option<usize> {
        let cached = from >= self.from && self.found.is_none_or(|found| from <= found);
        if !cached {
            self.from = from;
            self.found = find_byte(hay, self.byte, from);
        }
        self.found
    }
}

/// Lexes markup in one text, keeping the scanning linear on hostile input:
/// searches for `>`, `]` and `-->` are remembered and not repeated; start
/// tags, whose quotes make that unsound, get a length bound once one has run
/// off the end.
struct Lexer<'a> {
    src: &'a str,
    tag_limit: usize,
    next_gt: NextByte,
    next_close_bracket: NextByte,
    no_comment_end_from: usize,
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Self {
        Lexer {
            src,
            tag_limit: usize::MAX,
            next_gt: NextByte::new(b'>'),
            next_close_bracket: NextByte::new(b']'),
            no_comment_end_from: usize::MAX,
        }
    }

    fn find_gt(&mut self, from: usize) -> Option<usize> {
        self.next_gt.find(self.src.as_bytes(), from)
    }

    fn find_close_bracket(&mut self, from: usize) -> Option<usize> {
        self.next_close_bracket.find(self.src.as_bytes(), from)
    }

    fn find_comment_end(&mut self, from: usize) -> Option<usize> {
        if from >= self.no_comment_end_from {
            return None;
        }
        let found = find_bytes(self.src.as_bytes(), b"-->", from);
        if found.is_none() {
            self.no_comment_end_from = from;
        }
        found
    }

    /// Lexes the markup starting at the '<' at `at`.
    ///
    /// Follows the browser's rules where they matter for text: a tag name
    /// starts with an ASCII letter; quotes delimit attribute values only right
    /// after '=', so `style="font:"&">` still ends at its '>'. It departs from
    /// them for tolerance: an unterminated comment or quoted value ends at the
    /// next '>' instead of swallowing the rest of the document, and junk after
    /// the name counts as attributes, so JSON-escaped `<br\/>` is still a `br`.
    fn markup_at(&mut self, at: usize) -> Markup {
        let bytes = self.src.as_bytes();
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            // Searching from the "--" of "<!--" makes "<!-->" an empty comment, as in browsers.
            let end = match self.find_comment_end(at + 2) {
                Some(i) => Some(i + 3),
                None => self.find_gt(at + 4).map(|i| i + 1),
            };
            return end.map_or(Markup::Unterminated, Markup::Skip);
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            return self
                .find_gt(at + 2)
                .map_or(Markup::Unterminated, |i| Markup::Skip(i + 1));
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = at + if closing { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return Markup::Text;
        }
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
            .count();
        let name_end = name_start + name_len;
        let end = if closing {
            self.find_gt(name_end).map(|i| (i + 1, false))
        } else {
            let limit = bytes.len().min(at.saturating_add(self.tag_limit));
            let end = self.start_tag_end(name_end, limit);
            if end.is_none() {
                self.tag_limit = SHORT_TAG_LIMIT;
            }
            end
        };
        match end {
            Some((end, self_closing)) => Markup::Tag(
                Tag {
                    name: self.src[name_start..name_end].to_ascii_lowercase(),
                    closing,
                    self_closing,
                },
                end,
            ),
            None => Markup::Unterminated,
        }
    }

    /// From just after a start tag's name, finds the end of the tag before
    /// `limit`: the offset past its '>' and whether a '/' came right before it.
    fn start_tag_end(&mut self, mut i: usize, limit: usize) -> Option<(usize, bool)> {
        let bytes = &self.src.as_bytes()[..limit];
        let mut slash_before = false;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'>' => return Some((i + 1, slash_before)),
                b'/' => {
                    slash_before = true;
                    i += 1;
                }
                b'=' => {
                    slash_before = false;
                    i += 1;
                    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                        i += 1;
                    }
                    if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                        match find_byte(bytes, quote, i + 1) {
                            Some(close) => i = close + 1,
                            None => return self.find_gt(i + 1).map(|gt| (gt + 1, false)),
                        }
                    }
                }
                _ => {
                    slash_before = false;
                    i += 1;
                }
            }
        }
        None
    }
}

/// HTML elements; in Markdown only these count as inline HTML, so "a<b" or
/// "<微信>" in prose is left alone, and they are what the HTML sniffer counts.
const KNOWN_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "noscript",
    "o:p",
    "ol",
    "option",
    "p",
    "pre",
    "q",
    "s",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "video",
];

fn is_known_tag(name: &str) -> bool {
    KNOWN_TAGS.contains(&name)
}

/// Elements whose start and end end the current line (besides br, tr, td/th,
/// table, pre and h1–h6, which are handled on their own).
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "section",
    "summary",
    "tbody",
    "tfoot",
    "thead",
    "title",
    "ul",
];

/// Block starts that end a heading left unclosed: sane markup never has them
/// inside h1–h6, so seeing one means the heading's end tag is missing.
const HEADING_ENDERS: &[&str] = &[
    "article",
    "blockquote",
    "body",
    "dl",
    "footer",
    "header",
    "hr",
    "ol",
    "section",
    "ul",
];

/// Elements whose content is not text: the lower-cased prefix of the end tag to skip to.
fn skipped_content_closer(name: &str) -> Option<&'static str> {
    Some(match name {
        "script" => "</script",
        "style" => "</style",
        "noscript" => "</noscript",
        "svg" => "</svg",
        "template" => "</template",
        "iframe" => "</iframe",
        "xml" => "</xml",
        _ => return None,
    })
}

/// Offset past the end tag that `closer` starts, searching from `from`. When
/// there is none, only the start tag is dropped: an unclosed `<style>` must not
/// take the rest of the policy with it. `absent` remembers closers already
/// known to be missing, so many unclosed `<script>` tags cost one search.
fn skip_past_closer(src: &str, from: usize, closer: &'static str, absent: &mut Vec<&'static str>) -> usize {
    if absent.contains(&closer) {
        return from;
    }
    let bytes = src.as_bytes();
    match find_ascii_case_insensitive(bytes, closer.as_bytes(), from) {
        Some(at) => find_byte(bytes, b'>', at + closer.len()).map_or(bytes.len(), |gt| gt + 1),
        None => {
            absent.push(closer);
            from
        }
    }
}

fn find_byte(hay: &[u8], byte: u8, from: usize) -> Option<usize> {
    hay.get(from..)?.iter().position(|&b| b == byte).map(|i| i + from)
}

fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// `needle` must be lower-case ASCII.
fn find_ascii_case_insensitive(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| i + from)
}

// ---------------------------------------------------------------------------
// Character references
// ---------------------------------------------------------------------------

/// Named character references that policies use. Unknown names stay as written.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("nbsp", '\u{A0}'),
    ("lt", '<'),
    ("gt", '>'),
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("minus", '−'),
    ("hellip", '…'),
    ("middot", '·'),
    ("centerdot", '·'),
    ("bull", '•'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("ZeroWidthSpace", '\u{200B}'),
    ("shy", '\u{AD}'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("deg", '°'),
    ("permil", '‰'),
    ("micro", 'µ'),
    ("sect", '§'),
    ("para", '¶'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("pound", '£'),
    ("euro", '€'),
    ("curren", '¤'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("loz", '◊'),
    ("star", '☆'),
    ("starf", '★'),
    ("check", '✓'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("not", '¬'),
];

/// Names that browsers accept without the closing ';' ("&nbsp&nbsp" is common).
const LEGACY_ENTITIES: &[&str] = &["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"];

/// Windows-1252 characters that browsers substitute for numeric references to
/// the C1 controls, e.g. `&#147;` for “.
const WINDOWS_1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Resolves the character reference at the '&' at `amp`: the character and the
/// offset past the reference. None leaves the '&' as written.
fn parse_entity(src: &str, amp: usize) -> Option<(char, usize)> {
    let bytes = src.as_bytes();
    let mut i = amp + 1;
    if bytes.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(bytes.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let digits_start = i;
        let is_digit = |b: &u8| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        };
        while bytes.get(i).is_some_and(is_digit) {
            i += 1;
        }
        // More than eight digits is no character anyone meant; leave it alone.
        if i == digits_start || i - digits_start > 8 {
            return None;
        }
        let code = u32::from_str_radix(&src[digits_start..i], if hex { 16 } else { 10 }).ok()?;
        let end = if bytes.get(i) == Some(&b';') { i + 1 } else { i };
        return Some((numeric_reference_char(code), end));
    }
    let name_start = i;
    while i - name_start <= 32 && bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    let name = &src[name_start..i];
    let lookup = || NAMED_ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c);
    if bytes.get(i) == Some(&b';') {
        lookup().map(|c| (c, i + 1))
    } else if LEGACY_ENTITIES.contains(&name) {
        lookup().map(|c| (c, i))
    } else {
        None
    }
}

fn numeric_reference_char(code: u32) -> char {
    match code {
        0 => '\u{FFFD}',
        0x80..=0x9F => WINDOWS_1252_C1[(code - 0x80) as usize],
        _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
    }
}

// ---------------------------------------------------------------------------
// HTML → text
// ---------------------------------------------------------------------------

/// What HTML tags do to the line structure; shared by the HTML converter and
/// inline HTML in Markdown.
#[derive(Default)]
struct HtmlRenderer {
    pre_depth: usize,
    /// One entry per open `<table>`: whether a cell of it is open.
    tables: Vec<bool>,
    /// How many entries of `tables` are true. Inside a cell, line breaks
    /// become spaces so that each table row stays one line.
    open_cells: usize,
    in_heading: bool,
}

impl HtmlRenderer {
    fn in_cell(&self) -> bool {
        self.open_cells > 0
    }

    /// HTML source white space (newlines included) is a space, except in `<pre>`.
    fn push_text(&self, s: &str, b: &mut TextBuilder) {
        if self.pre_depth > 0 && !self.in_cell() {
            b.push_str(s);
        } else {
            for c in s.chars() {
                b.push_char(if c.is_ascii_whitespace() || is_line_break(c) {
                    ' '
                } else {
                    c
                });
            }
        }
    }

    fn block_break(&self, b: &mut TextBuilder) {
        if self.in_cell() {
            b.push_char(' ');
        } else {
            b.soft_break();
        }
    }

    fn line_break(&self, b: &mut TextBuilder) {
        if self.in_cell() {
            b.push_char(' ');
        } else {
            b.hard_break();
        }
    }

    /// Opens or closes a cell in the innermost table. Cells outside any table
    /// (a pasted fragment of rows) get an implicit table.
    fn set_cell(&mut self, open: bool) {
        if self.tables.is_empty() {
            self.tables.push(false);
        }
        if let Some(cell_open) = self.tables.last_mut() {
            match (*cell_open, open) {
                (false, true) => self.open_cells += 1,
                (true, false) => self.open_cells -= 1,
                _ => {}
            }
            *cell_open = open;
        }
    }

    fn end_heading(&mut self, b: &mut TextBuilder) {
        if self.in_heading {
            self.block_break(b);
            self.in_heading = false;
            b.set_heading(false);
        }
    }

    /// Applies a tag's effect on the text. For a start tag of an element whose
    /// content is not text (script, style …) returns the end tag to skip to.
    fn apply_tag(&mut self, tag: &Tag, b: &mut TextBuilder) -> Option<&'static str> {
        let name = tag.name.as_str();
        if !tag.closing && !tag.self_closing {
            if let Some(closer) = skipped_content_closer(name) {
                return Some(closer);
            }
        }
        match name {
            "br" => self.line_break(b),
            "td" | "th" => {
                b.push_char(' ');
                self.set_cell(!tag.closing);
            }
            "tr" => {
                if self.tables.last() == Some(&true) {
                    self.set_cell(false);
                }
                self.block_break(b);
            }
            "table" => {
                if tag.closing {
                    if self.tables.pop() == Some(true) {
                        self.open_cells -= 1;
                    }
                    self.block_break(b);
                } else {
                    self.end_heading(b);
                    self.block_break(b);
                    self.tables.push(false);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.block_break(b);
                self.in_heading = !tag.closing && !self.in_cell();
                b.set_heading(self.in_heading);
            }
            "pre" | "listing" | "plaintext" => {
                self.block_break(b);
                if tag.closing {
                    self.pre_depth = self.pre_depth.saturating_sub(1);
                } else if !tag.self_closing {
                    self.pre_depth += 1;
                }
            }
            _ if BLOCK_TAGS.contains(&name) => {
                if !tag.closing && HEADING_ENDERS.contains(&name) {
                    self.end_heading(b);
                }
                self.block_break(b);
            }
            _ => {}
        }
        None
    }
}

/// A tag-soup converter: text runs, tags, comments and character references,
/// with no tree built. Unclosed tags cost nothing because nothing waits for
/// them, except cells and headings, which `HtmlRenderer` bounds.
///
/// `<head>` needs no case of its own: besides `<title>`, which is kept as a
/// line, its children are void (meta, link, base) or skipped (script, style,
/// noscript, template).
fn html_to_plain(src: &str) -> (String, Vec<Range<usize>>) {
    let bytes = src.as_bytes();
    let mut b = TextBuilder::default();
    let mut r = HtmlRenderer::default();
    let mut lexer = Lexer::new(src);
    let mut absent_closers = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let next = bytes[pos..]
            .iter()
            .position(|&c| c == b'<' || c == b'&')
            .map_or(bytes.len(), |i| pos + i);
        if next > pos {
            r.push_text(&src[pos..next], &mut b);
        }
        let Some(&special) = bytes.get(next) else {
            break;
        };
        if special == b'&' {
            pos = match parse_entity(src, next) {
                Some((c, end)) => {
                    r.push_text(c.encode_utf8(&mut [0; 4]), &mut b);
                    end
                }
                None => {
                    r.push_text("&", &mut b);
                    next + 1
                }
            };
            continue;
        }
        pos = match lexer.markup_at(next) {
            Markup::Tag(tag, end) => match r.apply_tag(&tag, &mut b) {
                Some(closer) => skip_past_closer(src, end, closer, &mut absent_closers),
                // The newline right after <pre> is not content.
                None if tag.name == "pre" && !tag.closing && bytes.get(end) == Some(&b'\n') => end + 1,
                None => end,
            },
            Markup::Skip(end) => end,
            Markup::Text | Markup::Unterminated => {
                r.push_text("<", &mut b);
                next + 1
            }
        };
    }
    b.finish()
}

// ---------------------------------------------------------------------------
// Markdown → text
// ---------------------------------------------------------------------------

/// Longest code span, link text and link destination looked for; longer ones
/// are left as written. Bounds the rescanning on lines full of '`' or '['.
const MAX_CODE_SPAN: usize = 1024;
const MAX_LINK_TEXT: usize = 1024;
const MAX_LINK_DESTINATION: usize = 2048;
/// Links nested deeper than this are left as written (bounds recursion).
const MAX_LINK_DEPTH: usize = 4;

/// Line-oriented Markdown converter. Source lines stay lines (soft line breaks
/// are not joined): lines are what later stages work on, and joining would
/// glue Chinese sentences across what the author wrote as separate lines.
fn markdown_to_plain(src: &str) -> (String, Vec<Range<usize>>) {
    let src = strip_multiline_html(src);
    let lines: Vec<&str> = src.split('\n').collect();
    let mut md = MarkdownConverter {
        b: TextBuilder::default(),
        html: HtmlRenderer::default(),
        fence: None,
        in_table: false,
    };
    let mut i = 0;
    while i < lines.len() {
        i = md.convert_line(&lines, i);
    }
    md.b.finish()
}

/// Removes HTML comments and non-text elements (script, style …) from Markdown
/// up front, because they may span lines and the converter works line by line.
fn strip_multiline_html(src: &str) -> Cow<'_, str> {
    if !src.contains('<') {
        return Cow::Borrowed(src);
    }
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut copied = 0;
    let mut pos = 0;
    let mut lexer = Lexer::new(src);
    let mut absent_closers = Vec::new();
    while let Some(at) = find_byte(bytes, b'<', pos) {
        let cut_to = match lexer.markup_at(at) {
            Markup::Skip(end) if bytes[at..].starts_with(b"<!--") => Some(end),
            Markup::Tag(tag, end) => {
                let closer = if tag.closing || tag.self_closing {
                    None
                } else {
                    skipped_content_closer(&tag.name)
                };
                match closer {
                    Some(closer) => Some(skip_past_closer(src, end, closer, &mut absent_closers)),
                    None => {
                        pos = end;
                        continue;
                    }
                }
            }
            _ => None,
        };
        match cut_to {
            Some(end) => {
                out.push_str(&src[copied..at]);
                copied = end;
                pos = end;
            }
            None => pos = at + 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(src);
    }
    out.push_str(&src[copied..]);
    Cow::Owned(out)
}

struct MarkdownConverter {
    b: TextBuilder,
    html: HtmlRenderer,
    /// Open code fence: its character and length.
    fence: Option<(u8, usize)>,
    in_table: bool,
}

impl MarkdownConverter {
    /// Converts line `i` (and, for a setext heading, its underline); returns
    /// the index of the next line to convert.
    fn convert_line(&mut self, lines: &[&str], i: usize) -> usize {
        let line = lines[i];
        let trimmed = line.trim_start_matches(is_space);

        if let Some((ch, len)) = self.fence {
            if code_fence(trimmed).is_some_and(|(c, l, info)| c == ch && l >= len && info.is_empty()) {
                self.fence = None;
            } else {
                self.b.push_str(line);
                self.b.hard_break();
            }
            return i + 1;
        }
        if let Some((ch, len, _)) = code_fence(trimmed) {
            self.fence = Some((ch, len));
            return i + 1;
        }

        let content = strip_quote_markers(trimmed);
        if content.is_empty() {
            self.in_table = false;
            self.b.hard_break();
            return i + 1;
        }
        if is_link_reference_definition(content) {
            return i + 1;
        }
        if is_thematic_break(content) {
            self.in_table = false;
            self.b.hard_break();
            return i + 1;
        }
        if let Some(text) = atx_heading(content) {
            self.heading_line(text);
            return i + 1;
        }

        if content.contains('|') {
            let next_is_separator = lines.get(i + 1).is_some_and(|next| {
                is_table_separator(strip_quote_markers(next.trim_start_matches(is_space)))
            });
            if next_is_separator {
                self.in_table = true;
            }
            if self.in_table || content.starts_with('|') {
                if !is_table_separator(content) {
                    self.table_row(content);
                    self.b.hard_break();
                }
                return i + 1;
            }
        } else {
            self.in_table = false;
        }

        let (content, bulleted) = match strip_bullet(content) {
            Some(rest) => (rest, true),
            None => (content, false),
        };
        if !bulleted && lines.get(i + 1).is_some_and(|next| is_setext_underline(next)) {
            self.heading_line(content);
            return i + 2;
        }
        if !bulleted && is_entirely_bold(content) {
            self.heading_line(content);
            return i + 1;
        }
        self.inline(content);
        self.b.hard_break();
        i + 1
    }

    fn heading_line(&mut self, text: &str) {
        self.b.set_heading(true);
        self.inline(text);
        self.b.hard_break();
        self.b.set_heading(false);
    }

    /// A table row as its cells' text separated by single spaces.
    fn table_row(&mut self, row: &str) {
        let row = row.trim_end_matches(is_space);
        let row = row.strip_prefix('|').unwrap_or(row);
        let row = match row.strip_suffix('|') {
            Some(inner) if !inner.ends_with('\\') => inner,
            _ => row,
        };
        let bytes = row.as_bytes();
        let mut cell_start = 0;
        let mut i = 0;
        while i <= bytes.len() {
            match bytes.get(i) {
                Some(b'\\') => i = (i + 2).min(bytes.len()),
                Some(b'|') | None => {
                    self.inline(&row[cell_start..i]);
                    self.b.push_char(' ');
                    cell_start = i + 1;
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
    }

    fn inline(&mut self, s: &str) {
        let mut pieces = Vec::new();
        scan_inline(s, 0, s.len(), 0, &mut Lexer::new(s), &mut pieces);
        resolve_emphasis(&mut pieces);
        for piece in pieces {
            match piece {
                InlinePiece::Text(t) => self.b.push_str(t),
                InlinePiece::Char(c) => self.b.push_char(c),
                InlinePiece::Delim { ch, count, .. } => {
                    for _ in 0..count {
                        self.b.push_char(char::from(ch));
                    }
                }
                InlinePiece::Tag(tag) => {
                    // Non-text elements were removed by strip_multiline_html.
                    let _ = self.html.apply_tag(&tag, &mut self.b);
                }
            }
        }
    }
}

/// `>` quote markers, each with the spaces after it.
fn strip_quote_markers(mut s: &str) -> &str {
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.trim_start_matches(is_space);
    }
    s
}

/// An opening or closing code fence: its character, length and info string.
fn code_fence(trimmed: &str) -> Option<(u8, usize, &str)> {
    let ch = *trimmed.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == ch).count();
    if len < 3 {
        return None;
    }
    let info = trimmed[len..].trim_matches(is_space);
    if ch == b'`' && info.contains('`') {
        return None;
    }
    Some((ch, len, info))
}

/// The text of an ATX heading line (`## Title ##` → "Title").
fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with(is_space) {
        return None;
    }
    let rest = rest.trim_matches(is_space);
    let without_closing = rest.trim_end_matches('#');
    Some(if without_closing.is_empty() {
        ""
    } else if without_closing.ends_with(is_space) {
        without_closing.trim_end_matches(is_space)
    } else {
        rest
    })
}

/// `---`, `***` or `___` (spaces allowed between), at least three.
fn is_thematic_break(s: &str) -> bool {
    let mut marks = s.chars().filter(|&c| !is_space(c));
    let Some(first @ ('-' | '*' | '_')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// A setext underline: three or more '=' or '-' alone on the line.
fn is_setext_underline(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// A GFM table delimiter row such as `|---|:---:|`.
fn is_table_separator(s: &str) -> bool {
    let t = s.trim_matches(is_space);
    t.contains('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':') || is_space(c))
}

/// The item text after a `- `, `* ` or `+ ` bullet. Numbered items are left
/// alone: their numbers matter to later stages.
fn strip_bullet(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(['-', '*', '+'])?;
    if rest.is_empty() || rest.starts_with(is_space) {
        Some(rest.trim_start_matches(is_space))
    } else {
        None
    }
}

/// `[label]: url` lines, which render as nothing.
fn is_link_reference_definition(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('[') else {
        return false;
    };
    let Some(close) = rest.find("]:") else {
        return false;
    };
    if rest[..close].contains(['[', ']']) {
        return false;
    }
    let target = rest[close + 2..].trim_start_matches(is_space);
    ["http://", "https://", "mailto:", "www.", "/", "#", "<"]
        .iter()
        .any(|p| target.starts_with(p))
}

/// A line that is one bold run, `**…**` or `__…__`, used as a heading.
fn is_entirely_bold(s: &str) -> bool {
    let t = s.trim_end_matches(is_space);
    ["**", "__"].iter().any(|mark| {
        t.len() > 2 * mark.len()
            && t.starts_with(mark)
            && t.ends_with(mark)
            && !t[mark.len()..t.len() - mark.len()].contains(mark)
            && !t[mark.len()..t.len() - mark.len()]
                .trim_matches(is_space)
                .is_empty()
    })
}

#[derive(Debug)]
enum InlinePiece<'a> {
    Text(&'a str),
    Char(char),
    /// A run of emphasis markers; `count` becomes the number left unmatched
    /// (and so printed) once emphasis is resolved.
    Delim {
        ch: u8,
        count: usize,
        can_open: bool,
        can_close: bool,
    },
    Tag(Tag),
}

/// Splits `s[start..end]` into text, emphasis markers and inline HTML:
/// drops link and image syntax, code-span backticks and backslash escapes,
/// and resolves character references.
fn scan_inline<'a>(
    s: &'a str,
    start: usize,
    end: usize,
    depth: usize,
    lexer: &mut Lexer<'a>,
    out: &mut Vec<InlinePiece<'a>>,
) {
    let bytes = s.as_bytes();
    let mut i = start;
    let mut text_from = start;
    while i < end {
        let b = bytes[i];
        if !matches!(b, b'\\' | b'`' | b'!' | b'[' | b'*' | b'_' | b'~' | b'<' | b'&') {
            i += 1;
            continue;
        }
        if text_from < i {
            out.push(InlinePiece::Text(&s[text_from..i]));
        }
        i = match b {
            b'\\' => match bytes.get(i + 1) {
                Some(n) if i + 1 < end && n.is_ascii_punctuation() => {
                    out.push(InlinePiece::Text(&s[i + 1..i + 2]));
                    i + 2
                }
                // A backslash ending the line is a hard line break.
                _ if i + 1 == end => i + 1,
                _ => {
                    out.push(InlinePiece::Text("\\"));
                    i + 1
                }
            },
            b'`' => {
                let n = run_length(bytes, i, end, b'`');
                match find_code_span_close(bytes, i + n, end, n) {
                    Some(close) => {
                        out.push(InlinePiece::Text(code_span_content(&s[i + n..close])));
                        close + n
                    }
                    None => {
                        out.push(InlinePiece::Text(&s[i..i + n]));
                        i + n
                    }
                }
            }
            b'!' => match parse_link(lexer, i + 1, end) {
                // Images carry no policy text.
                Some((_, link_end)) => link_end,
                None => {
                    out.push(InlinePiece::Text("!"));
                    i + 1
                }
            },
            b'[' => match if depth < MAX_LINK_DEPTH {
                parse_link(lexer, i, end)
            } else {
                None
            } {
                Some((text, link_end)) => {
                    scan_inline(s, text.start, text.end, depth + 1, lexer, out);
                    link_end
                }
                None => {
                    out.push(InlinePiece::Text("["));
                    i + 1
                }
            },
            b'*' | b'_' | b'~' => {
                let n = run_length(bytes, i, end, b);
                let prev = s[start..i].chars().next_back();
                let next = s[i + n..end].chars().next();
                let (can_open, can_close) = flanking(b, prev, next);
                // Only "~~" is strikethrough; a single '~' is a range ("3~5个工作日").
                if (b == b'~' && n != 2) || (!can_open && !can_close) {
                    out.push(InlinePiece::Text(&s[i..i + n]));
                } else {
                    out.push(InlinePiece::Delim {
                        ch: b,
                        count: n,
                        can_open,
                        can_close,
                    });
                }
                i + n
            }
            b'<' => {
                if let Some(gt) = autolink_end(lexer, i, end) {
                    out.push(InlinePiece::Text(&s[i + 1..gt]));
                    gt + 1
                } else {
                    // The lexer sees the whole line, so markup may end past `end`
                    // (inside link text); the scan then simply stops there.
                    match lexer.markup_at(i) {
                        Markup::Tag(tag, tag_end) if is_known_tag(&tag.name) => {
                            out.push(InlinePiece::Tag(tag));
                            tag_end
                        }
                        Markup::Skip(skip_end) => skip_end,
                        _ => {
                            out.push(InlinePiece::Text("<"));
                            i + 1
                        }
                    }
                }
            }
            _ => match parse_entity(&s[..end], i) {
                Some((c, entity_end)) => {
                    out.push(InlinePiece::Char(c));
                    entity_end
                }
                None => {
                    out.push(InlinePiece::Text("&"));
                    i + 1
                }
            },
        };
        text_from = i;
    }
    if text_from < end {
        out.push(InlinePiece::Text(&s[text_from..end]));
    }
}

fn run_length(bytes: &[u8], from: usize, end: usize, b: u8) -> usize {
    bytes[from..end].iter().take_while(|&&x| x == b).count()
}

/// Start of the next backtick run of exactly `n` after `from`.
fn find_code_span_close(bytes: &[u8], from: usize, end: usize, n: usize) -> Option<usize> {
    let limit = end.min(from.saturating_add(MAX_CODE_SPAN));
    let mut j = from;
    while j < limit {
        if bytes[j] == b'`' {
            let m = run_length(bytes, j, end, b'`');
            if m == n {
                return Some(j);
            }
            j += m;
        } else {
            j += 1;
        }
    }
    None
}

/// A code span's content loses one space on each side when it has both.
fn code_span_content(inner: &str) -> &str {
    match inner.strip_prefix(' ').and_then(|s| s.strip_suffix(' ')) {
        Some(stripped) if !inner.bytes().all(|b| b == b' ') => stripped,
        _ => inner,
    }
}

/// `[text](destination)` or `[text][label]` starting at `open`: the range of
/// the text and the offset past the link.
fn parse_link(lexer: &mut Lexer<'_>, open: usize, end: usize) -> Option<(Range<usize>, usize)> {
    let bytes = lexer.src.as_bytes();
    if open >= end || bytes.get(open) != Some(&b'[') {
        return None;
    }
    // Cheap rejection of a '[' with no ']' in reach: a run of '[' costs O(1) each.
    lexer
        .find_close_bracket(open + 1)
        .filter(|&close| close < end && close - open < MAX_LINK_TEXT)?;
    let close = matching_bracket(bytes, open, end, b'[', b']', MAX_LINK_TEXT)?;
    let after = close + 1;
    let target_end = match bytes.get(after) {
        Some(b'(') if after < end => matching_bracket(bytes, after, end, b'(', b')', MAX_LINK_DESTINATION)?,
        Some(b'[') if after < end => matching_bracket(bytes, after, end, b'[', b']', MAX_LINK_TEXT)?,
        _ => return None,
    };
    Some((open + 1..close, target_end + 1))
}

/// The bracket closing the one at `open`, with nesting and backslash escapes,
/// within `max_len` bytes.
fn matching_bracket(
    bytes: &[u8],
    open: usize,
    end: usize,
    opener: u8,
    closer: u8,
    max_len: usize,
) -> Option<usize> {
    let limit = end.min(open.saturating_add(max_len));
    let mut depth = 0usize;
    let mut i = open;
    while i < limit {
        let b = bytes[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if b == opener {
            depth += 1;
        } else if b == closer {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// `<scheme:…>` or `<user@host>`: the offset of the closing '>'.
fn autolink_end(lexer: &mut Lexer<'_>, open: usize, end: usize) -> Option<usize> {
    let bytes = lexer.src.as_bytes();
    let gt = lexer
        .find_gt(open + 1)
        .filter(|&gt| gt < end && gt - open <= MAX_LINK_DESTINATION)?;
    let inner = &bytes[open + 1..gt];
    if inner.is_empty() || inner.iter().any(|&b| b.is_ascii_whitespace() || b == b'<') {
        return None;
    }
    let scheme_len = inner
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        .count();
    let is_uri = inner[0].is_ascii_alphabetic()
        && (2..=32).contains(&scheme_len)
        && inner.get(scheme_len) == Some(&b':');
    let is_email = inner.contains(&b'@') && inner.iter().all(|&b| b.is_ascii_graphic());
    (is_uri || is_email).then_some(gt)
}

/// Whether a run of emphasis markers can open and can close emphasis.
///
/// Looser than CommonMark for `*`: its punctuation rules leave `**“我们”**的`
/// unrendered, which Chinese policies hit constantly, so here `*` opens before
/// non-space and closes after non-space. Stricter for `_`: it never opens
/// after or closes before a letter or digit, which keeps identifiers such as
/// `android.permission.READ_PHONE_STATE` intact.
fn flanking(ch: u8, prev: Option<char>, next: Option<char>) -> (bool, bool) {
    let next_solid = next.is_some_and(|c| !c.is_whitespace());
    let prev_solid = prev.is_some_and(|c| !c.is_whitespace());
    if ch == b'_' {
        (
            next_solid && !prev.is_some_and(char::is_alphanumeric),
            prev_solid && !next.is_some_and(char::is_alphanumeric),
        )
    } else {
        (next_solid, prev_solid)
    }
}

/// Pairs emphasis markers with a stack of openers, as CommonMark does, and
/// leaves in each `Delim` the number of markers that stay literal.
fn resolve_emphasis(pieces: &mut [InlinePiece<'_>]) {
    let mut openers: Vec<usize> = Vec::new();
    // Per marker kind: no opener of that kind sits below this stack height.
    // Keeps a long run of unmatched closers from rescanning the stack.
    let mut bottom = [0usize; 3];
    let kind = |ch: u8| match ch {
        b'*' => 0,
        b'_' => 1,
        _ => 2,
    };
    for idx in 0..pieces.len() {
        let InlinePiece::Delim {
            ch,
            count,
            can_open,
            can_close,
        } = pieces[idx]
        else {
            continue;
        };
        let k = kind(ch);
        let mut remaining = count;
        while can_close && remaining > 0 {
            let floor = bottom[k].min(openers.len());
            let found = openers[floor..]
                .iter()
                .rposition(|&o| matches!(pieces[o], InlinePiece::Delim { ch: c, .. } if c == ch));
            let Some(rel) = found else {
                bottom[k] = openers.len();
                break;
            };
            let stack_pos = floor + rel;
            let mut opener_left = 0;
            if let InlinePiece::Delim {
                count: open_count, ..
            } = &mut pieces[openers[stack_pos]]
            {
                let used = remaining.min(*open_count);
                *open_count -= used;
                remaining -= used;
                opener_left = *open_count;
            }
            openers.truncate(if opener_left > 0 { stack_pos + 1 } else { stack_pos });
            for b in &mut bottom {
                *b = (*b).min(openers.len());
            }
        }
        if let InlinePiece::Delim { count, .. } = &mut pieces[idx] {
            *count = remaining;
        }
        if remaining > 0 && can_open {
            openers.push(idx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "隐私政策\n\n我们会收集您的设备信息（包括IMEI、MAC地址），用于“安全风控”；您可以在设置中关闭。\n第一条 总则：本政策适用于本产品、服务。";

    fn decoded(bytes: &[u8], hint: Option<Format>) -> Decoded {
        match decode(bytes, hint) {
            Ok(d) => d,
            Err(e) => panic!("decode failed: {e}"),
        }
    }

    fn heading_texts(d: &Decoded) -> Vec<&str> {
        d.headings.iter().map(|r| &d.text[r.clone()]).collect()
    }

    fn gb18030(text: &str) -> Vec<u8> {
        let (bytes, _, had_errors) = GB18030.encode(text);
        assert!(!had_errors);
        bytes.into_owned()
    }

    // --- encodings ---

    #[test]
    fn utf8_without_bom() {
        let d = decoded(POLICY.as_bytes(), None);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.format, Format::Text);
        assert_eq!(d.text, POLICY);
    }

    #[test]
    fn lines_broken_at_inline_elements_are_rejoined() {
        let text = "我们会收集您的昵称、头像、\n      手机号码\n      ，收集这些信息是为了帮助您完成注册。\n\n二、共享\n1、\n我们不会共享。";
        let d = decoded(text.as_bytes(), None);
        assert!(
            d.text
                .contains("我们会收集您的昵称、头像、手机号码，收集这些信息是为了帮助您完成注册。"),
            "{}",
            d.text
        );
        // A blank line is a real break, and a line that ends no list stays one; a number
        // left alone on its line goes on with its item.
        assert!(d.text.lines().any(|l| l == "二、共享"), "{}", d.text);
        assert!(d.text.lines().any(|l| l == "1、我们不会共享。"), "{}", d.text);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(POLICY.as_bytes());
        let d = decoded(&bytes, None);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, POLICY);
        assert!(!d.text.contains('\u{FEFF}'));
    }

    #[test]
    fn gb18030_decodes_to_the_same_text() {
        let bytes = gb18030(POLICY);
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = decoded(&bytes, None);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, POLICY);
    }

    #[test]
    fn gbk_bytes_read_as_gb18030() {
        let (bytes, _, had_errors) = encoding_rs::GBK.encode(POLICY);
        assert!(!had_errors);
        let d = decoded(&bytes, None);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, POLICY);
    }

    #[test]
    fn gb18030_html_with_entities() {
        let html = "<html><body><h1>隐私政策</h1><p>我们&nbsp;收集&ldquo;设备信息&rdquo;</p></body></html>";
        let d = decoded(&gb18030(html), None);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.format, Format::Html);
        assert_eq!(d.text, "隐私政策\n我们 收集“设备信息”");
        assert_eq!(heading_texts(&d), ["隐私政策"]);
    }

    #[test]
    fn gb18030_bom_is_stripped() {
        let mut bytes = GB18030_BOM.to_vec();
        bytes.extend_from_slice(&gb18030(POLICY));
        let d = decoded(&bytes, None);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, POLICY);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = UTF16LE_BOM.to_vec();
        let mut be = UTF16BE_BOM.to_vec();
        for unit in POLICY.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let d = decoded(&le, None);
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", POLICY));
        let d = decoded(&be, None);
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16BE", POLICY));
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let long = POLICY.repeat(5);
        let mut bytes = long.as_bytes().to_vec();
        bytes.insert("隐私政策\n\n".len(), 0xFF);
        let d = decoded(&bytes, None);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
        assert!(d.text.contains("我们会收集您的设备信息"));
    }

    #[test]
    fn utf8_cut_mid_character_stays_utf8() {
        let long = POLICY.repeat(3);
        let cut = &long.as_bytes()[..long.len() - 1];
        let d = decoded(cut, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("隐私政策\n\n我们会收集您的设备信息"));
    }

    #[test]
    fn gb18030_with_a_few_bad_bytes_still_decodes() {
        let mut bytes = gb18030(&POLICY.repeat(5));
        bytes.push(0xFF);
        let d = decoded(&bytes, None);
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.starts_with(POLICY));
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    }

    #[test]
    fn mixed_invalid_bytes_are_undecodable() {
        // Chinese in GB18030, with every other character broken by invalid lead bytes.
        let mut bytes = Vec::new();
        for c in "我们会收集您的设备信息用于安全风控".chars() {
            bytes.extend_from_slice(&gb18030(&c.to_string()));
            bytes.extend_from_slice(&[0xFF, 0x80]);
        }
        assert_eq!(decode(&bytes, None).unwrap_err(), DecodeError::Undecodable);
    }

    #[test]
    fn already_mangled_utf8_is_undecodable() {
        // GBK text that went through a lossy UTF-8 conversion: valid UTF-8 full of U+FFFD.
        let mangled = "\u{FFFD}\u{FFFD}\u{FFFD}˽\u{FFFD}\u{FFFD}\u{FFFD}ƽ̨\n".repeat(20);
        assert_eq!(
            decode(mangled.as_bytes(), None).unwrap_err(),
            DecodeError::Undecodable
        );
    }

    // --- empty and binary ---

    #[test]
    fn empty_and_white_space_only_are_empty() {
        for (input, hint) in [
            (&b""[..], None),
            (b"   ", None),
            (b"\n\r\n\t \x0b\x0c", None),
            ("\u{3000}\u{A0}\u{200B}\u{FEFF}\n".as_bytes(), None),
            (UTF8_BOM, None),
            (
                b"<html><head><style>p{}</style></head><body><p> </p></body></html>",
                None,
            ),
            (b"   ", Some(Format::Html)),
            (b"# \n\n<!-- note -->\n![](x.png)\n---", Some(Format::Markdown)),
        ] {
            assert_eq!(decode(input, hint).unwrap_err(), DecodeError::Empty, "{input:?}");
        }
    }

    #[test]
    fn binary_is_undecodable() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x03\x19\0\0@]\x08\x06\0\0\0";
        assert_eq!(decode(png, None).unwrap_err(), DecodeError::Undecodable);
        let mut text_with_nul = POLICY.as_bytes().to_vec();
        text_with_nul.push(0);
        assert_eq!(
            decode(&text_with_nul, None).unwrap_err(),
            DecodeError::Undecodable
        );
        let controls: Vec<u8> = (0..400u32)
            .map(|i| if i % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(decode(&controls, None).unwrap_err(), DecodeError::Undecodable);
        let pdf_like: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(decode(&pdf_like, None).unwrap_err(), DecodeError::Undecodable);
    }

    #[test]
    fn error_messages() {
        assert_eq!(DecodeError::Empty.to_string(), "empty file");
        assert_eq!(
            DecodeError::Undecodable.to_string(),
            "not text: undecodable bytes"
        );
    }

    // --- normalisation ---

    #[test]
    fn crlf_and_cr_become_lf() {
        let d = decoded("第一行\r\n第二行\r第三行\r\n\r\n第四行".as_bytes(), None);
        assert_eq!(d.text, "第一行\n第二行\n第三行\n\n第四行");
    }

    #[test]
    fn white_space_is_normalised_and_punctuation_kept() {
        let input = "  \t标题\u{3000}\u{3000}一  \n\n\n\n\u{A0}正文，包括：（一）“信息”；\u{200B}以及、其他。\t\t\n\n\n末行\u{200D}。  ";
        let d = decoded(input.as_bytes(), None);
        assert_eq!(
            d.text,
            "标题 一\n\n正文，包括：（一）“信息”；以及、其他。\n\n末行。"
        );
    }

    #[test]
    fn full_width_characters_are_not_folded() {
        let input = "ＡＢＣ１２３，ｉＯＳ＆Ａｎｄｒｏｉｄ！";
        assert_eq!(decoded(input.as_bytes(), None).text, input);
    }

    // --- HTML ---

    #[test]
    fn html_drops_non_text_and_resolves_entities() {
        let html = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某某App隐私政策</title>
<style>body { color: red; } p > span { x: "</p>" }</style>
<script type="text/javascript">if (a < b && c > d) { document.write("<p>no</p>"); }</script>
<link rel="stylesheet" href="x.css"></head>
<body><!-- 注释 <p>不要</p> -->
<noscript>请启用JavaScript</noscript>
<svg width="10"><text>图标</text></svg>
<p>我们&nbsp;&nbsp;收集&ldquo;设备信息&rdquo;&mdash;&mdash;包括IMEI&amp;MAC&hellip;</p>
<p>&lt;b&gt; &quot;x&quot; &#39;y&#39; &#20010;&#x4EBA; &middot; &unknown; &amp &copy 2024</p>
</body></html>"#;
        let d = decoded(html.as_bytes(), None);
        assert_eq!(d.format, Format::Html);
        assert_eq!(
            d.text,
            "某某App隐私政策\n我们 收集“设备信息”——包括IMEI&MAC…\n<b> \"x\" 'y' 个人 · &unknown; & © 2024"
        );
        assert!(d.headings.is_empty());
    }

    #[test]
    fn html_table_rows_are_lines_and_cells_are_spaced() {
        let html = "<table><thead><tr><th>SDK名称</th><th>收集信息</th></tr></thead>\
            <tr><td><p>友盟SDK</p></td><td>设备信息<br>（IMEI）</td></tr>\
            <tr><td>微信SDK</td><td>无</td></tr></table><p>表后文字</p>";
        let d = decoded(html.as_bytes(), Some(Format::Html));
        assert_eq!(
            d.text,
            "SDK名称 收集信息\n友盟SDK 设备信息 （IMEI）\n微信SDK 无\n表后文字"
        );
    }

    #[test]
    fn html_headings_are_recorded() {
        let html = "<div><h1>隐私政策</h1><p>引言。</p><H2 class=\"t\">一、我们如何收集信息</H2>\
            <p>正文<br/>第二行</p><h3>二、<span>信息共享</span></h3><h4>  </h4>尾</div>";
        let d = decoded(html.as_bytes(), Some(Format::Html));
        assert_eq!(
            d.text,
            "隐私政策\n引言。\n一、我们如何收集信息\n正文\n第二行\n二、信息共享\n尾"
        );
        assert_eq!(
            heading_texts(&d),
            ["隐私政策", "一、我们如何收集信息", "二、信息共享"]
        );
        for r in &d.headings {
            assert!(r.start == 0 || d.text.as_bytes()[r.start - 1] == b'\n');
            assert!(r.end == d.text.len() || d.text.as_bytes()[r.end] == b'\n');
        }
    }

    #[test]
    fn html_tag_soup_is_tolerated() {
        let html = "<P>第一段<P>第二段 a < b 且 1<2 不是<3标签\
            <div title=\"x > y\" data-a='<p>'>引号里的&gt;不结束标签</DIV>\
            <span style=\"font-family:\"&\">坏引号</span>\
            <p class=\"unterminated>未闭合引号</p><br\\/>JSON转义<h2>没有结束的标题<p>标题后的段落";
        let d = decoded(html.as_bytes(), Some(Format::Html));
        assert_eq!(
            d.text,
            "第一段\n第二段 a < b 且 1<2 不是<3标签\n引号里的>不结束标签\n坏引号\n未闭合引号\n\nJSON转义\n没有结束的标题\n标题后的段落"
        );
    }

    #[test]
    fn html_unclosed_style_does_not_swallow_the_policy() {
        let html = "<p>前言</p><style>.a{}<p>正文一</p><p>正文二</p>";
        let d = decoded(html.as_bytes(), Some(Format::Html));
        assert!(d.text.contains("正文一\n正文二"), "{}", d.text);
    }

    #[test]
    fn html_pre_keeps_line_breaks() {
        let html = "<p>前</p><pre>\n第一行\n  第二行\n</pre><p>后\n续</p>";
        let d = decoded(html.as_bytes(), Some(Format::Html));
        assert_eq!(d.text, "前\n第一行\n第二行\n后 续");
    }

    #[test]
    fn html_br_runs_keep_one_blank_line() {
        let html = "<p>甲<br><br><br><br>乙</p>";
        assert_eq!(decoded(html.as_bytes(), Some(Format::Html)).text, "甲\n\n乙");
    }

    // --- sniffing ---

    #[test]
    fn sniffing() {
        let fragment = "<p><b>更新日期：2022年3月16日</b></p><p>生效日期：2022年3月22日<br></p><p>正文</p>";
        assert_eq!(decoded(fragment.as_bytes(), None).format, Format::Html);
        assert_eq!(decoded(b"<!doctype html><p>x</p>", None).format, Format::Html);
        let stray = format!("{}\n5.2 存储期限<br>\n{}", POLICY.repeat(10), POLICY.repeat(10));
        let d = decoded(stray.as_bytes(), None);
        assert_eq!(d.format, Format::Text);
        assert!(d.text.contains("5.2 存储期限<br>"));
        let md = "## 引言\n正文\n## 我们收集的信息\n正文";
        assert_eq!(decoded(md.as_bytes(), None).format, Format::Markdown);
        let md_links = "请阅读**重要条款**，详见[隐私政策](https://example.com/p)。";
        assert_eq!(decoded(md_links.as_bytes(), None).format, Format::Markdown);
        let masked = "联系人：张**，手机：138****1234\n#1 号楼";
        assert_eq!(decoded(masked.as_bytes(), None).format, Format::Text);
    }

    // --- Markdown ---

    #[test]
    fn markdown_headings_emphasis_and_links() {
        let md = "## 引言 \n\
            **腾讯云严格遵守法律法规，遵循以下隐私保护原则。**\n\
            \n\
            #### 1. 安全可靠 ####\n\
            我们会申请 android.permission.READ_PHONE_STATE 权限（READ_PHONE_STATE），以及 `ACCESS_FINE_LOCATION`。\n\
            如有问题，请 [联系我们](#p1)，或访问 [https://kf.qq.com](https://kf.qq.com/) 与 <https://example.com/a_b>。\n\
            ![logo](https://example.com/logo.png)图片已删除\n\
            这是*强调*、_下划线强调_、***粗斜体***与~~删除线~~，3~5个工作日，2 * 3，**“我们”**的，snake_case_name。\n\
            **（1）设备信息**\n\
            - **我们收集哪些信息**\n\
            正文标题\n\
            ===\n\
            [p1]: https://example.com/contact";
        let d = decoded(md.as_bytes(), None);
        assert_eq!(d.format, Format::Markdown);
        assert_eq!(
            d.text,
            "引言\n\
             腾讯云严格遵守法律法规，遵循以下隐私保护原则。\n\
             \n\
             1. 安全可靠\n\
             我们会申请 android.permission.READ_PHONE_STATE 权限（READ_PHONE_STATE），以及 ACCESS_FINE_LOCATION。\n\
             如有问题，请 联系我们，或访问 https://kf.qq.com 与 https://example.com/a_b。\n\
             图片已删除\n\
             这是强调、下划线强调、粗斜体与删除线，3~5个工作日，2 * 3，“我们”的，snake_case_name。\n\
             （1）设备信息\n\
             我们收集哪些信息\n\
             正文标题"
        );
        assert_eq!(
            heading_texts(&d),
            [
                "引言",
                "腾讯云严格遵守法律法规，遵循以下隐私保护原则。",
                "1. 安全可靠",
                "（1）设备信息",
                "正文标题"
            ]
        );
    }

    #[test]
    fn markdown_lists_quotes_tables_and_code() {
        let md = "# 标题\n\
            > 引用的**重要**内容\n\
            > > 嵌套引用\n\
            - 第一项\n\
            * 第二项\n\
            + 第三项\n\
            1. 编号保留\n\
            2) 也保留\n\
            \n\
            | SDK名称 | 收集信息 |\n\
            |:---|---:|\n\
            | 友盟 | 设备信息\\|IMEI |\n\
            微信 | 无\n\
            \n\
            ```text\n\
            代码 **不变**\n\
            ```\n\
            ---\n\
            行内<br>换行与<span style=\"x\">标签</span>&amp;实体<!-- 注释 -->结束\n\
            <!-- 多行\n注释 -->\n\
            <script>\nalert(1)\n</script>\n\
            末行";
        let d = decoded(md.as_bytes(), Some(Format::Markdown));
        assert_eq!(
            d.text,
            "标题\n\
             引用的重要内容\n\
             嵌套引用\n\
             第一项\n\
             第二项\n\
             第三项\n\
             1. 编号保留\n\
             2) 也保留\n\
             \n\
             SDK名称 收集信息\n\
             友盟 设备信息|IMEI\n\
             微信 无\n\
             \n\
             代码 **不变**\n\
             \n\
             行内\n\
             换行与标签&实体结束\n\
             \n\
             末行"
        );
        assert_eq!(heading_texts(&d), ["标题"]);
    }

    #[test]
    fn markdown_crlf() {
        let md = "## 第一章\r\n正文**一**\r\n\r\n## 第二章\r\n正文二\r\n";
        let d = decoded(md.as_bytes(), None);
        assert_eq!(d.text, "第一章\n正文一\n\n第二章\n正文二");
        assert_eq!(heading_texts(&d), ["第一章", "第二章"]);
    }

    // --- robustness ---

    /// Marsaglia's xorshift64: a deterministic generator for the fuzz loop.
    struct XorShift(u64);

    impl XorShift {
        fn next_u64(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// Fragments that steer random input into the parsers' less travelled paths.
    const FRAGMENTS: &[&[u8]] = &[
        b"<",
        b">",
        b"</",
        b"<p>",
        b"<td>",
        b"<tr>",
        b"<table>",
        b"</table>",
        b"<h2>",
        b"</h2>",
        b"<br/>",
        b"<pre>",
        b"<script>",
        b"</script>",
        b"<!--",
        b"-->",
        b"<!x",
        b"\"",
        b"'",
        b"=",
        b"&",
        b"&#",
        b"&#x1F600;",
        b"&nbsp",
        b";",
        b"#",
        b"## ",
        b"**",
        b"*",
        b"_",
        b"__",
        b"~~",
        b"`",
        b"```",
        b"[",
        b"]",
        b"(",
        b")",
        b"![",
        b"|",
        b"|---|",
        b"- ",
        b"> ",
        b"\n",
        b"\r\n",
        b"\r",
        b" ",
        b"\t",
        b"===",
        "\u{3000}".as_bytes(),
        "\u{200B}".as_bytes(),
        "中文".as_bytes(),
        b"\xE4\xB8",
        b"\xFF",
        b"\xD6\xD0",
        b"\x81\x30",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\0",
    ];

    fn check_invariants(d: &Decoded, input: &[u8]) {
        let text = &d.text;
        assert!(!text.is_empty(), "{input:?}");
        assert!(!text.contains('\r') && !text.contains("\n\n\n"), "{input:?}");
        assert!(!text.starts_with('\n') && !text.ends_with('\n'), "{input:?}");
        for line in text.split('\n') {
            assert_eq!(line, line.trim_matches(is_space), "{input:?}");
            assert!(!line.contains("  "), "{input:?}");
        }
        let mut previous_end = 0;
        for r in &d.headings {
            assert!(r.start < r.end && r.end <= text.len(), "{input:?}");
            assert!(r.start >= previous_end, "{input:?}");
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "{input:?}"
            );
            assert!(!text[r.clone()].contains('\n'), "{input:?}");
            assert!(r.start == 0 || text.as_bytes()[r.start - 1] == b'\n', "{input:?}");
            assert!(
                r.end == text.len() || text.as_bytes()[r.end] == b'\n',
                "{input:?}"
            );
            previous_end = r.end;
        }
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for round in 0..3000 {
            let len = (rng.next_u64() % 300) as usize;
            let mut input = Vec::with_capacity(len);
            while input.len() < len {
                let r = rng.next_u64();
                if round % 3 == 0 {
                    input.push(r as u8);
                } else {
                    input.extend_from_slice(FRAGMENTS[(r % FRAGMENTS.len() as u64) as usize]);
                }
            }
            for hint in [
                None,
                Some(Format::Text),
                Some(Format::Markdown),
                Some(Format::Html),
            ] {
                match decode(&input, hint) {
                    Ok(d) => {
                        check_invariants(&d, &input);
                        if hint == Some(Format::Text) {
                            // Normalisation is idempotent (re-reading may only fail the
                            // U+FFFD share, which rises as white space goes).
                            if let Ok(again) = decode(d.text.as_bytes(), Some(Format::Text)) {
                                assert_eq!(again.text, d.text, "{input:?}");
                            }
                        }
                    }
                    Err(DecodeError::Empty | DecodeError::Undecodable) => {}
                }
            }
        }
    }

    #[test]
    fn large_and_hostile_inputs_finish() {
        let big = POLICY.repeat(20_000); // about 2.8 MB
        let d = decoded(big.as_bytes(), None);
        assert_eq!(d.format, Format::Text);
        let hostile = [
            &b"<a x=\">\""[..],
            b"<!--",
            b"[",
            b"`",
            b"**",
            b"<script>",
            b"<td>",
            b"<table>",
        ];
        for pattern in hostile {
            let input = pattern.repeat(200_000 / pattern.len());
            for hint in [Some(Format::Html), Some(Format::Markdown)] {
                if let Ok(d) = decode(&input, hint) {
                    check_invariants(&d, &input[..16]);
                }
            }
        }
    }
}
