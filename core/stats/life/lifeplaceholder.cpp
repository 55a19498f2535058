// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps the static library non-empty until the first reliability source lands; delete then.
namespace metroeval::stats::detail {
int lifeLibraryAnchor() { return 0; }
} // namespace metroeval::stats::detail
