// Tests for lib/eval/scorer.cpp: hand-computed scores (TAGSET.md "Scoring").
#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "relscan/eval.h"
#include "relscan/stream.h"

namespace relscan {
namespace {

// Parses one JSON object per string.
std::vector<Record> Records(std::initializer_list<std::string_view> lines) {
  std::vector<Record> out;
  for (std::string_view line : lines) {
    Result<Record> r = ParseRecord(line);
    INFO(line);
    REQUIRE(r.ok());
    out.push_back(std::move(*r));
  }
  return out;
}

std::string Json(const Record& r) {
  std::string out;
  AppendJson(r, &out);
  return out;
}

// Returns the row with these keys, or nullptr.
const Record* FindRow(const std::vector<Record>& rows, std::string_view kind,
                      std::string_view label, std::string_view measure,
                      std::string_view attribute = "") {
  for (const Record& r : rows) {
    if (r.GetString("kind") == kind && r.GetString("label") == label &&
        r.GetString("measure") == measure && r.GetString("attribute") == attribute) {
      return &r;
    }
  }
  return nullptr;
}

std::vector<Record> MustEvaluate(const std::vector<Record>& gold, const std::vector<Record>& system,
                                 const EvalOptions& options = {},
                                 const std::string& gold_path = "gold/essay.jsonl") {
  Result<std::vector<Record>> rows = Evaluate(gold, system, gold_path, options);
  if (!rows) FAIL("Evaluate failed: " << rows.error().message);
  return std::move(*rows);
}

// Expected counts of one span row.
struct SpanCase {
  std::string_view kind;
  std::string_view label;
  std::string_view measure;
  int64_t gold, system, tp, fp, fn;
};

void CheckSpanRows(const std::vector<Record>& rows, const std::vector<SpanCase>& cases) {
  for (const SpanCase& c : cases) {
    CAPTURE(c.kind);
    CAPTURE(c.label);
    CAPTURE(c.measure);
    const Record* row = FindRow(rows, c.kind, c.label, c.measure);
    CHECK(row != nullptr);
    if (row == nullptr) continue;
    std::string json = Json(*row);
    CAPTURE(json);
    CHECK(row->GetInt("gold", -1) == c.gold);
    CHECK(row->GetInt("system", -1) == c.system);
    CHECK(row->GetInt("tp", -1) == c.tp);
    CHECK(row->GetInt("fp", -1) == c.fp);
    CHECK(row->GetInt("fn", -1) == c.fn);
  }
}

// Expected counts of one attribute row.
struct AttrCase {
  std::string_view kind;
  std::string_view measure;
  std::string_view attribute;
  int64_t n, correct;
};

void CheckAttrRows(const std::vector<Record>& rows, const std::vector<AttrCase>& cases) {
  for (const AttrCase& c : cases) {
    CAPTURE(c.kind);
    CAPTURE(c.measure);
    CAPTURE(c.attribute);
    const Record* row = FindRow(rows, c.kind, "*", c.measure, c.attribute);
    CHECK(row != nullptr);
    if (row == nullptr) continue;
    std::string json = Json(*row);
    CAPTURE(json);
    CHECK(row->GetInt("n", -1) == c.n);
    CHECK(row->GetInt("correct", -1) == c.correct);
  }
}

// "kind/label/measure[/attribute]" of every row, in order.
std::vector<std::string> RowKeys(const std::vector<Record>& rows) {
  std::vector<std::string> keys;
  for (const Record& r : rows) {
    std::string key =
        r.GetString("kind") + "/" + r.GetString("label") + "/" + r.GetString("measure");
    if (!r.GetString("attribute").empty()) key += "/" + r.GetString("attribute");
    keys.push_back(key);
  }
  return keys;
}

TEST_CASE("EvalColumns lists the report's columns in order") {
  const std::vector<std::string> expected = {"kind",   "label", "measure", "attribute", "gold",
                                             "system", "tp",    "fp",      "fn",        "precision",
                                             "recall", "f1",    "n",       "correct",   "accuracy"};
  CHECK(EvalColumns() == expected);
}

TEST_CASE("Evaluate fills every column, in order, with null where it does not apply") {
  auto gold = Records({
      R"({"kind":"entity","label":"GPE","start":0,"end":6,"canonical":"Israel"})",
  });
  auto system = Records({
      R"({"kind":"document","doc":"a.txt","chars":10})",
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":0,"end":6,"canonical":"Israel"})",
  });
  auto rows = MustEvaluate(gold, system);
  REQUIRE(rows.size() == 6);  // strict/lenient for *, then GPE, then attr, attr-lenient
  for (const Record& row : rows) {
    std::string json = Json(row);
    CAPTURE(json);
    REQUIRE(row.fields().size() == EvalColumns().size());
    for (size_t i = 0; i < EvalColumns().size(); ++i) {
      CHECK(row.fields()[i].first == EvalColumns()[i]);
    }
    bool span = row.GetString("measure") == "strict" || row.GetString("measure") == "lenient";
    for (std::string_view c : {"gold", "system", "tp", "fp", "fn", "precision", "recall", "f1"}) {
      CAPTURE(c);
      CHECK(row.Get(c)->is_null() == !span);
    }
    for (std::string_view c : {"attribute", "n", "correct", "accuracy"}) {
      CAPTURE(c);
      CHECK(row.Get(c)->is_null() == span);
    }
  }
  CHECK(Json(rows[0]) ==
        R"({"kind":"entity","label":"*","measure":"strict","attribute":null,"gold":1,)"
        R"("system":1,"tp":1,"fp":0,"fn":0,"precision":1,"recall":1,"f1":1,"n":null,)"
        R"("correct":null,"accuracy":null})");
  CHECK(Json(rows[4]) ==
        R"({"kind":"entity","label":"*","measure":"attr","attribute":"canonical","gold":null,)"
        R"("system":null,"tp":null,"fp":null,"fn":null,"precision":null,"recall":null,)"
        R"("f1":null,"n":1,"correct":1,"accuracy":1})");
}

TEST_CASE("Evaluate orders rows by kind in gold order, labels sorted, attributes last") {
  auto gold = Records({
      R"({"kind":"figure","label":"MONEY","start":50,"end":55,"value":5,"unit":"USD"})",
      R"({"kind":"entity","label":"PERSON","start":0,"end":6,"canonical":"Aliyev"})",
      R"({"kind":"entity","label":"GPE","start":10,"end":16,"canonical":"Israel"})",
      R"({"kind":"sentence","start":0,"end":60})",
      R"({"kind":"claim","label":"FACTUAL","start":0,"end":60,"stance":"plain","source":"author"})",
  });
  auto system = Records({R"({"kind":"document","doc":"a.txt"})"});
  auto rows = MustEvaluate(gold, system);
  const std::vector<std::string> expected = {
      "figure/*/strict",
      "figure/*/lenient",
      "figure/MONEY/strict",
      "figure/MONEY/lenient",
      "figure/*/attr/value",
      "figure/*/attr/mod",
      "figure/*/attr/unit",
      "entity/*/strict",
      "entity/*/lenient",
      "entity/GPE/strict",
      "entity/GPE/lenient",
      "entity/PERSON/strict",
      "entity/PERSON/lenient",
      "entity/*/attr/canonical",
      "entity/*/attr-lenient/canonical",
      "sentence/*/strict",
      "sentence/*/lenient",
      "claim/*/strict",
      "claim/*/lenient",
      "claim/*/attr/label",
      "claim/*/attr/stance",
      "claim/*/attr/source",
      "claim/*/attr-lenient/source",
  };
  CHECK(RowKeys(rows) == expected);
}

TEST_CASE("Evaluate computes precision, recall and f1, and 0 when undefined") {
  auto gold = Records({
      R"({"kind":"entity","label":"GPE","start":0,"end":5})",
      R"({"kind":"entity","label":"GPE","start":10,"end":15})",
      R"({"kind":"entity","label":"GPE","start":20,"end":25})",
      R"({"kind":"date","label":"DATE","start":40,"end":44,"value":"2023"})",
  });
  auto system = Records({
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":0,"end":5})",
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":30,"end":35})",
  });
  auto rows = MustEvaluate(gold, system);
  // entity: tp 1, fp 1, fn 2: P 1/2, R 1/3, F1 2PR/(P+R) = 0.4.
  const Record* e = FindRow(rows, "entity", "*", "strict");
  REQUIRE(e != nullptr);
  CHECK(e->Get("precision")->AsDouble() == doctest::Approx(0.5));
  CHECK(e->Get("recall")->AsDouble() == doctest::Approx(1.0 / 3));
  CHECK(e->Get("f1")->AsDouble() == doctest::Approx(0.4));
  // date: no system spans, so precision and f1 are 0, not NaN.
  const Record* d = FindRow(rows, "date", "*", "strict");
  REQUIRE(d != nullptr);
  CHECK(d->GetInt("system", -1) == 0);
  CHECK(d->Get("precision")->AsDouble() == 0.0);
  CHECK(d->Get("recall")->AsDouble() == 0.0);
  CHECK(d->Get("f1")->AsDouble() == 0.0);
  // No strict match has a value: accuracy is 0 over n = 0.
  const Record* v = FindRow(rows, "date", "*", "attr", "value");
  REQUIRE(v != nullptr);
  CHECK(v->GetInt("n", -1) == 0);
  CHECK(v->Get("accuracy")->AsDouble() == 0.0);
}

TEST_CASE("Evaluate keys entities by label and sentences and claims by span alone") {
  auto gold = Records({
      R"({"kind":"entity","label":"GPE","start":0,"end":6})",
      R"({"kind":"entity","label":"ORG","start":10,"end":20})",
      R"({"kind":"sentence","start":0,"end":30})",
      R"({"kind":"claim","label":"CAUSAL","start":0,"end":30,"stance":"hedged","source":"author"})",
  });
  auto system = Records({
      R"({"kind":"entity","doc":"a.txt","label":"NORP","start":0,"end":6})",
      R"({"kind":"entity","doc":"a.txt","label":"ORG","start":10,"end":18})",
      R"({"kind":"sentence","doc":"a.txt","start":0,"end":30})",
      R"({"kind":"claim","doc":"a.txt","label":"FACTUAL","start":0,"end":30,"stance":"hedged","source":"Author"})",
  });
  auto rows = MustEvaluate(gold, system);
  CheckSpanRows(rows, {
                          // kind, label, measure: gold, system, tp, fp, fn
                          {"entity", "*", "strict", 2, 2, 0, 2, 2},
                          {"entity", "*", "lenient", 2, 2, 1, 1, 1},
                          {"entity", "GPE", "strict", 1, 0, 0, 0, 1},
                          {"entity", "GPE", "lenient", 1, 0, 0, 0, 1},
                          {"entity", "NORP", "lenient", 0, 1, 0, 1, 0},
                          {"entity", "ORG", "strict", 1, 1, 0, 1, 1},
                          {"entity", "ORG", "lenient", 1, 1, 1, 0, 0},
                          {"sentence", "*", "strict", 1, 1, 1, 0, 0},
                          {"claim", "*", "strict", 1, 1, 1, 0, 0},
                      });
  CHECK(FindRow(rows, "claim", "CAUSAL", "strict") == nullptr);
  CheckAttrRows(rows, {
                          {"claim", "attr", "label", 1, 0},
                          {"claim", "attr", "stance", 1, 1},
                          {"claim", "attr", "source", 1, 1},
                      });
}

TEST_CASE("Evaluate: a system span on an optional gold span is neither TP nor FP") {
  auto gold = Records({
      R"({"kind":"entity","label":"GPE","start":0,"end":6})",
      R"({"kind":"entity","label":"ORG","start":10,"end":20,"optional":true})",
  });
  auto system = Records({
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":0,"end":6})",
      // Another label, exact offsets: ignored.
      R"({"kind":"entity","doc":"a.txt","label":"PERSON","start":10,"end":20})",
      // Overlapping the optional span only in part: ignored.
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":15,"end":25})",
      // Clear of every gold span: a false positive.
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":30,"end":35})",
  });
  auto rows = MustEvaluate(gold, system);
  CheckSpanRows(rows, {
                          {"entity", "*", "strict", 1, 2, 1, 1, 0},
                          {"entity", "*", "lenient", 1, 2, 1, 1, 0},
                          {"entity", "GPE", "strict", 1, 2, 1, 1, 0},
                          {"entity", "ORG", "strict", 0, 0, 0, 0, 0},
                          {"entity", "PERSON", "strict", 0, 0, 0, 0, 0},
                          {"entity", "PERSON", "lenient", 0, 0, 0, 0, 0},
                      });
}

TEST_CASE("Evaluate: a system span that matches a gold span is not absorbed by an optional one") {
  auto gold = Records({
      R"({"kind":"figure","label":"CARDINAL","start":0,"end":10})",
      R"({"kind":"figure","label":"CARDINAL","start":5,"end":12,"optional":true})",
  });
  auto system = Records({
      R"({"kind":"figure","doc":"a.txt","label":"CARDINAL","start":0,"end":10})",
  });
  auto rows = MustEvaluate(gold, system);
  CheckSpanRows(rows, {
                          {"figure", "*", "strict", 1, 1, 1, 0, 0},
                          {"figure", "*", "lenient", 1, 1, 1, 0, 0},
                      });
}

TEST_CASE("Evaluate: lenient matching is one-to-one, largest overlap first") {
  struct Case {
    std::string_view name;
    std::vector<Record> gold;
    std::vector<Record> system;
    int64_t tp, fp, fn;
  };
  const std::vector<Case> cases = {
      // One system span overlapping two gold spans matches the first only.
      {"one system span over two gold spans",
       Records({R"({"kind":"entity","label":"GPE","start":0,"end":5})",
                R"({"kind":"entity","label":"GPE","start":6,"end":10})"}),
       Records({R"({"kind":"entity","doc":"a","label":"GPE","start":3,"end":8})"}), 1, 0, 1},
      // Gold [0,10) takes [2,9) (overlap 7) over [0,3) (overlap 3), which
      // leaves gold [8,20) nothing it overlaps.
      {"the largest overlap wins",
       Records({R"({"kind":"entity","label":"GPE","start":0,"end":10})",
                R"({"kind":"entity","label":"GPE","start":8,"end":20})"}),
       Records({R"({"kind":"entity","doc":"a","label":"GPE","start":0,"end":3})",
                R"({"kind":"entity","doc":"a","label":"GPE","start":2,"end":9})"}),
       1, 1, 1},
      // Gold [0,10) overlaps [0,4) and [6,10) by 4 each and takes the earlier,
      // which leaves [6,10) to gold [8,12).
      {"ties go to the earliest start",
       Records({R"({"kind":"entity","label":"GPE","start":0,"end":10})",
                R"({"kind":"entity","label":"GPE","start":8,"end":12})"}),
       Records({R"({"kind":"entity","doc":"a","label":"GPE","start":6,"end":10})",
                R"({"kind":"entity","doc":"a","label":"GPE","start":0,"end":4})"}),
       2, 0, 0},
      // Gold spans are taken in order of start, not file order.
      {"gold in order of start",
       Records({R"({"kind":"entity","label":"GPE","start":8,"end":20})",
                R"({"kind":"entity","label":"GPE","start":0,"end":10})"}),
       Records({R"({"kind":"entity","doc":"a","label":"GPE","start":0,"end":3})",
                R"({"kind":"entity","doc":"a","label":"GPE","start":2,"end":9})"}),
       1, 1, 1},
      // Touching spans do not overlap.
      {"touching is not overlapping",
       Records({R"({"kind":"entity","label":"GPE","start":0,"end":5})"}),
       Records({R"({"kind":"entity","doc":"a","label":"GPE","start":5,"end":9})"}), 0, 1, 1},
      // Labels count in lenient matching too.
      {"labels must agree", Records({R"({"kind":"entity","label":"GPE","start":0,"end":5})"}),
       Records({R"({"kind":"entity","doc":"a","label":"ORG","start":0,"end":4})"}), 0, 1, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto rows = MustEvaluate(c.gold, c.system);
    const Record* row = FindRow(rows, "entity", "*", "lenient");
    CHECK(row != nullptr);
    if (row == nullptr) continue;
    std::string json = Json(*row);
    CAPTURE(json);
    CHECK(row->GetInt("tp", -1) == c.tp);
    CHECK(row->GetInt("fp", -1) == c.fp);
    CHECK(row->GetInt("fn", -1) == c.fn);
  }
}

TEST_CASE("Evaluate: a system span matches one gold span only, even a repeated one") {
  auto gold = Records({
      R"({"kind":"entity","label":"GPE","start":0,"end":6})",
      R"({"kind":"entity","label":"GPE","start":0,"end":6})",
  });
  auto system = Records({
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":0,"end":6})",
  });
  auto rows = MustEvaluate(gold, system);
  CheckSpanRows(rows, {
                          {"entity", "*", "strict", 2, 1, 1, 0, 1},
                          {"entity", "*", "lenient", 2, 1, 1, 0, 1},
                      });
}

TEST_CASE("Evaluate: a repeated system span is a false positive the second time") {
  auto gold = Records({
      R"({"kind":"entity","label":"GPE","start":0,"end":6})",
      R"({"kind":"sentence","start":0,"end":20})",
  });
  auto system = Records({
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":0,"end":6})",
      R"({"kind":"entity","doc":"a.txt","label":"GPE","start":0,"end":6})",
      R"({"kind":"sentence","doc":"a.txt","start":0,"end":20})",
      R"({"kind":"sentence","doc":"a.txt","start":0,"end":20})",
  });
  auto rows = MustEvaluate(gold, system);
  CheckSpanRows(rows, {
                          {"entity", "*", "strict", 1, 2, 1, 1, 0},
                          {"entity", "*", "lenient", 1, 2, 1, 1, 0},
                          {"entity", "GPE", "strict", 1, 2, 1, 1, 0},
                          {"sentence", "*", "strict", 1, 2, 1, 1, 0},
                          {"sentence", "*", "lenient", 1, 2, 1, 1, 0},
                      });
}

TEST_CASE("Evaluate scores attributes over strict matches whose gold value is not null") {
  auto gold = Records({
      // value 70000 against 70000.0: right; mod present, missing in system: wrong.
      R"({"kind":"figure","label":"CARDINAL","start":0,"end":6,"value":70000,"mod":"APPROX"})",
      // value null: not counted; mod right; unit compared exactly.
      R"({"kind":"figure","label":"MONEY","start":10,"end":20,"value":null,"mod":"APPROX","unit":"USD"})",
      // value 2 against "2": wrong (a string is not a number).
      R"({"kind":"figure","label":"CARDINAL","start":30,"end":33,"value":2})",
      // Only a lenient match: not counted.
      R"({"kind":"figure","label":"CARDINAL","start":40,"end":45,"value":7})",
      // Optional: not counted.
      R"({"kind":"figure","label":"CARDINAL","start":50,"end":53,"value":1,"optional":true})",
      // Dates: a range compares key by key, whatever the order of the keys.
      R"({"kind":"date","label":"DATE","start":60,"end":69,"value":{"begin":"2005","end":"2009"}})",
      R"({"kind":"date","label":"DATE","start":70,"end":74,"value":"2023","mod":null})",
  });
  auto system = Records({
      R"({"kind":"figure","doc":"a","label":"CARDINAL","start":0,"end":6,"value":70000.0})",
      R"({"kind":"figure","doc":"a","label":"MONEY","start":10,"end":20,"value":5,"mod":"APPROX","unit":"usd"})",
      R"({"kind":"figure","doc":"a","label":"CARDINAL","start":30,"end":33,"value":"2"})",
      R"({"kind":"figure","doc":"a","label":"CARDINAL","start":40,"end":44,"value":7})",
      R"({"kind":"figure","doc":"a","label":"CARDINAL","start":50,"end":53,"value":9})",
      R"({"kind":"date","doc":"a","label":"DATE","start":60,"end":69,"value":{"end":"2009","begin":"2005"}})",
      R"({"kind":"date","doc":"a","label":"DATE","start":70,"end":74,"value":"2023","mod":"START"})",
  });
  auto rows = MustEvaluate(gold, system);
  CheckAttrRows(rows, {
                          // kind, measure, attribute: n, correct
                          {"figure", "attr", "value", 2, 1},
                          {"figure", "attr", "mod", 2, 1},
                          {"figure", "attr", "unit", 1, 0},  // units compare exactly
                          {"date", "attr", "value", 2, 2},
                          {"date", "attr", "mod", 0, 0},
                      });
  const Record* value = FindRow(rows, "figure", "*", "attr", "value");
  REQUIRE(value != nullptr);
  CHECK(value->Get("accuracy")->AsDouble() == doctest::Approx(0.5));
  CHECK(FindRow(rows, "figure", "*", "attr-lenient", "value") == nullptr);
}

TEST_CASE("Evaluate compares names ignoring case and a leading article, leniently by containment") {
  struct Case {
    std::string_view gold;
    std::string_view system;
    bool strict;
    bool lenient;
  };
  const std::vector<Case> cases = {
      {"Ilham Aliyev", "Ilham Aliyev", true, true},
      {"United States", "united states", true, true},
      {"the United States", "United States", true, true},
      {"United States", "The United States", true, true},
      {"Organization of Islamic Cooperation", "an Organization of Islamic Cooperation", true, true},
      {"A Few Good Men", "few good men", true, true},
      {"Israel’s Long‑Term Plan", "israel's long-term plan", true, true},
      {"Hassan  Rouhani", "hassan rouhani", true, true},
      {"Rouhani", "Hassan Rouhani", false, true},
      {"Hassan Rouhani", "Rouhani", false, true},
      {"Iran", "Iranian", false, false},
      {"Aliyev", "Ilham Aliyev Jr", false, true},
      {"Israel", "Azerbaijan", false, false},
      {"theocracy", "ocracy", false, false},
      {"author", "", false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.gold);
    CAPTURE(c.system);
    CHECK(SameName(c.gold, c.system) == c.strict);
    CHECK(SimilarName(c.gold, c.system) == c.lenient);
  }
  // The same through Evaluate, for each name attribute.
  auto gold = Records({
      R"({"kind":"entity","label":"PERSON","start":0,"end":7,"canonical":"Rouhani"})",
      R"({"kind":"entity","label":"GPE","start":10,"end":23,"canonical":"The United States"})",
      R"({"kind":"entity","label":"GPE","start":30,"end":34,"canonical":"Iran"})",
      R"({"kind":"quote","label":"SPEECH","start":40,"end":60,"speaker":"Hassan Rouhani"})",
      R"({"kind":"quote","label":"SPEECH","start":70,"end":80,"speaker":null})",
      R"({"kind":"claim","label":"FACTUAL","start":0,"end":90,"source":"World Bank report"})",
  });
  auto system = Records({
      R"({"kind":"entity","doc":"a","label":"PERSON","start":0,"end":7,"canonical":"Hassan Rouhani"})",
      R"({"kind":"entity","doc":"a","label":"GPE","start":10,"end":23,"canonical":"united states"})",
      R"({"kind":"entity","doc":"a","label":"GPE","start":30,"end":34,"canonical":"Iranian"})",
      R"({"kind":"quote","doc":"a","label":"SPEECH","start":40,"end":60,"speaker":"Rouhani"})",
      R"({"kind":"quote","doc":"a","label":"SPEECH","start":70,"end":80,"speaker":"Aliyev"})",
      R"({"kind":"claim","doc":"a","label":"FACTUAL","start":0,"end":90,"source":"the World Bank Report"})",
  });
  auto rows = MustEvaluate(gold, system);
  CheckAttrRows(rows, {
                          {"entity", "attr", "canonical", 3, 1},
                          {"entity", "attr-lenient", "canonical", 3, 2},
                          {"quote", "attr", "speaker", 1, 0},
                          {"quote", "attr-lenient", "speaker", 1, 1},
                          {"claim", "attr", "source", 1, 1},
                          {"claim", "attr-lenient", "source", 1, 1},
                      });
}

TEST_CASE("PathStem drops the directory and the last extension") {
  struct Case {
    std::string_view path;
    std::string_view stem;
  };
  const std::vector<Case> cases = {
      {"corpora/iceberg-melted.txt", "iceberg-melted"},
      {"/work/shared/gold/iceberg-melted.claims.jsonl", "iceberg-melted.claims"},
      {"essay", "essay"},
      {"dir.d/essay", "essay"},
      {"<stdin>", "<stdin>"},
      {".hidden", ".hidden"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CHECK(PathStem(c.path) == c.stem);
  }
}

TEST_CASE("Evaluate picks the document of a multi-document stream") {
  auto gold = Records({R"({"kind":"entity","label":"GPE","start":0,"end":6})"});
  auto system = Records({
      R"({"kind":"document","doc":"corpora/other.txt"})",
      R"({"kind":"entity","doc":"corpora/other.txt","label":"GPE","start":0,"end":6})",
      R"({"kind":"entity","doc":"corpora/other.txt","label":"GPE","start":10,"end":16})",
      R"({"kind":"document","doc":"corpora/iceberg-melted.txt"})",
      R"({"kind":"entity","doc":"corpora/iceberg-melted.txt","label":"GPE","start":0,"end":6})",
      R"({"kind":"document","doc":"more/iceberg.txt"})",
      R"({"kind":"entity","doc":"more/iceberg.txt","label":"ORG","start":0,"end":6})",
  });
  struct Case {
    std::string_view name;
    std::string gold_path;
    std::string doc;
    int64_t system, tp;
  };
  const std::vector<Case> cases = {
      {"by stem", "gold/iceberg-melted.jsonl", "", 1, 1},
      {"by a stem followed by '.'", "/work/shared/gold/iceberg-melted.claims.jsonl", "", 1, 1},
      {"by --doc", "gold/iceberg-melted.jsonl", "corpora/other.txt", 2, 1},
      {"by --doc, another stem", "gold/whatever.jsonl", "more/iceberg.txt", 1, 0},
      {"by a stem followed by '.', another", "gold/other.txt.jsonl", "", 2, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    EvalOptions options;
    options.doc = c.doc;
    auto rows = MustEvaluate(gold, system, options, c.gold_path);
    const Record* row = FindRow(rows, "entity", "*", "strict");
    CHECK(row != nullptr);
    if (row == nullptr) continue;
    CHECK(row->GetInt("system", -1) == c.system);
    CHECK(row->GetInt("tp", -1) == c.tp);
  }
}

TEST_CASE("Evaluate prefers the longest stem that fits the gold file's stem") {
  auto gold = Records({R"({"kind":"sentence","start":0,"end":6})"});
  auto system = Records({
      R"({"kind":"document","doc":"corpora/iceberg-melted.txt"})",
      R"({"kind":"sentence","doc":"corpora/iceberg-melted.txt","start":0,"end":6})",
      R"({"kind":"document","doc":"corpora/iceberg-melted.claims.txt"})",
      R"({"kind":"sentence","doc":"corpora/iceberg-melted.claims.txt","start":0,"end":5})",
      R"({"kind":"sentence","doc":"corpora/iceberg-melted.claims.txt","start":6,"end":9})",
  });
  for (bool reversed : {false, true}) {
    CAPTURE(reversed);
    std::vector<Record> stream = system;
    if (reversed) std::rotate(stream.begin(), stream.begin() + 2, stream.end());
    auto claims = MustEvaluate(gold, stream, {}, "gold/iceberg-melted.claims.jsonl");
    CheckSpanRows(claims, {{"sentence", "*", "strict", 1, 2, 0, 2, 1}});
    auto plain = MustEvaluate(gold, stream, {}, "gold/iceberg-melted.jsonl");
    CheckSpanRows(plain, {{"sentence", "*", "strict", 1, 1, 1, 0, 0}});
  }
}

TEST_CASE("Evaluate scores a one-document stream whatever its name") {
  auto gold = Records({R"({"kind":"sentence","start":0,"end":6})"});
  auto system = Records({
      R"({"kind":"document","doc":"<stdin>"})",
      R"({"kind":"sentence","doc":"<stdin>","start":0,"end":6})",
  });
  auto rows = MustEvaluate(gold, system, {}, "gold/iceberg-melted.jsonl");
  CheckSpanRows(rows, {{"sentence", "*", "strict", 1, 1, 1, 0, 0}});
}

TEST_CASE("Evaluate refuses a document it cannot pick") {
  auto gold = Records({R"({"kind":"entity","label":"GPE","start":0,"end":6})"});
  auto system = Records({
      R"({"kind":"document","doc":"a/essay.txt"})",
      R"({"kind":"document","doc":"b/essay.txt"})",
      R"({"kind":"document","doc":"c/other.txt"})",
  });
  struct Case {
    std::string_view name;
    std::string gold_path;
    std::string doc;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"ambiguous stem", "gold/essay.jsonl", "",
       "several documents of the system stream match the gold file's stem 'essay' "
       "('a/essay.txt', 'b/essay.txt'); choose one with --doc"},
      {"no stem matches", "gold/iceberg.jsonl", "",
       "no document of the system stream matches the gold file's stem 'iceberg' "
       "(documents: 'a/essay.txt', 'b/essay.txt', 'c/other.txt'); choose one with --doc"},
      {"a stem that only starts the gold stem", "gold/essays.jsonl", "",
       "no document of the system stream matches the gold file's stem 'essays' "
       "(documents: 'a/essay.txt', 'b/essay.txt', 'c/other.txt'); choose one with --doc"},
      {"unknown --doc", "gold/essay.jsonl", "essay.txt",
       "no document 'essay.txt' in the system stream"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    EvalOptions options;
    options.doc = c.doc;
    Result<std::vector<Record>> rows = Evaluate(gold, system, c.gold_path, options);
    CHECK_FALSE(rows.ok());
    if (rows.ok()) continue;
    CHECK(rows.error().code == ErrorCode::kUsage);
    CHECK(rows.error().message == c.message);
  }
}

TEST_CASE("Evaluate scores only the kinds asked for") {
  auto gold = Records({
      R"({"kind":"entity","label":"GPE","start":0,"end":6})",
      R"({"kind":"date","label":"DATE","start":10,"end":14,"value":"2023"})",
  });
  auto system = Records({
      R"({"kind":"document","doc":"a"})",
      R"({"kind":"entity","doc":"a","label":"GPE","start":0,"end":6})",
      R"({"kind":"date","doc":"a","label":"DATE","start":10,"end":14,"value":"2023"})",
      R"({"kind":"quote","doc":"a","label":"TERM","start":20,"end":25})",
      R"({"kind":"sentence","doc":"a","start":0,"end":30})",
  });
  struct Case {
    std::string_view name;
    std::vector<std::string> kinds;
    std::vector<std::string> rows;
  };
  const std::vector<Case> cases = {
      {"the gold's kinds",
       {},
       {"entity/*/strict", "entity/*/lenient", "entity/GPE/strict", "entity/GPE/lenient",
        "entity/*/attr/canonical", "entity/*/attr-lenient/canonical", "date/*/strict",
        "date/*/lenient", "date/DATE/strict", "date/DATE/lenient", "date/*/attr/value",
        "date/*/attr/mod"}},
      {"one kind",
       {"date"},
       {"date/*/strict", "date/*/lenient", "date/DATE/strict", "date/DATE/lenient",
        "date/*/attr/value", "date/*/attr/mod"}},
      {"gold order, then kinds absent from the gold",
       {"sentence", "date"},
       {"date/*/strict", "date/*/lenient", "date/DATE/strict", "date/DATE/lenient",
        "date/*/attr/value", "date/*/attr/mod", "sentence/*/strict", "sentence/*/lenient"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    EvalOptions options;
    options.kinds = c.kinds;
    auto rows = MustEvaluate(gold, system, options);
    CHECK(RowKeys(rows) == c.rows);
  }
  // A kind absent from the gold scores every system span as a false positive.
  EvalOptions options;
  options.kinds = {"sentence"};
  CheckSpanRows(MustEvaluate(gold, system, options), {{"sentence", "*", "strict", 0, 1, 0, 1, 0}});

  options.kinds = {"entities"};
  Result<std::vector<Record>> bad = Evaluate(gold, system, "gold/a.jsonl", options);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kUsage);
  CHECK(bad.error().message ==
        "unknown kind 'entities' (kinds: 'sentence', 'entity', 'date', 'figure', 'quote', "
        "'claim')");
}

TEST_CASE("Evaluate refuses malformed records and names them") {
  const auto good_gold = R"({"kind":"entity","label":"GPE","start":0,"end":6})";
  const auto good_system = R"({"kind":"entity","doc":"a","label":"GPE","start":0,"end":6})";
  struct Case {
    std::string_view name;
    std::vector<Record> gold;
    std::vector<Record> system;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"gold without kind", Records({good_gold, R"({"label":"GPE","start":0,"end":6})"}),
       Records({good_system}), "gold record 2: no \"kind\" string"},
      {"gold without start", Records({R"({"kind":"entity","label":"GPE","end":6})"}),
       Records({good_system}), "gold record 1: \"start\" is missing or not a whole number >= 0"},
      {"gold with a string end",
       Records({R"({"kind":"entity","label":"GPE","start":0,"end":"6"})"}), Records({good_system}),
       "gold record 1: \"end\" is missing or not a whole number >= 0"},
      {"gold with a fractional start",
       Records({R"({"kind":"entity","label":"GPE","start":0.5,"end":6})"}), Records({good_system}),
       "gold record 1: \"start\" is missing or not a whole number >= 0"},
      {"gold ending before it starts", Records({R"({"kind":"sentence","start":9,"end":6})"}),
       Records({good_system}), "gold record 1: \"end\" is before \"start\""},
      {"gold entity without label", Records({R"({"kind":"entity","start":0,"end":6})"}),
       Records({good_system}), "gold record 1: entity has no \"label\" string"},
      {"system without kind", Records({good_gold}),
       Records({good_system, R"({"doc":"a","start":0,"end":6})"}),
       "system record 2: no \"kind\" string"},
      {"system without end", Records({good_gold}),
       Records({good_system, R"({"kind":"entity","doc":"a","label":"GPE","start":0})"}),
       "system record 2: \"end\" is missing or not a whole number >= 0"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Result<std::vector<Record>> rows = Evaluate(c.gold, c.system, "gold/a.jsonl", {});
    CHECK_FALSE(rows.ok());
    if (rows.ok()) continue;
    CHECK(rows.error().code == ErrorCode::kMalformed);
    CHECK(rows.error().message == c.message);
  }
  // Records of kinds not scored need no offsets: document records, quotes here.
  auto rows = MustEvaluate(
      Records({good_gold}),
      Records({R"({"kind":"document","doc":"a"})", good_system, R"({"kind":"quote","doc":"a"})"}));
  CheckSpanRows(rows, {{"entity", "*", "strict", 1, 1, 1, 0, 0}});
}

}  // namespace
}  // namespace relscan
