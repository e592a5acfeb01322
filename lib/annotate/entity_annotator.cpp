// The entity annotator (TAGSET §1 and gold/iceberg-melted.notes.md).
//
// Three sources of candidates, merged per sentence:
//   1. gazetteer look-ups over the tokens (and over the parts of hyphen
//      compounds: "Israel-Palestinian" holds a GPE and a NORP);
//   2. capitalized chunks (runs of capitalized tokens joined by "of", "for",
//      "and", "in" where a head word allows it), classified by a title
//      before a name (PERSON with role), the whole chunk in a gazetteer, a
//      head word (Ministry -> ORG, War -> EVENT, Accords -> LAW, Pipeline ->
//      FAC), or a given name;
//   3. document-level passes: acronyms defined in the text, surnames that
//      take the fullest form of the name, canonical forms.
// A classified chunk wins over the gazetteer names nested in it ("Israel
// Aerospace Industries" is one ORG).
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "relscan/data.h"
#include "relscan/entity.h"
#include "relscan/fold.h"

namespace relscan {
namespace {

constexpr std::string_view kTitlesFile = "data/lexicon/person_titles.txt";
constexpr std::string_view kHeadsFile = "data/lexicon/name_heads.tsv";
constexpr std::string_view kConnectorsFile = "data/lexicon/name_connectors.txt";
constexpr std::string_view kLowercaseFile = "data/lexicon/lowercase_words.txt";
constexpr std::string_view kGivenFile = "data/lexicon/given_names.txt";

struct Head {
  EntityLabel label;
  std::string source;
};

// Hashes std::string and std::string_view alike: look-ups by a view of the
// text allocate nothing.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using WordSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

// The word lists the rules use, parsed once from lib/data/lexicon.
struct Lexicons {
  Gazetteer titles;  // canonical "title" or "honorific"
  std::unordered_map<std::string, Head, ViewHash, std::equal_to<>> heads;
  WordSet connectors, lowercase, given;
  // The connectors that are name particles ("von", "el", "bin"), not
  // English function words: they may join the parts of a person's name.
  WordSet particles;

  static const Lexicons& Get() {
    static const Lexicons kLexicons = [] {
      Lexicons lex;
      for (const data::DataLine& l : data::DataLines(data::Find(kTitlesFile))) {
        size_t tab = l.text.find('\t');
        GazetteerEntry e;
        e.text = std::string(l.text.substr(0, tab));
        e.label = EntityLabel::kPerson;
        e.canonical = tab == std::string_view::npos ? "title" : std::string(l.text.substr(tab + 1));
        e.source = fmt::format("lib/{}:{}", kTitlesFile, l.line);
        lex.titles.Add(std::move(e));
      }
      for (const data::DataLine& l : data::DataLines(data::Find(kHeadsFile))) {
        size_t tab = l.text.find('\t');
        if (tab == std::string_view::npos) continue;
        std::optional<EntityLabel> label = ParseEntityLabel(l.text.substr(tab + 1, l.text.find('\t', tab + 1) - tab - 1));
        if (!label) continue;
        lex.heads.emplace(FoldForMatch(l.text.substr(0, tab)),
                          Head{*label, fmt::format("lib/{}:{}", kHeadsFile, l.line)});
      }
      for (const data::DataLine& l : data::DataLines(data::Find(kConnectorsFile)))
        lex.connectors.insert(FoldForMatch(l.text));
      for (const std::string& c : lex.connectors) {
        static const std::unordered_set<std::string_view> kEnglish = {
            "of", "for", "and", "&", "on", "in", "at", "upon", "the"};
        if (kEnglish.count(c) == 0) lex.particles.insert(c);
      }
      for (const data::DataLine& l : data::DataLines(data::Find(kLowercaseFile)))
        lex.lowercase.insert(std::string(l.text));
      // Names of two letters ("Al", "Bo") are also articles and particles.
      for (const data::DataLine& l : data::DataLines(data::Find(kGivenFile)))
        if (l.text.size() > 2) lex.given.insert(FoldForMatch(l.text));
      return lex;
    }();
    return kLexicons;
  }
};

// Words after which a name may continue with "of" ("Republic of Azerbaijan",
// "State of Israel") though they are not head words of their own.
bool IsFormalWord(std::string_view key) {
  static const std::unordered_set<std::string_view> kFormal = {
      "republic", "state", "kingdom", "government", "federation", "emirate", "sultanate",
      "principality", "commonwealth", "people's", "islands", "gulf", "sea", "bay", "strait",
      "cape", "lake", "mount", "isle", "duchy", "province", "region", "district"};
  return kFormal.count(key) > 0;
}

// Short words that title case leaves in lowercase.
bool IsTitleLowercase(std::string_view key) {
  static const std::unordered_set<std::string_view> kWords = {
      "with", "from", "into", "over", "upon", "onto", "than", "via", "but", "nor", "yet",
      "per", "amid", "among", "between", "toward", "towards", "against", "about", "after",
      "before", "during", "under", "without", "within", "through", "across", "its", "not",
      "are", "was", "were", "has", "had", "have", "can", "will"};
  return kWords.count(key) > 0;
}

// Heads after which "in" continues a name ("U.S. Embassy in Baku").
bool TakesIn(std::string_view key) {
  return key == "embassy" || key == "consulate" || key == "mission" || key == "office" ||
         key == "bureau" || key == "delegation";
}

inline UChar32 FirstChar(std::string_view s) {
  if (s.empty()) return 0;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Counts letters: upper and lower.
void CountCase(std::string_view s, int* upper, int* lower) {
  *upper = *lower = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {  // ASCII without ICU
      if (p[i] >= 'A' && p[i] <= 'Z') ++*upper;
      else if (p[i] >= 'a' && p[i] <= 'z') ++*lower;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (u_isupper(c)) ++*upper;
    else if (u_islower(c)) ++*lower;
  }
}

bool IsAllCaps(std::string_view s) {
  int up, low;
  CountCase(s, &up, &low);
  return up >= 2 && low == 0;
}

struct Tok {
  std::string_view text;
  std::string_view key;  // folded: a view of the text, or of Sentence's arena
  const Token* token;
  bool word = false;      // a word token (not punctuation or a possessive)
  bool cap = false;       // starts with a capital letter
  bool allcaps = false;
  bool initial = false;   // the sentence's first word
};

struct Candidate {
  int64_t bstart = 0, bend = 0;
  int32_t first = 0, last = 0;  // token range within the sentence, inclusive
  EntityLabel label = EntityLabel::kOrg;
  std::string canonical, role, rule;
  bool from_chunk = false;
  bool pending_surname = false;  // a lone capitalized word: a PERSON if a
                                 // fuller name ends with it
  bool acronym = false;          // an acronym the text defines
  bool given_alone = false;      // a lone given name, not starting a sentence
};

}  // namespace

struct EntityAnnotator::Impl {
  std::shared_ptr<const Gazetteer> gazetteer;
  const Lexicons& lex = Lexicons::Get();

  void Sentence(const Document& doc, const Segmentation& seg, int32_t si,
                std::vector<Candidate>* out) const;
  bool GazetteerFits(const GazetteerEntry& e, const std::vector<Tok>& toks, size_t i,
                     size_t len) const;
  void ClassifyChunk(const std::vector<Tok>& toks, int32_t a, int32_t b, bool title_case,
                     std::vector<Candidate>* out) const;
  std::string TitleBefore(const std::vector<Tok>& toks, int32_t first) const;
};

EntityAnnotator::EntityAnnotator(std::shared_ptr<const Gazetteer> gazetteer)
    : impl_(std::make_unique<Impl>()) {
  impl_->gazetteer = std::move(gazetteer);
}
EntityAnnotator::~EntityAnnotator() = default;

// A gazetteer entry matches only capitalized text: "US" in capitals only,
// any other entry when its first word is capitalized ("us" is a pronoun).
bool EntityAnnotator::Impl::GazetteerFits(const GazetteerEntry& e, const std::vector<Tok>& toks,
                                          size_t i, size_t len) const {
  // A name listed with a lowercase particle ("al-Qaeda", "al-Shabaab")
  // matches as written.
  if (!toks[i].cap) {
    return len == 1 && !e.text.empty() && e.text[0] >= 'a' && e.text[0] <= 'z' &&
           toks[i].text == e.text;
  }
  if (len == 1 && IsAllCaps(e.text) && !toks[i].allcaps) return false;
  // A capitalized common word at the start of a sentence is not a name
  // unless the gazetteer says so with more than one word ("Chad" is, "May"
  // is not).
  return true;
}

void EntityAnnotator::Impl::ClassifyChunk(const std::vector<Tok>& toks, int32_t a, int32_t b,
                                          bool title_case, std::vector<Candidate>* out) const {
  auto text_of = [&](int32_t x, int32_t y) {  // tokens [x, y)
    const Token* first = toks[x].token;
    const Token* last = toks[y - 1].token;
    return std::string(toks[x].text.data(), (last->bend - first->bstart));
  };
  auto emit = [&](int32_t x, int32_t y, EntityLabel label, std::string canonical,
                  std::string rule, std::string role = {}) {
    Candidate c;
    c.bstart = toks[x].token->bstart;
    c.bend = toks[y - 1].token->bend;
    c.first = x;
    c.last = y - 1;
    c.label = label;
    c.canonical = canonical.empty() ? text_of(x, y) : std::move(canonical);
    c.role = std::move(role);
    c.rule = std::move(rule);
    c.from_chunk = true;
    out->push_back(std::move(c));
  };
  // A determiner or a common word capitalized only because it starts the
  // sentence is not part of a name ("The", "While", "Security").
  std::vector<std::string_view> all_keys;
  for (int32_t m = a; m < b; ++m) all_keys.push_back(toks[m].key);
  const int32_t a0 = a;
  bool initial = toks[a].initial;
  while (a < b && initial) {
    std::string_view k = toks[a].key;
    size_t len;
    if (gazetteer->StartsAny(k) &&
        gazetteer->Longest(all_keys, static_cast<size_t>(a - a0), &len) != nullptr)
      break;
    // "Foreign Minister Sameh Shoukry said": a title starts the name.
    if (lex.titles.Longest(all_keys, static_cast<size_t>(a - a0), &len) != nullptr) break;
    // "Operation Barkhane ended": a word that heads a name from the front.
    if (b - a >= 2 && k == "operation") break;
    // "The Clean Water Act was adopted": once the first word is gone, the
    // rest ends with a head word and is the name.
    // (Not in headings, which capitalize every word: "The Energy Crisis".)
    if (!title_case && a > a0 && b - a >= 2 && lex.heads.count(toks[b - 1].key) > 0) break;
    // "At Weda Bay": a function word is not part of a name either.
    bool function_word = lex.connectors.count(k) > 0 && lex.particles.count(k) == 0;
    if ((lex.lowercase.count(k) == 0 && !function_word) || lex.given.count(k) > 0) break;
    ++a;  // the next word now starts the sentence
  }
  if (a >= b) return;
  std::vector<std::string_view> keys(all_keys.begin() + (a - a0), all_keys.end());

  // 1. The whole chunk in a gazetteer.
  size_t len = 0;
  if (const GazetteerEntry* g = gazetteer->Longest(keys, 0, &len);
      g != nullptr && len == keys.size() &&
      // "WHO" in capitals only: "Who filled the vacuum?" is a question.
      !(len == 1 && IsAllCaps(g->text) && !toks[a].allcaps)) {
    emit(a, b, g->label, g->canonical, g->source);
    return;
  }
  // 2. A title before a name: PERSON, the title its role. At most two
  // capitalized modifiers come before the title ("Agriculture Minister",
  // "Deputy Prime Minister"); a demonym among them is not part of the role
  // ("Armenian Foreign Minister").
  auto is_title_or_head = [&](int32_t m) {
    return lex.titles.Exact(toks[m].key) != nullptr || lex.heads.count(toks[m].key) > 0;
  };
  // After a head word the role is the title alone: "European Commission
  // President Ursula von der Leyen" (the organization is found on its own).
  int32_t role_min = a;
  for (int32_t p = a; p < b && p <= a + 3; ++p) {
    if (p > a && lex.connectors.count(toks[p - 1].key)) break;
    if (p > a && lex.heads.count(toks[p - 1].key)) role_min = p;
    size_t tlen;
    const GazetteerEntry* t = lex.titles.Longest(keys, static_cast<size_t>(p - a), &tlen);
    if (t == nullptr) continue;
    int32_t q = p + static_cast<int32_t>(tlen);
    // "Minister of Economy Mikayil Jabbarov": the role runs on through "of"
    // while two tokens remain for the name.
    if (q + 2 < b && toks[q].key == "of") {
      int32_t r = q + 1;
      while (r < b && b - (r + 1) >= 2 && toks[r].cap && lex.given.count(toks[r].key) == 0) ++r;
      if (r > q + 1) q = r;
    }
    if (q >= b || !toks[q].cap || lex.connectors.count(toks[q].key)) return;  // no name after
    bool all_titles = true;
    for (int32_t m = q; m < b; ++m) all_titles = all_titles && is_title_or_head(m);
    if (all_titles) return;  // "Mr. Minister"
    // A rank that is also a word ("General Assembly", "Private Enterprise")
    // needs a name that is not a common word.
    if (lex.heads.count(toks[b - 1].key) ||
        (b - q == 1 && lex.lowercase.count(toks[q].key) && !lex.given.count(toks[q].key)))
      break;
    // A role's modifiers are common words ("Foreign", "Deputy Prime"), not
    // "April" in "In April President Obama".
    int32_t role_from = p;
    while (role_from > role_min && (lex.lowercase.count(toks[role_from - 1].key) > 0 ||
                                    lex.titles.Exact(toks[role_from - 1].key) != nullptr ||
                                    gazetteer->Exact(toks[role_from - 1].key) != nullptr))
      --role_from;
    while (role_from < p && gazetteer->Exact(toks[role_from].key) != nullptr &&
           (gazetteer->Exact(toks[role_from].key)->label == EntityLabel::kNorp ||
            gazetteer->Exact(toks[role_from].key)->label == EntityLabel::kGpe))
      ++role_from;
    // The name ends before a connector: "President Kassym-Jomart Tokayev
    // of the Republic of Kazakhstan" names the country after the person.
    int32_t name_end = q;
    while (name_end < b && (!lex.connectors.count(toks[name_end].key) ||
                            lex.particles.count(toks[name_end].key)))
      ++name_end;
    std::string role = t->canonical == "honorific" ? std::string() : text_of(role_from, q);
    emit(q, name_end, EntityLabel::kPerson, {}, "title before name (" + t->source + ")", role);
    // The headed name before the title ("Foreign Ministry Spokesperson
    // Maria Zakharova"), unless the gazetteer knows it (it is found there).
    if (role_min - a >= 2) {
      std::vector<std::string_view> head_keys(keys.begin(), keys.begin() + (role_min - a));
      size_t glen = 0;
      const GazetteerEntry* g = gazetteer->Longest(head_keys, 0, &glen);
      auto h = lex.heads.find(toks[role_min - 1].key);
      if ((g == nullptr || glen != head_keys.size()) && h != lex.heads.end()) {
        emit(a, role_min, h->second.label, {},
             fmt::format("head word '{}' ({})", toks[role_min - 1].text, h->second.source));
      }
    }
    return;
  }
  if (title_case) {
    // Headings capitalize every word: beyond the gazetteer and titles, only
    // a name headed by a head word ("Benjamin Franklin Room") or starting
    // with a given name is trusted.
    auto hit = lex.heads.find(toks[b - 1].key);
    if (b - a >= 2 && hit != lex.heads.end()) {
      emit(a, b, hit->second.label, {},
           fmt::format("head word '{}' ({})", toks[b - 1].text, hit->second.source));
      return;
    }
    if (b - a >= 2 && b - a <= 4 && lex.given.count(toks[a].key) > 0) {
      emit(a, b, EntityLabel::kPerson, {},
           fmt::format("given name '{}' (lib/{})", toks[a].text, kGivenFile));
    }
    return;
  }
  // 2b. A military operation is named after the word: "Operation Serval",
  // "Operation Desert Storm" (not "the Operation Room", a headed name).
  if (b - a >= 2 && toks[a].key == "operation" && lex.heads.count(toks[b - 1].key) == 0) {
    emit(a, b, EntityLabel::kEvent, {}, "'Operation' before a name");
    return;
  }
  // 3. A head word: the last one, or the one before "of" ("University of").
  auto head_at = [&](int32_t m) -> const Head* {
    auto it = lex.heads.find(toks[m].key);
    return it == lex.heads.end() ? nullptr : &it->second;
  };
  if (b - a >= 2) {
    // "Air Base 201": the head before a closing number.
    int32_t last = toks[b - 1].token->kind == TokenKind::kNumber ? b - 2 : b - 1;
    const Head* h = head_at(last);
    int32_t at = last;
    if (h == nullptr) {
      for (int32_t m = a + 1; m < b; ++m) {
        if (lex.connectors.count(toks[m].key) && !toks[m].cap) {
          h = head_at(m - 1);
          at = m - 1;
          break;
        }
      }
    }
    // "an Embassy of Azerbaijan": after an indefinite article a headed
    // phrase is generic, not a name, unless a name starts it ("an
    // Indonesia–EU ... Agreement").
    bool generic = a > 0 && (toks[a - 1].key == "a" || toks[a - 1].key == "an") &&
                   (lex.heads.count(toks[a].key) > 0 || lex.lowercase.count(toks[a].key) > 0);
    if (h != nullptr && !generic) {
      emit(a, b, h->label, {}, fmt::format("head word '{}' ({})", toks[at].text, h->source));
      return;
    }
    if (h != nullptr) return;
  }
  // 4. A given name and a surname.
  if (b - a >= 2 && b - a <= 4 && lex.given.count(toks[a].key) > 0 &&
      lex.connectors.count(toks[b - 1].key) == 0) {
    emit(a, b, EntityLabel::kPerson, {},
         fmt::format("given name '{}' (lib/{})", toks[a].text, kGivenFile));
    return;
  }
  // 4a. Initials and a surname: "C.C. Wei", "J.D. Vance" (initials no
  // list knows, a surname that is no common or head word).
  if (b - a >= 2 && b - a <= 3 && toks[a].token->abbreviation &&
      gazetteer->Exact(toks[a].key) == nullptr) {
    std::string_view init = toks[a].text;
    // Not a clock's "P.M." ("6:00 P.M. Eastern").
    bool initials = init.size() >= 2 && init.size() <= 6 && init != "A.M." && init != "P.M." &&
                    !(a > 0 && toks[a - 1].token->kind == TokenKind::kNumber);
    for (size_t k = 0; k < init.size() && initials; ++k)
      initials = k % 2 == 0 ? (init[k] >= 'A' && init[k] <= 'Z') : init[k] == '.';
    bool surname = initials;
    for (int32_t m = a + 1; m < b && surname; ++m)
      surname = toks[m].word && !toks[m].allcaps && lex.lowercase.count(toks[m].key) == 0 &&
                lex.heads.count(toks[m].key) == 0 && gazetteer->Exact(toks[m].key) == nullptr;
    if (surname) {
      emit(a, b, EntityLabel::kPerson, {}, "initials before a surname");
      return;
    }
  }
  // 4b. Two to four unknown capitalized words set off by commas after a
  // title, in any case: "the African Union's chairperson, Moussa Faki
  // Mahamat, said", "its president, Hakainde Hichilema, said".
  std::string set_off_by;
  if (b - a >= 2 && b - a <= 4 && a >= 2 && toks[a - 1].text == "," &&
      b < static_cast<int32_t>(toks.size()) &&
      (toks[b].text == "," || toks[b].text == "." || toks[b].text == ")")) {
    set_off_by = lex.titles.Exact(toks[a - 2].key) != nullptr ? std::string(toks[a - 2].text)
                                                              : TitleBefore(toks, a);
  }
  if (!set_off_by.empty()) {
    bool unknown = true;
    for (int32_t m = a; m < b && unknown; ++m) {
      unknown = toks[m].word && !toks[m].allcaps && lex.lowercase.count(toks[m].key) == 0 &&
                lex.heads.count(toks[m].key) == 0 && lex.titles.Exact(toks[m].key) == nullptr &&
                lex.connectors.count(toks[m].key) == 0;
    }
    if (unknown) {
      emit(a, b, EntityLabel::kPerson, {},
           fmt::format("name set off after the title '{}'", set_off_by));
      return;
    }
  }
  // 5. A lone capitalized word, not a common word: a surname if the
  // document names the person in full elsewhere.
  if (b - a == 1 && !toks[a].allcaps && lex.lowercase.count(toks[a].key) == 0) {
    Candidate c;
    c.bstart = toks[a].token->bstart;
    c.bend = toks[a].token->bend;
    c.first = c.last = a;
    c.label = EntityLabel::kPerson;
    c.canonical = std::string(toks[a].text);
    c.rule = "surname of a person named in full";
    c.pending_surname = true;
    c.given_alone = !toks[a].initial && lex.given.count(toks[a].key) > 0 &&
                    gazetteer->Exact(toks[a].key) == nullptr;
    out->push_back(std::move(c));
  }
}

std::string EntityAnnotator::Impl::TitleBefore(const std::vector<Tok>& toks,
                                               int32_t first) const {
  if (first < 2) return {};
  std::string_view mark = toks[first - 1].text;
  if (mark != "," && mark != ")") return {};
  int32_t e = first - 1;  // exclusive end of the title run
  int32_t s = e;
  while (s > 0 && (toks[s - 1].cap || (toks[s - 1].key == "of" && s - 1 > 0)) &&
         toks[s - 1].word)
    --s;
  if (s == e) return {};
  std::vector<std::string_view> keys;
  for (int32_t m = s; m < e; ++m) keys.push_back(toks[m].key);
  // The run must start with a title; the rest is its "of ..." complement.
  for (size_t start = 0; start < keys.size(); ++start) {
    size_t len;
    const GazetteerEntry* t = lex.titles.Longest(keys, start, &len);
    if (t == nullptr || t->canonical == "honorific") continue;
    size_t end = start + len;
    if (end < keys.size() && keys[end] != "of") continue;
    int32_t from = s + static_cast<int32_t>(start);
    return std::string(toks[from].text.data(),
                       toks[e - 1].token->bend - toks[from].token->bstart);
  }
  return {};
}

void EntityAnnotator::Impl::Sentence(const Document& doc, const Segmentation& seg, int32_t si,
                                     std::vector<Candidate>* out) const {
  const relscan::Sentence& s = seg.sentences[si];
  std::string_view text = doc.text();
  std::vector<Tok> toks;
  toks.reserve(s.token_end - s.token_begin);
  std::deque<std::string> arena;  // folded keys that differ from the text
  bool seen_word = false;
  int words = 0, lower_content = 0;
  for (int32_t k = s.token_begin; k < s.token_end; ++k) {
    const Token& t = seg.tokens[k];
    Tok x;
    x.token = &t;
    x.text = text.substr(t.bstart, t.bend - t.bstart);
    // Most tokens are lowercase ASCII and fold to themselves.
    bool plain = true;
    for (char ch : x.text) {
      if ((ch >= 'A' && ch <= 'Z') || static_cast<unsigned char>(ch) >= 0x80) {
        plain = false;
        break;
      }
    }
    if (plain) {
      x.key = x.text;
    } else {
      arena.push_back(FoldForMatch(x.text));
      x.key = arena.back();
    }
    x.word = t.kind == TokenKind::kWord;
    UChar32 c = FirstChar(x.text);
    x.cap = x.word && u_isupper(c);
    x.allcaps = x.cap && IsAllCaps(x.text);
    if (x.word && !seen_word) {
      x.initial = true;
      seen_word = true;
    }
    // Title case leaves short function words in lowercase ("Symbiosis
    // with Israel"); any other lowercase word shows running text. One is
    // enough to tell, so the look-ups stop there.
    if (x.word && x.key.size() >= 3 && u_isalpha(c)) {
      if (x.cap) {
        ++words;
      } else if (lower_content == 0 && lex.connectors.count(x.key) == 0) {
        ++words;
        if (!IsTitleLowercase(x.key)) ++lower_content;
      }
    }
    toks.push_back(std::move(x));
  }
  // Headings and title-case lines capitalize every word: only gazetteer
  // names are trusted there.
  bool title_case = s.heading == HeadingKind::kTitle || (words >= 3 && lower_content == 0);
  int32_t n = static_cast<int32_t>(toks.size());
  std::vector<std::string_view> keys;
  keys.reserve(toks.size());
  for (const Tok& t : toks) keys.push_back(t.key);

  // 1. Gazetteer candidates.
  std::vector<Candidate> gaz;
  for (int32_t i = 0; i < n; ++i) {
    const Tok& t = toks[i];
    // Gazetteer names start with a capital (GazetteerFits), as do the
    // parts of a compound that can be names; a compound may also be a name
    // listed with its lowercase particle ("al-Qaeda").
    if (!t.word || (!t.cap && t.token->parts_count < 2)) continue;
    size_t len;
    const GazetteerEntry* e = gazetteer->Longest(
        keys, static_cast<size_t>(i), &len, [&](const GazetteerEntry& g, size_t l) {
          return GazetteerFits(g, toks, static_cast<size_t>(i), l);
        });
    if (e != nullptr) {
      Candidate c;
      c.bstart = t.token->bstart;
      c.bend = toks[i + len - 1].token->bend;
      c.first = i;
      c.last = i + static_cast<int32_t>(len) - 1;
      c.label = e->label;
      c.canonical = e->canonical;
      c.rule = e->source;
      gaz.push_back(std::move(c));
      i += static_cast<int32_t>(len) - 1;
      continue;
    }
    // The parts of a hyphen compound: "Israel-Palestinian" (not in a
    // lowercase one: "post-Soviet", "majority-Muslim").
    if (!t.cap) continue;
    for (uint32_t p = 0; p < t.token->parts_count; ++p) {
      const Span& part = seg.parts[t.token->parts_begin + p];
      std::string_view pt = text.substr(part.bstart, part.bend - part.bstart);
      if (!u_isupper(FirstChar(pt))) continue;
      const GazetteerEntry* pe = gazetteer->Exact(FoldForMatch(pt));
      if (pe == nullptr) continue;
      if (IsAllCaps(pe->text) && !IsAllCaps(pt)) continue;
      Candidate c;
      c.bstart = part.bstart;
      c.bend = part.bend;
      c.first = c.last = i;
      c.label = pe->label;
      c.canonical = pe->canonical;
      c.rule = pe->source + " (part of a hyphen compound)";
      gaz.push_back(std::move(c));
    }
  }

  // 2. Capitalized chunks.
  std::vector<Candidate> chunks;
  {
    auto name_tok = [&](int32_t k) {
      const Tok& t = toks[k];
      if (!t.cap) return false;
      // A compound is a name token only when its every part is capitalized
      // ("Baku-Tbilisi-Ceyhan"), not "Israel-based".
      for (uint32_t p = 0; p < t.token->parts_count; ++p) {
        const Span& part = seg.parts[t.token->parts_begin + p];
        if (!u_isupper(FirstChar(text.substr(part.bstart, part.bend - part.bstart)))) return false;
      }
      return true;
    };
    // "el-Sisi", "al-Assad": a particle, a hyphen, a capitalized word.
    auto particle_compound = [&](int32_t k) {
      const Tok& t = toks[k];
      if (!t.word || t.token->parts_count != 2) return false;
      const Span& p0 = seg.parts[t.token->parts_begin];
      const Span& p1 = seg.parts[t.token->parts_begin + 1];
      return lex.particles.count(FoldForMatch(text.substr(p0.bstart, p0.bend - p0.bstart))) > 0 &&
             u_isupper(FirstChar(text.substr(p1.bstart, p1.bend - p1.bstart)));
    };
    auto opens_of = [&](int32_t k) {
      std::string_view key = toks[k].key;
      return lex.heads.count(key) > 0 || IsFormalWord(key) || lex.titles.Exact(key) != nullptr;
    };
    for (int32_t i = 0; i < n;) {
      if (!name_tok(i)) {
        ++i;
        continue;
      }
      int32_t j = i + 1;
      bool open = opens_of(i), saw_of = false;
      std::vector<int32_t> dashes;  // dashes joining names, "Indonesia–EU"
      while (j < n) {
        if (name_tok(j)) {
          open = open || opens_of(j);
          ++j;
          continue;
        }
        // A dash between two names, touching both, may join them into the
        // name of a headed thing ("Indonesia–EU Comprehensive Economic
        // Partnership Agreement"); kept only if a head word ends the chunk.
        if (j + 1 < n && !toks[j].word && name_tok(j + 1) &&
            toks[j - 1].token->bend == toks[j].token->bstart &&
            toks[j].token->bend == toks[j + 1].token->bstart &&
            (toks[j].text == "\u2013" || toks[j].text == "-" || toks[j].text == "\u2010" ||
             toks[j].text == "\u2011")) {
          dashes.push_back(j);
          j += 1;
          continue;
        }
        // A person's name with particles: "Ursula von der Leyen", "Charles
        // de Gaulle" (one or two, between capitalized words that are not
        // head words), "Abdel Fattah el-Sisi" (a particle joined by a
        // hyphen to a capitalized word).
        if (!lex.heads.count(toks[j - 1].key)) {
          int32_t k = j;
          while (k < n && k < j + 2 && toks[k].word && !toks[k].cap &&
                 lex.particles.count(toks[k].key))
            ++k;
          if (k > j && k < n && name_tok(k) && !lex.heads.count(toks[k].key)) {
            j = k;
            continue;
          }
          if (particle_compound(j)) {
            ++j;
            continue;
          }
        }
        std::string_view key = toks[j].key;
        if (!toks[j].word || toks[j].cap || lex.connectors.count(key) == 0) break;
        int32_t k = j + 1;
        // "of the", "for the"
        if (k < n && toks[k].key == "the" && !toks[k].cap && (key == "of" || key == "for")) ++k;
        if (k >= n || !name_tok(k)) break;
        bool ok;
        if (key == "and" || key == "&") {
          // "Ministry of Science and Education" goes on; "Hebrew University of
          // Jerusalem and Baku State University" is two names.
          bool second_head = false;
          for (int32_t m = k; m < n && name_tok(m); ++m)
            if (lex.heads.count(toks[m].key)) second_head = true;
          ok = saw_of && open && !second_head;
        } else if (key == "in") {
          ok = TakesIn(toks[j - 1].key);
        } else if (key == "of" || key == "for") {
          ok = open;
        } else {
          // "Committee on Foreign Affairs", "Convention on ...": other
          // connectors follow a head word directly.
          ok = lex.heads.count(toks[j - 1].key) > 0 || lex.titles.Exact(toks[j - 1].key) != nullptr;
        }
        if (!ok) break;
        if (key == "of" || key == "for") saw_of = true;
        j = k;
      }
      // A number after a facility's or a law's head word is part of the
      // name: "Air Base 201", "Resolution 2231".
      if (j < n && j - i >= 1 && toks[j].token->kind == TokenKind::kNumber &&
          toks[j].token->bstart > toks[j - 1].token->bend) {
        auto h = lex.heads.find(toks[j - 1].key);
        if (h != lex.heads.end() &&
            (h->second.label == EntityLabel::kFac || h->second.label == EntityLabel::kLaw))
          ++j;
      }
      if (!dashes.empty() && lex.heads.count(toks[j - 1].key) == 0) {
        // No head word: the dashed parts are names of their own.
        int32_t from = i;
        for (int32_t d : dashes) {
          ClassifyChunk(toks, from, d, title_case, &chunks);
          from = d + 1;
        }
        ClassifyChunk(toks, from, j, title_case, &chunks);
      } else {
        ClassifyChunk(toks, i, j, title_case, &chunks);
      }
      i = j;
    }
  }

  // Titles of works: a title-case phrase in quote marks, “Azerbaijan in
  // the Struggle for Eurasia” (TAGSET §1 WORK_OF_ART; the span leaves out
  // the marks and a comma or period of the outer sentence).
  for (int32_t i = 0; i < n; ++i) {
    UChar32 open = FirstChar(toks[i].text);
    if (toks[i].token->kind != TokenKind::kPunct || (open != 0x201C && open != '"')) continue;
    int32_t j = i + 1;
    while (j < n && !(toks[j].token->kind == TokenKind::kPunct &&
                      (FirstChar(toks[j].text) == 0x201D || FirstChar(toks[j].text) == '"')))
      ++j;
    if (j >= n) break;
    int32_t last = j - 1;
    while (last > i && toks[last].token->kind == TokenKind::kPunct &&
           (toks[last].text == "," || toks[last].text == "."))
      --last;
    int content = 0, lower = 0;
    for (int32_t m = i + 1; m <= last; ++m) {
      if (!toks[m].word || toks[m].key.size() < 3 || lex.connectors.count(toks[m].key)) continue;
      ++content;
      if (!toks[m].cap && !IsTitleLowercase(toks[m].key)) ++lower;
    }
    if (last > i && content >= 2 && lower == 0 && toks[i + 1].cap && !title_case) {
      Candidate c;
      c.bstart = toks[i + 1].token->bstart;
      c.bend = toks[last].token->bend;
      c.first = i + 1;
      c.last = last;
      c.label = EntityLabel::kWorkOfArt;
      c.canonical = std::string(text.substr(c.bstart, c.bend - c.bstart));
      c.rule = "title-case phrase in quote marks";
      c.from_chunk = true;
      chunks.push_back(std::move(c));
    }
    i = j;
  }

  // A title set off before the name: "Minister of Economy, Mikayil
  // Jabbarov" or "(now Vice President) Mehriban Aliyeva".
  for (Candidate& c : chunks) {
    if (c.label == EntityLabel::kPerson && c.role.empty() && !c.pending_surname) {
      c.role = TitleBefore(toks, c.first);
    }
  }

  // 3. Both kinds go on; Annotate picks among overlapping candidates.
  for (Candidate& c : chunks) out->push_back(std::move(c));
  for (Candidate& g : gaz) out->push_back(std::move(g));
}

std::vector<Entity> EntityAnnotator::Annotate(const Document& doc, const Segmentation& seg) const {
  std::vector<Entity> result;
  const int32_t n_sentences = static_cast<int32_t>(seg.sentences.size());
  // Candidates never cross sentences: they are kept per sentence, and the
  // document-level passes below add to them.
  std::vector<std::vector<Candidate>> cands(seg.sentences.size());
  for (int32_t si = 0; si < n_sentences; ++si) {
    if (seg.sentences[si].heading == HeadingKind::kSpeakerLabel) continue;
    impl_->Sentence(doc, seg, si, &cands[si]);
  }
  std::string_view text = doc.text();
  auto surface = [&](const Candidate& c) { return text.substr(c.bstart, c.bend - c.bstart); };

  // A capitalized phrase whose initials spell the acronym that follows it
  // in brackets is a name even when no rule knew it: "Ethiopian Electric
  // Power (EEP)", "Indonesia Morowali Industrial Park (IMIP)". Its label is
  // its head word's, else ORG (what such definitions mostly name).
  for (int32_t si = 0; si < n_sentences; ++si) {
    const relscan::Sentence& s = seg.sentences[si];
    if (s.heading == HeadingKind::kSpeakerLabel) continue;
    for (int32_t t = s.token_begin + 2; t + 2 < s.token_end; ++t) {
      if (text[seg.tokens[t].bstart] != '(' || text[seg.tokens[t + 2].bstart] != ')') continue;
      const Token& acr = seg.tokens[t + 1];
      std::string_view a = text.substr(acr.bstart, acr.bend - acr.bstart);
      if (!IsAllCaps(a) || a.size() < 2 || a.size() > 8) continue;
      // Back from the bracket over capitalized words and connectors,
      // reading initials until they spell the acronym.
      std::string initials;  // reversed
      int32_t first = -1;
      for (int32_t k = t - 1; k >= s.token_begin && initials.size() < a.size(); --k) {
        const Token& w = seg.tokens[k];
        std::string_view ws = text.substr(w.bstart, w.bend - w.bstart);
        if (w.kind != TokenKind::kWord) break;
        if (ws[0] >= 'A' && ws[0] <= 'Z') {
          initials.push_back(ws[0]);
          first = k;
        } else if (!impl_->lex.connectors.count(FoldForMatch(ws)) || impl_->lex.particles.count(FoldForMatch(ws))) {
          break;
        }
      }
      std::string spelled(initials.rbegin(), initials.rend());
      if (first < 0 || t - first < 2 || spelled != a) continue;
      int64_t bstart = seg.tokens[first].bstart, bend = seg.tokens[t - 1].bend;
      bool known = false;
      for (const Candidate& c : cands[si]) known = known || (c.bstart <= bstart && c.bend >= bend);
      if (known) continue;
      std::string_view last = text.substr(seg.tokens[t - 1].bstart,
                                          seg.tokens[t - 1].bend - seg.tokens[t - 1].bstart);
      auto head = impl_->lex.heads.find(FoldForMatch(last));
      Candidate c;
      c.bstart = bstart;
      c.bend = bend;
      c.first = first - s.token_begin;
      c.last = t - 1 - s.token_begin;
      c.label = head != impl_->lex.heads.end() ? head->second.label : EntityLabel::kOrg;
      c.canonical = std::string(text.substr(bstart, bend - bstart));
      // A known acronym brings its own label ("OPEC").
      if (const GazetteerEntry* g = impl_->gazetteer->Exact(FoldForMatch(a))) c.label = g->label;
      c.rule = fmt::format("initials of the acronym '{}' that follows", a);
      c.from_chunk = true;
      cands[si].push_back(std::move(c));
    }
  }

  // Acronyms defined in the text take the label and canonical form of
  // their expansion: "Baku-Tbilisi-Ceyhan (BTC)".
  std::unordered_map<std::string_view, std::pair<EntityLabel, std::string>> acronyms;
  // The expansion is the longest candidate before the bracket ("... Mission
  // in Mali (MINUSMA)", not "Mali"): the start of the one taken, by bracket.
  std::unordered_map<int64_t, int64_t> defined_from;
  for (int32_t si = 0; si < n_sentences; ++si) {
    const relscan::Sentence& s = seg.sentences[si];
    for (const Candidate& c : cands[si]) {
      if (c.pending_surname) continue;
      int32_t t = s.token_begin;
      while (t < s.token_end && seg.tokens[t].bend <= c.bend) ++t;
      if (t + 2 >= s.token_end || text[seg.tokens[t].bstart] != '(' ||
          text[seg.tokens[t + 2].bstart] != ')')
        continue;
      const Token& acr = seg.tokens[t + 1];
      std::string_view a = text.substr(acr.bstart, acr.bend - acr.bstart);
      if (!IsAllCaps(a) || a.size() > 8) continue;
      // TAGSET §1: the abbreviation takes the expansion the text defines,
      // even where a list would shorten that expansion to the abbreviation
      // itself ("North Atlantic Treaty Organization (NATO)").
      std::string canonical = c.canonical;
      if (FoldForMatch(canonical) == FoldForMatch(a)) canonical = std::string(surface(c));
      auto [from, fresh] = defined_from.emplace(acr.bstart, c.bstart);
      if (!fresh && from->second <= c.bstart) continue;  // a longer one is taken
      from->second = c.bstart;
      acronyms[a] = {c.label, canonical};
    }
  }
  // Every mention the lists gave the abbreviation as canonical form (the
  // expansion, the abbreviation elsewhere) now takes the defined expansion.
  if (!acronyms.empty()) {
    std::unordered_map<std::string, const std::string*> expanded;
    for (const auto& [a, def] : acronyms)
      if (FoldForMatch(def.second) != FoldForMatch(a)) expanded[FoldForMatch(a)] = &def.second;
    for (std::vector<Candidate>& list : cands) {
      for (Candidate& c : list) {
        auto it = expanded.find(FoldForMatch(c.canonical));
        if (it != expanded.end()) c.canonical = *it->second;
      }
    }
  }
  if (!acronyms.empty()) {
    for (int32_t si = 0; si < n_sentences; ++si) {
      const relscan::Sentence& s = seg.sentences[si];
      if (s.heading == HeadingKind::kSpeakerLabel) continue;
      for (int32_t t = s.token_begin; t < s.token_end; ++t) {
        const Token& tok = seg.tokens[t];
        if (tok.kind != TokenKind::kWord || !(text[tok.bstart] >= 'A' && text[tok.bstart] <= 'Z'))
          continue;
        auto it = acronyms.find(text.substr(tok.bstart, tok.bend - tok.bstart));
        if (it == acronyms.end()) continue;
        Candidate c;
        c.bstart = tok.bstart;
        c.bend = tok.bend;
        c.label = it->second.first;
        c.canonical = it->second.second;
        c.rule = "acronym defined in the text";
        c.acronym = true;
        cands[si].push_back(std::move(c));
      }
    }
  }

  // A partial name takes the fullest form of the same name anywhere in the
  // document: "Aliyev" -> "Ilham Aliyev", "Jabbarov" -> "Mikayil Jabbarov".
  // Full names that differ ("Heydar Aliyev") stay apart; a lone surname
  // shared by several full names takes the most mentioned one.
  struct Full {
    std::string name;
    int mentions = 0;
  };
  std::unordered_map<std::string, std::vector<Full>> by_last;  // folded last word
  std::unordered_map<std::string, std::vector<std::string>> by_first;  // folded first word
  auto last_word = [](std::string_view name) {
    size_t sp = name.rfind(' ');
    return FoldForMatch(sp == std::string_view::npos ? name : name.substr(sp + 1));
  };
  auto add_full = [](std::vector<Full>& fulls, std::string_view name) {
    auto f = std::find_if(fulls.begin(), fulls.end(), [&](const Full& x) { return x.name == name; });
    if (f == fulls.end()) fulls.push_back({std::string(name), 1});
    else ++f->mentions;
  };
  for (const std::vector<Candidate>& list : cands) {
    for (const Candidate& c : list) {
      if (c.label != EntityLabel::kPerson || c.pending_surname) continue;
      std::string_view name = surface(c);
      if (name.find(' ') == std::string_view::npos) continue;
      std::string last = last_word(name);
      add_full(by_last[last], name);
      // "el-Sisi" is also "Sisi".
      size_t hy = last.find('-');
      if (hy != std::string::npos && impl_->lex.particles.count(std::string_view(last).substr(0, hy)))
        add_full(by_last[last.substr(hy + 1)], name);
      std::string first = FoldForMatch(name.substr(0, name.find(' ')));
      std::vector<std::string>& firsts = by_first[first];
      if (std::find(firsts.begin(), firsts.end(), name) == firsts.end()) firsts.emplace_back(name);
    }
  }
  for (std::vector<Candidate>& list : cands) {
    for (Candidate& c : list) {
      if (c.label != EntityLabel::kPerson || by_last.empty()) continue;
      std::string_view name = surface(c);
      auto it = by_last.find(last_word(name));
      if (it == by_last.end()) continue;
      const Full* best = nullptr;
      std::string folded = FoldForMatch(name);
      for (const Full& f : it->second) {
        // The mention must be a tail of the full name ("Aliyev", "Ilham Aliyev").
        std::string full = FoldForMatch(f.name);
        if (full.size() < folded.size() ||
            full.compare(full.size() - folded.size(), folded.size(), folded) != 0)
          continue;
        if (full.size() > folded.size() && full[full.size() - folded.size() - 1] != ' ' &&
            full[full.size() - folded.size() - 1] != '-')
          continue;
        if (best == nullptr || f.mentions > best->mentions ||
            (f.mentions == best->mentions && f.name.size() > best->name.size()))
          best = &f;
      }
      if (best != nullptr) {
        c.canonical = best->name;
        c.pending_surname = false;
      }
    }
  }
  // A lone word that is no surname but the given name of exactly one
  // person named in full: "Abiy" -> "Abiy Ahmed", "Prabowo".
  for (std::vector<Candidate>& list : cands) {
    for (Candidate& c : list) {
      if (!c.pending_surname) continue;
      auto it = by_first.find(FoldForMatch(surface(c)));
      if (it == by_first.end() || it->second.size() != 1) continue;
      c.canonical = it->second.front();
      c.rule = "given name of a person named in full";
      c.pending_surname = false;
    }
  }
  // A lone given name that no fuller name claims is a person of its own:
  // "Thanks, Sarah." in a transcript.
  for (std::vector<Candidate>& list : cands) {
    for (Candidate& c : list) {
      if (!c.pending_surname || !c.given_alone) continue;
      c.rule = "a given name alone (lib/data/lexicon/given_names.txt)";
      c.pending_surname = false;
    }
  }
  // A lone word that starts exactly one organization named in full, whose
  // last word is a generic head: "Wagner" after "the Wagner Group".
  {
    static const std::unordered_set<std::string_view> kGeneric = {
        "group", "company", "corporation", "holding", "holdings", "party", "movement",
        "foundation", "institute", "inc.", "ltd.", "corp."};
    std::unordered_map<std::string, std::vector<std::string>> org_first;
    for (const std::vector<Candidate>& list : cands) {
      for (const Candidate& c : list) {
        if (c.label != EntityLabel::kOrg || c.pending_surname || c.acronym) continue;
        std::string_view name = surface(c);
        size_t sp = name.find(' '), last = name.rfind(' ');
        if (sp == std::string_view::npos || !kGeneric.count(FoldForMatch(name.substr(last + 1))))
          continue;
        std::vector<std::string>& v = org_first[FoldForMatch(name.substr(0, sp))];
        if (std::find(v.begin(), v.end(), c.canonical) == v.end()) v.push_back(c.canonical);
      }
    }
    for (std::vector<Candidate>& list : cands) {
      for (Candidate& c : list) {
        if (!c.pending_surname) continue;
        auto it = org_first.find(FoldForMatch(surface(c)));
        if (it == org_first.end() || it->second.size() != 1) continue;
        c.label = EntityLabel::kOrg;
        c.canonical = it->second.front();
        c.rule = "first word of an organization named in full";
        c.pending_surname = false;
      }
    }
  }

  // Among overlapping candidates the longest wins ("Israel Aerospace
  // Industries" over "Israel"); at equal length an acronym's reading, then
  // a chunk rule's over a gazetteer's, then the earlier one.
  std::vector<Candidate*> kept;
  std::vector<int32_t> kept_sentence;
  std::vector<Candidate*> order;
  for (int32_t si = 0; si < n_sentences; ++si) {
    order.clear();
    for (Candidate& c : cands[si])
      if (!c.pending_surname) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const Candidate* a, const Candidate* b) {
      int64_t la = a->bend - a->bstart, lb = b->bend - b->bstart;
      if (la != lb) return la > lb;
      if (a->acronym != b->acronym) return a->acronym;
      if (a->from_chunk != b->from_chunk) return a->from_chunk;
      return a->bstart < b->bstart;
    });
    size_t first = kept.size();
    for (Candidate* c : order) {
      bool overlaps = false;
      for (size_t k = first; k < kept.size(); ++k) {
        if (c->bstart < kept[k]->bend && kept[k]->bstart < c->bend) {
          overlaps = true;
          break;
        }
      }
      if (overlaps) continue;
      kept.push_back(c);
      kept_sentence.push_back(si);
    }
    std::vector<std::pair<Candidate*, int32_t>> tmp;
    for (size_t k = first; k < kept.size(); ++k) tmp.emplace_back(kept[k], si);
    std::sort(tmp.begin(), tmp.end(),
              [](const auto& x, const auto& y) { return x.first->bstart < y.first->bstart; });
    for (size_t k = first; k < kept.size(); ++k) kept[k] = tmp[k - first].first;
  }
  // A canonical form that differs from a mention only in typography is
  // written as the text first writes it ("Baku‑Tbilisi‑Ceyhan").
  std::unordered_map<std::string, std::string> as_written;
  for (const Candidate* c : kept) {
    std::string_view s = surface(*c);
    if (s == c->canonical) continue;
    std::string folded = FoldTypography(c->canonical);
    if (FoldTypography(s) == folded) as_written.emplace(std::move(folded), std::string(s));
  }
  result.reserve(kept.size());
  for (size_t k = 0; k < kept.size(); ++k) {
    Candidate& c = *kept[k];
    if (!as_written.empty() && surface(c) != c.canonical) {
      auto it = as_written.find(FoldTypography(c.canonical));
      if (it != as_written.end()) c.canonical = it->second;
    }
    Entity e;
    e.bstart = c.bstart;
    e.bend = c.bend;
    e.start = doc.ByteToCp(c.bstart);
    e.end = doc.ByteToCp(c.bend);
    e.sentence = kept_sentence[k];
    e.label = c.label;
    e.canonical = std::move(c.canonical);
    e.role = std::move(c.role);
    e.rule = std::move(c.rule);
    result.push_back(std::move(e));
  }
  return result;
}

}  // namespace relscan
