#pragma once
// The door's sounds: three short cues a volunteer can tell apart without looking
// (success: two rising notes; attention: two equal notes, for "already in", a re-entry or
// someone leaving; refusal: one low buzz), and an optional spoken greeting (espeak-ng) for
// attendees who cannot read the screen. Everything plays on the player's own thread: the
// screen never waits for a sound, and a kiosk without a sound device is not an error.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/kiosk/front_desk.hpp"

namespace rapport::audio {

enum class Cue { success, attention, refusal };
std::string_view cue_name(Cue c);

// Which cue a door reply deserves (none for replies that are not a door outcome).
std::optional<Cue> cue_for(const DoorReply& d);

// The cue as 16-bit mono samples at `rate` Hz, scaled by `volume` (0..1).
std::vector<int16_t> render_cue(Cue c, int rate, double volume);

class SoundPlayer {
 public:
  explicit SoundPlayer(KioskConfig::Audio settings);
  ~SoundPlayer();  // drops what is still queued, finishes the sound in hand, joins

  // Never blocks: the cue (and, with greeting = true, "Welcome, NAME") is queued.
  void play(Cue cue, std::string greet_name = {});
  // What the sink is: "sound device", "no sound device", "muted", "file:PATH".
  std::string status() const;

 private:
  struct Item {
    Cue cue;
    std::string greeting;
  };
  void run();
  void output(const Item& item);
  bool open_device();

  KioskConfig::Audio settings_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::string status_;
  void* pcm_ = nullptr;  // snd_pcm_t*, opened lazily on the player thread
  bool device_tried_ = false;
  bool speech_tried_ = false;
  int speech_rate_ = 0;
  std::thread thread_;
};

}  // namespace rapport::audio
