#pragma once
// A SQLite VFS that behaves like the real one until told to fail: every write after
// `fail_after_writes` more writes returns SQLITE_FULL (a full disk) or SQLITE_IOERR_WRITE
// (a failing disk). While installed it is the default VFS, so code under test opens
// files as usual. Used for the disk-full and I/O-error tests.
#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace rapport::test {

class FaultyVfs {
 public:
  enum class Fault { disk_full, io_error };

  FaultyVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    std::memcpy(&vfs_, real_, sizeof vfs_);
    vfs_.zName = "rapport-faulty";
    vfs_.szOsFile = static_cast<int>(sizeof(File) + real_->szOsFile);
    vfs_.xOpen = &FaultyVfs::open;
    vfs_.pAppData = this;
    sqlite3_vfs_register(&vfs_, 1);
  }
  ~FaultyVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
  }
  FaultyVfs(const FaultyVfs&) = delete;
  FaultyVfs& operator=(const FaultyVfs&) = delete;

  // Fails every write after `writes` more successful ones; -1 heals the disk.
  void fail_after(long writes, Fault fault = Fault::disk_full) {
    fault_ = fault;
    remaining_ = writes;
  }
  void heal() { remaining_ = -1; }
  long failures() const { return failures_; }

 private:
  struct File {
    sqlite3_file base;
    FaultyVfs* owner;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
  };

  static int open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    auto* self = static_cast<FaultyVfs*>(vfs->pAppData);
    auto* f = reinterpret_cast<File*>(file);
    f->owner = self;
    int rc = self->real_->xOpen(self->real_, name, f->real(), flags, out_flags);
    if (rc != SQLITE_OK) {
      file->pMethods = nullptr;
      return rc;
    }
    // Copy the real methods once, swapping in our write and close.
    self->methods_ = *f->real()->pMethods;
    self->methods_.xWrite = &FaultyVfs::write;
    self->methods_.xClose = &FaultyVfs::close;
    self->methods_.xRead = [](sqlite3_file* fl, void* b, int n, sqlite3_int64 o) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xRead(ff->real(), b, n, o);
    };
    self->methods_.xTruncate = [](sqlite3_file* fl, sqlite3_int64 s) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xTruncate(ff->real(), s);
    };
    self->methods_.xSync = [](sqlite3_file* fl, int fl2) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xSync(ff->real(), fl2);
    };
    self->methods_.xFileSize = [](sqlite3_file* fl, sqlite3_int64* s) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xFileSize(ff->real(), s);
    };
    self->methods_.xLock = [](sqlite3_file* fl, int l) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xLock(ff->real(), l);
    };
    self->methods_.xUnlock = [](sqlite3_file* fl, int l) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xUnlock(ff->real(), l);
    };
    self->methods_.xCheckReservedLock = [](sqlite3_file* fl, int* r) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xCheckReservedLock(ff->real(), r);
    };
    self->methods_.xFileControl = [](sqlite3_file* fl, int op, void* a) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xFileControl(ff->real(), op, a);
    };
    self->methods_.xSectorSize = [](sqlite3_file* fl) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xSectorSize(ff->real());
    };
    self->methods_.xDeviceCharacteristics = [](sqlite3_file* fl) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xDeviceCharacteristics(ff->real());
    };
    self->methods_.xShmMap = [](sqlite3_file* fl, int pg, int sz, int ext, void volatile** p) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xShmMap(ff->real(), pg, sz, ext, p);
    };
    self->methods_.xShmLock = [](sqlite3_file* fl, int o, int n, int fl2) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xShmLock(ff->real(), o, n, fl2);
    };
    self->methods_.xShmBarrier = [](sqlite3_file* fl) {
      auto* ff = reinterpret_cast<File*>(fl);
      ff->real()->pMethods->xShmBarrier(ff->real());
    };
    self->methods_.xShmUnmap = [](sqlite3_file* fl, int d) {
      auto* ff = reinterpret_cast<File*>(fl);
      return ff->real()->pMethods->xShmUnmap(ff->real(), d);
    };
    self->methods_.xFetch = nullptr;
    self->methods_.xUnfetch = nullptr;
    if (self->methods_.iVersion > 2) self->methods_.iVersion = 2;
    file->pMethods = &self->methods_;
    return SQLITE_OK;
  }

  static int write(sqlite3_file* file, const void* buf, int amount, sqlite3_int64 offset) {
    auto* f = reinterpret_cast<File*>(file);
    FaultyVfs* self = f->owner;
    long left = self->remaining_.load();
    if (left == 0) {
      ++self->failures_;
      return self->fault_ == Fault::disk_full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    }
    if (left > 0) --self->remaining_;
    return f->real()->pMethods->xWrite(f->real(), buf, amount, offset);
  }

  static int close(sqlite3_file* file) {
    auto* f = reinterpret_cast<File*>(file);
    return f->real()->pMethods->xClose(f->real());
  }

  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
  sqlite3_io_methods methods_{};
  std::atomic<long> remaining_{-1};
  std::atomic<long> failures_{0};
  Fault fault_ = Fault::disk_full;
};

}  // namespace rapport::test
