// Gazetteers: surface forms keyed by their folded tokens.
#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "relscan/data.h"
#include "relscan/entity.h"
#include "relscan/fold.h"

namespace relscan {

std::string_view EntityLabelName(EntityLabel label) {
  switch (label) {
    case EntityLabel::kPerson: return "PERSON";
    case EntityLabel::kNorp: return "NORP";
    case EntityLabel::kOrg: return "ORG";
    case EntityLabel::kGpe: return "GPE";
    case EntityLabel::kLoc: return "LOC";
    case EntityLabel::kFac: return "FAC";
    case EntityLabel::kEvent: return "EVENT";
    case EntityLabel::kProduct: return "PRODUCT";
    case EntityLabel::kWorkOfArt: return "WORK_OF_ART";
    case EntityLabel::kLaw: return "LAW";
  }
  return "ORG";
}

std::optional<EntityLabel> ParseEntityLabel(std::string_view name) {
  static const EntityLabel kAll[] = {
      EntityLabel::kPerson, EntityLabel::kNorp, EntityLabel::kOrg,     EntityLabel::kGpe,
      EntityLabel::kLoc,    EntityLabel::kFac,  EntityLabel::kEvent,   EntityLabel::kProduct,
      EntityLabel::kWorkOfArt, EntityLabel::kLaw};
  for (EntityLabel l : kAll)
    if (EntityLabelName(l) == name) return l;
  return std::nullopt;
}

std::vector<std::string> GazetteerKeys(std::string_view text) {
  // Entries are segmented exactly as documents are, so that "U.S." or
  // "Baku-Tbilisi-Ceyhan" is one key as it is one token in a text.
  thread_local Segmenter segmenter;
  std::vector<std::string> keys;
  Result<Document> doc = LoadDocument(text, "", {});
  if (!doc) return keys;
  SegmentOptions options;
  options.paragraphs = ParagraphMode::kLine;
  Segmentation seg = segmenter.Segment(*doc, options);
  for (const Token& t : seg.tokens) {
    keys.push_back(FoldForMatch(std::string_view(doc->text()).substr(t.bstart, t.bend - t.bstart)));
  }
  return keys;
}

void Gazetteer::Add(GazetteerEntry entry) {
  std::vector<std::string> keys = GazetteerKeys(entry.text);
  if (keys.empty()) return;
  // Entries differing in case are distinct ("US" the country, "Us"); the
  // same text again replaces the earlier entry unless that one ranks higher.
  std::string written = FoldTypography(entry.text);
  std::string folded = FoldForMatch(entry.text);
  auto it = as_written_.find(written);
  if (it != as_written_.end()) {
    if (entries_[it->second].priority > entry.priority) return;
    entries_[it->second] = std::move(entry);
    exact_[folded] = it->second;
    return;
  }
  size_t index = entries_.size();
  auto ex = exact_.find(folded);
  if (ex == exact_.end() || entries_[ex->second].priority <= entry.priority) exact_[folded] = index;
  entries_.push_back(std::move(entry));
  as_written_.emplace(std::move(written), index);
  // Longest first, and among equals the higher priority first.
  std::vector<Keyed>& list = by_first_[keys[0]];
  const int priority = entries_[index].priority;
  auto at = std::find_if(list.begin(), list.end(), [&](const Keyed& k) {
    return k.tokens.size() < keys.size() ||
           (k.tokens.size() == keys.size() && entries_[k.entry].priority < priority);
  });
  list.insert(at, Keyed{std::move(keys), index});
}

Result<void> Gazetteer::AddTsv(std::string_view contents, const std::string& path, int priority) {
  for (const data::DataLine& l : data::DataLines(contents)) {
    std::vector<std::string_view> f = data::SplitTabs(l.text);
    auto fail = [&](std::string what) {
      Error e = MakeError(ErrorCode::kMalformed, fmt::format("line {}: {}", l.line, what));
      e.path = path;
      e.line = l.line;
      return e;
    };
    if (f.size() < 2 || f[0].empty()) return fail("expected text<TAB>label[<TAB>canonical]");
    std::optional<EntityLabel> label = ParseEntityLabel(f[1]);
    if (!label) return fail(fmt::format("unknown label '{}'", f[1]));
    GazetteerEntry e;
    e.text = std::string(f[0]);
    e.label = *label;
    e.canonical = std::string(f.size() > 2 && !f[2].empty() ? f[2] : f[0]);
    e.source = fmt::format("{}:{}", path, l.line);
    e.priority = priority;
    Add(std::move(e));
  }
  return {};
}

const GazetteerEntry* Gazetteer::Longest(
    const std::vector<std::string_view>& keys, size_t i, size_t* length,
    const std::function<bool(const GazetteerEntry&, size_t)>& fits) const {
  auto it = by_first_.find(keys[i]);
  if (it == by_first_.end()) return nullptr;
  for (const Keyed& k : it->second) {
    if (i + k.tokens.size() > keys.size()) continue;
    if (std::equal(k.tokens.begin(), k.tokens.end(), keys.begin() + static_cast<long>(i)) &&
        (!fits || fits(entries_[k.entry], k.tokens.size()))) {
      *length = k.tokens.size();
      return &entries_[k.entry];
    }
  }
  return nullptr;
}

const GazetteerEntry* Gazetteer::Exact(std::string_view folded_text) const {
  auto it = exact_.find(folded_text);
  return it == exact_.end() ? nullptr : &entries_[it->second];
}

bool Gazetteer::StartsAny(std::string_view folded_token) const {
  return by_first_.find(folded_token) != by_first_.end();
}

std::shared_ptr<const Gazetteer> Gazetteer::BuiltIn() {
  static std::shared_ptr<const Gazetteer> kBuiltIn = [] {
    auto g = std::make_shared<Gazetteer>();
    for (const data::EmbeddedFile& f : data::EmbeddedFiles()) {
      if (f.path.rfind("data/gazetteers/", 0) != 0 || f.path.size() < 4 ||
          f.path.substr(f.path.size() - 4) != ".tsv")
        continue;
      // Built-in data is checked by the tests; a bad line is skipped here.
      (void)g->AddTsv(f.contents, "lib/" + std::string(f.path), 0);
    }
    return std::shared_ptr<const Gazetteer>(std::move(g));
  }();
  return kBuiltIn;
}

}  // namespace relscan
