// The corpus reports through the relscan binary, their JSON parsed and
// compared field by field: jsonl and json carry the same rows, raw text and
// its tagged stream give the same rows, offsets point at the match, and
// --jobs changes nothing (samples included).
#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "relscan/record.h"
#include "relscan/stream.h"

namespace relscan {
namespace {

const std::string kFixtures = std::string(RELSCAN_SOURCE_DIR) + "/tests/cli/fixtures/";
const std::string kReports = kFixtures + "reports.txt";
const std::string kReference = kFixtures + "reference.txt";

std::string Run(const std::string& command) {
  std::string cmd = "cd " + kFixtures + " && " + command;
  std::FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  CHECK(::pclose(p) == 0);
  return out;
}

std::string Relscan(const std::string& args) { return Run(std::string(RELSCAN_BINARY) + " " + args); }

std::vector<Record> Lines(const std::string& jsonl) {
  std::vector<Record> out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    Result<Record> r = ParseRecord(line);
    REQUIRE_MESSAGE(r.ok(), line);
    out.push_back(std::move(*r));
  }
  return out;
}

std::vector<Record> JsonArray(const std::string& json) {
  REQUIRE(json.rfind("[", 0) == 0);
  std::vector<Record> out;
  std::istringstream in(json);
  std::string line;
  while (std::getline(in, line)) {
    if (line == "[" || line == "]" || line == "[]") continue;
    if (!line.empty() && line.back() == ',') line.pop_back();
    Result<Record> r = ParseRecord(line);
    REQUIRE_MESSAGE(r.ok(), line);
    out.push_back(std::move(*r));
  }
  return out;
}

void CheckSame(const std::vector<Record>& a, const std::vector<Record>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CAPTURE(i);
    REQUIRE(a[i].fields().size() == b[i].fields().size());
    for (const auto& [name, value] : a[i].fields()) {
      CAPTURE(name);
      REQUIRE(b[i].Get(name) != nullptr);
      CHECK(*b[i].Get(name) == value);
    }
  }
}

const char* const kReports3[] = {
    "concordance --width 20 energy reports.txt reference.txt",
    "concordance --label GPE --sort R1 reports.txt",
    "collocates --window 2,2 oil reports.txt reference.txt",
    "keywords --stopwords default reports.txt reference.txt",
    "keywords --alpha 1 reports.txt --reference reference.txt",
    "keywords --reference-rest --alpha 1 reports.txt reference.txt second.txt",
};

TEST_CASE("report cli: jsonl and json carry the same rows") {
  for (const char* args : kReports3) {
    std::string a = args;
    CAPTURE(a);
    std::vector<Record> jsonl = Lines(Relscan(a + " --format jsonl"));
    CHECK(!jsonl.empty());
    CheckSame(jsonl, JsonArray(Relscan(a + " --format json")));
  }
}

TEST_CASE("report cli: a tagged stream gives the rows of its text, with any --jobs") {
  std::string tag = std::string(RELSCAN_BINARY) + " tag reports.txt reference.txt second.txt | ";
  const char* const kArgs[] = {
      "concordance --format jsonl --words 3 the",
      "concordance --format jsonl --sample 4 --seed 9 --sort L1 the",
      "concordance --format jsonl --entity 'Ilham Aliyev'",
      "collocates --format jsonl --dedupe security",
      "keywords --format jsonl --ngram 2",
      "keywords --format jsonl --reference-rest --alpha 1",
  };
  for (const char* args : kArgs) {
    std::string a = args;
    CAPTURE(a);
    std::vector<Record> text =
        Lines(Relscan(a + " --jobs 1 reports.txt reference.txt second.txt"));
    CHECK(!text.empty());
    CheckSame(text, Lines(Relscan(a + " --jobs 3 reports.txt reference.txt second.txt")));
    CheckSame(text, Lines(Run(tag + RELSCAN_BINARY + " " + a)));
  }
}

TEST_CASE("report cli: concordance offsets point at the match in the text") {
  std::ifstream f(kReports, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(bytes);
  for (const char* query : {"oil", "--label GPE", "--stem depend", "--regex 'energy|oil'"}) {
    std::string q = query;
    CAPTURE(q);
    std::vector<Record> rows = Lines(Relscan("concordance --format jsonl " + q + " reports.txt"));
    REQUIRE(!rows.empty());
    for (const Record& r : rows) {
      int64_t start = r.GetInt("start"), end = r.GetInt("end");
      // Offsets are code points; ICU counts UTF-16 units, equal here (no
      // characters beyond the BMP).
      std::string slice;
      text.tempSubString(static_cast<int32_t>(start), static_cast<int32_t>(end - start))
          .toUTF8String(slice);
      CHECK(slice == r.GetString("match"));
      for (const char* name : {"L1", "L2", "L3", "R1", "R2", "R3"}) CHECK(r.Get(name) != nullptr);
    }
  }
}

}  // namespace
}  // namespace relscan
