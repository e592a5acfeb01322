// The concordance: matching queries against tokens and cutting context.
#include "relscan/concordance.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "relscan/fold.h"
#include "relscan/stemmer.h"
#include "relscan/swar.h"
#include "report_numbers.h"
#include "token_keys.h"

namespace relscan {
namespace {

// Says whether a token's key equals key, without folding when the lengths
// of ASCII text already differ.
bool KeyEquals(std::string_view s, std::string_view key, bool case_sensitive, std::string* buf) {
  if (s.size() == key.size()) {
    bool ascii = true;
    size_t i = 0;
    for (; i < s.size(); ++i) {
      unsigned char a = static_cast<unsigned char>(s[i]);
      if (a >= 0x80) {
        ascii = false;
        break;
      }
      if (!case_sensitive && a >= 'A' && a <= 'Z') a = static_cast<unsigned char>(a + 32);
      if (a != static_cast<unsigned char>(key[i])) return false;
    }
    if (ascii) return true;
  } else if (IsAscii(s)) {
    return false;
  }
  return KeyOf(s, case_sensitive, buf) == key;
}

inline bool IsAsciiSpace(unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

// Says whether the character at byte i is whitespace; *next is the byte after it.
inline bool IsSpaceAt(std::string_view text, int64_t i, int64_t* next) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    *next = i + 1;
    return IsAsciiSpace(b);
  }
  UChar32 c;
  int32_t j = static_cast<int32_t>(i);
  U8_NEXT(text.data(), j, static_cast<int32_t>(text.size()), c);
  *next = j;
  return c >= 0 && u_isUWhiteSpace(c);
}

// Says whether the character before byte i is whitespace; *prev is its first byte.
inline bool IsSpaceBefore(std::string_view text, int64_t i, int64_t* prev) {
  unsigned char b = static_cast<unsigned char>(text[i - 1]);
  if (b < 0x80) {
    *prev = i - 1;
    return IsAsciiSpace(b);
  }
  UChar32 c;
  int32_t j = static_cast<int32_t>(i);
  U8_PREV(text.data(), 0, j, c);
  *prev = j;
  return c >= 0 && u_isUWhiteSpace(c);
}

// Says whether bytes are ASCII with no whitespace but single spaces, none
// first or last (so collapsing whitespace leaves them as they are).
inline bool PlainAscii(const char* p, size_t n) {
  bool space = true;  // a space first or after a space is not plain
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w = swar::Load(p + i);
    if (swar::HasNonAscii(w) || swar::HasByteBelow(w, 0x20)) return false;
    // Spaces flagged (a byte '!' above a space may be flagged too, which
    // only sends the text to the slow path).
    uint64_t sp = swar::BytesEqual(w, ' ');
    if ((space && (sp & 0x80)) || (sp & (sp >> 8))) return false;
    space = p[i + 7] == ' ';
  }
  for (; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80 || c < ' ' || (c == ' ' && space)) return false;
    space = c == ' ';
  }
  return !space || n == 0;
}

// Sets *out to text with every run of whitespace as one space.
void Collapse(std::string_view text, std::string* out) {
  if (PlainAscii(text.data(), text.size())) {
    out->assign(text);
    return;
  }
  out->resize(text.size());
  char* o = out->data();
  size_t k = 0;
  bool space = false;
  const char* p = text.data();
  for (int64_t i = 0, n = static_cast<int64_t>(text.size()); i < n;) {
    unsigned char b = static_cast<unsigned char>(p[i]);
    if (b < 0x80) {  // ASCII needs no decoding
      if (IsAsciiSpace(b)) {
        space = true;
      } else {
        if (space && k > 0) o[k++] = ' ';
        space = false;
        o[k++] = static_cast<char>(b);
      }
      ++i;
      continue;
    }
    int64_t next;
    if (IsSpaceAt(text, i, &next)) {
      space = true;
    } else {
      if (space && k > 0) o[k++] = ' ';
      space = false;
      for (int64_t j = i; j < next; ++j) o[k++] = p[j];
    }
    i = next;
  }
  out->resize(k);
}

// Sets *out to up to width characters before byte b (whitespace runs
// counting as one), without the whitespace next to the match, never
// starting with a space. Scans back to the first character kept, then
// copies forward collapsing.
void LeftOf(std::string_view text, int64_t b, int width, std::string* out) {
  int64_t end = b, prev;
  while (end > 0 && IsSpaceBefore(text, end, &prev)) end = prev;
  // Plain ASCII: the width bytes before, without a first space.
  if (width > 0 && end >= width) {
    const char* w = text.data() + end - width;
    bool lead = w[0] == ' ';
    if (PlainAscii(w + lead, static_cast<size_t>(width - lead))) {
      out->assign(w + lead, static_cast<size_t>(width - lead));
      return;
    }
  }
  int64_t at = end;
  int count = 0;
  const char* p = text.data();
  while (at > 0 && count < width) {
    unsigned char c = static_cast<unsigned char>(p[at - 1]);
    if (c < 0x80 && !IsAsciiSpace(c)) {
      ++count;
      --at;
      continue;
    }
    if (IsSpaceBefore(text, at, &prev)) {
      int64_t run = prev;
      while (run > 0 && IsSpaceBefore(text, run, &prev)) run = prev;
      if (count + 1 >= width || run == 0) break;
      ++count;
      at = run;
    } else {
      ++count;
      at = prev;
    }
  }
  Collapse(text.substr(at, end - at), out);
}

// Sets *out to up to width characters after byte e, as LeftOf does before,
// in one pass.
void RightOf(std::string_view text, int64_t e, int width, std::string* out) {
  const int64_t n = static_cast<int64_t>(text.size());
  const char* p = text.data();
  int64_t at = e, next;
  while (at < n && IsSpaceAt(text, at, &next)) at = next;
  // Plain ASCII: the width bytes after, without a last space.
  if (width > 0 && n - at >= width) {
    const char* w = text.data() + at;
    bool trail = w[width - 1] == ' ';
    if (PlainAscii(w, static_cast<size_t>(width - trail))) {
      out->assign(w, static_cast<size_t>(width - trail));
      return;
    }
  }
  out->clear();
  int count = 0;
  bool space = false;  // a whitespace run waits to be written as one space
  while (at < n && count < width) {
    unsigned char c = static_cast<unsigned char>(p[at]);
    int64_t len = 1;
    if (c < 0x80) {
      if (IsAsciiSpace(c)) {
        space = true;
        ++at;
        continue;
      }
    } else {
      if (IsSpaceAt(text, at, &next)) {
        space = true;
        at = next;
        continue;
      }
      len = next - at;
    }
    if (space) {
      if (count + 1 >= width) break;
      out->push_back(' ');
      ++count;
      space = false;
    }
    out->append(p + at, static_cast<size_t>(len));
    ++count;
    at += len;
  }
}

// Collapse without a final space.
void TrimmedCollapse(std::string_view text, std::string* out) {
  Collapse(text, out);
  while (!out->empty() && out->back() == ' ') out->pop_back();
}

// Collapse without a first space.
void LeadTrimmedCollapse(std::string_view text, std::string* out) {
  Collapse(text, out);
  if (!out->empty() && out->front() == ' ') out->erase(0, 1);
}

}  // namespace

struct ConcordanceMatcher::Impl {
  ConcordanceOptions options;
  std::vector<std::string> keys;                 // kWords, kStem
  std::vector<bool> key_is_word;                 // kStem: stem this token
  std::vector<std::unique_ptr<RE2>> patterns;    // kRegex
  std::string folded_entity;                     // kEntity
  Stemmer stemmer;
  std::string buf, buf2;
  int64_t work = 0;

  // Says whether token k of d matches query token j.
  bool Matches(const ReportDocument& d, const Token& t, size_t j) {
    std::string_view s = d.TokenText(t);
    work += static_cast<int64_t>(s.size());
    switch (options.kind) {
      case QueryKind::kWords:
        return KeyEquals(s, keys[j], options.case_sensitive, &buf);
      case QueryKind::kStem: {
        std::string_view key = KeyOf(s, false, &buf);
        if (t.kind != TokenKind::kWord || !key_is_word[j]) return key == keys[j];
        return stemmer.Stem(key) == keys[j];
      }
      case QueryKind::kRegex: {
        std::string_view key = IsAscii(s) ? s : std::string_view(buf = FoldTypography(s));
        return RE2::FullMatch(key, *patterns[j]);
      }
      case QueryKind::kEntity:
        return false;
    }
    return false;
  }

  ConcordanceLine line;  // reused: its strings keep their capacity

  void AddLine(const ReportDocument& d, size_t sentence, int64_t bs, int64_t be, int64_t cs,
               int64_t ce, int32_t ti, int32_t tj,
               const std::function<void(ConcordanceLine&&)>& emit) {
    const std::vector<Token>& tokens = d.seg.tokens;
    std::string_view text = d.doc.text();
    const ReportSentence& s = d.sentences[sentence];
    line.doc = d.doc.path();
    line.sentence = s.id;
    line.start = cs;
    line.end = ce;
    line.order = 0;
    Collapse(text.substr(bs, be - bs), &line.match);
    int32_t n = static_cast<int32_t>(tokens.size());
    switch (options.context) {
      case ContextKind::kWidth:
        LeftOf(text, bs, options.width, &line.left);
        RightOf(text, be, options.width, &line.right);
        break;
      case ContextKind::kWords: {
        int32_t from = std::max<int32_t>(0, ti - options.words);
        int32_t to = std::min<int32_t>(n, tj + options.words);
        int64_t lb = from < ti ? tokens[from].bstart : bs;
        int64_t re = to > tj ? tokens[to - 1].bend : be;
        TrimmedCollapse(text.substr(lb, std::max<int64_t>(0, bs - lb)), &line.left);
        LeadTrimmedCollapse(text.substr(be, std::max<int64_t>(0, re - be)), &line.right);
        break;
      }
      case ContextKind::kSentence: {
        int64_t sb = s.token_end > s.token_begin ? tokens[s.token_begin].bstart : bs;
        int64_t se = s.token_end > s.token_begin ? tokens[s.token_end - 1].bend : be;
        TrimmedCollapse(text.substr(sb, std::max<int64_t>(0, bs - sb)), &line.left);
        LeadTrimmedCollapse(text.substr(be, std::max<int64_t>(0, se - be)), &line.right);
        break;
      }
    }
    int keep = options.keep_tokens;
    int nb = 0, na = 0;
    while (nb < keep && ti - nb - 1 >= 0) ++nb;
    while (na < keep && tj + na < n) ++na;
    line.before.resize(nb);
    line.after.resize(na);
    for (int k = 0; k < nb; ++k) line.before[k].assign(d.TokenText(tokens[ti - k - 1]));
    for (int k = 0; k < na; ++k) line.after[k].assign(d.TokenText(tokens[tj + k]));
    emit(std::move(line));
  }
};

ConcordanceMatcher::ConcordanceMatcher() : impl_(std::make_unique<Impl>()) {}
ConcordanceMatcher::~ConcordanceMatcher() = default;

Result<std::unique_ptr<ConcordanceMatcher>> ConcordanceMatcher::Create(
    const ConcordanceOptions& options) {
  std::unique_ptr<ConcordanceMatcher> m(new ConcordanceMatcher());
  Impl& impl = *m->impl_;
  impl.options = options;
  if (options.kind == QueryKind::kEntity) {
    impl.folded_entity = FoldForMatch(options.entity);
    return m;
  }
  if (options.kind == QueryKind::kRegex) {
    std::string_view rest = options.query;
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      std::string_view part = rest.substr(0, sp);
      rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
      if (part.empty()) continue;
      RE2::Options o;
      o.set_log_errors(false);
      o.set_case_sensitive(options.case_sensitive);
      auto re = std::make_unique<RE2>(FoldTypography(part), o);
      if (!re->ok()) {
        return MakeError(ErrorCode::kUsage,
                         fmt::format("invalid pattern '{}': {}", part, re->error()));
      }
      impl.patterns.push_back(std::move(re));
    }
    if (impl.patterns.empty()) return MakeError(ErrorCode::kUsage, "empty pattern");
    return m;
  }
  if (options.kind == QueryKind::kStem && options.case_sensitive) {
    return MakeError(ErrorCode::kUsage, "stems are of lowercase words: --stem takes no --case");
  }
  // The query is cut into tokens as the text is.
  Result<Document> q = LoadDocument(options.query, "<query>", {});
  if (!q) return MakeError(ErrorCode::kUsage, "the query is not valid UTF-8");
  Segmenter segmenter;
  Segmentation seg = segmenter.Segment(*q, {});
  for (const Token& t : seg.tokens) {
    std::string_view s = std::string_view(q->text()).substr(t.bstart, t.bend - t.bstart);
    std::string buf;
    std::string key(KeyOf(s, options.case_sensitive, &buf));
    bool word = t.kind == TokenKind::kWord;
    if (options.kind == QueryKind::kStem && word) key = impl.stemmer.Stem(key);
    impl.keys.push_back(std::move(key));
    impl.key_is_word.push_back(word);
  }
  if (impl.keys.empty()) return MakeError(ErrorCode::kUsage, "empty query");
  return m;
}

int64_t ConcordanceMatcher::work() const { return impl_->work; }

void ConcordanceMatcher::Find(const ReportDocument& d, std::vector<ConcordanceLine>* out) {
  Find(d, [out](ConcordanceLine&& line) { out->push_back(std::move(line)); });
}

void ConcordanceMatcher::Find(const ReportDocument& d,
                              const std::function<void(ConcordanceLine&&)>& out) {
  Find(d, 0, d.sentences.size(), out);
}

void ConcordanceMatcher::Find(const ReportDocument& d, size_t sentence_begin, size_t sentence_end,
                              const std::function<void(ConcordanceLine&&)>& out) {
  Impl& impl = *impl_;
  sentence_end = std::min(sentence_end, d.sentences.size());
  const std::vector<Token>& tokens = d.seg.tokens;
  if (impl.options.kind == QueryKind::kEntity) {
    for (const Mention& m : d.mentions) {
      if (!impl.options.label.empty() && m.label != impl.options.label) continue;
      if (!impl.options.entity.empty() && FoldForMatch(m.canonical) != impl.folded_entity) continue;
      if (m.sentence < 0 || static_cast<size_t>(m.sentence) < sentence_begin ||
          static_cast<size_t>(m.sentence) >= sentence_end) {
        continue;
      }
      if (impl.options.dedupe && d.sentences[m.sentence].duplicate) continue;
      // The tokens it overlaps: a name may be part of a compound token.
      auto first = std::partition_point(tokens.begin(), tokens.end(),
                                        [&](const Token& t) { return t.end <= m.start; });
      auto last = std::partition_point(first, tokens.end(),
                                       [&](const Token& t) { return t.start < m.end; });
      int32_t ti = static_cast<int32_t>(first - tokens.begin());
      int32_t tj = static_cast<int32_t>(last - tokens.begin());
      impl.AddLine(d, m.sentence, d.doc.CpToByte(m.start), d.doc.CpToByte(m.end), m.start, m.end,
                   ti, tj, out);
    }
    return;
  }
  size_t q = impl.options.kind == QueryKind::kRegex ? impl.patterns.size() : impl.keys.size();
  std::string_view text = d.doc.text();
  int first_byte = -1;
  if (impl.options.kind == QueryKind::kWords && !impl.keys[0].empty() &&
      static_cast<unsigned char>(impl.keys[0][0]) < 0x80) {
    first_byte = static_cast<unsigned char>(impl.keys[0][0]);
  }
  for (size_t si = sentence_begin; si < sentence_end; ++si) {
    const ReportSentence& s = d.sentences[si];
    if (impl.options.dedupe && s.duplicate) continue;
    int32_t te = s.token_end;
    for (int32_t i = s.token_begin; i + static_cast<int32_t>(q) <= te; ++i) {
      if (first_byte >= 0) {
        // An ASCII letter folds to an ASCII letter: a first byte that
        // differs rules the token out without folding it.
        unsigned char b = static_cast<unsigned char>(text[tokens[i].bstart]);
        if (b < 0x80) {
          if (!impl.options.case_sensitive && b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b + 32);
          if (b != first_byte) {
            impl.work += 1;
            continue;
          }
        }
      }
      size_t j = 0;
      while (j < q && impl.Matches(d, tokens[i + j], j)) ++j;
      if (j < q) continue;
      const Token& a = tokens[i];
      const Token& b = tokens[i + q - 1];
      impl.AddLine(d, si, a.bstart, b.bend, a.start, b.end, i, i + static_cast<int32_t>(q), out);
    }
  }
}

Result<std::vector<SortKey>> ParseSortKeys(std::string_view spec) {
  std::vector<SortKey> keys;
  if (spec == "position") return keys;
  if (spec.empty()) return MakeError(ErrorCode::kUsage, "no sort keys");
  for (bool more = true; more;) {
    size_t comma = spec.find(',');
    std::string_view k = spec.substr(0, comma);
    more = comma != std::string_view::npos;
    spec.remove_prefix(more ? comma + 1 : spec.size());
    SortKey key;
    if (k == "match") {
      key.side = SortKey::Side::kMatch;
    } else if (k.size() == 2 && (k[0] == 'L' || k[0] == 'R' || k[0] == 'l' || k[0] == 'r') &&
               k[1] >= '1' && k[1] <= '5') {
      key.side = (k[0] == 'L' || k[0] == 'l') ? SortKey::Side::kLeft : SortKey::Side::kRight;
      key.index = k[1] - '0';
    } else {
      return MakeError(ErrorCode::kUsage,
                       fmt::format("unknown sort key '{}' (L1 to L5, R1 to R5, match, or position)",
                                   k));
    }
    keys.push_back(key);
  }
  return keys;
}

void SortLines(const std::vector<SortKey>& keys, std::vector<ConcordanceLine>* lines) {
  if (keys.empty()) {
    std::stable_sort(lines->begin(), lines->end(),
                     [](const ConcordanceLine& a, const ConcordanceLine& b) { return a.order < b.order; });
    return;
  }
  struct Keyed {
    std::vector<std::string> keys;
    size_t index;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(lines->size());
  for (size_t i = 0; i < lines->size(); ++i) {
    const ConcordanceLine& l = (*lines)[i];
    Keyed k{{}, i};
    for (const SortKey& key : keys) {
      const std::vector<std::string>* side = key.side == SortKey::Side::kLeft ? &l.before : &l.after;
      if (key.side == SortKey::Side::kMatch) {
        k.keys.push_back(FoldForMatch(l.match));
      } else if (static_cast<size_t>(key.index) <= side->size()) {
        k.keys.push_back(FoldForMatch((*side)[key.index - 1]));
      } else {
        k.keys.emplace_back();  // no token there: first
      }
    }
    keyed.push_back(std::move(k));
  }
  std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    if (a.keys != b.keys) return a.keys < b.keys;
    return (*lines)[a.index].order < (*lines)[b.index].order;
  });
  std::vector<ConcordanceLine> sorted;
  sorted.reserve(lines->size());
  for (const Keyed& k : keyed) sorted.push_back(std::move((*lines)[k.index]));
  *lines = std::move(sorted);
}

uint64_t LineSampler::Below(uint64_t bound) {
  // Rejection sampling: uniform, and the same on every platform.
  uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    uint64_t x = rng_();
    if (x >= threshold) return x % bound;
  }
}

void LineSampler::Add(ConcordanceLine line) {
  uint64_t i = seen_++;
  if (kept_.size() < n_) {
    kept_.push_back(std::move(line));
    return;
  }
  if (n_ == 0) return;
  uint64_t j = Below(i + 1);
  if (j < n_) kept_[j] = std::move(line);
}

std::vector<ConcordanceLine> LineSampler::Take() {
  std::vector<ConcordanceLine> out = std::move(kept_);
  std::sort(out.begin(), out.end(),
            [](const ConcordanceLine& a, const ConcordanceLine& b) { return a.order < b.order; });
  kept_.clear();
  seen_ = 0;
  return out;
}

const std::vector<std::string>& ConcordanceColumns() {
  static const std::vector<std::string> kColumns = {"doc",  "sentence", "start", "end",
                                                    "left", "match",    "right"};
  return kColumns;
}

namespace {
constexpr std::string_view kFieldNames[] = {"doc",  "sentence", "start", "end", "left",
                                             "match", "right",   "L1",    "L2",  "L3",
                                             "R1",   "R2",       "R3"};
}  // namespace

std::span<const std::string_view> ConcordanceFieldNames() { return kFieldNames; }

void ConcordanceCells(const ConcordanceLine& line, std::array<Cell, 13>* cells) {
  std::array<Cell, 13>& c = *cells;
  c[0] = Cell::Str(line.doc);
  c[1] = Cell::Str(line.sentence);
  c[2] = Cell::Int(line.start);
  c[3] = Cell::Int(line.end);
  c[4] = Cell::Str(line.left);
  c[5] = Cell::Str(line.match);
  c[6] = Cell::Str(line.right);
  for (size_t k = 0; k < 3; ++k) {
    c[7 + k] = k < line.before.size() ? Cell::Str(line.before[k]) : Cell::Null();
    c[10 + k] = k < line.after.size() ? Cell::Str(line.after[k]) : Cell::Null();
  }
}

void WriteConcordanceLine(const ConcordanceLine& line, RecordWriter* writer) {
  std::array<Cell, 13> cells;
  ConcordanceCells(line, &cells);
  writer->WriteRow(ConcordanceFieldNames(), cells);
}

Record ConcordanceRow(const ConcordanceLine& line) {
  std::array<Cell, 13> cells;
  ConcordanceCells(line, &cells);
  return RowRecord(kFieldNames, cells);
}

}  // namespace relscan
