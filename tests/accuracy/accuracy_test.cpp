// Regression floors on the reference essay: each fails when a score drops
// more than 0.01 below the figure last measured (see the closing notes and
// tools/accuracy.sh). These are floors against regressions, not the goals.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "relscan/document.h"
#include "relscan/eval.h"
#include "relscan/stream.h"
#include "relscan/tag.h"

namespace relscan {
namespace {

struct Floor {
  const char* gold;    // under corpora/gold/
  const char* kind;
  const char* label;   // "*" for all labels of the kind
  const char* measure; // strict, lenient or attr
  const char* attribute;  // for attr rows
  double last;         // the figure last measured
};

// Last measured with tools/accuracy.sh; update them when a change improves
// a score, so that the floor follows.
const Floor kFloors[] = {
    {"iceberg-melted.claims.jsonl", "sentence", "*", "strict", "", 1.000},
    {"iceberg-melted.claims.jsonl", "claim", "*", "strict", "", 1.000},
    {"iceberg-melted.claims.jsonl", "claim", "*", "attr", "label", 0.914},
    {"iceberg-melted.claims.jsonl", "claim", "*", "attr", "stance", 1.000},
    {"iceberg-melted.claims.jsonl", "claim", "*", "attr", "source", 1.000},
    {"iceberg-melted.jsonl", "entity", "*", "strict", "", 0.986},
    {"iceberg-melted.jsonl", "entity", "GPE", "strict", "", 0.997},
    {"iceberg-melted.jsonl", "entity", "NORP", "strict", "", 1.000},
    {"iceberg-melted.jsonl", "entity", "ORG", "strict", "", 0.899},
    {"iceberg-melted.jsonl", "entity", "PERSON", "strict", "", 1.000},
    {"iceberg-melted.jsonl", "entity", "*", "attr", "canonical", 0.997},
    {"iceberg-melted.jsonl", "date", "*", "strict", "", 1.000},
    {"iceberg-melted.jsonl", "date", "*", "attr", "value", 1.000},
    {"iceberg-melted.jsonl", "figure", "*", "strict", "", 1.000},
    {"iceberg-melted.jsonl", "figure", "*", "attr", "value", 1.000},
    {"iceberg-melted.jsonl", "quote", "*", "strict", "", 1.000},
    {"iceberg-melted.jsonl", "quote", "*", "attr", "speaker", 1.000},
};

std::vector<Record> Read(const std::string& path, bool require_doc) {
  Result<std::string> bytes = ReadFileBytes(path);
  REQUIRE(bytes.ok());
  StreamOptions options;
  options.require_doc = require_doc;
  Result<std::vector<Record>> records = ParseStream(*bytes, path, options);
  REQUIRE(records.ok());
  return std::move(*records);
}

TEST_CASE("accuracy: scores on the reference essay stay above their floors") {
  const std::string root = RELSCAN_SOURCE_DIR;
  Result<std::string> bytes = ReadFileBytes(root + "/corpora/iceberg-melted.txt");
  REQUIRE(bytes.ok());
  Result<Document> doc = LoadDocument(*bytes, "corpora/iceberg-melted.txt", {});
  REQUIRE(doc.ok());
  Tagger tagger{TagOptions{}};
  std::vector<Record> system;
  tagger.Tag(*doc, &system);
  for (const Floor& f : kFloors) {
    CAPTURE(f.gold);
    CAPTURE(f.kind);
    CAPTURE(f.label);
    CAPTURE(f.measure);
    CAPTURE(f.attribute);
    std::string gold_path = root + "/corpora/gold/" + f.gold;
    EvalOptions options;
    options.kinds = {f.kind};
    Result<std::vector<Record>> rows = Evaluate(Read(gold_path, false), system, gold_path, options);
    REQUIRE(rows.ok());
    bool found = false;
    for (const Record& r : *rows) {
      if (r.GetString("kind") != f.kind || r.GetString("label") != f.label ||
          r.GetString("measure") != f.measure)
        continue;
      if (std::string(f.measure) == "attr" && r.GetString("attribute") != f.attribute) continue;
      found = true;
      double score = r.Get(std::string(f.measure) == "attr" ? "accuracy" : "f1")->AsDouble();
      CAPTURE(score);
      CHECK(score >= f.last - 0.01);
    }
    CHECK(found);
  }
}

}  // namespace
}  // namespace relscan
