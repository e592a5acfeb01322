// Typography and case folding for look-up keys.
#include "relscan/fold.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace relscan {
namespace {

// Maps one code point to its typographic fold, or returns it unchanged.
UChar32 FoldChar(UChar32 c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2212:
      return '-';
    case 0x2019: case 0x2018: case 0x02BC:
      return '\'';
    case 0x00A0: case 0x2007: case 0x2009: case 0x202F:
      return ' ';
    default:
      return c;
  }
}

std::string Fold(std::string_view in, bool fold_case) {
  std::string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  int32_t n = static_cast<int32_t>(in.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      char c = static_cast<char>(s[i++]);
      if (fold_case && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      out.push_back(c);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    c = FoldChar(c);
    if (fold_case) c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, len);
  }
  return out;
}

}  // namespace

std::string FoldForMatch(std::string_view utf8) { return Fold(utf8, true); }

std::string FoldTypography(std::string_view utf8) { return Fold(utf8, false); }

}  // namespace relscan
