// The figure annotator (TAGSET §3 and gold/iceberg-melted.notes.md, "Dates
// and figures").
//
// Per sentence:
//   1. rules: the RE2 patterns of lib/data/figures/figure_rules.tsv, which
//      may neither start nor end inside a span the caller says is taken
//      (dates, names), filtered by token-context checks (`one` as a pronoun,
//      list numbers, ordinals in names and fixed phrases);
//   2. overlaps: the longest span wins, then the earlier rule; the spans of
//      blocking rules (label NONE: C5+1, Resolution 242) are then dropped;
//   3. values: exact decimals, scaled by decimal arithmetic (4.85 billion is
//      4850000000 exactly), units and currencies from their data files;
//   4. context: a modifier before the span sets `mod` (TAGSET §3 table), and
//      the counted noun after a cardinal goes in `of`.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "exact_decimal.h"
#include "number_words.h"
#include "regex_rules.h"
#include "relscan/data.h"
#include "relscan/figure.h"
#include "relscan/fold.h"
#include "token_context.h"

namespace relscan {
namespace {

constexpr std::string_view kRulesFile = "data/figures/figure_rules.tsv";
constexpr std::string_view kCurrenciesFile = "data/figures/currencies.tsv";
constexpr std::string_view kUnitsFile = "data/figures/units.tsv";
constexpr std::string_view kDesignatorsFile = "data/figures/designators.txt";
constexpr std::string_view kNotFiguresFile = "data/figures/not_figures.tsv";
constexpr std::string_view kCountedNounsFile = "data/figures/counted_nouns.tsv";

struct Lexicon {
  std::unordered_map<std::string, std::string> currency_exact;  // signs and codes
  std::unordered_map<std::string, std::string> currency_words;  // folded
  std::unordered_map<std::string, std::string> unit_exact;      // case-sensitive symbols
  std::unordered_map<std::string, std::string> unit_words;      // folded
  std::vector<std::vector<std::string>> not_figures;            // folded words
  std::unordered_set<std::string> stop, drop, plural;
  RegexRuleSet rules;

  static const Lexicon& Get() {
    static const Lexicon kLexicon = Build();
    return kLexicon;
  }

  static Lexicon Build() {
    Lexicon lex;
    std::vector<std::string> signs, codes, words, unit_cs, unit_ci, desig;
    for (const data::DataLine& l : data::DataLines(data::Find(kCurrenciesFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 3) continue;
      std::string form(f[0]), code(f[1]);
      if (f[2] == "sign") {
        lex.currency_exact[form] = code;
        signs.push_back(form);
      } else if (f[2] == "code") {
        lex.currency_exact[form] = code;
        codes.push_back(form);
      } else {
        lex.currency_words[PhraseKey(form)] = code;
        words.push_back(form);
      }
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kUnitsFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 4) continue;
      std::string form(f[0]), symbol(f[1]);
      if (f[3] == "cs") {
        lex.unit_exact[form] = symbol;
        unit_cs.push_back(form);
      } else {
        lex.unit_words[PhraseKey(form)] = symbol;
        unit_ci.push_back(form);
      }
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kDesignatorsFile))) {
      desig.emplace_back(l.text);
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kNotFiguresFile))) {
      lex.not_figures.push_back(Words(l.text));
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kCountedNounsFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 2) continue;
      std::string w = PhraseKey(f[0]);
      if (f[1] == "stop") lex.stop.insert(w);
      else if (f[1] == "drop") lex.drop.insert(w);
      else if (f[1] == "plural") lex.plural.insert(w);
    }
    std::map<std::string, std::string> macros = NumberWordMacros();
    macros["CURSIGN"] = CaseSensitiveAlternation(signs);
    macros["CURCODE"] = CaseSensitiveAlternation(codes);
    macros["CURWORD"] = Alternation(words);
    macros["UNITCS"] = CaseSensitiveAlternation(unit_cs);
    macros["UNITCI"] = Alternation(unit_ci);
    macros["DESIG"] = CaseSensitiveAlternation(desig);
    lex.rules = RegexRuleSet::Load(kRulesFile, macros);
    return lex;
  }
};

struct Candidate {
  RuleMatch match;
  int64_t start = 0, end = 0;  // code points
  bool block = false;
  FigureLabel label = FigureLabel::kCardinal;
  std::string value, unit, mod, of;
  std::optional<std::pair<std::string, std::string>> range;
  bool partitive = false;  // `of` comes after "of" (`thousands of ...`)
  bool fraction = false;   // a part of one thing or of many (`half of the budget`)
};

FigureLabel LabelOf(std::string_view name) {
  if (name == "ORDINAL") return FigureLabel::kOrdinal;
  if (name == "MONEY") return FigureLabel::kMoney;
  if (name == "PERCENT") return FigureLabel::kPercent;
  if (name == "QUANTITY") return FigureLabel::kQuantity;
  return FigureLabel::kCardinal;
}

std::string_view Trim(std::string_view s) {
  auto space = [](std::string_view x, size_t i) -> size_t {
    if (x[i] == ' ') return 1;
    if (x.compare(i, 2, "\xC2\xA0") == 0) return 2;
    if (x.compare(i, 3, "\xE2\x80\x89") == 0 || x.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
    return 0;
  };
  while (!s.empty()) {
    size_t n = space(s, 0);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (!s.empty()) {
    size_t n = s.back() == ' ' ? 1 : 0;
    if (n == 0 && s.size() >= 2 && s.compare(s.size() - 2, 2, "\xC2\xA0") == 0) n = 2;
    if (n == 0 && s.size() >= 3 &&
        (s.compare(s.size() - 3, 3, "\xE2\x80\x89") == 0 ||
         s.compare(s.size() - 3, 3, "\xE2\x80\xAF") == 0)) {
      n = 3;
    }
    if (n == 0) break;
    s.remove_suffix(n);
  }
  return s;
}

// The multiplier of a scale word or abbreviation ("billion", "bn", "m").
std::optional<Decimal> ScaleOf(std::string_view scale) {
  scale = Trim(scale);
  if (scale.empty()) return Decimal::FromInt(1);
  if (scale == "M" || scale == "m" || scale == "mn" || scale == "MN") return Decimal::FromInt(1).Scaled(6);
  if (scale == "bn" || scale == "BN" || scale == "Bn" || scale == "B") return Decimal::FromInt(1).Scaled(9);
  if (scale == "k" || scale == "K") return Decimal::FromInt(1).Scaled(3);
  if (scale == "tn") return Decimal::FromInt(1).Scaled(12);
  return ParseCardinalWords(scale);  // hundred, thousand, million, dozen
}

std::optional<Decimal> Scaled(std::string_view n, std::string_view scale) {
  std::optional<Decimal> v = ParseNumber(Trim(n));
  std::optional<Decimal> s = ScaleOf(scale);
  if (!v || !s) return std::nullopt;
  return v->Times(*s);
}

// Turns a match into a value; false when the text does not parse.
bool Normalize(const Lexicon& lex, std::string_view text, Candidate* c) {
  const RegexRuleSet& rules = lex.rules;
  const RegexRule& rule = rules.rule(c->match.rule);
  const RuleMatch& m = c->match;
  auto group = [&](std::string_view name) { return rules.Group(text, m, name); };
  auto has = [&](std::string_view name) { return rules.Has(m, name); };
  const std::string& action = rule.action;
  if (rule.label == "NONE") {
    c->block = true;
    return true;
  }
  c->label = LabelOf(rule.label);

  if (action == "ordinal") {
    std::optional<int64_t> v = ParseOrdinal(group("o"));
    if (!v) return false;
    c->value = std::to_string(*v);
    return true;
  }
  if (action == "fraction") {
    std::optional<Decimal> v = ParseFraction(group("f"));
    if (!v) return false;
    c->value = v->ToString();
    c->partitive = true;
    c->fraction = true;
    return true;
  }
  if (action == "approx") {
    // TAGSET §3: `hundreds of thousands` -> 100000, MORE_THAN; the notes:
    // `thousands` -> 1000, `hundreds` -> 100.
    static const std::unordered_map<std::string, int64_t> kPlurals = {
        {"tens", 10},           {"dozens", 12},        {"scores", 20},
        {"hundreds", 100},      {"thousands", 1000},   {"millions", 1000000},
        {"billions", 1000000000}};
    auto a = kPlurals.find(PhraseKey(group("a")));
    if (a == kPlurals.end()) return false;
    Decimal v = Decimal::FromInt(a->second);
    if (has("b")) {
      auto b = kPlurals.find(PhraseKey(group("b")));
      if (b == kPlurals.end()) return false;
      v = v.Times(Decimal::FromInt(b->second));
    }
    c->value = v.ToString();
    c->mod = "MORE_THAN";
    c->partitive = true;
    return true;
  }
  // number, money, percent, quantity: a number, perhaps a range, a scale.
  std::string_view scale = group("scale"), scale2 = group("scale2");
  std::string unit_text;
  if (action == "quantity") {
    std::string_view u = Trim(group("unit"));
    // `10 billion cubic meters` is 10 bcm: the scale belongs to the unit.
    if (!scale.empty()) {
      std::string joined = PhraseKey(std::string(Trim(scale)) + " " + std::string(u));
      auto it = lex.unit_words.find(joined);
      if (it != lex.unit_words.end()) {
        c->unit = it->second;
        scale = {};
      }
    }
    if (c->unit.empty()) {
      auto exact = lex.unit_exact.find(std::string(u));
      if (exact != lex.unit_exact.end()) {
        c->unit = exact->second;
      } else {
        auto word = lex.unit_words.find(PhraseKey(u));
        if (word == lex.unit_words.end()) return false;
        c->unit = word->second;
      }
    }
  } else if (action == "money") {
    std::string_view cur = Trim(group("cur"));
    auto exact = lex.currency_exact.find(std::string(cur));
    if (exact != lex.currency_exact.end()) {
      c->unit = exact->second;
    } else {
      auto word = lex.currency_words.find(PhraseKey(cur));
      if (word == lex.currency_words.end()) return false;
      c->unit = word->second;
    }
  } else if (action == "percent") {
    std::string pct = PhraseKey(group("pct"));
    c->unit = pct.find("point") != std::string::npos || pct == "pp" ? "pp" : "%";
  }
  // `$3-5 billion`: a scale written once applies to both ends.
  if (scale.empty() && !scale2.empty()) scale = scale2;
  if (scale2.empty()) scale2 = scale;
  std::optional<Decimal> v = Scaled(group("n"), scale);
  if (!v) return false;
  if (has("n2")) {
    std::optional<Decimal> v2 = Scaled(group("n2"), scale2);
    if (!v2) return false;
    // A range runs upwards; `3-1` is a score or a ratio.
    if (v2->Compare(*v) <= 0) return false;
    c->range = std::make_pair(v->ToString(), v2->ToString());
    // TAGSET §3: the value of a range is its lower bound, never an average.
  }
  c->value = v->ToString();
  return true;
}

// Token-context checks of one sentence.
class Checker {
 public:
  Checker(const Lexicon& lex, const Document& doc, const Segmentation& seg, const Sentence& s)
      : lex_(lex), doc_(doc), seg_(seg), s_(s) {}

  bool Passes(const RegexRule& rule, const Candidate& c) const {
    if (c.block) return true;
    if (CoveredByFixedPhrase(c)) return false;
    if (rule.check == "number") return Number(c);
    if (rule.check == "ordinal") return Ordinal(c);
    if (rule.check == "approx") return Approx(c);
    return true;
  }

 private:
  int32_t Before(int64_t b) const { return TokenEndingBy(seg_, s_, b); }
  int32_t After(int64_t b) const {
    int32_t k = TokenAtOrAfter(seg_, s_, b);
    return k < s_.token_end ? k : -1;
  }
  std::string KeyAt(int32_t k) const {
    if (k < s_.token_begin || k >= s_.token_end) return "";
    return TokenKey(doc_, seg_.tokens[static_cast<size_t>(k)]);
  }
  bool EndsInsideToken(const Candidate& c) const {
    int32_t k = TokenContaining(seg_, s_, c.match.bend - 1);
    return k >= 0 && static_cast<int64_t>(seg_.tokens[static_cast<size_t>(k)].bend) > c.match.bend;
  }
  bool StartsInsideToken(const Candidate& c) const {
    int32_t k = TokenContaining(seg_, s_, c.match.bstart);
    return k >= 0 && static_cast<int64_t>(seg_.tokens[static_cast<size_t>(k)].bstart) < c.match.bstart;
  }
  std::string_view SpanText(const Candidate& c) const {
    return std::string_view(doc_.text()).substr(static_cast<size_t>(c.match.bstart),
                                                static_cast<size_t>(c.match.bend - c.match.bstart));
  }

  // The words around the span (a few tokens either side), hyphen-compound
  // parts split, folded: the span's words are [first, last) in the list.
  std::vector<std::string> Subtokens(const Candidate& c, size_t* first, size_t* last) const {
    constexpr int32_t kAround = 4;  // longer than any fixed phrase
    std::vector<std::string> out;
    *first = *last = 0;
    bool seen = false;
    int32_t from = std::max(s_.token_begin, TokenEndingBy(seg_, s_, c.match.bstart) - kAround);
    int32_t to = std::min(s_.token_end, TokenAtOrAfter(seg_, s_, c.match.bend) + kAround);
    for (int32_t k = from; k < to; ++k) {
      const Token& t = seg_.tokens[static_cast<size_t>(k)];
      auto add = [&](int64_t bs, int64_t be) {
        if (!seen && bs >= c.match.bstart) {
          *first = out.size();
          seen = true;
        }
        out.push_back(FoldForMatch(std::string_view(doc_.text()).substr(
            static_cast<size_t>(bs), static_cast<size_t>(be - bs))));
        if (be <= c.match.bend) *last = out.size();
      };
      if (t.parts_count == 0) {
        add(t.bstart, t.bend);
      } else {
        for (uint32_t p = 0; p < t.parts_count; ++p) {
          const Span& part = seg_.parts[t.parts_begin + p];
          add(part.bstart, part.bend);
        }
      }
    }
    return out;
  }

  // TAGSET §3 and the notes: `No one`, `this one`, `first lady`.
  bool CoveredByFixedPhrase(const Candidate& c) const {
    if (c.label != FigureLabel::kCardinal && c.label != FigureLabel::kOrdinal) return false;
    size_t first = 0, last = 0;
    std::vector<std::string> words = Subtokens(c, &first, &last);
    if (last != first + 1) return false;
    for (const std::vector<std::string>& phrase : lex_.not_figures) {
      for (size_t at = 0; at < phrase.size(); ++at) {
        if (phrase[at] != words[first] || first < at) continue;
        size_t begin = first - at;
        if (begin + phrase.size() > words.size()) continue;
        if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<long>(begin))) {
          return true;
        }
      }
    }
    return false;
  }

  // A capitalized number word in mid-sentence before a capitalized word is
  // part of a name (`Second Karabakh War`, `Three Seas Initiative`).
  bool InName(const Candidate& c) const {
    std::string_view text = SpanText(c);
    if (text.empty() || !(text[0] >= 'A' && text[0] <= 'Z')) return false;
    if (c.match.bstart == s_.bstart) return false;
    int32_t prev = Before(c.match.bstart);
    if (prev >= s_.token_begin) {
      const Token& p = seg_.tokens[static_cast<size_t>(prev)];
      if (p.kind == TokenKind::kPunct) {
        std::string key = TokenKey(doc_, p);
        // After an opening quote or a colon a capital may start a sentence.
        if (key == "\"" || key == "\xE2\x80\x9C" || key == ":" || key == "(") return false;
      }
    }
    int32_t k = After(c.match.bend);
    if (k < 0 || EndsInsideToken(c)) return false;
    std::string_view next = TokenText(doc_, seg_.tokens[static_cast<size_t>(k)]);
    return !next.empty() && next[0] >= 'A' && next[0] <= 'Z';
  }

  bool Number(const Candidate& c) const {
    std::string_view text = SpanText(c);
    if (InName(c)) return false;
    // A list number: `1.` or `1)` opening a paragraph.
    auto para = std::upper_bound(
        seg_.paragraphs.begin(), seg_.paragraphs.end(), c.match.bstart,
        [](int64_t b, const Paragraph& p) { return b < p.bstart; });
    bool opens = para != seg_.paragraphs.begin() && std::prev(para)->bstart == c.match.bstart;
    if (opens && !c.range) {
      std::string next = KeyAt(After(c.match.bend));
      if (next == "." || next == ")") return false;
    }
    // Glued to a letter or a sign before it: `#1`, `+3` (codes, not counts).
    if (StartsInsideToken(c) && text[0] >= '0' && text[0] <= '9') {
      int32_t k = TokenContaining(seg_, s_, c.match.bstart);
      std::string_view whole = TokenText(doc_, seg_.tokens[static_cast<size_t>(k)]);
      size_t at = static_cast<size_t>(c.match.bstart - seg_.tokens[static_cast<size_t>(k)].bstart);
      if (at > 0 && ((whole[at - 1] >= 'A' && whole[at - 1] <= 'Z') ||
                     (whole[at - 1] >= 'a' && whole[at - 1] <= 'z'))) {
        return false;
      }
    }
    if (c.match.bstart > s_.bstart) {
      char before = doc_.text()[static_cast<size_t>(c.match.bstart - 1)];
      if (before == '+' || before == '#' || before == '/' || before == '@') return false;
    }
    // `9/11`, `24/7`: a name or a code, not a count.
    std::string_view rest = std::string_view(doc_.text()).substr(static_cast<size_t>(c.match.bend));
    if (rest.size() >= 2 && rest[0] == '/' && rest[1] >= '0' && rest[1] <= '9') return false;
    if (PhraseKey(text) == "one") return OneIsANumber(c);
    return true;
  }

  // TAGSET §3: `one` as a pronoun (`no one`, `the one`, `one that ...`) is
  // not a figure; `one individual` and `one of the few` are.
  bool OneIsANumber(const Candidate& c) const {
    static const std::unordered_set<std::string_view> kPronounBefore = {
        "no", "the", "this", "that", "each", "every", "any", "which", "another", "such", "someone"};
    static const std::unordered_set<std::string_view> kPronounAfter = {
        "another", "that", "who", "which", "whom", "whose", "can", "could", "may", "might", "must",
        "should", "would", "will", "shall", "is", "was", "does", "did", "has", "had", "cannot",
        "finds", "sees", "thinks", "knows", "says", "gets", "feels", "else"};
    if (kPronounBefore.count(KeyAt(Before(c.match.bstart))) > 0) return false;
    if (EndsInsideToken(c)) return true;
    int32_t k = After(c.match.bend);
    if (k < 0) return true;
    const Token& t = seg_.tokens[static_cast<size_t>(k)];
    if (t.kind == TokenKind::kPossessive) return false;  // `one's`
    return kPronounAfter.count(TokenKey(doc_, t)) == 0;
  }

  bool Ordinal(const Candidate& c) const {
    if (InName(c)) return false;
    // `a second` or `per second` before punctuation is the unit of time.
    if (PhraseKey(SpanText(c)) == "second") {
      std::string prev = KeyAt(Before(c.match.bstart));
      int32_t k = After(c.match.bend);
      bool word_after = k >= 0 && !EndsInsideToken(c) &&
                        seg_.tokens[static_cast<size_t>(k)].kind == TokenKind::kWord;
      if ((prev == "a" || prev == "per" || prev == "split") && !word_after) return false;
    }
    return true;
  }

  bool Approx(const Candidate& c) const {
    const RegexRuleSet& rules = lex_.rules;
    std::string a = PhraseKey(rules.Group(doc_.text(), c.match, "a"));
    bool of_next = KeyAt(After(c.match.bend)) == "of";
    if (a == "tens") return rules.Has(c.match, "b");  // `tens of thousands`
    if (a == "scores") return of_next || rules.Has(c.match, "b");
    return true;
  }

  const Lexicon& lex_;
  const Document& doc_;
  const Segmentation& seg_;
  const Sentence& s_;
};

bool LooksPlural(const Lexicon& lex, std::string_view text, const std::string& key) {
  if (lex.plural.count(key) > 0) return true;
  if (key.size() < 3 || key.back() != 's') return false;
  char p = key[key.size() - 2];
  if (p == 's' || p == '\'') return false;  // across, class
  // `status`, `crisis`, but `Israelis`, `Azerbaijanis`, `Hindus`.
  bool capital = !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
  if ((p == 'u' || p == 'i') && !capital) return false;
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() + 2 && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Adjective endings, for the singular noun phrase of `one prospective
// opportunity`; the drop list (`such`, `small`) counts as adjectives too.
bool LooksAdjective(const Lexicon& lex, std::string_view key) {
  if (lex.drop.count(std::string(key)) > 0) return true;
  for (std::string_view suffix : {"al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ant",
                                  "ent", "ary", "ern", "ish", "est", "ian", "ese"}) {
    if (EndsWith(key, suffix)) return true;
  }
  return false;
}

// TAGSET §3: the counted noun goes in `of`; its shape follows the gold:
// the head noun with the modifier right before it, coordinated heads kept
// (`middle schools, high schools, and vocational colleges`).
std::string CountedNoun(const Lexicon& lex, const Document& doc, const Segmentation& seg,
                        const Sentence& s, const Candidate& c) {
  std::string_view text = doc.text();
  int32_t tc = TokenContaining(seg, s, c.match.bend - 1);
  if (tc >= 0 && static_cast<int64_t>(seg.tokens[static_cast<size_t>(tc)].bend) > c.match.bend) {
    return "";  // `second-largest`, `two-state`
  }
  int32_t k = TokenAtOrAfter(seg, s, c.match.bend);
  auto key_at = [&](int32_t i) {
    return i < s.token_end ? TokenKey(doc, seg.tokens[static_cast<size_t>(i)]) : std::string();
  };
  bool plural = c.partitive || c.value != "1";
  if (key_at(k) == "of" && (c.partitive || c.value == "1")) {
    // `thousands of reports`, `one of the few outstanding limitations`.
    ++k;
    plural = true;
    static const std::unordered_set<std::string_view> kDeterminers = {
        "the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "whose"};
    while (k < s.token_end && kDeterminers.count(key_at(k)) > 0) ++k;
  } else if (c.partitive) {
    return "";
  }
  // The noun phrase: content words up to a stop word or punctuation.
  auto content = [&](int32_t i) {
    if (i >= s.token_end) return false;
    const Token& t = seg.tokens[static_cast<size_t>(i)];
    if (t.kind == TokenKind::kPossessive) return true;
    if (t.kind != TokenKind::kWord) return false;
    std::string key = TokenKey(doc, t);
    if (lex.stop.count(key) > 0) return false;
    if (key.size() > 4 && key.compare(key.size() - 2, 2, "ly") == 0) return false;  // adverbs
    return true;
  };
  auto head_of = [&](int32_t from, int32_t limit, bool want_plural) -> int32_t {
    int32_t end = from;
    while (end < s.token_end && end - from < limit && content(end)) ++end;
    if (end == from) return -1;
    if (want_plural) {
      for (int32_t i = from; i < end; ++i) {
        const Token& t = seg.tokens[static_cast<size_t>(i)];
        if (t.kind == TokenKind::kWord && !t.abbreviation &&
            LooksPlural(lex, TokenText(doc, t), TokenKey(doc, t))) {
          return i;
        }
      }
      return -1;
    }
    // One thing: the first word, unless it looks like an adjective before a
    // second (`one prospective opportunity`, `one such report`), since the
    // word after a singular noun is often a verb (`half of the budget went`).
    int32_t h = from;
    if (end - from >= 2 && LooksAdjective(lex, key_at(from))) h = from + 1;
    if (seg.tokens[static_cast<size_t>(h)].kind != TokenKind::kWord) return -1;
    return h;
  };
  int32_t head = head_of(k, 8, plural);
  if (head < 0 && c.fraction) {
    plural = false;
    head = head_of(k, 8, false);
  }
  if (head < 0) return "";
  int32_t first = head;
  if (head > k) {
    const Token& pre = seg.tokens[static_cast<size_t>(head - 1)];
    std::string pk = TokenKey(doc, pre);
    bool superlative = pk.size() > 4 && pk.compare(pk.size() - 3, 3, "est") == 0;
    if (pre.kind == TokenKind::kWord && lex.drop.count(pk) == 0 && !superlative) first = head - 1;
  }
  int32_t last = head;
  // Coordinated heads: `, high schools, and vocational colleges`, `or party`.
  while (true) {
    int32_t j = last + 1;
    bool comma = key_at(j) == ",";
    if (comma) ++j;
    std::string conj = key_at(j);
    bool has_conj = conj == "and" || conj == "or";
    if (has_conj) ++j;
    if (!comma && !has_conj) break;
    // Not onto another count (`a dozen ministers and dozens of officials`).
    std::string next = key_at(j);
    if (ParseNumber(next) || next == "dozens" || next == "hundreds" || next == "thousands" ||
        next == "millions") {
      break;
    }
    int32_t h = head_of(j, 2, plural);
    if (h < 0) break;
    // A verb and its object, not a second head: `80,000 workers and hosts
    // dozens of smelters`.
    std::string after = key_at(h + 1);
    if (ParseNumber(after) || after == "dozens" || after == "hundreds" || after == "thousands" ||
        after == "millions" || after == "a" || after == "an" || after == "the") {
      break;
    }
    // Only content words between the conjunction and the head.
    last = h;
  }
  const Token& a = seg.tokens[static_cast<size_t>(first)];
  const Token& b = seg.tokens[static_cast<size_t>(last)];
  return std::string(text.substr(a.bstart, b.bend - a.bstart));
}

bool Overlaps(int64_t a, int64_t b, const std::vector<std::pair<int64_t, int64_t>>& taken) {
  for (const auto& [s, e] : taken) {
    if (a < e && s < b) return true;
  }
  return false;
}

}  // namespace

std::string_view FigureLabelName(FigureLabel label) {
  switch (label) {
    case FigureLabel::kCardinal: return "CARDINAL";
    case FigureLabel::kOrdinal: return "ORDINAL";
    case FigureLabel::kMoney: return "MONEY";
    case FigureLabel::kPercent: return "PERCENT";
    case FigureLabel::kQuantity: return "QUANTITY";
  }
  return "CARDINAL";
}

std::vector<std::string> FigureRuleErrors() { return Lexicon::Get().rules.errors(); }

FigureAnnotator::FigureAnnotator() { Lexicon::Get(); }
FigureAnnotator::~FigureAnnotator() = default;

std::vector<FigureSpan> FigureAnnotator::Annotate(
    const Document& doc, const Segmentation& seg,
    const std::vector<std::pair<int64_t, int64_t>>& taken_in) const {
  const Lexicon& lex = Lexicon::Get();
  std::vector<std::pair<int64_t, int64_t>> taken = taken_in;
  std::sort(taken.begin(), taken.end());
  std::vector<FigureSpan> out;
  std::string_view text = doc.text();
  size_t next_taken = 0;
  for (size_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    if (s.token_end <= s.token_begin) continue;
    // The taken ranges that touch this sentence.
    while (next_taken < taken.size() && taken[next_taken].second <= s.bstart) ++next_taken;
    std::vector<std::pair<int64_t, int64_t>> here;
    for (size_t t = next_taken; t < taken.size() && taken[t].first < s.bend; ++t) {
      here.push_back(taken[t]);
    }
    std::vector<int> which = lex.rules.MayMatch(text, s.bstart, s.bend);
    if (which.empty()) continue;
    Boundaries bounds = SentenceBoundaries(seg, s);
    // A figure may neither start nor end inside a taken span, so that the
    // rules look past it (`May 13 100 soldiers`).
    if (!here.empty()) {
      auto inside = [&](int64_t b) {
        for (const auto& [a, e] : here) {
          if (a < b && b < e) return true;
        }
        return false;
      };
      std::erase_if(bounds.starts, inside);
      std::erase_if(bounds.ends, inside);
    }
    std::vector<RuleMatch> matches;
    lex.rules.Find(text, bounds, which, &matches);
    if (matches.empty()) continue;
    Checker checker(lex, doc, seg, s);
    std::vector<Candidate> found;
    for (RuleMatch& m : matches) {
      Candidate c;
      c.match = std::move(m);
      if (!Normalize(lex, text, &c)) continue;
      if (!checker.Passes(lex.rules.rule(c.match.rule), c)) continue;
      // Checked before overlaps are resolved, so that a shorter figure
      // outside a taken span survives a longer one that runs into it.
      // A currency sign may touch a name (`US$2.5 trillion`, where `US` is a
      // GPE); the number may not.
      int64_t from = c.match.bstart;
      if (c.label == FigureLabel::kMoney) {
        auto n = lex.rules.GroupRange(c.match, "n");
        if (n.first > from) from = n.first;
      }
      if (!c.block && Overlaps(from, c.match.bend, here)) continue;
      c.start = doc.ByteToCp(c.match.bstart);
      c.end = doc.ByteToCp(c.match.bend);
      found.push_back(std::move(c));
    }
    std::vector<Candidate> kept = KeepLongest(std::move(found));
    for (Candidate& c : kept) {
      if (c.block) continue;
      if (c.label != FigureLabel::kOrdinal) {
        // TAGSET §3: a modifier stays outside the span and sets mod.
        std::optional<SpanModifier> m = ModifierBefore(doc, seg, s, c.match.bstart);
        if (m && !m->mod.empty()) c.mod = m->mod;
        if (c.label == FigureLabel::kCardinal) c.of = CountedNoun(lex, doc, seg, s, c);
      }
      FigureSpan f;
      f.start = c.start;
      f.end = c.end;
      f.bstart = c.match.bstart;
      f.bend = c.match.bend;
      f.sentence = static_cast<int32_t>(si);
      f.label = c.label;
      f.value = std::move(c.value);
      f.unit = std::move(c.unit);
      f.mod = std::move(c.mod);
      f.of = std::move(c.of);
      f.range = std::move(c.range);
      f.rule = lex.rules.rule(c.match.rule).source;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace relscan
