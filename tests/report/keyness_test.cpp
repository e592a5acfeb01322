// Keyness (lib/report/keyness.cpp): log-likelihood, log ratio, %DIFF and
// BIC checked against values computed by hand, p-value corrections, and
// the keyness list's filtering, sorting and "rest of the corpus" mode.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "relscan/keywords.h"
#include "report/report_test_util.h"

namespace relscan {
namespace {

using testing::Field;
using testing::RowWith;

TEST_CASE("keyness: the measures of small contingency tables, by hand") {
  struct Row {
    int64_t a, b, c, d;
    double ll, p, log_ratio, pct_diff, bic;
    bool over;
  };
  const Row rows[] = {
      // a=10 of c=1000, b=20 of d=4000. E1 = 1000*30/5000 = 6, E2 = 4000*30/5000 = 24;
      // G² = 2 (10 ln(10/6) + 20 ln(20/24)) = 2 (5.108256 - 3.646431) = 2.923650;
      // p = erfc(√(G²/2)) = 0.087290; LR = log2((10/1000)/(20/4000)) = log2 2 = 1;
      // %DIFF = (10000 - 5000) * 100 / 5000 per million = 100;
      // BIC = G² - ln(5000) = 2.923650 - 8.517193 = -5.593543.
      {10, 20, 1000, 4000, 2.923650, 0.0872902, 1.0, 100.0, -5.593543, true},
      // b = 0: E1 = 2.5, G² = 2 * 5 ln(5/2.5) = 10 ln 2 = 6.931472, p = 0.0084692;
      // LR with b = 0.5 (Hardie): log2((5/1000)/(0.5/1000)) = log2 10 = 3.321928;
      // %DIFF with a reference of 1E-18 per million: (5000 - 1E-18)*100/1E-18 = 5E23;
      // BIC = 6.931472 - ln 2000 = 6.931472 - 7.600902 = -0.669431.
      {5, 0, 1000, 1000, 6.931472, 0.0084692, 3.321928, 5e23, -0.669431, true},
      // a = 0: the mirror image, under-used; %DIFF = (0 - 5000)*100/5000 = -100.
      {0, 5, 1000, 1000, 6.931472, 0.0084692, -3.321928, -100.0, -0.669431, false},
      // Equal relative frequencies: G² = 0, p = 1, LR = 0, %DIFF = 0, BIC = -ln 3000.
      {3, 6, 1000, 2000, 0.0, 1.0, 0.0, 0.0, -8.006368, false},
  };
  for (const Row& r : rows) {
    CAPTURE(r.a);
    CAPTURE(r.b);
    KeynessScores k = Keyness(r.a, r.b, r.c, r.d);
    CHECK(k.ll == doctest::Approx(r.ll).epsilon(1e-6));
    CHECK(k.p == doctest::Approx(r.p).epsilon(1e-4));
    CHECK(k.log_ratio == doctest::Approx(r.log_ratio).epsilon(1e-6));
    CHECK(k.pct_diff == doctest::Approx(r.pct_diff).epsilon(1e-6));
    CHECK(k.bic == doctest::Approx(r.bic).epsilon(1e-6));
    CHECK(k.over == r.over);
  }
  // The 5% critical value of χ²(1) is 3.841459.
  CHECK(ChiSquareP1(3.841459) == doctest::Approx(0.05).epsilon(1e-5));
  CHECK(std::isnan(Keyness(1, 1, 0, 10).ll));
}

TEST_CASE("keyness: Bonferroni and Holm adjust p for the items tested") {
  std::vector<double> p = {0.01, 0.04, 0.03, 0.005};
  // Bonferroni: p * m (m = 4), at most 1.
  std::vector<double> bonferroni = {0.04, 0.16, 0.12, 0.02};
  // Holm: in increasing order 0.005*4 = .02, 0.01*3 = .03, 0.03*2 = .06,
  // 0.04*1 = .04 -> .06 (made monotone).
  std::vector<double> holm = {0.03, 0.06, 0.06, 0.02};
  std::vector<double> b = AdjustP(p, Correction::kBonferroni);
  std::vector<double> h = AdjustP(p, Correction::kHolm);
  std::vector<double> n = AdjustP(p, Correction::kNone);
  for (size_t i = 0; i < p.size(); ++i) {
    CAPTURE(i);
    CHECK(b[i] == doctest::Approx(bonferroni[i]));
    CHECK(h[i] == doctest::Approx(holm[i]));
    CHECK(n[i] == p[i]);
  }
  CHECK(AdjustP({0.5, 0.9}, Correction::kBonferroni)[1] == 1.0);
}

ItemCounts Counts(int64_t tokens, std::vector<std::pair<std::string, int64_t>> freq,
                  std::string doc = "") {
  ItemCounts c;
  c.doc = std::move(doc);
  c.tokens = tokens;
  for (auto& [item, f] : freq) c.freq.emplace(item, f);
  return c;
}

TEST_CASE("keyness: lists keep significant items, sorted by log ratio") {
  ItemCounts target = Counts(1000, {{"oil", 40}, {"the", 60}, {"gas", 5}, {"rare", 1}});
  ItemCounts reference = Counts(4000, {{"oil", 10}, {"the", 240}, {"gas", 60}, {"wine", 30}});
  KeynessOptions o;
  std::vector<Record> rows = KeynessRows(target, reference, nullptr, o, nullptr);
  // oil (over), wine (never in the target: under) and gas (under) are key;
  // the and rare are not (the: 60/1000 = 240/4000).
  std::vector<std::string> items;
  for (const Record& r : rows) items.push_back(Field(r, "item"));
  CHECK(items == std::vector<std::string>{"oil", "gas", "wine"});
  const Record* oil = RowWith(rows, "item", "oil");
  REQUIRE(oil != nullptr);
  CHECK(Field(*oil, "freq") == "40");
  CHECK(Field(*oil, "freq_ref") == "10");
  CHECK(Field(*oil, "per_10k") == "400");
  CHECK(Field(*oil, "per_10k_ref") == "25");
  CHECK(Field(*oil, "log_ratio") == "4");  // log2((40/1000)/(10/4000)) = log2 16
  CHECK(Field(*oil, "use") == "over");
  CHECK(Field(*RowWith(rows, "item", "wine"), "use") == "under");
  // alpha 1 keeps every item tested (five), and m = 5 for the correction.
  o.alpha = 1;
  o.correction = Correction::kBonferroni;
  rows = KeynessRows(target, reference, nullptr, o, nullptr);
  REQUIRE(rows.size() == 5);
  const Record* rare = RowWith(rows, "item", "rare");
  REQUIRE(rare != nullptr);
  double p = Keyness(1, 0, 1000, 4000).p;
  CHECK(rare->Get("p_adj")->AsDouble() == doctest::Approx(std::min(1.0, 5 * p)).epsilon(1e-5));
  // Sorting by another measure; min_freq on a + b.
  o.sort = "ll";
  o.min_freq = 2;
  rows = KeynessRows(target, reference, nullptr, o, nullptr);
  CHECK(rows.size() == 4);
  CHECK(Field(rows.front(), "item") == "oil");
  o.sort = "item";
  rows = KeynessRows(target, reference, nullptr, o, nullptr);
  CHECK(Field(rows.front(), "item") == "gas");
}

TEST_CASE("keyness: each document against the rest equals it against the others' counts") {
  ItemCounts doc = Counts(100, {{"oil", 20}, {"gas", 1}}, "a.txt");
  ItemCounts others = Counts(900, {{"oil", 9}, {"gas", 30}, {"wine", 12}});
  ItemCounts total = Counts(1000, {{"oil", 29}, {"gas", 31}, {"wine", 12}});
  KeynessOptions o;
  o.alpha = 1;
  std::vector<Record> rest = KeynessRows(doc, total, &doc, o, &doc.doc);
  std::vector<Record> direct = KeynessRows(doc, others, nullptr, o, &doc.doc);
  REQUIRE(rest.size() == direct.size());
  for (size_t i = 0; i < rest.size(); ++i) {
    CAPTURE(i);
    CHECK(Field(rest[i], "doc") == "a.txt");
    for (const auto& [name, value] : direct[i].fields()) {
      CAPTURE(name);
      CHECK(*rest[i].Get(name) == value);
    }
  }
}

}  // namespace
}  // namespace relscan
