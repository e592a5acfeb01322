// Result<T>: a value or an Error, shaped like std::expected.
//
// The library reports failures by value, never by exceptions across its API:
//
//   Result<Document> doc = LoadDocument(bytes, "essay.txt", {});
//   if (!doc) return doc.error();          // Error{code, message, path, ...}
//   Use(*doc);
//
// Positions in an Error are 1-based lines and columns (columns count code
// points) and a 0-based byte offset into the input as read.
#ifndef RELSCAN_RESULT_H_
#define RELSCAN_RESULT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace relscan {

/// Names the kind of failure, so callers can pick an exit code or a test can check it.
enum class ErrorCode {
  kIo,            // a file could not be opened or read
  kNotFound,      // a path does not exist
  kIsDirectory,   // a directory given where a file was expected
  kBinary,        // NUL bytes in the input
  kInvalidUtf8,   // a malformed UTF-8 sequence
  kInvalidUtf16,  // a malformed UTF-16 sequence
  kMalformed,     // a malformed tagged stream, gold file or option file
  kUsage,         // a bad option value
  kInternal,      // an ICU or library failure
};

/// Describes one failure with the position it happened at, where known.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // lowercase, no final period: "invalid UTF-8"
  std::string path;     // the input as given; empty when not about a file
  int64_t line = 0;     // 1-based; 0 when unknown
  int64_t column = 0;   // 1-based, in code points; 0 when unknown
  int64_t byte = -1;    // 0-based byte offset; -1 when unknown
};

/// Holds either a T or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Holds success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

/// Builds an Error with a code and message and no position.
inline Error MakeError(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

}  // namespace relscan

#endif  // RELSCAN_RESULT_H_
