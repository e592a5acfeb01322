// The sentences report: one row a sentence.
#include "relscan/report.h"

namespace relscan {

const std::vector<std::string>& SentenceColumns() {
  static const std::vector<std::string> kColumns = {
      "doc", "id", "para", "start", "end", "heading", "turn", "duplicate_of", "text"};
  return kColumns;
}

Record SentenceRow(const Record& s) {
  auto field = [&](const char* name) {
    const Value* v = s.Get(name);
    return v ? *v : Value();
  };
  Record row;
  row.fields().reserve(9);
  row.Add("doc", field("doc"));
  row.Add("id", field("id"));
  row.Add("para", field("para"));
  row.Add("start", field("start"));
  row.Add("end", field("end"));
  const Value* heading = s.Get("heading");
  row.Add("heading", heading ? heading->AsBool() : false);
  row.Add("turn", field("turn"));
  row.Add("duplicate_of", field("duplicate_of"));
  row.Add("text", field("text"));
  return row;
}

}  // namespace relscan
