#pragma once
// Writes a set of export files so that a reader never sees a half-written one: each file
// goes to a temporary name in the same folder, is flushed to disk, and only when every
// file is written are they renamed into place. On any failure the temporary files are
// removed and the folder is as it was.
#include <string>
#include <utility>
#include <vector>

#include "core/util/result.hpp"

namespace rapport {

class FileBatch {
 public:
  explicit FileBatch(std::string dir) : dir_(std::move(dir)) {}
  // `name` is relative to the folder and may contain one sub-folder ("followups/x.html").
  void add(std::string name, std::string content) { files_.emplace_back(std::move(name), std::move(content)); }
  size_t size() const { return files_.size(); }
  // Creates the folder (and sub-folders) when missing; its parent must exist.
  Status commit();
  // The full paths of the files, once committed.
  std::vector<std::string> paths() const;

 private:
  std::string dir_;
  std::vector<std::pair<std::string, std::string>> files_;
};

}  // namespace rapport
