// Keyword frequency lists (lib/report/keywords.cpp): items, frequencies
// checked against a count made here with a regular expression of its own,
// stop words, n-grams, and dispersion computed by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "relscan/keywords.h"
#include "report/report_test_util.h"

namespace relscan {
namespace {

using testing::Field;
using testing::ReportDoc;
using testing::RowWith;

ItemCounts CountText(std::string_view text, CountOptions options = {}) {
  ItemCounter counter(options);
  return counter.Count(ReportDoc(text));
}

int64_t Freq(const ItemCounts& c, const std::string& item) {
  auto it = c.freq.find(item);
  return it == c.freq.end() ? 0 : it->second;
}

// A text from a small vocabulary: capitals, hyphen compounds (with U+2011),
// possessives with straight and curly apostrophes, numbers and punctuation.
std::string GeneratedText(uint32_t seed, int sentences) {
  const char* words[] = {"Israel", "Azerbaijan", "oil",    "the",      "long-term", "security",
                         "Baku",   "pipeline",   "of",     "and",      "THE",       "Oil",
                         "energy", "trade",      "gas",    "co‑operation"};
  const char* numbers[] = {"1,200", "4.5", "70", "2022"};
  std::mt19937 rng(seed);
  std::string text;
  for (int s = 0; s < sentences; ++s) {
    int n = 3 + static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      if (k > 0) text += (rng() % 7 == 0) ? ", " : " ";
      uint32_t r = rng() % 20;
      if (r < 2) {
        text += numbers[rng() % 4];
        continue;
      }
      std::string w = words[rng() % 16];
      if (k == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      text += w;
      if (r == 3) text += "’s";
      if (r == 4) text += "'s";
    }
    text += (s % 5 == 4) ? ".\n\n" : ". ";
  }
  return text;
}

// The independent count: the possessive removed, then runs of ASCII letters
// joined by hyphens (U+2011 written as '-'), lowercased.
std::map<std::string, int64_t> RegexCount(std::string text) {
  text = std::regex_replace(text, std::regex("(’|')s"), "");
  text = std::regex_replace(text, std::regex("‑"), "-");
  std::map<std::string, int64_t> out;
  std::regex word("[A-Za-z]+(-[A-Za-z]+)*");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator();
       ++it) {
    std::string w = it->str();
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ++out[w];
  }
  return out;
}

TEST_CASE("keywords: frequencies equal a count made with a regular expression") {
  for (uint32_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    std::string text = GeneratedText(seed, 60);
    std::map<std::string, int64_t> expected = RegexCount(text);
    ItemCounts got = CountText(text);
    int64_t total = 0;
    for (const auto& [w, f] : expected) {
      CAPTURE(w);
      CHECK(Freq(got, w) == f);
      total += f;
    }
    CHECK(got.freq.size() == expected.size());
    CHECK(got.tokens == total);  // N: every word token
  }
}

TEST_CASE("keywords: item forms and which tokens count") {
  struct Row {
    const char* text;
    CountOptions options;
    std::map<std::string, int64_t> expected;
    int64_t tokens;
  };
  CountOptions case_kept;
  case_kept.form = ItemForm::kCase;
  CountOptions stems;
  stems.form = ItemForm::kStem;
  CountOptions split;
  split.split_hyphens = true;
  CountOptions all;
  all.all_tokens = true;
  const Row rows[] = {
      // The possessive is not a word; curly and straight apostrophes fold alike.
      {"Israel’s ally and Israel's ally.", {}, {{"israel", 2}, {"ally", 2}, {"and", 1}}, 5},
      {"Don’t stop. Don't.", {}, {{"don't", 2}, {"stop", 1}}, 3},
      // Case kept, typography still folded.
      {"Oil OIL oil‑rich oil-rich.", case_kept, {{"Oil", 1}, {"OIL", 1}, {"oil-rich", 2}}, 4},
      {"negotiations negotiated negotiating.", stems, {{"negoti", 3}}, 3},
      // Compounds are whole unless split; a number part counts only with all_tokens.
      {"A long-term, well‑known deal.", split,
       {{"a", 1}, {"long", 1}, {"term", 1}, {"well", 1}, {"known", 1}, {"deal", 1}}, 6},
      {"It cost 70 dollars, in 2022.", {}, {{"it", 1}, {"cost", 1}, {"dollars", 1}, {"in", 1}}, 4},
      {"It cost 70 dollars.", all,
       {{"it", 1}, {"cost", 1}, {"70", 1}, {"dollars", 1}, {".", 1}}, 5},
  };
  for (const Row& row : rows) {
    std::string text = row.text;
    CAPTURE(text);
    ItemCounts got = CountText(row.text, row.options);
    for (const auto& [item, f] : row.expected) {
      CAPTURE(item);
      CHECK(Freq(got, item) == f);
    }
    CHECK(got.freq.size() == row.expected.size());
    CHECK(got.tokens == row.tokens);
  }
}

TEST_CASE("keywords: n-grams stay within sentences and runs of counted tokens") {
  CountOptions two;
  two.ngram = 2;
  ItemCounts got = CountText("The oil flows. Oil prices, gas prices rose.", two);
  // "flows oil" crosses a sentence; "prices gas" crosses a comma.
  std::map<std::string, int64_t> expected = {
      {"the oil", 1}, {"oil flows", 1}, {"oil prices", 1}, {"gas prices", 1}, {"prices rose", 1}};
  for (const auto& [item, f] : expected) {
    CAPTURE(item);
    CHECK(Freq(got, item) == f);
  }
  CHECK(got.freq.size() == expected.size());
  CHECK(got.tokens == 5);
  CountOptions three;
  three.ngram = 3;
  CHECK(Freq(CountText("Ant bee cat dog. Eel fox.", three), "bee cat dog") == 1);
  CHECK(CountText("Ant bee cat dog. Eel fox.", three).tokens == 2);
}

TEST_CASE("keywords: dedupe counts a repeated sentence once") {
  std::string text =
      "Pull quotes repeat whole sentences verbatim. Other text follows here. "
      "Pull quotes repeat whole sentences verbatim.";
  CountOptions dedupe;
  dedupe.dedupe = true;
  CHECK(Freq(CountText(text), "pull") == 2);
  CHECK(Freq(CountText(text, dedupe), "pull") == 1);
  CHECK(CountText(text, dedupe).tokens == 10);
}

TEST_CASE("keywords: stop words drop unigrams and n-grams that start or end with one") {
  StopList stop = StopList::Parse("# comment\nthe\nof\nDon’t\n", ItemForm::kFold);
  struct Row {
    const char* item;
    bool dropped;
  };
  const Row rows[] = {{"the", true},          {"of", true},           {"don't", true},
                      {"oil", false},         {"the oil", true},      {"oil of", true},
                      {"price of oil", false}, {"theory", false}};
  for (const Row& row : rows) {
    std::string item = row.item;
    CAPTURE(item);
    CHECK(stop.Drops(row.item) == row.dropped);
  }
  // Stems of stop words, and case-kept items compared folded.
  CHECK(StopList::Parse("States\n", ItemForm::kStem).Drops("state"));
  CHECK(StopList::Parse("the\n", ItemForm::kCase).Drops("The"));
  StopList builtin = StopList::BuiltIn(ItemForm::kFold);
  CHECK(builtin.size() > 100);
  CHECK(builtin.Drops("the"));
  CHECK(builtin.Drops("wouldn't"));
  CHECK_FALSE(builtin.Drops("israel"));
}

TEST_CASE("keywords: per 10,000, range, Juilland's D and Gries's DP by hand") {
  // Three documents of 4, 6 and 10 words (read "a" for ant, "b" for bee...).
  std::vector<ItemCounts> docs = {CountText("Ant bee cat dog."), CountText("Ant ant ant bee bee cat."),
                                  CountText("Bee cat dog eel fox gnu hen ibis jay kiwi.")};
  CountTable table;
  for (const ItemCounts& d : docs) table.Add(d);
  REQUIRE(table.tokens == 20);
  REQUIRE(table.documents == 3);
  std::vector<Record> rows = FrequencyRows(table, &docs, {});
  const Record* a = RowWith(rows, "item", "ant");
  REQUIRE(a != nullptr);
  // ant: f = (1, 3, 0), f = 4, N = 20, per 10,000 = 4/20 * 10000 = 2000.
  CHECK(Field(*a, "freq") == "4");
  CHECK(Field(*a, "per_10k") == "2000");
  CHECK(Field(*a, "range") == "2");
  // Juilland: p = (1/4, 3/6, 0/10) = (.25, .5, 0); mean = .25;
  // variance = (.0625 + .25 + 0)/3 - .0625 = .041667; sd = .204124;
  // V = sd/mean = .816497; D = 1 - V/sqrt(3 - 1) = 1 - .57735 = .42265.
  CHECK(a->Get("juilland_d")->AsDouble() == doctest::Approx(0.42265).epsilon(1e-5));
  // Gries: s = (4, 6, 10)/20 = (.2, .3, .5), v = (1, 3, 0)/4 = (.25, .75, 0);
  // DP = (|.25-.2| + |.75-.3| + |0-.5|)/2 = (.05 + .45 + .5)/2 = .5.
  CHECK(a->Get("dp")->AsDouble() == doctest::Approx(0.5));
  // bee: f = (1, 2, 1), f = 4; p = (.25, .333333, .1); mean = .227778;
  // E[p²] = (.0625 + .111111 + .01)/3 = .061204; var = .061204 - .051883 = .009321;
  // sd = .096547; V = .423866; D = 1 - .423866/1.414214 = .700288.
  // DP: v = (.25, .5, .25); (|.25-.2| + |.5-.3| + |.25-.5|)/2 = (.05+.2+.25)/2 = .25.
  const Record* b = RowWith(rows, "item", "bee");
  REQUIRE(b != nullptr);
  CHECK(b->Get("juilland_d")->AsDouble() == doctest::Approx(0.700288).epsilon(1e-5));
  CHECK(b->Get("dp")->AsDouble() == doctest::Approx(0.25));
  // eel occurs once, in the largest document: DP = (.2 + .3 + |1 - .5|)/2 = .5;
  // p = (0, 0, .1): mean .033333, sd .047140, V = 1.414214, D = 0.
  const Record* e = RowWith(rows, "item", "eel");
  REQUIRE(e != nullptr);
  CHECK(e->Get("dp")->AsDouble() == doctest::Approx(0.5));
  CHECK(e->Get("juilland_d")->AsDouble() == doctest::Approx(0.0));
  // Without the documents' own counts (a count table), DP is null.
  CHECK(Field(FrequencyRows(table, nullptr, {}).front(), "dp").empty());
  CHECK(std::isnan(JuillandD(0.5, 0.25, 1)));
}

TEST_CASE("keywords: frequency lists sort, filter and number as asked") {
  std::vector<ItemCounts> docs = {CountText("Ant bee cat dog."), CountText("Ant ant ant bee bee cat."),
                                  CountText("Bee cat dog eel fox gnu hen ibis jay kiwi.")};
  CountTable table;
  for (const ItemCounts& d : docs) table.Add(d);
  struct Row {
    const char* sort;
    int64_t min_freq;
    std::vector<std::string> first;
  };
  const Row rows[] = {
      {"freq", 1, {"ant", "bee", "cat", "dog"}},  // 4, 4 (ties by item), 3, 2
      {"freq", 3, {"ant", "bee", "cat"}},
      {"item", 1, {"ant", "bee", "cat", "dog"}},
      {"range", 1, {"bee", "cat", "ant", "dog"}},  // 3, 3, 2, 2
      {"juilland_d", 3, {"cat", "bee", "ant"}},  // .748, .700, .423
  };
  for (const Row& row : rows) {
    std::string sort = row.sort;
    CAPTURE(sort);
    CAPTURE(row.min_freq);
    FrequencyOptions o;
    o.sort = row.sort;
    o.min_freq = row.min_freq;
    std::vector<Record> got = FrequencyRows(table, &docs, o);
    REQUIRE(got.size() >= row.first.size());
    if (row.min_freq == 3) CHECK(got.size() == row.first.size());
    for (size_t i = 0; i < row.first.size(); ++i) {
      CAPTURE(i);
      CHECK(Field(got[i], "item") == row.first[i]);
    }
  }
}

}  // namespace
}  // namespace relscan
