// Quote-mark pairing: a stack per paragraph, with a count of open marks per
// family so that "is one of this family open?" costs O(1), and every mark
// pushed and popped at most once, so that pairing is linear in the tokens
// (the brief's requirement, checked by counting `steps` at n and 10n).
#include "quote_pairing.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace relscan {
namespace {

// The glyphs a punctuation token may be.
enum class Glyph : uint8_t {
  kNone,
  kOpenDouble,   // “ U+201C (and ‟ U+201F)
  kCloseDouble,  // ” U+201D
  kLowDouble,    // „ U+201E
  kOpenSingle,   // ‘ U+2018 (and ‛ U+201B)
  kCloseSingle,  // ’ U+2019
  kLowSingle,    // ‚ U+201A
  kLeftAngle,    // « U+00AB
  kRightAngle,   // » U+00BB
  kLeftAngle1,   // ‹ U+2039
  kRightAngle1,  // › U+203A
  kStraight2,    // "
  kStraight1,    // '
  kBackticks,    // ``
  kApostrophes,  // ''
};

Glyph GlyphOf(std::string_view s) {
  if (s.size() == 1) {
    if (s[0] == '"') return Glyph::kStraight2;
    if (s[0] == '\'') return Glyph::kStraight1;
    return Glyph::kNone;
  }
  if (s == "``") return Glyph::kBackticks;
  if (s == "''") return Glyph::kApostrophes;
  if (s == "\u201C" || s == "\u201F") return Glyph::kOpenDouble;
  if (s == "\u201D") return Glyph::kCloseDouble;
  if (s == "\u201E") return Glyph::kLowDouble;
  if (s == "\u2018" || s == "\u201B") return Glyph::kOpenSingle;
  if (s == "\u2019") return Glyph::kCloseSingle;
  if (s == "\u201A") return Glyph::kLowSingle;
  if (s == "\u00AB") return Glyph::kLeftAngle;
  if (s == "\u00BB") return Glyph::kRightAngle;
  if (s == "\u2039") return Glyph::kLeftAngle1;
  if (s == "\u203A") return Glyph::kRightAngle1;
  return Glyph::kNone;
}

MarkFamily FamilyOf(Glyph g) {
  switch (g) {
    case Glyph::kOpenDouble:
    case Glyph::kCloseDouble:
    case Glyph::kLowDouble:
      return MarkFamily::kDouble;
    case Glyph::kOpenSingle:
    case Glyph::kCloseSingle:
    case Glyph::kLowSingle:
      return MarkFamily::kSingle;
    case Glyph::kLeftAngle:
    case Glyph::kRightAngle:
      return MarkFamily::kAngleDouble;
    case Glyph::kLeftAngle1:
    case Glyph::kRightAngle1:
      return MarkFamily::kAngleSingle;
    case Glyph::kStraight2:
      return MarkFamily::kStraightDouble;
    case Glyph::kStraight1:
      return MarkFamily::kStraightSingle;
    default:
      return MarkFamily::kTypewriter;
  }
}

// What the characters around a mark say.
enum class Side : uint8_t { kSpace, kAlnum, kOpening, kOther };

UChar32 DecodeAt(std::string_view s, int64_t i) {
  UChar32 c;
  int32_t k = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 DecodeBefore(std::string_view s, int64_t end) {
  UChar32 c;
  int32_t k = static_cast<int32_t>(end);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, k, c);
  return c;
}

Side SideOf(UChar32 c) {
  if (c < 0 || u_isUWhiteSpace(c)) return Side::kSpace;
  if (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK) return Side::kAlnum;
  switch (c) {
    case '(':
    case '[':
    case '{':
    case '/':
    case '-':
    case 0x2013:
    case 0x2014:
    case 0x2010:
    case 0x2011:
    case 0x201C:
    case 0x2018:
    case 0x201E:
    case 0x201A:
    case 0x00AB:
    case 0x2039:
    case '"':
    case '\'':
    case '`':
      return Side::kOpening;
    default:
      return Side::kOther;
  }
}

// Words that an apostrophe before them shortens (’90s, 'em): not quotations.
bool IsElision(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "em", "tis", "twas", "til", "cause", "n", "bout", "round", "nother", "s", "d", "ll"};
  for (std::string_view w : kWords)
    if (word == w) return true;
  return false;
}

struct Open {
  int32_t token;
  Glyph glyph;
  MarkFamily family;
  int32_t pair_slot;  // index into continued lists, or -1
};

constexpr int kFamilies = 7;

}  // namespace

PairingResult PairQuoteMarks(const Document& doc, const Segmentation& seg) {
  PairingResult out;
  std::string_view text = doc.text();
  const std::vector<Token>& tokens = seg.tokens;
  const int32_t n = static_cast<int32_t>(tokens.size());

  std::vector<Open> stack;
  std::array<int64_t, kFamilies> open_count{};
  // Continuation marks of the quotation at the bottom of the stack, kept
  // until it closes.
  std::vector<int32_t> bottom_continued;

  auto fam = [](MarkFamily f) { return static_cast<size_t>(f); };
  auto pending = [&](MarkFamily f) { return open_count[fam(f)] > 0; };
  auto push = [&](int32_t k, Glyph g) {
    ++out.steps;
    stack.push_back({k, g, FamilyOf(g), -1});
    ++open_count[fam(FamilyOf(g))];
  };
  auto pop_unpaired = [&]() {
    ++out.steps;
    const Open& o = stack.back();
    --open_count[fam(o.family)];
    out.unpaired.push_back(o.token);
    if (stack.size() == 1) {
      // The marks that reopened it at later paragraphs are unpaired too.
      out.unpaired.insert(out.unpaired.end(), bottom_continued.begin(), bottom_continued.end());
      bottom_continued.clear();
    }
    stack.pop_back();
  };
  // Closes the innermost open mark of family f with token k; marks opened
  // inside it and still open are unpaired.
  auto close = [&](int32_t k, MarkFamily f) {
    while (stack.back().family != f) pop_unpaired();
    ++out.steps;
    const Open o = stack.back();
    --open_count[fam(f)];
    stack.pop_back();
    if (k > o.token + 1) {
      MarkPair p;
      p.open = o.token;
      p.close = k;
      p.family = f;
      p.depth = static_cast<int32_t>(stack.size());
      if (stack.empty()) p.continued = std::move(bottom_continued);
      out.pairs.push_back(std::move(p));
    }
    if (stack.empty()) bottom_continued.clear();
  };

  size_t para = 0;
  int32_t k = 0;
  while (para < seg.paragraphs.size()) {
    const Paragraph& p = seg.paragraphs[para];
    while (k < n && tokens[k].bstart < p.bstart) ++k;  // none between paragraphs
    for (; k < n && tokens[k].bend <= p.bend; ++k) {
      ++out.steps;
      const Token& t = tokens[k];
      if (t.kind != TokenKind::kPunct) continue;
      Glyph g = GlyphOf(text.substr(t.bstart, t.bend - t.bstart));
      if (g == Glyph::kNone) continue;
      if (!bottom_continued.empty() && bottom_continued.back() == k) continue;
      Side before = t.bstart > p.bstart ? SideOf(DecodeBefore(text, t.bstart)) : Side::kSpace;
      Side after = t.bend < p.bend ? SideOf(DecodeAt(text, t.bend)) : Side::kSpace;
      // Left-flanking marks can open, right-flanking ones can close.
      bool left = after != Side::kSpace && (before == Side::kSpace || before == Side::kOpening);
      bool right = before != Side::kSpace && (after == Side::kSpace || after != Side::kAlnum);
      // ’90s, '05: an apostrophe before digits.
      bool next_is_number = k + 1 < n && tokens[k + 1].bstart == t.bend &&
                            text[tokens[k + 1].bstart] >= '0' && text[tokens[k + 1].bstart] <= '9';
      auto next_word = [&]() -> std::string_view {
        if (k + 1 >= n || tokens[k + 1].bstart != t.bend) return {};
        return text.substr(tokens[k + 1].bstart, tokens[k + 1].bend - tokens[k + 1].bstart);
      };
      MarkFamily f = FamilyOf(g);
      switch (g) {
        case Glyph::kOpenDouble:
          // „…“ (German) and a “ typed for ”: a closing position closes.
          if (pending(f) && right && !left)
            close(k, f);
          else
            push(k, g);
          break;
        case Glyph::kCloseDouble:
          if (pending(f))
            close(k, f);
          else if (left && !right)
            push(k, g);  // ”…” (Swedish)
          else
            out.unpaired.push_back(k);
          break;
        case Glyph::kLowDouble:
          push(k, g);
          break;
        case Glyph::kOpenSingle:
          if (before == Side::kAlnum) {
            // `Samu‘`, an ‘ typed for an apostrophe; closes only an open ‘.
            if (pending(f) && right) close(k, f);
          } else if (next_is_number) {
            // ‘90s
          } else if (pending(f) && right && !left) {
            close(k, f);
          } else {
            push(k, g);
          }
          break;
        case Glyph::kCloseSingle:
          if (left && !right) {
            if (next_is_number || IsElision(next_word())) break;  // ’90s, ’em
            push(k, g);
          } else if (pending(f)) {
            close(k, f);
          }
          // else an apostrophe: `countries’`, `goin’`.
          break;
        case Glyph::kLowSingle:
          if (left) push(k, g);
          break;
        case Glyph::kLeftAngle:
        case Glyph::kLeftAngle1: {
          bool reversed_open = pending(f) && stack.back().family == f &&
                               (stack.back().glyph == Glyph::kRightAngle ||
                                stack.back().glyph == Glyph::kRightAngle1);
          if (reversed_open && right)
            close(k, f);
          else
            push(k, g);  // »…« (Danish)
          break;
        }
        case Glyph::kRightAngle:
        case Glyph::kRightAngle1:
          if (pending(f))
            close(k, f);
          else if (left && !right)
            push(k, g);
          else
            out.unpaired.push_back(k);
          break;
        case Glyph::kStraight2:
        case Glyph::kApostrophes:
        case Glyph::kBackticks:
          if (g == Glyph::kBackticks || (left && !right)) {
            push(k, g);
          } else if (right && !left) {
            if (pending(f))
              close(k, f);
            else
              out.unpaired.push_back(k);
          } else if (pending(f)) {
            close(k, f);
          } else {
            push(k, g);
          }
          break;
        case Glyph::kStraight1:
          if (before == Side::kAlnum) {
            if (pending(f) && right) close(k, f);  // else `countries'`
          } else if (left && !right) {
            if (!next_is_number && !IsElision(next_word())) push(k, g);
          } else if (pending(f)) {
            close(k, f);
          }
          break;
        case Glyph::kNone:
          break;
      }
    }
    // The paragraph ends. A quotation still open continues when the next
    // paragraph opens with the same mark; everything else left open is
    // unpaired.
    ++para;
    bool continues = false;
    if (!stack.empty() && para < seg.paragraphs.size()) {
      int32_t next = k;
      while (next < n && tokens[next].bstart < seg.paragraphs[para].bstart) ++next;
      if (next < n && tokens[next].bend <= seg.paragraphs[para].bend) {
        const Token& t = tokens[next];
        Glyph g = GlyphOf(text.substr(t.bstart, t.bend - t.bstart));
        continues = g != Glyph::kNone && g == stack.front().glyph;
        if (continues) {
          while (stack.size() > 1) pop_unpaired();
          bottom_continued.push_back(next);
        }
      }
    }
    if (!continues) {
      while (!stack.empty()) pop_unpaired();
    }
  }
  std::sort(out.pairs.begin(), out.pairs.end(),
            [](const MarkPair& a, const MarkPair& b) { return a.open < b.open; });
  std::sort(out.unpaired.begin(), out.unpaired.end());
  return out;
}

}  // namespace relscan
