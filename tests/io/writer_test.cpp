// The record writers (lib/io): every output format.
#include <doctest/doctest.h>

#include <string>

#include "relscan/record.h"
#include "relscan/stream.h"
#include "relscan/writer.h"

namespace relscan {
namespace {

std::string Render(Format format, const std::vector<Record>& records,
                   const std::vector<std::string>& columns, WriterOptions options = {}) {
  StringSink sink;
  auto w = MakeWriter(format, &sink, options);
  w->Begin(columns);
  for (const Record& r : records) w->Write(r);
  w->End();
  return sink.str();
}

std::vector<Record> Sample() {
  Record a;
  a.Add("doc", "a.txt").Add("n", 7).Add("text", "tab\there\nnew \\ line");
  Record b;
  b.Add("doc", "b, \"quoted\"").Add("n", Value()).Add("text", "plain");
  return {a, b};
}

TEST_CASE("writer: tsv escapes tab, CR, LF and backslash, null is empty") {
  CHECK(Render(Format::kTsv, Sample(), {"doc", "n", "text"}) ==
        "doc\tn\ttext\n"
        "a.txt\t7\ttab\\there\\nnew \\\\ line\n"
        "b, \"quoted\"\t\tplain\n");
}

TEST_CASE("writer: tsv escapes wherever the character falls in a long cell") {
  for (size_t at = 0; at < 20; ++at) {
    for (char c : {'\t', '\n', '\r', '\\'}) {
      std::string text(20, 'x');
      text[at] = c;
      Record r;
      r.Add("text", text);
      std::string escaped = c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\\\";
      std::string want = std::string(at, 'x') + escaped + std::string(19 - at, 'x') + "\n";
      WriterOptions o;
      o.header = false;
      CHECK(Render(Format::kTsv, {r}, {"text"}, o) == want);
    }
  }
}

TEST_CASE("writer: WriteRow renders what Write renders for the same record") {
  const std::string_view names[] = {"doc", "n", "text", "extra"};
  const Cell cells[] = {Cell::Str("a, \"b\".txt"), Cell::Int(-42),
                        Cell::Str("0123456789 tab\there \\ \u00e9"), Cell::Null()};
  Record r;
  r.Add("doc", "a, \"b\".txt").Add("n", -42).Add("text", "0123456789 tab\there \\ \u00e9");
  r.Add("extra", Value());
  for (Format f : {Format::kTsv, Format::kCsv, Format::kJsonl, Format::kJson, Format::kTable}) {
    CAPTURE(FormatName(f));
    StringSink rows;
    auto w = MakeWriter(f, &rows, {});
    w->Begin({"n", "doc", "text"});
    w->WriteRow(names, cells);
    w->WriteRow(names, cells);
    w->End();
    CHECK(rows.str() == Render(f, {r, r}, {"n", "doc", "text"}));
  }
}

TEST_CASE("writer: --no-header drops the header line") {
  WriterOptions o;
  o.header = false;
  CHECK(Render(Format::kTsv, Sample(), {"doc"}, o) == "a.txt\nb, \"quoted\"\n");
  CHECK(Render(Format::kCsv, Sample(), {"doc"}, o) == "a.txt\n\"b, \"\"quoted\"\"\"\n");
}

TEST_CASE("writer: csv quotes as RFC 4180 and ends lines with LF") {
  CHECK(Render(Format::kCsv, Sample(), {"doc", "n", "text"}) ==
        "doc,n,text\n"
        "a.txt,7,\"tab\there\nnew \\ line\"\n"
        "\"b, \"\"quoted\"\"\",,plain\n");
}

TEST_CASE("writer: JSON strings escape wherever the character falls") {
  const std::pair<char, std::string> kEscapes[] = {
      {'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\t', "\\t"},
      {'\x01', "\\u0001"}, {'\x1f', "\\u001f"}};
  for (size_t at = 0; at < 20; ++at) {
    for (const auto& [c, escaped] : kEscapes) {
      std::string text(20, 'x');
      text[at] = c;
      std::string out;
      AppendJsonString(text, &out);
      CHECK(out == "\"" + std::string(at, 'x') + escaped + std::string(19 - at, 'x') + "\"");
    }
  }
  std::string plain = "Plain text, \xE2\x80\x9C" "curly\xE2\x80\x9D and ~{}";
  std::string out;
  AppendJsonString(plain, &out);
  CHECK(out == "\"" + plain + "\"");
}

TEST_CASE("writer: jsonl writes whole records, compact, in field order") {
  CHECK(Render(Format::kJsonl, Sample(), {"doc"}) ==
        "{\"doc\":\"a.txt\",\"n\":7,\"text\":\"tab\\there\\nnew \\\\ line\"}\n"
        "{\"doc\":\"b, \\\"quoted\\\"\",\"n\":null,\"text\":\"plain\"}\n");
}

TEST_CASE("writer: json writes one array, and an empty one for no records") {
  std::string out = Render(Format::kJson, Sample(), {});
  CHECK(out.front() == '[');
  CHECK(out == "[\n{\"doc\":\"a.txt\",\"n\":7,\"text\":\"tab\\there\\nnew \\\\ line\"},\n"
               "{\"doc\":\"b, \\\"quoted\\\"\",\"n\":null,\"text\":\"plain\"}\n]\n");
  CHECK(Render(Format::kJson, {}, {}) == "[]\n");
}

TEST_CASE("writer: json output parses back to the same values") {
  Record r;
  r.Add("kind", "figure").Add("value", 4850000000.0).Add("ratio", 0.9)
      .Add("range", Value(Object{{"begin", "2005"}, {"end", "2009"}}))
      .Add("tokens", Value(Array{Value(Array{1, 2})}))
      .Add("text", "\xE2\x80\x9C" "quoted\xE2\x80\x9D \x01");
  std::string line;
  AppendJson(r, &line);
  // Whole values are written as integers (TAGSET §3).
  CHECK(line.find("\"value\":4850000000,") != std::string::npos);
  CHECK(line.find("\\u0001") != std::string::npos);
  Result<Record> back = ParseRecord(line);
  REQUIRE(back.ok());
  for (const auto& [name, value] : r.fields()) {
    CAPTURE(name);
    REQUIRE(back->Get(name) != nullptr);
    CHECK(*back->Get(name) == value);
  }
}

TEST_CASE("writer: table aligns by display width") {
  Record a, b, c;
  a.Add("name", "Baku").Add("n", 1);
  b.Add("name", "\xE6\x9D\xB1\xE4\xBA\xAC").Add("n", 10);  // 東京: two wide characters
  c.Add("name", "Cafe\xCC\x81").Add("n", 100);              // a combining mark
  CHECK(Render(Format::kTable, {a, b, c}, {"name", "n"}) ==
        "name    n\n"
        "Baku    1\n"
        "\xE6\x9D\xB1\xE4\xBA\xAC   10\n"
        "Cafe\xCC\x81  100\n");
}

TEST_CASE("writer: table streams after its buffer with the widths it has") {
  WriterOptions o;
  o.table_buffer = 2;
  Record a, b, c;
  a.Add("w", "ab");
  b.Add("w", "abc");
  c.Add("w", "much longer");
  CHECK(Render(Format::kTable, {a, b, c}, {"w", "x"}, o) ==
        "w    x\n"
        "ab\n"
        "abc\n"
        "much longer\n");
  Record d, e, f;
  d.Add("w", "ab").Add("x", 1);
  e.Add("w", "abc").Add("x", 2);
  f.Add("w", "much longer").Add("x", 3);
  CHECK(Render(Format::kTable, {d, e, f}, {"w", "x"}, o) ==
        "w    x\n"
        "ab   1\n"
        "abc  2\n"
        "much longer  3\n");
}

TEST_CASE("writer: display width of wide, combining and format characters") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("\xE6\x9D\xB1\xE4\xBA\xAC") == 4);
  CHECK(DisplayWidth("e\xCC\x81") == 1);
  CHECK(DisplayWidth("a\xE2\x80\x8B" "b") == 2);  // zero-width space is Cf
}

TEST_CASE("stream: malformed lines name the line and the problem") {
  struct Row {
    std::string text, message;
  };
  const Row rows[] = {
      {"{\"kind\":\"document\",\"doc\":\"a\"}\n[1,2]\n", "line 2: expected a JSON object"},
      {"{\"kind\":\"document\",\"doc\":\"a\"}\n\n{\"doc\":\"a\"}\n",
       "line 3: record has no \"kind\" string"},
      {"{\"kind\":\"sentence\"}\n", "line 1: record has no \"doc\" string"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    Result<std::vector<Record>> r = ParseStream(row.text, "s.jsonl");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == row.message);
    CHECK(r.error().path == "s.jsonl");
  }
  Result<std::vector<Record>> bad = ParseStream("{\"kind\":\n", "s.jsonl");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.rfind("line 1: invalid JSON", 0) == 0);
}

TEST_CASE("stream: a stream is told from text by its first line") {
  CHECK(LooksLikeStream("{\"kind\":\"document\",\"doc\":\"a.txt\",\"chars\":0}\n"));
  CHECK_FALSE(LooksLikeStream("{\"kind\":\"sentence\",\"doc\":\"a.txt\"}\n"));
  CHECK_FALSE(LooksLikeStream("The Iceberg Melted\n"));
  CHECK_FALSE(LooksLikeStream("{not json}\n"));
}

}  // namespace
}  // namespace relscan
