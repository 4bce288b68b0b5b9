#pragma once
// Random identifiers from libsodium's CSPRNG.
#include <cstddef>
#include <string>

namespace rapport {

// A random RFC 4122 version-4 UUID in lower-case hex.
std::string new_uuid();
// `bytes` random bytes as RFC 4648 base32 (upper case, no padding).
std::string random_base32(size_t bytes);
std::string base32_encode(const unsigned char* data, size_t len);
// Lower-case hex of a keyed-free BLAKE2b hash (32 bytes) of `text`.
std::string hash_hex(const std::string& text);

}  // namespace rapport
