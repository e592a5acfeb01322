// Lexicons of lib/data/claims, read with the quote annotator's PatternSet.
#include "claim_lexicon.h"

#include <fmt/format.h>

#include <cstdlib>
#include <set>

#include "relscan/data.h"

namespace relscan {
namespace {

std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= line.size()) {
    size_t j = line.find('\t', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Loads a pattern file and the class columns of its lines; a class outside
// `kinds` (when given) or `extents` (when given) is an error.
ClassedPatterns LoadClassed(std::string_view path, const std::set<std::string>& kinds,
                            const std::set<std::string>& extents,
                            std::vector<std::string>* errors) {
  ClassedPatterns out;
  out.set = PatternSet::Load(path, false);
  for (const std::string& e : out.set.errors()) errors->push_back(e);
  // PatternSet keeps the line of each pattern in its source ("…:12").
  std::unordered_map<int, std::vector<std::string_view>> by_line;
  for (const data::DataLine& l : data::DataLines(data::Find(path))) {
    by_line[l.line] = Columns(l.text);
  }
  for (int i = 0; i < out.set.size(); ++i) {
    const std::string& source = out.set.pattern(i).source;
    int line = std::atoi(source.substr(source.rfind(':') + 1).c_str());
    const std::vector<std::string_view>& cols = by_line[line];
    std::string kind = cols.size() > 1 ? std::string(cols[1]) : "";
    std::string extent = cols.size() > 2 ? std::string(cols[2]) : "";
    if (!kinds.empty() && !kinds.count(kind)) {
      errors->push_back(fmt::format("{}: unknown class '{}'", source, kind));
    }
    if (!extents.empty() && !extents.count(extent)) {
      errors->push_back(fmt::format("{}: unknown extent '{}'", source, extent));
    }
    out.kinds.push_back(std::move(kind));
    out.extents.push_back(std::move(extent));
  }
  if (out.set.size() == 0) errors->push_back(fmt::format("lib/{}: no patterns", path));
  return out;
}

// "said" -> "Said": the form a first word takes at a sentence start.
std::string Capitalized(std::string_view w) {
  std::string s(w);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

}  // namespace

const PatternSet& ClaimLexicon::Set(CueSetId id) const {
  switch (id) {
    case kHedges: return hedges.set;
    case kBoosters: return boosters.set;
    case kCausal: return causal.set;
    case kPredictive: return predictive.set;
    case kDeontic: return deontic.set;
    case kEvaluative: return evaluative.set;
    case kAttribution: return attribution.set;
    case kFormulae: return formulae.set;
    case kQuoteCues:
    case kCueSetCount: break;
  }
  return QuoteLexicon::Get().cues;
}

namespace {

// The words of one sentence, folded once: what PatternSet::Match reads
// through TokenWords on every attempt.
struct Words {
  const std::vector<std::string_view>& text;  // typography folded, case kept
  const std::vector<TokenKind>& kind;
  int32_t lo = 0;
  int32_t first = 0;  // the token a first word may be capitalized at (after an opening mark)
};

// Returns the token just past a match of elements [e, end) of p from token
// k (sentence-relative), or -1: PatternSet::Match's rules, element by element.
int32_t MatchFrom(const Words& w, const TokenPattern& p, size_t e, int32_t k, int32_t hi,
                  PatternMatch* m) {
  if (e == p.elements.size()) return k;
  const PatternElement& el = p.elements[e];
  auto word_at = [&](int32_t i) -> bool {
    if (i >= hi) return false;
    std::string_view t = w.text[static_cast<size_t>(i)];
    for (const std::string& alt : el.words) {
      if (t == alt) return true;
      if (e == 0 && i <= w.first && !alt.empty() && alt[0] >= 'a' && alt[0] <= 'z' &&
          t.size() == alt.size() && t[0] == alt[0] - 32 && t.substr(1) == std::string_view(alt).substr(1))
        return true;
    }
    return false;
  };
  switch (el.kind) {
    case PatternElement::kWords:
      if (word_at(k)) {
        int32_t r = MatchFrom(w, p, e + 1, k + 1, hi, m);
        if (r >= 0) return r;
      }
      return el.optional ? MatchFrom(w, p, e + 1, k, hi, m) : -1;
    case PatternElement::kNot:
      if (k < hi && word_at(k)) return -1;
      return MatchFrom(w, p, e + 1, k, hi, m);
    case PatternElement::kPossessive: {
      if (k >= hi || w.kind[static_cast<size_t>(k)] != TokenKind::kPossessive) return -1;
      int32_t r = MatchFrom(w, p, e + 1, k + 1, hi, m);
      if (r >= 0 && m->possessive < 0) m->possessive = k + w.lo;
      return r;
    }
    case PatternElement::kGap:
      if (el.optional) {
        int32_t r = MatchFrom(w, p, e + 1, k, hi, m);
        if (r >= 0) return r;
      }
      for (int32_t len = 1; len <= el.max_gap && k + len <= hi; ++len) {
        TokenKind kind = w.kind[static_cast<size_t>(k + len - 1)];
        if (kind == TokenKind::kPunct || kind == TokenKind::kSymbol) break;
        int32_t r = MatchFrom(w, p, e + 1, k + len, hi, m);
        if (r >= 0) {
          if (m->gap_begin < 0) {
            m->gap_begin = k + w.lo;
            m->gap_end = k + len + w.lo;
          }
          return r;
        }
      }
      return -1;
  }
  return -1;
}

}  // namespace

SentenceMatches ClaimLexicon::MatchSentence(const std::vector<std::string_view>& words,
                                            const std::vector<TokenKind>& kinds,
                                            int32_t lo) const {
  SentenceMatches out;
  Words w{words, kinds, lo, 0};
  int32_t n = static_cast<int32_t>(words.size());
  // TokenWords::StartsSentence: the first token, or the one after an opening mark.
  w.first = n > 1 && w.kind[0] == TokenKind::kPunct ? 1 : 0;
  for (int32_t k = 0; k < n; ++k) {
    const std::vector<Candidate>* cands = &possessive_first_;
    if (w.kind[static_cast<size_t>(k)] != TokenKind::kPossessive) {
      std::string_view t = w.text[static_cast<size_t>(k)];
      auto it = first_words_.find(t);
      if (it == first_words_.end()) continue;
      cands = &it->second;
    }
    for (const Candidate& c : *cands) {
      PatternMatch m;
      m.pattern = c.pattern;
      m.begin = k + w.lo;
      int32_t end = MatchFrom(w, Set(c.set).pattern(c.pattern), 0, k, n, &m);
      if (end > k) {
        m.end = end + w.lo;
        out.of[c.set].push_back(m);
      }
    }
  }
  return out;
}

const ClaimLexicon& ClaimLexicon::Get() {
  static const ClaimLexicon kLexicon = [] {
    ClaimLexicon lex;
    std::vector<std::string>* e = &lex.errors;
    lex.hedges = LoadClassed("data/claims/hedges.txt", {"frame", "verb", "modal", "adverb"}, {}, e);
    lex.boosters =
        LoadClassed("data/claims/boosters.txt", {"frame", "verb", "adverb", "manner"}, {}, e);
    lex.causal = LoadClassed("data/claims/causal_cues.txt", {"", "block"}, {}, e);
    lex.predictive =
        LoadClassed("data/claims/predictive_cues.txt", {"cue", "modal", "block"}, {}, e);
    lex.deontic = LoadClassed("data/claims/deontic_cues.txt", {"", "block"}, {}, e);
    lex.evaluative = LoadClassed("data/claims/evaluative.txt", {"strong", "weak", "intensifier"}, {}, e);
    lex.attribution = LoadClassed(
        "data/claims/attribution.txt",
        {"say", "think", "factive", "agentless", "interpretive", "passive", "perspective", "skip"},
        {}, e);
    lex.formulae = LoadClassed("data/claims/formulae.txt",
                               {"greeting", "thanks", "procedural", "transition", "question",
                                "connective", "filler"},
                               {"whole", "open", "anywhere", "-"}, e);
    constexpr std::string_view kPeople = "data/claims/people_nouns.txt";
    for (const data::DataLine& l : data::DataLines(data::Find(kPeople))) {
      std::vector<std::string_view> cols = Columns(l.text);
      if (cols.size() != 2 || (cols[1] != "people" && cols[1] != "generic")) {
        e->push_back(fmt::format("lib/{}:{}: expected word<TAB>people|generic", kPeople, l.line));
        continue;
      }
      lex.people[std::string(cols[0])] = std::string(cols[1]);
    }
    // Every set's patterns by their first word, in set and file order.
    for (int id = 0; id < kCueSetCount; ++id) {
      const PatternSet& set = lex.Set(static_cast<CueSetId>(id));
      for (int i = 0; i < set.size(); ++i) {
        Candidate cand{static_cast<CueSetId>(id), i};
        const PatternElement& first = set.pattern(i).elements.front();
        if (first.kind == PatternElement::kPossessive) {
          lex.possessive_first_.push_back(cand);
          continue;
        }
        std::set<std::string> keys;
        for (const std::string& w : first.words) {
          keys.insert(w);
          keys.insert(Capitalized(w));
        }
        for (const std::string& k : keys) lex.first_words_[k].push_back(cand);
      }
    }
    return lex;
  }();
  return kLexicon;
}

}  // namespace relscan
