// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace metroeval::core::utf8 {

/// \brief True when vectorValid() can run on this CPU (x86 with SSSE3, GCC or Clang).
bool vectorAvailable();

/// \brief True when \a bytes are whole, valid UTF-8 sequences: the set scan() accepts (RFC 3629:
/// no overlong forms, surrogates or code points above U+10FFFF), ending on a sequence boundary.
/// Checks 16 bytes at a time with the lookup method of Keiser and Lemire, "Validating UTF-8 in
/// less than one instruction per byte", Software: Practice and Experience 51(5), 2021. Says
/// nothing about where an error is; scan() finds that. Call only when vectorAvailable().
bool vectorValid(QByteArrayView bytes);

} // namespace metroeval::core::utf8
