// Lexicons of lib/data/quotes and a small matcher of token patterns.
//
// The cue lists are token sequences with gaps, not regular expressions:
// like the gazetteers (DESIGN.md "Rules"), they are looked up by their first
// word at each token, and a gap ("compared … to") is bounded, so matching
// costs a few steps per token.
#include "quote_lexicon.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "relscan/data.h"
#include "relscan/fold.h"

namespace relscan {
namespace {

constexpr std::string_view kCuesFile = "data/quotes/cues.txt";
constexpr std::string_view kTermsFile = "data/quotes/term_cues.txt";
constexpr std::string_view kTitlesFile = "data/quotes/title_cues.txt";
constexpr std::string_view kClassesFile = "data/quotes/function_words.txt";
constexpr std::string_view kPersonTitlesFile = "data/lexicon/person_titles.txt";

constexpr std::string_view kEllipsis = "\u2026";

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// "said" -> "Said": the form a word takes at the start of a sentence.
std::string Capitalized(std::string_view w) {
  std::string s(w);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

}  // namespace

TokenWords::TokenWords(const Document& doc, const Segmentation& seg) : doc_(doc), seg_(seg) {}

std::string_view TokenWords::Raw(int32_t k) const {
  const Token& t = seg_.tokens[static_cast<size_t>(k)];
  return std::string_view(doc_.text()).substr(t.bstart, t.bend - t.bstart);
}

std::string_view TokenWords::Word(int32_t k) const {
  std::string_view raw = Raw(k);
  if (IsAscii(raw)) return raw;
  auto it = folded_.find(k);
  if (it == folded_.end()) it = folded_.emplace(k, FoldTypography(raw)).first;
  return it->second;
}

std::string TokenWords::Key(int32_t k) const { return FoldForMatch(Raw(k)); }

bool TokenWords::StartsSentence(int32_t k) const {
  const std::vector<Sentence>& ss = seg_.sentences;
  auto it = std::upper_bound(ss.begin(), ss.end(), k,
                             [](int32_t v, const Sentence& s) { return v < s.token_begin; });
  if (it == ss.begin()) return false;
  const Sentence& s = *(it - 1);
  if (k == s.token_begin) return true;
  // After an opening mark or bracket at the sentence start.
  return k == s.token_begin + 1 &&
         seg_.tokens[static_cast<size_t>(k - 1)].kind == TokenKind::kPunct;
}

PatternSet PatternSet::Load(std::string_view path, bool with_slots) {
  PatternSet set;
  for (const data::DataLine& l : data::DataLines(data::Find(path))) {
    std::vector<std::string_view> cols = SplitOn(l.text, '\t');
    std::string source = fmt::format("lib/{}:{}", path, l.line);
    TokenPattern p;
    p.text = std::string(cols[0]);
    p.source = source;
    if (with_slots) {
      std::string_view slot = cols.size() > 1 ? cols[1] : "";
      if (slot == "subject")
        p.slot = CueSlot::kSubject;
      else if (slot == "object")
        p.slot = CueSlot::kObject;
      else if (slot == "gap")
        p.slot = CueSlot::kGap;
      else if (slot == "possessor")
        p.slot = CueSlot::kPossessor;
      else {
        set.errors_.push_back(source + ": unknown speaker slot '" + std::string(slot) + "'");
        continue;
      }
      if (cols.size() > 2) p.display = std::string(cols[2]);
    }
    bool ok = true;
    for (std::string_view w : SplitOn(cols[0], ' ')) {
      PatternElement e;
      if (w.substr(0, kEllipsis.size()) == kEllipsis) {
        e.kind = PatternElement::kGap;
        std::string_view rest = w.substr(kEllipsis.size());
        if (!rest.empty() && rest.back() == '?') {
          e.optional = true;  // the gap may be empty
          rest.remove_suffix(1);
        }
        if (!rest.empty()) e.max_gap = std::max(1, std::atoi(std::string(rest).c_str()));
      } else if (w == "'s" || w == "\u2019s") {
        e.kind = PatternElement::kPossessive;
      } else {
        if (w[0] == '!') {
          e.kind = PatternElement::kNot;
          w.remove_prefix(1);
        }
        if (!w.empty() && w.back() == '?') {
          e.optional = true;
          w.remove_suffix(1);
        }
        for (std::string_view alt : SplitOn(w, '|')) e.words.push_back(FoldTypography(alt));
        if (e.words.empty()) ok = false;
      }
      p.elements.push_back(std::move(e));
    }
    if (!ok || p.elements.empty() || p.elements[0].kind == PatternElement::kGap ||
        p.elements[0].kind == PatternElement::kNot || p.elements[0].optional) {
      set.errors_.push_back(source + ": a pattern starts with a word or 's");
      continue;
    }
    int index = static_cast<int>(set.patterns_.size());
    if (p.elements[0].kind == PatternElement::kPossessive) {
      set.possessive_first_.push_back(index);
    } else {
      for (const std::string& w : p.elements[0].words) {
        set.by_first_[w].push_back(index);
        if (Capitalized(w) != w) set.by_first_[Capitalized(w)].push_back(index);
      }
    }
    set.patterns_.push_back(std::move(p));
  }
  return set;
}

// Returns the token just past a match of elements [e, end) from token k, or
// -1; gaps take the fewest words that let the rest match.
int32_t PatternSet::Match(const TokenWords& words, const TokenPattern& p, size_t e, int32_t k,
                          int32_t hi, PatternMatch* m) const {
  if (e == p.elements.size()) return k;
  const PatternElement& el = p.elements[e];
  const std::vector<Token>& toks = words.seg().tokens;
  auto word_at = [&](int32_t i) -> bool {
    if (i >= hi) return false;
    std::string_view w = words.Word(i);
    for (const std::string& alt : el.words) {
      if (w == alt) return true;
      // The first word of a pattern may start a sentence.
      if (e == 0 && words.StartsSentence(i) && w == Capitalized(alt)) return true;
    }
    return false;
  };
  switch (el.kind) {
    case PatternElement::kWords:
      if (word_at(k)) {
        int32_t r = Match(words, p, e + 1, k + 1, hi, m);
        if (r >= 0) return r;
      }
      return el.optional ? Match(words, p, e + 1, k, hi, m) : -1;
    case PatternElement::kNot:
      if (k < hi && word_at(k)) return -1;
      return Match(words, p, e + 1, k, hi, m);
    case PatternElement::kPossessive: {
      if (k >= hi || toks[static_cast<size_t>(k)].kind != TokenKind::kPossessive) return -1;
      int32_t r = Match(words, p, e + 1, k + 1, hi, m);
      if (r >= 0 && m->possessive < 0) m->possessive = k;
      return r;
    }
    case PatternElement::kGap:
      if (el.optional) {
        int32_t r = Match(words, p, e + 1, k, hi, m);
        if (r >= 0) return r;
      }
      for (int32_t len = 1; len <= el.max_gap && k + len <= hi; ++len) {
        // A gap holds words of one phrase: no punctuation, no quote marks.
        TokenKind kind = toks[static_cast<size_t>(k + len - 1)].kind;
        if (kind == TokenKind::kPunct || kind == TokenKind::kSymbol) break;
        int32_t r = Match(words, p, e + 1, k + len, hi, m);
        if (r >= 0) {
          if (m->gap_begin < 0) {
            m->gap_begin = k;
            m->gap_end = k + len;
          }
          return r;
        }
      }
      return -1;
  }
  return -1;
}

void PatternSet::MatchAt(const TokenWords& words, int32_t k, int32_t hi,
                         std::vector<PatternMatch>* out) const {
  if (k >= hi) return;
  auto try_pattern = [&](int i) {
    PatternMatch m;
    m.pattern = i;
    m.begin = k;
    int32_t end = Match(words, patterns_[static_cast<size_t>(i)], 0, k, hi, &m);
    if (end > k) {
      m.end = end;
      out->push_back(m);
    }
  };
  if (words.seg().tokens[static_cast<size_t>(k)].kind == TokenKind::kPossessive) {
    for (int i : possessive_first_) try_pattern(i);
    return;
  }
  auto it = by_first_.find(std::string(words.Word(k)));
  if (it == by_first_.end()) return;
  for (int i : it->second) try_pattern(i);
}

std::string PatternSet::Display(const TokenWords& words, const PatternMatch& m) const {
  const TokenPattern& p = pattern(m.pattern);
  if (!p.display.empty()) return p.display;
  std::string out;
  bool gap_pending = false;
  for (int32_t k = m.begin; k < m.end; ++k) {
    if (k == m.possessive) continue;
    if (k >= m.gap_begin && k < m.gap_end) {
      gap_pending = true;
      continue;
    }
    if (!out.empty()) {
      out += gap_pending ? " \u2026 " : " ";
    }
    gap_pending = false;
    std::string_view w = words.Raw(k);
    // "According to" at a sentence start is reported as the lexicon has it.
    if (k == m.begin && words.StartsSentence(k) && !w.empty() && w[0] >= 'A' && w[0] <= 'Z') {
      for (const std::string& alt : p.elements[0].words) {
        if (Capitalized(alt) == words.Word(k)) w = alt;
      }
    }
    out += w;
  }
  return out;
}

const QuoteLexicon& QuoteLexicon::Get() {
  static const QuoteLexicon kLexicon = [] {
    QuoteLexicon lex;
    lex.cues = PatternSet::Load(kCuesFile, true);
    lex.terms = PatternSet::Load(kTermsFile, false);
    for (const data::DataLine& l : data::DataLines(data::Find(kTitlesFile))) {
      std::vector<std::string_view> cols = SplitOn(l.text, '\t');
      if (cols.size() < 2) continue;
      lex.titles[FoldForMatch(cols[0])] = {cols[1] == "verb",
                                           fmt::format("lib/{}:{}", kTitlesFile, l.line)};
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kClassesFile))) {
      std::vector<std::string_view> cols = SplitOn(l.text, '\t');
      if (cols.size() < 2) continue;
      static const std::pair<std::string_view, uint16_t> kNames[] = {
          {"det", kDet},   {"pron", kPron}, {"obj", kObj}, {"rel", kRel},
          {"prep", kPrep}, {"conj", kConj}, {"aux", kAux}, {"adv", kAdv}};
      for (const auto& [name, bit] : kNames)
        if (cols[1] == name) lex.classes[std::string(cols[0])] |= bit;
    }
    // Words of the titles that come before a name ("National Security
    // Advisor"), to read "President Aliyev" whole as the speaker's words.
    for (const data::DataLine& l : data::DataLines(data::Find(kPersonTitlesFile))) {
      std::string_view title = l.text.substr(0, l.text.find('\t'));
      for (std::string_view w : SplitOn(title, ' ')) ++lex.title_words[FoldForMatch(w)];
    }
    return lex;
  }();
  return kLexicon;
}

uint16_t QuoteLexicon::ClassOf(std::string_view key) const {
  auto it = classes.find(std::string(key));
  return it == classes.end() ? 0 : it->second;
}

}  // namespace relscan
