// Diagnostics: the one place the CLI prints errors and picks the exit code.
//
// Messages follow git's style: program prefix, lowercase, subject quoted,
// no final period:  relscan: error: 'essay.txt': invalid UTF-8 at 12:7 (byte 311)
#ifndef RELSCAN_CLI_DIAGNOSTICS_H_
#define RELSCAN_CLI_DIAGNOSTICS_H_

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

#include "relscan/result.h"

namespace relscan::cli {

/// The exit codes of DESIGN.md.
enum class ExitCode { kOk = 0, kInputFailed = 1, kUsage = 2 };

/// Thrown to end a command with a usage error (exit 2) after printing it.
struct UsageError {
  std::string message;
};

/// Prints errors and warnings to stderr and remembers the worst outcome.
class Diagnostics {
 public:
  explicit Diagnostics(std::FILE* err = stderr) : err_(err) {}

  /// Reports a failed input (exit 1, processing goes on).
  void InputError(const Error& error);
  /// Reports a usage error (exit 2).
  void UsageProblem(std::string_view message);
  /// Reports a warning; the exit code is unchanged.
  void Warning(std::string_view message);
  /// Returns the exit code for what was reported so far.
  ExitCode exit_code() const { return code_; }
  /// Returns how many input errors were reported.
  int input_errors() const { return input_errors_; }

 private:
  void Print(std::string_view line);

  std::FILE* err_;
  std::mutex mu_;
  ExitCode code_ = ExitCode::kOk;
  int input_errors_ = 0;
};

/// Formats an error as "'path': message" (or just the message without a path).
std::string Describe(const Error& error);

}  // namespace relscan::cli

#endif  // RELSCAN_CLI_DIAGNOSTICS_H_
