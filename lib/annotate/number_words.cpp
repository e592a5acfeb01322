// Spelled numbers: one table (lib/data/figures/number_words.tsv) feeds both
// the parsers and the patterns, so a word the patterns find always parses.
#include "number_words.h"

#include <charconv>
#include <unordered_map>
#include <vector>

#include "regex_rules.h"
#include "relscan/data.h"
#include "relscan/fold.h"

namespace relscan {
namespace {

constexpr std::string_view kNumberWordsFile = "data/figures/number_words.tsv";

enum class Kind { kUnit, kTeen, kTens, kHundred, kScale, kOrdinal, kDenominator };

struct Word {
  Kind kind;
  int64_t value;
};

struct Table {
  std::unordered_map<std::string, Word> cardinal;  // unit, teen, tens, hundred, scale
  std::unordered_map<std::string, int64_t> ordinal;
  std::unordered_map<std::string, int64_t> denominator;
  std::vector<std::string> units, teens, tens, scales, ordinals, ordinal_units, denoms, denoms_plural;

  static const Table& Get() {
    static const Table kTable = [] {
      Table t;
      for (const data::DataLine& l : data::DataLines(data::Find(kNumberWordsFile))) {
        std::string_view s = l.text;
        size_t a = s.find('\t');
        size_t b = s.find('\t', a + 1);
        if (a == std::string_view::npos || b == std::string_view::npos) continue;
        std::string word(s.substr(0, a));
        std::string_view kind = s.substr(a + 1, b - a - 1);
        std::string_view digits = s.substr(b + 1);
        int64_t v = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (kind == "unit") {
          t.cardinal[word] = {Kind::kUnit, v};
          t.units.push_back(word);
        } else if (kind == "teen") {
          t.cardinal[word] = {Kind::kTeen, v};
          t.teens.push_back(word);
        } else if (kind == "tens") {
          t.cardinal[word] = {Kind::kTens, v};
          t.tens.push_back(word);
        } else if (kind == "hundred") {
          t.cardinal[word] = {Kind::kHundred, v};
          t.scales.push_back(word);
        } else if (kind == "scale") {
          t.cardinal[word] = {Kind::kScale, v};
          t.scales.push_back(word);
        } else if (kind == "ordinal") {
          t.ordinal[word] = v;
          t.ordinals.push_back(word);
          if (v < 10) t.ordinal_units.push_back(word);
        } else if (kind == "denominator") {
          t.denominator[word] = v;
          bool plural = word.back() == 's';
          (plural ? t.denoms_plural : t.denoms).push_back(word);
        }
      }
      return t;
    }();
    return kTable;
  }
};

std::optional<int64_t> CardinalValue(const std::vector<std::string>& w, size_t begin, size_t end,
                                     bool* half) {
  const Table& t = Table::Get();
  int64_t total = 0, current = 0;
  bool any = false;
  Kind last = Kind::kScale;
  bool have_last = false;
  *half = false;
  for (size_t i = begin; i < end; ++i) {
    const std::string& x = w[i];
    if (x == "and") {
      // "two and a half"; "two hundred and forty-one" (after a scale word only).
      if (i + 3 == end && w[i + 1] == "a" && w[i + 2] == "half" && any) {
        *half = true;
        break;
      }
      if (!have_last || (last != Kind::kHundred && last != Kind::kScale)) return std::nullopt;
      continue;
    }
    if ((x == "a" || x == "an") && i == begin) {
      if (i + 1 >= end) return std::nullopt;
      auto next = t.cardinal.find(w[i + 1]);
      if (next == t.cardinal.end() ||
          (next->second.kind != Kind::kHundred && next->second.kind != Kind::kScale)) {
        return std::nullopt;
      }
      current = 1;
      any = true;
      last = Kind::kUnit;
      have_last = true;
      continue;
    }
    auto it = t.cardinal.find(x);
    if (it == t.cardinal.end()) return std::nullopt;
    const Word& word = it->second;
    switch (word.kind) {
      case Kind::kUnit:
      case Kind::kTeen:
        if (have_last && (last == Kind::kUnit || last == Kind::kTeen)) return std::nullopt;
        if (have_last && last == Kind::kTens && word.kind == Kind::kTeen) return std::nullopt;
        current += word.value;
        break;
      case Kind::kTens:
        if (have_last && (last == Kind::kUnit || last == Kind::kTeen || last == Kind::kTens)) {
          return std::nullopt;
        }
        current += word.value;
        break;
      case Kind::kHundred:
        if (have_last && last == Kind::kHundred) return std::nullopt;
        current = (current == 0 ? 1 : current) * 100;
        break;
      case Kind::kScale:
        total += (current == 0 ? 1 : current) * word.value;
        current = 0;
        break;
      default:
        return std::nullopt;
    }
    any = true;
    last = word.kind;
    have_last = true;
  }
  if (!any) return std::nullopt;
  return total + current;
}

}  // namespace

std::vector<std::string> Words(std::string_view text) {
  std::string folded = FoldForMatch(text);
  std::vector<std::string> out;
  std::string cur;
  for (char c : folded) {
    if (c == ' ' || c == '-') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::optional<Decimal> ParseCardinalWords(std::string_view text) {
  std::vector<std::string> w = Words(text);
  if (w.empty()) return std::nullopt;
  // "half" alone is a fraction, not a cardinal.
  bool half = false;
  std::optional<int64_t> v = CardinalValue(w, 0, w.size(), &half);
  if (!v) return std::nullopt;
  Decimal d = Decimal::FromInt(*v);
  if (half) d = d.Plus(*Decimal::Ratio(1, 2));
  return d;
}

std::optional<Decimal> ParseNumber(std::string_view text) {
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') return Decimal::Parse(text);
  return ParseCardinalWords(text);
}

std::optional<int64_t> ParseOrdinal(std::string_view text) {
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
    size_t i = 0;
    int64_t v = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && v < 100000000) {
      v = v * 10 + (text[i] - '0');
      ++i;
    }
    std::string suffix = FoldForMatch(text.substr(i));
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
    return v;
  }
  const Table& t = Table::Get();
  std::vector<std::string> w = Words(text);
  if (w.empty() || w.size() > 2) return std::nullopt;
  auto ord = t.ordinal.find(w.back());
  if (ord == t.ordinal.end()) return std::nullopt;
  if (w.size() == 1) return ord->second;
  auto tens = t.cardinal.find(w[0]);
  if (tens == t.cardinal.end() || tens->second.kind != Kind::kTens || ord->second >= 10) {
    return std::nullopt;
  }
  return tens->second.value + ord->second;
}

std::optional<Decimal> ParseFraction(std::string_view text) {
  const Table& t = Table::Get();
  std::vector<std::string> w = Words(text);
  if (w.empty()) return std::nullopt;
  auto den = t.denominator.find(w.back());
  if (den == t.denominator.end()) return std::nullopt;
  int64_t num = 1;
  if (w.size() > 1) {
    if (w.size() == 2 && (w[0] == "a" || w[0] == "an")) {
      num = 1;
    } else {
      bool half = false;
      std::optional<int64_t> n = CardinalValue(w, 0, w.size() - 1, &half);
      if (!n || half) return std::nullopt;
      num = *n;
    }
  }
  return Decimal::Ratio(num, den->second);
}

std::map<std::string, std::string> NumberWordMacros() {
  const Table& t = Table::Get();
  std::map<std::string, std::string> m;
  m["UNITW"] = Alternation(t.units);
  m["TEENW"] = Alternation(t.teens);
  m["TENSW"] = Alternation(t.tens);
  m["SCALEW"] = Alternation(t.scales);
  m["NW1"] = "{TENSW}(?:{HY}|{S}){UNITW}|{TENSW}|{TEENW}|{UNITW}";
  m["NUMWORD"] =
      "(?:{NW1})(?:(?:{S}|{HY}){SCALEW}(?:{S}(?:and{S})?(?:{NW1}))?)*(?:{S}and{S}an?{S}half)?"
      "|an?(?:{S}{SCALEW}(?:{S}(?:and{S})?(?:{NW1}))?)+";
  m["ORDU"] = Alternation(t.ordinal_units);
  m["ORDALL"] = Alternation(t.ordinals);
  m["ORDWORD"] = "{TENSW}{HY}{ORDU}|{ORDALL}";
  m["DENOM"] = Alternation(t.denoms);
  m["DENOMS"] = Alternation(t.denoms_plural);
  return m;
}

}  // namespace relscan
