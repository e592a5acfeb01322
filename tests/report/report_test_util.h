// Helpers for the report tests: report documents made from text in memory.
#ifndef RELSCAN_TESTS_REPORT_REPORT_TEST_UTIL_H_
#define RELSCAN_TESTS_REPORT_REPORT_TEST_UTIL_H_

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "relscan/document.h"
#include "relscan/record.h"
#include "relscan/report_input.h"

namespace relscan::testing {

/// Segments text as a raw-text input named path.
inline ReportDocument ReportDoc(std::string_view text, const std::string& path = "t.txt",
                                bool entities = false) {
  Result<Document> d = LoadDocument(text, path, {});
  REQUIRE(d.ok());
  ReportInputOptions options;
  options.entities = entities;
  ReportReader reader(options);
  return reader.FromText(std::move(*d));
}

/// Returns a row's field as text ("" for null), numbers as written in JSON.
inline std::string Field(const Record& r, std::string_view name) {
  const Value* v = r.Get(name);
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return v->AsString();
  std::string out;
  AppendJson(*v, &out);
  return out;
}

/// Returns the row whose field `key` is value, or nullptr.
inline const Record* RowWith(const std::vector<Record>& rows, std::string_view key,
                             std::string_view value) {
  for (const Record& r : rows)
    if (Field(r, key) == value) return &r;
  return nullptr;
}

}  // namespace relscan::testing

#endif  // RELSCAN_TESTS_REPORT_REPORT_TEST_UTIL_H_
