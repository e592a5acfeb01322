// Claims (TAGSET §5 and shared/gold/iceberg-melted.claims.notes.md): one
// pass a sentence, in four steps, each naming its cue for --explain.
//
//   1. Candidacy: headings, speaker labels, stage directions, questions and
//      the formulae of lib/data/claims/formulae.txt are not claims.
//   2. Source: a sentence inside a quotation takes its speaker; else the
//      first attribution frame of the main clause decides (a reporting verb
//      with its subject, "according to", "from X's perspective", a passive
//      with "by"); factive, agentless and interpretive frames keep the
//      author's voice.
//   3. Types: a figure that is the point (STATISTICAL), then the cue
//      lexicons; the label is the first type in precedence order. Inside a
//      sentence in the author's voice, cues within an embedded quotation are
//      the quoted party's, not the claim's, and do not count.
//   4. Stance: the leftmost hedge or booster that scopes over the claim;
//      cues in parentheses, concessive clauses, before a contrastive pivot,
//      modals in relative clauses and adverbs that modify one phrase are
//      local and do not count.
#include "relscan/claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <span>

#include "claim_lexicon.h"
#include "quote_lexicon.h"
#include "relscan/fold.h"
#include "token_context.h"

namespace relscan {
namespace {

constexpr ClaimType kAllTypes[] = {ClaimType::kStatistical, ClaimType::kCausal,
                                   ClaimType::kPredictive,  ClaimType::kNormative,
                                   ClaimType::kEvaluative,  ClaimType::kFactual};

bool IsOpeningMark(std::string_view w) {
  return w == "\u201C" || w == "\u00AB" || w == "\u201E" || w == "\u2018" || w == "``" ||
         w == "\u2039";
}

bool IsQuoteMark(std::string_view w) {
  return IsOpeningMark(w) || w == "\u201D" || w == "\u00BB" || w == "\u2019" ||
         w == "\u203A" || w == "\"" || w == "'" || w == "''";
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsCapitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// The evidence of one document by sentence, built once, so that each
// sentence looks only at its own spans (the lists are in text order).
struct EvidenceIndex {
  std::vector<std::span<const Entity>> entities;
  std::vector<std::span<const FigureSpan>> figures;
  std::vector<std::span<const DateSpan>> dates;
  std::vector<std::vector<const QuoteSpan*>> quotes;  // quotes overlapping each sentence

  // The spans of sentence i (none when that list was not given).
  std::span<const Entity> Entities(int32_t i) const { return At(entities, i); }
  std::span<const FigureSpan> Figures(int32_t i) const { return At(figures, i); }
  std::span<const DateSpan> Dates(int32_t i) const { return At(dates, i); }
  std::span<const QuoteSpan* const> Quotes(int32_t i) const {
    if (i < 0 || static_cast<size_t>(i) >= quotes.size()) return {};
    return quotes[static_cast<size_t>(i)];
  }

 private:
  template <typename T>
  static std::span<const T> At(const std::vector<std::span<const T>>& v, int32_t i) {
    if (i < 0 || static_cast<size_t>(i) >= v.size()) return {};
    return v[static_cast<size_t>(i)];
  }
};

template <typename T>
std::vector<std::span<const T>> BySentence(const std::vector<T>* spans, size_t n) {
  if (!spans) return {};
  std::vector<std::span<const T>> out(n);
  size_t i = 0;
  while (i < spans->size()) {
    size_t j = i;
    int32_t s = (*spans)[i].sentence;
    while (j < spans->size() && (*spans)[j].sentence == s) ++j;
    if (s >= 0 && static_cast<size_t>(s) < n && out[static_cast<size_t>(s)].empty())
      out[static_cast<size_t>(s)] = std::span<const T>(spans->data() + i, j - i);
    i = j;
  }
  return out;
}

EvidenceIndex IndexEvidence(const Segmentation& seg, const ClaimEvidence& ev) {
  EvidenceIndex x;
  size_t n = seg.sentences.size();
  x.entities = BySentence(ev.entities, n);
  x.figures = BySentence(ev.figures, n);
  x.dates = BySentence(ev.dates, n);
  if (ev.quotes) {
    x.quotes.resize(n);
    for (const QuoteSpan& q : *ev.quotes) {
      // The first sentence that ends after the quotation starts, and on.
      auto it = std::upper_bound(seg.sentences.begin(), seg.sentences.end(), q.bstart,
                                 [](int64_t b, const Sentence& s) { return b < s.bend; });
      for (; it != seg.sentences.end() && it->bstart < q.bend; ++it)
        x.quotes[static_cast<size_t>(it - seg.sentences.begin())].push_back(&q);
    }
  }
  return x;
}

// The words a sentence is read with, and what each token sits inside.
struct Ctx {
  const Document& doc;
  const Segmentation& seg;
  const TokenWords& words;
  const ClaimEvidence& ev;
  const EvidenceIndex& ix;
  const ClaimLexicon& lex;
  const QuoteLexicon& ql;
  int32_t index;
  const Sentence& s;
  int32_t lo, hi;                 // tokens of the sentence
  std::vector<uint8_t> quoted;    // 0 none, 1 speech, 2 title or term
  std::vector<uint8_t> paren;     // inside ( ) or [ ]
  std::vector<uint8_t> named;     // inside an entity
  std::vector<uint8_t> excluded;  // cues here do not count for type and stance
  SentenceMatches matches;        // every lexicon's matches in the sentence
  std::vector<std::string_view> text;  // each token's word, typography folded
  std::vector<TokenKind> kinds;
  std::vector<std::string> keys;  // each token's word, typography folded and lowercased

  const Token& tok(int32_t k) const { return seg.tokens[static_cast<size_t>(k)]; }
  std::string_view word(int32_t k) const { return text[static_cast<size_t>(k - lo)]; }
  // The lexicons' words are ASCII, so ASCII lowercasing of the folded word
  // is the key they are compared with.
  const std::string& key(int32_t k) const { return keys[static_cast<size_t>(k - lo)]; }
  bool punct(int32_t k) const {
    TokenKind kind = tok(k).kind;
    return kind == TokenKind::kPunct || kind == TokenKind::kSymbol;
  }
  uint8_t& at(std::vector<uint8_t>& v, int32_t k) const { return v[static_cast<size_t>(k - lo)]; }
  uint8_t at(const std::vector<uint8_t>& v, int32_t k) const {
    return v[static_cast<size_t>(k - lo)];
  }
  // Appends the matches of set `id` that start at token k and end by hi.
  void Match(CueSetId id, int32_t k, int32_t hi, std::vector<PatternMatch>* out) const {
    const std::vector<PatternMatch>& all = matches.of[id];
    auto it = std::lower_bound(all.begin(), all.end(), k,
                               [](const PatternMatch& m, int32_t b) { return m.begin < b; });
    for (; it != all.end() && it->begin == k; ++it)
      if (it->end <= hi) out->push_back(*it);
  }
  // The text of tokens [b, e) as written.
  std::string_view Text(int32_t b, int32_t e) const {
    if (b >= e) return {};
    return std::string_view(doc.text()).substr(tok(b).bstart, tok(e - 1).bend - tok(b).bstart);
  }
};

Ctx MakeCtx(const Document& doc, const Segmentation& seg, const TokenWords& words,
            const ClaimEvidence& ev, const EvidenceIndex& ix, int32_t index) {
  const Sentence& s = seg.sentences[static_cast<size_t>(index)];
  Ctx c{doc, seg, words, ev, ix, ClaimLexicon::Get(), QuoteLexicon::Get(), index, s,
        s.token_begin, s.token_end, {}, {}, {}, {}, {}, {}, {}, {}};
  size_t n = static_cast<size_t>(c.hi - c.lo);
  c.quoted.assign(n, 0);
  c.paren.assign(n, 0);
  c.named.assign(n, 0);
  c.excluded.assign(n, 0);
  c.text.reserve(n);
  c.kinds.reserve(n);
  for (int32_t k = c.lo; k < c.hi; ++k) {
    c.text.push_back(words.Word(k));
    c.kinds.push_back(c.tok(k).kind);
  }
  c.matches = c.lex.MatchSentence(c.text, c.kinds, c.lo);
  c.keys.reserve(n);
  for (int32_t k = c.lo; k < c.hi; ++k) {
    std::string w(c.word(k));
    for (char& ch : w)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    c.keys.push_back(std::move(w));
  }
  int depth = 0;
  for (int32_t k = c.lo; k < c.hi; ++k) {
    std::string_view w = c.word(k);
    if (w == ")" || w == "]") depth = std::max(0, depth - 1);
    c.at(c.paren, k) = depth > 0;
    if (w == "(" || w == "[") ++depth;
  }
  if (ev.quotes) {
    for (const QuoteSpan* qp : ix.Quotes(index)) {
      const QuoteSpan& q = *qp;
      for (int32_t k = c.lo; k < c.hi; ++k) {
        if (c.tok(k).bstart >= q.bstart && c.tok(k).bend <= q.bend) {
          c.at(c.quoted, k) = q.label == QuoteLabel::kSpeech ? 1 : 2;
        }
      }
    }
  } else {
    // Without the quote annotator: pair curly marks within the sentence.
    bool open = false;
    for (int32_t k = c.lo; k < c.hi; ++k) {
      std::string_view w = c.word(k);
      if (w == "\u201C" || w == "\u00AB") open = true;
      else if (w == "\u201D" || w == "\u00BB") open = false;
      else if (open) c.at(c.quoted, k) = 1;
    }
  }
  {
    for (const Entity& e : ix.Entities(index)) {
      for (int32_t k = c.lo; k < c.hi; ++k) {
        if (c.tok(k).bstart >= e.bstart && c.tok(k).bend <= e.bend) c.at(c.named, k) = 1;
      }
    }
  }
  return c;
}

// All matches of a pattern file within tokens [lo, hi).
const std::vector<PatternMatch>& FindAll(const Ctx& c, CueSetId id) { return c.matches.of[id]; }

bool AnyExcluded(const Ctx& c, const PatternMatch& m) {
  for (int32_t k = m.begin; k < m.end; ++k)
    if (c.at(c.excluded, k)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// 1. Candidacy.

// Says whether tokens [k, hi) hold only fillers, names, brackets and punctuation.
bool OnlyFillers(const Ctx& c, int32_t k) {
  const ClassedPatterns& f = c.lex.formulae;
  int depth = 0;
  while (k < c.hi) {
    std::string_view w = c.word(k);
    if (w == "[" || w == "(") ++depth;
    if (w == "]" || w == ")") depth = std::max(0, depth - 1);
    if (depth > 0 || c.punct(k) || w == "]" || w == ")") {
      ++k;
      continue;
    }
    std::vector<PatternMatch> m;
    c.Match(kFormulae, k, c.hi, &m);
    bool filler = false;
    for (const PatternMatch& x : m) {
      if (f.kind(x.pattern) == "filler") {
        k = x.end;
        filler = true;
        break;
      }
    }
    if (filler) continue;
    if (IsCapitalized(w)) {  // a name said to someone: "Thank you, Ararat."
      ++k;
      continue;
    }
    return false;
  }
  return true;
}

// Says whether a colon after token k brings in a clause of three words or more.
bool ColonClauseAfter(const Ctx& c, int32_t k) {
  for (; k < c.hi; ++k) {
    if (c.word(k) != ":") continue;
    int n = 0;
    for (int32_t j = k + 1; j < c.hi; ++j)
      if (!c.punct(j)) ++n;
    if (n >= 3) return true;
  }
  return false;
}

NonClaimReason ReasonOfKind(std::string_view kind) {
  if (kind == "greeting") return NonClaimReason::kGreeting;
  if (kind == "thanks") return NonClaimReason::kThanks;
  if (kind == "procedural") return NonClaimReason::kProcedural;
  if (kind == "transition") return NonClaimReason::kTransition;
  if (kind == "question") return NonClaimReason::kQuestion;
  return NonClaimReason::kNone;
}

// Tries the formulae that open the sentence at token p.
std::optional<ClaimCandidacy> FormulaAt(const Ctx& c, int32_t p) {
  const ClassedPatterns& f = c.lex.formulae;
  std::vector<PatternMatch> found;
  c.Match(kFormulae, p, c.hi, &found);
  // Longest first, so that "thank you" wins over a shorter reading.
  std::sort(found.begin(), found.end(),
            [](const PatternMatch& a, const PatternMatch& b) { return a.end > b.end; });
  for (const PatternMatch& m : found) {
    NonClaimReason reason = ReasonOfKind(f.kind(m.pattern));
    if (reason == NonClaimReason::kNone) continue;
    const std::string& extent = f.extent(m.pattern);
    bool fits = (extent == "whole" && OnlyFillers(c, m.end)) ||
                (extent == "open" && !ColonClauseAfter(c, m.end)) || extent == "anywhere";
    if (!fits) continue;
    return ClaimCandidacy{reason, fmt::format("{} '{}' ({})", f.kind(m.pattern),
                                              c.Text(m.begin, m.end),
                                              f.set.pattern(m.pattern).source)};
  }
  return std::nullopt;
}

ClaimCandidacy Candidacy(const Ctx& c) {
  switch (c.s.heading) {
    case HeadingKind::kTitle: return {NonClaimReason::kHeading, "segmenter: heading"};
    case HeadingKind::kSpeakerLabel:
      return {NonClaimReason::kSpeakerLabel, "segmenter: speaker label"};
    case HeadingKind::kStageDirection:
      return {NonClaimReason::kStageDirection, "segmenter: stage direction"};
    case HeadingKind::kNone: break;
  }
  if (c.lo >= c.hi) return {NonClaimReason::kHeading, "no tokens"};
  // A sentence wholly in brackets is a stage direction or an aside.
  std::string_view first = c.word(c.lo);
  if (first == "(" || first == "[") {
    int32_t last = c.hi - 1;
    while (last > c.lo && (c.word(last) == "." || IsQuoteMark(c.word(last)))) --last;
    if (c.word(last) == ")" || c.word(last) == "]") {
      bool closed_early = false;
      int depth = 0;
      for (int32_t k = c.lo; k < last; ++k) {
        std::string_view w = c.word(k);
        if (w == "(" || w == "[") ++depth;
        if (w == ")" || w == "]") --depth;
        if (depth == 0) closed_early = true;
      }
      if (!closed_early) return {NonClaimReason::kStageDirection, "bracketed sentence"};
    }
  }
  // TAGSET §5: a question is not a claim.
  for (int32_t k = c.hi - 1; k >= c.lo; --k) {
    std::string_view w = c.word(k);
    if (IsQuoteMark(w) || w == ")" || w == "]") continue;
    if (w == "?") return {NonClaimReason::kQuestion, "ends with '?'"};
    break;
  }
  // Formulae open the sentence, after connectives ("And finally.") and a
  // vocative ("Ararat, it's very good to be with you.").
  const ClassedPatterns& f = c.lex.formulae;
  int32_t p = c.lo;
  while (p < c.hi && (IsOpeningMark(c.word(p)) || c.word(p) == "'")) ++p;
  for (int guard = 0; guard < 4 && p < c.hi; ++guard) {
    if (std::optional<ClaimCandidacy> r = FormulaAt(c, p)) return *r;
    std::vector<PatternMatch> m;
    c.Match(kFormulae, p, c.hi, &m);
    int32_t next = p;
    for (const PatternMatch& x : m) {
      if (f.kind(x.pattern) == "connective") next = std::max(next, x.end);
    }
    if (next == p) {
      // A vocative: capitalized words or brackets, joined by "and", then a
      // comma ("[Senior official] and [senior official], I'll hand it over").
      int32_t k = p;
      int depth = 0;
      while (k < c.hi && k - p < 12) {
        std::string_view w = c.word(k);
        if (w == "[") ++depth;
        else if (w == "]") --depth;
        else if (depth == 0 && !IsCapitalized(w) && !(w == "and" && k > p)) break;
        ++k;
      }
      if (k > p && k < c.hi && c.word(k) == "," && depth == 0) next = k;
    }
    if (next == p) break;
    p = next;
    while (p < c.hi && c.word(p) == ",") ++p;
  }
  for (int32_t k = c.lo; k < c.hi; ++k) {
    std::vector<PatternMatch> m;
    c.Match(kFormulae, k, c.hi, &m);
    for (const PatternMatch& x : m) {
      if (f.extent(x.pattern) != "anywhere") continue;
      return {ReasonOfKind(f.kind(x.pattern)),
              fmt::format("{} '{}' ({})", f.kind(x.pattern), c.Text(x.begin, x.end),
                          f.set.pattern(x.pattern).source)};
    }
  }
  return {};
}

// ---------------------------------------------------------------------------
// 2. Source.

struct Np {
  int32_t begin = -1, end = -1;  // tokens
  bool ok() const { return begin >= 0 && end > begin; }
};

struct Attribution {
  bool decided = false;
  bool cited = false;
  std::string source = "author";
  std::optional<std::string> source_text;
  std::string cue;   // exact text
  std::string rule;
};

bool Skippable(const Ctx& c, int32_t k) {
  // The clitic of a contraction ("It's been suggested") is an auxiliary.
  if (c.tok(k).kind == TokenKind::kPossessive)
    return k > c.lo && (c.ql.ClassOf(c.key(k - 1)) & kPron);
  if (c.punct(k)) return false;
  const std::string& key = c.key(k);
  uint16_t cls = c.ql.ClassOf(key);
  if (cls & (kAux | kAdv)) return true;
  if (EndsWith(key, "ly") && key.size() > 4 && !IsCapitalized(c.word(k))) return true;
  std::vector<PatternMatch> m;
  c.Match(kAttribution, k, k + 1, &m);
  for (const PatternMatch& x : m)
    if (c.lex.attribution.kind(x.pattern) == "skip") return true;
  return false;
}

// Reads the noun phrase that ends just before token v (skipping
// auxiliaries and adverbs when `skip`); begin = -1 when there is none.
Np PhraseBefore(const Ctx& c, int32_t v, bool skip) {
  int32_t k = v - 1;
  if (skip)
    while (k >= c.lo && Skippable(c, k)) --k;
  Np np;
  np.end = k + 1;
  int32_t begin = k + 1;
  while (k >= c.lo) {
    if (c.at(c.quoted, k) || (c.punct(k) && c.tok(k).kind != TokenKind::kPossessive)) break;
    if (c.tok(k).kind == TokenKind::kPossessive) {
      begin = k--;
      continue;
    }
    const std::string& key = c.key(k);
    uint16_t cls = c.ql.ClassOf(key);
    if (cls & kPron) {
      if (begin == k + 1) begin = k;  // a pronoun is a phrase on its own
      break;
    }
    if (cls & kDet) {
      begin = k;
      break;
    }
    if (cls & kPrep) {
      // Inside a name: "the U.S. Embassy in Baku".
      if (k - 1 >= c.lo && IsCapitalized(c.word(k - 1)) && k + 1 < np.end &&
          IsCapitalized(c.word(k + 1))) {
        --k;
        continue;
      }
      break;
    }
    if (cls & (kConj | kRel | kAux | kObj)) break;
    begin = k--;
  }
  np.begin = begin;
  if (np.end - np.begin > 8 || np.end <= np.begin) return {};
  return np;
}

// Reads the noun phrase that starts at token k (after "by", "according to").
Np PhraseAfter(const Ctx& c, int32_t k) {
  Np np;
  np.begin = k;
  int32_t e = k;
  while (e < c.hi && e - k < 8) {
    if (c.punct(e) && c.tok(e).kind != TokenKind::kPossessive) break;
    uint16_t cls = c.ql.ClassOf(c.key(e));
    if (e > k && (cls & (kRel | kConj | kAux))) break;
    if (e > k && (cls & kPrep) &&
        !(IsCapitalized(c.word(e - 1)) && e + 1 < c.hi && IsCapitalized(c.word(e + 1))))
      break;
    ++e;
  }
  np.end = e;
  if (np.end <= np.begin) return {};
  return np;
}

bool FirstPerson(std::string_view key) {
  return OneOf(key, {"i", "we", "me", "us", "my", "our", "you", "your"});
}

// The last PERSON entity mentioned before byte b, in this paragraph or the one before.
const Entity* LastPersonBefore(const Ctx& c, int64_t b) {
  for (int32_t i = c.index; i >= 0; --i) {
    const Sentence& s = c.seg.sentences[static_cast<size_t>(i)];
    if (s.para + 1 < c.s.para) break;
    std::span<const Entity> ents = c.ix.Entities(i);
    for (auto it = ents.rbegin(); it != ents.rend(); ++it) {
      if (it->bstart < b && it->label == EntityLabel::kPerson) return &*it;
    }
  }
  return nullptr;
}

// Names the party of a phrase: an entity's canonical form when the phrase
// is that entity (a leading article or title aside), else the phrase
// without its leading article. Sets *person for a PERSON.
void NameParty(const Ctx& c, const Np& np, Attribution* a, bool* person) {
  *person = false;
  std::string_view written = c.Text(np.begin, np.end);
  int32_t b = np.begin;
  if (c.ql.ClassOf(c.key(b)) & kDet) {
    const std::string& k = c.key(b);
    if (k == "the" || k == "a" || k == "an") ++b;
  }
  // Pronouns name whoever was last named.
  if (np.end - np.begin == 1) {
    const std::string& k = c.key(np.begin);
    if (k == "he" || k == "she") {
      if (const Entity* e = LastPersonBefore(c, c.tok(np.begin).bstart)) {
        a->source = e->canonical;
        a->source_text = std::string(written);
        *person = true;
        return;
      }
    }
  }
  {
    for (const Entity& e : c.ix.Entities(c.index)) {
      if (e.bstart < c.tok(b).bstart || e.bend > c.tok(np.end - 1).bend) continue;
      if (e.bend != c.tok(np.end - 1).bend) continue;
      // Only articles and title words may come before the name, except
      // before a person ("staffer Robert Komer").
      bool titles = true;
      for (int32_t k = b; k < np.end && c.tok(k).bend <= e.bstart; ++k) {
        if (!c.ql.title_words.count(c.key(k)) && e.label != EntityLabel::kPerson) titles = false;
      }
      if (!titles) continue;
      a->source = e.canonical;
      *person = e.label == EntityLabel::kPerson;
      if (written != a->source) a->source_text = std::string(written);
      return;
    }
  }
  a->source = std::string(c.Text(b, np.end));
  if (written != a->source) a->source_text = std::string(written);
}

// Says whether a verb of saying at [v, e) has a complement it reports:
// that, how, whether, about, a colon or a quotation within a few words.
bool ReportsContent(const Ctx& c, int32_t e) {
  for (int32_t k = e; k < c.hi && k < e + 5; ++k) {
    std::string_view w = c.word(k);
    // A quotation is reported content when it is speech, not a title or a
    // term ("an association called “Aziz”").
    if (IsOpeningMark(w) || w == "\"") return k + 1 < c.hi && c.at(c.quoted, k + 1) == 1;
    if (w == ":") return true;
    const std::string& key = c.key(k);
    // "wrote a thoughtful article": a written work reports its writer's claims
    // (the work nouns of lib/data/quotes/title_cues.txt).
    auto title = c.ql.titles.find(key);
    if (title != c.ql.titles.end() && !title->second.first) return true;
    if (OneOf(key, {"that", "how", "whether", "why", "what", "about"})) return true;
    if (w == "." || w == ";") return false;
  }
  return false;
}

// The subject of a frame, and whether it may be cited.
enum class Subject { kNone, kAuthor, kCited };

// Says whether a verb-looking cue at [b, e) is a plural noun instead: one
// followed by an auxiliary or by another reporting verb ("Media reports
// have indicated", "Popular estimates reckon").
bool NounReading(const Ctx& c, int32_t e) {
  if (e >= c.hi) return false;
  if (c.ql.ClassOf(c.key(e)) & kAux) return true;
  std::vector<PatternMatch> cues, mine;
  c.Match(kQuoteCues, e, c.hi, &cues);
  for (const PatternMatch& x : cues)
    if (c.ql.cues.pattern(x.pattern).slot == CueSlot::kSubject) return true;
  c.Match(kAttribution, e, c.hi, &mine);
  for (const PatternMatch& x : mine) {
    const std::string& kind = c.lex.attribution.kind(x.pattern);
    if (kind == "say" || kind == "think") return true;
  }
  return false;
}

Subject ReadSubject(const Ctx& c, int32_t v, Np* np) {
  *np = PhraseBefore(c, v, true);
  if (!np->ok()) return Subject::kNone;
  // A relative or subordinate clause does not frame the sentence:
  // "a report, which emphasized that", "the iceberg that Aliyev had described".
  if (np->begin > c.lo) {
    const std::string& before = c.key(np->begin - 1);
    uint16_t cls = c.ql.ClassOf(before);
    if ((cls & (kRel | kConj)) && before != "and" && before != "but" && before != "or")
      return Subject::kNone;
  }
  const std::string& first = c.key(np->begin);
  if (c.ql.ClassOf(first) & kRel) return Subject::kNone;
  if (np->end - np->begin == 1) {
    if (FirstPerson(first)) return Subject::kAuthor;
    if (OneOf(first, {"it", "they", "this", "these", "those", "there"})) return Subject::kAuthor;
  }
  return Subject::kCited;
}

Attribution Cite(const Ctx& c, const Np& np, int32_t cue_begin, int32_t cue_end,
                 const std::string& source, bool* person) {
  Attribution a;
  a.decided = a.cited = true;
  NameParty(c, np, &a, person);
  a.cue = std::string(c.Text(std::min(cue_begin, np.begin), std::max(cue_end, np.end)));
  a.rule = fmt::format("source '{}': '{}' ({})", a.source, a.cue, source);
  return a;
}

Attribution Author(const Ctx& c, int32_t b, int32_t e, std::string_view why,
                   const std::string& source) {
  Attribution a;
  a.decided = true;
  a.cue = std::string(c.Text(b, e));
  a.rule = fmt::format("source author: {} '{}' ({})", why, a.cue, source);
  return a;
}

bool PersonLike(const Ctx& c, const Np& np, bool person) {
  if (person) return true;
  const std::string& last = c.key(np.end - 1);
  auto it = c.lex.people.find(last);
  return it != c.lex.people.end() && it->second == "generic";
}

// The frame of one match of lib/data/claims/attribution.txt, if it decides.
std::optional<Attribution> ClaimFrame(const Ctx& c, const PatternMatch& m) {
  const ClassedPatterns& at = c.lex.attribution;
  const std::string& kind = at.kind(m.pattern);
  const std::string& src = at.set.pattern(m.pattern).source;
  Np np;
  if (kind == "agentless" || kind == "interpretive") {
    return Author(c, m.begin, m.end, kind == "agentless" ? "agentless frame" : "interpretive frame",
                  src);
  }
  if (kind == "factive") {
    Subject sub = ReadSubject(c, m.begin, &np);
    if (sub == Subject::kNone && np.ok()) return std::nullopt;  // in a relative clause
    return Author(c, np.ok() ? np.begin : m.begin, m.end, "factive frame", src);
  }
  if (kind == "passive") {
    Np agent = PhraseAfter(c, m.end);
    if (!agent.ok()) return std::nullopt;
    if (agent.end - agent.begin == 1 && FirstPerson(c.key(agent.begin)))
      return Author(c, m.begin, agent.end, "first person", src);
    bool person = false;
    return Cite(c, agent, m.begin, m.end, src, &person);
  }
  if (kind == "perspective") {
    if (m.gap_begin < 0) {
      // "from my perspective": the author's; "from their perspective" names no one.
      return FirstPerson(c.key(m.begin + 1)) || FirstPerson(c.key(m.begin + 2))
                 ? std::optional<Attribution>(Author(c, m.begin, m.end, "first person", src))
                 : std::nullopt;
    }
    Np party{m.gap_begin, m.gap_end};
    if (party.end - party.begin == 1 && FirstPerson(c.key(party.begin)))
      return Author(c, m.begin, m.end, "first person", src);
    bool person = false;
    return Cite(c, party, m.begin, m.end, src, &person);
  }
  if (kind == "say" || kind == "think") {
    if (m.end - m.begin == 1 && NounReading(c, m.end)) return std::nullopt;
    Subject sub = ReadSubject(c, m.begin, &np);
    if (sub == Subject::kNone) return std::nullopt;
    if (sub == Subject::kAuthor) return Author(c, np.begin, m.end, "first person", src);
    bool person = false;
    Attribution a = Cite(c, np, m.begin, m.end, src, &person);
    // TAGSET §5: a state that "sees itself as" something is described, not cited.
    if (kind == "think" && !PersonLike(c, np, person)) return std::nullopt;
    return a;
  }
  return std::nullopt;
}

// The frame of one reporting cue of lib/data/quotes/cues.txt, if it decides.
std::optional<Attribution> QuoteCueFrame(const Ctx& c, const PatternMatch& m) {
  const TokenPattern& p = c.ql.cues.pattern(m.pattern);
  Np np;
  bool person = false;
  switch (p.slot) {
    case CueSlot::kSubject: {
      if (!ReportsContent(c, m.end)) return std::nullopt;  // "emphasized its respect"
      if (m.end - m.begin == 1 && NounReading(c, m.end)) return std::nullopt;
      Subject sub = ReadSubject(c, m.begin, &np);
      if (sub == Subject::kNone) return std::nullopt;
      if (sub == Subject::kAuthor) return Author(c, np.begin, m.end, "first person", p.source);
      return Cite(c, np, m.begin, m.end, p.source, &person);
    }
    case CueSlot::kObject: {
      np = PhraseAfter(c, m.end);
      if (!np.ok()) return std::nullopt;
      return Cite(c, np, m.begin, m.end, p.source, &person);
    }
    case CueSlot::kGap: {
      if (m.gap_begin < 0) return std::nullopt;
      return Cite(c, Np{m.gap_begin, m.gap_end}, m.begin, m.end, p.source, &person);
    }
    case CueSlot::kPossessor: {
      if (m.possessive < 0 || !ReportsContent(c, m.end)) return std::nullopt;
      np = PhraseBefore(c, m.possessive, false);
      if (!np.ok()) return std::nullopt;
      return Cite(c, np, m.begin, m.end, p.source, &person);
    }
    case CueSlot::kNone: break;
  }
  return std::nullopt;
}

// The quotation a sentence sits inside (a block quotation, or the second
// sentence on of an inline one), if any.
const QuoteSpan* EnclosingQuote(const Ctx& c) {
  for (const QuoteSpan* qp : c.ix.Quotes(c.index)) {
    const QuoteSpan& q = *qp;
    if (q.label != QuoteLabel::kSpeech || q.sentences.empty()) continue;
    if (q.bend <= c.s.bstart || q.bstart >= c.s.bend) continue;
    bool inside = std::find(q.sentences.begin(), q.sentences.end(), c.index) != q.sentences.end();
    if (!inside) continue;
    if (q.block || (q.sentences.front() != c.index && q.bstart < c.s.bstart)) return &q;
  }
  return nullptr;
}

Attribution FindSource(const Ctx& c, std::vector<std::string>* cue_line_cues) {
  // TAGSET §5: sentences inside a block quotation take the quotation's speaker.
  if (const QuoteSpan* q = EnclosingQuote(c)) {
    Attribution a;
    a.decided = true;
    if (q->speaker) {
      a.cited = true;
      a.source = *q->speaker;
      if (q->speaker_text && *q->speaker_text != a.source) a.source_text = q->speaker_text;
      a.rule = fmt::format("source '{}': inside a quotation ({})", a.source, q->rule);
    } else {
      a.rule = "source author: inside a quotation without a speaker";
    }
    // The cue as written on the cue line (the sentence before a block).
    if (q->cue) {
      int32_t line = q->block ? q->sentences.front() - 1 : q->sentences.front();
      if (line >= 0) {
        const Sentence& ls = c.seg.sentences[static_cast<size_t>(line)];
        std::string_view text =
            std::string_view(c.doc.text()).substr(ls.bstart, ls.bend - ls.bstart);
        std::string cue = *q->cue;
        if (text.find(cue + ":") != std::string_view::npos) cue += ":";
        if (text.find(cue) != std::string_view::npos) cue_line_cues->push_back(cue);
      }
    }
    return a;
  }
  for (int32_t k = c.lo; k < c.hi; ++k) {
    if (c.at(c.quoted, k) || c.at(c.paren, k)) continue;
    std::vector<PatternMatch> mine;
    c.Match(kAttribution, k, c.hi, &mine);
    for (const PatternMatch& m : mine) {
      if (c.lex.attribution.kind(m.pattern) == "skip") continue;
      if (std::optional<Attribution> a = ClaimFrame(c, m)) return *a;
    }
    std::vector<PatternMatch> cues;
    c.Match(kQuoteCues, k, c.hi, &cues);
    for (const PatternMatch& m : cues) {
      if (std::optional<Attribution> a = QuoteCueFrame(c, m)) return *a;
    }
  }
  Attribution a;
  a.rule = "source author: no attribution frame";
  return a;
}

// ---------------------------------------------------------------------------
// 3. Types.

struct TypeCue {
  std::string text;  // exact text of the sentence
  std::string rule;
};

bool IsSuperlative(std::string_view key) {
  return (EndsWith(key, "est") && key.size() > 4) || key == "most" || key == "least";
}

// TAGSET §5: a rank is a point (`second-largest consumer`) when it is
// predicated ("is the second-largest", "as the second-largest", "ranked
// fourth"), not when it names something in passing ("its second largest city").
bool IsPredicatedRank(const Ctx& c, const FigureSpan& f) {
  int32_t t = TokenContaining(c.seg, c.s, f.bstart);
  if (t < 0) return false;
  const std::string& key = c.key(t);
  size_t hyphen = key.find('-');
  bool superlative = (hyphen != std::string::npos && IsSuperlative(key.substr(hyphen + 1))) ||
                     (t + 1 < c.hi && IsSuperlative(c.key(t + 1)));
  int32_t p = t - 1;
  if (p >= c.lo && OneOf(c.key(p), {"ranked", "ranks", "placed", "finished", "came"})) return true;
  if (!superlative) return false;
  if (p >= c.lo && c.key(p) == "the") --p;
  return p >= c.lo && OneOf(c.key(p), {"is", "are", "was", "were", "be", "been", "being", "as",
                                       "became", "becomes", "become", "remains", "remained",
                                       "rank", "ranks", "ranked"});
}

bool CountsPeople(const Ctx& c, const std::string& of) {
  if (of.empty()) return false;
  std::string head = FoldForMatch(of.substr(of.rfind(' ') == std::string::npos ? 0
                                                                              : of.rfind(' ') + 1));
  auto it = c.lex.people.find(head);
  if (it != c.lex.people.end() && it->second == "people") return true;
  // A demonym counts people too ("hundreds of thousands of young Israelis").
  static const std::shared_ptr<const Gazetteer> kGazetteer = Gazetteer::BuiltIn();
  const GazetteerEntry* e = kGazetteer->Exact(head);
  return e && e->label == EntityLabel::kNorp;
}

// TAGSET §5 STATISTICAL: money, a percentage, a quantity with a unit, a
// predicated rank, a count that is the news; not identifying counts,
// ordinals in passing, dates or durations (which are not figures).
std::optional<TypeCue> StatisticalFigure(const Ctx& c, const FigureSpan& f) {
  std::string why;
  switch (f.label) {
    case FigureLabel::kMoney: why = "money"; break;
    case FigureLabel::kPercent: why = "percentage"; break;
    case FigureLabel::kQuantity:
      if (!f.unit.empty()) why = "quantity with a unit";
      break;
    case FigureLabel::kOrdinal:
      if (IsPredicatedRank(c, f)) why = "predicated rank";
      break;
    case FigureLabel::kCardinal: {
      std::string_view text = std::string_view(c.doc.text()).substr(f.bstart, f.bend - f.bstart);
      if (!HasDigit(text)) {
        // A vague magnitude is the point when it counts people (claims notes).
        if (std::atof(f.value.c_str()) >= 100 && CountsPeople(c, f.of)) why = "count of people";
      } else if (std::atof(f.value.c_str()) >= 100 || !f.mod.empty()) {
        why = f.mod.empty() ? "count of 100 or more" : "approximate count";
      }
      break;
    }
  }
  if (why.empty()) return std::nullopt;
  int64_t b = f.bstart, e = f.bend;
  if (std::optional<SpanModifier> m = ModifierBefore(c.doc, c.seg, c.s, f.bstart)) b = m->bstart;
  // A rank's cue is its whole compound ("second-largest"), not the ordinal.
  if (int32_t t = TokenContaining(c.seg, c.s, f.bstart); t >= 0 && f.label == FigureLabel::kOrdinal)
    e = std::max<int64_t>(e, c.tok(t).bend);
  TypeCue cue;
  cue.text = std::string(c.doc.text().substr(b, e - b));
  cue.rule = fmt::format("STATISTICAL: {} {} '{}' ({})", why, FigureLabelName(f.label), cue.text,
                         f.rule);
  return cue;
}

bool Copula(std::string_view key) {
  return OneOf(key, {"is", "are", "was", "were", "be", "been", "being", "am", "seem", "seems",
                     "seemed", "appear", "appears", "remain", "remains", "remained", "become",
                     "becomes", "became", "proved", "proven", "looks", "'s"});
}

bool Predicative(const Ctx& c, int32_t b) {
  for (int32_t k = b - 1; k >= c.lo && k >= b - 3; --k) {
    if (c.punct(k) && c.tok(k).kind != TokenKind::kPossessive) return false;
    if (Copula(c.key(k))) return true;
  }
  return false;
}

// Says whether "that" at token k introduces a content clause (after a
// verb or adjective) rather than a relative clause (after a noun).
bool ComplementizerThat(const Ctx& c, int32_t k) {
  if (k <= c.lo) return true;
  const std::string& prev = c.key(k - 1);
  if (c.ql.ClassOf(prev) & kAux) return true;
  if (OneOf(prev, {"clear", "true", "likely", "possible", "expected", "evident", "obvious",
                   "apparent", "so", "such", "given", "now", "believe", "believed", "think",
                   "thought", "know", "knew", "hope", "hoped", "show", "shows", "showed",
                   "shown", "feel", "felt", "argue", "argued", "say", "said", "says", "means",
                   "meant", "ensure", "ensured", "sure", "certain", ","}))
    return true;
  std::vector<PatternMatch> m;
  c.Match(kQuoteCues, k - 1, k, &m);
  return !m.empty();
}

// Says whether a modal at token k sits in a relative or wh-clause
// ("a symbiosis that could resonate", "what Azerbaijan could be").
bool InRelativeClause(const Ctx& c, int32_t k) {
  for (int32_t j = k - 1; j >= c.lo && j >= k - 3; --j) {
    if (c.punct(j)) return false;
    const std::string& key = c.key(j);
    if (OneOf(key, {"which", "who", "whom", "whose", "what", "where"})) return true;
    if (key == "that") return !ComplementizerThat(c, j);
  }
  return false;
}

struct Types {
  bool has[6] = {false, false, false, false, false, false};
  std::vector<TypeCue> cues[6];
  void Add(ClaimType t, TypeCue cue) {
    has[static_cast<int>(t)] = true;
    cues[static_cast<int>(t)].push_back(std::move(cue));
  }
};

// Adds the cues of a pattern file; its `block` lines cancel the cues they cover.
void AddPatternCues(const Ctx& c, const ClassedPatterns& p, CueSetId id, ClaimType type,
                    Types* out) {
  const std::vector<PatternMatch>& found = FindAll(c, id);
  std::vector<std::pair<int32_t, int32_t>> blocked;
  for (const PatternMatch& m : found) {
    if (p.kind(m.pattern) == "block") blocked.emplace_back(m.begin, m.end);
  }
  for (const PatternMatch& m : found) {
    if (AnyExcluded(c, m)) continue;
    const std::string& kind = p.kind(m.pattern);
    if (kind == "block") continue;
    if (kind == "modal" && InRelativeClause(c, m.begin)) continue;
    bool is_blocked = false;
    for (const auto& [b, e] : blocked)
      if (m.begin >= b && m.end <= e) is_blocked = true;
    // "cause" inside "cause of": the longer cue names the decision.
    for (const PatternMatch& o : found) {
      if (&o != &m && p.kind(o.pattern) != "block" && o.begin <= m.begin && o.end >= m.end &&
          o.end - o.begin > m.end - m.begin)
        is_blocked = true;
    }
    if (is_blocked) continue;
    TypeCue cue;
    cue.text = std::string(c.Text(m.begin, m.end));
    cue.rule = fmt::format("{}: '{}' ({})", ClaimTypeName(type), cue.text,
                           p.set.pattern(m.pattern).source);
    out->Add(type, std::move(cue));
  }
}

Types FindTypes(const Ctx& c) {
  Types t;
  {
    for (const FigureSpan& f : c.ix.Figures(c.index)) {
      int32_t k = TokenContaining(c.seg, c.s, f.bstart);
      if (k >= 0 && c.at(c.excluded, k)) continue;
      if (std::optional<TypeCue> cue = StatisticalFigure(c, f))
        t.Add(ClaimType::kStatistical, std::move(*cue));
    }
  }
  AddPatternCues(c, c.lex.causal, kCausal, ClaimType::kCausal, &t);
  AddPatternCues(c, c.lex.predictive, kPredictive, ClaimType::kPredictive, &t);
  AddPatternCues(c, c.lex.deontic, kDeontic, ClaimType::kNormative, &t);
  // EVALUATIVE: one strong cue, or two weak ones, or a weak one predicated.
  int strong = 0, weak = 0;
  std::vector<TypeCue> eval;
  for (const PatternMatch& m : FindAll(c, kEvaluative)) {
    if (AnyExcluded(c, m)) continue;
    bool in_name = false;
    for (int32_t k = m.begin; k < m.end; ++k) in_name |= c.at(c.named, k) != 0;
    if (in_name) continue;
    const std::string& strength = c.lex.evaluative.kind(m.pattern);
    bool is_strong = strength == "strong" || (strength == "weak" && Predicative(c, m.begin));
    (is_strong ? strong : weak) += 1;
    TypeCue cue;
    cue.text = std::string(c.Text(m.begin, m.end));
    cue.rule = fmt::format("EVALUATIVE: {} '{}' ({})", is_strong ? "strong" : "weak", cue.text,
                           c.lex.evaluative.set.pattern(m.pattern).source);
    if (is_strong) eval.insert(eval.begin() + (strong - 1), std::move(cue));
    else eval.push_back(std::move(cue));
  }
  if (strong > 0 || weak >= 2) {
    for (TypeCue& cue : eval) t.Add(ClaimType::kEvaluative, std::move(cue));
  }
  // FACTUAL: the default, and a type beside the others when the sentence
  // also reports a dated event.
  bool dated = false;
  for (const DateSpan& d : c.ix.Dates(c.index))
    if (d.label == DateLabel::kDate) dated = true;
  bool any = false;
  for (int i = 0; i < 5; ++i) any |= t.has[i];
  if (!any || dated) {
    t.has[static_cast<int>(ClaimType::kFactual)] = true;
  }
  return t;
}

// ---------------------------------------------------------------------------
// 4. Stance.

struct StanceCue {
  int32_t begin = 0, end = 0;
  bool hedge = false;
  std::string kind, source;
};

// Marks tokens whose stance cues are local: in a concessive clause or
// before a contrastive pivot.
std::vector<uint8_t> LocalStanceTokens(const Ctx& c, std::vector<uint8_t>* before_pivot) {
  std::vector<uint8_t> local(c.quoted.size(), 0);
  before_pivot->assign(c.quoted.size(), 0);
  for (int32_t k = c.lo; k < c.hi; ++k) {
    const std::string& key = c.key(k);
    bool opens = k == c.lo || c.word(k - 1) == "," || c.word(k - 1) == "(" ||
                 c.word(k - 1) == "\u2014" || c.word(k - 1) == ";";
    bool concessive = OneOf(key, {"while", "although", "though", "whereas"}) ||
                      (key == "even" && k + 1 < c.hi &&
                       OneOf(c.key(k + 1), {"though", "if"}));
    if (concessive && opens) {
      // The clause runs to the first comma, bracket or semicolon after two words.
      int words = 0;
      int32_t j = k;
      for (; j < c.hi; ++j) {
        std::string_view w = c.word(j);
        if (words >= 2 && (w == "," || w == ")" || w == ";" || w == "\u2014")) break;
        if (!c.punct(j)) ++words;
        c.at(local, j) = 1;
      }
      k = j;
      continue;
    }
    // ", but" (not "but also"), "; still", "; yet", "; however".
    bool pivot = false;
    if (key == "but" && k > c.lo && !(k + 1 < c.hi && c.key(k + 1) == "also")) {
      std::string_view prev = c.word(k - 1);
      pivot = prev == "," || prev == ";" || prev == "\u2014" || prev == "\u2013";
    }
    if (OneOf(key, {"still", "yet", "however"}) && k > c.lo && c.word(k - 1) == ";") pivot = true;
    if (pivot) {
      for (int32_t j = c.lo; j < k; ++j) c.at(*before_pivot, j) = 1;
    }
  }
  return local;
}

struct Stance {
  std::string value = "plain";
  std::string cue;  // the deciding cue, or the local one that left the claim plain
  std::string rule;
};

Stance FindStance(const Ctx& c) {
  std::vector<StanceCue> cues;
  auto collect = [&](const ClassedPatterns& p, CueSetId id, bool hedge) {
    for (const PatternMatch& m : FindAll(c, id)) {
      if (AnyExcluded(c, m)) continue;
      cues.push_back({m.begin, m.end, hedge, p.kind(m.pattern), p.set.pattern(m.pattern).source});
    }
  };
  collect(c.lex.hedges, kHedges, true);
  collect(c.lex.boosters, kBoosters, false);
  std::vector<uint8_t> before_pivot;
  std::vector<uint8_t> local = LocalStanceTokens(c, &before_pivot);
  const StanceCue* best = nullptr;
  std::string set_aside, set_aside_cue;  // the first local cue, for --explain
  auto local_cue = [&](const StanceCue& x, std::string_view why) {
    if (!set_aside.empty()) return;
    set_aside_cue = std::string(c.Text(x.begin, x.end));
    set_aside = fmt::format("; '{}' is local ({})", set_aside_cue, why);
  };
  for (const StanceCue& x : cues) {
    int32_t k = x.begin;
    if (c.at(c.paren, k)) {
      local_cue(x, "in parentheses");
      continue;
    }
    if (c.at(local, k)) {
      local_cue(x, "in a concessive clause");
      continue;
    }
    if (x.kind != "frame" && c.at(before_pivot, k)) {
      local_cue(x, "before a contrastive pivot");
      continue;
    }
    if (x.kind == "modal" && InRelativeClause(c, k)) {
      local_cue(x, "in a relative clause");
      continue;
    }
    if (x.kind == "adverb" && x.end - x.begin == 1) {
      std::string next = x.end < c.hi ? c.key(x.end) : "";
      std::string prev = k > c.lo ? c.key(k - 1) : "";
      bool adverb_next = EndsWith(next, "ly") && next.size() > 3;
      if (adverb_next || OneOf(next, {"even", "not", "also", "more", "less", "too"}) ||
          OneOf(prev, {"and", "or", "including"})) {
        local_cue(x, "modifies one phrase");  // "perhaps ironically", "perhaps even"
        continue;
      }
    }
    if (x.kind == "manner" && k > c.lo && !c.punct(k - 1)) {
      // "understood this interest clearly for quite a while": manner, not
      // stance; "Clearly, …" and "clearly represented" are stance.
      if (x.end >= c.hi || c.punct(x.end) ||
          (c.ql.ClassOf(c.key(x.end)) & (kPrep | kDet | kConj | kRel))) {
        local_cue(x, "a manner adverb");
        continue;
      }
    }
    if (!best || x.begin < best->begin || (x.begin == best->begin && x.end > best->end)) best = &x;
  }
  Stance st;
  if (!best) {
    st.rule = "stance plain: no hedge or booster over the claim" + set_aside;
    st.cue = set_aside_cue;
    return st;
  }
  st.value = best->hedge ? "hedged" : "certain";
  st.cue = std::string(c.Text(best->begin, best->end));
  st.rule = fmt::format("stance {}: {} '{}' ({})", st.value, best->kind, st.cue, best->source);
  return st;
}

// ---------------------------------------------------------------------------

void AddCue(std::vector<std::string>* cues, std::string cue) {
  if (cue.empty()) return;
  if (std::find(cues->begin(), cues->end(), cue) == cues->end()) cues->push_back(std::move(cue));
}

ClaimSpan ClaimOf(Ctx& c) {
  ClaimSpan claim;
  claim.sentence = c.index;
  std::vector<std::string> cue_line;
  Attribution a = FindSource(c, &cue_line);
  claim.source = a.source;
  claim.source_text = a.source_text;
  // Titles and terms never carry the claim; a quotation embedded in the
  // author's sentence is the quoted party's, not the author's claim.
  bool whole_quote = EnclosingQuote(c) != nullptr;
  for (int32_t k = c.lo; k < c.hi; ++k) {
    uint8_t q = c.at(c.quoted, k);
    c.at(c.excluded, k) = q == 2 || (q == 1 && !a.cited && !whole_quote);
  }
  Types t = FindTypes(c);
  for (ClaimType type : kAllTypes) {
    if (t.has[static_cast<int>(type)]) claim.types.push_back(type);
  }
  claim.label = claim.types.front();
  Stance st = FindStance(c);
  claim.stance = st.value;

  for (const std::string& cue : cue_line) AddCue(&claim.cues, cue);
  if (a.cited) AddCue(&claim.cues, a.cue);
  const std::vector<TypeCue>& label_cues = t.cues[static_cast<int>(claim.label)];
  for (const TypeCue& cue : label_cues) AddCue(&claim.cues, cue.text);
  AddCue(&claim.cues, st.cue);
  for (ClaimType type : claim.types) {
    if (type == claim.label) continue;
    const std::vector<TypeCue>& cs = t.cues[static_cast<int>(type)];
    if (!cs.empty()) AddCue(&claim.cues, cs.front().text);
  }
  if (!a.cited && a.decided) AddCue(&claim.cues, a.cue);

  std::string label_rule = label_cues.empty() ? "FACTUAL: no cue of another type"
                                              : label_cues.front().rule;
  claim.rule = fmt::format("label {}; {}; {}", label_rule, st.rule, a.rule);
  return claim;
}

}  // namespace

std::string_view ClaimTypeName(ClaimType type) {
  switch (type) {
    case ClaimType::kStatistical: return "STATISTICAL";
    case ClaimType::kCausal: return "CAUSAL";
    case ClaimType::kPredictive: return "PREDICTIVE";
    case ClaimType::kNormative: return "NORMATIVE";
    case ClaimType::kEvaluative: return "EVALUATIVE";
    case ClaimType::kFactual: return "FACTUAL";
  }
  return "FACTUAL";
}

std::optional<ClaimType> ParseClaimType(std::string_view name) {
  for (ClaimType t : kAllTypes)
    if (ClaimTypeName(t) == name) return t;
  return std::nullopt;
}

std::string_view NonClaimReasonName(NonClaimReason reason) {
  switch (reason) {
    case NonClaimReason::kNone: return "none";
    case NonClaimReason::kHeading: return "heading";
    case NonClaimReason::kSpeakerLabel: return "speaker label";
    case NonClaimReason::kStageDirection: return "stage direction";
    case NonClaimReason::kQuestion: return "question";
    case NonClaimReason::kGreeting: return "greeting";
    case NonClaimReason::kThanks: return "thanks";
    case NonClaimReason::kProcedural: return "procedural";
    case NonClaimReason::kTransition: return "transition";
  }
  return "none";
}

ClaimCandidacy CheckClaimCandidate(const Document& doc, const Segmentation& seg,
                                   int32_t sentence) {
  TokenWords words(doc, seg);
  ClaimEvidence none;
  EvidenceIndex ix = IndexEvidence(seg, none);
  return Candidacy(MakeCtx(doc, seg, words, none, ix, sentence));
}

std::vector<std::string> ClaimLexiconErrors() { return ClaimLexicon::Get().errors; }

struct ClaimAnnotator::Impl {};

ClaimAnnotator::ClaimAnnotator() : impl_(std::make_unique<Impl>()) {
  ClaimLexicon::Get();  // parse the lexicons up front, not in the first Annotate
}

ClaimAnnotator::~ClaimAnnotator() = default;

std::vector<ClaimSpan> ClaimAnnotator::Annotate(const Document& doc, const Segmentation& seg,
                                                const ClaimEvidence& evidence) const {
  std::vector<ClaimSpan> out;
  TokenWords words(doc, seg);
  EvidenceIndex ix = IndexEvidence(seg, evidence);
  // Where the claim of each sentence went, for repeated sentences.
  std::vector<int32_t> claim_of(seg.sentences.size(), -1);
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    const Sentence& s = seg.sentences[i];
    // A pull quote repeats its sentence: it carries the same annotation.
    if (s.duplicate_of >= 0 && static_cast<size_t>(s.duplicate_of) < i) {
      int32_t first = claim_of[static_cast<size_t>(s.duplicate_of)];
      if (first >= 0) {
        ClaimSpan copy = out[static_cast<size_t>(first)];
        copy.sentence = static_cast<int32_t>(i);
        copy.rule += fmt::format("; repeats s{}", s.duplicate_of + 1);
        claim_of[i] = static_cast<int32_t>(out.size());
        out.push_back(std::move(copy));
      }
      continue;
    }
    Ctx c = MakeCtx(doc, seg, words, evidence, ix, static_cast<int32_t>(i));
    if (!Candidacy(c).candidate()) continue;
    claim_of[i] = static_cast<int32_t>(out.size());
    out.push_back(ClaimOf(c));
  }
  return out;
}

}  // namespace relscan
