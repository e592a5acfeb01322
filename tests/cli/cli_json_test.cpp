// The CLI's JSON outputs parsed and compared field by field: jsonl and json
// carry the same records, the stream's sentence text is the document's text
// at [start, end), and the document record carries its provenance.
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

std::string Run(const std::string& args) {
  std::string cmd = std::string(RELSCAN_BINARY) + " " + args;
  std::FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  CHECK(::pclose(p) == 0);
  return out;
}

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

const std::string kFixture = std::string(RELSCAN_SOURCE_DIR) + "/tests/cli/fixtures/good.txt";

TEST_CASE("cli json: jsonl and json carry the same sentence rows") {
  std::vector<Record> jsonl = Lines(Run("sentences --format jsonl " + kFixture));
  std::string json = Run("sentences --format json " + kFixture);
  // The json array holds one record a line between "[" and "]".
  REQUIRE(json.rfind("[\n", 0) == 0);
  REQUIRE(json.size() > 4);
  std::string body = json.substr(2, json.size() - 5);
  std::vector<Record> array;
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == ',') line.pop_back();
    Result<Record> r = ParseRecord(line);
    REQUIRE(r.ok());
    array.push_back(std::move(*r));
  }
  REQUIRE(jsonl.size() == 6);
  REQUIRE(array.size() == jsonl.size());
  for (size_t i = 0; i < jsonl.size(); ++i) {
    CAPTURE(i);
    REQUIRE(array[i].fields().size() == jsonl[i].fields().size());
    for (const auto& [name, value] : jsonl[i].fields()) {
      CAPTURE(name);
      REQUIRE(array[i].Get(name) != nullptr);
      CHECK(*array[i].Get(name) == value);
    }
  }
}

TEST_CASE("cli json: the tagged stream's records agree with the text") {
  std::ifstream f(kFixture, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(bytes);
  std::vector<Record> records = Lines(Run("tag --skip entities,dates,figures,quotes,claims --tokens " + kFixture));
  REQUIRE(records.size() == 7);
  const Record& doc = records[0];
  CHECK(doc.fields()[0].first == "kind");
  CHECK(doc.fields()[1].first == "doc");
  CHECK(doc.GetString("kind") == "document");
  CHECK(doc.GetInt("chars") == text.countChar32());
  CHECK(doc.GetString("sha256").size() == 64);
  CHECK(doc.GetString("icu").size() > 0);
  CHECK(doc.Get("options")->AsObject().size() >= 2);
  const char* ids[] = {"s1", "s2", "s3", "s4", "s5", "s6"};
  for (size_t i = 1; i < records.size(); ++i) {
    const Record& s = records[i];
    CAPTURE(i);
    CHECK(s.fields()[0].first == "kind");
    CHECK(s.fields()[1].first == "doc");
    CHECK(s.GetString("id") == ids[i - 1]);
    int32_t start = text.moveIndex32(0, static_cast<int32_t>(s.GetInt("start")));
    int32_t end = text.moveIndex32(0, static_cast<int32_t>(s.GetInt("end")));
    std::string expected;
    text.tempSubStringBetween(start, end).toUTF8String(expected);
    CHECK(s.GetString("text") == expected);
    const Array& tokens = s.Get("tokens")->AsArray();
    REQUIRE_FALSE(tokens.empty());
    CHECK(tokens.front().AsArray()[0].AsInt() == s.GetInt("start"));
    CHECK(tokens.back().AsArray()[1].AsInt() == s.GetInt("end"));
  }
  CHECK(records[1].Get("heading")->AsBool());
  CHECK(records[2].Get("heading") == nullptr);
}

}  // namespace
}  // namespace relscan
