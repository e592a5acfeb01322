// Reading the tagged stream (JSON Lines) back into records, with simdjson.
#include <fmt/format.h>
#include <simdjson.h>

#include "relscan/stream.h"

namespace relscan {
namespace {

Value Convert(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::NULL_VALUE: return Value();
    case simdjson::dom::element_type::BOOL: return Value(bool(e.get_bool().value()));
    case simdjson::dom::element_type::INT64: return Value(int64_t(e.get_int64().value()));
    case simdjson::dom::element_type::UINT64: {
      uint64_t u = e.get_uint64().value();
      return Value(static_cast<double>(u));
    }
    case simdjson::dom::element_type::DOUBLE: return Value(double(e.get_double().value()));
    case simdjson::dom::element_type::STRING: return Value(std::string_view(e.get_string().value()));
    case simdjson::dom::element_type::ARRAY: {
      // Held in a local: a range-for over get_array().value() would iterate
      // a destroyed temporary.
      simdjson::dom::array items;
      if (e.get_array().get(items)) return Value();
      Array a;
      for (simdjson::dom::element x : items) a.push_back(Convert(x));
      return Value(std::move(a));
    }
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object fields;
      if (e.get_object().get(fields)) return Value();
      Object o;
      for (simdjson::dom::key_value_pair kv : fields)
        o.emplace_back(std::string(kv.key), Convert(kv.value));
      return Value(std::move(o));
    }
  }
  return Value();
}

Result<Record> Parse(simdjson::dom::parser& parser, std::string_view json) {
  simdjson::dom::element e;
  auto error = parser.parse(json.data(), json.size()).get(e);
  if (error) {
    return MakeError(ErrorCode::kMalformed,
                     fmt::format("invalid JSON ({})", simdjson::error_message(error)));
  }
  if (e.type() != simdjson::dom::element_type::OBJECT) {
    return MakeError(ErrorCode::kMalformed, "expected a JSON object");
  }
  simdjson::dom::object fields;
  if (e.get_object().get(fields)) return MakeError(ErrorCode::kMalformed, "expected a JSON object");
  Object o;
  for (simdjson::dom::key_value_pair kv : fields) o.emplace_back(std::string(kv.key), Convert(kv.value));
  return Record(std::move(o));
}

}  // namespace

Result<Record> ParseRecord(std::string_view json) {
  simdjson::dom::parser parser;
  return Parse(parser, json);
}

bool LooksLikeStream(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string_view line = bytes.substr(0, bytes.find('\n'));
  if (line.empty() || line.front() != '{') return false;
  Result<Record> r = ParseRecord(line);
  return r && r->GetString("kind") == "document" && r->Get("doc") != nullptr;
}

Result<std::vector<Record>> ParseStream(std::string_view bytes,
                                        const std::string& path,
                                        const StreamOptions& options) {
  std::vector<Record> records;
  simdjson::dom::parser parser;
  int64_t line_no = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    auto fail = [&](std::string what) {
      Error e = MakeError(ErrorCode::kMalformed, fmt::format("line {}: {}", line_no, what));
      e.path = path;
      e.line = line_no;
      return e;
    };
    Result<Record> r = Parse(parser, line);
    if (!r) return fail(r.error().message);
    const Value* kind = r->Get("kind");
    if (kind == nullptr || !kind->is_string()) return fail("record has no \"kind\" string");
    if (options.require_doc) {
      const Value* doc = r->Get("doc");
      if (doc == nullptr || !doc->is_string()) return fail("record has no \"doc\" string");
    }
    records.push_back(std::move(*r));
  }
  return records;
}

}  // namespace relscan
