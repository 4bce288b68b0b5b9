#pragma once
// The staff/admin PIN: stored only as a libsodium crypto_pwhash_str hash, checked with
// crypto_pwhash_str_verify, and rate limited. The PIN itself is never logged or kept.
#include <string>

#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace rapport {

// A crypto_pwhash_str hash of the PIN (Argon2id, interactive limits).
Result<std::string> hash_pin(const std::string& pin);
// True when `pin` matches `hash`; false for a wrong PIN or a malformed hash.
bool verify_pin(const std::string& hash, const std::string& pin);
// True when `hash` looks like something crypto_pwhash_str produced.
bool looks_like_pin_hash(const std::string& hash);

// The lockout after wrong PINs (kept in the file, growing waits): pin_lockout.hpp.

}  // namespace rapport
