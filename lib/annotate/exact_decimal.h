// Exact decimal numbers for figure values (TAGSET §3: "decimals are parsed
// exactly as written"; whole values are written as integers).
//
//   Decimal d = *Decimal::Parse("4.85");
//   d.Scaled(9).ToString();                 // "4850000000", never 4849999999.99
//   Decimal::Ratio(9, 10)->ToString();      // "0.9"
//
// A Decimal is a 128-bit integer mantissa times a power of ten, which holds
// every figure an essay writes (up to some 38 significant digits).
#ifndef RELSCAN_ANNOTATE_EXACT_DECIMAL_H_
#define RELSCAN_ANNOTATE_EXACT_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relscan {

/// Holds an exact decimal number: mantissa × 10^exponent.
class Decimal {
 public:
  Decimal() = default;
  /// Returns the whole number v.
  static Decimal FromInt(int64_t v);
  /// Parses digits as written: "70,000", "70 000" (space, U+00A0, U+2009,
  /// U+202F between groups of three), "4.85", "0.9"; nullopt if malformed.
  static std::optional<Decimal> Parse(std::string_view text);
  /// Returns num/den, exact when the quotient terminates, else rounded to
  /// max_fraction_digits; nullopt when den is 0.
  static std::optional<Decimal> Ratio(int64_t num, int64_t den, int max_fraction_digits = 10);

  /// Returns this × 10^power.
  Decimal Scaled(int power) const;
  /// Returns this × other.
  Decimal Times(const Decimal& other) const;
  /// Returns this + other.
  Decimal Plus(const Decimal& other) const;
  /// Returns -1, 0 or 1 as this is less than, equal to or greater than other.
  int Compare(const Decimal& other) const;
  /// Says whether the value is a whole number.
  bool IsInteger() const;
  /// Returns the value rounded toward zero to an int64 (saturating).
  int64_t ToInt() const;
  /// Writes the value without exponent or trailing zeros: "4850000000", "0.9".
  std::string ToString() const;

  bool operator==(const Decimal& other) const { return Compare(other) == 0; }

 private:
  void Normalize();
  __int128 mantissa_ = 0;
  int exponent_ = 0;
};

}  // namespace relscan

#endif  // RELSCAN_ANNOTATE_EXACT_DECIMAL_H_
