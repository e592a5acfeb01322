// Standard output for records: buffered, and quiet on a closed pipe.
#ifndef RELSCAN_CLI_OUTPUT_H_
#define RELSCAN_CLI_OUTPUT_H_

#include <string>
#include <string_view>

#include "relscan/writer.h"

namespace relscan::cli {

/// Thrown when the reader of stdout has gone away (EPIPE); main exits 0.
struct BrokenPipe {};

/// Writes to file descriptor 1 through a buffer; throws BrokenPipe on EPIPE.
class StdoutSink : public OutputSink {
 public:
  StdoutSink() { buf_.reserve(kBuffer); }
  ~StdoutSink() override;
  void Write(std::string_view bytes) override;
  /// Writes out whatever is buffered.
  void Flush();

 private:
  static constexpr size_t kBuffer = 1 << 16;
  std::string buf_;
};

/// Says whether stdout is a terminal.
bool StdoutIsTerminal();
/// Says whether stderr is a terminal.
bool StderrIsTerminal();
/// Says whether stdin is a terminal.
bool StdinIsTerminal();

}  // namespace relscan::cli

#endif  // RELSCAN_CLI_OUTPUT_H_
