#include "ui/text_cache.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cstring>

namespace rapport::ui {

namespace {
bool have_gl() { return glad_glGenTextures != nullptr && glad_glTexImage2D != nullptr; }

size_t pixel_bytes(const ShapedText& s) {
  return static_cast<size_t>(s.raster_width()) * static_cast<size_t>(s.raster_height()) * 4;
}
}  // namespace

TextCache::TextCache() : TextCache(Limits{}) {}
TextCache::TextCache(Limits limits) : limits_(limits) {}
TextCache::~TextCache() { release(); }

size_t TextCache::textures() const {
  size_t n = 0;
  for (const auto& [k, e] : map_) n += e.textures.size();
  return n;
}

TextCache::Entry& TextCache::get(const TextStyle& style, std::string_view text, const TextBox& box) {
  // The key: the box and style as raw bytes, then the text.
  key_.clear();
  auto put = [&](const auto& v) { key_.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(style.px);
  put(style.bold);
  put(box.width);
  put(box.max_lines);
  put(box.centre);
  key_.append(text);
  auto it = map_.find(key_);
  if (it == map_.end()) {
    Entry e;
    e.shaped = shaper_.shape(style, text, box);
    it = map_.emplace(key_, std::move(e)).first;
  }
  it->second.last_used = frame_;
  return it->second;
}

ImTextureID TextCache::texture(Entry& e, uint32_t rgb) {
  for (const auto& t : e.textures)
    if (t.rgb == rgb) return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.gl_name));
  const ShapedText& s = *e.shaped;
  if (!have_gl() || s.raster_width() <= 0 || s.raster_height() <= 0) return nullptr;
  std::vector<uint8_t> rgba = s.render_rgba(rgb);
  GLuint name = 0;
  glGenTextures(1, &name);
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glBindTexture(GL_TEXTURE_2D, name);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, s.raster_width(), s.raster_height(), 0, GL_RGBA, GL_UNSIGNED_BYTE,
               rgba.data());
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  e.textures.push_back({rgb, name});
  bytes_ += pixel_bytes(s);
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(name));
}

void TextCache::drop(Entry& e) {
  for (const auto& t : e.textures) {
    if (have_gl()) glDeleteTextures(1, &t.gl_name);
    bytes_ -= pixel_bytes(*e.shaped);
  }
  e.textures.clear();
}

void TextCache::new_frame() {
  ++frame_;
  if (map_.size() <= limits_.max_entries && bytes_ <= limits_.max_texture_bytes) return;
  // Over a limit: drop the least recently drawn until a quarter of the room is free again,
  // so this (a sort) happens rarely, not every frame.
  std::vector<std::pair<uint64_t, std::unordered_map<std::string, Entry>::iterator>> order;
  order.reserve(map_.size());
  for (auto it = map_.begin(); it != map_.end(); ++it) order.emplace_back(it->second.last_used, it);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t want_entries = limits_.max_entries * 3 / 4, want_bytes = limits_.max_texture_bytes * 3 / 4;
  for (auto& [used, it] : order) {
    if (map_.size() <= want_entries && bytes_ <= want_bytes) break;
    if (used + 1 >= frame_) continue;  // drawn in the frame just shown: keep
    drop(it->second);
    map_.erase(it);
  }
}

void TextCache::release() {
  for (auto& [k, e] : map_) drop(e);
  map_.clear();
  bytes_ = 0;
}

}  // namespace rapport::ui
