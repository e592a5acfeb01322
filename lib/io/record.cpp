// Record values and their JSON rendering.
#include "relscan/record.h"

#include "relscan/swar.h"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

namespace relscan {
namespace {
const std::string kEmptyString;
const Array kEmptyArray;
const Object kEmptyObject;
}  // namespace

bool Value::AsBool() const {
  return type() == Type::kBool ? std::get<bool>(v_) : false;
}

int64_t Value::AsInt() const {
  if (type() == Type::kInt) return std::get<int64_t>(v_);
  if (type() == Type::kDouble) return static_cast<int64_t>(std::get<double>(v_));
  return 0;
}

double Value::AsDouble() const {
  if (type() == Type::kInt) return static_cast<double>(std::get<int64_t>(v_));
  if (type() == Type::kDouble) return std::get<double>(v_);
  return 0;
}

const std::string& Value::AsString() const {
  return type() == Type::kString ? std::get<std::string>(v_) : kEmptyString;
}

const Array& Value::AsArray() const {
  return type() == Type::kArray ? std::get<Array>(v_) : kEmptyArray;
}

const Object& Value::AsObject() const {
  return type() == Type::kObject ? std::get<Object>(v_) : kEmptyObject;
}

bool Value::operator==(const Value& other) const {
  if (is_number() && other.is_number()) {
    if (type() == Type::kInt && other.type() == Type::kInt) return AsInt() == other.AsInt();
    return AsDouble() == other.AsDouble();
  }
  return v_ == other.v_;
}

Record& Record::Set(std::string_view name, Value value) {
  for (auto& [k, v] : fields_) {
    if (k == name) {
      v = std::move(value);
      return *this;
    }
  }
  fields_.emplace_back(std::string(name), std::move(value));
  return *this;
}

const Value* Record::Get(std::string_view name) const {
  for (const auto& [k, v] : fields_) {
    if (k == name) return &v;
  }
  return nullptr;
}

const std::string& Record::GetString(std::string_view name) const {
  const Value* v = Get(name);
  return v ? v->AsString() : kEmptyString;
}

int64_t Record::GetInt(std::string_view name, int64_t fallback) const {
  const Value* v = Get(name);
  return v && v->is_number() ? v->AsInt() : fallback;
}

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  // Eight plain bytes at a time: none is '"', '\\' or a control character.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = swar::Load(s.data() + i);
    if (swar::HasByte(w, '"') || swar::HasByte(w, '\\') || swar::HasByteBelow(w, 0x20)) break;
  }
  size_t run = 0;  // start of the pending run of plain bytes
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendJson(const Value& value, std::string* out) {
  switch (value.type()) {
    case Value::Type::kNull: out->append("null"); break;
    case Value::Type::kBool: out->append(value.AsBool() ? "true" : "false"); break;
    case Value::Type::kInt: {
      fmt::format_int digits(value.AsInt());
      out->append(digits.data(), digits.size());
      break;
    }
    case Value::Type::kDouble: {
      double d = value.AsDouble();
      if (!std::isfinite(d)) {
        out->append("null");
      } else if (d == std::trunc(d) && std::fabs(d) < 9.007199254740992e15) {
        // Whole values are written as integers (TAGSET §3).
        fmt::format_to(std::back_inserter(*out), "{}", static_cast<int64_t>(d));
      } else {
        fmt::format_to(std::back_inserter(*out), "{}", d);
      }
      break;
    }
    case Value::Type::kString: AppendJsonString(value.AsString(), out); break;
    case Value::Type::kArray: {
      out->push_back('[');
      bool first = true;
      for (const Value& v : value.AsArray()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJson(v, out);
      }
      out->push_back(']');
      break;
    }
    case Value::Type::kObject: {
      out->push_back('{');
      bool first = true;
      for (const auto& [k, v] : value.AsObject()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(k, out);
        out->push_back(':');
        AppendJson(v, out);
      }
      out->push_back('}');
      break;
    }
  }
}

void AppendJson(const Record& record, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (const auto& [k, v] : record.fields()) {
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(k, out);
    out->push_back(':');
    AppendJson(v, out);
  }
  out->push_back('}');
}

}  // namespace relscan
