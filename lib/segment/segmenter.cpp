// Paragraphs, tokens and sentences (TAGSET §0).
//
// Word segments are proposed by a fast path of our own for whitespace-
// delimited chunks of common characters and by ICU's word BreakIterator
// for the other chunks (see Impl::Tokenize); the passes below turn them
// into relscan's tokens and decide the sentence ends. ICU's own sentence iterator is not used: its
// FilteredBreakIterator suppresses a break after an abbreviation
// unconditionally, and we need "unless the next word starts a sentence".
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <thread>
#include <unordered_set>

#include "relscan/data.h"
#include "relscan/fold.h"
#include "relscan/segment.h"
#include "relscan/swar.h"

namespace relscan {
namespace {

enum class AbbrevClass { kTitle, kGeneral };

// Titles and section heads run longer than one might think ("Secretary
// Antony J. Blinken and Armenian Foreign Minister ... Cooperation" has 25
// words); a body paragraph without final punctuation is rarer still.
constexpr int kMaxHeadingWords = 30;

// The data the sentence splitter needs, parsed once from lib/data.
struct Lexicon {
  std::unordered_map<std::string, AbbrevClass> abbreviations;
  std::unordered_set<std::string> starters;

  static const Lexicon& Get() {
    static const Lexicon kLexicon = [] {
      Lexicon lex;
      for (const data::DataLine& l :
           data::DataLines(data::Find("data/abbreviations.txt"))) {
        size_t tab = l.text.find('\t');
        std::string word(l.text.substr(0, tab));
        std::string_view cls =
            tab == std::string_view::npos ? "general" : l.text.substr(tab + 1);
        lex.abbreviations[word] =
            cls == "title" ? AbbrevClass::kTitle : AbbrevClass::kGeneral;
      }
      for (const data::DataLine& l :
           data::DataLines(data::Find("data/sentence_starters.txt"))) {
        lex.starters.insert(FoldForMatch(l.text));
      }
      return lex;
    }();
    return kLexicon;
  }
};

inline int LeadLength(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

// Decodes the code point at byte offset i of s.
inline UChar32 CharAt(std::string_view s, int64_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return b;
  UChar32 c;
  int32_t k = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k,
          static_cast<int32_t>(s.size()), c);
  return c;
}

// Decodes the last code point before byte offset end.
inline UChar32 CharBefore(std::string_view s, int64_t end) {
  UChar32 c;
  int32_t k = static_cast<int32_t>(end);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, k, c);
  return c;
}

inline bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || (c >= 0x80 && u_isUWhiteSpace(c));
}

inline bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

inline bool IsTerminal(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C ||
         c == 0x2047 || c == 0x2048 || c == 0x2049;
}

inline bool IsClosing(UChar32 c) {
  return c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x203A ||
         c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}

inline bool IsOpening(UChar32 c) {
  return c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x00AB ||
         c == 0x2039 || c == '"' || c == '\'' || c == '(' || c == '[' ||
         c == '`';
}

// Tracks a byte offset -> code point offset conversion over increasing
// offsets in O(bytes walked).
class CpCursor {
 public:
  CpCursor(std::string_view text, bool ascii) : text_(text), ascii_(ascii) {}
  // Starts at a known point: cp code points precede byte.
  CpCursor(std::string_view text, bool ascii, int64_t byte, int64_t cp)
      : text_(text), ascii_(ascii), byte_(byte), cp_(cp), origin_byte_(byte), origin_cp_(cp) {}
  int64_t To(int64_t byte) {
    if (ascii_) return byte;
    if (byte < byte_) {
      byte_ = origin_byte_;
      cp_ = origin_cp_;
    }
    // Code points are the bytes that are not continuation bytes (10xxxxxx),
    // counted eight at a time.
    while (byte_ + 8 <= byte) {
      cp_ += swar::CountLeadBytes(swar::Load(text_.data() + byte_));
      byte_ += 8;
    }
    for (; byte_ < byte; ++byte_) {
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++cp_;
    }
    return cp_;
  }

 private:
  std::string_view text_;
  bool ascii_;
  int64_t byte_ = 0, cp_ = 0;
  int64_t origin_byte_ = 0, origin_cp_ = 0;
};

struct Line {
  int64_t bstart, bend;  // trimmed content
  bool blank;
};

// Splits text into lines (LF, CRLF or a lone CR) with trimmed content.
std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> lines;
  int64_t n = static_cast<int64_t>(text.size());
  int64_t i = 0;
  const char* p = text.data();
  while (i < n) {
    int64_t start = i;
    // To the line break, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w = swar::Load(p + i);
      if (swar::HasByte(w, '\n') || swar::HasByte(w, '\r')) break;
      i += 8;
    }
    while (i < n && text[i] != '\n' && text[i] != '\r') ++i;
    int64_t end = i;
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n' && (i == end || text[i - 1] == '\r')) ++i;
    if (i == end && i < n) ++i;  // defensive: always advance
    int64_t b = start, e = end;
    while (b < e && IsSpace(CharAt(text, b))) b += LeadLength(text[b]);
    while (e > b && IsSpace(CharBefore(text, e))) {
      int64_t k = e - 1;
      while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      e = k;
    }
    lines.push_back({b, e, b == e});
  }
  return lines;
}

std::vector<std::pair<int64_t, int64_t>> ParagraphBytes(std::string_view text,
                                                        ParagraphMode mode) {
  std::vector<Line> lines = Lines(text);
  if (mode == ParagraphMode::kAuto) {
    // TAGSET §0: blank when blank lines separate multi-line blocks.
    bool blank_between = false, multi_line = false, seen_text = false;
    bool pending_blank = false;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (lines[k].blank) {
        if (seen_text) pending_blank = true;
        continue;
      }
      if (pending_blank) blank_between = true;
      pending_blank = false;
      if (k > 0 && !lines[k - 1].blank && seen_text) multi_line = true;
      seen_text = true;
    }
    mode = blank_between && multi_line ? ParagraphMode::kBlank : ParagraphMode::kLine;
  }
  std::vector<std::pair<int64_t, int64_t>> out;
  if (mode == ParagraphMode::kLine) {
    for (const Line& l : lines)
      if (!l.blank) out.emplace_back(l.bstart, l.bend);
    return out;
  }
  for (size_t k = 0; k < lines.size();) {
    if (lines[k].blank) {
      ++k;
      continue;
    }
    int64_t b = lines[k].bstart, e = lines[k].bend;
    while (++k < lines.size() && !lines[k].blank) e = lines[k].bend;
    out.emplace_back(b, e);
  }
  return out;
}

TokenKind PunctKind(UChar32 c) {
  if (c == '`') return TokenKind::kPunct;  // Sk, but a quote mark in ``...''
  if (c == '%' || c == 0x2030 || c == 0x2031) return TokenKind::kSymbol;
  switch (u_charType(c)) {
    case U_CURRENCY_SYMBOL:
    case U_MATH_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return TokenKind::kSymbol;
    default:
      return TokenKind::kPunct;
  }
}

// Word-break classes of the characters the fast path cuts itself (UAX #29
// as ICU 72 tailors it: ':' is not MidLetter there, '@' is a letter, so
// both go to ICU with the rest). The single quote acts as MidNumLet: the
// two differ only next to Hebrew letters, which go to ICU.
enum class WbClass : uint8_t { kSpace, kLetter, kDigit, kMidNumLet, kMidNum, kOther, kFallback };

struct CharClass {
  uint32_t pos;         // byte offset
  WbClass cls;
  unsigned char ascii;  // the byte, or 0 when not ASCII
};

constexpr std::array<WbClass, 256> MakeAsciiClasses() {
  std::array<WbClass, 256> t{};
  for (int c = 0; c < 256; ++c) {
    WbClass k = WbClass::kFallback;  // controls, '_', '@', and bytes >= 0x80
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      k = WbClass::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      k = WbClass::kLetter;
    } else if (c >= '0' && c <= '9') {
      k = WbClass::kDigit;
    } else if (c == '.' || c == '\'') {
      k = WbClass::kMidNumLet;
    } else if (c == ',' || c == ';') {
      k = WbClass::kMidNum;
    } else if (c > ' ' && c < 0x7F && c != '_' && c != '@') {
      k = WbClass::kOther;
    }
    t[c] = k;
  }
  return t;
}
constexpr std::array<WbClass, 256> kAsciiClass = MakeAsciiClasses();

// The token kind of each ASCII punctuation character.
const std::array<TokenKind, 128> kAsciiPunctKind = [] {
  std::array<TokenKind, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = PunctKind(c);
  return t;
}();

// Latin-1 and Latin Extended-A letters that are plain ALetter.
const std::array<bool, 0x180 - 0xC0> kLatinLetter = [] {
  std::array<bool, 0x180 - 0xC0> t{};
  for (UChar32 c = 0xC0; c < 0x180; ++c) {
    t[c - 0xC0] = u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_ALETTER &&
                  !u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
  }
  return t;
}();

inline WbClass NonAsciiClass(UChar32 c) {
  if (c >= 0xC0 && c < 0x180) return kLatinLetter[c - 0xC0] ? WbClass::kLetter : WbClass::kFallback;
  switch (c) {
    case 0x2018:  // ‘ ’
    case 0x2019:
      return WbClass::kMidNumLet;
    case 0x201C:  // “ ” – — …
    case 0x201D:
    case 0x2013:
    case 0x2014:
    case 0x2026:
      return WbClass::kOther;
    default:
      return WbClass::kFallback;
  }
}

}  // namespace


Result<ParagraphMode> ParseParagraphMode(std::string_view name) {
  if (name == "auto") return ParagraphMode::kAuto;
  if (name == "line") return ParagraphMode::kLine;
  if (name == "blank") return ParagraphMode::kBlank;
  return MakeError(ErrorCode::kUsage,
                   "paragraph mode must be 'line', 'blank' or 'auto'");
}

std::string_view ParagraphModeName(ParagraphMode mode) {
  switch (mode) {
    case ParagraphMode::kLine: return "line";
    case ParagraphMode::kBlank: return "blank";
    case ParagraphMode::kAuto: return "auto";
  }
  return "auto";
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kPossessive: return "possessive";
  }
  return "word";
}

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  UText* utext_ = nullptr;
  std::vector<CharClass> chunk_;
  const Lexicon& lex = Lexicon::Get();

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) words.reset();
  }
  ~Impl() {
    if (utext_ != nullptr) utext_close(utext_);
  }

  // The tokens of bytes [from, to), which start and end at a line break
  // or at the ends of the text; byte offsets only.
  void Tokenize(std::string_view text, int64_t from, int64_t to, bool icu_only, Segmentation* out);
  // Tokens, sentences and code point offsets of paragraphs [p0, p1),
  // which lie in bytes [from, to); turn is the speaker turn going in
  // (kInheritTurn: whatever the block before ends with) and coming out.
  void SegmentBlock(const Document& doc, const std::vector<std::pair<int64_t, int64_t>>& paras,
                    size_t p0, size_t p1, int64_t from, int64_t to, bool icu_only,
                    Segmentation* out, int32_t* turn);
  // Segmenters of the other threads of one document.
  std::vector<std::unique_ptr<Impl>> helpers;
  void IcuRegion(std::string_view text, int64_t b, int64_t e, Segmentation* out);
  void ProposeWord(std::string_view text, int64_t b, int64_t e, TokenKind kind, Segmentation* out);
  void Push(std::string_view text, Token t, Segmentation* out);
  // Decides sentences within one paragraph's tokens.
  void SplitParagraph(std::string_view text, int32_t para, int32_t tb, int32_t te,
                      Segmentation* out, int32_t* turn);

  // Token helpers over byte offsets.
  std::string_view Text(std::string_view text, const Token& t) const {
    return text.substr(t.bstart, t.bend - t.bstart);
  }
  bool IsAbbreviationWord(std::string_view word) const;
  AbbrevClass ClassOf(std::string_view abbrev) const;
  bool StartsSentence(std::string_view text, const Segmentation& s, int32_t k,
                      int32_t te) const;
  int32_t MatchSpeakerLabel(std::string_view text, const Segmentation& s,
                            int32_t tb, int32_t te, std::string* name) const;
  int32_t MatchStageDirection(std::string_view text, const Segmentation& s,
                              int32_t tb, int32_t te, bool whole_paragraph) const;
};

bool Segmenter::Impl::IsAbbreviationWord(std::string_view word) const {
  if (word.find('.') != std::string_view::npos) return true;  // U.S, e.g
  UChar32 first = CharAt(word, 0);
  if (static_cast<int64_t>(U8_LENGTH(first)) == static_cast<int64_t>(word.size()) &&
      u_isupper(first)) {
    return true;  // an initial
  }
  std::string key(word);
  key.push_back('.');
  if (lex.abbreviations.count(key)) return true;
  if (u_isupper(first) && word.size() > 1 && first < 0x80) {
    key[0] = static_cast<char>(key[0] + 32);
    auto it = lex.abbreviations.find(key);
    return it != lex.abbreviations.end();
  }
  return false;
}

AbbrevClass Segmenter::Impl::ClassOf(std::string_view abbrev) const {
  auto it = lex.abbreviations.find(std::string(abbrev));
  if (it != lex.abbreviations.end()) return it->second;
  return AbbrevClass::kGeneral;
}

// Appends one token, applying our merges as it goes.
void Segmenter::Impl::Push(std::string_view text, Token t, Segmentation* out) {
  std::vector<Token>& tokens = out->tokens;
  size_t n = tokens.size();
  if (t.kind == TokenKind::kPunct && n > 0 && t.bend - t.bstart == 1) {
    char ch = text[t.bstart];
    Token& prev = tokens[n - 1];
    // A lone period after a word: an abbreviation takes it.
    if (ch == '.' && prev.kind == TokenKind::kWord && prev.bend == t.bstart &&
        !prev.abbreviation && prev.parts_count == 0 && IsAbbreviationWord(Text(text, prev))) {
      prev.bend = t.bend;
      prev.abbreviation = true;
      return;
    }
    // `` and '' are one quote mark (typewriter and Congressional Record).
    if ((ch == '`' || ch == '\'') && prev.bend == t.bstart && Text(text, prev) == Text(text, t)) {
      prev.bend = t.bend;
      return;
    }
  }
  // word-word, with U+002D, U+2010 or U+2011 between: one compound token.
  if ((t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) && n >= 2) {
    Token& hy = tokens[n - 1];
    Token& head = tokens[n - 2];
    if (hy.kind == TokenKind::kPunct && hy.bend == t.bstart && head.bend == hy.bstart &&
        (head.kind == TokenKind::kWord || head.kind == TokenKind::kNumber) &&
        hy.bend - hy.bstart <= 3 && IsHyphen(CharAt(text, hy.bstart))) {
      if (head.parts_count == 0) {
        head.parts_begin = static_cast<uint32_t>(out->parts.size());
        out->parts.push_back({0, 0, head.bstart, head.bend});
        head.parts_count = 1;
      }
      out->parts.push_back({0, 0, t.bstart, t.bend});
      ++head.parts_count;
      head.bend = t.bend;
      if (t.kind == TokenKind::kWord) head.kind = TokenKind::kWord;
      head.abbreviation = t.abbreviation;
      tokens.pop_back();
      return;
    }
  }
  tokens.push_back(t);
}

// Turns one proposed word or number segment [b, e) into tokens.
void Segmenter::Impl::ProposeWord(std::string_view text, int64_t b, int64_t e, TokenKind kind,
                                  Segmentation* out) {
  Token t;
  t.bstart = static_cast<uint32_t>(b);
  t.bend = static_cast<uint32_t>(e);
  t.kind = kind;
  if (kind == TokenKind::kWord && e - b > 2) {
    // The possessive 's / ’s is a token of its own (ICU keeps it whole).
    std::string_view s = text.substr(b, e - b);
    int64_t cut = -1;
    // U+2019, and U+2018 typed in its place ("Zelenskyy‘s").
    if (s.size() > 4 && (s.substr(s.size() - 4) == "\xE2\x80\x99s" ||
                         s.substr(s.size() - 4) == "\xE2\x80\x99S" ||
                         s.substr(s.size() - 4) == "\xE2\x80\x98s")) {
      cut = e - 4;
    } else if (s.size() > 2 && (s.substr(s.size() - 2) == "'s" || s.substr(s.size() - 2) == "'S")) {
      cut = e - 2;
    }
    if (cut > b) {
      t.bend = static_cast<uint32_t>(cut);
      Push(text, t, out);
      Token p;
      p.bstart = static_cast<uint32_t>(cut);
      p.bend = static_cast<uint32_t>(e);
      p.kind = TokenKind::kPossessive;
      out->tokens.push_back(p);
      return;
    }
  }
  Push(text, t, out);
}

// ICU's iterator over bytes [b, e), which start and end at a boundary.
void Segmenter::Impl::IcuRegion(std::string_view text, int64_t b, int64_t e, Segmentation* out) {
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(utext_, text.data() + b, e - b, &status);
  words->setText(utext_, status);
  if (U_FAILURE(status)) return;
  int32_t prev = words->first();
  for (int32_t cur = words->next(); cur != icu::BreakIterator::DONE;
       prev = cur, cur = words->next()) {
    int64_t pb = b + prev, pe = b + cur;
    int32_t rule = words->getRuleStatus();
    if (rule >= UBRK_WORD_NONE && rule < UBRK_WORD_NONE_LIMIT) {
      if (IsSpace(CharAt(text, pb))) continue;
      // ICU groups some marks (a base with its combining marks); split the
      // rest so that each punctuation character is a token.
      for (int64_t i = pb; i < pe;) {
        UChar32 ch = CharAt(text, i);
        int64_t j = i + U8_LENGTH(ch);
        while (j < pe) {  // keep combining marks with their base
          UChar32 nx = CharAt(text, j);
          int8_t type = u_charType(nx);
          if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK &&
              type != U_COMBINING_SPACING_MARK && type != U_FORMAT_CHAR)
            break;
          j += U8_LENGTH(nx);
        }
        if (!IsSpace(ch)) {
          Token p;
          p.bstart = static_cast<uint32_t>(i);
          p.bend = static_cast<uint32_t>(j);
          p.kind = PunctKind(ch);
          Push(text, p, out);
        }
        i = j;
      }
      continue;
    }
    TokenKind kind = rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT
                         ? TokenKind::kNumber
                         : TokenKind::kWord;
    ProposeWord(text, pb, pe, kind, out);
  }
}

// The fast path. ASCII whitespace always separates ICU's segments (only
// space + space and space + combining mark join, and whitespace makes no
// token), so each whitespace-delimited chunk is cut on its own: by the
// UAX #29 rules below when every character is of a class in WbClassOf,
// else by ICU over the chunk. tests/segment compare the two on every
// corpus text and on generated strings.
void Segmenter::Impl::Tokenize(std::string_view text, int64_t from, int64_t to, bool icu_only,
                               Segmentation* out) {
  if (icu_only) {
    IcuRegion(text, from, to, out);
    return;
  }
  const int64_t n = to;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<CharClass>& cs = chunk_;
  int64_t i = from;
  while (i < n) {
    while (i < n && kAsciiClass[p[i]] == WbClass::kSpace) ++i;
    if (i >= n) break;
    // One chunk: classify its characters up to the next ASCII whitespace.
    int64_t b = i;
    bool fallback = false;
    cs.clear();
    while (i < n) {
      unsigned char c = p[i];
      WbClass k = kAsciiClass[c];
      if (k == WbClass::kSpace) break;
      if (c < 0x80) {
        cs.push_back({static_cast<uint32_t>(i), k, c});
        fallback |= k == WbClass::kFallback;
        ++i;
        continue;
      }
      UChar32 ch = CharAt(text, i);
      int len = ch < 0 ? 1 : U8_LENGTH(ch);
      k = NonAsciiClass(ch);
      cs.push_back({static_cast<uint32_t>(i), k, 0});
      fallback |= k == WbClass::kFallback;
      i += len;
    }
    int64_t e = i;
    if (fallback) {
      // From the whitespace before, which a combining mark would join.
      int64_t from = b > 0 && (p[b - 1] == ' ' || p[b - 1] == '\t') ? b - 1 : b;
      IcuRegion(text, from, e, out);
      continue;
    }
    const size_t m = cs.size();
    auto end_of = [&](size_t k) { return k + 1 < m ? static_cast<int64_t>(cs[k + 1].pos) : e; };
    for (size_t k = 0; k < m;) {
      WbClass c = cs[k].cls;
      if (c != WbClass::kLetter && c != WbClass::kDigit) {
        // Any other character is a segment of its own (WB999).
        Token t;
        t.bstart = cs[k].pos;
        t.bend = static_cast<uint32_t>(end_of(k));
        t.kind = cs[k].ascii != 0 ? kAsciiPunctKind[cs[k].ascii] : TokenKind::kPunct;
        Push(text, t, out);
        ++k;
        continue;
      }
      size_t j = k + 1;
      while (j < m) {
        WbClass cj = cs[j].cls;
        if (cj == WbClass::kLetter || cj == WbClass::kDigit) {  // WB5, WB8-WB10
          ++j;
          continue;
        }
        if ((cj == WbClass::kMidNumLet || cj == WbClass::kMidNum) && j + 1 < m) {
          WbClass a = cs[j - 1].cls, z = cs[j + 1].cls;
          // WB6/WB7: letter (MidNumLet) letter; WB11/WB12: digit (MidNum |
          // MidNumLet) digit.
          if ((a == WbClass::kLetter && z == WbClass::kLetter && cj == WbClass::kMidNumLet) ||
              (a == WbClass::kDigit && z == WbClass::kDigit)) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // ICU's rule status is that of the last rule applied: a segment
      // ending in a digit is a number ("G20"), one ending in a letter a word.
      TokenKind kind = cs[j - 1].cls == WbClass::kDigit ? TokenKind::kNumber : TokenKind::kWord;
      ProposeWord(text, cs[k].pos, end_of(j - 1), kind, out);
      k = j;
    }
  }
}

// Says whether the word at token k, after an abbreviation, begins a new
// sentence: a capitalized closed-class word, possibly after an opening quote.
bool Segmenter::Impl::StartsSentence(std::string_view text, const Segmentation& s,
                                     int32_t k, int32_t te) const {
  const Token* t = &s.tokens[k];
  if (t->kind == TokenKind::kPunct && IsOpening(CharAt(text, t->bstart)) && k + 1 < te) {
    t = &s.tokens[k + 1];
  }
  if (t->kind != TokenKind::kWord) return false;
  std::string_view w = Text(text, *t);
  if (!u_isupper(CharAt(w, 0))) return false;
  if (t->parts_count > 0) return false;
  return lex.starters.count(FoldForMatch(w)) > 0;
}

// TAGSET §0: a transcript speaker label at the start of a paragraph:
// "SECRETARY BLINKEN:", "Mr. HASTINGS of Florida.", "Q". Returns the token
// index just past the label, or -1.
int32_t Segmenter::Impl::MatchSpeakerLabel(std::string_view text,
                                           const Segmentation& s, int32_t tb,
                                           int32_t te, std::string* name) const {
  auto all_caps = [&](const Token& t) {
    std::string_view w = Text(text, t);
    int upper = 0;
    for (int64_t i = 0; i < static_cast<int64_t>(w.size());) {
      UChar32 c = CharAt(w, i);
      if (u_islower(c)) return -1;
      if (u_isupper(c)) ++upper;
      i += U8_LENGTH(c);
    }
    return upper;
  };
  auto text_of = [&](int32_t a, int32_t b) {
    return std::string(text.substr(s.tokens[a].bstart,
                                   s.tokens[b - 1].bend - s.tokens[a].bstart));
  };
  // "SECRETARY BLINKEN:" -- capital words, then a colon.
  {
    int32_t k = tb, words = 0, letters = 0;
    while (k < te && words <= 6) {
      const Token& t = s.tokens[k];
      if (t.kind == TokenKind::kWord) {
        int u = all_caps(t);
        if (u < 0) break;
        letters += u;
        ++words;
      } else if (t.kind == TokenKind::kPunct && Text(text, t) == ":") {
        break;
      } else if (!(t.kind == TokenKind::kPunct &&
                   (Text(text, t) == "." || Text(text, t) == "[" ||
                    Text(text, t) == "]"))) {
        break;
      }
      ++k;
    }
    if (k < te && k > tb && words >= 1 && words <= 6 &&
        Text(text, s.tokens[k]) == ":" &&
        (letters >= 2 || (words == 1 && letters == 1))) {
      *name = text_of(tb, k);
      return k + 1;
    }
  }
  // "Mr. HASTINGS of Florida." -- the Congressional Record's form.
  {
    std::string_view first = Text(text, s.tokens[tb]);
    bool titled = first == "Mr." || first == "Mrs." || first == "Ms." ||
                  first == "Miss" || first == "Madam" || first == "Dr." ||
                  first == "The";
    int32_t k = tb + 1, caps = 0;
    while (titled && k < te && s.tokens[k].kind == TokenKind::kWord &&
           all_caps(s.tokens[k]) >= 2) {
      ++caps;
      ++k;
    }
    if (titled && caps > 0 && k < te) {
      std::string_view w = Text(text, s.tokens[k]);
      if (w == "of") {
        int32_t j = k + 1;
        while (j < te && j < k + 4 && s.tokens[j].kind == TokenKind::kWord &&
               u_isupper(CharAt(text, s.tokens[j].bstart)))
          ++j;
        if (j > k + 1) k = j;
      } else if (w == "pro" && k + 1 < te && Text(text, s.tokens[k + 1]) == "tempore") {
        k += 2;
      }
      if (k < te && Text(text, s.tokens[k]) == ".") {
        *name = text_of(tb, k);
        return k + 1;
      }
    }
  }
  // "Q Thanks for doing this." -- a bare Q opens a question in transcripts.
  if (Text(text, s.tokens[tb]) == "Q" && tb + 1 < te &&
      s.tokens[tb + 1].kind == TokenKind::kWord &&
      u_isupper(CharAt(text, s.tokens[tb + 1].bstart))) {
    *name = "Q";
    return tb + 1;
  }
  return -1;
}

// TAGSET §0: a stage direction standing alone, "(Applause.)". Returns the
// token index just past it, or -1.
int32_t Segmenter::Impl::MatchStageDirection(std::string_view text,
                                             const Segmentation& s, int32_t tb,
                                             int32_t te, bool whole_paragraph) const {
  std::string_view open = Text(text, s.tokens[tb]);
  if (open != "(" && open != "[") return -1;
  std::string_view close = open == "(" ? ")" : "]";
  int depth = 0, words = 0;
  for (int32_t k = tb; k < te; ++k) {
    std::string_view w = Text(text, s.tokens[k]);
    if (w == open) ++depth;
    if (w == close && --depth == 0) {
      int32_t end = k + 1;
      if (whole_paragraph) return end == te && words <= 12 ? end : -1;
      if (words > 6 || words == 0) return -1;
      if (end == te) return end;
      // Standing alone between sentences: a sentence begins after it.
      const Token& next = s.tokens[end];
      return next.kind == TokenKind::kWord && u_isupper(CharAt(text, next.bstart))
                 ? end
                 : -1;
    }
    if (s.tokens[k].kind == TokenKind::kWord) ++words;
  }
  return -1;
}

void Segmenter::Impl::SplitParagraph(std::string_view text, int32_t para,
                                     int32_t tb, int32_t te, Segmentation* out,
                                     int32_t* turn) {
  auto emit = [&](int32_t a, int32_t b, HeadingKind heading) {
    Sentence x;
    x.bstart = out->tokens[a].bstart;
    x.bend = out->tokens[b - 1].bend;
    x.para = para;
    x.token_begin = a;
    x.token_end = b;
    x.heading = heading;
    out->sentences.push_back(x);
  };
  size_t first_sentence = out->sentences.size();
  int32_t i = tb;
  std::string name;
  int32_t label_end = MatchSpeakerLabel(text, *out, tb, te, &name);
  if (label_end > 0) {
    out->turns.push_back(name);
    *turn = static_cast<int32_t>(out->turns.size()) - 1;
    emit(tb, label_end, HeadingKind::kSpeakerLabel);
    i = label_end;
  } else {
    int32_t stage = MatchStageDirection(text, *out, tb, te, true);
    if (stage > 0) {
      emit(tb, stage, HeadingKind::kStageDirection);
      return;
    }
  }
  while (i < te) {
    int32_t stage = MatchStageDirection(text, *out, i, te, false);
    if (stage > 0) {
      emit(i, stage, HeadingKind::kStageDirection);
      i = stage;
      continue;
    }
    int32_t s = i, j = i;
    while (j < te) {
      const Token& t = out->tokens[j];
      bool terminal = t.kind == TokenKind::kPunct && IsTerminal(CharAt(text, t.bstart));
      if (!terminal && !t.abbreviation) {
        ++j;
        continue;
      }
      bool abbrev_only = !terminal;
      int32_t k = j + 1;
      // Take adjacent terminal marks and closing quotes or brackets: `.”`, `?!`.
      while (k < te && out->tokens[k].bstart == out->tokens[k - 1].bend &&
             out->tokens[k].kind == TokenKind::kPunct) {
        UChar32 c = CharAt(text, out->tokens[k].bstart);
        if (IsTerminal(c)) {
          abbrev_only = false;
        } else if (!IsClosing(c)) {
          break;
        }
        ++k;
      }
      if (k >= te) {
        j = te;
        break;
      }
      const Token& next = out->tokens[k];
      bool end;
      if (abbrev_only) {
        // TAGSET §0: an abbreviation ends a sentence only when the next
        // word starts one ("in the U.S. The embassy").
        end = ClassOf(Text(text, t)) != AbbrevClass::kTitle &&
              StartsSentence(text, *out, k, te);
      } else {
        UChar32 c = CharAt(text, next.bstart);
        if (next.kind == TokenKind::kWord || next.kind == TokenKind::kPossessive) {
          end = !u_islower(c);  // "“Why?” he asked" goes on
        } else if (next.kind == TokenKind::kPunct) {
          end = IsOpening(c);  // a comma or dash after the mark goes on
        } else {
          end = true;
        }
        // "1. The first point": a list number is not a sentence.
        if (end && j == s + 1 && out->tokens[s].kind == TokenKind::kNumber &&
            Text(text, t) == ".") {
          end = false;
        }
      }
      j = k;
      if (end) break;
    }
    emit(s, j, HeadingKind::kNone);
    i = j;
  }
  // TAGSET §0: a short line without final punctuation is a heading.
  if (label_end < 0 && out->sentences.size() == first_sentence + 1) {
    Sentence& x = out->sentences.back();
    int32_t k = x.token_end - 1;
    while (k > x.token_begin && out->tokens[k].kind == TokenKind::kPunct &&
           IsClosing(CharAt(text, out->tokens[k].bstart)))
      --k;
    const Token& last = out->tokens[k];
    UChar32 c = CharAt(text, last.bstart);
    bool final_punct = last.kind == TokenKind::kPunct &&
                       (IsTerminal(c) || c == ':' || c == ';' || c == ',');
    int words = 0, lower = 0;
    for (int32_t m = x.token_begin; m < x.token_end; ++m) {
      const Token& t = out->tokens[m];
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) ++words;
      if (t.kind == TokenKind::kWord && u_islower(CharAt(text, t.bstart))) ++lower;
    }
    // A final abbreviation is final punctuation, except in a short
    // capitalized line such as the dateline "Washington, D.C.".
    if (last.abbreviation) final_punct = !(words <= 6 && lower == 0);
    if (!final_punct && words > 0 && words <= kMaxHeadingWords) {
      x.heading = HeadingKind::kTitle;
      *turn = -1;  // a heading ends the speaker's turn
    }
  }
  for (size_t k = first_sentence; k < out->sentences.size(); ++k) {
    if (out->sentences[k].heading == HeadingKind::kNone ||
        out->sentences[k].heading == HeadingKind::kStageDirection) {
      out->sentences[k].turn = *turn;
    }
  }
}

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;

void Segmenter::Impl::SegmentBlock(const Document& doc,
                                   const std::vector<std::pair<int64_t, int64_t>>& paras,
                                   size_t p0, size_t p1, int64_t from, int64_t to, bool icu_only,
                                   Segmentation* out, int32_t* turn) {
  std::string_view text = doc.text();
  Tokenize(text, from, to, icu_only, out);
  int32_t k = 0, n = static_cast<int32_t>(out->tokens.size());
  for (size_t p = p0; p < p1; ++p) {
    while (k < n && out->tokens[k].bstart < paras[p].first) ++k;
    int32_t tb = k;
    while (k < n && out->tokens[k].bend <= paras[p].second) ++k;
    if (k > tb) SplitParagraph(text, static_cast<int32_t>(p + 1), tb, k, out, turn);
  }
  // Code point offsets, each sequence walked once in increasing order.
  int64_t cp = from == 0 ? 0 : doc.ByteToCp(from);
  CpCursor tokens_cp(text, doc.ascii(), from, cp), parts_cp(text, doc.ascii(), from, cp);
  for (Token& t : out->tokens) {
    t.start = static_cast<uint32_t>(tokens_cp.To(t.bstart));
    t.end = static_cast<uint32_t>(tokens_cp.To(t.bend));
  }
  for (Span& s : out->parts) {
    s.start = parts_cp.To(s.bstart);
    s.end = parts_cp.To(s.bend);
  }
}

namespace {

// Turn of the sentences of a block before its first speaker label or
// heading: the block before decides it.
constexpr int32_t kInheritTurn = -2;

// Returns the byte after the line break that follows byte at (the text's
// end if none does).
int64_t AfterLineBreak(std::string_view text, int64_t at) {
  int64_t n = static_cast<int64_t>(text.size());
  while (at < n && text[at] != '\n' && text[at] != '\r') ++at;
  if (at < n && text[at] == '\r') ++at;
  if (at < n && text[at] == '\n') ++at;
  return at;
}

// Appends block b to out, shifting its token, part and turn indices;
// *turn is the turn out ends with and becomes the one b ends with.
void Append(Segmentation&& b, int32_t b_turn, Segmentation* out, int32_t* turn) {
  const auto tokens = static_cast<int32_t>(out->tokens.size());
  const auto parts = static_cast<uint32_t>(out->parts.size());
  const auto turns = static_cast<int32_t>(out->turns.size());
  size_t t0 = out->tokens.size();
  out->tokens.insert(out->tokens.end(), b.tokens.begin(), b.tokens.end());
  for (size_t i = t0; i < out->tokens.size(); ++i)
    if (out->tokens[i].parts_count > 0) out->tokens[i].parts_begin += parts;
  out->parts.insert(out->parts.end(), b.parts.begin(), b.parts.end());
  for (std::string& name : b.turns) out->turns.push_back(std::move(name));
  auto shift = [&](int32_t t) { return t == kInheritTurn ? *turn : t >= 0 ? t + turns : t; };
  for (Sentence& x : b.sentences) {
    x.token_begin += tokens;
    x.token_end += tokens;
    x.turn = shift(x.turn);
    out->sentences.push_back(x);
  }
  *turn = shift(b_turn);
}

}  // namespace

Segmentation Segmenter::Segment(const Document& doc, const SegmentOptions& options) {
  Segmentation out;
  std::string_view text = doc.text();
  if (text.empty() || !impl_->words) return out;
  std::vector<std::pair<int64_t, int64_t>> paras = ParagraphBytes(text, options.paragraphs);
  const int64_t n = static_cast<int64_t>(text.size());

  // Blocks of whole lines, one per thread, cut after a line break: ICU
  // breaks after every line break, so each block is cut into the tokens
  // the whole text would give. Sentences never cross a paragraph.
  int blocks = 1;
  if (options.Splits(n) && !options.icu_only)
    blocks = static_cast<int>(std::min<int64_t>(options.threads, n / options.block_bytes));
  std::vector<size_t> first_para{0};
  std::vector<int64_t> cut{0};
  for (int g = 1; g < blocks; ++g) {
    int64_t want = n * g / blocks;
    size_t p = first_para.back();
    while (p < paras.size() && paras[p].second < want) ++p;
    if (p >= paras.size() || p == first_para.back()) continue;
    int64_t at = AfterLineBreak(text, paras[p - 1].second);
    if (at > paras[p].first) continue;  // defensive: a paragraph is whole lines
    first_para.push_back(p);
    cut.push_back(at);
  }
  first_para.push_back(paras.size());
  cut.push_back(n);
  blocks = static_cast<int>(cut.size()) - 1;

  out.tokens.reserve(text.size() / 5 + 16);
  out.sentences.reserve(out.tokens.capacity() / 20 + 4);
  int32_t turn = -1;
  if (blocks == 1) {
    impl_->SegmentBlock(doc, paras, 0, paras.size(), 0, n, options.icu_only, &out, &turn);
  } else {
    while (static_cast<int>(impl_->helpers.size()) < blocks - 1)
      impl_->helpers.push_back(std::make_unique<Impl>());
    std::vector<Segmentation> rest(blocks - 1);
    std::vector<int32_t> turns(blocks - 1, kInheritTurn);
    std::vector<std::thread> threads;
    for (int g = 1; g < blocks; ++g) {
      threads.emplace_back([&, g] {
        Segmentation& r = rest[g - 1];
        r.tokens.reserve((cut[g + 1] - cut[g]) / 5 + 16);
        impl_->helpers[g - 1]->SegmentBlock(doc, paras, first_para[g], first_para[g + 1], cut[g],
                                            cut[g + 1], false, &r, &turns[g - 1]);
      });
    }
    impl_->SegmentBlock(doc, paras, 0, first_para[1], 0, cut[1], false, &out, &turn);
    for (std::thread& t : threads) t.join();
    for (int g = 1; g < blocks; ++g) Append(std::move(rest[g - 1]), turns[g - 1], &out, &turn);
  }

  out.paragraphs.reserve(paras.size());
  CpCursor spans_cp(text, doc.ascii());
  for (const auto& [b, e] : paras) {
    Paragraph para;
    para.bstart = b;
    para.bend = e;
    para.start = spans_cp.To(b);
    para.end = spans_cp.To(e);
    out.paragraphs.push_back(para);
  }
  std::unordered_map<std::string_view, int32_t> seen;
  for (size_t i = 0; i < out.sentences.size(); ++i) {
    Sentence& x = out.sentences[i];
    x.start = out.tokens[x.token_begin].start;
    x.end = out.tokens[x.token_end - 1].end;
    // Verbatim repeats (pull quotes) point at the first occurrence; short
    // formulae ("Thank you.") recur naturally and are left alone.
    if (x.heading != HeadingKind::kNone || !options.duplicates) continue;
    int words = 0;
    for (int32_t m = x.token_begin; m < x.token_end; ++m)
      if (out.tokens[m].kind == TokenKind::kWord) ++words;
    if (words < 4) continue;
    auto [it, inserted] = seen.emplace(text.substr(x.bstart, x.bend - x.bstart),
                                       static_cast<int32_t>(i));
    if (!inserted) x.duplicate_of = it->second;
  }
  return out;
}

}  // namespace relscan
