#include "output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace relscan::cli {

StdoutSink::~StdoutSink() {
  try {
    Flush();
  } catch (const BrokenPipe&) {
    // The reader is gone; nothing more to say.
  }
}

void StdoutSink::Write(std::string_view bytes) {
  if (buf_.size() + bytes.size() > kBuffer) Flush();
  if (bytes.size() >= kBuffer) {
    buf_.assign(bytes);
    Flush();
    return;
  }
  buf_.append(bytes);
}

void StdoutSink::Flush() {
  size_t done = 0;
  while (done < buf_.size()) {
    ssize_t n = ::write(1, buf_.data() + done, buf_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      buf_.clear();
      if (errno == EPIPE) throw BrokenPipe{};
      throw std::runtime_error(std::string("cannot write output: ") + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  buf_.clear();
}

bool StdoutIsTerminal() { return ::isatty(1) == 1; }
bool StderrIsTerminal() { return ::isatty(2) == 1; }
bool StdinIsTerminal() { return ::isatty(0) == 1; }

}  // namespace relscan::cli
