#include "audio/sound_cues.hpp"

#include <alsa/asoundlib.h>
#include <espeak-ng/speak_lib.h>

#include <cmath>
#include <fstream>

namespace rapport::audio {

std::string_view cue_name(Cue c) {
  switch (c) {
    case Cue::success: return "success";
    case Cue::attention: return "attention";
    case Cue::refusal: return "refusal";
  }
  return "success";
}

std::optional<Cue> cue_for(const DoorReply& d) {
  if (d.match != ScanMatch::attendee) return Cue::refusal;
  switch (d.checkin.outcome) {
    case CheckinOutcome::checked_in: return d.checkin.reentry ? Cue::attention : Cue::success;
    case CheckinOutcome::already_checked_in:
    case CheckinOutcome::checked_out:
    case CheckinOutcome::not_checked_in: return Cue::attention;
    case CheckinOutcome::unknown_code:
    case CheckinOutcome::cancelled:
    case CheckinOutcome::blocked: return Cue::refusal;
  }
  return std::nullopt;
}

std::vector<int16_t> render_cue(Cue c, int rate, double volume) {
  struct Note {
    double hz, ms;
  };
  std::vector<Note> notes;
  switch (c) {
    case Cue::success: notes = {{880, 90}, {0, 30}, {1320, 120}}; break;
    case Cue::attention: notes = {{660, 110}, {0, 70}, {660, 110}}; break;
    case Cue::refusal: notes = {{196, 380}}; break;
  }
  std::vector<int16_t> out;
  const double amp = 0.6 * std::clamp(volume, 0.0, 1.0) * 32767;
  for (const auto& n : notes) {
    int count = static_cast<int>(rate * n.ms / 1000);
    int fade = std::max(1, rate / 200);  // 5 ms in and out: no click
    for (int i = 0; i < count; ++i) {
      double env = std::min({1.0, double(i) / fade, double(count - 1 - i) / fade});
      double v = 0;
      if (n.hz > 0) {
        double ph = 2 * M_PI * n.hz * i / rate;
        // The refusal is a buzz (odd harmonics); the others are plain tones.
        v = c == Cue::refusal ? std::sin(ph) + 0.3 * std::sin(3 * ph) + 0.15 * std::sin(5 * ph) : std::sin(ph);
      }
      out.push_back(static_cast<int16_t>(std::clamp(amp * env * v, -32767.0, 32767.0)));
    }
  }
  return out;
}

namespace {
constexpr int kCueRate = 22050;

// ALSA reports a missing device on stderr by itself; for a kiosk that is not an error.
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}

// espeak-ng hands samples to a callback; user_data in each event points at our buffer.
int collect(short* wav, int n, espeak_EVENT* events) {
  if (!wav || n <= 0 || !events) return 0;
  auto* buf = static_cast<std::vector<int16_t>*>(events->user_data);
  if (buf) buf->insert(buf->end(), wav, wav + n);
  return 0;
}
}  // namespace

SoundPlayer::SoundPlayer(KioskConfig::Audio settings) : settings_(std::move(settings)) {
  if (!settings_.enabled) status_ = "muted";
  else if (settings_.sink == "null") status_ = "no sound (null sink)";
  else if (settings_.sink.rfind("file:", 0) == 0) status_ = settings_.sink;
  else status_ = "sound device";
  thread_ = std::thread([this] { run(); });
}

SoundPlayer::~SoundPlayer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    queue_.clear();
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (pcm_) snd_pcm_close(static_cast<snd_pcm_t*>(pcm_));
}

void SoundPlayer::play(Cue cue, std::string greet_name) {
  if (!settings_.enabled) return;
  Item item{cue, {}};
  if (settings_.greeting && !greet_name.empty()) item.greeting = "Welcome, " + greet_name;
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= 4) queue_.pop_front();  // a burst of scans: the newest sounds matter
    queue_.push_back(std::move(item));
  }
  cv_.notify_one();
}

std::string SoundPlayer::status() const {
  std::lock_guard lock(mu_);
  return status_;
}

void SoundPlayer::run() {
  for (;;) {
    Item item;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      item = std::move(queue_.front());
      queue_.pop_front();
    }
    output(item);
  }
}

bool SoundPlayer::open_device() {
  if (device_tried_) return pcm_ != nullptr;
  device_tried_ = true;
  snd_lib_error_set_handler(quiet_alsa);
  snd_pcm_t* pcm = nullptr;
  if (snd_pcm_open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, 0) < 0 ||
      snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1, kCueRate, 1, 100000) < 0) {
    if (pcm) snd_pcm_close(pcm);
    std::lock_guard lock(mu_);
    status_ = "no sound device";  // not an error: the screen says it all
    return false;
  }
  pcm_ = pcm;
  return true;
}

void SoundPlayer::output(const Item& item) {
  std::vector<int16_t> samples = render_cue(item.cue, kCueRate, settings_.volume);
  std::vector<int16_t> speech;
  if (!item.greeting.empty()) {
    if (!speech_tried_) {
      speech_tried_ = true;
      speech_rate_ = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
      if (speech_rate_ > 0) espeak_SetSynthCallback(collect);
    }
    if (speech_rate_ > 0) {
      espeak_SetParameter(espeakVOLUME, static_cast<int>(100 * settings_.volume), 0);
      espeak_Synth(item.greeting.c_str(), item.greeting.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                   &speech);
      // Resample to the cue rate by nearest sample (speech at 22050 Hz needs none).
      if (speech_rate_ != kCueRate && !speech.empty()) {
        std::vector<int16_t> r;
        size_t n = speech.size() * kCueRate / speech_rate_;
        for (size_t i = 0; i < n; ++i) r.push_back(speech[i * speech_rate_ / kCueRate]);
        speech.swap(r);
      }
    }
  }
  const std::string& sink = settings_.sink;
  if (sink == "null") return;
  if (sink.rfind("file:", 0) == 0) {
    std::ofstream f(sink.substr(5), std::ios::app);
    f << cue_name(item.cue) << ' ' << samples.size();
    if (!item.greeting.empty()) f << " greeting \"" << item.greeting << "\" " << speech.size();
    f << '\n';
    return;
  }
  if (!open_device()) return;
  auto* pcm = static_cast<snd_pcm_t*>(pcm_);
  samples.insert(samples.end(), speech.begin(), speech.end());
  snd_pcm_sframes_t n = snd_pcm_writei(pcm, samples.data(), samples.size());
  if (n < 0) snd_pcm_recover(pcm, static_cast<int>(n), 1);
  snd_pcm_drain(pcm);
  snd_pcm_prepare(pcm);
}

}  // namespace rapport::audio
