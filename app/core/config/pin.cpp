#include "core/config/pin.hpp"

#include <sodium.h>

namespace rapport {

namespace {
bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}
}  // namespace

Result<std::string> hash_pin(const std::string& pin) {
  if (!sodium_ready()) return make_error("libsodium could not be initialised");
  if (pin.size() < 4) return make_error("a PIN needs at least 4 digits");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return make_error("not enough memory to hash the PIN");
  return std::string(out);
}

bool looks_like_pin_hash(const std::string& hash) {
  return hash.size() < crypto_pwhash_STRBYTES && hash.rfind("$argon2", 0) == 0;
}

bool verify_pin(const std::string& hash, const std::string& pin) {
  if (!sodium_ready() || !looks_like_pin_hash(hash)) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace rapport
