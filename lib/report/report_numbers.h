// Numbers in report rows: measures rounded for reading, NaN as null.
#ifndef RELSCAN_REPORT_REPORT_NUMBERS_H_
#define RELSCAN_REPORT_REPORT_NUMBERS_H_

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "relscan/record.h"

// GCC 12 warns that the std::vector inside a moved Value "may be used
// uninitialized" when rows add integer fields after string ones: a false
// positive of its variant analysis that GCC 13 no longer reports. The
// report files that build rows include this header.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace relscan {

/// Returns x rounded to 6 significant digits: a measure's noise digits dropped.
inline double Rounded(double x) {
  if (!std::isfinite(x) || x == 0) return x;
  std::string s = fmt::format("{:.6g}", x);
  return std::strtod(s.c_str(), nullptr);
}

/// Appends a measure to a row: rounded, or null when it is not finite.
inline void AddMeasure(Record* row, const char* name, double x) {
  if (std::isfinite(x)) {
    row->Add(name, Rounded(x));
  } else {
    row->Add(name, nullptr);
  }
}

}  // namespace relscan

#endif  // RELSCAN_REPORT_REPORT_NUMBERS_H_
