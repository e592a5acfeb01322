// Named entities (TAGSET §1): gazetteers plus rules plus capitalization.
//
//   EntityAnnotator ann(Gazetteer::BuiltIn());      // one per thread
//   std::vector<Entity> ents = ann.Annotate(doc, seg);
//   for (const Entity& e : ents) Use(e.label, doc.Slice(e.start, e.end), e.canonical);
//
// Every entity records the rule or gazetteer entry (file and line) behind
// it in `rule`, for --explain. Offsets are code points into the document's
// NFC text, end exclusive; names never include titles, determiners or a
// possessive.
#ifndef RELSCAN_ENTITY_H_
#define RELSCAN_ENTITY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "relscan/document.h"
#include "relscan/result.h"
#include "relscan/segment.h"

namespace relscan {

/// The ten name labels of TAGSET §1.
enum class EntityLabel : uint8_t {
  kPerson, kNorp, kOrg, kGpe, kLoc, kFac, kEvent, kProduct, kWorkOfArt, kLaw
};

/// Returns the TAGSET spelling of a label ("GPE").
std::string_view EntityLabelName(EntityLabel label);
/// Parses a TAGSET label name.
std::optional<EntityLabel> ParseEntityLabel(std::string_view name);

/// One gazetteer entry: a surface form with its label and canonical form.
struct GazetteerEntry {
  std::string text;       // as written in the data file
  EntityLabel label = EntityLabel::kOrg;
  std::string canonical;
  std::string source;     // "data/gazetteers/countries.tsv:12"
  int priority = 0;       // user entries win over built-in ones
};

/// Looks names up by their tokens, typography and case folded.
///
/// Entries are keyed by the folded text of their tokens, so that a look-up
/// walks a sentence's tokens: a hash map from the first token to the
/// entries that start with it, longest first.
class Gazetteer {
 public:
  /// Returns the built-in gazetteer (lib/data/gazetteers), parsed once.
  static std::shared_ptr<const Gazetteer> BuiltIn();

  /// Adds entries from TSV text (text, label, canonical); a bad line is an
  /// error naming the file and line. Added entries win over earlier ones.
  Result<void> AddTsv(std::string_view contents, const std::string& path, int priority);

  /// Adds one entry.
  void Add(GazetteerEntry entry);

  /// Returns the longest entry matching folded token texts starting at
  /// keys[i] that `fits` accepts (all when null), and its length in tokens;
  /// nullptr when none matches.
  const GazetteerEntry* Longest(
      const std::vector<std::string_view>& keys, size_t i, size_t* length,
      const std::function<bool(const GazetteerEntry&, size_t)>& fits = nullptr) const;

  /// Says whether any entry starts with this folded token (a cheap test
  /// before Longest).
  bool StartsAny(std::string_view folded_token) const;

  /// Returns the entry for an exact folded text, or nullptr.
  const GazetteerEntry* Exact(std::string_view folded_text) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Keyed {
    std::vector<std::string> tokens;
    size_t entry;
  };
  // Hashes std::string and std::string_view alike, so that look-ups by a
  // view allocate nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  std::vector<GazetteerEntry> entries_;
  Map<std::vector<Keyed>> by_first_;
  Map<size_t> exact_;       // folded text -> entry
  Map<size_t> as_written_;  // case kept
};

/// Splits text into the folded token keys a gazetteer is matched on.
std::vector<std::string> GazetteerKeys(std::string_view text);

/// One entity span.
struct Entity {
  int64_t start = 0, end = 0;     // code points
  int64_t bstart = 0, bend = 0;   // bytes
  int32_t sentence = 0;           // index into Segmentation::sentences
  EntityLabel label = EntityLabel::kOrg;
  std::string canonical;
  std::string role;               // a title before a PERSON ("President")
  std::string rule;               // the rule or gazetteer entry behind it
};

/// Finds the entities of a segmented document.
class EntityAnnotator {
 public:
  explicit EntityAnnotator(std::shared_ptr<const Gazetteer> gazetteer);
  ~EntityAnnotator();

  /// Returns the entities of a document in text order.
  std::vector<Entity> Annotate(const Document& doc, const Segmentation& seg) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relscan

#endif  // RELSCAN_ENTITY_H_
