// Count tables and merging (lib/report/keywords.cpp): counting shards and
// merging them equals counting everything at once, whatever the shards'
// sizes, vocabularies and order; tables made differently are refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "relscan/keywords.h"
#include "report/report_test_util.h"

namespace relscan {
namespace {

using testing::Field;
using testing::ReportDoc;

// A document of n sentences drawn from a vocabulary.
std::string Text(const std::vector<std::string>& vocabulary, uint32_t seed, int n) {
  std::mt19937 rng(seed);
  std::string text;
  for (int s = 0; s < n; ++s) {
    int words = 2 + static_cast<int>(rng() % 9);
    for (int k = 0; k < words; ++k) {
      std::string w = vocabulary[rng() % vocabulary.size()];
      if (k == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      text += (k ? " " : "") + w;
    }
    text += ". ";
  }
  return text;
}

CountTable Count(const std::vector<std::string>& texts, const CountOptions& options) {
  ItemCounter counter(options);
  CountTable table;
  table.options = options;
  for (size_t i = 0; i < texts.size(); ++i)
    table.Add(counter.Count(ReportDoc(texts[i], "d" + std::to_string(i) + ".txt")));
  return table;
}

// A table through its text form, as `relscan merge` reads it.
CountTable RoundTrip(const CountTable& t) {
  Result<CountTable> parsed = ParseCountTable(FormatCountTable(t), "shard.tsv");
  REQUIRE(parsed.ok());
  return std::move(*parsed);
}

TEST_CASE("counts: shards merged in any order equal the whole corpus counted at once") {
  const std::vector<std::string> east = {"baku", "caspian", "pipeline", "oil", "gas", "the"};
  const std::vector<std::string> west = {"brussels", "tariff", "steel", "wine", "summit"};
  const std::vector<std::string> both = {"baku", "brussels", "oil", "wine", "trade", "the"};
  // Shards of unequal sizes (1, 4 and 7 documents, of 1 to 40 sentences),
  // with disjoint (east, west) and overlapping (both) vocabularies.
  std::vector<std::vector<std::string>> shards = {
      {Text(east, 1, 40)},
      {Text(west, 2, 3), Text(west, 3, 1), Text(west, 4, 12), Text(west, 5, 7)},
      {Text(both, 6, 5), Text(both, 7, 9), Text(east, 8, 2), Text(west, 9, 30),
       Text(both, 10, 1), Text(both, 11, 4), Text(both, 12, 16)},
  };
  for (int ngram : {1, 2}) {
    CAPTURE(ngram);
    CountOptions options;
    options.ngram = ngram;
    std::vector<std::string> all;
    for (const auto& s : shards) all.insert(all.end(), s.begin(), s.end());
    std::string expected = FormatCountTable(Count(all, options));
    std::vector<size_t> order = {0, 1, 2};
    do {
      CAPTURE(order[0]);
      CAPTURE(order[1]);
      CountTable merged = RoundTrip(Count(shards[order[0]], options));
      for (size_t k = 1; k < order.size(); ++k) {
        Result<void> r = merged.Merge(RoundTrip(Count(shards[order[k]], options)));
        REQUIRE(r.ok());
      }
      CHECK(FormatCountTable(merged) == expected);
    } while (std::next_permutation(order.begin(), order.end()));
  }
}

TEST_CASE("counts: a merged table gives the frequency list of the whole corpus") {
  std::vector<std::string> a = {"Oil and gas. Gas and oil and wine.", "Oil prices rose."};
  std::vector<std::string> b = {"Wine and cheese.", "Gas. Gas. Gas again."};
  CountOptions options;
  CountTable merged = RoundTrip(Count(a, options));
  REQUIRE(merged.Merge(RoundTrip(Count(b, options))).ok());
  std::vector<std::string> all = a;
  all.insert(all.end(), b.begin(), b.end());
  CountTable whole = Count(all, options);
  std::vector<Record> x = FrequencyRows(merged, nullptr, {});
  std::vector<Record> y = FrequencyRows(whole, nullptr, {});
  REQUIRE(x.size() == y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    CAPTURE(i);
    for (const char* name : {"item", "freq", "per_10k", "range", "juilland_d"})
      CHECK(Field(x[i], name) == Field(y[i], name));
  }
  CHECK(merged.documents == 4);
  CHECK(merged.tokens == whole.tokens);
}

TEST_CASE("counts: tables made with other options are refused, naming the options") {
  CountOptions one, two, stems;
  two.ngram = 2;
  stems.form = ItemForm::kStem;
  stems.dedupe = true;
  CountTable a = Count({"Oil and gas."}, one);
  struct Row {
    CountOptions other;
    const char* message;
  };
  const Row rows[] = {
      {two, "count table made with other options: ngram=2 (not ngram=1)"},
      {stems, "count table made with other options: form=stem (not form=fold), dedupe=yes (not dedupe=no)"},
  };
  for (const Row& row : rows) {
    std::string message = row.message;
    CAPTURE(message);
    CountTable copy = a;
    Result<void> r = copy.Merge(Count({"Wine."}, row.other));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == message);
    CHECK(FormatCountTable(copy) == FormatCountTable(a));  // unchanged
  }
}

TEST_CASE("counts: the text form round-trips and malformed tables name the line") {
  CountOptions all;
  all.all_tokens = true;  // so that a backslash is an item, written escaped
  CountTable t = Count({"Odd items: back \\ slash.", "Oil."}, all);
  CHECK(FormatCountTable(t).find("\n\\\\\t1\t1\t") != std::string::npos);
  CHECK(FormatCountTable(RoundTrip(t)) == FormatCountTable(t));
  std::string good = FormatCountTable(t);
  CHECK(LooksLikeCountTable(good));
  CHECK_FALSE(LooksLikeCountTable("item\tfreq\n"));
  std::string header = good.substr(0, good.find("item\tfreq"));
  struct Row {
    std::string text;
    const char* message;
  };
  const Row rows[] = {
      {"hello\n", "line 1: not a count table (expected '# relscan counts 1')"},
      {"# relscan counts 1\nitem\tfreq\tdocs\tsum_p\tsum_p2\n",
       "line 2: the header lacks options, tokens or documents"},
      {header + "item\tfreq\tdocs\tsum_p\tsum_p2\noil\t3\t1\n", "line 7: expected 5 fields, found 3"},
      {header + "item\tfreq\tdocs\tsum_p\tsum_p2\noil\tx\t1\t1\t1\n", "line 7: bad number"},
      {header + "item\tfreq\tdocs\tsum_p\tsum_p2\noil\t3\t1\t1\t1\noil\t3\t1\t1\t1\n",
       "line 8: item 'oil' twice"},
      {header, "line 6: the table ends before its column names"},
  };
  for (const Row& row : rows) {
    std::string message = row.message;
    CAPTURE(message);
    Result<CountTable> r = ParseCountTable(row.text, "t.tsv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == message);
    CHECK(r.error().path == "t.tsv");
  }
}

}  // namespace
}  // namespace relscan
