// Collocates (lib/report/collocates.cpp): windows counted on constructed
// sentences, and every association measure against values computed by hand.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "relscan/collocates.h"
#include "report/report_test_util.h"

namespace relscan {
namespace {

using testing::Field;
using testing::ReportDoc;
using testing::RowWith;

TEST_CASE("collocates: every measure of a small table, by hand") {
  // O11 = 4 co-occurrences in R1 = 20 window positions; the collocate occurs
  // C1 = 10 times in N = 200 words; the node f(node) = 5 times.
  //   O12 = 20 - 4 = 16, O21 = 10 - 4 = 6, O22 = 200 - 20 - 10 + 4 = 174;
  //   E11 = 20*10/200 = 1, E12 = 20*190/200 = 19, E21 = 180*10/200 = 9,
  //   E22 = 180*190/200 = 171.
  CollocationScores s = ScoreCollocation(4, 20, 10, 200, 5);
  CHECK(s.expected == doctest::Approx(1.0));
  CHECK(s.mi == doctest::Approx(2.0));        // log2(4/1)
  CHECK(s.mi3 == doctest::Approx(6.0));       // log2(4³/1) = log2 64
  CHECK(s.t_score == doctest::Approx(1.5));   // (4 - 1)/√4
  // G² = 2 (4 ln 4 + 16 ln(16/19) + 6 ln(6/9) + 174 ln(174/171))
  //    = 2 (5.545177 - 2.749593 - 2.432790 + 3.026151) = 6.777892
  CHECK(s.ll == doctest::Approx(6.777892).epsilon(1e-6));
  CHECK(s.dice == doctest::Approx(8.0 / 15.0));                  // 2*4/(5 + 10)
  CHECK(s.log_dice == doctest::Approx(13.093109).epsilon(1e-6));  // 14 + log2(8/15)
  CHECK(s.delta_p_c_given_n == doctest::Approx(0.2 - 6.0 / 180.0));   // 4/20 - 6/180
  CHECK(s.delta_p_n_given_c == doctest::Approx(0.4 - 16.0 / 190.0));  // 4/10 - 16/190
}

struct Expected {
  int64_t o11, left, right;
};

TEST_CASE("collocates: windows stay in a sentence, merge, and leave out the node") {
  std::string text = "Alpha beta oil gamma oil delta epsilon zeta. Eta oil.";
  struct Row {
    int left, right;
    int64_t window;
    std::map<std::string, Expected> expected;
  };
  const Row rows[] = {
      // gamma sits in both windows of 1: counted once, and goes right on a tie.
      {1, 1, 4, {{"beta", {1, 1, 0}}, {"gamma", {1, 0, 1}}, {"delta", {1, 0, 1}}, {"eta", {1, 1, 0}}}},
      {2, 2, 6,
       {{"alpha", {1, 1, 0}}, {"beta", {1, 1, 0}}, {"gamma", {1, 0, 1}}, {"delta", {1, 0, 1}},
        {"epsilon", {1, 0, 1}}, {"eta", {1, 1, 0}}}},
      // Right only: "Eta" is left of its node; the first sentence does not reach the second.
      {0, 3, 4, {{"gamma", {1, 0, 1}}, {"delta", {1, 0, 1}}, {"epsilon", {1, 0, 1}}, {"zeta", {1, 0, 1}}}},
  };
  ReportDocument doc = ReportDoc(text);
  for (const Row& row : rows) {
    CAPTURE(row.left);
    CAPTURE(row.right);
    CollocateOptions o;
    o.node = "OIL";
    o.left = row.left;
    o.right = row.right;
    auto counter = CollocateCounter::Create(o);
    REQUIRE(counter.ok());
    CollocateCounts c = (*counter)->Count(doc);
    CHECK(c.tokens == 10);
    CHECK(c.node == 3);
    CHECK(c.window == row.window);
    CHECK(c.co.size() == row.expected.size());
    for (const auto& [word, e] : row.expected) {
      CAPTURE(word);
      auto it = c.co.find(word);
      REQUIRE(it != c.co.end());
      CHECK(it->second.o11 == e.o11);
      CHECK(it->second.left == e.left);
      CHECK(it->second.right == e.right);
    }
  }
}

TEST_CASE("collocates: rows from merged documents, filtered and sorted") {
  CollocateOptions o;
  o.node = "oil";
  o.left = o.right = 1;
  auto counter = CollocateCounter::Create(o);
  REQUIRE(counter.ok());
  CollocateCounts all;
  all.Merge((*counter)->Count(ReportDoc("Crude oil prices rose. Crude oil output fell.")));
  all.Merge((*counter)->Count(ReportDoc("Cheap oil prices. Prices fell.", "b.txt")));
  // N = 13 words, f(node) = 3, R1 = 6 (crude, prices, crude, output, cheap, prices).
  CHECK(all.tokens == 13);
  CHECK(all.node == 3);
  CHECK(all.window == 6);
  std::vector<Record> rows = CollocateRows(all, o);
  const Record* prices = RowWith(rows, "collocate", "prices");
  REQUIRE(prices != nullptr);
  CHECK(Field(*prices, "freq") == "2");
  CHECK(Field(*prices, "coll_freq") == "3");
  CHECK(Field(*prices, "right") == "2");
  // E11 = 6*3/13 = 1.384615; MI = log2(2/1.384615) = 0.530515.
  CHECK(prices->Get("expected")->AsDouble() == doctest::Approx(1.384615).epsilon(1e-5));
  CHECK(prices->Get("mi")->AsDouble() == doctest::Approx(0.530515).epsilon(1e-5));
  // Sorted by logDice: crude (2*2/(3+2) = .8) before prices (2*2/(3+3) = .667).
  CHECK(Field(rows.front(), "collocate") == "crude");
  o.min_freq = 2;
  CHECK(CollocateRows(all, o).size() == 2);
  o.by = "freq";
  o.min_freq = 1;
  CHECK(Field(CollocateRows(all, o).back(), "collocate") == "output");  // ties by collocate
}

TEST_CASE("collocates: the node is one word and the window is not empty") {
  struct Row {
    const char* node;
    int left, right;
    const char* by;
    bool ok;
  };
  const Row rows[] = {{"oil", 5, 5, "log_dice", true},  {"crude oil", 5, 5, "log_dice", false},
                      {"Israel's", 5, 5, "mi", false},   {"70", 5, 5, "mi", false},
                      {"oil", 0, 0, "mi", false},        {"oil", 0, 51, "mi", false},
                      {"oil", 3, 0, "ll", true},         {"oil", 5, 5, "pmi", false}};
  for (const Row& row : rows) {
    std::string node = row.node;
    CAPTURE(node);
    CAPTURE(row.left);
    CollocateOptions o;
    o.node = row.node;
    o.left = row.left;
    o.right = row.right;
    o.by = row.by;
    CHECK(CollocateCounter::Create(o).ok() == row.ok);
  }
}

}  // namespace
}  // namespace relscan
