// Exact decimals: a 128-bit mantissa and a base-10 exponent, so that scale
// words multiply by shifting the exponent and never by binary floating point.
#include "exact_decimal.h"

#include <algorithm>
#include <limits>

namespace relscan {
namespace {

using Int128 = __int128;

Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Separators allowed between groups of three digits: comma, space, U+00A0,
// U+2009, U+202F (TAGSET §3 figures; the brief's list of thousands separators).
size_t GroupSeparatorLength(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ',' || s[i] == ' ') return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (s.compare(i, 3, "\xE2\x80\x89") == 0 || s.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
  return 0;
}

}  // namespace

Decimal Decimal::FromInt(int64_t v) {
  Decimal d;
  d.mantissa_ = v;
  d.Normalize();
  return d;
}

std::optional<Decimal> Decimal::Parse(std::string_view s) {
  Decimal d;
  size_t i = 0;
  int digits = 0, group = 0;
  bool grouped = false;
  while (i < s.size()) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits >= 36) return std::nullopt;
      d.mantissa_ = d.mantissa_ * 10 + (c - '0');
      ++digits;
      ++group;
      ++i;
      continue;
    }
    size_t sep = GroupSeparatorLength(s, i);
    if (sep > 0) {
      // Every group after a separator has exactly three digits; the first
      // has one to three.
      if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
      grouped = true;
      group = 0;
      i += sep;
      continue;
    }
    break;
  }
  if (digits == 0 || (grouped && group != 3)) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int fraction = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (digits >= 36) return std::nullopt;
      d.mantissa_ = d.mantissa_ * 10 + (s[i] - '0');
      ++digits;
      ++fraction;
      ++i;
    }
    if (fraction == 0) return std::nullopt;
    d.exponent_ = -fraction;
  }
  if (i != s.size()) return std::nullopt;
  d.Normalize();
  return d;
}

std::optional<Decimal> Decimal::Ratio(int64_t num, int64_t den, int max_fraction_digits) {
  if (den == 0) return std::nullopt;
  bool negative = (num < 0) != (den < 0);
  Int128 n = num < 0 ? -static_cast<Int128>(num) : num;
  Int128 q = den < 0 ? -static_cast<Int128>(den) : den;
  Decimal d;
  d.mantissa_ = n / q;
  Int128 rest = n % q;
  int places = 0;
  while (rest != 0 && places < max_fraction_digits) {
    rest *= 10;
    d.mantissa_ = d.mantissa_ * 10 + rest / q;
    rest %= q;
    ++places;
  }
  if (rest * 2 >= q && rest != 0) d.mantissa_ += 1;  // round half up
  d.exponent_ = -places;
  if (negative) d.mantissa_ = -d.mantissa_;
  d.Normalize();
  return d;
}

void Decimal::Normalize() {
  if (mantissa_ == 0) {
    exponent_ = 0;
    return;
  }
  while (exponent_ < 0 && mantissa_ % 10 == 0) {
    mantissa_ /= 10;
    ++exponent_;
  }
}

Decimal Decimal::Scaled(int power) const {
  Decimal d = *this;
  d.exponent_ += power;
  // Keep whole numbers with a non-negative exponent as plain mantissas.
  while (d.exponent_ > 0) {
    d.mantissa_ *= 10;
    --d.exponent_;
  }
  d.Normalize();
  return d;
}

Decimal Decimal::Times(const Decimal& other) const {
  Decimal d;
  d.mantissa_ = mantissa_ * other.mantissa_;
  d.exponent_ = exponent_ + other.exponent_;
  return d.Scaled(0);
}

Decimal Decimal::Plus(const Decimal& other) const {
  int e = std::min(exponent_, other.exponent_);
  Decimal d;
  d.mantissa_ = mantissa_ * Pow10(exponent_ - e) + other.mantissa_ * Pow10(other.exponent_ - e);
  d.exponent_ = e;
  return d.Scaled(0);
}

int Decimal::Compare(const Decimal& other) const {
  int e = std::min(exponent_, other.exponent_);
  Int128 a = mantissa_ * Pow10(exponent_ - e);
  Int128 b = other.mantissa_ * Pow10(other.exponent_ - e);
  return a < b ? -1 : a > b ? 1 : 0;
}

bool Decimal::IsInteger() const { return exponent_ >= 0; }

int64_t Decimal::ToInt() const {
  Int128 v = mantissa_;
  for (int e = exponent_; e < 0; ++e) v /= 10;
  for (int e = 0; e < exponent_; ++e) v *= 10;
  if (v > std::numeric_limits<int64_t>::max()) return std::numeric_limits<int64_t>::max();
  if (v < std::numeric_limits<int64_t>::min()) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(v);
}

std::string Decimal::ToString() const {
  Int128 v = mantissa_ < 0 ? -mantissa_ : mantissa_;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  std::reverse(digits.begin(), digits.end());
  if (exponent_ > 0) {
    digits.append(static_cast<size_t>(exponent_), '0');
  } else if (exponent_ < 0) {
    size_t places = static_cast<size_t>(-exponent_);
    if (digits.size() <= places) digits.insert(0, places - digits.size() + 1, '0');
    digits.insert(digits.size() - places, ".");
  }
  if (mantissa_ < 0) digits.insert(0, "-");
  return digits;
}

}  // namespace relscan
