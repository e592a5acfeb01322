// Token context: binary searches over a sentence's tokens, and modifier
// phrases matched token by token backwards from a span.
#include "token_context.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "relscan/data.h"
#include "relscan/fold.h"

namespace relscan {
namespace {

constexpr std::string_view kModifiersFile = "data/figures/modifiers.tsv";

struct Modifier {
  std::vector<std::string> words;  // folded
  std::string mod;
  std::string source;
};

const std::vector<Modifier>& Modifiers() {
  static const std::vector<Modifier> kModifiers = [] {
    std::vector<Modifier> out;
    for (const data::DataLine& l : data::DataLines(data::Find(kModifiersFile))) {
      size_t tab = l.text.find('\t');
      if (tab == std::string_view::npos) continue;
      Modifier m;
      std::string phrase = FoldForMatch(l.text.substr(0, tab));
      size_t i = 0;
      while (i <= phrase.size()) {
        size_t sp = phrase.find(' ', i);
        if (sp == std::string::npos) sp = phrase.size();
        if (sp > i) m.words.push_back(phrase.substr(i, sp - i));
        i = sp + 1;
      }
      std::string_view mod = l.text.substr(tab + 1);
      m.mod = mod == "-" ? "" : std::string(mod);
      m.source = fmt::format("lib/{}:{}", kModifiersFile, l.line);
      out.push_back(std::move(m));
    }
    // Longest phrases first, so that "no more than" wins over "more than".
    std::stable_sort(out.begin(), out.end(), [](const Modifier& a, const Modifier& b) {
      return a.words.size() > b.words.size();
    });
    return out;
  }();
  return kModifiers;
}

bool OnlySpaces(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else if (s.compare(i, 3, "\xE2\x80\x89") == 0 || s.compare(i, 3, "\xE2\x80\xAF") == 0) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int32_t TokenAtOrAfter(const Segmentation& seg, const Sentence& s, int64_t b) {
  auto first = seg.tokens.begin() + s.token_begin;
  auto last = seg.tokens.begin() + s.token_end;
  auto it = std::lower_bound(first, last, b,
                             [](const Token& t, int64_t v) { return static_cast<int64_t>(t.bstart) < v; });
  return static_cast<int32_t>(it - seg.tokens.begin());
}

int32_t TokenEndingBy(const Segmentation& seg, const Sentence& s, int64_t b) {
  auto first = seg.tokens.begin() + s.token_begin;
  auto last = seg.tokens.begin() + s.token_end;
  auto it = std::upper_bound(first, last, b,
                             [](int64_t v, const Token& t) { return v < static_cast<int64_t>(t.bend); });
  return static_cast<int32_t>(it - seg.tokens.begin()) - 1;
}

int32_t TokenContaining(const Segmentation& seg, const Sentence& s, int64_t b) {
  int32_t k = TokenEndingBy(seg, s, b) + 1;
  if (k >= s.token_begin && k < s.token_end) {
    const Token& t = seg.tokens[static_cast<size_t>(k)];
    if (t.bstart <= b && b < t.bend) return k;
  }
  return -1;
}

std::string_view TokenText(const Document& doc, const Token& t) {
  return std::string_view(doc.text()).substr(t.bstart, t.bend - t.bstart);
}

std::string TokenKey(const Document& doc, const Token& t) { return FoldForMatch(TokenText(doc, t)); }

std::optional<SpanModifier> ModifierBefore(const Document& doc, const Segmentation& seg,
                                           const Sentence& s, int64_t b) {
  // The folded words right before b (only spaces between), nearest first,
  // as many as the longest phrase has.
  constexpr size_t kMaxWords = 4;
  std::string_view text = doc.text();
  std::string words[kMaxWords];
  size_t count = 0;
  int64_t edges[kMaxWords];
  int64_t edge = b;
  for (int32_t k = TokenEndingBy(seg, s, b); k >= s.token_begin && count < kMaxWords; --k) {
    const Token& t = seg.tokens[static_cast<size_t>(k)];
    if (!OnlySpaces(text.substr(t.bend, static_cast<size_t>(edge - t.bend)))) break;
    words[count] = TokenKey(doc, t);
    edges[count] = t.bstart;
    edge = t.bstart;
    ++count;
  }
  for (const Modifier& m : Modifiers()) {
    size_t n = m.words.size();
    if (n > count) continue;
    bool ok = true;
    for (size_t w = 0; w < n && ok; ++w) ok = m.words[n - 1 - w] == words[w];
    if (ok) return SpanModifier{m.mod, edges[n - 1], m.source};
  }
  return std::nullopt;
}

}  // namespace relscan
