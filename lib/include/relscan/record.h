// Records: the unit of the tagged stream and of every report.
//
// A Record is an ordered list of named JSON values, so that writers keep
// field order (`kind` first, `doc` second) and reports can name columns:
//
//   Record r;
//   r.Add("kind", "sentence").Add("doc", path).Add("start", 512);
//   r.Get("start")->AsInt();       // 512
//
// Offsets in records are code points (TAGSET.md); `bstart`/`bend` are bytes.
#ifndef RELSCAN_RECORD_H_
#define RELSCAN_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace relscan {

class Value;
using Array = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;

/// Holds one JSON value: null, bool, integer, number, string, array or object.
class Value {
 public:
  enum class Type { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

  Value() = default;
  Value(std::nullptr_t) {}                                  // NOLINT
  Value(bool b) : v_(b) {}                                  // NOLINT
  Value(int v) : v_(static_cast<int64_t>(v)) {}             // NOLINT
  Value(int64_t v) : v_(v) {}                               // NOLINT
  Value(double v) : v_(v) {}                                // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                // NOLINT
  Value(std::string_view s) : v_(std::string(s)) {}         // NOLINT
  Value(const char* s) : v_(std::string(s)) {}              // NOLINT
  Value(Array a) : v_(std::move(a)) {}                      // NOLINT
  Value(Object o) : v_(std::move(o)) {}                     // NOLINT

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_number() const { return type() == Type::kInt || type() == Type::kDouble; }
  bool is_string() const { return type() == Type::kString; }

  /// Returns the bool, or false for any other type.
  bool AsBool() const;
  /// Returns the integer (a double is truncated), or 0 for other types.
  int64_t AsInt() const;
  /// Returns the number as a double, or 0 for other types.
  double AsDouble() const;
  /// Returns the string, or an empty one for other types.
  const std::string& AsString() const;
  /// Returns the array, or an empty one for other types.
  const Array& AsArray() const;
  /// Returns the object, or an empty one for other types.
  const Object& AsObject() const;

  /// Compares as JSON values; 70000 equals 70000.0.
  bool operator==(const Value& other) const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Array, Object> v_;
};

/// Holds one record: named values in order.
class Record {
 public:
  Record() = default;
  explicit Record(Object fields) : fields_(std::move(fields)) {}

  /// Appends a field (no check for duplicates) and returns *this.
  Record& Add(std::string name, Value value) {
    fields_.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  /// Replaces a field's value, or appends it when missing.
  Record& Set(std::string_view name, Value value);
  /// Returns a field's value, or nullptr when the record has no such field.
  const Value* Get(std::string_view name) const;
  /// Returns a string field, or an empty string.
  const std::string& GetString(std::string_view name) const;
  /// Returns an integer field, or fallback.
  int64_t GetInt(std::string_view name, int64_t fallback = 0) const;

  const Object& fields() const { return fields_; }
  Object& fields() { return fields_; }

 private:
  Object fields_;
};

/// Appends the compact JSON of a value to out (UTF-8 kept as is).
void AppendJson(const Value& value, std::string* out);
/// Appends the compact JSON object of a record to out.
void AppendJson(const Record& record, std::string* out);
/// Appends s as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace relscan

#endif  // RELSCAN_RECORD_H_
