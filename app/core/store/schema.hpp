#pragma once
#include <string>
#include <vector>

namespace rapport::schema {

// PRAGMA application_id of every Rapport database: 'RPPT'.
inline constexpr int kApplicationId = 0x52505054;

// Migration i (0-based) moves a database from user_version i to i + 1. Never edit a
// migration that has shipped; add a new one. docs/SCHEMA.md describes the result.
const std::vector<std::string>& migrations();
inline int current_version() { return static_cast<int>(migrations().size()); }

}  // namespace rapport::schema
