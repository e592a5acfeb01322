// Token keys: the folded forms tokens are compared and counted by.
#ifndef RELSCAN_REPORT_TOKEN_KEYS_H_
#define RELSCAN_REPORT_TOKEN_KEYS_H_

#include <string>
#include <string_view>

#include "relscan/fold.h"

namespace relscan {

/// Says whether text is all ASCII.
inline bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

/// Returns the key of a token: case and typography folded (FoldForMatch),
/// or typography alone when case_sensitive. ASCII text needs no ICU, and
/// the common case allocates nothing: the result views s or *buf.
inline std::string_view KeyOf(std::string_view s, bool case_sensitive, std::string* buf) {
  if (IsAscii(s)) {
    if (case_sensitive) return s;
    bool upper = false;
    for (char c : s) upper = upper || (c >= 'A' && c <= 'Z');
    if (!upper) return s;
    buf->assign(s);
    for (char& c : *buf)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return *buf;
  }
  *buf = case_sensitive ? FoldTypography(s) : FoldForMatch(s);
  return *buf;
}

}  // namespace relscan

#endif  // RELSCAN_REPORT_TOKEN_KEYS_H_
