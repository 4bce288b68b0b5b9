// KioskUi's onboarding transitions: invitation -> picker steps -> one ProfileRequest ->
// the suggestions screen; "Not now", "Edit my interests", "Stop suggesting me".
#include <algorithm>

#include "ui/kiosk_ui.hpp"

#include "core/util/text.hpp"

namespace rapport::ui {

namespace {
constexpr size_t kMaxTypedBytes = 320;  // 80 characters of any script

bool wants_invitation(const std::optional<OnboardingView>& v) {
  return v && !v->profile.consent && !v->declined_today;
}

Onboarding start_picker(const OnboardingView& v) {
  Onboarding o;
  o.attendee_id = v.profile.attendee.id;
  o.first_name = v.profile.attendee.first_name;
  for (int i = 0; i < kPickerSteps; ++i) o.picked[i] = v.profile.tags[static_cast<int>(kPickerKinds[i])];
  o.seen[0] = true;
  o.topics = v.topics;
  return o;
}
}  // namespace

void KioskUi::show_floor() {
  go(wants_invitation(s_.profile) ? Screen::invite : Screen::suggestions);
}

bool KioskUi::typed_into_tag(const Intent& i) {
  if (s_.screen != Screen::picker || !s_.onboarding || !s_.onboarding->typing) return false;
  std::string& t = s_.onboarding->typed;
  switch (i.kind) {
    case Intent::Kind::search_type:
      if (t.size() + i.arg.size() <= kMaxTypedBytes) t += i.arg;
      return true;
    case Intent::Kind::search_backspace:
      while (!t.empty()) {
        unsigned char c = static_cast<unsigned char>(t.back());
        t.pop_back();
        if ((c & 0xC0) != 0x80) break;
      }
      return true;
    case Intent::Kind::search_clear: t.clear(); return true;
    default: return false;
  }
}

bool KioskUi::apply_onboarding(const Intent& i, UiOutput& out) {
  using K = Intent::Kind;
  auto send = [&](ProfileRequest r) {
    out.requests.push_back(std::move(r));
    if (s_.onboarding) s_.onboarding->sent = true;
  };
  switch (i.kind) {
    case K::invite_yes:
    case K::edit_interests:
      if (!s_.profile) return true;
      s_.onboarding = start_picker(*s_.profile);
      go(Screen::picker);
      return true;
    case K::invite_not_now:
      if (s_.profile) send({s_.profile->profile.attendee.id, {}, true, true});
      return true;
    case K::introduce_me: go(Screen::invite); return true;
    case K::stop_suggesting: {
      if (!s_.profile) return true;
      ProfileRequest r{s_.profile->profile.attendee.id, {}, false, true};
      r.edit.consent = false;
      send(std::move(r));
      return true;
    }
    default: break;
  }
  if (!s_.onboarding) return false;
  Onboarding& o = *s_.onboarding;
  auto& picked = o.picked[o.step];
  switch (i.kind) {
    case K::pick_toggle: {
      auto it = std::find(picked.begin(), picked.end(), i.arg);
      if (it != picked.end()) picked.erase(it);
      else if (picked.size() < kMaxTagsPerKind) picked.push_back(i.arg);
      o.error.clear();
      return true;
    }
    case K::pick_type_own:
      o.typing = true;
      o.typed.clear();
      return true;
    case K::pick_cancel_typed:
      o.typing = false;
      return true;
    case K::pick_add_typed: {
      std::string label(trim(o.typed));
      o.typing = false;
      if (label.empty()) return true;
      if (auto ok = check_tag_labels({label}); !ok) {
        o.error = ok.error().message;
        return true;
      }
      bool known = false;
      for (const auto& p : picked) known = known || tag_key(p) == tag_key(label);
      if (!known && picked.size() < kMaxTagsPerKind) picked.push_back(label);
      return true;
    }
    case K::pick_next:
      if (o.step + 1 < kPickerSteps) {
        ++o.step;
        o.seen[o.step] = true;
        return true;
      }
      [[fallthrough]];
    case K::pick_done: {
      if (o.sent) return true;
      ProfileRequest r{o.attendee_id, {}, false, true};
      r.edit.consent = true;
      for (int s = 0; s < kPickerSteps; ++s)
        if (o.seen[s]) r.edit.tags[static_cast<int>(kPickerKinds[s])] = o.picked[s];
      send(std::move(r));
      return true;
    }
    default: return false;
  }
}

void KioskUi::on_profile_reply(ProfileReply& r) {
  if (!r.error.empty()) {
    if (s_.onboarding) {
      s_.onboarding->error = r.error;
      s_.onboarding->sent = false;
    }
    return;
  }
  // Someone else may have scanned meanwhile: only the person on screen moves on.
  if (s_.profile && s_.profile->profile.attendee.id != r.onboarding.profile.attendee.id) return;
  s_.profile = std::move(r.onboarding);
  s_.onboarding.reset();
  if (r.suggestions) s_.suggestions = std::move(r.suggestions);
  go(Screen::suggestions);
}

}  // namespace rapport::ui
