// Built-in data files (abbreviations, word lists), embedded at build time.
//
// Every file under lib/data/ is compiled into the binary, so a copied binary
// still works. Look a file up by its path relative to lib/:
//
//   std::string_view text = data::Find("data/abbreviations.txt");
//
// Data files are plain text: '#' starts a comment line, and the header
// comment names the file's sources.
#ifndef RELSCAN_DATA_H_
#define RELSCAN_DATA_H_

#include <string>
#include <string_view>
#include <vector>

namespace relscan::data {

/// Pairs an embedded file's path (relative to lib/) with its contents.
struct EmbeddedFile {
  std::string_view path;
  std::string_view contents;
};

/// Returns every embedded data file, in path order.
const std::vector<EmbeddedFile>& EmbeddedFiles();

/// Returns the contents of an embedded file, or an empty view if there is none.
std::string_view Find(std::string_view path);

/// Returns the SHA-256 (hex) of all embedded files, for provenance.
const std::string& DataHash();

/// Holds one non-comment line of a data file with its line number.
struct DataLine {
  std::string_view text;  // trimmed of surrounding spaces and the newline
  int line = 0;           // 1-based
};

/// Splits a line of a data file at its tabs.
std::vector<std::string_view> SplitTabs(std::string_view line);

/// Splits a data file into its non-empty, non-comment lines.
std::vector<DataLine> DataLines(std::string_view contents);

}  // namespace relscan::data

#endif  // RELSCAN_DATA_H_
