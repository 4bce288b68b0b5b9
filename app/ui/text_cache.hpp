#pragma once
// Shaped texts kept between frames: a screen draws the same few dozen strings every
// frame, so each is laid out once (Pango) and rasterised once per colour into a GL
// texture. Bounded: entries not drawn lately are dropped when the count or the pixel
// bytes pass their limits, and a name that is gone from the screen does not pin memory.
#include <imgui/imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ui/shaped_text.hpp"

namespace rapport::ui {

class TextCache {
 public:
  struct Limits {
    size_t max_entries = 768;
    size_t max_texture_bytes = size_t(96) << 20;
  };
  struct Entry {
    std::unique_ptr<ShapedText> shaped;
    struct Texture {
      uint32_t rgb;
      unsigned gl_name;
    };
    std::vector<Texture> textures;
    uint64_t last_used = 0;
  };

  TextCache();
  explicit TextCache(Limits limits);
  ~TextCache();
  TextCache(const TextCache&) = delete;
  TextCache& operator=(const TextCache&) = delete;

  // The laid-out text (from the cache, or shaped now).
  Entry& get(const TextStyle& style, std::string_view text, const TextBox& box);
  // Its texture in `rgb` (made on first use); 0 when no GL context is loaded.
  ImTextureID texture(Entry& e, uint32_t rgb);

  // Once per frame, before drawing: drops what was not used lately when over a limit.
  void new_frame();
  // Deletes every GL texture (call while the GL context is still current).
  void release();

  size_t entries() const { return map_.size(); }
  size_t texture_bytes() const { return bytes_; }
  size_t textures() const;

 private:
  void drop(Entry& e);
  Limits limits_;
  Shaper shaper_;
  std::unordered_map<std::string, Entry> map_;
  std::string key_;
  uint64_t frame_ = 1;
  size_t bytes_ = 0;
};

}  // namespace rapport::ui
