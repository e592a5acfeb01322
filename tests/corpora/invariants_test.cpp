// Invariants over every text in corpora/: record text equals the document's
// text at [start, end), sentence ids resolve, spans lie inside their sentence.
#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "relscan/document.h"
#include "relscan/tag.h"

namespace relscan {
namespace {

namespace fs = std::filesystem;

// The document as UTF-32, built by ICU: an indexing independent of OffsetMap.
std::u32string ToUtf32(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out(static_cast<size_t>(u.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  return out;
}

std::string ToUtf8(const std::u32string& s) {
  std::string out;
  icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                static_cast<int32_t>(s.size()))
      .toUTF8String(out);
  return out;
}

std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(RELSCAN_SOURCE_DIR) / "corpora")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("invariants: every record of every corpus text") {
  std::vector<fs::path> files = CorpusFiles();
  REQUIRE(files.size() >= 7);
  TagOptions options;
  options.tokens = true;
  Tagger tagger(options);
  for (const fs::path& path : files) {
    CAPTURE(path.filename().string());
    Result<std::string> bytes = ReadFileBytes(path.string());
    REQUIRE(bytes.ok());
    Result<Document> doc = LoadDocument(*bytes, path.string(), {});
    REQUIRE(doc.ok());
    std::u32string text = ToUtf32(doc->text());
    std::vector<Record> records;
    tagger.Tag(*doc, &records);
    REQUIRE(records.size() > 1);
    CHECK(records[0].GetString("kind") == "document");
    CHECK(records[0].GetInt("chars") == static_cast<int64_t>(text.size()));

    std::map<std::string, std::pair<int64_t, int64_t>> sentences;
    int64_t previous_end = 0;
    for (const Record& r : records) {
      if (r.GetString("kind") != "sentence") continue;
      int64_t start = r.GetInt("start"), end = r.GetInt("end");
      CHECK(sentences.emplace(r.GetString("id"), std::make_pair(start, end)).second);
      CHECK(start >= previous_end);  // in order, not overlapping
      previous_end = end;
      for (const Value& t : r.Get("tokens")->AsArray()) {
        CHECK(t.AsArray()[0].AsInt() >= start);
        CHECK(t.AsArray()[1].AsInt() <= end);
      }
      if (const Value* dup = r.Get("duplicate_of")) {
        REQUIRE(sentences.count(dup->AsString()) == 1);
        auto [ds, de] = sentences[dup->AsString()];
        CHECK(text.substr(ds, de - ds) == text.substr(start, end - start));
      }
    }
    for (const Record& r : records) {
      std::string kind = r.GetString("kind");
      if (kind == "document") continue;
      CAPTURE(kind);
      int64_t start = r.GetInt("start", -1), end = r.GetInt("end", -1);
      REQUIRE(start >= 0);
      REQUIRE(end >= start);
      REQUIRE(end <= static_cast<int64_t>(text.size()));
      CHECK(ToUtf8(text.substr(start, end - start)) == r.GetString("text"));
      // Spans name a sentence that exists and lie inside it, or list every
      // sentence they cross.
      if (kind != "sentence") {
        std::string id = r.GetString("sentence");
        REQUIRE(sentences.count(id) == 1);
        auto [ss, se] = sentences[id];
        if (r.Get("sentences") == nullptr) {
          CHECK(start >= ss);
          CHECK(end <= se);
        } else {
          for (const Value& s : r.Get("sentences")->AsArray())
            CHECK(sentences.count(s.AsString()) == 1);
        }
      }
    }
  }
}

}  // namespace
}  // namespace relscan
