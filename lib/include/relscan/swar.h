// Eight bytes at a time: the word-sized byte tests behind relscan's fast
// scans of UTF-8 text (ASCII runs, line breaks, characters to escape, code
// point counts). Every test may flag a byte that is not one of those asked
// for only where a lower byte is (the usual borrow of the zero-byte trick),
// so callers use them to skip plain words and look at the rest one byte at
// a time.
//
//   uint64_t w = swar::Load(p);
//   if (!swar::HasNonAscii(w) && !swar::HasByte(w, '\n')) p += 8;
#ifndef RELSCAN_SWAR_H_
#define RELSCAN_SWAR_H_

#include <cstdint>
#include <cstring>

namespace relscan::swar {

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHigh = 0x8080808080808080ULL;

/// Reads eight bytes from p (any alignment).
inline uint64_t Load(const void* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

/// Says whether a byte of w is 0x80 or more.
inline bool HasNonAscii(uint64_t w) { return (w & kHigh) != 0; }

/// The high bit of each byte of w equal to c (and maybe of bytes above one).
inline uint64_t BytesEqual(uint64_t w, unsigned char c) {
  uint64_t x = w ^ (kOnes * c);
  return (x - kOnes) & ~x & kHigh;
}

/// Says whether a byte of w equals c.
inline bool HasByte(uint64_t w, unsigned char c) { return BytesEqual(w, c) != 0; }

/// Says whether a byte of w is below n (n at most 0x80).
inline bool HasByteBelow(uint64_t w, unsigned char n) {
  return ((w - kOnes * n) & ~w & kHigh) != 0;
}

/// Counts the bytes of w that start a UTF-8 character (not 10xxxxxx).
inline int CountLeadBytes(uint64_t w) {
  uint64_t continuation = (w & ~(w << 1) & kHigh) >> 7;
  // One bit per byte: the multiply sums them into the top byte (no popcount
  // instruction is assumed: no -march in the build).
  return 8 - static_cast<int>((continuation * kOnes) >> 56);
}

}  // namespace relscan::swar

#endif  // RELSCAN_SWAR_H_
