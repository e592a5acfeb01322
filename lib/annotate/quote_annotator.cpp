// The quote annotator (TAGSET §4 and gold/iceberg-melted.notes.md).
//
// 1. Pair the quote marks (quote_pairing.cpp) and find block quotations: a
//    paragraph after a cue line that ends in a colon.
// 2. Label each quotation, first rule that applies:
//      a term marker right before a short quotation          -> TERM
//      a title word right before it ("titled", "article")   -> TITLE
//      a cue next to it, before or after                      -> SPEECH
//      three or more words in title case                      -> TITLE
//      "according to X" / "as X put it" in its sentence       -> SPEECH
//      a whole sentence (after a sentence naming its speaker) -> SPEECH
//      six words or more                                      -> SPEECH
//      otherwise                                              -> TERM
// 3. Find the speaker of SPEECH from the cue's slot: the subject before
//    the verb (through adverbs, an appositive, a relative pronoun or a
//    pronoun), the noun phrase after "according to", the words in the gap
//    of "as X put it", the possessor of "X's statement". A name the entity
//    annotator found gives the canonical form; otherwise the noun phrase
//    as written without its article. No noun phrase, no speaker.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_set>

#include "quote_lexicon.h"
#include "quote_pairing.h"
#include "relscan/fold.h"
#include "relscan/quote.h"

namespace relscan {
namespace {

// A term marker reaches a quotation of at most this many words (TAGSET §4:
// "a word or phrase"; "called" + a clause is speech).
constexpr int kMaxTermWords = 4;
// A quotation without any cue is speech from this many words on.
constexpr int kMinCluelessSpeechWords = 6;
// Title case makes a title from this many words on ("Azerbaijan in the
// Struggle for Eurasia"; two capitalized words are more often a name).
constexpr int kMinTitleCaseWords = 3;
// Words between a cue and its quotation ("told the OSCE Permanent Council
// that,"; "offered its own conclusion regarding the relationship between
// the two countries:").
constexpr int kMaxBridge = 12;
// Words a noun phrase may have.
constexpr int kMaxPhrase = 8;
// How far back a pronoun looks for its name, in paragraphs.
constexpr int kPronounParagraphs = 2;

UChar32 FirstChar(std::string_view s) {
  if (s.empty()) return 0;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool IsCapitalized(std::string_view s) {
  UChar32 c = FirstChar(s);
  return u_isupper(c) || u_istitle(c);
}

bool IsLowerInitial(std::string_view s) { return u_islower(FirstChar(s)); }

// Words title case leaves in lowercase.
bool IsTitleSmallWord(std::string_view key) {
  static const std::unordered_set<std::string_view> kWords = {
      "a",    "an",   "the", "and", "or", "nor", "but", "of",   "in",   "on",  "at",  "to",  "for",
      "from", "with", "by",  "as",  "vs", "vs.", "via", "into", "over", "its", "per", "upon"};
  return kWords.count(key) > 0;
}

// A noun phrase found in the text: tokens [begin, end), and the name that
// heads it, if any.
struct Phrase {
  int32_t begin = 0, end = 0;
  const NamedSpan* name = nullptr;
};

// A speaker found for a quotation.
struct Speaker {
  std::string speaker;
  std::string text;  // the words as written, when they differ
  std::string how;   // "subject of the cue", "pronoun 'he' -> nearest PERSON", ...
};

// A cue found near a quotation.
struct Cue {
  PatternMatch match;
  std::string display;
  std::string where;  // "before the quote", "after the quote", "in its sentence"
};

// One quotation being labelled: its content tokens and context.
struct Candidate {
  int32_t open = -1, close = -1;  // mark tokens; -1 for a block quotation
  int32_t first = 0, last = 0;    // content tokens, inclusive
  bool block = false;
  int32_t cue_pos = -1;                    // where a cue before it must reach (open mark or colon)
  int32_t ctx_begin = 0;                   // first token a cue before it may start at
  int32_t after_begin = 0, after_end = 0;  // tokens after the quotation in its sentence
  int32_t scope_begin = 0, scope_end = 0;  // its sentence(s), for sentence-wide cues
  int words = 0;
  bool clause = false;  // has a sentence end inside
};

class Run {
 public:
  Run(const Document& doc, const Segmentation& seg, const std::vector<NamedSpan>& names,
      const QuoteLexicon& lex)
      : doc_(doc), seg_(seg), names_(&names), lex_(lex), words_(doc, seg) {
    auto by_start = [](const NamedSpan& a, const NamedSpan& b) { return a.bstart < b.bstart; };
    if (!std::is_sorted(names.begin(), names.end(), by_start)) {
      sorted_names_ = names;
      std::stable_sort(sorted_names_.begin(), sorted_names_.end(), by_start);
      names_ = &sorted_names_;
    }
    for (size_t i = 0; i < names_->size(); ++i)
      if ((*names_)[i].label == "PERSON") persons_.push_back(static_cast<int32_t>(i));
  }

  QuoteResult Annotate();

 private:
  // Token helpers.
  const Token& Tok(int32_t k) const { return seg_.tokens[static_cast<size_t>(k)]; }
  std::string_view Raw(int32_t k) const { return words_.Raw(k); }
  std::string Key(int32_t k) const { return words_.Key(k); }
  bool IsWord(int32_t k) const {
    TokenKind kind = Tok(k).kind;
    return kind == TokenKind::kWord || kind == TokenKind::kNumber;
  }
  bool IsPunct(int32_t k, std::string_view p) const {
    return Tok(k).kind == TokenKind::kPunct && Raw(k) == p;
  }
  // Capitalized inside a sentence, a closed-class word is a name ("May",
  // "Will"); "I" is always capitalized.
  uint16_t Class(int32_t k) const {
    if (Tok(k).kind != TokenKind::kWord) return 0;
    std::string_view raw = Raw(k);
    if (IsCapitalized(raw) && raw != "I" && !words_.StartsSentence(k)) return 0;
    return lex_.ClassOf(Key(k));
  }
  int32_t SentenceOf(int32_t k) const;
  std::string TextOf(int32_t a, int32_t b) const {  // tokens [a, b)
    return std::string(
        std::string_view(doc_.text()).substr(Tok(a).bstart, Tok(b - 1).bend - Tok(a).bstart));
  }

  // Names.
  const NamedSpan& Name(int32_t i) const { return (*names_)[static_cast<size_t>(i)]; }
  const NamedSpan* NameCovering(int32_t k) const;
  const NamedSpan* NearestName(int64_t before, int32_t para_floor, int64_t xb, int64_t xe,
                               bool (*fits)(const NamedSpan&)) const;

  // Phrases and speakers.
  std::optional<Phrase> PhraseEndingAt(int32_t j, int32_t lo, bool skip_pp) const;
  std::optional<Phrase> PhraseStartingAt(int32_t k, int32_t hi) const;
  Speaker FromPhrase(const Phrase& p, std::string how) const;
  std::optional<Speaker> SubjectBefore(int32_t k, int32_t lo, const Candidate& c) const;
  std::optional<Speaker> Pronoun(int32_t k, const Candidate& c) const;

  // Label sieves.
  bool Bridge(int32_t from, int32_t to, int quote_words) const;
  // Says whether a verb cue is used as a noun: right after a determiner
  // ("the notes", "his answer").
  bool NounUse(const PatternMatch& m) const {
    return m.possessive != m.begin && m.begin > 0 && (Class(m.begin - 1) & kDet) &&
           !words_.StartsSentence(m.begin);
  }
  bool TermBridge(int32_t from, int32_t to) const;
  std::optional<std::string> TermMarker(const Candidate& c) const;
  std::optional<std::string> TitleMarker(const Candidate& c) const;
  bool TitleCase(const Candidate& c) const;
  std::optional<Cue> CueBefore(const Candidate& c, int32_t pos) const;
  std::optional<std::pair<Cue, std::optional<Speaker>>> CueAfter(const Candidate& c) const;
  std::optional<std::pair<Cue, std::optional<Speaker>>> SentenceCue(const Candidate& c) const;
  std::optional<Speaker> SpeakerOfCue(const Cue& cue, const Candidate& c) const;

  void Label(Candidate& c, QuoteSpan* q);
  void Finish(const Candidate& c, QuoteSpan* q) const;
  std::vector<Candidate> Blocks(const PairingResult& pairs);
  Candidate FromPair(const MarkPair& p) const;
  void Measure(Candidate* c) const;

  const Document& doc_;
  const Segmentation& seg_;
  const std::vector<NamedSpan>* names_;  // in text order
  std::vector<NamedSpan> sorted_names_;  // a sorted copy when they were not
  const QuoteLexicon& lex_;
  TokenWords words_;
  std::vector<int32_t> persons_;
  std::vector<QuoteSpan> done_;  // labelled so far, in text order
};

int32_t Run::SentenceOf(int32_t k) const {
  const std::vector<Sentence>& ss = seg_.sentences;
  auto it = std::upper_bound(ss.begin(), ss.end(), k,
                             [](int32_t v, const Sentence& s) { return v < s.token_begin; });
  return it == ss.begin() ? 0 : static_cast<int32_t>(it - ss.begin()) - 1;
}

const NamedSpan* Run::NameCovering(int32_t k) const {
  const Token& t = Tok(k);
  const std::vector<NamedSpan>& names = *names_;
  auto it = std::upper_bound(names.begin(), names.end(), static_cast<int64_t>(t.bstart),
                             [](int64_t v, const NamedSpan& n) { return v < n.bstart; });
  // The longest name that covers the token, looking back a few names.
  const NamedSpan* best = nullptr;
  for (int back = 0; back < 4 && it != names.begin(); ++back) {
    --it;
    if (it->bstart <= t.bstart && it->bend >= t.bend &&
        (!best || it->bend - it->bstart > best->bend - best->bstart))
      best = &*it;
  }
  return best;
}

// Returns the nearest name before byte `before` that fits, not inside
// [xb, xe) (the quotation itself), and not before paragraph para_floor.
const NamedSpan* Run::NearestName(int64_t before, int32_t para_floor, int64_t xb, int64_t xe,
                                  bool (*fits)(const NamedSpan&)) const {
  int64_t floor = seg_.paragraphs.empty()
                      ? 0
                      : seg_.paragraphs[static_cast<size_t>(std::max(0, para_floor))].bstart;
  const std::vector<NamedSpan>& names = *names_;
  size_t top = static_cast<size_t>(
      std::lower_bound(names.begin(), names.end(), before,
                       [](const NamedSpan& n, int64_t v) { return n.bstart < v; }) -
      names.begin());
  for (size_t i = top; i-- > 0;) {
    const NamedSpan& n = names[i];
    if (n.bend > before) continue;
    if (n.bstart < floor) break;
    if (n.bstart >= xb && n.bend <= xe) continue;
    if (fits(n)) return &n;
  }
  return nullptr;
}

// The noun phrase whose last word is token j: a name with the titles before
// it ("President Aliyev"), or words with no closed-class word among them
// ("a September 2022 World Bank report"). With skip_pp, a trailing
// prepositional phrase other than "of" is passed over ("report on
// Azerbaijan, which" -> "report").
std::optional<Phrase> Run::PhraseEndingAt(int32_t j, int32_t lo, bool skip_pp) const {
  if (j < lo || !IsWord(j)) return std::nullopt;
  uint16_t cls = Class(j);
  if (cls != 0) return std::nullopt;
  Phrase p;
  p.end = j + 1;
  int32_t a = j;
  if (const NamedSpan* n = NameCovering(j)) {
    p.name = n;
    while (a - 1 >= lo && Tok(a - 1).bstart >= n->bstart) --a;
    // "The President of Armenia": the name is a complement, not the head.
    if (a - 2 >= lo && Key(a - 1) == "of" && IsWord(a - 2) && Class(a - 2) == 0) {
      if (std::optional<Phrase> head = PhraseEndingAt(a - 2, lo, false)) {
        head->end = j + 1;
        return head;
      }
    }
    // Titles before the name belong to the speaker's words.
    while (a - 1 >= lo && Tok(a - 1).kind == TokenKind::kWord && IsCapitalized(Raw(a - 1)) &&
           lex_.title_words.count(Key(a - 1)))
      --a;
  } else {
    int count = 1;
    while (a - 1 >= lo && count < kMaxPhrase) {
      const Token& t = Tok(a - 1);
      if (t.kind == TokenKind::kPossessive) {
        if (a - 2 >= lo && IsWord(a - 2) && Class(a - 2) == 0) {
          a -= 2;
          count += 2;
          continue;
        }
        break;
      }
      if (!IsWord(a - 1)) break;
      if (Class(a - 1) != 0) break;
      --a;
      ++count;
    }
  }
  if (a - 1 >= lo && (Class(a - 1) & kDet)) --a;
  p.begin = a;
  if (skip_pp && a - 2 >= lo && (Class(a - 1) & kPrep) && Key(a - 1) != "of") {
    if (std::optional<Phrase> head = PhraseEndingAt(a - 2, lo, false)) return head;
  }
  return p;
}

// The noun phrase that starts at token k: "the minister", "Hugh Hill",
// "a September 2022 World Bank report" (up to a preposition or comma).
std::optional<Phrase> Run::PhraseStartingAt(int32_t k, int32_t hi) const {
  if (k >= hi) return std::nullopt;
  Phrase p;
  p.begin = k;
  int32_t i = k;
  if (Class(i) & kDet) ++i;
  while (i < hi && Tok(i).kind == TokenKind::kWord && IsCapitalized(Raw(i)) &&
         lex_.title_words.count(Key(i)) && !NameCovering(i))
    ++i;
  if (i < hi) {
    if (const NamedSpan* n = NameCovering(i); n && n->bstart == Tok(i).bstart) {
      p.name = n;
      while (i < hi && Tok(i).bend <= n->bend) ++i;
      p.end = i;
      return p;
    }
  }
  int count = 0;
  while (i < hi && count < kMaxPhrase) {
    if (Tok(i).kind == TokenKind::kPossessive && i > p.begin) {
      ++i;
      continue;
    }
    if (!IsWord(i) || Class(i) != 0) break;
    ++i;
    ++count;
  }
  if (count == 0) return std::nullopt;
  p.end = i;
  // A name that ends the phrase heads it ("the Israeli minister Eli Cohen").
  if (const NamedSpan* n = NameCovering(p.end - 1); n && n->bend == Tok(p.end - 1).bend) p.name = n;
  return p;
}

Speaker Run::FromPhrase(const Phrase& p, std::string how) const {
  Speaker s;
  s.how = std::move(how);
  std::string written = TextOf(p.begin, p.end);
  if (p.name) {
    s.speaker = p.name->canonical;
  } else {
    int32_t a = p.begin;
    // TAGSET §4: the noun phrase as written without a leading article.
    std::string key = Key(a);
    if ((key == "the" || key == "a" || key == "an") && a + 1 < p.end) ++a;
    s.speaker = TextOf(a, p.end);
  }
  if (written != s.speaker) s.text = written;
  return s;
}

bool IsPerson(const NamedSpan& n) { return n.label == "PERSON"; }
bool IsGroup(const NamedSpan& n) { return n.label == "NORP" || n.label == "ORG"; }

// A pronoun subject resolved to the nearest compatible earlier name: he and
// she to a PERSON, they to a group (NORP, ORG); I to the speaker of the
// transcript turn. Anything else stays unresolved.
std::optional<Speaker> Run::Pronoun(int32_t k, const Candidate& c) const {
  std::string key = Key(k);
  Speaker s;
  s.text = std::string(Raw(k));
  int32_t para = seg_.sentences[static_cast<size_t>(SentenceOf(k))].para - 1;
  int64_t xb = c.block ? Tok(c.first).bstart : Tok(c.open).bstart;
  int64_t xe = c.block ? Tok(c.last).bend : Tok(c.close).bend;
  if (key == "he" || key == "she" || key == "they") {
    bool person = key != "they";
    const NamedSpan* n = NearestName(Tok(k).bstart, para - kPronounParagraphs, xb, xe,
                                     person ? &IsPerson : &IsGroup);
    if (!n) return std::nullopt;
    s.speaker = n->canonical;
    s.how = fmt::format("pronoun '{}' -> the nearest earlier {}", s.text,
                        person ? "PERSON" : "NORP or ORG");
    return s;
  }
  if (key == "i") {
    int32_t turn = seg_.sentences[static_cast<size_t>(SentenceOf(k))].turn;
    if (turn < 0) return std::nullopt;
    const std::string& label = seg_.turns[static_cast<size_t>(turn)];
    s.speaker = label;
    // "SECRETARY BLINKEN" -> the PERSON whose name ends with "Blinken".
    std::string last = FoldForMatch(
        label.substr(label.rfind(' ') == std::string::npos ? 0 : label.rfind(' ') + 1));
    for (int32_t i : persons_) {
      const std::string& canon = Name(i).canonical;
      size_t sp = canon.rfind(' ');
      if (FoldForMatch(canon.substr(sp == std::string::npos ? 0 : sp + 1)) == last) {
        s.speaker = canon;
        break;
      }
    }
    s.how = "pronoun 'I' -> the speaker of the transcript turn";
    return s;
  }
  return std::nullopt;
}

// The subject of a verb cue that starts at token k: through adverbs and
// auxiliaries ("then offered"), a pronoun, a relative pronoun (", which
// emphasized" -> the phrase before it) or an appositive ("Hugh Hill, a
// doctor, said").
std::optional<Speaker> Run::SubjectBefore(int32_t k, int32_t lo, const Candidate& c) const {
  int32_t j = k - 1;
  while (j >= lo && Tok(j).kind == TokenKind::kWord && (Class(j) & (kAdv | kAux)) &&
         !(Class(j) & (kPron | kRel | kDet)))
    --j;
  // Adverbs in -ly between subject and verb ("publicly", "bluntly").
  while (j >= lo && Tok(j).kind == TokenKind::kWord && IsLowerInitial(Raw(j)) &&
         Raw(j).size() > 4 && Raw(j).substr(Raw(j).size() - 2) == "ly" && Class(j) == 0)
    --j;
  if (j < lo) return std::nullopt;
  if (Tok(j).kind == TokenKind::kWord && (Class(j) & kPron)) return Pronoun(j, c);
  if (Tok(j).kind == TokenKind::kWord && (Class(j) & kRel)) {
    int32_t a = j - 1;
    if (a >= lo && IsPunct(a, ",")) --a;
    std::optional<Phrase> p = PhraseEndingAt(a, lo, true);
    if (!p) return std::nullopt;
    return FromPhrase(*p, fmt::format("the noun phrase before '{}'", Raw(j)));
  }
  if (IsPunct(j, ",")) {
    // An appositive set off by commas: the name before it speaks ("Hugh
    // Hill, a doctor, said"), or the name it is ("the Prime Minister of
    // Israel, Benjamin Netanyahu, said").
    for (int32_t i = j - 1; i >= lo && i >= j - kMaxPhrase; --i) {
      if (!IsPunct(i, ",")) continue;
      if (const NamedSpan* n = NameCovering(j - 1); n && n->label == "PERSON" &&
                                                    n->bend == Tok(j - 1).bend &&
                                                    n->bstart == Tok(i + 1).bstart) {
        Phrase p{i + 1, j, n};
        return FromPhrase(p, "the name in the appositive");
      }
      // The appositive starts with a determiner or a title, after an adverb
      // ("then"), or names a title anywhere ("then NATO's Secretary General").
      bool appositive = false;
      int32_t h = i + 1;
      while (h < j && Tok(h).kind == TokenKind::kWord && (Class(h) & kAdv)) ++h;
      if (h < j && ((Class(h) & kDet) || lex_.title_words.count(Key(h)))) appositive = true;
      for (int32_t m = h; m < j && !appositive; ++m)
        appositive = Tok(m).kind == TokenKind::kWord && IsCapitalized(Raw(m)) &&
                     lex_.title_words.count(Key(m)) > 0;
      if (i + 1 >= j || !appositive) break;
      std::optional<Phrase> p = PhraseEndingAt(i - 1, lo, false);
      if (!p || !(p->name || IsCapitalized(Raw(p->end - 1)))) break;
      return FromPhrase(*p, fmt::format("the name before the appositive '{}'", TextOf(i + 1, j)));
    }
    return std::nullopt;
  }
  std::optional<Phrase> p = PhraseEndingAt(j, lo, false);
  if (!p) return std::nullopt;
  return FromPhrase(*p, "subject of the cue");
}

// Says whether the words [from, to) may stand between a cue and its
// quotation: an object, a prepositional phrase, "that", commas; no new
// clause (no auxiliary, conjunction, subject pronoun or relative).
bool Run::Bridge(int32_t from, int32_t to, int quote_words) const {
  if (to - from > kMaxBridge) return false;
  bool clause = false;  // inside the "that" clause whose predicate is quoted
  for (int32_t k = from; k < to; ++k) {
    const Token& t = Tok(k);
    bool last = k == to - 1;
    if (t.kind == TokenKind::kPunct) {
      std::string_view p = Raw(k);
      if (p == ",") continue;
      if ((p == ":" || p == "\u2014" || p == "\u2013") && last) continue;
      return false;
    }
    if (t.kind != TokenKind::kWord) continue;
    uint16_t cls = Class(k);
    if (Key(k) == "that") {
      // "said that", "emphasized that, " -- the complementizer before the
      // quote; or before a subject whose predicate is quoted ("told the
      // Knesset that the deal “protects Israel’s interests”"), which takes
      // a quotation of a few words (one word is a term: "that the
      // “iceberg” melted").
      bool ends = last || (k + 2 == to && IsPunct(k + 1, ","));
      if (ends) continue;
      if (quote_words >= 3) {
        clause = true;
        continue;
      }
      return false;
    }
    // "remarked that Egypt might “blow up that dam”": the clause's own
    // auxiliary before its quoted predicate.
    if (clause && (cls & kAux) && !(cls & (kConj | kPron | kRel))) continue;
    if (cls & (kAux | kConj | kPron | kRel)) return false;
  }
  return true;
}

// Says whether the words [from, to) may stand between a term marker and
// its quotation: what is called ("its educational philosophy"), no
// preposition or verb.
bool Run::TermBridge(int32_t from, int32_t to) const {
  if (to - from > kMaxTermWords) return false;
  for (int32_t k = from; k < to; ++k) {
    if (Tok(k).kind == TokenKind::kPunct && Raw(k) == "," && k == to - 1) continue;
    if (Tok(k).kind != TokenKind::kWord && Tok(k).kind != TokenKind::kPossessive) return false;
    uint16_t cls = Class(k);
    if (cls & ~static_cast<uint16_t>(kDet | kObj)) return false;
  }
  return true;
}

std::optional<std::string> Run::TermMarker(const Candidate& c) const {
  if (c.block || c.words > kMaxTermWords || c.clause) return std::nullopt;
  int32_t pos = c.open;
  std::vector<PatternMatch> found;
  for (int32_t k = std::max(c.ctx_begin, pos - kMaxTermWords - 4); k < pos; ++k)
    lex_.terms.MatchAt(words_, k, pos, &found);
  const PatternMatch* best = nullptr;
  for (const PatternMatch& m : found)
    if (TermBridge(m.end, pos) && (!best || m.end > best->end)) best = &m;
  if (!best) return std::nullopt;
  const TokenPattern& p = lex_.terms.pattern(best->pattern);
  return fmt::format("term: '{}' before the quote ({})", TextOf(best->begin, best->end), p.source);
}

std::optional<std::string> Run::TitleMarker(const Candidate& c) const {
  if (c.block) return std::nullopt;
  int32_t k = c.open - 1;
  if (k >= c.ctx_begin && IsPunct(k, ",")) --k;
  if (k < c.ctx_begin || Tok(k).kind != TokenKind::kWord) return std::nullopt;
  auto it = lex_.titles.find(Key(k));
  if (it == lex_.titles.end()) return std::nullopt;
  bool verb = it->second.first;
  // A title noun before a long clause is more likely a quotation from it,
  // unless the words are in title case ("a 2014 report, “The Grand
  // Ethiopian Renaissance Dam: An Opportunity for Collaboration …”").
  if (!verb && ((c.words > 15 && !TitleCase(c)) || !IsLowerInitial(Raw(k)))) return std::nullopt;
  return fmt::format("title: '{}' before the quote ({})", Raw(k), it->second.second);
}

bool Run::TitleCase(const Candidate& c) const {
  if (c.block || c.words < kMinTitleCaseWords || c.clause) return false;
  int32_t last_word = -1;
  for (int32_t k = c.first; k <= c.last; ++k) {
    if (Tok(k).kind == TokenKind::kNumber) {
      last_word = k;
      continue;
    }
    if (Tok(k).kind != TokenKind::kWord) continue;
    bool first = last_word < 0;
    last_word = k;
    if (IsCapitalized(Raw(k))) continue;
    if (!first && IsTitleSmallWord(Key(k))) continue;
    return false;
  }
  return last_word >= 0 &&
         (Tok(last_word).kind == TokenKind::kNumber || IsCapitalized(Raw(last_word)));
}

// The verb cue nearest before position pos (an opening mark or a cue
// line's colon) whose bridge to pos is clean; subject and possessor cues
// only.
std::optional<Cue> Run::CueBefore(const Candidate& c, int32_t pos) const {
  std::vector<PatternMatch> found;
  int32_t lo = std::max(c.ctx_begin, pos - kMaxBridge - 10);
  for (int32_t k = lo; k < pos; ++k) lex_.cues.MatchAt(words_, k, pos, &found);
  const PatternMatch* best = nullptr;
  for (const PatternMatch& m : found) {
    CueSlot slot = lex_.cues.pattern(m.pattern).slot;
    if (slot != CueSlot::kSubject && slot != CueSlot::kPossessor) continue;
    if (NounUse(m) || !Bridge(m.end, pos, c.block ? kMaxBridge : c.words)) continue;
    if (!best || m.end > best->end || (m.end == best->end && m.begin < best->begin)) best = &m;
  }
  if (!best) return std::nullopt;
  return Cue{*best, lex_.cues.Display(words_, *best), "before the quote"};
}

std::optional<Speaker> Run::SpeakerOfCue(const Cue& cue, const Candidate& c) const {
  const TokenPattern& p = lex_.cues.pattern(cue.match.pattern);
  const Sentence& s = seg_.sentences[static_cast<size_t>(SentenceOf(cue.match.begin))];
  switch (p.slot) {
    case CueSlot::kSubject:
      return SubjectBefore(cue.match.begin, s.token_begin, c);
    case CueSlot::kPossessor: {
      if (cue.match.possessive < 0) return std::nullopt;
      std::optional<Phrase> ph = PhraseEndingAt(cue.match.possessive - 1, s.token_begin, false);
      if (!ph) return std::nullopt;
      return FromPhrase(*ph, "the possessor before 's");
    }
    case CueSlot::kObject: {
      int32_t k = cue.match.end;
      if (k < s.token_end && (Class(k) & kPron)) return Pronoun(k, c);
      std::optional<Phrase> ph = PhraseStartingAt(k, s.token_end);
      if (!ph) return std::nullopt;
      return FromPhrase(*ph, "the noun phrase after the cue");
    }
    case CueSlot::kGap: {
      if (cue.match.gap_begin < 0) return std::nullopt;
      if (cue.match.gap_end - cue.match.gap_begin == 1 && (Class(cue.match.gap_begin) & kPron))
        return Pronoun(cue.match.gap_begin, c);
      Phrase ph;
      ph.begin = cue.match.gap_begin;
      ph.end = cue.match.gap_end;
      if (const NamedSpan* n = NameCovering(ph.end - 1); n && n->bend == Tok(ph.end - 1).bend)
        ph.name = n;
      return FromPhrase(ph, "the noun phrase inside the cue");
    }
    case CueSlot::kNone:
      break;
  }
  return std::nullopt;
}

// A cue after the quotation: “…,” said the minister / “…,” the minister
// said / “…,” Hugh Hill, a doctor, said / “…,” according to X.
std::optional<std::pair<Cue, std::optional<Speaker>>> Run::CueAfter(const Candidate& c) const {
  if (c.block) return std::nullopt;
  int32_t j = c.after_begin, hi = c.after_end;
  bool comma_inside = IsPunct(c.last, ",") || IsPunct(c.last, "?") || IsPunct(c.last, "!");
  if (j < hi && IsPunct(j, ",")) {
    comma_inside = true;
    ++j;
  }
  if (j >= hi) return std::nullopt;
  std::vector<PatternMatch> found;
  // Not a cue that opens the next quotation ("Brenda Shaffer concluded: “").
  auto introduces_next = [&](const PatternMatch& m) { return m.end < hi && IsPunct(m.end, ":"); };
  // “…,” said X
  lex_.cues.MatchAt(words_, j, hi, &found);
  for (const PatternMatch& m : found) {
    CueSlot slot = lex_.cues.pattern(m.pattern).slot;
    if (introduces_next(m) || NounUse(m)) continue;
    if (slot != CueSlot::kSubject && slot != CueSlot::kObject) continue;
    if (!comma_inside && slot == CueSlot::kObject) continue;
    Cue cue{m, lex_.cues.Display(words_, m), "after the quote"};
    std::optional<Speaker> sp;
    if (m.end < hi && (Class(m.end) & kPron)) {
      sp = Pronoun(m.end, c);
    } else if (std::optional<Phrase> ph = PhraseStartingAt(m.end, hi)) {
      sp = FromPhrase(*ph, slot == CueSlot::kObject ? "the noun phrase after the cue"
                                                    : "the noun phrase after the verb");
    }
    if (slot == CueSlot::kSubject && !sp) continue;  // "“…,” said." is not English
    return std::make_pair(cue, sp);
  }
  if (!comma_inside) return std::nullopt;
  // “…,” X said: a noun phrase (or a pronoun, or a name with an
  // appositive) and then the verb.
  for (int32_t e = j + 1; e <= std::min(hi, j + kMaxPhrase); ++e) {
    int32_t v = e;
    bool pron = e == j + 1 && (Class(j) & kPron);
    if (!pron) {
      std::optional<Phrase> ph = PhraseStartingAt(j, e);
      if (!ph || ph->end != e) continue;
    }
    // ", a doctor," after the name.
    if (v < hi && IsPunct(v, ",")) {
      int32_t w = v + 1;
      while (w < hi && w <= v + kMaxPhrase && !IsPunct(w, ",")) ++w;
      if (w < hi && IsPunct(w, ",") &&
          ((Class(v + 1) & kDet) || lex_.title_words.count(Key(v + 1))))
        v = w + 1;
    }
    // Where the verb may start: right here, or after a prepositional phrase
    // that is part of the subject ("one engineer in Addis Ababa told me",
    // "a spokesman for the ministry said"), ending wherever a phrase may.
    std::vector<int32_t> starts{v};
    if (!pron && v == e && v + 1 < hi && (Class(v) & kPrep) && Key(v) != "that") {
      for (int32_t f = v + 2; f <= std::min(hi, v + 1 + kMaxPhrase); ++f) {
        std::optional<Phrase> obj = PhraseStartingAt(v + 1, f);
        if (obj && obj->end == f) starts.push_back(f);
      }
    }
    for (int32_t start : starts) {
      int32_t u = start;
      while (u < hi && Tok(u).kind == TokenKind::kWord && (Class(u) & (kAdv | kAux)) &&
             !(Class(u) & (kPron | kRel | kDet)))
        ++u;
      found.clear();
      lex_.cues.MatchAt(words_, u, hi, &found);
      for (const PatternMatch& m : found) {
        if (lex_.cues.pattern(m.pattern).slot != CueSlot::kSubject || introduces_next(m) ||
            NounUse(m))
          continue;
        Cue cue{m, lex_.cues.Display(words_, m), "after the quote"};
        std::optional<Speaker> sp;
        if (pron) {
          sp = Pronoun(j, c);
        } else {
          Phrase ph = *PhraseStartingAt(j, e);
          if (start != v && !ph.name) {
            // The head is no name: the speaker is the phrase with its complement.
            ph.end = start;
            sp = FromPhrase(ph, "subject of the cue, with its prepositional phrase");
          } else {
            sp = FromPhrase(ph, v > e && IsPunct(e, ",") ? "the name before the appositive"
                                                         : "subject of the cue");
          }
        }
        return std::make_pair(cue, sp);
      }
    }
  }
  return std::nullopt;
}

// "according to X", "in the words of X", "as X put it" anywhere in the
// quotation's sentence(s), outside the quotation.
std::optional<std::pair<Cue, std::optional<Speaker>>> Run::SentenceCue(const Candidate& c) const {
  if (c.block) return std::nullopt;
  std::vector<PatternMatch> found;
  for (int32_t k = c.scope_begin; k < c.scope_end; ++k) {
    if (k >= c.open && k <= c.close) continue;
    int32_t hi = k < c.open ? c.open : c.scope_end;
    lex_.cues.MatchAt(words_, k, hi, &found);
  }
  const PatternMatch* best = nullptr;
  int64_t best_dist = 0;
  for (const PatternMatch& m : found) {
    CueSlot slot = lex_.cues.pattern(m.pattern).slot;
    if (slot != CueSlot::kObject && slot != CueSlot::kGap) continue;
    int64_t dist = m.end <= c.open ? c.open - m.end : m.begin - c.close;
    if (!best || dist < best_dist) {
      best = &m;
      best_dist = dist;
    }
  }
  if (!best) return std::nullopt;
  Cue cue{*best, lex_.cues.Display(words_, *best), "in its sentence"};
  return std::make_pair(cue, SpeakerOfCue(cue, c));
}

// Counts the quotation's words and whether a sentence ends inside it.
void Run::Measure(Candidate* c) const {
  c->words = 0;
  c->clause = false;
  for (int32_t k = c->first; k <= c->last; ++k) {
    if (IsWord(k)) ++c->words;
    if (Tok(k).kind == TokenKind::kPunct && k < c->last) {
      std::string_view p = Raw(k);
      if (p == "." || p == "?" || p == "!" || p == ";") c->clause = true;
    }
  }
  std::string_view end = Raw(c->last);
  if (Tok(c->last).kind == TokenKind::kPunct && (end == "?" || end == "!" || end == "."))
    c->clause = c->clause || c->words >= 3;
}

Candidate Run::FromPair(const MarkPair& p) const {
  Candidate c;
  c.open = p.open;
  c.close = p.close;
  c.first = p.open + 1;
  c.last = p.close - 1;
  c.cue_pos = p.open;
  int32_t so = SentenceOf(p.open), sc = SentenceOf(p.close);
  const Sentence& s_open = seg_.sentences[static_cast<size_t>(so)];
  const Sentence& s_close = seg_.sentences[static_cast<size_t>(sc)];
  c.ctx_begin = s_open.token_begin;
  c.scope_begin = s_open.token_begin;
  c.scope_end = s_close.token_end;
  c.after_begin = p.close + 1;
  c.after_end = s_close.token_end;
  // A quotation that opens its paragraph after a cue line ending in a
  // colon takes its cue from that line.
  if (p.open == s_open.token_begin && so > 0) {
    const Sentence& prev = seg_.sentences[static_cast<size_t>(so - 1)];
    int32_t colon = prev.token_end - 1;
    if (prev.para + 1 == s_open.para && prev.heading == HeadingKind::kNone && IsPunct(colon, ":")) {
      c.cue_pos = colon;
      c.ctx_begin = prev.token_begin;
    }
  }
  return c;
}

// Block quotations (TAGSET §4): the whole paragraph after a line that
// ends in a colon with a cue ("… was quoted by Haaretz newspaper as
// saying:"). A transcript's speaker label is not such a line, and a
// paragraph that a label opens is the speaker's own turn.
std::vector<Candidate> Run::Blocks(const PairingResult& pairs) {
  std::vector<Candidate> out;
  std::unordered_set<int32_t> opens;
  for (const MarkPair& p : pairs.pairs) opens.insert(p.open);
  const std::vector<Sentence>& ss = seg_.sentences;
  for (size_t i = 0; i + 1 < ss.size(); ++i) {
    const Sentence& line = ss[i];
    const Sentence& next = ss[i + 1];
    if (next.para != line.para + 1 || line.heading != HeadingKind::kNone) continue;
    int32_t colon = line.token_end - 1;
    if (!IsPunct(colon, ":")) continue;
    if (next.heading != HeadingKind::kNone || opens.count(next.token_begin)) continue;
    Candidate c;
    c.block = true;
    c.cue_pos = colon;
    c.ctx_begin = line.token_begin;
    c.first = next.token_begin;
    size_t j = i + 1;
    while (j + 1 < ss.size() && ss[j + 1].para == next.para) ++j;
    c.last = ss[j].token_end - 1;
    c.scope_begin = next.token_begin;
    c.scope_end = ss[j].token_end;
    std::optional<Cue> cue = CueBefore(c, colon);
    if (!cue) continue;
    if (line.turn >= 0) {
      // Inside a transcript turn the next paragraph goes on with the same
      // speaker unless the cue names someone else.
      std::optional<Speaker> sp = SpeakerOfCue(*cue, c);
      if (!sp) continue;
      std::string key = FoldForMatch(sp->text.empty() ? sp->speaker : sp->text);
      if (key == "i" || key == "we" || key == "me" || key == "us") continue;
      if (!sp->how.empty() && sp->how.find("transcript turn") != std::string::npos) continue;
    }
    out.push_back(c);
  }
  return out;
}

void Run::Label(Candidate& c, QuoteSpan* q) {
  Measure(&c);
  q->block = c.block;
  auto speech = [&](const Cue& cue, const std::optional<Speaker>& sp, std::string_view lead) {
    q->label = QuoteLabel::kSpeech;
    q->cue = cue.display;
    const TokenPattern& p = lex_.cues.pattern(cue.match.pattern);
    q->rule = fmt::format("{}cue '{}' {} ({})", lead, cue.display, cue.where, p.source);
    if (sp) {
      q->speaker = sp->speaker;
      if (!sp->text.empty() && sp->text != sp->speaker) q->speaker_text = sp->text;
      q->rule += "; speaker: " + sp->how;
    } else {
      q->rule += "; speaker: none found";
    }
  };
  if (c.block) {
    std::optional<Cue> cue = CueBefore(c, c.cue_pos);
    speech(*cue, SpeakerOfCue(*cue, c), "block quotation after a line ending in a colon: ");
    return;
  }
  if (std::optional<std::string> r = TermMarker(c)) {
    q->label = QuoteLabel::kTerm;
    q->rule = *r;
    return;
  }
  if (std::optional<std::string> r = TitleMarker(c)) {
    q->label = QuoteLabel::kTitle;
    q->rule = *r;
    return;
  }
  if (std::optional<Cue> cue = CueBefore(c, c.cue_pos)) {
    speech(*cue, SpeakerOfCue(*cue, c), "");
    return;
  }
  if (auto after = CueAfter(c)) {
    speech(after->first, after->second, "");
    return;
  }
  if (TitleCase(c)) {
    q->label = QuoteLabel::kTitle;
    q->rule = fmt::format("title: {} words in title case", c.words);
    return;
  }
  if (c.words >= 3 || c.clause) {
    if (auto sc = SentenceCue(c)) {
      speech(sc->first, sc->second, "");
      return;
    }
  }
  // A quotation that makes up its sentence, after a sentence that names
  // its speaker: the previous quotation's speaker, or the one person named.
  int32_t so = SentenceOf(c.open);
  if ((c.words >= 3 || c.clause) && c.open == seg_.sentences[static_cast<size_t>(so)].token_begin &&
      so > 0 &&
      seg_.sentences[static_cast<size_t>(so - 1)].para ==
          seg_.sentences[static_cast<size_t>(so)].para) {
    const Sentence& prev = seg_.sentences[static_cast<size_t>(so - 1)];
    for (auto it = done_.rbegin(); it != done_.rend(); ++it) {
      if (it->bend <= prev.bstart) break;
      if (it->label == QuoteLabel::kSpeech && it->speaker && it->bstart >= prev.bstart) {
        q->label = QuoteLabel::kSpeech;
        q->speaker = it->speaker;
        q->rule =
            "speech: a sentence-long quotation after a quotation of the previous sentence; "
            "speaker: that quotation's speaker";
        return;
      }
    }
    std::unordered_set<std::string> people;
    const NamedSpan* one = nullptr;
    auto it = std::lower_bound(persons_.begin(), persons_.end(), prev.bstart,
                               [&](int32_t i, int64_t b) { return Name(i).bstart < b; });
    for (; it != persons_.end(); ++it) {
      const NamedSpan& n = Name(*it);
      if (n.bstart >= prev.bend) break;
      if (n.bstart >= prev.bstart && n.bend <= prev.bend) {
        people.insert(n.canonical);
        one = &n;
      }
    }
    if (people.size() == 1) {
      q->label = QuoteLabel::kSpeech;
      q->speaker = one->canonical;
      q->rule =
          "speech: a sentence-long quotation; speaker: the one person named in the "
          "previous sentence";
      return;
    }
  }
  if (c.clause && c.open == seg_.sentences[static_cast<size_t>(so)].token_begin) {
    q->label = QuoteLabel::kSpeech;
    q->rule = "speech: a sentence-long quotation without a cue; speaker: none found";
    return;
  }
  if (c.words >= kMinCluelessSpeechWords) {
    q->label = QuoteLabel::kSpeech;
    q->rule = fmt::format(
        "speech: a clause-length quotation ({} words) without a cue; "
        "speaker: none found",
        c.words);
    return;
  }
  q->label = QuoteLabel::kTerm;
  q->rule = fmt::format("term: a short quotation ({} word{}) without a cue", c.words,
                        c.words == 1 ? "" : "s");
}

// Sets the span: the content without its marks; TERM and TITLE without a
// comma or period of the outer sentence, SPEECH without a trailing comma
// but with its own final period (gold/iceberg-melted.notes.md).
void Run::Finish(const Candidate& c, QuoteSpan* q) const {
  int32_t first = c.first, last = c.last;
  if (!c.block) {
    while (last >= first && Tok(last).kind == TokenKind::kPunct) {
      std::string_view p = Raw(last);
      bool outer = p == "," || p == ";" || p == ":";
      if (q->label != QuoteLabel::kSpeech && p == ".") outer = true;
      if (!outer) break;
      --last;
    }
  }
  if (last < first) {
    q->start = q->end = -1;
    return;
  }
  q->start = Tok(first).start;
  q->bstart = Tok(first).bstart;
  q->end = Tok(last).end;
  q->bend = Tok(last).bend;
  for (int32_t s = SentenceOf(first), e = SentenceOf(last); s <= e; ++s) q->sentences.push_back(s);
}

QuoteResult Run::Annotate() {
  QuoteResult out;
  if (seg_.tokens.empty()) return out;
  PairingResult pairs = PairQuoteMarks(doc_, seg_);
  out.pairing_steps = pairs.steps;
  for (int32_t k : pairs.unpaired) {
    const Token& t = Tok(k);
    out.unpaired.push_back({t.start, t.bstart, std::string(Raw(k))});
  }
  std::vector<Candidate> cands;
  cands.reserve(pairs.pairs.size());
  for (const MarkPair& p : pairs.pairs) cands.push_back(FromPair(p));
  for (Candidate& b : Blocks(pairs)) cands.push_back(b);
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    int32_t x = a.block ? a.first : a.open, y = b.block ? b.first : b.open;
    return x < y;
  });
  for (Candidate& c : cands) {
    QuoteSpan q;
    Label(c, &q);
    Finish(c, &q);
    if (q.start < 0) continue;
    done_.push_back(q);
  }
  out.quotes = std::move(done_);
  return out;
}

}  // namespace

std::string_view QuoteLabelName(QuoteLabel label) {
  switch (label) {
    case QuoteLabel::kSpeech:
      return "SPEECH";
    case QuoteLabel::kTitle:
      return "TITLE";
    case QuoteLabel::kTerm:
      return "TERM";
  }
  return "TERM";
}

struct QuoteAnnotator::Impl {
  const QuoteLexicon& lex = QuoteLexicon::Get();
};

QuoteAnnotator::QuoteAnnotator() : impl_(std::make_unique<Impl>()) {}
QuoteAnnotator::~QuoteAnnotator() = default;

QuoteResult QuoteAnnotator::Annotate(const Document& doc, const Segmentation& seg,
                                     const std::vector<NamedSpan>& names) const {
  Run run(doc, seg, names, impl_->lex);
  return run.Annotate();
}

}  // namespace relscan
