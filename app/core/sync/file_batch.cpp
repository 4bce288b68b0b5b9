#include "core/sync/file_batch.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/util/random.hpp"

namespace rapport {

namespace fs = std::filesystem;

namespace {
Status write_synced(const std::string& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return make_error(std::string("cannot write here: ") + std::strerror(errno), path);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return make_error(e == ENOSPC ? "storage full: the disk has no room left for the export"
                                    : std::string("could not write the file: ") + std::strerror(e),
                        path);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int e = errno;
    ::close(fd);
    return make_error(std::string("could not write the file to disk: ") + std::strerror(e), path);
  }
  if (::close(fd) != 0) return make_error(std::string("could not finish the file: ") + std::strerror(errno), path);
  return {};
}
}  // namespace

std::vector<std::string> FileBatch::paths() const {
  std::vector<std::string> out;
  for (const auto& f : files_) out.push_back((fs::path(dir_) / f.first).string());
  return out;
}

Status FileBatch::commit() {
  std::error_code ec;
  fs::path dir(dir_);
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return make_error("this is a file, not a folder; name a folder for the export", dir_);
  auto parent = dir.parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    return make_error("the folder that should hold the export is not there", parent.string());
  std::vector<fs::path> made_dirs;
  if (!fs::exists(dir, ec)) {
    if (!fs::create_directory(dir, ec)) return make_error("cannot create the export folder: " + ec.message(), dir_);
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    made_dirs.push_back(dir);
  }
  std::vector<std::pair<fs::path, fs::path>> moves;  // tmp -> final
  auto undo = [&]() {
    std::error_code e2;
    for (const auto& m : moves) fs::remove(m.first, e2);
    for (auto it = made_dirs.rbegin(); it != made_dirs.rend(); ++it) fs::remove(*it, e2);
  };
  std::string tag = ".tmp-" + random_base32(5);
  for (const auto& [name, content] : files_) {
    fs::path final_path = dir / name;
    fs::path sub = final_path.parent_path();
    if (!fs::exists(sub, ec)) {
      if (!fs::create_directories(sub, ec)) {
        undo();
        return make_error("cannot create the folder: " + ec.message(), sub.string());
      }
      fs::permissions(sub, fs::perms::owner_all, fs::perm_options::replace, ec);
      made_dirs.push_back(sub);
    }
    fs::path tmp = sub / ("." + final_path.filename().string() + tag);
    moves.emplace_back(tmp, final_path);
    if (auto s = write_synced(tmp.string(), content); !s) {
      undo();
      return s;
    }
  }
  for (const auto& [tmp, final_path] : moves) {
    fs::rename(tmp, final_path, ec);
    if (ec) {
      undo();
      return make_error("could not move the finished file into place: " + ec.message(), final_path.string());
    }
  }
  return {};
}

}  // namespace rapport
