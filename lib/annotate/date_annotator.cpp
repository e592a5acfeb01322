// The date annotator (TAGSET §2 and gold/iceberg-melted.notes.md, "Dates and
// figures").
//
// Four passes over a segmented document:
//   1. rules: the RE2 patterns of lib/data/dates/date_rules.tsv over each
//      sentence, filtered by token-context checks, each match normalized
//      into a TIMEX3 value where it needs nothing but its own text; where
//      spans overlap, the longest wins, then the earlier rule;
//   2. joins: two dates with `to`, `until`, a dash or `between ... and`
//      between them become one range, and a bare year after a year in a list
//      (`in 2005 and 2009`) becomes a date;
//   3. anchors: the document anchor (--anchor, or a dateline near the top);
//      then, in text order, relative expressions resolved against it or
//      against the nearest earlier date of the text;
//   4. modifiers: `under`, `over`, `about` before a number set `mod` and stay
//      outside the span (TAGSET §2: "as for figures").
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <charconv>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "number_words.h"
#include "regex_rules.h"
#include "relscan/data.h"
#include "relscan/date.h"
#include "relscan/fold.h"
#include "token_context.h"

namespace relscan {
namespace {

constexpr std::string_view kRulesFile = "data/dates/date_rules.tsv";
constexpr std::string_view kMonthsFile = "data/dates/months.tsv";
constexpr std::string_view kWeekdaysFile = "data/dates/weekdays.tsv";
constexpr std::string_view kSeasonsFile = "data/dates/seasons.tsv";
constexpr std::string_view kTimeUnitsFile = "data/dates/time_units.tsv";
constexpr std::string_view kPartModifiersFile = "data/dates/part_modifiers.tsv";
constexpr std::string_view kTimeZonesFile = "data/dates/timezones.tsv";
constexpr std::string_view kYearContextFile = "data/dates/year_context.tsv";
constexpr std::string_view kUnitsFile = "data/figures/units.tsv";
constexpr std::string_view kCurrenciesFile = "data/figures/currencies.tsv";
constexpr std::string_view kCountedNounsFile = "data/figures/counted_nouns.tsv";

// The lines of the document within which a dateline is looked for.
constexpr int kDatelineLines = 5;

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

struct TimeUnit {
  std::string code;  // "Y", "M", "DE"
  bool clock = false;
  std::string singular;
};

// The word lists and the compiled rules, parsed once.
struct Lexicon {
  std::unordered_map<std::string, int> months;    // as written, and in capitals
  std::unordered_map<std::string, int> weekdays;  // as written
  std::unordered_map<std::string, std::string> seasons;    // folded -> SP
  std::unordered_map<std::string, TimeUnit> units;          // folded singular/plural
  std::unordered_map<std::string, std::string> part_mods;  // folded -> START
  std::unordered_set<std::string> measures;  // folded unit, currency and scale words
  std::unordered_set<std::string> rate_units;  // units that end in a rate: "barrels a day"
  std::unordered_map<std::string, std::string> year_context;  // folded word -> prep, weak, det
  RegexRuleSet rules;

  static const Lexicon& Get() {
    static const Lexicon kLexicon = Build();
    return kLexicon;
  }

  static Lexicon Build() {
    Lexicon lex;
    std::vector<std::string> month_forms, month_alone, weekday_forms, seasons, tz, unit1, units,
        eml;
    for (const data::DataLine& l : data::DataLines(data::Find(kMonthsFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 3) continue;
      std::string form(f[0]);
      int month = ToInt(f[1]);
      lex.months[form] = month;
      lex.months[Upper(form)] = month;
      month_forms.push_back(form);
      month_forms.push_back(Upper(form));
      if (f[2] == "yes") {
        month_alone.push_back(form);
        month_alone.push_back(Upper(form));
      }
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kWeekdaysFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 2) continue;
      lex.weekdays[std::string(f[0])] = ToInt(f[1]);
      weekday_forms.emplace_back(f[0]);
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kSeasonsFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 2) continue;
      lex.seasons[PhraseKey(f[0])] = std::string(f[1]);
      seasons.emplace_back(f[0]);
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kTimeUnitsFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 4) continue;
      TimeUnit u{std::string(f[2]), f[3] == "T", std::string(f[0])};
      lex.units[PhraseKey(f[0])] = u;
      lex.units[PhraseKey(f[1])] = u;
      unit1.emplace_back(f[0]);
      units.emplace_back(f[1]);
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kPartModifiersFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() < 2) continue;
      lex.part_mods[PhraseKey(f[0])] = std::string(f[1]);
      eml.emplace_back(f[0]);
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kYearContextFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() >= 2) lex.year_context[PhraseKey(f[0])] = std::string(f[1]);
    }
    for (const data::DataLine& l : data::DataLines(data::Find(kTimeZonesFile))) {
      tz.emplace_back(l.text);
    }
    // A four-digit number before a unit or a currency counts something: it
    // is a figure, not a year (`of 2000 MW`).
    for (std::string_view file : {kUnitsFile, kCurrenciesFile}) {
      for (const data::DataLine& l : data::DataLines(data::Find(file))) {
        std::vector<std::string_view> f = data::SplitTabs(l.text);
        std::string key = PhraseKey(f[0]);
        if (key.find(' ') == std::string::npos) lex.measures.insert(key);
        else lex.measures.insert(key.substr(0, key.find(' ')));
        if (key.find(" per ") != std::string::npos || key.find(" a ") != std::string::npos)
          lex.rate_units.insert(key);
      }
    }
    // Irregular plurals count too (`2000 people`).
    for (const data::DataLine& l : data::DataLines(data::Find(kCountedNounsFile))) {
      std::vector<std::string_view> f = data::SplitTabs(l.text);
      if (f.size() >= 2 && f[1] == "plural") lex.measures.insert(PhraseKey(f[0]));
    }
    for (const char* w : {"%", "percent", "per", "hundred", "thousand", "million", "billion",
                          "trillion", "bn", "m"}) {
      lex.measures.insert(w);
    }
    std::map<std::string, std::string> macros = NumberWordMacros();
    macros["MONTH"] = CaseSensitiveAlternation(month_forms);
    macros["MONTHALONE"] = CaseSensitiveAlternation(month_alone);
    macros["WEEKDAY"] = CaseSensitiveAlternation(weekday_forms);
    macros["SEASON"] = Alternation(seasons);
    macros["TZ"] = CaseSensitiveAlternation(tz);
    std::vector<std::string> all_units = unit1;
    all_units.insert(all_units.end(), units.begin(), units.end());
    macros["TUNIT"] = Alternation(all_units);
    macros["TUNIT1"] = Alternation(unit1);
    macros["TUNITS"] = Alternation(units);
    macros["EML"] = Alternation(eml);
    lex.rules = RegexRuleSet::Load(kRulesFile, macros);
    return lex;
  }
};

// A date as far as it is known: year, month and day (0 when unknown).
struct Ymd {
  int y = 0, m = 0, d = 0;
};

// Reads a value with at least a year ("2022", "2022-11", "2022-11-18").
std::optional<Ymd> ParseYmd(std::string_view v) {
  auto digits = [&](size_t at, size_t n) {
    if (at + n > v.size()) return false;
    for (size_t i = at; i < at + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return std::nullopt;
  Ymd r;
  r.y = ToInt(v.substr(0, 4));
  if (v.size() == 4) return r;
  if (v.size() >= 7 && v[4] == '-' && digits(5, 2)) {
    r.m = ToInt(v.substr(5, 2));
    if (v.size() == 7) return r;
    if (v.size() == 10 && v[7] == '-' && digits(8, 2)) {
      r.d = ToInt(v.substr(8, 2));
      return r;
    }
  }
  return std::nullopt;
}

bool ValidDay(int y, int m, int d) {
  using namespace std::chrono;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  if (y == 0) return d <= static_cast<int>(static_cast<unsigned>(
                               (year{2000} / month{static_cast<unsigned>(m)} / last).day()));
  return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}.ok();
}

std::string FormatYmd(int y, int m, int d) {
  std::string year = y == 0 ? "XXXX" : fmt::format("{:04d}", y);
  if (m == 0) return year;
  if (d == 0) return fmt::format("{}-{:02d}", year, m);
  return fmt::format("{}-{:02d}-{:02d}", year, m, d);
}

std::chrono::sys_days Days(const Ymd& a) {
  using namespace std::chrono;
  return sys_days{year{a.y} / month{static_cast<unsigned>(a.m)} / day{static_cast<unsigned>(a.d)}};
}

Ymd FromDays(std::chrono::sys_days sd) {
  using namespace std::chrono;
  year_month_day x{sd};
  return {static_cast<int>(x.year()), static_cast<int>(static_cast<unsigned>(x.month())),
          static_cast<int>(static_cast<unsigned>(x.day()))};
}

// ISO 8601 week of a date: "2023-W38".
std::string IsoWeek(std::chrono::sys_days sd) {
  using namespace std::chrono;
  unsigned iso = weekday{sd}.iso_encoding();
  sys_days thursday = sd + days{4 - static_cast<int>(iso)};
  year y = year_month_day{thursday}.year();
  int week = static_cast<int>((thursday - sys_days{y / January / 1}).count()) / 7 + 1;
  return fmt::format("{:04d}-W{:02d}", static_cast<int>(y), week);
}

// What a relative expression needs from its anchor, and how far it moves.
struct Shift {
  std::string unit;   // "year", "month", "week", "day", "decade", "century",
                      // "season", "month_name", "weekday"
  int amount = 0;
  bool fuzzy = false; // "a few days later": an anchor, but no value
  std::string season;  // SP for season shifts
  int month = 0;       // for month_name
  int weekday = 0;     // for weekday (ISO, Monday = 1)
  std::string suffix;  // after a year: "-H1", "-Q3" (`the first half of this year`)
  bool past_ref = false;  // `several years ago`: PAST_REF when fuzzy
};

int SeasonIndex(std::string_view code) {
  if (code == "WI") return 0;
  if (code == "SP") return 1;
  if (code == "SU") return 2;
  if (code == "FA") return 3;
  return -1;
}

int SeasonOfMonth(int m) { return m == 12 || m <= 2 ? 0 : m <= 5 ? 1 : m <= 8 ? 2 : 3; }

// Applies a shift to an anchor; nullopt when the anchor is not precise
// enough (`the following day` after a bare year) or the shift is fuzzy.
std::optional<std::string> ApplyShift(const Ymd& a, const Shift& s) {
  using namespace std::chrono;
  if (s.fuzzy) return std::nullopt;
  if (s.unit == "year") return fmt::format("{:04d}{}", a.y + s.amount, s.suffix);
  if (s.unit == "decade") return fmt::format("{:03d}", a.y / 10 + s.amount);
  if (s.unit == "century") return fmt::format("{:02d}", a.y / 100 + s.amount);
  if (s.unit == "month") {
    if (a.m == 0) return std::nullopt;
    year_month ym = year{a.y} / month{static_cast<unsigned>(a.m)};
    ym += months{s.amount};
    return fmt::format("{:04d}-{:02d}", static_cast<int>(ym.year()),
                       static_cast<unsigned>(ym.month()));
  }
  if (s.unit == "week") {
    if (a.d == 0) return std::nullopt;
    return IsoWeek(Days(a) + days{7 * s.amount});
  }
  if (s.unit == "day") {
    if (a.d == 0) return std::nullopt;
    Ymd r = FromDays(Days(a) + days{s.amount});
    return FormatYmd(r.y, r.m, r.d);
  }
  if (s.unit == "season") {
    int want = SeasonIndex(s.season);
    if (s.amount == 0) return fmt::format("{:04d}-{}", a.y, s.season);
    if (a.m == 0) return std::nullopt;
    int now = SeasonOfMonth(a.m);
    int y = a.y;
    if (s.amount < 0 && want >= now) --y;
    if (s.amount > 0 && want <= now) ++y;
    return fmt::format("{:04d}-{}", y, s.season);
  }
  if (s.unit == "month_name") {
    if (s.amount == 0) return fmt::format("{:04d}-{:02d}", a.y, s.month);
    if (a.m == 0) return std::nullopt;
    int y = a.y;
    if (s.amount < 0 && s.month >= a.m) --y;
    if (s.amount > 0 && s.month <= a.m) ++y;
    return fmt::format("{:04d}-{:02d}", y, s.month);
  }
  if (s.unit == "weekday") {
    if (a.d == 0) return std::nullopt;
    sys_days sd = Days(a);
    int today = static_cast<int>(weekday{sd}.iso_encoding());
    int delta = s.weekday - today;
    if (s.amount < 0) delta = delta < 0 ? delta : delta - 7;
    if (s.amount > 0) delta = delta > 0 ? delta : delta + 7;
    Ymd r = FromDays(sd + days{delta});
    return FormatYmd(r.y, r.m, r.d);
  }
  return std::nullopt;
}

enum class Anchoring { kNone, kDocument, kText };

// One candidate span, normalized as far as its own text allows.
struct Candidate {
  RuleMatch match;
  int32_t sentence = 0;
  int64_t start = 0, end = 0;  // code points
  DateLabel label = DateLabel::kDate;
  std::optional<std::string> value;
  std::string mod, tz, rule;
  std::optional<std::pair<std::string, std::string>> range;
  bool ambiguous = false;
  // Still to do once anchors are known.
  Anchoring anchoring = Anchoring::kNone;
  Shift shift;
  bool needs_year = false;   // XXXX-MM(-DD): the year comes from an anchor
  bool today = false;        // `today`: the document anchor, else PRESENT_REF
  int32_t anchor = -1;
  bool anchored_to_document = false;
};

// A lower-case word that looks plural: after a number it counts something
// (`2000 people`), so the number is not a year.
bool IsLowerPlural(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  std::string_view text = TokenText(doc, t);
  if (text.size() <= 3 || text[0] < 'a' || text[0] > 'z') return false;
  return text.back() == 's' && text[text.size() - 2] != 's';
}

// Says whether the token after a four-digit number makes it a count: a
// unit, a currency, a scale word or a plural noun.
bool CountsSomething(const Lexicon& lex, const Document& doc, const Segmentation& seg,
                     const Sentence& s, int32_t k) {
  if (k < s.token_begin || k >= s.token_end) return false;
  const Token& t = seg.tokens[static_cast<size_t>(k)];
  std::string key = TokenKey(doc, t);
  return lex.measures.count(key) > 0 || lex.units.count(key) > 0 || IsLowerPlural(doc, t);
}

// Checks a token-context predicate named in the rules file.
class Checker {
 public:
  Checker(const Lexicon& lex, const Document& doc, const Segmentation& seg, const Sentence& s)
      : lex_(lex), doc_(doc), seg_(seg), s_(s) {}

  bool Passes(const RegexRule& rule, const RuleMatch& m) const {
    if (rule.check.empty()) return true;
    if (rule.check == "year") return YearContext(m, "");
    if (rule.check == "year_prep") return YearAfterPreposition(m);
    if (rule.check == "year_det") return YearAfterDeterminer(m);
    if (rule.check == "noun_end") return NounEnd(m);
    if (rule.check == "hour") return Hour(m);
    if (rule.check == "not_after_ordinal") return !AfterOrdinal(m);
    if (rule.check == "rate") return AfterCount(m);
    if (rule.check == "measure") return AfterMeasureWord(m);
    return true;
  }

 private:
  // The token after the span, or -1 (end of sentence, or the span ends
  // inside a hyphen compound, in which case *inside is set).
  int32_t Next(const RuleMatch& m, bool* inside) const {
    int32_t last = TokenContaining(seg_, s_, m.bend - 1);
    *inside = last >= 0 && static_cast<int64_t>(seg_.tokens[static_cast<size_t>(last)].bend) > m.bend;
    int32_t k = TokenAtOrAfter(seg_, s_, m.bend);
    return k < s_.token_end ? k : -1;
  }

  // The kind of a word in year_context.tsv ("prep", "weak", "det"), or "".
  std::string_view ContextKind(int32_t k) const {
    if (k < s_.token_begin) return "";
    auto it = lex_.year_context.find(TokenKey(doc_, seg_.tokens[static_cast<size_t>(k)]));
    return it == lex_.year_context.end() ? std::string_view() : std::string_view(it->second);
  }

  // `the 19th and 20th centuries` are not a duration of centuries.
  // `55.5 billion cubic meters a year`, `twice a month`, `1-2 hours a
  // day`: right after a count (a number, `once`, `twice`, `times`), or
  // after what counts something (a unit, a currency, a scale word, a
  // plural) with a number at most four words further back, no punctuation
  // between. Not `2022 was a year`, nor `barrels a day` (a figure's unit).
  bool AfterCount(const RuleMatch& m) const {
    int32_t k = TokenEndingBy(seg_, s_, m.bstart);
    if (k < s_.token_begin) return false;
    const Token& prev = seg_.tokens[static_cast<size_t>(k)];
    std::string key = TokenKey(doc_, prev);
    std::string unit = key + " " + PhraseKey(doc_.text().substr(
                                       static_cast<size_t>(m.bstart),
                                       static_cast<size_t>(m.bend - m.bstart)));
    if (lex_.rate_units.count(unit)) return false;
    auto is_count = [&](const Token& t) {
      if (t.kind == TokenKind::kNumber) return true;
      std::string w = TokenKey(doc_, t);
      return t.kind == TokenKind::kWord &&
             (w == "once" || w == "twice" || w == "times" || ParseNumber(w).has_value());
    };
    if (is_count(prev)) return true;
    if (!CountsSomething(lex_, doc_, seg_, s_, k)) {
      // `90,000 barrels of oil a day`: what is counted, "of", what of.
      int32_t of = k - 1;
      while (of > k - 4 && of >= s_.token_begin &&
             TokenKey(doc_, seg_.tokens[static_cast<size_t>(of)]) != "of" &&
             seg_.tokens[static_cast<size_t>(of)].kind == TokenKind::kWord)
        --of;
      if (of <= k - 4 || of - 1 < s_.token_begin ||
          TokenKey(doc_, seg_.tokens[static_cast<size_t>(of)]) != "of" ||
          !CountsSomething(lex_, doc_, seg_, s_, of - 1))
        return false;
      k = of - 1;
    }
    for (int32_t back = 1; back <= 4 && k - back >= s_.token_begin; ++back) {
      const Token& t = seg_.tokens[static_cast<size_t>(k - back)];
      if (is_count(t)) return true;
      if (t.kind != TokenKind::kWord) return false;
    }
    return false;
  }

  // `for a year`, `more than a decade`, `in a week`: "a" + unit is a
  // length of time after a word that takes one; not `a year of change`.
  bool AfterMeasureWord(const RuleMatch& m) const {
    static const std::unordered_set<std::string_view> kBefore = {
        "for",    "in",     "over", "within", "after", "than",   "nearly", "almost",
        "about",  "around", "roughly", "some", "least", "only",  "just",   "barely",
        "under",  "took",   "takes", "take",  "lasted", "lasts", "last",   "spent",
        "spend",  "spends", "waited", "wait", "during", "through"};
    int32_t k = TokenEndingBy(seg_, s_, m.bstart);
    if (k < s_.token_begin) return false;
    return kBefore.count(TokenKey(doc_, seg_.tokens[static_cast<size_t>(k)])) > 0;
  }

  bool AfterOrdinal(const RuleMatch& m) const {
    int32_t k = TokenEndingBy(seg_, s_, m.bstart);
    if (k < s_.token_begin) return false;
    return ParseOrdinal(TokenText(doc_, seg_.tokens[static_cast<size_t>(k)])).has_value();
  }

  // `in 2006`, `since 2018`, `of 1950`; `between 2005 and 2009`, but not
  // `between 1500 and 2000 troops`.
  bool YearAfterPreposition(const RuleMatch& m) const {
    int32_t prev = TokenEndingBy(seg_, s_, m.bstart);
    std::string_view kind = ContextKind(prev);
    if (kind != "prep" && kind != "weak") return false;
    if (TokenKey(doc_, seg_.tokens[static_cast<size_t>(prev)]) == "between") {
      int32_t k = TokenAtOrAfter(seg_, s_, m.bend);
      if (k + 1 >= s_.token_end) return false;
      if (TokenKey(doc_, seg_.tokens[static_cast<size_t>(k)]) != "and") return false;
      if (seg_.tokens[static_cast<size_t>(k + 1)].kind != TokenKind::kNumber) return false;
      if (CountsSomething(lex_, doc_, seg_, s_, k + 2)) return false;
    }
    return YearContext(m, kind);
  }

  // `the 2020 war`, `the infamous 2011 Wikileaks cable`, `Azerbaijan's 2020
  // victory`: a determiner, at most two lower-case words, the year, a word.
  bool YearAfterDeterminer(const RuleMatch& m) const {
    int32_t k = TokenEndingBy(seg_, s_, m.bstart);
    for (int skipped = 0; skipped <= 2 && k >= s_.token_begin; ++skipped, --k) {
      if (ContextKind(k) == "det") return YearContext(m, "det");
      const Token& t = seg_.tokens[static_cast<size_t>(k)];
      std::string_view text = TokenText(doc_, t);
      if (t.kind != TokenKind::kWord || !(text[0] >= 'a' && text[0] <= 'z')) return false;
    }
    return false;
  }

  // TAGSET §2: four-digit numbers are years only in a date context; one
  // that counts something (`of 2000 MW`, `for 1500 soldiers`) is a figure.
  bool YearContext(const RuleMatch& m, std::string_view kind) const {
    const RegexRuleSet& rules = lex_.rules;
    bool determiner = kind == "det";
    bool inside = false;
    int32_t k = Next(m, &inside);
    if (inside) return !determiner;
    int year = ToInt(rules.Group(doc_.text(), m, "y"));
    if (k < 0) return !determiner;
    const Token& t = seg_.tokens[static_cast<size_t>(k)];
    std::string key = TokenKey(doc_, t);
    if (lex_.measures.count(key) > 0 || lex_.units.count(key) > 0) return false;
    bool plural_noun = IsLowerPlural(doc_, t);
    if (determiner) {
      // A year before a noun; but `the 1500 soldiers` counts them.
      if (t.kind != TokenKind::kWord) return false;
      if (plural_noun && year < 1900) return false;
      return true;
    }
    if (plural_noun && kind == "weak") return false;
    return true;
  }

  // `the future` and `the past` are nouns here, not adjectives (`the future
  // embassy`, `future-altering`).
  bool NounEnd(const RuleMatch& m) const {
    static const std::unordered_set<std::string_view> kAllowed = {
        "of", "for", "and", "or", "but", "that", "as", "in", "with", "to", "at", "on", "by",
        "from", "is", "was", "will", "would", "may", "might", "can", "could", "should", "must",
        "seems", "seemed", "looks", "looked", "holds", "held", "lies", "lay", "remains", "belongs",
        "depends", "appears", "has", "had", "does", "did", "not", "are", "were", "be", "been",
        "we", "i", "they", "he", "she", "it", "there", "when", "where", "if", "than", "so"};
    bool inside = false;
    int32_t k = Next(m, &inside);
    if (inside) return false;
    if (k < 0) return true;
    const Token& t = seg_.tokens[static_cast<size_t>(k)];
    if (t.kind != TokenKind::kWord) return true;
    std::string_view text = TokenText(doc_, t);
    if (!(text[0] >= 'a' && text[0] <= 'z')) return true;
    return kAllowed.count(TokenKey(doc_, t)) > 0;
  }

  // A clock time: hours in range, and a bare `3:15` only after `at`, `from`
  // and the like, or past noon, so that ratios and verses are left alone.
  bool Hour(const RuleMatch& m) const {
    const RegexRuleSet& rules = lex_.rules;
    int hh = ToInt(rules.Group(doc_.text(), m, "hh"));
    bool ampm = rules.Has(m, "ampm");
    if (ampm) return hh >= 1 && hh <= 12;
    if (hh > 24) return false;
    if (rules.Has(m, "tz") || hh >= 13) return true;
    int32_t k = TokenEndingBy(seg_, s_, m.bstart);
    if (k < s_.token_begin) return false;
    static const std::unordered_set<std::string_view> kBefore = {
        "at", "from", "until", "till", "by", "to", "around", "before", "after", "since"};
    return kBefore.count(TokenKey(doc_, seg_.tokens[static_cast<size_t>(k)])) > 0;
  }

  const Lexicon& lex_;
  const Document& doc_;
  const Segmentation& seg_;
  const Sentence& s_;
};

std::string ModOf(const Lexicon& lex, std::string_view text) {
  if (text.empty()) return "";
  auto it = lex.part_mods.find(PhraseKey(text));
  return it == lex.part_mods.end() ? "" : it->second;
}

int MonthOf(const Lexicon& lex, std::string_view text) {
  auto it = lex.months.find(std::string(text));
  return it == lex.months.end() ? 0 : it->second;
}

std::optional<int64_t> WholeNumber(std::string_view text) {
  std::string key = PhraseKey(text);
  if (key == "a" || key == "an") return 1;
  std::optional<Decimal> d = ParseNumber(text);
  if (!d || !d->IsInteger()) return std::nullopt;
  return d->ToInt();
}

// Turns a rule match into a candidate; false when the match does not
// describe a real date (31 February, a range that runs backwards).
bool Normalize(const Lexicon& lex, const Document& doc, const DateOptions& options,
               Candidate* c) {
  const RegexRuleSet& rules = lex.rules;
  const RegexRule& rule = rules.rule(c->match.rule);
  const RuleMatch& m = c->match;
  std::string_view text = doc.text();
  auto group = [&](std::string_view name) { return rules.Group(text, m, name); };
  auto has = [&](std::string_view name) { return rules.Has(m, name); };
  const std::string& action = rule.action;
  c->rule = rule.source;
  c->mod = ModOf(lex, group("mod"));

  if (action == "date") {
    if (has("dow") && !has("m")) {  // a weekday alone: TIMEX3 XXXX-WXX-N
      auto it = lex.weekdays.find(std::string(group("dow")));
      if (it == lex.weekdays.end()) return false;
      c->value = fmt::format("XXXX-WXX-{}", it->second);
      return true;
    }
    int y = has("y") ? ToInt(group("y")) : 0;
    int mo = has("m") ? MonthOf(lex, group("m")) : has("mn") ? ToInt(group("mn")) : 0;
    int d = has("d") ? ToInt(group("d")) : 0;
    if (has("m") && mo == 0) return false;
    if (d != 0 && !ValidDay(y, mo, d)) return false;
    c->value = FormatYmd(y, mo, d);
    if (has("ry")) {
      std::string ry = PhraseKey(group("ry"));
      c->anchoring = Anchoring::kText;
      c->shift.unit = "year";
      c->shift.amount = ry == "the following" || ry == "the next" ? 1 : ry == "the previous" ? -1 : 0;
      c->needs_year = true;
    } else if (y == 0) {
      c->needs_year = true;
    }
    return true;
  }
  if (action == "numeric") {
    int a = ToInt(group("a")), b = ToInt(group("b")), y = ToInt(group("y"));
    int mo = 0, d = 0;
    if (a > 12 && b <= 12) {
      d = a;
      mo = b;
    } else if (b > 12 && a <= 12) {
      mo = a;
      d = b;
    } else if (a <= 12 && b <= 12) {
      // TAGSET §2: order unknown: flag it and use --date-order.
      c->ambiguous = a != b;
      if (options.order == DateOrder::kDmy) {
        d = a;
        mo = b;
      } else {
        mo = a;
        d = b;
      }
    } else {
      return false;
    }
    if (!ValidDay(y, mo, d)) return false;
    c->value = FormatYmd(y, mo, d);
    return true;
  }
  if (action == "range") {
    std::string begin, end;
    if (has("y2") || has("yy")) {
      int y = ToInt(group("y"));
      int y2 = has("y2") ? ToInt(group("y2")) : y / 100 * 100 + ToInt(group("yy"));
      // TAGSET §2: 2005-2009 is 2005/2009; 2012-13 (fiscal) is 2012/2013.
      if (y2 <= y || y2 - y > 100) return false;
      begin = fmt::format("{:04d}", y);
      end = fmt::format("{:04d}", y2);
    } else if (has("d2")) {
      int y = has("y") ? ToInt(group("y")) : 0;
      int mo = MonthOf(lex, group("m"));
      int d = ToInt(group("d")), d2 = ToInt(group("d2"));
      if (mo == 0 || d2 <= d || !ValidDay(y, mo, d) || !ValidDay(y, mo, d2)) return false;
      begin = FormatYmd(y, mo, d);
      end = FormatYmd(y, mo, d2);
      if (y == 0) c->needs_year = true;
    } else if (has("m2")) {
      int y = ToInt(group("y"));
      int mo = MonthOf(lex, group("m")), mo2 = MonthOf(lex, group("m2"));
      if (mo == 0 || mo2 <= mo) return false;
      begin = FormatYmd(y, mo, 0);
      end = FormatYmd(y, mo2, 0);
    } else {
      return false;
    }
    c->range = std::make_pair(begin, end);
    c->value = begin + "/" + end;
    return true;
  }
  if (action == "decade") {
    std::string_view dec = group("dec");
    c->value = std::string(dec.substr(0, 3));  // the 1990s -> 199
    return true;
  }
  if (action == "century") {
    std::optional<int64_t> n = ParseOrdinal(group("cen"));
    if (!n || *n < 1 || *n > 30) return false;
    c->value = fmt::format("{:02d}", *n - 1);  // the 21st century -> 20
    return true;
  }
  if (action == "season") {
    auto it = lex.seasons.find(PhraseKey(group("season")));
    if (it == lex.seasons.end()) return false;
    c->value = fmt::format("{}-{}", has("y") ? group("y") : "XXXX", it->second);
    return true;
  }
  if (action == "quarter" || action == "half") {
    std::string_view q = group(action == "quarter" ? "q" : "h");
    int n = q[0] >= '0' && q[0] <= '9' ? q[0] - '0' : static_cast<int>(ParseOrdinal(q).value_or(0));
    if (n < 1 || n > (action == "quarter" ? 4 : 2)) return false;
    c->value = fmt::format("{}-{}{}", has("y") ? group("y") : "XXXX", action == "quarter" ? 'Q' : 'H', n);
    return true;
  }
  if (action.rfind("literal:", 0) == 0) {
    c->value = action.substr(8);
    return true;
  }
  if (action == "today") {
    c->today = true;
    c->value = "PRESENT_REF";
    return true;
  }
  if (action == "duration") {
    std::string unit_key = PhraseKey(group("unit"));
    auto it = lex.units.find(unit_key);
    if (it == lex.units.end()) return false;
    const TimeUnit& u = it->second;
    std::string prefix = u.clock ? "PT" : "P";
    if (has("fz")) {
      c->value = prefix + "X" + u.code;
    } else if (has("fzn")) {
      // `hundreds of years` -> centuries, `thousands of years` -> millennia.
      std::string fzn = PhraseKey(group("fzn"));
      std::string code = u.code;
      if (u.code == "Y") code = fzn == "hundreds" ? "CE" : fzn == "thousands" ? "ML" : "DE";
      c->value = prefix + "X" + code;
    } else if (has("half") || has("quarter") || has("quarters3")) {
      // `half a century` -> P50Y, `a quarter of a century` -> P25Y, `half
      // a year` -> P6M: whole years where they come out whole, else months.
      int quarters = has("half") ? 2 : has("quarters3") ? 3 : 1;
      int years = u.code == "CE" ? 100 : u.code == "DE" ? 10 : u.code == "Y" ? 1 : 0;
      if (years == 0) return false;
      int months = years * 12 * quarters / 4;
      c->value = months % 12 == 0 ? fmt::format("P{}Y", months / 12) : fmt::format("P{}M", months);
    } else if (has("n")) {
      std::optional<Decimal> n = ParseNumber(group("n"));
      if (!n) return false;
      c->value = prefix + n->ToString() + u.code;
      if (has("n2")) {
        std::optional<Decimal> n2 = ParseNumber(group("n2"));
        if (!n2 || n2->Compare(*n) <= 0) return false;
        c->range = std::make_pair(*c->value, prefix + n2->ToString() + u.code);
      }
    } else if (unit_key == u.singular) {
      c->value = prefix + "1" + u.code;  // `the past year` -> P1Y
    } else {
      c->value = prefix + "X" + u.code;  // `decades` -> PXDE, `the years` -> PXY
    }
    return true;
  }
  if (action == "relative" || action == "relative_text") {
    c->anchoring = action == "relative" ? Anchoring::kDocument : Anchoring::kText;
    std::string dir = PhraseKey(group("dir"));
    Shift& s = c->shift;
    if (dir == "yesterday" || dir == "tomorrow") {
      s.unit = "day";
      s.amount = dir == "yesterday" ? -1 : 1;
      return true;
    }
    int sign = 0;
    if (dir == "ago" || dir == "earlier" || dir == "last" || dir == "previous" ||
        dir == "past" || dir == "this past" ||
        dir == "preceding" || dir == "prior" || dir == "before") {
      sign = -1;
    } else if (dir == "later" || dir == "afterwards" || dir == "afterward" ||
               dir == "thereafter" || dir == "next" || dir == "following" ||
               dir == "subsequent" || dir == "after" || dir == "this coming" ||
               dir == "coming" || dir == "upcoming") {
      sign = 1;
    }
    int amount = 1;
    if (dir == "this" || dir == "same" || dir == "that" || dir == "the") amount = 0;
    s.past_ref = dir == "ago";
    if (has("n")) {
      std::optional<int64_t> v = WholeNumber(group("n"));
      if (v) amount = static_cast<int>(*v);
      else s.fuzzy = true;  // `a few days later`, `2.5 years ago`
    }
    s.amount = sign * amount;
    if (has("h") || has("q")) {
      // `the first half of this year` -> 2023-H1, `the third quarter of the
      // year` -> 2023-Q3.
      bool half = has("h");
      std::optional<int64_t> n = ParseOrdinal(group(half ? "h" : "q"));
      if (!n) return false;
      s.unit = "year";
      s.suffix = fmt::format("-{}{}", half ? 'H' : 'Q', *n);
    } else if (has("season")) {
      auto it = lex.seasons.find(PhraseKey(group("season")));
      if (it == lex.seasons.end()) return false;
      s.unit = "season";
      s.season = it->second;
    } else if (has("m")) {
      s.unit = "month_name";
      s.month = MonthOf(lex, group("m"));
      if (s.month == 0) return false;
    } else if (has("dow")) {
      auto it = lex.weekdays.find(std::string(group("dow")));
      if (it == lex.weekdays.end()) return false;
      s.unit = "weekday";
      s.weekday = it->second;
    } else {
      auto it = lex.units.find(PhraseKey(group("unit")));
      if (it == lex.units.end()) return false;
      s.unit = it->second.singular;
      if (it->second.clock) s.fuzzy = true;  // hours ago: below a day
    }
    return true;
  }
  if (action == "time") {
    if (has("word")) {
      c->value = PhraseKey(group("word")) == "noon" ? "T12:00" : "T24:00";
      return true;
    }
    int hh = ToInt(group("hh"));
    int mm = has("mm") ? ToInt(group("mm")) : 0;
    if (has("ampm")) {
      bool pm = PhraseKey(group("ampm"))[0] == 'p';
      if (pm && hh < 12) hh += 12;
      if (!pm && hh == 12) hh = 0;
    }
    c->value = fmt::format("T{:02d}:{:02d}", hh, mm);
    if (has("tz")) c->tz = std::string(group("tz"));
    return true;
  }
  if (action == "set") {
    if (has("adv")) {
      std::string adv = PhraseKey(group("adv"));
      c->value = adv == "annually" || adv == "yearly" ? "P1Y"
                 : adv == "monthly"                   ? "P1M"
                 : adv == "weekly"                    ? "P1W"
                 : adv == "daily"                     ? "P1D"
                 : adv == "hourly"                    ? "PT1H"
                                                      : "P3M";
      return true;
    }
    std::string unit_key = PhraseKey(group("unit"));
    if (unit_key == "annum") unit_key = "year";
    auto it = lex.units.find(unit_key);
    if (it == lex.units.end()) return false;
    std::string n = "1";
    if (has("n")) {
      if (PhraseKey(group("n")) == "other") {
        n = "2";
      } else {
        std::optional<Decimal> d = ParseNumber(group("n"));
        if (!d) return false;
        n = d->ToString();
      }
    }
    c->value = (it->second.clock ? "PT" : "P") + n + it->second.code;
    return true;
  }
  return false;
}

DateLabel LabelOf(std::string_view name) {
  if (name == "DURATION") return DateLabel::kDuration;
  if (name == "TIME") return DateLabel::kTime;
  if (name == "SET") return DateLabel::kSet;
  return DateLabel::kDate;
}

// Pass 1 over one sentence: matches, checks, values, overlaps.
void SentenceCandidates(const Lexicon& lex, const Document& doc, const Segmentation& seg,
                        int32_t si, const DateOptions& options, std::vector<Candidate>* out) {
  const Sentence& s = seg.sentences[static_cast<size_t>(si)];
  if (s.token_end <= s.token_begin) return;
  std::vector<int> which = lex.rules.MayMatch(doc.text(), s.bstart, s.bend);
  if (which.empty()) return;
  Boundaries bounds = SentenceBoundaries(seg, s);
  std::vector<RuleMatch> matches;
  lex.rules.Find(doc.text(), bounds, which, &matches);
  if (matches.empty()) return;
  Checker checker(lex, doc, seg, s);
  std::vector<Candidate> found;
  for (RuleMatch& m : matches) {
    const RegexRule& rule = lex.rules.rule(m.rule);
    if (!checker.Passes(rule, m)) continue;
    Candidate c;
    c.match = std::move(m);
    c.sentence = si;
    c.label = LabelOf(rule.label);
    c.start = doc.ByteToCp(c.match.bstart);
    c.end = doc.ByteToCp(c.match.bend);
    if (!Normalize(lex, doc, options, &c)) continue;
    found.push_back(std::move(c));
  }
  // The longest span wins, then the earlier rule (the file lists the more
  // specific rules first).
  for (Candidate& c : KeepLongest(std::move(found))) out->push_back(std::move(c));
}

// A value with at least a year that a later expression may refer back to.
bool IsPointValue(const Candidate& c) {
  return c.label == DateLabel::kDate && c.value && !c.range && ParseYmd(*c.value).has_value();
}

bool IsYearToken(const Document& doc, const Token& t, int* year) {
  std::string_view text = TokenText(doc, t);
  if (t.kind != TokenKind::kNumber || text.size() != 4) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  *year = ToInt(text);
  return *year >= 1000 && *year <= 2100;
}

// Pass 2: ranges written `X to Y`, `X until Y`, `between X and Y`, `X - Y`
// across two dates, and years listed after a year (`in 1965, 1966 and 1967`).
void Join(const Lexicon& lex, const Document& doc, const Segmentation& seg,
          std::vector<Candidate>* cands) {
  static const std::unordered_set<std::string_view> kRangeWords = {"to", "until", "till",
                                                                     "through", "thru"};
  std::vector<Candidate> out;
  for (size_t i = 0; i < cands->size(); ++i) {
    Candidate c = (*cands)[i];
    const Sentence& s = seg.sentences[static_cast<size_t>(c.sentence)];
    auto next_token = [&](int64_t b) { return TokenAtOrAfter(seg, s, b); };
    bool point = c.label == DateLabel::kDate && c.value && !c.range && c.anchoring == Anchoring::kNone &&
                 (ParseYmd(*c.value) || c.value->rfind("XXXX-", 0) == 0) &&
                 c.value->find('W') == std::string::npos;
    if (!point) {
      out.push_back(std::move(c));
      continue;
    }
    int32_t k = next_token(c.match.bend);
    if (k >= s.token_end) {
      out.push_back(std::move(c));
      continue;
    }
    const Token& sep = seg.tokens[static_cast<size_t>(k)];
    std::string sep_key = TokenKey(doc, sep);
    bool dash = sep.kind == TokenKind::kPunct &&
                (sep_key == "-" || sep_key == "\xE2\x80\x93" || sep_key == "\xE2\x80\x94");
    int32_t before = TokenEndingBy(seg, s, c.match.bstart);
    bool between = before >= s.token_begin &&
                   TokenKey(doc, seg.tokens[static_cast<size_t>(before)]) == "between";
    bool range_sep = dash || kRangeWords.count(sep_key) > 0 || (between && sep_key == "and");
    std::optional<std::string> end_value;
    int64_t end_b = 0;
    bool absorbed_next = false;
    if (range_sep && k + 1 < s.token_end) {
      const Token& after = seg.tokens[static_cast<size_t>(k + 1)];
      if (i + 1 < cands->size() && (*cands)[i + 1].sentence == c.sentence &&
          (*cands)[i + 1].match.bstart == static_cast<int64_t>(after.bstart)) {
        const Candidate& n = (*cands)[i + 1];
        bool n_point = n.label == DateLabel::kDate && n.value && !n.range &&
                       n.anchoring == Anchoring::kNone &&
                       (ParseYmd(*n.value) || n.value->rfind("XXXX-", 0) == 0) &&
                       n.value->find('W') == std::string::npos;
        if (n_point) {
          end_value = *n.value;
          end_b = n.match.bend;
          absorbed_next = true;
        }
      } else {
        int y = 0;
        std::optional<Ymd> a = ParseYmd(*c.value);
        if (a && a->m == 0 && IsYearToken(doc, after, &y) && y > a->y) {
          int32_t k2 = k + 2;
          bool measure = CountsSomething(lex, doc, seg, s, k2);
          if (!measure) {
            end_value = fmt::format("{:04d}", y);
            end_b = after.bend;
          }
        }
      }
    }
    if (end_value) {
      std::string begin = *c.value;
      // `late January to mid-March 1993`: the begin takes the end's year.
      if (begin.rfind("XXXX", 0) == 0 && end_value->rfind("XXXX", 0) != 0) {
        begin = end_value->substr(0, 4) + begin.substr(4);
      }
      std::optional<Ymd> b1 = ParseYmd(begin), b2 = ParseYmd(*end_value);
      bool ordered = !b1 || !b2 || std::tie(b1->y, b1->m, b1->d) < std::tie(b2->y, b2->m, b2->d);
      if (ordered) {
        c.range = std::make_pair(begin, *end_value);
        c.value = begin + "/" + *end_value;
        c.mod.clear();
        c.needs_year = begin.rfind("XXXX", 0) == 0;
        c.match.bend = end_b;
        c.end = doc.ByteToCp(end_b);
        out.push_back(std::move(c));
        if (absorbed_next) ++i;
        continue;
      }
    }
    // A year listed after a year: `in 2005 and 2009`, `in 1965, 1966 and 1967`.
    out.push_back(c);
    std::optional<Ymd> a = ParseYmd(*c.value);
    if (!a || a->m != 0) continue;
    int32_t j = next_token(c.match.bend);
    while (j < s.token_end) {
      std::string key = TokenKey(doc, seg.tokens[static_cast<size_t>(j)]);
      int32_t y_at = -1;
      if (key == "and" || key == "or") {
        y_at = j + 1;
      } else if (key == ",") {
        y_at = j + 1;
        if (y_at < s.token_end) {
          std::string k2 = TokenKey(doc, seg.tokens[static_cast<size_t>(y_at)]);
          if (k2 == "and" || k2 == "or") ++y_at;
        }
      }
      if (y_at < 0 || y_at >= s.token_end) break;
      const Token& t = seg.tokens[static_cast<size_t>(y_at)];
      int y = 0;
      if (!IsYearToken(doc, t, &y)) break;
      if (i + 1 < cands->size() && (*cands)[i + 1].match.bstart <= static_cast<int64_t>(t.bstart) &&
          (*cands)[i + 1].sentence == c.sentence) {
        break;  // already a date of its own
      }
      int32_t after = y_at + 1;
      if (CountsSomething(lex, doc, seg, s, after)) break;
      Candidate listed = c;
      listed.match.bstart = t.bstart;
      listed.match.bend = t.bend;
      listed.start = doc.ByteToCp(t.bstart);
      listed.end = doc.ByteToCp(t.bend);
      listed.value = fmt::format("{:04d}", y);
      listed.mod.clear();
      out.push_back(listed);
      j = after;
    }
  }
  *cands = std::move(out);
}

// The line (1-based) of a byte offset, counting at most up to `limit`.
int LineOf(std::string_view text, int64_t b, int limit) {
  int line = 1;
  for (int64_t i = 0; i < b && line <= limit; ++i) {
    if (text[static_cast<size_t>(i)] == '\n') ++line;
  }
  return line;
}

DateAnchor DatelineIn(const Document& doc, const Segmentation& seg,
                      const std::vector<Candidate>& cands) {
  std::string_view text = doc.text();
  for (const Candidate& c : cands) {
    const Sentence& s = seg.sentences[static_cast<size_t>(c.sentence)];
    int line = LineOf(text, s.bstart, kDatelineLines);
    if (line > kDatelineLines) break;
    if (c.label != DateLabel::kDate || !c.value || c.value->size() != 10 ||
        !ParseYmd(*c.value)) {
      continue;
    }
    // A line that is just a date (a final period allowed).
    const Paragraph* para = nullptr;
    for (const Paragraph& p : seg.paragraphs) {
      if (p.bstart <= s.bstart && s.bend <= p.bend) {
        para = &p;
        break;
      }
    }
    if (para == nullptr) continue;
    std::string_view rest_before = text.substr(static_cast<size_t>(para->bstart),
                                               static_cast<size_t>(c.match.bstart - para->bstart));
    std::string_view rest_after = text.substr(static_cast<size_t>(c.match.bend),
                                              static_cast<size_t>(para->bend - c.match.bend));
    if (!rest_before.empty() || !(rest_after.empty() || rest_after == ".")) continue;
    return {*c.value, fmt::format("dateline: line {} ({})", line, c.rule)};
  }
  return {};
}

// The precision an anchor needs for a shift: 0 a year, 1 a month, 2 a day.
int NeededPrecision(const Shift& s) {
  if (s.unit == "week" || s.unit == "day" || s.unit == "weekday") return 2;
  if (s.unit == "month" || s.unit == "month_name" || s.unit == "season") return 1;
  return 0;
}

int PrecisionOf(const Ymd& a) { return a.d != 0 ? 2 : a.m != 0 ? 1 : 0; }

// Pass 3: anchors, in text order. An expression that refers back takes the
// nearest earlier date precise enough for it (`the following day` skips a
// bare year in between; `On May 22` takes its year from `May 13, 1967`,
// not from a flashback to `1957`).
void Resolve(const std::string& doc_anchor, std::vector<Candidate>* cands) {
  std::optional<Ymd> doc_ymd;
  if (!doc_anchor.empty()) doc_ymd = ParseYmd(doc_anchor);
  int32_t last[3] = {-1, -1, -1};  // nearest earlier date with a year, a month, a day
  auto ymd_of = [&](int32_t i) { return *ParseYmd(*(*cands)[static_cast<size_t>(i)].value); };
  for (size_t i = 0; i < cands->size(); ++i) {
    Candidate& c = (*cands)[i];
    if (c.today) {
      // TAGSET §2: `today` is the anchor's date when there is one.
      if (doc_ymd) {
        c.value = doc_anchor;
        c.anchored_to_document = true;
      }
    } else if (c.anchoring == Anchoring::kDocument) {
      c.value.reset();
      if (c.shift.fuzzy && c.shift.past_ref) {
        c.value = "PAST_REF";  // `several years ago`
      } else if (doc_ymd) {
        c.value = ApplyShift(*doc_ymd, c.shift);
        c.anchored_to_document = c.value.has_value();
      }
    } else if (c.anchoring == Anchoring::kText) {
      // `7 December of the same year`: the day and month are written.
      std::string written = c.value.value_or("");
      c.value.reset();
      int32_t a = last[NeededPrecision(c.shift)];
      if (a >= 0) {
        c.anchor = a;
        std::optional<std::string> v = ApplyShift(ymd_of(a), c.shift);
        if (v && c.needs_year && written.size() > 4) v = v->substr(0, 4) + written.substr(4);
        c.value = v;
      }
    } else if (c.needs_year && c.value) {
      // July 15 (no year): the year of the nearest earlier date that names
      // a month (a narrative), else the document's; else it stays XXXX.
      auto with_year = [&](int y, std::string v) {
        std::string out = fmt::format("{:04d}", y);
        size_t at = 0;  // every XXXX: both ends of a range
        while ((at = v.find("XXXX", at)) != std::string::npos) v.replace(at, 4, out);
        return v;
      };
      if (last[1] >= 0) {
        c.value = with_year(ymd_of(last[1]).y, *c.value);
        c.anchor = last[1];
      } else if (doc_ymd) {
        c.value = with_year(doc_ymd->y, *c.value);
        c.anchored_to_document = true;
      }
      if (c.range && c.value) {
        size_t slash = c.value->find('/');
        c.range = std::make_pair(c.value->substr(0, slash), c.value->substr(slash + 1));
      }
    }
    // A date the text gives (or one resolved from such a date) is an anchor
    // for what follows; one computed from the document anchor is not.
    if (IsPointValue(c) && !c.anchored_to_document) {
      int p = PrecisionOf(*ParseYmd(*c.value));
      for (int k = 0; k <= p; ++k) last[k] = static_cast<int32_t>(i);
    }
  }
}

// Says whether a span starts with a number, written in digits or words.
bool StartsWithNumber(const Document& doc, const Segmentation& seg, const Sentence& s,
                      int64_t b) {
  int32_t k = TokenAtOrAfter(seg, s, b);
  if (k >= s.token_end) return false;
  const Token& t = seg.tokens[static_cast<size_t>(k)];
  if (t.kind == TokenKind::kNumber) return true;
  std::string_view text = TokenText(doc, t);
  if (t.parts_count > 0) {
    const Span& p = seg.parts[t.parts_begin];
    text = std::string_view(doc.text()).substr(p.bstart, p.bend - p.bstart);
  }
  return ParseCardinalWords(text).has_value() || (!text.empty() && text[0] >= '0' && text[0] <= '9');
}

}  // namespace

std::string_view DateLabelName(DateLabel label) {
  switch (label) {
    case DateLabel::kDate: return "DATE";
    case DateLabel::kDuration: return "DURATION";
    case DateLabel::kTime: return "TIME";
    case DateLabel::kSet: return "SET";
  }
  return "DATE";
}

Result<DateOrder> ParseDateOrder(std::string_view name) {
  if (name == "mdy") return DateOrder::kMdy;
  if (name == "dmy") return DateOrder::kDmy;
  return MakeError(ErrorCode::kUsage,
                   "unknown date order '" + std::string(name) + "' (orders: mdy, dmy)");
}

Result<void> CheckAnchor(std::string_view anchor) {
  std::optional<Ymd> a = ParseYmd(anchor);
  if (!a || anchor.size() != 10 || !ValidDay(a->y, a->m, a->d)) {
    return MakeError(ErrorCode::kUsage,
                     "invalid anchor '" + std::string(anchor) + "' (expected YYYY-MM-DD)");
  }
  return {};
}

std::vector<std::string> DateRuleErrors() { return Lexicon::Get().rules.errors(); }

DateAnnotator::DateAnnotator() { Lexicon::Get(); }
DateAnnotator::~DateAnnotator() = default;

std::vector<DateSpan> DateAnnotator::Annotate(const Document& doc, const Segmentation& seg,
                                              const DateOptions& options) const {
  const Lexicon& lex = Lexicon::Get();
  std::vector<Candidate> cands;
  for (size_t si = 0; si < seg.sentences.size(); ++si) {
    SentenceCandidates(lex, doc, seg, static_cast<int32_t>(si), options, &cands);
  }
  Join(lex, doc, seg, &cands);

  anchor_ = {};
  if (!options.anchor.empty()) {
    if (CheckAnchor(options.anchor).ok()) anchor_ = {options.anchor, "--anchor"};
  } else if (options.auto_anchor) {
    anchor_ = DatelineIn(doc, seg, cands);
  }
  Resolve(anchor_.value, &cands);

  std::vector<DateSpan> out;
  out.reserve(cands.size());
  for (Candidate& c : cands) {
    const Sentence& s = seg.sentences[static_cast<size_t>(c.sentence)];
    // TAGSET §2: `under three hours` -> `three hours`, mod LESS_THAN.
    if (c.mod.empty() && StartsWithNumber(doc, seg, s, c.match.bstart)) {
      std::optional<SpanModifier> m = ModifierBefore(doc, seg, s, c.match.bstart);
      if (m) c.mod = m->mod;
    }
    DateSpan d;
    d.start = c.start;
    d.end = c.end;
    d.bstart = c.match.bstart;
    d.bend = c.match.bend;
    d.sentence = c.sentence;
    d.label = c.label;
    d.value = std::move(c.value);
    d.mod = std::move(c.mod);
    d.range = std::move(c.range);
    d.anchor = c.anchor;
    d.anchored_to_document = c.anchored_to_document;
    d.tz = std::move(c.tz);
    d.ambiguous = c.ambiguous;
    d.rule = std::move(c.rule);
    out.push_back(std::move(d));
  }
  return out;
}

DateAnchor FindDatelineAnchor(const Document& doc, const Segmentation& seg) {
  const Lexicon& lex = Lexicon::Get();
  std::vector<Candidate> cands;
  std::string_view text = doc.text();
  for (size_t si = 0; si < seg.sentences.size(); ++si) {
    if (LineOf(text, seg.sentences[si].bstart, kDatelineLines) > kDatelineLines) break;
    SentenceCandidates(lex, doc, seg, static_cast<int32_t>(si), DateOptions{}, &cands);
  }
  return DatelineIn(doc, seg, cands);
}

}  // namespace relscan
