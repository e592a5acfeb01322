#include "diagnostics.h"

#include <fmt/format.h>

namespace relscan::cli {

std::string Describe(const Error& error) {
  if (error.path.empty()) return error.message;
  std::string path = error.path == "-" ? "<stdin>" : error.path;
  return fmt::format("'{}': {}", path, error.message);
}

void Diagnostics::Print(std::string_view line) {
  std::lock_guard<std::mutex> lock(mu_);
  std::fputs(std::string(line).c_str(), err_);
  std::fputc('\n', err_);
  std::fflush(err_);
}

void Diagnostics::InputError(const Error& error) {
  Print(fmt::format("relscan: error: {}", Describe(error)));
  std::lock_guard<std::mutex> lock(mu_);
  ++input_errors_;
  if (code_ == ExitCode::kOk) code_ = ExitCode::kInputFailed;
}

void Diagnostics::UsageProblem(std::string_view message) {
  Print(fmt::format("relscan: error: {}", message));
  std::lock_guard<std::mutex> lock(mu_);
  code_ = ExitCode::kUsage;
}

void Diagnostics::Warning(std::string_view message) {
  Print(fmt::format("relscan: warning: {}", message));
}

}  // namespace relscan::cli
