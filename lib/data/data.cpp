// Look-ups over the data files embedded at build time.
#include "relscan/data.h"

#include <string>

#include "relscan/document.h"

namespace relscan::data {

std::string_view Find(std::string_view path) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == path) return f.contents;
  }
  return {};
}

const std::string& DataHash() {
  static const std::string kHash = [] {
    std::string all;
    for (const EmbeddedFile& f : EmbeddedFiles()) {
      all.append(f.path);
      all.push_back('\0');
      all.append(f.contents);
      all.push_back('\0');
    }
    return Sha256Hex(all);
  }();
  return kHash;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

std::vector<DataLine> DataLines(std::string_view contents) {
  std::vector<DataLine> lines;
  int number = 0;
  while (!contents.empty()) {
    size_t nl = contents.find('\n');
    std::string_view line = contents.substr(0, nl);
    contents.remove_prefix(nl == std::string_view::npos ? contents.size() : nl + 1);
    ++number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back({line, number});
  }
  return lines;
}

}  // namespace relscan::data
